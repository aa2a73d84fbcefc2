""":func:`merge_contained`: one quotation per utterance.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newswire.model import Quote
from newswire.vocab.places import WORD_RE, fold


def _words(text: str) -> tuple[str, ...]:
    return tuple(map(fold, WORD_RE.findall(text)))


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
    if len(quotes) < 2:
        return list(quotes)
    words = [_words(q.text) for q in quotes]
    keys = [_key(w) for w in words]
    sizes = [len(w) for w in words]

    kept: list[Quote] = []
    for i, quote in enumerate(quotes):
        key, size = keys[i], sizes[i]
        # inside a longer quote, or in one as long that comes first
        if size and any(
            key in keys[j] for j in range(len(quotes))
            if sizes[j] > size or (sizes[j] == size and j < i)
        ):
            continue
        if quote.speaker is None:
            speaker = next((
                q.speaker for j, q in enumerate(quotes)
                if j != i and q.speaker is not None and 0 < sizes[j] <= size and keys[j] in key
            ), None)
            if speaker is not None:
                quote = replace(quote, speaker=speaker)
        kept.append(quote)
    return kept
