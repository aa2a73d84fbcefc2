"""Issue 15, twelfth round: a broadcaster's station named after it - "Radio" and a number or
a region ("BBC Radio 4", "BBC Radio Kent") - is listed whole; the broadcaster alone stays
itself; invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices will fall, the head of Energy Group Ltd said on BBC Radio 4.", "BBC Radio 4"),
        ("She told BBC Radio Kent that parents need clarity.", "BBC Radio Kent"),
        ("He told the BBC on Monday that he would stay.", "BBC"),
    ],
)
def test_the_station_is_named_whole(text: str, expected: str) -> None:
    assert expected in [o.name for o in find_entities(text, "en").organisations]
