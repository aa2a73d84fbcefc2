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
    ALMATY, Kazakhstan, Dec. 2 (Newswire) - Text...    (or with the date after the country)
    ANKARA (AA) - Text...
    MOSKVA, 28 kasım (AA) - Text...
    BERLIN, 28. November (dpa) - Text...
    MADRID, 2 dic (EFE).- Text...
    Medellín (Colombia), 4 dic (EFE).- Text...    (the country in brackets: EFE, Reuters Arabic)
    MADRID, 4 (EUROPA PRESS)                       (Europa Press: the day alone)
    НОВОСИБИРСК, 9 дек — РИА Новости. Text...    (RIA Novosti, Prime, Sputnik after the dash)
    أنقرة (الأناضول) - Text...
    Istanbul (AA) - Text...          (a place not in capitals needs the agency)
    القاهرة/ الأناضول                 (Arabic script: city/ agency, or city / reporter / agency)
    بغداد/ الأناضول- Text...
    القاهرة/ أ ش أ/ Text...          (MENA: the initials closed by a slash)
    Москва. 2 декабря. ИНТЕРФАКС - Text...    (city. date. AGENCY in capitals -)

To keep ordinary first sentences safe: a place in capitals needs a dash, a date, an agency
or the end of the paragraph after it; a place in mixed case, or in a script without case
(Arabic), needs the agency in brackets or slashes; wire flags such as ``URGENT`` are not
places. A place with neither date nor agency ("ISTANBUL", "WASHINGTON — ...") must be a
city or country the gazetteer knows, or one word it does not know (a small town): several
unknown words in capitals are a byline or a kicker ("AMINA WARSAME", "CENTRAL ASIA"), and a
region or continent is not a dateline. :func:`parse_dateline_line` is for a line that stands
alone in the wire-text shape, where an Arabic or Hebrew city on its own short line is a
dateline too (under the same rule: an interview opening with the speaker's name is not).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "MAX_LINE_CHARS", "MAX_PLACE_CHARS", "Dateline", "bare_place", "kicker_line", "parse_dateline",
    "parse_dateline_line",
]

