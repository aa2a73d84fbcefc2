"""Stems are remembered per token (store.search): the terms of a text are those the regex and
the stemmer give for the whole text, whatever its case, punctuation and white space."""

from __future__ import annotations

import pytest

from newswire.store import search

TEXTS = [
    "İstanbul'da IŞIK ısı; Iğdır", "ΟΔΟΣ ΣΟΦΟΚΛΕΟΥΣ. ΑΣ ΒΣ, Σ ΣΑ Ὀδυσσεύς", "a\u2003b\u00a0c_d e\u200bf\x1cg",
    "Dogs, cats; (birds) — ‘quotes’ 3.5 km² naïve café", "٣٤ كيلو في الساعة", "Straße STRASSE Grüße",
    "", "  \n\t ", "Ministers met ministers: the MINISTRY's minister.",
]


def whole_text(value: str, lang: str) -> list[str]:
    stemmer = search._stemmer(lang)
    words = search._WORD.findall(search._fold(value, lang))
    return list(stemmer.stemWords(words)) if stemmer else words


@pytest.mark.parametrize("lang", ["en", "tr", "ar", "de", "ru", "el", ""])
def test_stems_by_token_are_the_stems_of_the_text(lang: str) -> None:
    for text in TEXTS:
        assert search.stem_words(text, lang) == whole_text(text, lang)
        assert search.stem_words(text, lang) == whole_text(text, lang)  # remembered the second time


def test_the_memory_starts_afresh_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "STEMS_KEPT", 3)
    search._stems.cache_clear()
    text = "one two three four five six seven"
    assert search.stem_words(text, "en") == whole_text(text, "en")
    assert len(search._stems("en")) <= 3
    search._stems.cache_clear()
