"""Issue 15, twelfth round: French state bodies written in lower case - courts, prosecutors,
prefectures, regional audit chambers, a canton's police - are organisations when named with
their seat, and common nouns without it; invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


def orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "fr").organisations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il comparaîtra devant le tribunal correctionnel de Lyon en mars.", "tribunal correctionnel de Lyon"),
        ("Le parquet d'Abidjan a ouvert une enquête.", "parquet d'Abidjan"),
        ("La préfecture du Rhône a interdit la circulation des poids lourds.", "préfecture du Rhône"),
        ("L'affaire ira devant la cour d'appel de Paris.", "cour d'appel de Paris"),
        ("La chambre régionale des comptes Occitanie a pointé le retard.",
         "chambre régionale des comptes Occitanie"),
        ("La chambre régionale des comptes Auvergne-Rhône-Alpes avait alerté.",
         "chambre régionale des comptes Auvergne-Rhône-Alpes"),
    ],
)
def test_a_body_named_with_its_seat_is_an_organisation(text: str, expected: str) -> None:
    assert orgs(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L'alerte a été donnée par la police cantonale valaisanne.", "police cantonale valaisanne"),
        ("Le Grand Conseil genevois a voté le crédit.", "Grand Conseil genevois"),
    ],
)
def test_a_canton_s_body_is_named_by_the_canton_s_adjective(text: str, expected: str) -> None:
    assert orgs(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Le parquet a requis deux ans d'emprisonnement avec sursis.",
        "Les candidatures sont à déposer en préfecture avant le 8 janvier.",
        "Le tribunal a rendu sa décision jeudi.",
    ],
)
def test_without_its_seat_it_is_a_common_noun(text: str) -> None:
    assert orgs(text) == []
