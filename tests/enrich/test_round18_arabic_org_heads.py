"""Round eighteen, Arabic organisations: a union ("نقابة"), a municipality ("أمانة"), a
secretariat of state ("كتابة الدولة"), a league ("رابطة") and a group ("مجموعة") head a
body's name, so a verb of saying before them reads no person's name there ("وقالت نقابة
المهندسين" is no woman); "حركة" (traffic), "شبكة" (a network) and "غرفة" (a room) stay
common nouns."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities

pytestmark = pytest.mark.usefixtures("no_archive")  # the rules on their own (tests/conftest.py)


def _found(text: str) -> tuple[list[str], list[str]]:
    e = find_entities(text, "ar")
    return [p.name or "" for p in e.people], [o.name or "" for o in e.organisations]


def test_a_union_after_a_verb_of_saying_is_a_body() -> None:
    people, orgs = _found("وقالت نقابة المهندسين الليبيين: \"لن نقبل بهذا القرار\".")
    assert people == []
    assert "نقابة المهندسين الليبيين" in orgs


def test_a_municipality_and_a_secretariat_of_state() -> None:
    people, orgs = _found(
        "وأعلنت أمانة محافظة الطائف إغلاق الطرق.\n"
        "وقالت كتابة الدولة المكلفة بالتجارة الخارجية إن القرار مؤقت."
    )
    assert people == []
    assert "أمانة محافظة الطائف" in orgs
    assert any(o.startswith("كتابة الدولة المكلفة") for o in orgs)


def test_a_league_and_a_group() -> None:
    _, orgs = _found("وقالت رابطة الأندية السعودية إن مجموعة الراجحي وقعت عقد الرعاية.")
    assert "رابطة الأندية السعودية" in orgs
    assert "مجموعة الراجحي" in orgs


def test_traffic_and_a_network_are_no_bodies() -> None:
    _, orgs = _found("وتوقفت حركة الملاحة في الميناء، فيما تضررت شبكة الطرق في المدينة.")
    assert orgs == []
