"""The planning diary: future dated events relative to the story's own date.

Sample texts are written for these tests.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from newswire.enrich.planning import extract_planning, find_planned
from newswire.model import Item, PlannedEvent, Text

SUMMIT = (
    "Speaking about Moscow's chairmanship of the alliance, which will begin on Jan. 1, 2026, "
    "the president said the work would continue.\n"
    "He noted that Moscow will host the next leaders' summit on Nov. 11, 2026.\n"
    "The alliance was formed in 2002 and held its first drills on May 5, 2003.\n"
)


def _starts(events: list[PlannedEvent]) -> list[str]:
    return [e.start for e in events]


def test_explicit_future_dates_with_literal_and_clause() -> None:
    events = find_planned(SUMMIT, "en", date(2025, 11, 27))
    assert _starts(events) == ["2026-01-01", "2026-11-11"]
    assert [e.literal for e in events] == ["Jan. 1, 2026", "Nov. 11, 2026"]
    assert "chairmanship" in events[0].name and "2026" not in events[0].name
    assert events[1].name.startswith("He noted that Moscow will host the next leaders' summit")


def test_year_inference_for_dates_without_a_year() -> None:
    story = date(2026, 6, 10)
    text = (
        "The vote is on June 20.\n"
        "The conference will be held on March 3.\n"
        "On March 5, protesters gathered in the square.\n"
    )
    events = find_planned(text, "en", story)
    # June 20 is still ahead this year; March 3 has passed, so it is next year's;
    # March 5 is told in the past tense: not a diary entry.
    assert _starts(events) == ["2026-06-20", "2027-03-03"]


def test_wire_languages() -> None:
    story = date(2026, 10, 1)
    cases = [
        ("Zirve 11 Kasım 2026'da Ankara'da yapılacak.", "tr", "11 Kasım 2026"),
        ("Следующий саммит состоится 11 ноября 2026 года в Москве.", "ru", "11 ноября 2026"),
        ("La réunion aura lieu le 11 novembre à Paris.", "fr", "11 novembre"),
        ("La votación será el 11 de noviembre de 2026.", "es", "11 de noviembre de 2026"),
        ("Die Premiere findet am 11. November statt.", "de", "11. November"),
        ("Sastanak će biti održan 11. novembra 2026.", "bs", "11. novembra 2026"),
        ("ستعقد القمة في ١١ نوفمبر ٢٠٢٦ في الرياض.", "ar", "١١ نوفمبر ٢٠٢٦"),
    ]
    for text, lang, literal in cases:
        events = find_planned(text, lang, story)
        assert [(e.start, e.literal) for e in events] == [("2026-11-11", literal)], lang


def test_what_is_not_a_diary_entry() -> None:
    story = date(2026, 11, 20)
    text = (
        "The launch had originally been planned for Dec. 4 but was postponed.\n"
        "Forecasters said the cold could ease around Dec. 10.\n"
        "Runners crossed the July 15 Martyrs Bridge.\n"
        "The talks resume on Friday, and a decision is expected in January.\n"
        "Prices rose 3% on Nov. 2, 2026.\n"
    )
    assert find_planned(text, "en", story) == []
    trap_tr = "Geçen yıl birinci dönem 17 Ocak'ta sona ermişti."
    assert find_planned(trap_tr, "tr", story) == []
    trap_es = "El paro bajó el pasado 4 de noviembre."
    assert find_planned(trap_es, "es", story) == []


def test_relative_dates_and_months() -> None:
    story = date(2026, 11, 19)  # a Thursday
    text = "The committee meets next Tuesday. The report is due tomorrow."
    assert _starts(find_planned(text, "en", story)) == ["2026-11-24", "2026-11-20"]
    assert find_planned(text, "en", None) == []  # no story date: no relative dates
    month = "The new line will open in December."
    assert find_planned(month, "en", story) == []
    assert _starts(find_planned(month, "en", story, month_only=True)) == ["2026-12"]


def test_a_repeated_date_is_listed_once() -> None:
    text = "Vote set for Nov. 11, 2026\nThe vote will take place on Nov. 11, 2026."
    assert len(find_planned(text, "en", date(2026, 1, 1))) == 1


def test_step_uses_the_story_date_and_keeps_existing_entries() -> None:
    editor = PlannedEvent(name="Desk diary", start="2026-11-11")
    item = Item(
        uri="urn:p:1",
        language="en",
        version_created=datetime(2025, 11, 27, 9, 0, tzinfo=UTC),
        bodies=(Text(SUMMIT),),
        planning=(editor,),
    )
    out = extract_planning(item)
    assert out.planning[0] is editor
    assert _starts(list(out.planning)) == ["2026-11-11", "2026-01-01"]
    assert item.planning == (editor,)  # the input is not mutated
    assert extract_planning(out) is out  # nothing new the second time


def test_step_without_a_story_date_keeps_only_explicit_forward_looking_dates() -> None:
    text = "The summit will take place on Nov. 11, 2026. The report is due tomorrow."
    item = Item(uri="urn:p:2", language="en", bodies=(Text(text),))
    assert _starts(list(extract_planning(item).planning)) == ["2026-11-11"]


def test_the_storys_own_date_is_not_next_years_event() -> None:
    story = date(2026, 12, 2)  # a Wednesday
    text = "The union said on Wednesday, Dec. 2, that members will not accept the offer."
    assert find_planned(text, "en", story) == []
    french = "La SNCF a présenté ce mercredi 2 décembre ses horaires, qui entreront en vigueur le 13 décembre."
    assert _starts(find_planned(french, "fr", story)) == ["2026-12-13"]


def test_a_date_just_past_is_not_next_years_event_whatever_the_sentence_says() -> None:
    story = date(2026, 12, 2)
    text = "The consultation, opened on Nov. 30, will run until Jan. 15."
    assert _starts(find_planned(text, "en", story)) == ["2027-01-15"]
    assert find_planned("A previous strike on Nov. 20 cancelled 1,200 services.", "en", story) == []


def test_a_past_date_in_a_later_month_belongs_to_last_year() -> None:
    story = date(2027, 1, 5)
    text = "Traffic is still below normal a week after a strike began on Dec. 28. Talks resume on Jan. 12."
    assert _starts(find_planned(text, "en", story)) == ["2027-01-12"]
    russian = "Терминал вышел на полную мощность после остановки, начавшейся 26 декабря."
    assert find_planned(russian, "ru", date(2027, 1, 14)) == []


def test_a_date_two_months_back_or_more_is_next_years_when_the_sentence_looks_ahead() -> None:
    story = date(2026, 12, 2)
    assert _starts(find_planned("The fair will open on Sept. 20.", "en", story)) == ["2027-09-20"]


def test_a_passive_after_will_or_would_is_not_the_past() -> None:
    story = date(2026, 12, 1)
    text = "The first stations will be connected on March 1. The winners would be announced by March 10."
    assert _starts(find_planned(text, "en", story)) == ["2027-03-01", "2027-03-10"]


def test_the_dateline_date_of_an_interfax_story_is_not_an_entry() -> None:
    text = "Москва. 2 декабря. ИНТЕРФАКС - Совещание пройдет 9 декабря."
    assert _starts(find_planned(text, "ru", date(2026, 12, 2))) == ["2026-12-09"]


def test_relative_dates_in_arabic_and_turkish() -> None:
    story = date(2026, 12, 1)  # a Tuesday
    arabic = "ستستضيف عمان الثلاثاء المقبل مؤتمرا إقليميا."
    assert [(e.start, e.literal) for e in find_planned(arabic, "ar", story)] == [("2026-12-08", "الثلاثاء المقبل")]
    turkish = "Okullarda eğitime yarın bir gün ara verilecek."
    assert [(e.start, e.literal) for e in find_planned(turkish, "tr", story)] == [("2026-12-02", "yarın")]
