"""Silence: a source with no successful poll for three intervals, or whose polls succeed but
bring nothing new for much longer than usual, is silent in its health and on /metrics, and the
poller logs it once (WARNING) and its recovery once (INFO)."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from feedserver import feed_server
from partner_feeds import rss
from sqlalchemy import update
from test_feed_sources import poll

from newswire.model import utcnow
from newswire.sources import store as sources_store
from newswire.sources.health import (
    MIN_GAPS,
    STALE_AFTER_USUAL_GAPS,
    Facts,
    health,
    silence,
    transition,
    usual_gap,
)
from newswire.store.tables import source_items, sources
from newswire.wire import Wire

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=utcnow().tzinfo)
MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)


def facts(**overrides: object) -> Facts:
    base = Facts(name="p", paused=False, interval_seconds=60, created_at=NOW - 100 * MINUTE,
                 last_success_at=NOW - MINUTE, last_error_at=None, failures=0, last_change_at=NOW - MINUTE,
                 usual_gap_seconds=600.0)
    return replace(base, **overrides)  # type: ignore[arg-type]


def test_the_usual_gap_is_the_median_between_polls_that_changed_something() -> None:
    ten_minutes = [NOW - n * 10 * MINUTE for n in range(MIN_GAPS + 1)]
    one_poll = [NOW - timedelta(seconds=s / 10) for s in range(5)]  # items of one poll change together
    assert usual_gap(ten_minutes + one_poll, 60) == 600
    assert usual_gap([*ten_minutes, NOW - 12 * 60 * MINUTE], 60) == 600  # one long night does not move it
    assert usual_gap(ten_minutes[:MIN_GAPS], 60) is None  # too little history to say


def test_silence_no_success_for_three_intervals_or_nothing_new_for_six_usual_gaps() -> None:
    assert silence(facts(), NOW) is None
    assert "no successful poll for 181 s" in (silence(facts(last_success_at=NOW - 181 * timedelta(seconds=1)), NOW)
                                              or "")
    assert silence(facts(last_success_at=NOW - 180 * timedelta(seconds=1)), NOW) is None
    assert "never polled" in (silence(facts(last_success_at=None), NOW) or "")
    assert silence(facts(last_success_at=None, created_at=NOW - MINUTE), NOW) is None  # just declared
    stuck = NOW - STALE_AFTER_USUAL_GAPS * 600 * timedelta(seconds=1) - MINUTE
    assert "nothing new for 3660 s (usually every 600 s)" in (silence(facts(last_change_at=stuck), NOW) or "")
    assert silence(facts(last_change_at=stuck + 2 * MINUTE), NOW) is None
    assert silence(facts(last_change_at=stuck, usual_gap_seconds=None), NOW) is None
    assert silence(facts(last_change_at=stuck, paused=True), NOW) is None
    assert silence(facts(last_success_at=None, paused=True), NOW) is None


def test_a_transition_is_seen_by_exactly_one_poll() -> None:
    failing = facts(last_success_at=NOW - 10 * MINUTE, last_error_at=NOW - 2 * MINUTE, failures=2)
    # judged at its own last attempt (8 minutes after the success): already silent then
    assert transition(failing, replace(failing, last_error_at=NOW), NOW) is None
    fresh = facts(last_success_at=NOW - 2 * MINUTE, last_error_at=NOW - MINUTE, failures=1)
    assert transition(fresh, replace(fresh, last_error_at=NOW + 2 * MINUTE), NOW + 2 * MINUTE) == \
        ("silent", "no successful poll for 240 s (3 intervals: 180 s)")
    back = transition(failing, replace(failing, last_success_at=NOW, failures=0), NOW)
    assert back is not None and back[0] == "recovered"


def warnings(caplog: pytest.LogCaptureFixture, level: int) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "newswire.sources" and r.levelno == level
            and ("silent" in r.getMessage() or "recovered" in r.getMessage())]


def test_the_poller_logs_a_source_going_silent_once_and_its_recovery(wire: Wire,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="newswire.sources")
    with feed_server() as srv:
        sources_store.add_source(wire.engine, "flaky", "rss", url=srv.url + "/feed", interval=60,
                                 now=utcnow() - 10 * MINUTE)  # declared ten minutes ago, never answered
        [first] = poll(wire)
        assert not first.ok
        [second] = poll(wire, later=3 * 3600)  # past any backoff
        assert not second.ok
        assert warnings(caplog, logging.WARNING) == [
            warnings(caplog, logging.WARNING)[0]]  # once, not per poll
        assert warnings(caplog, logging.WARNING)[0].startswith("source flaky is silent: never polled successfully")
        shown = health(wire.engine, "flaky")
        assert shown["silent"] and "never polled successfully" in shown["silentReason"]

        srv.put("/feed", rss(("x-1", "Back", "<p>Back again.</p>")))
        [third] = poll(wire, later=6 * 3600)
        assert third.ok
        assert [m.split(" (")[0] for m in warnings(caplog, logging.INFO)] == ["source flaky recovered"]
        assert not health(wire.engine, "flaky")["silent"]


def test_a_feed_stuck_on_old_content_is_silent_while_its_polls_succeed(wire: Wire,
                                                                       caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="newswire.sources")
    with feed_server() as srv:
        url = srv.put("/feed", rss(*((f"old-{n}", f"Old {n}", f"<p>Old {n}.</p>") for n in range(MIN_GAPS + 1))))
        sources_store.add_source(wire.engine, "stuck", "rss", url=url, interval=60)
        [report] = poll(wire)
        assert report.ok and report.outcome.published == MIN_GAPS + 1
        assert health(wire.engine, "stuck")["usualGapSeconds"] is None  # one poll: no gaps yet

        # pretend it all happened three hours ago: a new item every ten minutes, then the last poll
        start = utcnow() - 3 * HOUR
        with wire.engine.begin() as conn:
            for n in range(MIN_GAPS + 1):
                conn.execute(update(source_items).where(source_items.c.guid == f"old-{n}")
                             .values(changed_at=start + n * 10 * MINUTE))
            conn.execute(update(sources).values(last_success_at=start + 50 * MINUTE,
                                                created_at=start - HOUR))
        [again] = poll(wire, later=120)
        assert again.ok and again.not_modified
        shown = health(wire.engine, "stuck")
        assert shown["usualGapSeconds"] == 600 and shown["lagSeconds"] < 60
        assert shown["silent"] and shown["silentReason"].startswith("polls succeed but nothing new for 78")
        assert [m.split(":")[0] for m in warnings(caplog, logging.WARNING)] == ["source stuck is silent"]
        [still] = poll(wire, later=240)
        assert still.ok and len(warnings(caplog, logging.WARNING)) == 1  # once

        srv.put("/feed", rss(("new-1", "Fresh", "<p>Something new.</p>")))
        [fresh] = poll(wire, later=360)
        assert fresh.outcome.published == 1
        assert not health(wire.engine, "stuck")["silent"]
        assert [m.split(" (")[0] for m in warnings(caplog, logging.INFO)] == ["source stuck recovered"]
