"""Datelines: recognised at the start of the body, moved into located/dateline_date/info_sources."""

from __future__ import annotations

import pytest

from newswire.enrich.dateline import Dateline, extract_dateline, parse_dateline
from newswire.model import MACHINE_CREATOR, Concept, Item, Text


@pytest.mark.parametrize(
    ("text", "place", "date", "source", "remainder"),
    [
        ("ISTANBUL", "ISTANBUL", None, None, ""),
        ("BISHKEK, November 28. /TASS/. Leaders met.", "BISHKEK", "November 28", "TASS", "Leaders met."),
        ("WASHINGTON (AP) — The Senate voted.", "WASHINGTON", None, "AP", "The Senate voted."),
        ("ANKARA (AA) - Meclis toplandı.", "ANKARA", None, "AA", "Meclis toplandı."),
        ("MOSKVA, 28 kasım (AA) - Rusya açıkladı.", "MOSKVA", "28 kasım", "AA", "Rusya açıkladı."),
        ("أنقرة (الأناضول) - أعلنت الحكومة خطة.", "أنقرة", None, "الأناضول", "أعلنت الحكومة خطة."),
        ("PARIS (AFP) - Le gouvernement a tranché.", "PARIS", None, "AFP", "Le gouvernement a tranché."),
        ("BERLIN, 28. November (dpa) - Die Bahn streikt.", "BERLIN", "28. November", "dpa",
         "Die Bahn streikt."),
        ("МОСКВА, 28 ноября. /ТАСС/. Совет собрался.", "МОСКВА", "28 ноября", "ТАСС", "Совет собрался."),
        ("NEW YORK, Nov. 3, 2026 (Reuters) -- Stocks fell.", "NEW YORK", "Nov. 3, 2026", "Reuters",
         "Stocks fell."),
        ("ST. PETERSBURG (AP) — Bridges opened.", "ST. PETERSBURG", None, "AP", "Bridges opened."),
        ("Istanbul (AA) - Köprü açıldı.", "Istanbul", None, "AA", "Köprü açıldı."),
        ("SARAJEVO, 28. novembra (Anadolija) - Vijeće je zasjedalo.", "SARAJEVO", "28. novembra",
         "Anadolija", "Vijeće je zasjedalo."),
        ("NAIROBI, Kenya (AP) — The bank lent more.", "NAIROBI", None, "AP", "The bank lent more."),
        ("MADRID, 2 dic (EFE).- El paro bajó.", "MADRID", "2 dic", "EFE", "El paro bajó."),
        ("БИШКЕК, 3 дек. /ТАСС/. Киргизия утвердила схему.", "БИШКЕК", "3 дек", "ТАСС", "Киргизия утвердила схему."),
        ("عمّان (بترا) - أعلنت الوزارة.", "عمّان", None, "بترا", "أعلنت الوزارة."),
        ("FRANKFURT/MAIN (dpa) - Die Bank rechnet.", "FRANKFURT/MAIN", None, "dpa", "Die Bank rechnet."),
        ("Paris, 28 novembre 2026 (AFP) — Les prix.", "Paris", "28 novembre 2026", "AFP", "Les prix."),
    ],
)
def test_recognises_agency_dateline_shapes(
    text: str, place: str, date: str | None, source: str | None, remainder: str
) -> None:
    assert parse_dateline(text) == Dateline(place, date, source, remainder)


@pytest.mark.parametrize(
    "text",
    [
        "Russian officials on Thursday proposed a new programme.",
        "NATO. The alliance met on Monday.",  # capitals and a full stop, but no date or agency
        "URGENT",  # a wire flag, not a place
        "Moscow - the capital - was calm.",  # mixed case needs the agency
        "أنقرة - أعلنت الحكومة",  # caseless script needs the agency
        "The U.S. said no.",
        "Nairobi, Kenya - the city grew.",  # a state or country only before the agency
        "Ankara, Istanbul (and Izmir) saw rain.",
        "الرياض",  # a caseless place alone: only wire text's DATELINE line takes it
        "",
    ],
)
def test_ordinary_openings_are_not_datelines(text: str) -> None:
    assert parse_dateline(text) is None


def html_story(body: str, **fields: object) -> Item:
    return Item(uri="urn:test:dl", bodies=(Text(body, "main", "text/html"),), **fields)  # type: ignore[arg-type]


def test_inline_dateline_moves_out_of_the_first_paragraph() -> None:
    item = html_story("<p>ANKARA (AA) - Meclis &amp; hükümet anlaştı.</p><p>İkinci paragraf.</p>")
    result = extract_dateline(item)
    assert result.located == "ANKARA"
    assert result.body_html == "<p>Meclis &amp; hükümet anlaştı.</p><p>İkinci paragraf.</p>"
    assert result.info_sources == (Concept(name="AA", rel="source", creator=MACHINE_CREATOR),)


