"""Datelines: the place (and date, and agency) a story opens with. Pure parsing, no Item.

One parser for the whole flow: the wire-text parser (:mod:`newswire.formats.wiretext`) uses it
for its DATELINE line and for the inline form, and the enrichment step
(:mod:`newswire.enrich.dateline`) uses it on bodies that arrive with the dateline still in them.

Recognised at the start of a paragraph, or as a paragraph of its own::

    ISTANBUL
    BISHKEK, November 28. /TASS/. Text...
    МОСКВА, 28 ноября. /ТАСС/. Text...
    WASHINGTON (AP) — Text...
    NAIROBI, Kenya (AP) — Text...    (the place is NAIROBI; a state or country needs the agency)
    ANKARA (AA) - Text...
    MOSKVA, 28 kasım (AA) - Text...
    BERLIN, 28. November (dpa) - Text...
    MADRID, 2 dic (EFE).- Text...
    أنقرة (الأناضول) - Text...
    Istanbul (AA) - Text...          (a place not in capitals needs the agency)

To keep ordinary first sentences safe: a place in capitals needs a dash, a date, an agency
or the end of the paragraph after it; a place in mixed case, or in a script without case
(Arabic), needs the agency in brackets or slashes; wire flags such as ``URGENT`` are not
places. :func:`parse_dateline_line` is for a line that stands alone in the wire-text shape,
where an Arabic or Hebrew city on its own short line is a dateline too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["MAX_LINE_CHARS", "MAX_PLACE_CHARS", "Dateline", "parse_dateline", "parse_dateline_line"]

# A letter, then letters or combining marks (Arabic shadda and harakat, decomposed accents).
_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u05b0-\u05c7"
_WORD = rf"[^\W\d_](?:[^\W\d_]|[{_MARKS}])*"
_PLACE = rf"{_WORD}(?:(?:[ \u00a0]|-|/|\.[ \u00a0]?|['’]){_WORD}){{0,4}}"
_MONTH = r"[^\W\d_]{3,12}\.?"
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\.?\s+{_MONTH}(?:\s+\d{{4}})?"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})"
)
_SOURCE = r"(?:\((?P<source>[^()\n]{1,40})\)|/(?P<source2>[^/\n]{1,40})/)"
_AGENCY_AHEAD = r"(?=\s*\.?\s*(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/))"
_DATELINE_RE = re.compile(
    rf"\s*(?P<place>{_PLACE})"
    # After a comma: the date, or a state/country ("NAIROBI, Kenya (AP)") but only before the agency.
    rf"(?:\s*[,،]\s*(?:(?P<date>{_DATE})|{_PLACE}{_AGENCY_AHEAD}))?"
    rf"(?:\s*\.?\s*{_SOURCE})?"
    r"(?P<sep>\s*\.?\s*[—–-]{1,2}\s*|\s*[.:](?:\s+|$)|\s*$)"
)
# Arabic and Hebrew scripts have no capitals: a city alone on its line is all there is to go on.
_CASELESS_PLACE_RE = re.compile(
    r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+"
    r"(?:[ \u00a0-][\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+){0,2}"
)
_NOT_IN_PLACE = frozenset("،؛؟٫٬٪۔")
_STOP_WORDS = frozenset({
    "URGENT", "UPDATE", "UPDATED", "BREAKING", "FLASH", "CORRECTION", "CORRECTED", "ADVISORY",
    "EMBARGO", "EMBARGOED", "EXCLUSIVE", "ANALYSIS", "ACİL", "SON DAKİKA", "GÜNCELLEME",
    "СРОЧНО", "МОЛНИЯ", "EILT", "EILMELDUNG", "URGENTE", "ÚLTIMA HORA", "HITNO",
    "عاجل", "تحديث", "حصري", "تحليل",
})
MAX_PLACE_CHARS = 40
MAX_LINE_CHARS = 60  # a dateline standing on its own line is short


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    date: str | None
    source: str | None
    remainder: str  # the paragraph's text after the dateline ("" for a dateline paragraph)


@lru_cache(maxsize=128)
def parse_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text`` (one paragraph), or None. Pure.

    Cached: the wire-text parser and the summary, entities and planning steps each look at a
    story's first lines.
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


def parse_dateline_line(line: str) -> Dateline | None:
    """``line`` as a dateline standing alone (``ISTANBUL``, ``BISHKEK, November 28. /TASS/.``), or None.

    Short (at most :data:`MAX_LINE_CHARS`) and nothing after the dateline: a place in capitals,
    a place with the agency, or an Arabic/Hebrew place of one to three words alone (a script
    without capitals; the wire-text shape, a line between the standfirst and the body, is what
    marks it). Ordinary short sentences are not datelines.
    """
    line = line.strip()
    if not line or len(line) > MAX_LINE_CHARS:
        return None
    found = parse_dateline(line)
    if found is not None:
        return None if found.remainder else found
    if (
        _CASELESS_PLACE_RE.fullmatch(line)
        and not _NOT_IN_PLACE.intersection(line)
        and not any(ch.isdigit() for ch in line)
        and len(line) <= MAX_PLACE_CHARS
        and line not in _STOP_WORDS
    ):
        return Dateline(line, None, None, "")
    return None
