"""The one dateline parser (formats.dateline): a dateline standing on its own line."""

from __future__ import annotations

import pytest

from newswire.formats.dateline import MAX_LINE_CHARS, Dateline, parse_dateline_line


@pytest.mark.parametrize(("line", "expected"), [
    ("ISTANBUL", Dateline("ISTANBUL", None, None, "")),
    ("  WIEN  ", Dateline("WIEN", None, None, "")),
    ("BISHKEK, November 28. /TASS/.", Dateline("BISHKEK", "November 28", "TASS", "")),
    ("ЯРОСЛАВЛЬ, 5 января. /Ньюсвайр/.", Dateline("ЯРОСЛАВЛЬ", "5 января", "Ньюсвайр", "")),
    ("Istanbul (AA)", Dateline("Istanbul", None, "AA", "")),
    ("القاهرة", Dateline("القاهرة", None, None, "")),
    ("عمّان", Dateline("عمّان", None, None, "")),
    ("أبو ظبي", Dateline("أبو ظبي", None, None, "")),
])
def test_dateline_lines(line: str, expected: Dateline) -> None:
    assert parse_dateline_line(line) == expected


@pytest.mark.parametrize("line", [
    "",
    "ANKARA (AA) - Meclis toplandı.",  # text follows: an inline dateline, not a line of its own
    "Istanbul",  # mixed case alone
    "Short sentence.",
    "NATO.",
    "في ٢٠٢٦",  # digits
    "قال الوزير، أمس",  # Arabic comma
    "وقال الوزير إن الخطة",  # four words
    "تحديث",  # a wire flag
    "A" * (MAX_LINE_CHARS + 1),
])
def test_not_dateline_lines(line: str) -> None:
    assert parse_dateline_line(line) is None
