"""Datelines: the place (and date, and agency) a story opens with, moved out of the body.

The parsing itself (which openings are datelines) lives in :mod:`newswire.formats.dateline`,
shared with the wire-text parser (with the house styles of SPA, QNA, WAM, MENA, Petra, KUNA,
SANA and TASS in :mod:`newswire.formats.agency_dateline`);
``Dateline``, ``parse_dateline`` and ``MAX_PLACE_CHARS`` are re-exported here for the steps
that import them from this module. This step applies it to the
start of the first paragraph of a body, or to a first paragraph of its own - or, below a
kicker or byline line ("CENTRAL ASIA"), to the second, the kicker staying in the body.
"""

from __future__ import annotations

import html
import re

from newswire.formats.dateline import MAX_PLACE_CHARS, Dateline, kicker_line, parse_dateline
from newswire.formats.sanitize import html_to_text
from newswire.model import MACHINE_CREATOR, Concept, Item, Text

__all__ = ["MAX_PLACE_CHARS", "Dateline", "extract_dateline", "parse_dateline"]

_FIRST_BLOCK_RE = re.compile(
    r"\s*<(?P<tag>p|div)\b(?P<attrs>[^>]*)>(?P<inner>.*?)</(?P=tag)\s*>\s*", re.S | re.I
)
_LEADING_TAGS_RE = re.compile(r"\s*(?:<(?!/)[^>]*>\s*)*")


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
    found = _strip_plain_first(text)
    first, newline, rest = text.lstrip().partition("\n")
    if found is not None or not (newline and kicker_line(first)):
        return found
    below = _strip_plain_first(rest)  # a kicker or byline stays above it
    return None if below is None else (below[0], first + newline + below[1])


def _strip_plain_first(text: str) -> tuple[Dateline, str] | None:
    stripped = text.lstrip()
    first, newline, rest = stripped.partition("\n")
    dateline = parse_dateline(first)
    if dateline is None:
        return None
    if dateline.remainder:
        return dateline, dateline.remainder + newline + rest
    return dateline, rest.lstrip("\n")


def _strip_html(fragment: str) -> tuple[Dateline, str] | None:
    found = _strip_html_first(fragment)
    block = _FIRST_BLOCK_RE.match(fragment)
    if found is not None or block is None or not kicker_line(html_to_text(block["inner"])):
        return found
    below = _strip_html_first(fragment[block.end():])  # a kicker or byline stays above it
    return None if below is None else (below[0], fragment[:block.end()] + below[1])


def _strip_html_first(fragment: str) -> tuple[Dateline, str] | None:
    """The dateline the first paragraph opens with (or is), and the fragment without it."""
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
