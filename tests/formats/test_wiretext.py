"""Wire text: headline, standfirst, dateline (own line or inline), body, boilerplate kept out."""

from __future__ import annotations

import pytest

from newswire.formats import FormatError, parse
from newswire.formats.wiretext import parse_wiretext

STORY = """Port of Mersin breaks container record
Terminal handled more boxes in October than in any month since it opened
MERSIN
The port of Mersin handled a record number of containers in October, its operator said on Friday.
“We have never been this busy,” the operator's chief executive told reporters.
Volumes are expected to rise further when a new quay opens next year.
This website contains only a portion of the news stories offered to subscribers. Contact us for subscription options.
"""


def test_the_agency_shape_is_read() -> None:
    item = parse_wiretext(STORY)
    assert item.headline == "Port of Mersin breaks container record"
    assert item.standfirst is not None and item.standfirst.startswith("Terminal handled")
    assert item.located == "MERSIN"
    assert item.body_html.startswith("<p>The port of Mersin")
    assert "subscription" not in item.body_html
    assert item.body_html.count("<p>") == 3


def test_sniffed_as_text_and_identical_text_gets_the_same_uri() -> None:
    assert parse(STORY.encode()).uri == parse(STORY.encode()).uri
    assert parse(STORY.encode()).uri.startswith("urn:newswire:text:")


@pytest.mark.parametrize(("lede", "place", "source"), [
    ("ANKARA (AA) - Türkiye announced a new plan.", "ANKARA", "AA"),
    ("WASHINGTON (AP) — The Senate voted on Tuesday.", "WASHINGTON", "AP"),
    ("PARIS, Nov. 3 (AFP) - France said on Monday.", "PARIS", "AFP"),
    ("أنقرة (الأناضول) - قالت الحكومة اليوم إن الخطة جاهزة.", "أنقرة", "الأناضول"),
    ("NAIROBI, Kenya (AP) — The bank approved the loan.", "NAIROBI", "AP"),
    ("МОСКВА, 28 ноября. /ТАСС/. Совет собрался в среду.", "МОСКВА", "ТАСС"),
    ("MADRID, 2 dic (EFE).- El paro bajó en noviembre.", "MADRID", "EFE"),
    ("İZMİR, 28 Kasım (AA) - Takım finale yükseldi.", "İZMİR", "AA"),
    ("BERLIN, 28. November (dpa) - Die Bahn streikt.", "BERLIN", "dpa"),
    ("Paris, 28 novembre 2026 (AFP) — Les prix ont reculé.", "Paris", "AFP"),
    ("عمّان (بترا) - أعلنت الوزارة الخطة.", "عمّان", "بترا"),
    ("FRANKFURT/MAIN (dpa) - Die Bundesbank rechnet mit Wachstum.", "FRANKFURT/MAIN", "dpa"),
])
def test_inline_datelines_are_taken_out_of_the_first_paragraph(lede: str, place: str, source: str) -> None:
    item = parse_wiretext(f"Headline\n{lede}\nSecond paragraph.")
    assert item.located == place
    assert [c.name for c in item.info_sources] == [source]
    assert item.standfirst is None
    assert place not in item.body_html


@pytest.mark.parametrize(("lede", "place", "date"), [
    ("ANKARA, 8 Ocak (AA) - Bakanlık takvimi açıkladı.", "ANKARA", "8 Ocak"),
    ("BRUXELLES, 3 déc (AFP) - La Commission a présenté son plan.", "BRUXELLES", "3 déc"),
    ("CIUDAD DE MÉXICO, 14 ene (EFE) — Científicos instalaron sensores.", "CIUDAD DE MÉXICO", "14 ene"),
    ("ZÜRICH, 10. Dezember (dpa) – Der Verband nominiert sein Team.", "ZÜRICH", "10. Dezember"),
    ("SARAJEVO, 4. decembra (Fena) - Centralna banka je objavila podatke.", "SARAJEVO", "4. decembra"),
    ("LONDON, Dec. 3 (Reuters) - Prices rose.", "LONDON", "Dec. 3"),
])
def test_the_date_is_not_part_of_the_place(lede: str, place: str, date: str) -> None:
    item = parse_wiretext(f"Headline\nA standfirst that is an ordinary sentence.\n{lede}\nSecond paragraph.")
    assert (item.located, item.dateline_date) == (place, date)
    assert item.standfirst == "A standfirst that is an ordinary sentence."
    assert date not in item.body_html


