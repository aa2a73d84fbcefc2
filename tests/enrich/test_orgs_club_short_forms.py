"""In a match report a club named short by its town is the club the story names in full,
not a second organisation; a longer spelling than the one the story uses for the club is
not folded into it.

Sample texts are written for these tests.
"""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str, lang: str) -> list[str]:
    return [o.name for o in find_entities(text, lang).organisations]


def test_a_town_named_club_after_its_full_name_is_the_same_club() -> None:
    text = "Leeds United beat Fulham 2-1 on Saturday.\nLeeds plays at Brentford on Dec. 12."
    assert _orgs(text, "en").count("Leeds United") == 1
    assert "Leeds" not in _orgs(text, "en")


def test_a_french_club_named_by_its_town_is_its_adjective_named_club() -> None:
    text = "L'Olympique lyonnais a battu Nantes 2-0.\nLyon recevra Nice le 14 décembre."
    orgs = _orgs(text, "fr")
    assert "Olympique lyonnais" in orgs and "Lyon" not in orgs



def test_a_longer_town_name_is_not_folded_into_a_club_written_shorter() -> None:
    text = "Brighton beat Wolves 3-1 on Saturday.\nBrighton plays at Wolverhampton on Dec. 13."
    assert "Wolverhampton" in _orgs(text, "en")
