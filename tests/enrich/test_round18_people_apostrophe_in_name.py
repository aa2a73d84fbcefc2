"""Round eighteen, people and speakers: an apostrophe inside a name does not cut it. An Irish or
Italian prefix before one ("O'Sullivan", "D'Amato") and a short lower-case tail after one
("Le Goff'h", "Ma'an") belong to the name, in a title's name, a speaker's name and a surname
said alone; an English possessive or contraction ("Brennan's", "isn't") and a Turkish case
ending ("Yıldız'ın") still are not part of it."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str, lang: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).people]


def test_an_irish_prefix_opens_the_name() -> None:
    text = (
        '"The bridge will reopen in spring," council engineer Niamh O\'Sullivan-Reid said on Monday.\n'
        "Fergus Brennan's shop stayed shut. O'Sullivan-Reid did not give a date."
    )
    people = _people(text, "en")
    assert "Niamh O'Sullivan-Reid" in people
    assert "Sullivan-Reid" not in people
    assert speakers(text, "en") == ["Niamh O'Sullivan-Reid"]


def test_a_lower_case_tail_ends_the_name() -> None:
    text = (
        "« Les prix du poisson ne couvrent plus le gazole », a déclaré Gwenola Le Goff'h, "
        "présidente du comité des pêches.\n"
        "Le Goff'h demande une aide d'urgence."
    )
    people = _people(text, "fr")
    assert people == ["Gwenola Le Goff'h"]
    assert speakers(text, "fr") == ["Gwenola Le Goff'h"]


def test_a_tail_inside_a_double_barrelled_name() -> None:
    text = (
        '"We have vaccines for every district," said Musa Ma\'an-Kebbi, the state\'s health '
        "commissioner.\nMa'an-Kebbi said the campaign would last ten days."
    )
    people = _people(text, "en")
    assert people == ["Musa Ma'an-Kebbi"]


def test_possessives_and_turkish_endings_stay_outside() -> None:
    assert _people("Coach Dara Brennan's team lost, and Brennan said it isn't over.", "en") == ["Dara Brennan"]
    text = "Teknik direktör Selin Yıldız'ın açıklamasına göre takım hazır."
    assert "Selin Yıldız'ın" not in _people(text, "tr")
