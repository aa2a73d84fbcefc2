"""The planning diary in the portal: the API's planning entries as a month or week calendar,
only from stories the organisation may read, each linking to its story."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest

from newswire.formats.ninjs import parse_ninjs
from newswire.model import PlannedEvent, utcnow

from conftest import LiveServer
from factories import ninjs_story
from portalkit import Visitor, live, reader, readers

__all__ = ["live"]  # the portal's shared server, a fixture


@pytest.fixture(autouse=True)
def organisations(live: LiveServer) -> None:
    readers(live, {"diary-en": {"languages": ["en"]}, "diary-all": {}})


def planned(live: LiveServer, lang: str, *events: PlannedEvent, **fields: object) -> str:
    item = parse_ninjs(ninjs_story(lang, **fields)).evolve(planning=events)
    live.wire.publish(item)
    return item.uri


def day_cell(page: str, day: str) -> str:
    return page.split(f'data-day="{day}"', 1)[1].split("</td>", 1)[0]


def test_a_month_shows_the_events_of_stories_the_organisation_may_read(live: LiveServer) -> None:
    tag = uuid.uuid4().hex[:8]
    english = planned(live, "en", PlannedEvent(f"harbour opening {tag}", "2031-03-12", "March 12"),
                      PlannedEvent(f"press conference {tag}", "2031-03-20T10:30", "at 10:30 on March 20"),
                      PlannedEvent(f"budget month {tag}", "2031-03"))
    turkish = planned(live, "tr", PlannedEvent(f"meclis oylaması {tag}", "2031-03-14", "14 Mart"))
    en_reader = reader(live, "diary-en")
    page = en_reader.get("/portal/diary", params={"date": "2031-03"})
    assert page.status_code == 200 and "March 2031" in page.text
    cell = day_cell(page.text, "2031-03-12")
    assert f"harbour opening {tag}" in cell and f'href="/portal/items/{english}"' in cell
    assert "10:30" in day_cell(page.text, "2031-03-20")
    assert f"budget month {tag}" in page.text.split('class="undated"', 1)[1].split("</section>", 1)[0]
    assert f"meclis oylaması {tag}" not in page.text and turkish not in page.text
    assert f"meclis oylaması {tag}" in day_cell(reader(live, "diary-all").get(
        "/portal/diary", params={"date": "2031-03-01"}).text, "2031-03-14")
    # A month grid runs Monday to Sunday: 1 March 2031 is a Saturday, so it starts on 24 February.
    assert re.findall(r'data-day="([\d-]+)"', page.text)[0] == "2031-02-24"
    assert en_reader.get("/portal/diary", params={"date": "2031-04"}).text.count(f"harbour opening {tag}") == 0


def test_a_week_and_its_neighbours(live: LiveServer) -> None:
    tag = uuid.uuid4().hex[:8]
    planned(live, "en", PlannedEvent(f"summit {tag}", "2032-06-09"), PlannedEvent(f"vote {tag}", "2032-06-16"))
    page = reader(live, "diary-en").get("/portal/diary", params={"view": "week", "date": "2032-06-10"}).text
    assert re.findall(r'data-day="([\d-]+)"', page) == [f"2032-06-{d:02d}" for d in range(7, 14)]
    assert f"summit {tag}" in page and f"vote {tag}" not in page
    assert 'href="/portal/diary?view=week&amp;date=2032-06-14"' in page  # next week
    assert 'href="/portal/diary?view=week&amp;date=2032-05-31"' in page  # the week before


def test_killed_withheld_and_embargoed_stories_have_no_entries(live: LiveServer) -> None:
    tag = uuid.uuid4().hex[:8]
    killed = planned(live, "en", PlannedEvent(f"killed event {tag}", "2033-01-10"))
    live.wire.kill(killed, "legal")
    held = planned(live, "en", PlannedEvent(f"held event {tag}", "2033-01-11"))
    live.wire.publish(parse_ninjs(ninjs_story("en", uri=held, pubStatus="withheld")).evolve(
        planning=(PlannedEvent(f"held event {tag}", "2033-01-11"),)))
    planned(live, "en", PlannedEvent(f"embargoed event {tag}", "2033-01-12"),
            embargoedUntil=(utcnow() + timedelta(hours=2)).isoformat())
    planned(live, "en", PlannedEvent(f"open event {tag}", "2033-01-13"))
    page = reader(live, "diary-en").get("/portal/diary", params={"date": "2033-01"}).text
    assert f"open event {tag}" in page
    for gone in ("killed", "held", "embargoed"):
        assert f"{gone} event {tag}" not in page, gone


def test_nonsense_addresses_show_this_month_in_the_readers_language(live: LiveServer) -> None:
    visitor = reader(live, "diary-en")
    today = utcnow().date()
    for query in ({"date": "2031-13"}, {"date": "yesterday"}, {"view": "year"}, {"date": "9999-12-31"},
                  {"view": "week", "date": "0001-01-01"}, {"date": "２０３１-03"}):
        page = visitor.get("/portal/diary", params=query)
        assert page.status_code == 200 and f'data-day="{today.isoformat()}"' in page.text
    arabic = visitor.get("/portal/diary", params={"lang": "ar", "date": "2031-03"})
    assert 'dir="rtl"' in arabic.text and "مارس 2031" in arabic.text and "الاثنين" in arabic.text
    assert Visitor.at(live).get("/portal/diary").status_code == 303