# A letter, then letters or combining marks (Arabic shadda and harakat, decomposed accents).
# Possessive: nothing that may follow a word in these patterns (a separator, a comma, a
# bracket, a dash, the end) starts with a letter or mark, so giving letters back could never
# make a match; without it the engine tries every shorter word before failing a paragraph.
_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u05b0-\u05c7"
_WORD = rf"[^\W\d_](?:[^\W\d_]|[{_MARKS}])*+"
_PLACE = rf"{_WORD}(?:(?:[ \u00a0]|-|/|\.[ \u00a0]?|['’]){_WORD}){{0,4}}"
_MONTH = r"[^\W\d_]{3,12}\.?"
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    # AFP's first of the month: "1er déc"
    rf"|\d{{1,2}}(?:er|\.)?\s+{_MONTH}(?:\s+\d{{4}})?"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})"
)
_SOURCE = r"(?:\((?P<source>[^()\n]{1,40})\)|/(?P<source2>[^/\n]{1,40})/)"
_AGENCY_AHEAD = r"(?=\s*\.?\s*(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/))"
_DATELINE_RE = re.compile(
    rf"\s*(?P<place>{_PLACE})"
    # EFE's and Reuters Arabic's country in brackets after the city, before the date or the
    # agency: "Medellín (Colombia), 4 dic (EFE).-", "بنغازي (ليبيا) (رويترز) -".
    rf"(?:\s*\((?P<country>{_PLACE})\)(?=\s*(?:[,،]|\()))?"
    # After a comma: the date, or a state/country followed by the date ("ALMATY, Kazakhstan,
    # Dec. 2") or by the agency ("NAIROBI, Kenya (AP)"); Europa Press gives the day alone
    # before the agency ("MADRID, 4 (EUROPA PRESS)").
    rf"(?:\s*[,،]\s*(?:(?P<date>{_DATE})|(?P<day>\d{{1,2}}){_AGENCY_AHEAD}"
    rf"|{_PLACE}(?:\s*,\s*(?P<date2>{_DATE})|{_AGENCY_AHEAD})))?"
    rf"(?:\s*\.?\s*{_SOURCE})?"
    r"(?P<sep>\s*\.?\s*[—–-]{1,2}\s*|\s*[.:](?:\s+|$)|\s*$)"
)
# Arabic and Hebrew scripts have no capitals: a city alone on its line is all there is to go on.
_CASELESS = r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]"
_CASELESS_WORDS = rf"{_CASELESS}+(?:[ \u00a0\u200c-]{_CASELESS}+){{0,2}}"
_CASELESS_PLACE_RE = re.compile(_CASELESS_WORDS)
# Arabic agencies' "city/ agency" and "city / reporter / agency", alone or before a dash.
_SLASH_RE = re.compile(
    rf"\s*(?P<place>{_CASELESS_WORDS})\s*/\s*(?:[^/\n]{{1,40}}?\s*/\s*)?(?P<source>{_CASELESS_WORDS})"
    # MENA closes its initials with a slash too: "القاهرة/ أ ش أ/ Text".
    r"(?P<sep>\s*[—–-]{1,2}\s*|\s*/\s*|\s*$)"
)
# Interfax's "Москва. 2 декабря. ИНТЕРФАКС - ": the agency in capitals before the dash.
_DOTTED_RE = re.compile(
    rf"\s*(?P<place>{_PLACE})\.\s+(?P<date>\d{{1,2}}\s+{_MONTH})\.?\s+"
    r"(?P<source>[^\W\d_]+(?:[- ][^\W\d_]+){0,3})\s*[—–-]{1,2}\s*"
)
# What every match of _DOTTED_RE holds: a cheap search that rules most paragraphs out.
_DOTTED_DATE_RE = re.compile(r"\.\s+\d{1,2}\s")
# The agencies of Rossiya Segodnya name themselves after the dash, closing with a full stop:
# "НОВОСИБИРСК, 9 дек — РИА Новости. Text" (RIA Novosti, its economic service Prime, Sputnik).
_TRAILING_AGENCIES = (
    "РИА Новости", "ПРАЙМ", "Прайм", "Спутник", "Sputnik", "RIA Novosti", "РИА Новости Крым",
)
_TRAILING_AGENCY_RE = re.compile(
    "(?P<source>" + "|".join(sorted(map(re.escape, _TRAILING_AGENCIES), key=len, reverse=True))
    + r")\.(?:\s+|$)"
)
_NOT_IN_PLACE = frozenset("،؛؟٫٬٪۔")
_STOP_WORDS = frozenset({
    "URGENT", "UPDATE", "UPDATED", "BREAKING", "FLASH", "CORRECTION", "CORRECTED", "ADVISORY",
    "EMBARGO", "EMBARGOED", "EXCLUSIVE", "ANALYSIS", "ACİL", "SON DAKİKA", "GÜNCELLEME",
    "СРОЧНО", "МОЛНИЯ", "EILT", "EILMELDUNG", "URGENTE", "ÚLTIMA HORA", "HITNO",
    "عاجل", "تحديث", "حصري", "تحليل",
})
# Continents and world regions written alone in capitals are kickers, not datelines.
_REGIONS = frozenset({
    "AFRICA", "ASIA", "EUROPE", "AMERICAS", "OCEANIA", "ANTARCTICA", "BALKANS", "CAUCASUS",
    "SAHEL", "SIBERIA", "SCANDINAVIA", "AFRIKA", "ASYA", "AVRUPA", "KAFKASYA", "BALKANLAR",
    "АФРИКА", "АЗИЯ", "ЕВРОПА", "КАВКАЗ", "СИБИРЬ", "БАЛКАНЫ", "AFRIQUE", "ASIE", "EUROPA",
    "ÁFRICA", "أفريقيا", "آسيا", "أوروبا", "الخليج",
})
# First words of place names the gazetteer may not hold ("PORT MORESBY", "بندر عباس"); a
# person's name does not start with them.
_PLACE_PREFIXES = frozenset({
    "SAN", "SANTA", "SANTO", "SÃO", "PORT", "PORTO", "PUERTO", "FORT", "NEW", "EL", "LA", "LAS",
    "LOS", "SAINT", "SAINTE", "ST.", "STE.", "BAD", "MOUNT", "BANDAR", "KUALA", "KOTA", "NIZHNY",
    "NOVY", "NOVI", "NOVO", "STARA", "STARI", "STARY", "VELIKY", "BANJA", "SVETI", "НИЖНИЙ",
    "НОВЫЙ", "СТАРЫЙ", "ВЕЛИКИЙ", "YENİ", "بندر", "رأس", "عين", "بئر", "بيت", "كفر", "تل",
    "سيدي", "شرم", "دير", "خان", "جبل", "مدينة",
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
    story's first lines. The house styles of Arab agencies and TASS
    (:mod:`newswire.formats.agency_dateline`) are tried when none of the forms here match.
    """
    opening = _OPENING_RE.match(text)
    if opening is not None and "(" not in text and "/" not in text:
        # No agency in brackets or slashes (most paragraphs): the slash form cannot match,
        # nor can the agency form unless its place (which starts at the first letter and
        # has at most MAX_PLACE_CHARS) is in capitals. The answers are those of the four
        # forms in turn, without trying the ones that cannot match.
        word = opening[1]
        if any(map(str.islower, word)) and not "\u0600" <= word[0] <= "\u06ff":
            # A first word with a small letter: no place in capitals, and the house styles
            # need an Arabic first letter or a slash.
            return _dotted_form(text)
        head = text[opening.start(1):opening.start(1) + MAX_PLACE_CHARS]
        # No capital, small or title-case letter where the place can be (Arabic): the two
        # tests are True only then ("A" and "a" give each a cased letter to find).
        if (head + "A").isupper() and (head + "a").islower():
            return _dotted_form(text) or _house_style(text)
    return _agency_form(text) or _slash_form(text) or _dotted_form(text) or _house_style(text)


# The letters a paragraph opens with (after white space): the start of the agency form's place.
_OPENING_RE = re.compile(r"\s*([^\W\d_]+)")
_agency_dateline: Callable[[str], Dateline | None] | None = None


def _house_style(text: str) -> Dateline | None:
    global _agency_dateline
    if _agency_dateline is None:  # imported on first use: that module builds on this one
        from newswire.formats.agency_dateline import agency_dateline

        _agency_dateline = agency_dateline
    return _agency_dateline(text)


def _agency_form(text: str) -> Dateline | None:
    """``CITY, date (Agency) -``, ``CITY /AGENCY/.``, ``CITY -``, ``CITY`` and their variants."""
    match = _DATELINE_RE.match(text)
    if match is None:
        return None
    place = match["place"].strip()
    source = (match["source"] or match["source2"] or "").strip() or None
    date = match["date"] or match["date2"] or match["day"]
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
    if source is None and sep and sep in "—–-" and (trailing := _TRAILING_AGENCY_RE.match(remainder)):
        source, remainder = trailing["source"], remainder[trailing.end():]
    if sep in (".", ":") and not remainder and not source:
        return None
    if not (date or source) and not bare_place(place):
        return None
    return Dateline(place, date.strip().rstrip(".") if date else None, source, remainder)


def _slash_form(text: str) -> Dateline | None:
    """``القاهرة/ الأناضول`` and ``عمان / reporter / الأناضول``: the first part is the city, the
    last the agency (a reporter's name between them is the byline)."""
    match = _SLASH_RE.match(text)
    if match is None or len(match["place"]) > MAX_PLACE_CHARS:
        return None
    return Dateline(match["place"].strip(), None, match["source"].strip(), text[match.end():].strip())


def _dotted_form(text: str) -> Dateline | None:
    """``Москва. 2 декабря. ИНТЕРФАКС - Text``: only with the agency in capitals."""
    if _DOTTED_DATE_RE.search(text) is None:
        return None  # no ". 2 " anywhere (most paragraphs): the place need not be tried
    match = _DOTTED_RE.match(text)
    if match is None:
        return None
    place, source = match["place"].strip(), match["source"].strip()
    if len(place) > MAX_PLACE_CHARS or len(source) > 40 or not source.isupper():
        return None
    return Dateline(place, match["date"].strip().rstrip("."), source, text[match.end():].strip())


def bare_place(place: str) -> bool:
    """True when ``place``, with neither date nor agency beside it, can be a dateline: a city
    or country the gazetteer knows, or a name it does not know of one word (a town too small
    for it) or opening like a place (``PORT …``, ``SAN …``, ``بندر …``); not a continent or
    region, not several other unknown words (a byline, a kicker)."""
    if place.upper() in _REGIONS:
        return False
    from newswire.vocab.places import lookup  # the gazetteer loads on the first bare dateline

    known = lookup(place)
    if known:
        return any(p.kind in ("city", "country") for p in known)
    words = place.split()
    return len(words) == 1 or words[0].upper() in _PLACE_PREFIXES


def kicker_line(text: str) -> bool:
    """A line too short to be a paragraph, not ending a sentence and not a dateline: a kicker
    or a byline ("CENTRAL ASIA", "CARLOS MÉNDEZ"), above which no dateline is looked for and
    below which one may follow."""
    text = text.strip()
    return (
        bool(text) and len(text) <= MAX_LINE_CHARS
        and not text.endswith((".", "!", "?", ":")) and parse_dateline(text) is None
    )


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
        and bare_place(line)
    ):
        return Dateline(line, None, None, "")
    return None