def test_dateline_paragraph_is_removed_whole() -> None:
    result = extract_dateline(html_story("<p>ISTANBUL</p><p>The bridge reopened.</p>"))
    assert result.located == "ISTANBUL"
    assert result.dateline_date is None
    assert result.body_html == "<p>The bridge reopened.</p>"


def test_date_is_kept_as_written() -> None:
    result = extract_dateline(html_story("<p>BISHKEK, November 28. /TASS/. Leaders met.</p>"))
    assert (result.located, result.dateline_date) == ("BISHKEK", "November 28")
    assert result.body_html == "<p>Leaders met.</p>"


def test_dateline_across_inline_markup() -> None:
    result = extract_dateline(html_story("<p><strong>PARIS</strong> (AFP) - Le texte.</p><p>Suite.</p>"))
    assert result.located == "PARIS"
    assert result.body_html == "<p>Le texte.</p><p>Suite.</p>"


def test_plain_text_bodies() -> None:
    item = Item(uri="urn:test:plain", bodies=(Text("PARIS (AFP) - Le texte.\nSuite.", None, "text/plain"),))
    result = extract_dateline(item)
    assert result.located == "PARIS"
    assert result.bodies[0].value == "Le texte.\nSuite."


def test_an_existing_located_wins_and_nothing_changes() -> None:
    item = html_story("<p>ANKARA (AA) - Meclis toplandı.</p>", located="Ankara")
    assert extract_dateline(item) is item


def test_editor_dateline_date_and_sources_are_kept() -> None:
    editor_source = Concept(name="AA", rel="source")
    item = html_story(
        "<p>MOSKVA, 28 kasım (AA) - Rusya açıkladı.</p>",
        dateline_date="27 kasım",
        info_sources=(editor_source,),
    )
    result = extract_dateline(item)
    assert result.dateline_date == "27 kasım"
    assert result.info_sources == (editor_source,)  # not duplicated


def test_story_without_dateline_is_unchanged() -> None:
    item = html_story("<p>The council met on Monday.</p>")
    assert extract_dateline(item) is item
    assert extract_dateline(Item(uri="urn:test:nobody")).located is None


def test_is_the_formats_parser() -> None:
    from newswire.formats import dateline as formats_dateline

    assert parse_dateline is formats_dateline.parse_dateline
    assert Dateline is formats_dateline.Dateline


def test_plain_text_dateline_with_a_slashed_agency() -> None:
    body = Text("МОСКВА, 28 ноября. /ТАСС/. Совет собрался.\nДалее.", None, "text/plain")
    item = Item(uri="urn:test:ru", bodies=(body,))
    result = extract_dateline(item)
    assert (result.located, result.dateline_date) == ("МОСКВА", "28 ноября")
    assert result.bodies[0].value == "Совет собрался.\nДалее."


def test_is_pure() -> None:
    item = html_story("<p>WASHINGTON (AP) — The Senate voted.</p>")
    before = item.body_html
    extract_dateline(item)
    assert item.body_html == before and item.located is None and item.info_sources == ()


# -- shapes of real agency copy (issue 15) -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "date", "source", "remainder"),
    [
        # Arabic agencies: city/ agency, alone or before a dash; city / reporter / agency
        ("القاهرة/ الأناضول", "القاهرة", None, "الأناضول", ""),
        ("القاهرة/الأناضول", "القاهرة", None, "الأناضول", ""),
        ("عمان / ليث الحسيني / الأناضول", "عمان", None, "الأناضول", ""),
        ("بغداد/ الأناضول- أعلنت الوزارة.", "بغداد", None, "الأناضول", "أعلنت الوزارة."),
        ("تهران/ آناتولی", "تهران", None, "آناتولی", ""),
        # CITY, Country, Mon. D - with or without the agency
        ("ALMATY, Kazakhstan, Dec. 2 (Newswire) - The auction opens.", "ALMATY", "Dec. 2", "Newswire",
         "The auction opens."),
        ("TASHKENT, Uzbekistan, Dec. 3 — The bank held.", "TASHKENT", "Dec. 3", None, "The bank held."),
        ("LAGOS, Nigeria, 2 December (Reuters) - Fuel rose.", "LAGOS", "2 December", "Reuters", "Fuel rose."),
        # Interfax: Город. D месяца. АГЕНТСТВО - (the agency in capitals, regional services too)
        ("Москва. 2 декабря. ИНТЕРФАКС - Правительство продлило запрет.", "Москва", "2 декабря",
         "ИНТЕРФАКС", "Правительство продлило запрет."),
        ("Новосибирск. 30 ноября. ИНТЕРФАКС-СИБИРЬ - Аэропорт открылся.", "Новосибирск", "30 ноября",
         "ИНТЕРФАКС-СИБИРЬ", "Аэропорт открылся."),
        ("Нур-Султан. 1 декабря. ИНТЕРФАКС-КАЗАХСТАН - Сенат принял закон.", "Нур-Султан", "1 декабря",
         "ИНТЕРФАКС-КАЗАХСТАН", "Сенат принял закон."),
        # a known city alone or before a dash needs nothing else; so does one unknown word
        ("WASHINGTON — The Senate voted.", "WASHINGTON", None, None, "The Senate voted."),
        ("WENGEN", "WENGEN", None, None, ""),
        ("BUENOS AIRES", "BUENOS AIRES", None, None, ""),
        ("PORT MORESBY", "PORT MORESBY", None, None, ""),  # not in the gazetteer, but a place's shape
    ],
)
def test_recognises_the_shapes_of_real_agency_copy(
    text: str, place: str, date: str | None, source: str | None, remainder: str
) -> None:
    assert parse_dateline(text) == Dateline(place, date, source, remainder)


