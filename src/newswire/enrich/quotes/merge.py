""":func:`merge_contained`: one quotation per utterance.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newswire.model import Quote
from newswire.vocab.places import WORD_RE, fold


def _words(text: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in WORD_RE.findall(text))


_WORD_SEP = "\x00"  # between the words of a quote's key (no word holds it)


def _key(words: tuple[str, ...]) -> str:
    """The words as one string, each closed by a separator: whether one quote's words lie
    in order and side by side in another's is then a substring test, done in C."""
    return _WORD_SEP + _WORD_SEP.join(words) + _WORD_SEP


def merge_contained(quotes: Sequence[Quote]) -> list[Quote]:
    """One quotation per utterance: a quote whose words (case and punctuation aside) lie,
    in order, inside another quote's is dropped - a standfirst quoting part of a body quote,
    or the same words quoted twice (the first is kept). The longer quote keeps its speaker;
    when it has none, it takes the speaker of the first part that had one."""
    words = [_words(q.text) for q in quotes]
    keys = [_key(w) for w in words]

    def inside(i: int, j: int) -> bool:
        """Quote i's words appear in quote j's, in order and side by side."""
        return 0 < len(words[i]) <= len(words[j]) and keys[i] in keys[j]

    kept: list[Quote] = []
    for i, quote in enumerate(quotes):
        if any(
            j != i and inside(i, j)
            and (len(words[j]) > len(words[i]) or j < i)
            for j in range(len(quotes))
        ):
            continue
        if quote.speaker is None:
            speaker = next((
                q.speaker for j, q in enumerate(quotes)
                if j != i and q.speaker is not None and inside(j, i)
            ), None)
            if speaker is not None:
                quote = replace(quote, speaker=speaker)
        kept.append(quote)
    return kept
