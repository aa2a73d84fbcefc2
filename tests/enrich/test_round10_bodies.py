"""Issue 15, tenth round: English bodies named between "the" and a verb of saying;
invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Nebraska State Patrol said two lorries collided on the bridge.", ["Nebraska State Patrol"]),
        ("Later the Kessler Valley Transit said no bus would run.", ["Kessler Valley Transit"]),
    ],
)
def test_capitalised_words_after_the_before_said_are_a_body(text: str, expected: list[str]) -> None:
    assert [o.name for o in find_entities(text, "en").organisations] == expected


@pytest.mark.parametrize(
    "text",
    ["The Prime Minister said the bridge was safe.", "The United States said the bridge was safe."],
)
def test_a_title_or_a_place_after_the_is_no_body(text: str) -> None:
    assert list(find_entities(text, "en").organisations) == []
