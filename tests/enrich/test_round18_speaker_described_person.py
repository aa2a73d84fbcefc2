"""Round eighteen, speakers described by nationality or age: in English copy "the Swede
said", "the Japanese said", "the 31-year-old told reporters" stand for the person named just
before (in the quote's paragraph or the one above), not for nobody; a body after "the" is no
such description, and with nobody named nearby the speaker stays unknown."""

from __future__ import annotations

from newswire.enrich.entities import Entity
from newswire.enrich.quotes import find_quotes


def _speakers(text: str, people: list[str], orgs: list[Entity] | None = None) -> list[str | None]:
    return [q.speaker for q in find_quotes(text, "en", people=people, organisations=orgs or [])]


def test_the_nationality_refers_to_the_person_just_named() -> None:
    text = (
        "Marta Lindgren-Oksa won the slalom by a tenth of a second on Sunday.\n"
        "Lindgren-Oksa had crashed in the same race a year ago.\n"
        "\"This one is for my coach,\" the Swede said.\n"
    )
    assert _speakers(text, ["Marta Lindgren-Oksa"]) == ["Marta Lindgren-Oksa"]


def test_a_country_adjective_as_a_noun() -> None:
    text = (
        "Kaito Hamasaki lost in straight sets.\n"
        "Hamasaki, who has a sore wrist, did not blame the injury. \"He was simply better,\" the Japanese said.\n"
    )
    assert _speakers(text, ["Kaito Hamasaki"]) == ["Kaito Hamasaki"]


def test_the_age_refers_to_the_person_just_named() -> None:
    text = (
        "Priya Ramaswamy-Cole reached her first final.\n"
        "Ramaswamy-Cole had never won a match here. \"I stayed patient,\" the 31-year-old told reporters.\n"
    )
    assert _speakers(text, ["Priya Ramaswamy-Cole"]) == ["Priya Ramaswamy-Cole"]


def test_nobody_named_nearby_stays_unknown() -> None:
    text = (
        "Jonas Ekberg-Vik won the first race of the season.\n"
        "The second race was cancelled because of fog.\n"
        "Organisers said the course would be checked again on Monday.\n"
        "\"We will try again tomorrow,\" the Swede said.\n"
    )
    assert _speakers(text, ["Jonas Ekberg-Vik"]) == [None]
