"""Round sixteen, organisations: a German club's name keeps its numbers - the "1." before
its prefix ("1. FC ...", "1. FSV ...") and the two digits of its founding year after its
town ("SC ... 07") - but never a score."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str, lang: str) -> list[str]:
    return [e.name or "" for e in find_entities(text, lang).organisations]


def test_first_club_of_a_town_keeps_its_ordinal() -> None:
    assert "1. FC Lindenbach" in _orgs("Der 1. FC Lindenbach hat seinen Trainer am Montag entlassen.", "de")


def test_founding_year_after_the_town_is_part_of_the_name() -> None:
    assert "SV Hohenwarth 09" in _orgs("Der SV Hohenwarth 09 steht nach dem Sieg auf Platz drei.", "de")


def test_a_score_after_the_club_is_no_part_of_it() -> None:
    found = _orgs("Der SV Hohenwarth 2:1 gegen die Gäste aus Kiel.", "de")
    assert "SV Hohenwarth" in found
