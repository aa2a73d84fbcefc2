"""What a version changed against the one before it, for readers: paragraphs that differ,
with the words taken out and put in (pure functions)."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from newswire.formats.sanitize import html_to_text
from newswire.model import Item

MAX_PARAGRAPHS = 400  # a longer story is compared on its first paragraphs only


@dataclass(frozen=True, slots=True)
class Change:
    """One paragraph that changed: segments of (``=``, ``-`` or ``+``, text)."""

    segments: tuple[tuple[str, str], ...]


def paragraphs(item: Item) -> list[str]:
    head = [p for p in (item.headline, item.standfirst or "", item.located or "", item.by or "") if p]
    return (head + html_to_text(item.body_html).split("\n"))[:MAX_PARAGRAPHS]


def words(old: str, new: str) -> tuple[tuple[str, str], ...]:
    a, b = old.split(" "), new.split(" ")
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(b[j1:j2])))
    return tuple(out)


def changes(old: Item, new: Item) -> list[Change]:
    """The paragraphs of ``new`` that differ from ``old``, word by word; empty when the text is
    the same (a version that changed only its metadata)."""
    a, b = paragraphs(old), paragraphs(new)
    found: list[Change] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        olds, news = a[i1:i2], b[j1:j2]
        for k in range(max(len(olds), len(news))):
            before = olds[k] if k < len(olds) else ""
            after = news[k] if k < len(news) else ""
            if not before:
                found.append(Change((("+", after),)))
            elif not after:
                found.append(Change((("-", before),)))
            else:
                found.append(Change(words(before, after)))
    return found
