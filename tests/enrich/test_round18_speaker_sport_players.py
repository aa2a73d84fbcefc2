"""Round eighteen, speakers the person finder lost: in English sport copy a player is
introduced by a country's possessive ("Norway's Ingrid X beat") or followed by "of" and a
country ("beat Tomas Y of Chile 6-3"). Around a result verb or a next-fixture verb such a
name is a person, not a club, so the quotes the player gives afterwards have a speaker."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from newswire.enrich.quotes import find_quotes

TEXT = (
    "Norway's Ingrid Solvang-Aas beat second seed Tomas Villaroel of Chile 6-3 6-4 on Friday.\n"
    "Solvang-Aas, ranked 19th, broke serve twice in the second set.\n"
    "\"I just tried to keep the ball deep,\" Solvang-Aas said.\n"
)


def test_players_introduced_by_their_country_are_people() -> None:
    found = find_entities(TEXT, "en")
    people = [p.name for p in found.people]
    orgs = [o.name for o in found.organisations]
    assert "Ingrid Solvang-Aas" in people
    assert "Ingrid Solvang-Aas" not in orgs
    assert "Tomas Villaroel" not in orgs


def test_the_players_quote_has_its_speaker() -> None:
    found = find_entities(TEXT, "en")
    quotes = find_quotes(TEXT, "en", people=list(found.people), organisations=list(found.organisations))
    assert [q.speaker for q in quotes] == ["Ingrid Solvang-Aas"]


def test_clubs_around_a_result_are_still_clubs() -> None:
    text = "Harbour Rovers beat Millbrook Athletic 3-1 on Saturday to go top of the table.\n"
    orgs = [o.name for o in find_entities(text, "en").organisations]
    assert "Harbour Rovers" in orgs
    assert "Millbrook Athletic" in orgs