@pytest.mark.parametrize(
    "text",
    [
        "AMINA WARSAME",  # an interviewee's or a byline's name in capitals
        "CARLOS MÉNDEZ",
        "JOHN SMITH — The chief executive resigned.",
        "CENTRAL ASIA",  # a region kicker
        "WEST AFRICA",
        "EUROPE",  # a continent
        "FLORIDA",  # a state the gazetteer knows as a region
        "Москва. 2 декабря. Правительство продлило запрет - сообщили в кабмине.",  # no agency in capitals
        "القاهرة/ الأناضول وأعلنت الوزارة أمس",  # slash form runs into the text without a dash
    ],
)
def test_names_and_regions_are_not_datelines(text: str) -> None:
    assert parse_dateline(text) is None


@pytest.mark.parametrize(
    ("line", "place"),
    [("الرياض", "الرياض"), ("اصفهان", "اصفهان"), ("بندر عباس", "بندر عباس"), ("ليلى بنعمر", None),
     ("محمد العلي", None)],
)
def test_an_arabic_script_line_alone_is_a_dateline_only_when_a_place(line: str, place: str | None) -> None:
    from newswire.formats.dateline import parse_dateline_line

    found = parse_dateline_line(line)
    assert (found.place if found else None) == place


def _wire(*body: str) -> Item:
    from newswire.formats import parse

    return parse("\n".join(("Headline of the story", "A standfirst for it", *body)).encode(), "text")


def test_a_kicker_or_byline_above_the_dateline_stays_in_the_body() -> None:
    item = _wire("CENTRAL ASIA", "TASHKENT (Newswire) - Five states agreed.", "More text.")
    assert (item.located, [c.name for c in item.info_sources]) == ("TASHKENT", ["Newswire"])
    assert item.body_html == "<p>CENTRAL ASIA</p><p>Five states agreed.</p><p>More text.</p>"
    byline = _wire("CARLOS MÉNDEZ", "LIMA, 2 dic (Newswire).- El ministerio anunció.", "Más.")
    assert (byline.located, byline.dateline_date) == ("LIMA", "2 dic")


def test_an_interview_opening_with_the_speakers_name_has_no_dateline() -> None:
    arabic = _wire("ليلى بنعمر", "س: ما الجديد؟", "ج: سنعرض 80 فيلما.")
    english = _wire("AMINA WARSAME", "Q: How many people need help?", "A: About 1.2 million.")
    for item in (arabic, english):
        assert item.located is None
        assert extract_dateline(item).located is None


def test_wire_text_takes_the_arabic_slash_dateline_line() -> None:
    item = _wire("عمان / ليث الحسيني / الأناضول", "أعلنت وزارة المياه والري خطة.", "وأضاف.")
    assert (item.located, [c.name for c in item.info_sources]) == ("عمان", ["الأناضول"])
    assert "الحسيني" not in item.body_html


def test_the_step_reads_the_dateline_below_a_kicker_and_keeps_the_kicker() -> None:
    html = extract_dateline(html_story("<p>CENTRAL ASIA</p><p>TASHKENT (AA) - Five states agreed.</p><p>More.</p>"))
    assert (html.located, html.body_html) == ("TASHKENT", "<p>CENTRAL ASIA</p><p>Five states agreed.</p><p>More.</p>")
    body = Text("CARLOS MÉNDEZ\nLIMA, 2 dic (EFE).- El ministerio anunció.\nMás.", None, "text/plain")
    plain = extract_dateline(Item(uri="urn:test:plain-kicker", bodies=(body,)))
    assert (plain.located, plain.dateline_date) == ("LIMA", "2 dic")
    assert plain.bodies[0].value == "CARLOS MÉNDEZ\nEl ministerio anunció.\nMás."


def test_only_one_line_above_the_dateline_is_passed_over() -> None:
    two = html_story("<p>CENTRAL ASIA</p><p>WATER TALKS</p><p>TASHKENT (AA) - Five states agreed.</p>")
    assert extract_dateline(two) is two
    sentence = html_story("<p>The states met.</p><p>TASHKENT (AA) - Five states agreed.</p>")
    assert extract_dateline(sentence) is sentence  # a sentence is not a kicker
