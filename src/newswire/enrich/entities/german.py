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
