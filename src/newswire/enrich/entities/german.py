"""German: compound titles glued to names ("Landtagspräsidentin X") and organisation
compounds ("Außenministerium", "Bundesbank").
"""

from __future__ import annotations

from newswire.enrich.entities.cues import _DE_TITLE_SUFFIXES
from newswire.enrich.entities.story import _Story
from newswire.vocab.places import fold


def _de_title(story: _Story, i: int, j: int, title: str | None) -> tuple[int, int, str | None]:
    """A German compound title glued before a name ("Landtagspräsidentin Hollerbach") is a
    title, not a first name."""
    if j - i >= 2 and fold(story.toks.words[i]).endswith(_DE_TITLE_SUFFIXES):
        return i + 1, j, fold(story.toks.words[i])
    return i, j, title


_DE_ARTICLES = frozenset({"der", "des", "dem", "den"})


def _de_nominative(story: _Story, start: int, end: int, name: str) -> str:
    """An organisation's adjective declined after an article back in the nominative: "der
    Deutschen Presse-Agentur" -> "Deutsche Presse-Agentur", "der Europäischen Zentralbank"
    -> "Europäische Zentralbank" (the weak ending, as after "die"/"der" in the nominative)."""
    words = story.toks.words
    first = words[start]
    if end - start < 2 or start == 0 or fold(words[start - 1]) not in _DE_ARTICLES or not (
        first[:1].isupper() and first.endswith("en") and first[-3:-2].islower()
    ) or not name.startswith(first):
        return name
    return first[:-1] + name[len(first):]
