"""The desk's planning diary in the store (newswire.store.diary): the form's checks, events
added, edited, confirmed and cancelled with an audit row each, who sees them, and migration
0011 up and down."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from newswire.desk import store as desk_store
from newswire.routing import Product
from newswire.store import diary, users
from newswire.store.engine import make_engine
from newswire.store.migrate import MIGRATIONS, upgrade
from newswire.wire import Wire

from conftest import open_wire

FORM = {"title": "EU summit", "starts": "2031-03-05 09:30", "place": "Brussels", "language": "en",
        "topic": "medtop:11000000", "notes": "Press at 9", "status": "confirmed"}


@pytest.fixture
def wire(db_url: str) -> Iterator[Wire]:
    opened = open_wire(db_url)
    yield opened
    opened.close()


def editor(wire: Wire, email: str = "ed@agency.test", role: str = "editor") -> int:
    return users.create_user(wire.engine, email, subscriber=None, role=role, password="x" * 12).id


def test_the_form_dates_the_event_in_the_place_s_zone_and_finds_the_place() -> None:
    fields, problems = diary.parse(FORM, may_confirm=True)
    assert problems == [] and fields is not None
    assert fields.zone == "Europe/Brussels"
    assert fields.starts_at == datetime(2031, 3, 5, 8, 30, tzinfo=UTC)
    assert fields.place_uri is not None and fields.place_uri.startswith("https://sws.geonames.org/")
    late = diary.parse({**FORM, "starts": "2031-03-05 23:30", "zone": "Asia/Tokyo"}, may_confirm=True)[0]
    assert late is not None and late.day == "2031-03-05" and late.starts_at.day == 5


@pytest.mark.parametrize(("change", "words"), [
    ({"title": " "}, "title"), ({"starts": "next week"}, "start"), ({"zone": "Mars/Olympus"}, "time zone"),
    ({"ends": "2031-03-04 10:00"}, "ends before"), ({"status": "maybe"}, "status"),
    ({"topic": "medtop:99999999"}, "Media Topic"), ({"language": "e n"}, "language"),
])
def test_the_form_says_what_is_wrong(change: dict[str, str], words: str) -> None:
    fields, problems = diary.parse({**FORM, **change}, may_confirm=True)
    assert fields is None and any(words in p for p in problems), problems


def test_a_reporter_proposes_but_does_not_confirm() -> None:
    assert diary.parse(FORM, may_confirm=False)[0] is None
    assert diary.parse({**FORM, "status": "tentative"}, may_confirm=False)[0] is not None


def test_every_change_is_audited_against_the_person(wire: Wire) -> None:
    who = editor(wire)
    fields, _ = diary.parse({**FORM, "status": "tentative"}, may_confirm=True)
    assert fields is not None
    event_id = diary.add(wire.engine, who, fields)
    diary.edit(wire.engine, who, event_id, fields.__class__(**{**_as_dict(fields), "title": "EU summit (day 1)"}))
    diary.set_status(wire.engine, who, event_id, "confirmed")
    diary.set_status(wire.engine, who, event_id, "cancelled")
    event = diary.get(wire.engine, event_id)
    assert event is not None and event.status == "cancelled" and event.title == "EU summit (day 1)"
    assert event.start == "2031-03-05T09:30+01:00" and event.updated_by == "ed@agency.test"
    rows = desk_store.audit(wire.engine, diary.audit_uri(event_id))
    assert [r.action for r in rows] == ["event-cancel", "event-confirm", "event-edit", "event-add"]
    assert {r.who for r in rows} == {"ed@agency.test"}
    with pytest.raises(LookupError):
        diary.set_status(wire.engine, who, event_id + 100, "confirmed")


def test_a_found_event_confirmed_is_linked_to_its_story(wire: Wire) -> None:
    who = editor(wire)
    fields, _ = diary.parse(FORM, may_confirm=True)
    assert fields is not None
    event_id = diary.add(wire.engine, who, fields, story_uri="urn:t:1", found_start="2031-03-05",
                         found_name="EU summit")
    listed = diary.between(wire.engine, "2031-03-01", "2031-03-31")
    assert [e.id for e in listed] == [event_id]
    assert diary.confirmed_found(listed) == {("urn:t:1", "2031-03-05", "EU summit")}
    assert desk_store.audit(wire.engine, diary.audit_uri(event_id))[0].action == "event-confirm"
    assert diary.between(wire.engine, "2031-04-01", "2031-04-30") == []


def test_which_products_see_a_desk_event() -> None:
    fields, _ = diary.parse(FORM, may_confirm=True)
    assert fields is not None
    event = diary.Event(1, fields, None, None, None, "a", "a", datetime.now(UTC))
    assert diary.admits(Product("all"), event)
    assert diary.admits(Product("en", languages=frozenset({"en"})), event)
    assert not diary.admits(Product("fr", languages=frozenset({"fr"})), event)
    assert diary.admits(Product("politics", topics=("medtop:11000000",)), event)
    assert not diary.admits(Product("sport", topics=("medtop:15000000",)), event)
    assert not diary.admits(Product("site", public_only=True), event)


def _as_dict(fields: diary.EventFields) -> dict[str, object]:
    return {name: getattr(fields, name) for name in diary.EventFields.__dataclass_fields__}


def test_migration_0011_up_and_down(blank_db_url: str) -> None:
    engine = make_engine(blank_db_url)
    upgrade(engine, "0011")
    assert "desk_events" in inspect(engine).get_table_names()
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect().execution_options(newswire_write=True) as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0010")
        conn.commit()
    assert "desk_events" not in inspect(engine).get_table_names()
    upgrade(engine)
    assert "desk_events" in inspect(engine).get_table_names()
    engine.dispose()
