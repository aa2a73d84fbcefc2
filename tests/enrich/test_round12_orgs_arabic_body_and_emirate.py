"""Issue 15, twelfth round: an Arabic body written with its emirate or city after a spaced
dash ("دائرة الصحة - أبوظبي", as Abu Dhabi's government names its departments) is one name;
a dash that opens an aside is not; invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "ar").organisations]


def test_the_emirate_after_a_spaced_dash_is_in_the_name() -> None:
    assert orgs("وقالت دائرة الصحة - أبوظبي في بيان إن الفحص مجاني.") == ["دائرة الصحة - أبوظبي"]


def test_a_dash_that_opens_an_aside_ends_the_name() -> None:
    assert orgs("وقالت وزارة الصحة - في بيان - إن الفحص مجاني.") == ["وزارة الصحة"]
