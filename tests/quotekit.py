"""Quote tests' shared helper: the speakers :func:`~newswire.enrich.quotes.find_quotes`
gives a text's quotes, in order."""

from __future__ import annotations

from collections.abc import Sequence

from newswire.enrich.entities import Entity
from newswire.enrich.quotes import find_quotes


def speakers(
    text: str, lang: str, people: list[str] | None = None, organisations: Sequence[str] = ()
) -> list[str | None]:
    """The speaker of each quote of ``text``: ``people`` are the story's people by full name
    (None: found in the text, with its organisations, as the pipeline does), ``organisations``
    its organisations by name."""
    bodies = [Entity("organisation", name) for name in organisations]
    return [q.speaker for q in find_quotes(text, lang, people=people, organisations=bodies)]
