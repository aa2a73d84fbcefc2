"""Words of a text (newswire.enrich.text.words): the same as the word regex, only faster."""

from __future__ import annotations

import re

import pytest

from newswire.enrich.text import lower, words, words_of_lines

WORD = re.compile(r"[^\W_]+")


@pytest.mark.parametrize(("text", "lang"), [
    ("NOAA's launch, on Feb. 9 (delayed), was “perfect.” «Oui» „Ja“ \"yes\"", "en"),
    ("İSTANBUL'da 5.000 kişi; IRMAK", "tr"),
    ("МОСКВА, 28 ноября. /ТАСС/. — «Аэрофлот»", "ru"),
    ("قالَ الوزيـــر: \"نعم\"، (غدا).", "ar"),
    ("snake_case a\u00adb zero\u200bwidth 1,5% 2.000", None),
    ("", None),
])
def test_words_are_the_regex_words_lower_cased(text: str, lang: str | None) -> None:
    cleaned = re.sub("[\u064b-\u065f\u0640\u00ad\u200b]", "", text)
    assert words(text, lang) == WORD.findall(lower(cleaned, lang))


def test_words_of_lines_equal_words_of_each_line() -> None:
    lines = ["NOAA's launch, on Feb. 9.", "", "İSTANBUL'da 5.000 kişi", "قالَ «نعم»"]
    for lang in ("en", "tr", "ar", None):
        assert words_of_lines(lines, lang) == [words(line, lang) for line in lines]
    assert words_of_lines(["a\nb", "c"]) == [["a", "b"], ["c"]]  # a break inside a line
    assert words_of_lines([]) == []
