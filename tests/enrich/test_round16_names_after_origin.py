"""Round sixteen, names: a person introduced only by where they are from - an English
country's possessive ("Norway's X Y finished second"), a club's in a match report, a
Spanish article and demonym ("el ucraniano X Y") - is a person; a body's possessive names
its bodies and policies, not people."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str, lang: str) -> list[str]:
    return [e.name or "" for e in find_entities(text, lang).people]


def test_country_possessive_before_a_name() -> None:
    text = "Canada's Marit Halvorsen finished second, 0.12 seconds behind the winner."
    assert _people(text, "en") == ["Marit Halvorsen"]


def test_club_possessive_in_a_match_report() -> None:
    text = "Leeds won 2-1 at Elland Road. Everton's Tomasz Wielicki pulled one back in the 88th minute."
    assert "Tomasz Wielicki" in _people(text, "en")


def test_body_possessive_names_no_person() -> None:
    text = "The WTO's Dispute Settlement Body will meet in Geneva on Monday."
    assert _people(text, "en") == []


def test_spanish_demonym_before_a_name() -> None:
    text = "El gol del empate lo marcó el venezolano Jhonder Rivas Marcano, en el minuto 80."
    assert _people(text, "es") == ["Jhonder Rivas Marcano"]


def test_french_nationality_noun_before_a_name() -> None:
    text = "La victoire est revenue au Kényan Joseph Kimutai Langat, devant l'Ougandais Peter Okot Ayella."
    assert _people(text, "fr") == ["Joseph Kimutai Langat", "Peter Okot Ayella"]


def test_french_article_before_a_capitalised_body_is_no_nationality() -> None:
    text = "Le Conseil fédéral Suisse Tourisme a publié ses chiffres mardi."
    assert _people(text, "fr") == []


def test_fields_of_an_office_after_a_possessive_are_no_person() -> None:
    text = ("Georgia's Economy and Sustainable Development Minister Levan Abashidze said the port "
            "would open in March.")
    assert _people(text, "en") == ["Levan Abashidze"]
