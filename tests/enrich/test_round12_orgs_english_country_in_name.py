"""Issue 15, twelfth round: a country written right after an English name's head word ends
the name ("Minerals Council South Africa", "Stanbic Bank Kenya"); a country after a full stop
or before more capitalised words is not part of it; invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Minerals Council South Africa said output fell.", ["Minerals Council South Africa"]),
        ("Analysts at Stanbic Bank Kenya expect a cut.", ["Stanbic Bank Kenya"]),
        ("The Reserve Bank said so. South Africa grew.", ["Reserve Bank"]),
    ],
)
def test_a_country_after_the_head_is_in_the_name(text: str, expected: list[str]) -> None:
    assert [o.name for o in find_entities(text, "en").organisations] == expected
