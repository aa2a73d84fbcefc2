"""Datelines in the house styles of Arab agencies and of TASS that :mod:`newswire.formats.dateline`
does not read on its own. Pure parsing, no Item.

Recognised at the start of a paragraph (or as a line of its own)::

    جدة 3 ديسمبر 2026 (واس) - Text...        (SPA: city, date, the agency in brackets, a dash)
    الدوحة في 03 ديسمبر /قنا/ Text...         (QNA: city "في" date, the agency in slashes)
    أبوظبي في 3 ديسمبر / وام / Text...        (WAM)
    القاهرة في 3 ديسمبر /أ ش أ/ Text...       (MENA: the agency's initials)
    عمان 3 كانون الأول (بترا) - Text...        (Petra: a Levantine month name)
    الكويت - 3 - 12 (كونا) -- Text...          (KUNA: day - month in figures)
    الرياض 5 رجب 1448 هـ الموافق 25 ديسمبر 2026 م واس Text...  (SPA: its name bare)
    دمشق-سانا                                  (SANA: city-agency alone on its line)
    الرياض - واس                               (spaced dash: only an agency's name)
    Казань. 3 декабря. /ТАСС/. Text...         (TASS with the city and date as sentences)

What keeps an ordinary first sentence out: an Arabic dateline needs a date made of a day and a
month name (or figures in the KUNA shape) and the agency in brackets or slashes right after
it; ``city-agency`` only stands alone on its line and its city must be a city or country the
gazetteer knows; the TASS form needs a place in capitals at the start and the agency between
slashes. :func:`agency_dateline` is called by :func:`newswire.formats.dateline.parse_dateline`
when none of its own forms matched, so the wire-text parser and the enrichment's dateline step
both read these shapes.
"""

from __future__ import annotations

import re

from newswire.formats.dateline import MAX_PLACE_CHARS, Dateline, bare_place

__all__ = ["agency_dateline"]

_AR_LETTER = r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc]"
_AR_WORD = rf"{_AR_LETTER}[\u0621-\u065f\u0670-\u06d3\u06fa-\u06ff\ufb50-\ufdff\ufe70-\ufefc]*"
_FI = "في"
# A place of one to three words, none of them "في" (the word before the date).
_AR_PLACE = rf"(?!{_FI}\s){_AR_WORD}(?:\s(?!{_FI}\s){_AR_WORD}){{0,2}}"
_AR_MONTHS = (
    # Gregorian months as written in the Mashriq and the Maghreb
    "يناير", "فبراير", "مارس", "أبريل", "ابريل", "إبريل", "مايو", "يونيو", "يونيه", "يوليو",
    "يوليه", "أغسطس", "اغسطس", "سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر", "جانفي",
    "فيفري", "أفريل", "ماي", "جوان", "جويلية", "أوت",
    # Syriac month names of the Levant and Iraq
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
    "تشرين الأول", "تشرين الثاني", "كانون الأول",
)
_AR_MONTH = "(?:" + "|".join(sorted(_AR_MONTHS, key=len, reverse=True)) + ")"
_HIJRI_MONTHS = (
    "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "ربيع الثاني", "جمادى الأولى", "جمادى الآخرة",
    "جمادى الثانية", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
)
_HIJRI_MONTH = "(?:" + "|".join(sorted(_HIJRI_MONTHS, key=len, reverse=True)) + ")"
_DIGIT = "[0-9\u0660-\u0669]"
# SPA writes the Hijri date first: "15 جمادى الأولى 1448 هـ الموافق 6 ديسمبر 2026 م".
_HIJRI_DATE = rf"{_DIGIT}{{1,2}}\s+{_HIJRI_MONTH}\s+{_DIGIT}{{4}}\s*هـ\s+الموافق\s+"
_AR_DATE = rf"(?:{_HIJRI_DATE})?{_DIGIT}{{1,2}}\s+{_AR_MONTH}(?:\s+{_DIGIT}{{4}})?(?:\s*م)?"
_AR_SOURCE = r"(?:\((?P<source>[^()\n]{1,25})\)|/\s*(?P<source2>[^/\n]{1,25}?)\s*/)"
_AR_SEP = r"(?P<sep>\s*[—–-]{1,2}\s*|\s*[.:]?\s+|\s*$)"
_AR_DATED_RE = re.compile(
    rf"\s*(?P<place>{_AR_PLACE})\s+(?:{_FI}\s+)?(?P<date>{_AR_DATE})\s*{_AR_SOURCE}{_AR_SEP}"
)
# SPA also writes its name bare after the two dates, with neither brackets nor a dash:
# "الرياض 15 جمادى الأولى 1448 هـ الموافق 6 ديسمبر 2026 م واس Text"; only the full Hijri and
# Gregorian date and a Gulf agency's name make it a dateline.
_BARE_AGENCIES = ("واس", "قنا", "وام", "كونا", "بنا", "العمانية")
_AR_BARE_RE = re.compile(
    rf"\s*(?P<place>{_AR_PLACE})\s+(?P<date>{_HIJRI_DATE}{_DIGIT}{{1,2}}\s+{_AR_MONTH}\s+{_DIGIT}{{4}}\s*م)"
    rf"\s+(?P<source>{'|'.join(_BARE_AGENCIES)})(?:\s*[—–-]{{1,2}}\s*|\s+|\s*$)"
)
# KUNA: "الكويت - 3 - 12 (كونا) --", the day and the month in figures between dashes.
_AR_FIGURES_RE = re.compile(
    rf"\s*(?P<place>{_AR_PLACE})\s*-\s*(?P<date>{_DIGIT}{{1,2}}\s*-\s*{_DIGIT}{{1,2}})\s*{_AR_SOURCE}{_AR_SEP}"
)
# SANA: "دمشق-سانا" alone on its line, the agency glued to the city by a hyphen.
_AR_HYPHEN_RE = re.compile(rf"\s*(?P<place>{_AR_WORD}(?:\s{_AR_WORD})?)-(?P<source>{_AR_WORD})\s*")
# "الرياض - واس" alone on its line: with spaces round the dash only an agency's name is taken
# ("غزة - تقرير", a kicker, is not a dateline).
_ARAB_AGENCIES = (
    *_BARE_AGENCIES, "سانا", "بترا", "وفا", "سبأ", "الأناضول", "رويترز", "أ ف ب", "أ ش أ", "د ب أ",
    "واج", "لاماب", "تاب", "الأنباء الكويتية",
)
_AR_SPACED_HYPHEN_RE = re.compile(
    rf"\s*(?P<place>{_AR_WORD}(?:\s{_AR_WORD})?)\s+[—–-]\s+(?P<source>{'|'.join(_ARAB_AGENCIES)})\s*"
)
# TASS: "Казань. 3 декабря. /ТАСС/. Text".
_RU_MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
_UPPER_WORD = r"[^\W\d_a-zа-яё][^\W\d_'’]*"
_TASS_RE = re.compile(
    rf"\s*(?P<place>{_UPPER_WORD}(?:[ -]{_UPPER_WORD}){{0,3}})\.\s+"
    rf"(?P<date>\d{{1,2}}\s+(?:{_RU_MONTHS}))\.\s+/(?P<source>[^/\n]{{1,30}})/\.?(?:\s+|$)"
)
_MAX_SOURCE_WORDS = 4


