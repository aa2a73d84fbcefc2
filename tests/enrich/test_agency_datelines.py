"""Datelines in Arab agencies' and TASS's house styles (formats.agency_dateline), read by the
enrichment's dateline step."""

from __future__ import annotations

import pytest

from newswire.enrich.dateline import extract_dateline
from newswire.formats import parse
from newswire.formats.agency_dateline import agency_dateline
from newswire.model import Item, Text


@pytest.mark.parametrize(
    ("text", "place", "date", "source", "remainder"),
    [
        ("جدة 3 ديسمبر 2026 (واس) - استقبل الميناء السفينة.", "جدة", "3 ديسمبر 2026", "واس",
         "استقبل الميناء السفينة."),
        ("الدوحة في 03 ديسمبر /قنا/ أطلقت الوزارة حملة.", "الدوحة", "03 ديسمبر", "قنا", "أطلقت الوزارة حملة."),
        ("أبوظبي في 3 ديسمبر / وام / أعلن المركز موعدا.", "أبوظبي", "3 ديسمبر", "وام", "أعلن المركز موعدا."),
        ("القاهرة في 3 ديسمبر /أ ش أ/ أعلنت الهيئة.", "القاهرة", "3 ديسمبر", "أ ش أ", "أعلنت الهيئة."),
        ("عمان 3 كانون الأول (بترا) - بدأت الوزارة.", "عمان", "3 كانون الأول", "بترا", "بدأت الوزارة."),
        ("الكويت - 3 - 12 (كونا) -- أعلنت الحكومة.", "الكويت", "3 - 12", "كونا", "أعلنت الحكومة."),
        ("الرياض 15 جمادى الأولى 1448 هـ الموافق 6 ديسمبر 2026 م (واس) - صدر القرار.", "الرياض",
         "15 جمادى الأولى 1448 هـ الموافق 6 ديسمبر 2026 م", "واس", "صدر القرار."),
        ("دمشق-سانا", "دمشق", None, "سانا", ""),
        ("Казань. 3 декабря. /ТАСС/. Терминал открыли.", "Казань", "3 декабря", "ТАСС", "Терминал открыли."),
    ],
)
def test_agency_house_styles_are_datelines(
    text: str, place: str, date: str | None, source: str, remainder: str
) -> None:
    found = agency_dateline(text)
    assert found is not None
    assert (found.place, found.date, found.source, found.remainder) == (place, date, source, remainder)


@pytest.mark.parametrize(
    "text",
    [
        "وقال الوزير في 3 ديسمبر (الماضي) إن الخطة جاهزة.",  # a sentence, not a city
        "أعلنت وزارة الصحة 3 ديسمبر (كانون الأول) الماضي موعدا.",
        "محمد-علي",  # two names joined by a hyphen: no city the gazetteer knows
        "أنقرة - أعلنت الحكومة",  # the agency is glued to the city, not a dash and a sentence
        "دمشق-سانا أعلنت الوزارة",  # city-agency only stands alone on its line
        "Он сказал. 3 декабря. /Источник/. Далее.",  # no place in capitals at the start
        "The minister said on Dec. 3 (Monday) that it was over.",
    ],
)
def test_ordinary_sentences_are_not_agency_datelines(text: str) -> None:
    assert agency_dateline(text) is None


def test_the_dateline_step_moves_an_spa_dateline_out_of_the_body() -> None:
    body = "جدة 3 ديسمبر 2026 (واس) - استقبل ميناء جدة الإسلامي أكبر سفينة.\nوقال المدير إن الميناء جاهز."
    item = Item(uri="urn:test:spa", bodies=(Text(body, None, "text/plain"),))
    out = extract_dateline(item)
    assert out.located == "جدة"
    assert out.dateline_date == "3 ديسمبر 2026"
    assert [s.name for s in out.info_sources] == ["واس"]
    assert out.bodies[0].value.startswith("استقبل ميناء جدة الإسلامي")


def test_the_wire_text_parser_reads_an_agency_dateline_under_the_headline() -> None:
    # parse_dateline knows SPA's shape, so the lead is not taken for a standfirst
    item = parse(
        "ميناء جدة يستقبل أكبر سفينة حاويات\n"
        "جدة 3 ديسمبر 2026 (واس) - استقبل ميناء جدة الإسلامي أكبر سفينة حاويات.\n"
        "وقال رئيس الهيئة إن الميناء جاهز.",
        "text",
    )
    out = extract_dateline(item)
    assert (out.located, out.dateline_date, [s.name for s in out.info_sources]) == ("جدة", "3 ديسمبر 2026", ["واس"])
    assert out.standfirst is None
    assert out.bodies[0].value.startswith("<p>استقبل ميناء جدة الإسلامي أكبر سفينة حاويات.</p>")
    assert "وقال رئيس الهيئة" in out.bodies[0].value


def test_a_standfirst_without_a_dateline_stays_the_standfirst() -> None:
    item = parse(
        "Headline of the story\n"
        "The council approved the budget after a long debate, officials said.\n"
        "ANKARA (AA) - The vote was 40 to 12.\n"
        "The next session is in March.",
        "text",
    )
    out = extract_dateline(item)
    assert out.standfirst == "The council approved the budget after a long debate, officials said."
    assert out.located == "ANKARA"


def test_sana_s_city_and_agency_line_gives_the_city_and_the_agency() -> None:
    item = parse("سوريا تبدأ موسم القمح\nدمشق-سانا\nأعلنت وزارة الزراعة خطة.\nوقال المعاون إن البذار متوفر.", "text")
    out = extract_dateline(item)
    assert out.located == "دمشق"
    assert [s.name for s in out.info_sources] == ["سانا"]
