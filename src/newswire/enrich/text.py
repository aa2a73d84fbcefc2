"""Shared text helpers for the enrichment steps: plain text of an item, paragraphs, words.

The plain text of a body is cached by its HTML (a few dozen entries) because several steps
ask for it in the same pipeline run.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newswire.formats.sanitize import html_to_text
from newswire.model import Item

# Letters and digits of any script (``\w`` without the underscore), keeping in-word
# apostrophes out: "Ankara'da" -> "ankara", "da".
_WORD_RE = re.compile(r"[^\W_]+")
# Arabic diacritics (tashkeel), superscript alef and tatweel split or pad words.
_ARABIC_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_SOFT_CHARS = str.maketrans("", "", "\u00ad\u200b\u200c\u200d\u2060\ufeff")
_TURKIC = frozenset({"tr", "az"})
_TURKISH_UPPER = str.maketrans({"I": "ı", "İ": "i"})
# Outside Turkish, "İ".lower() would give "i" + a combining dot that splits words.
_DOTTED_I = str.maketrans({"İ": "i"})


def primary_language(lang: str | None) -> str | None:
    """The primary subtag, lower case: ``"pt-BR"`` -> ``"pt"``."""
    if not lang:
        return None
    return lang.split("-", 1)[0].split("_", 1)[0].lower() or None


def lower(text: str, lang: str | None = None) -> str:
    """Lower case, Turkish-aware: in tr/az ``I`` -> ``ı``; ``İ`` -> ``i`` everywhere."""
    if primary_language(lang) in _TURKIC:
        return text.translate(_TURKISH_UPPER).lower()
    if "İ" in text:
        text = text.translate(_DOTTED_I)
    return text.lower()


def words(text: str, lang: str | None = None) -> list[str]:
    """Lower-cased words (letters/digits of any script), Arabic diacritics removed."""
    text = _ARABIC_MARKS_RE.sub("", text.translate(_SOFT_CHARS))
    return _WORD_RE.findall(lower(text, lang))


@lru_cache(maxsize=64)
def _plain(body: str, content_type: str | None) -> str:
    if content_type and "html" not in content_type.lower():
        lines = (" ".join(line.split()) for line in body.splitlines())
        return "\n".join(line for line in lines if line)
    return html_to_text(body)


def body_text(item: Item) -> str:
    """The main body as plain text, one paragraph per line."""
    body = _main_body(item)
    return _plain(body[0], body[1]) if body else ""


def body_paragraphs(item: Item) -> list[str]:
    text = body_text(item)
    return text.split("\n") if text else []


def item_text(item: Item) -> str:
    """Headline, standfirst and body as plain text, one paragraph per line."""
    parts = [item.headline.strip(), (item.standfirst or "").strip(), body_text(item)]
    return "\n".join(p for p in parts if p)


def _main_body(item: Item) -> tuple[str, str | None] | None:
    chosen = None
    for body in item.bodies:
        if body.role == "main":
            chosen = body
            break
    if chosen is None and item.bodies:
        chosen = item.bodies[0]
    if chosen is None:
        return None
    content_type = chosen.content_type
    if content_type is None and "<" not in chosen.value:
        content_type = "text/plain"
    return chosen.value, content_type
