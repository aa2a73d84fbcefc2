"""Datelines: the place (and date, and agency) a story opens with, moved out of the body.

Recognised at the start of the first paragraph, or as a paragraph of its own::

    ISTANBUL
    BISHKEK, November 28. /TASS/. Text...
    WASHINGTON (AP) — Text...
    ANKARA (AA) - Text...
    MOSKVA, 28 kasım (AA) - Text...
    BERLIN, 28. November (dpa) - Text...
    أنقرة (الأناضول) - Text...
    Istanbul (AA) - Text...          (a place not in capitals needs the agency)

To keep ordinary first sentences safe: a place in capitals needs a dash, a date, an agency
or the end of the paragraph after it; a place in mixed case, or in a script without case
(Arabic), needs the agency in brackets or slashes; wire flags such as ``URGENT`` are not
places.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from newswire.formats.sanitize import html_to_text
from newswire.model import MACHINE_CREATOR, Concept, Item, Text

_WORD = r"[^\W\d_]+"
_PLACE = rf"{_WORD}(?:(?:[ \u00a0]|-|\.[ \u00a0]?|['’]){_WORD}){{0,4}}"
_MONTH = r"[^\W\d_]{3,12}\.?"
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\.?\s+{_MONTH}(?:\s+\d{{4}})?"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})"
)
_SOURCE = r"(?:\((?P<source>[^()\n]{1,40})\)|/(?P<source2>[^/\n]{1,40})/)"
_DATELINE_RE = re.compile(
    rf"\s*(?P<place>{_PLACE})"
    rf"(?:\s*[,،]\s*(?P<date>{_DATE}))?"
    rf"(?:\s*\.?\s*{_SOURCE})?"
    r"(?P<sep>\s*[—–-]{1,2}\s*|\s*[.:](?:\s+|$)|\s*$)"
)
_STOP_WORDS = frozenset({
    "URGENT", "UPDATE", "UPDATED", "BREAKING", "FLASH", "CORRECTION", "CORRECTED", "ADVISORY",
    "EMBARGO", "EMBARGOED", "EXCLUSIVE", "ANALYSIS", "ACİL", "SON DAKİKA", "GÜNCELLEME",
    "СРОЧНО", "МОЛНИЯ", "EILT", "EILMELDUNG", "URGENTE", "ÚLTIMA HORA", "HITNO",
    "عاجل",
})
MAX_PLACE_CHARS = 40
_FIRST_BLOCK_RE = re.compile(
    r"\s*<(?P<tag>p|div)\b(?P<attrs>[^>]*)>(?P<inner>.*?)</(?P=tag)\s*>\s*", re.S | re.I
)
_LEADING_TAGS_RE = re.compile(r"\s*(?:<(?!/)[^>]*>\s*)*")


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    date: str | None
    source: str | None
    remainder: str  # the paragraph's text after the dateline ("" for a dateline paragraph)


@lru_cache(maxsize=128)
def parse_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text`` (one paragraph), or None. Pure.

    Cached: the summary, entities and planning steps each look at a story's first lines.
    """
    match = _DATELINE_RE.match(text)
    if match is None:
        return None
    place = match["place"].strip()
    source = (match["source"] or match["source2"] or "").strip() or None
    date = match["date"]
    sep = match["sep"].strip()
    if len(place) > MAX_PLACE_CHARS or place.upper() in _STOP_WORDS:
        return None
    if source is not None and (len(source.split()) > 4 or source.isdigit()):
        return None
    has_case = any(ch.isupper() or ch.islower() for ch in place)
    if has_case and place.isupper():
        if sep in (".", ":") and not (date or source):
            return None
    elif not source:
        return None  # mixed case or caseless script: only with the agency named
    remainder = text[match.end():].strip()
    if sep in (".", ":") and not remainder and not source:
        return None
    return Dateline(place, date.strip().rstrip(".") if date else None, source, remainder)


def extract_dateline(item: Item) -> Item:
    """Move a dateline from the body into ``located``/``dateline_date``/``info_sources``.

    Only when ``located`` is not set yet (an editor's or parser's dateline wins).
    """
    if item.located or not item.bodies:
        return item
    index = next((i for i, b in enumerate(item.bodies) if b.role == "main"), 0)
    body = item.bodies[index]
    is_html = bool(body.content_type and "html" in body.content_type.lower()) or (
        body.content_type is None and "<" in body.value
    )
    found = _strip_html(body.value) if is_html else _strip_plain(body.value)
    if found is None:
        return item
    dateline, value = found
    bodies = list(item.bodies)
    bodies[index] = Text(value, body.role, body.content_type)
    sources = item.info_sources
    if dateline.source and not any(
        (s.name or "").casefold() == dateline.source.casefold() for s in sources
    ):
        sources = (*sources, Concept(name=dateline.source, rel="source", creator=MACHINE_CREATOR))
    return item.evolve(
        located=dateline.place,
        dateline_date=item.dateline_date or dateline.date,
        info_sources=sources,
        bodies=tuple(bodies),
    )


def _strip_plain(text: str) -> tuple[Dateline, str] | None:
    stripped = text.lstrip()
    first, newline, rest = stripped.partition("\n")
    dateline = parse_dateline(first)
    if dateline is None:
        return None
    if dateline.remainder:
        return dateline, dateline.remainder + newline + rest
    return dateline, rest.lstrip("\n")


def _strip_html(fragment: str) -> tuple[Dateline, str] | None:
    block = _FIRST_BLOCK_RE.match(fragment)
    if block is None:
        # No leading paragraph element: the first text node is the first paragraph.
        start = _LEADING_TAGS_RE.match(fragment)
        begin = start.end() if start else 0
        end = fragment.find("<", begin)
        end = len(fragment) if end < 0 else end
        dateline = parse_dateline(html.unescape(fragment[begin:end]))
        if dateline is None:
            return None
        rest = html.escape(dateline.remainder, quote=False)
        return dateline, fragment[:begin] + rest + fragment[end:]
    inner = block["inner"]
    after = fragment[block.end():]
    # Fast path: the dateline sits in the paragraph's first text node; keep the markup.
    lead = _LEADING_TAGS_RE.match(inner)
    begin = lead.end() if lead else 0
    end = inner.find("<", begin)
    end = len(inner) if end < 0 else end
    dateline = parse_dateline(html.unescape(inner[begin:end]))
    if dateline is not None and (dateline.remainder or end == len(inner)):
        new_inner = inner[:begin] + html.escape(dateline.remainder, quote=False) + inner[end:]
    else:
        # The dateline runs across inline tags: rebuild the first paragraph as plain text.
        lines = html_to_text(inner).split("\n")
        dateline = parse_dateline(lines[0]) if lines and lines[0] else None
        if dateline is None:
            return None
        kept = [dateline.remainder, *lines[1:]] if dateline.remainder else lines[1:]
        new_inner = "<br>".join(html.escape(line, quote=False) for line in kept)
    if not html_to_text(new_inner).strip():
        return dateline, after  # the paragraph was only the dateline: drop it
    opening = f"<{block['tag']}{block['attrs']}>"
    return dateline, f"{opening}{new_inner}</{block['tag']}>{after}"
