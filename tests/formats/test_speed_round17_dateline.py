"""Round 17 speed: parse_dateline skips the forms that cannot match a paragraph (no agency in
brackets or slashes, a first word with a small letter or no cased letter where the place can
be), the Interfax form and the Arab house styles first look for a piece every match holds.
The answers must be those of the four forms tried in turn, as before."""

from __future__ import annotations

import json
import random
from pathlib import Path

from newswire.formats import agency_dateline as agency
from newswire.formats import dateline
from newswire.formats.dateline import Dateline

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"


def _original_dotted(text: str) -> Dateline | None:
    match = dateline._DOTTED_RE.match(text)
    if match is None:
        return None
    place, source = match["place"].strip(), match["source"].strip()
    if len(place) > dateline.MAX_PLACE_CHARS or len(source) > 40 or not source.isupper():
        return None
    return Dateline(place, match["date"].strip().rstrip("."), source, text[match.end():].strip())


def _original_dated(text: str) -> Dateline | None:
    match = (agency._AR_DATED_RE.match(text) or agency._AR_FIGURES_RE.match(text)
             or agency._AR_BARE_RE.match(text))
    if match is None:
        return None
    place = match["place"].strip()
    source = (match["source"] or match.groupdict().get("source2") or "").strip()
    if not source or len(place) > dateline.MAX_PLACE_CHARS or len(source.split()) > agency._MAX_SOURCE_WORDS:
        return None
    if not dateline.bare_place(place):
        return None
    if any(ch.isdigit() for ch in source):
        return None
    return Dateline(place, " ".join(match["date"].split()), source, text[match.end():].strip())


def _original_hyphened(text: str) -> Dateline | None:
    match = agency._AR_HYPHEN_RE.fullmatch(text) or agency._AR_SPACED_HYPHEN_RE.fullmatch(text)
    if match is None or not agency._known_place(match["place"].strip()):
        return None
    return Dateline(match["place"].strip(), None, match["source"].strip(), "")


def _original_house_style(text: str) -> Dateline | None:
    if not text:
        return None
    first = text.lstrip()[:1]
    if "\u0600" <= first <= "\u06ff":
        return _original_dated(text) or _original_hyphened(text)
    if first.isupper() and "/" in text:
        return agency._tass(text)
    return None


def _original(text: str) -> Dateline | None:
    return (dateline._agency_form(text) or dateline._slash_form(text) or _original_dotted(text)
            or _original_house_style(text))


PIECES = [
    "ISTANBUL", "ANKARA", "Istanbul", "Москва", "МОСКВА", "القاهرة", "جدة", "دمشق", "الرياض",
    "New York", "NEW YORK", "PORT MORESBY", "CENTRAL ASIA", "Medellín", "ǅ", "ª", "The", "minister",
    "said", "قال", "وزير", "في", "Ankara'da", "É", "é", "ı", "İ", "e\u0301", "ИНТЕРФАКС", "ТАСС",
    "واس", "الموافق", "هـ", "م", "رجب", "ديسمبر", "декабря", "November", "Dec.", "dic", "1448",
    "2026", "3", "28", "12", "(AA)", "(AP)", "(EFE)", "(واس)", "/ТАСС/", "/قنا/", "/ ", " / ",
    "(", ")", "/", "-", " - ", " — ", "–", "--", ".", ". ", ", ", "،", ":", " ", "  ", "\u00a0",
    "\t", "-سانا", " - واس", "РИА Новости.", "URGENT", "Kenya", "Kazakhstan",
]


def _fuzzed(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) + rng.choice(["", " ", " ", ", ", ". "])
                   for _ in range(rng.randint(1, 9)))


def test_same_answers_on_fuzzed_openings() -> None:
    rng = random.Random(1717)
    for _ in range(20000):
        text = _fuzzed(rng)
        assert dateline.parse_dateline.__wrapped__(text) == _original(text), text


def test_same_answers_on_the_documented_shapes() -> None:
    shapes = [
        "ISTANBUL", "BISHKEK, November 28. /TASS/. Text", "МОСКВА, 28 ноября. /ТАСС/. Text",
        "WASHINGTON (AP) — Text", "NAIROBI, Kenya (AP) — Text", "ALMATY, Kazakhstan, Dec. 2 (Newswire) - Text",
        "MOSKVA, 28 kasım (AA) - Text", "BERLIN, 28. November (dpa) - Text", "MADRID, 2 dic (EFE).- Text",
        "Medellín (Colombia), 4 dic (EFE).- Text", "MADRID, 4 (EUROPA PRESS)",
        "НОВОСИБИРСК, 9 дек — РИА Новости. Text", "أنقرة (الأناضول) - Text", "Istanbul (AA) - Text",
        "القاهرة/ الأناضول", "بغداد/ الأناضول- Text", "القاهرة/ أ ش أ/ Text",
        "Москва. 2 декабря. ИНТЕРФАКС - Text", "جدة 3 ديسمبر 2026 (واس) - Text",
        "الدوحة في 03 ديسمبر /قنا/ Text", "عمان 3 كانون الأول (بترا) - Text", "الكويت - 3 - 12 (كونا) -- Text",
        "الرياض 5 رجب 1448 هـ الموافق 25 ديسمبر 2026 م واس Text", "دمشق-سانا", "الرياض - واس",
        "Казань. 3 декабря. /ТАСС/. Text", "The minister said on Monday that talks would go on.",
        "قال وزير الخارجية إن المحادثات ستستمر الأسبوع المقبل.", "CENTRAL ASIA", "", "   ", "ª ISTANBUL",
    ]
    for text in shapes:
        assert dateline.parse_dateline.__wrapped__(text) == _original(text), text


def test_same_answers_on_the_bench_paragraphs() -> None:
    if not DATA.is_dir():
        return
    checked = 0
    for path in sorted(DATA.rglob("*.json"))[:2000]:
        story = json.loads(path.read_text("utf-8"))
        if not isinstance(story, dict) or not isinstance(story.get("text"), str):
            continue
        for line in story["text"].split("\n")[:6]:
            assert dateline.parse_dateline.__wrapped__(line) == _original(line), line
            checked += 1
    assert checked > 1000
