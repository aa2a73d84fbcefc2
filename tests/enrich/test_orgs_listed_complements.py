"""A ministry or institute whose complement lists its fields is one name to the last field,
in the shapes French and Spanish copy writes: items after commas that repeat "de la"/"du",
lower-case adjectives inside an item, and "e" before a word opening in "i"/"hi".

Sample texts are written for these tests.
"""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str, lang: str) -> list[str]:
    return [o.name for o in find_entities(text, lang).organisations]


def test_a_french_ministry_listing_its_fields_with_articles() -> None:
    text = "Le ministère de la Pêche, de l'Économie maritime et des Transports a publié un bilan."
    assert _orgs(text, "fr") == ["ministère de la Pêche, de l'Économie maritime et des Transports"]


def test_a_spanish_institute_closing_its_list_with_e() -> None:
    text = "El Instituto de Geografía, Geología e Hidrografía publicó el informe el martes."
    assert _orgs(text, "es") == ["Instituto de Geografía, Geología e Hidrografía"]


def test_a_french_adjective_in_ieur_or_eux_stays_in_the_name() -> None:
    assert _orgs("Les étudiants ont marché vers le ministère de l'Enseignement supérieur.", "fr") == [
        "ministère de l'Enseignement supérieur"
    ]
    text = "Selon le Conseil du patrimoine religieux de Lévis, dix églises sont à vendre."
    assert _orgs(text, "fr") == ["Conseil du patrimoine religieux de Lévis"]


def test_a_list_of_other_subjects_after_a_ministry_is_not_its_complement() -> None:
    text = "Le ministère de l'Intérieur, les préfets et les maires ont réagi."
    assert _orgs(text, "fr") == ["ministère de l'Intérieur"]
