"""Issue 15, twelfth round: a French club named by a head and its town's adjective in lower
case ("Stade brestois", "Stade toulousain") is one organisation, and in a match report the
town's name alone is that club said short; invented stories."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "fr").organisations]


def test_the_head_and_the_town_s_adjective_name_the_club() -> None:
    found = orgs("Le FC Nantes a battu le Stade brestois 2-1 samedi à la Beaujoire.")
    assert "Stade brestois" in found
    assert "Stade" not in found


def test_the_town_alone_in_a_match_report_is_the_club_said_short() -> None:
    text = (
        "Le Stade toulousain a battu l'Union Bordeaux-Bègles 31-17 samedi. Toulouse reste en tête "
        "du championnat."
    )
    found = orgs(text)
    assert "Stade toulousain" in found
    assert "Toulouse" not in found


def test_a_lower_case_word_that_is_no_town_adjective_makes_no_club() -> None:
    assert orgs("Le Stade plein a vibré samedi soir.") == []
