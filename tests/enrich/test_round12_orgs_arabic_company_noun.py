"""Issue 15, twelfth round: in Arabic, "شركة" or "مجموعة" before the name of a company the
curated list knows only says what it is ("شركة إعمار العقارية" is إعمار العقارية); before an
unknown name it stays part of the name found; invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "ar").organisations]


def test_the_kind_noun_before_a_known_company_is_no_part_of_its_name() -> None:
    found = orgs("أعلنت شركة إعمار العقارية اليوم عن ارتفاع مبيعاتها في دبي.")
    assert found == ["إعمار العقارية"]


def test_a_company_named_with_its_kind_noun_in_the_list_keeps_it() -> None:
    found = orgs("وقعت شركة بترول أبوظبي الوطنية اتفاقية جديدة اليوم.")
    assert found == ["شركة بترول أبوظبي الوطنية"]