def agency_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text`` in one of the shapes above, or None. Pure."""
    if not text:
        return None
    first = text.lstrip()[:1]
    if "\u0600" <= first <= "\u06ff":
        return _dated(text) or _hyphened(text)
    if first.isupper() and "/" in text:
        return _tass(text)
    return None


def _dated(text: str) -> Dateline | None:
    if "(" in text or "/" in text:
        match = _AR_DATED_RE.match(text) or _AR_FIGURES_RE.match(text) or _AR_BARE_RE.match(text)
    elif "الموافق" in text:
        # without brackets or slashes only SPA's bare form can match, and its date has this word
        match = _AR_BARE_RE.match(text)
    else:
        return None  # most Arabic paragraphs: no pattern is tried
    if match is None:
        return None
    place = match["place"].strip()
    source = (match["source"] or match.groupdict().get("source2") or "").strip()
    if not source or len(place) > MAX_PLACE_CHARS or len(source.split()) > _MAX_SOURCE_WORDS:
        return None
    if not bare_place(place):
        return None  # "وقال الوزير في 3 ديسمبر (...)": a sentence, not a city
    if any(ch.isdigit() for ch in source):
        return None
    return Dateline(place, " ".join(match["date"].split()), source, text[match.end():].strip())


def _hyphened(text: str) -> Dateline | None:
    if "-" not in text and "—" not in text and "–" not in text:
        return None  # both shapes have the dash
    match = _AR_HYPHEN_RE.fullmatch(text) or _AR_SPACED_HYPHEN_RE.fullmatch(text)
    if match is None or not _known_place(match["place"].strip()):
        return None
    return Dateline(match["place"].strip(), None, match["source"].strip(), "")


def _known_place(place: str) -> bool:
    """A city or country the gazetteer knows ("دمشق-سانا"; not "محمد-علي")."""
    from newswire.vocab.places import lookup  # the gazetteer loads on the first such line

    return any(p.kind in ("city", "country") for p in lookup(place))


def _tass(text: str) -> Dateline | None:
    match = _TASS_RE.match(text)
    if match is None:
        return None
    place, source = match["place"].strip(), match["source"].strip()
    if not place[:1].isupper() or len(place) > MAX_PLACE_CHARS or not source[:1].isupper():
        return None
    if len(source.split()) > _MAX_SOURCE_WORDS:
        return None
    return Dateline(place, match["date"], source, text[match.end():].strip())