@pytest.mark.parametrize(("line", "place", "date", "source"), [
    ("ISTANBUL", "ISTANBUL", None, None),
    ("BISHKEK, November 28. /TASS/.", "BISHKEK", "November 28", "TASS"),
    ("НОВОСИБИРСК, 12 января. /ТАСС/.", "НОВОСИБИРСК", "12 января", "ТАСС"),
    ("САНКТ-ПЕТЕРБУРГ", "САНКТ-ПЕТЕРБУРГ", None, None),
    ("GENÈVE", "GENÈVE", None, None),
    ("الرياض", "الرياض", None, None),
    ("الدار البيضاء", "الدار البيضاء", None, None),
    ("ירושלים", "ירושלים", None, None),
])
def test_a_dateline_on_its_own_line(line: str, place: str, date: str | None, source: str | None) -> None:
    item = parse_wiretext(f"Headline\nStandfirst sentence here.\n{line}\nFirst paragraph.\nSecond paragraph.")
    assert (item.located, item.dateline_date) == (place, date)
    assert [c.name for c in item.info_sources] == ([source] if source else [])
    assert item.standfirst == "Standfirst sentence here."
    assert item.body_html == "<p>First paragraph.</p><p>Second paragraph.</p>"


@pytest.mark.parametrize("line", [
    "Markets closed early.",  # an ordinary short sentence
    "Moscow - the capital - was calm.",  # mixed case without an agency
    "The U.S. said no.",
    "NATO. The alliance met on Monday.",  # capitals and a full stop, no date or agency
    "Hükümet açıklama yaptı.",
    "Правительство одобрило план.",
    "قالت الحكومة إن الخطة جاهزة.",  # Arabic sentence: punctuation
    "أعلنت الحكومة اليوم خطة جديدة للنقل",  # Arabic: more words than a place has
    "عاجل",  # a wire flag, not a place
    "URGENT",
])
def test_ordinary_short_lines_are_not_datelines(line: str) -> None:
    item = parse_wiretext(f"Headline\n{line}\nFirst paragraph.\nSecond paragraph.")
    assert item.located is None and item.info_sources == ()
    assert item.standfirst == line
    assert item.body_html == "<p>First paragraph.</p><p>Second paragraph.</p>"


def test_a_dateline_line_without_a_standfirst() -> None:
    item = parse_wiretext("Headline\nМОСКВА\nПервый абзац.\nВторой абзац.")
    assert item.standfirst is None and item.located == "МОСКВА"


def test_a_header_located_wins_over_the_dateline() -> None:
    item = parse_wiretext("Located: Ankara\n\nHeadline\nANKARA (AA) - Meclis toplandı.\nİkinci paragraf.")
    assert item.located == "Ankara"
    assert [c.name for c in item.info_sources] == ["AA"]
    assert item.body_html.startswith("<p>Meclis toplandı.</p>")


def test_blank_line_paragraphs_and_a_header_block() -> None:
    text = ("URI: urn:agency:1\nLanguage: tr\nUrgency: 2\nSubjects: medtop:15000000, 04000000\n"
            "Embargoed-Until: 2030-01-01T09:00:00+03:00\nCorrection: yes\nEd-Note: CORRECTION: score\n\n"
            "Başlık\n\nÖzet cümlesi.\n\nİSTANBUL\n\nBirinci paragraf\nsatır devamı.\n\nİkinci paragraf.\n")
    item = parse_wiretext(text)
    assert (item.uri, item.language, item.urgency) == ("urn:agency:1", "tr", 2)
    assert item.topic_codes() == ["medtop:15000000", "medtop:04000000"]
    assert item.embargoed_until is not None and item.embargoed_until.hour == 6
    assert item.is_correction and item.located == "İSTANBUL"
    assert "<p>Birinci paragraf satır devamı.</p>" in item.body_html


def test_boilerplate_patterns_are_configurable() -> None:
    text = "Headline\nBody one.\nBody two.\nCopyright Example Wire, reuse forbidden."
    assert "reuse forbidden" in parse_wiretext(text).body_html
    assert "reuse forbidden" not in parse_wiretext(text, boilerplate=[r"reuse forbidden"]).body_html


def test_body_text_is_escaped_not_interpreted() -> None:
    item = parse_wiretext("Headline\nStandfirst.\nA <script>alert(1)</script> & more.\nSecond.")
    assert "<script>" not in item.body_html and "&lt;script&gt;" in item.body_html


@pytest.mark.parametrize(("text", "status"), [
    ("only a headline", 422), ("Urgency: 12\n\nHeadline\nBody.", 422), (b"Headline\n\xff\xfe", 400),
    ("Headline\nThis website contains only a portion of the news.", 422),
])
def test_bad_wire_text_is_a_format_error(text: str | bytes, status: int) -> None:
    with pytest.raises(FormatError) as raised:
        parse_wiretext(text)
    assert raised.value.status == status
