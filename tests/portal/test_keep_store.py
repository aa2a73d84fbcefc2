"""Keep and follow in the store, and the notification follower: saved views, bookmarks and
follows are their user's alone; a user is told only of versions ``routing.may_read`` lets
the organisation read (an embargoed update at its lift, a kill with the kill notice and no
text); two followers never tell twice; email goes out through a real SMTP server."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from email import message_from_bytes
from email.message import Message
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from newswire.config import Settings
from newswire.model import KILL_HEADLINE, utcnow
from newswire.portal import notify
from newswire.store import accounts, users
from newswire.store import items as store
from newswire.store import keep as kept
from newswire.store.engine import read_tx
from newswire.store.tables import notifications
from newswire.wire import Wire

from factories import as_bytes, ninjs_story
from portalkit import Visitor, person, portal_server


def org(wire: Wire, name: str, filters: dict[str, Any]) -> int:
    accounts.create_product(wire.engine, f"{name}-product", filters)
    return accounts.create_subscriber(wire.engine, name, [f"{name}-product"]).id


def user(wire: Wire, email: str, organisation: str) -> users.User:
    return users.create_user(wire.engine, email, subscriber=organisation, role="member")


def publish(wire: Wire, lang: str = "en", **fields: Any) -> str:
    doc = ninjs_story(lang, **fields)
    wire.ingest(as_bytes(doc))
    return str(doc["uri"])


def follow_story(wire: Wire, who: users.User, uri: str, by_email: bool = False) -> None:
    assert kept.follow(wire.engine, who.id, uri=uri, by_email=by_email, since_seq=store.last_seq(wire.engine))


def drain(wire: Wire, *, email: bool = False, now: Any = None) -> None:
    while notify.follow_once(wire.engine, email=email, now=now):
        pass


def kinds(wire: Wire, who: users.User) -> list[tuple[str, int]]:
    return [(n.kind, n.version) for n in reversed(kept.notifications_of(wire.engine, who.id))]


@pytest.fixture
def desks(wire: Wire) -> dict[str, users.User]:
    org(wire, "english", {"languages": ["en"]})
    org(wire, "early", {"languages": ["en"], "embargoEarly": True})
    org(wire, "turkish", {"languages": ["tr"]})
    kept.cursor(wire.engine)  # the follower starts here, as a deployment's would
    return {name: user(wire, f"reader@{name}.example", name) for name in ("english", "early", "turkish")}


def test_views_bookmarks_and_follows_are_their_users_alone(wire: Wire, desks: dict[str, users.User]) -> None:
    a, b = desks["english"], desks["turkish"]
    view = kept.save_view(wire.engine, a.id, "  Harbour   news ", "q=harbour")
    assert view.name == "Harbour news" and [v.name for v in kept.views_of(wire.engine, a.id)] == ["Harbour news"]
    again = kept.save_view(wire.engine, a.id, "Harbour news", "q=port")  # the same name: the filter is replaced
    assert again.id == view.id and kept.views_of(wire.engine, a.id)[0].query == "q=port"
    assert kept.views_of(wire.engine, b.id) == []
    with pytest.raises(kept.KeepError):
        kept.save_view(wire.engine, a.id, "   ", "q=x")
    with pytest.raises(kept.KeepError):
        kept.save_view(wire.engine, a.id, "x" * 101, "q=x")
    # Another user can neither follow nor delete it by its id.
    assert not kept.follow(wire.engine, b.id, view_id=view.id, by_email=False, since_seq=0)
    assert not kept.delete_view(wire.engine, b.id, view.id)
    assert kept.follow(wire.engine, a.id, view_id=view.id, by_email=True, since_seq=0)
    assert [f.view_name for f in kept.follows_of(wire.engine, a.id)] == ["Harbour news"]
    assert kept.delete_view(wire.engine, a.id, view.id)  # its follow goes with it
    assert kept.follows_of(wire.engine, a.id) == [] and kept.views_of(wire.engine, a.id) == []

    kept.add_bookmark(wire.engine, a.id, "urn:one")
    kept.add_bookmark(wire.engine, a.id, "urn:two")
    kept.add_bookmark(wire.engine, a.id, "urn:one")  # once
    assert sorted(kept.bookmarks_of(wire.engine, a.id)) == ["urn:one", "urn:two"]
    assert kept.bookmarks_of(wire.engine, b.id) == [] and not kept.remove_bookmark(wire.engine, b.id, "urn:one")
    assert kept.remove_bookmark(wire.engine, a.id, "urn:one") and kept.bookmarks_of(wire.engine, a.id) == ["urn:two"]


def test_an_embargoed_update_tells_only_early_readers_until_it_lifts(wire: Wire, desks: dict[str, users.User]) -> None:
    uri = publish(wire, "en", marker="first")
    english, early = desks["english"], desks["early"]
    follow_story(wire, english, uri)
    follow_story(wire, early, uri)
    until = utcnow() + timedelta(hours=1)
    publish(wire, "en", uri=uri, marker="embargoed-secret", embargoedUntil=until.isoformat())
    drain(wire)
    assert kinds(wire, english) == []  # held back with the update itself
    [told] = kept.notifications_of(wire.engine, early.id)
    assert (told.kind, told.version) == ("updated", 2) and told.embargoed_until is not None
    assert "embargoed-secret" not in f"{told.headline} {told.detail}"
    later = until + timedelta(minutes=1)
    assert wire.lift_embargoes(later)
    drain(wire, now=later)
    assert kinds(wire, english) == [("embargo_lifted", 2)]
    assert kinds(wire, early) == [("updated", 2)]  # told once of version 2


def test_a_kill_tells_those_who_had_the_story_with_the_kill_notice_only(wire: Wire,
                                                                       desks: dict[str, users.User]) -> None:
    uri = publish(wire, "en", marker="doomed-paragraph")
    english, turkish = desks["english"], desks["turkish"]
    follow_story(wire, english, uri)
    follow_story(wire, turkish, uri)  # forced in the store: the portal would refuse it (404)
    publish(wire, "en", uri=uri, marker="second", edNote="Correction: the figure")
    wire.kill(uri, "legal complaint")
    drain(wire)
    assert kinds(wire, english) == [("corrected", 2), ("killed", 3)]
    killed = kept.notifications_of(wire.engine, english.id)[0]
    assert killed.headline == KILL_HEADLINE and killed.detail == "KILL: legal complaint"
    assert "doomed" not in killed.headline and "Port authority" not in killed.headline
    assert kinds(wire, turkish) == []  # the organisation never had the story


def test_a_followed_view_tells_of_new_stories_that_match_and_the_reader_may_read(
        wire: Wire, desks: dict[str, users.User]) -> None:
    english, turkish = desks["english"], desks["turkish"]
    mine = kept.save_view(wire.engine, english.id, "Zeppelins", "q=zeppelin")
    theirs = kept.save_view(wire.engine, turkish.id, "Zeppelins", "q=zeppelin")
    since = store.last_seq(wire.engine)
    for who, view in ((english, mine), (turkish, theirs)):
        assert kept.follow(wire.engine, who.id, view_id=view.id, by_email=False, since_seq=since)
    match = publish(wire, "en", marker="zeppelin")
    publish(wire, "en", marker="balloon")
    turkish_match = publish(wire, "tr", marker="zeppelin")  # for the Turkish desk only
    publish(wire, "en", uri=match, marker="zeppelin again")  # an update is not a new story
    drain(wire)
    notes = kept.notifications_of(wire.engine, english.id)
    assert [(n.kind, n.uri, n.detail) for n in notes] == [("match", match, "Zeppelins")]
    assert [(n.kind, n.uri) for n in kept.notifications_of(wire.engine, turkish.id)] == [("match", turkish_match)]
    assert kept.unread_count(wire.engine, english.id) == 1
    assert kept.mark_read(wire.engine, turkish.id, notes[0].id) == 0  # not theirs
    assert kept.unread_count(wire.engine, english.id) == 1
    assert kept.mark_read(wire.engine, english.id, notes[0].id) == 1
    assert kept.unread_count(wire.engine, english.id) == 0


def test_sharing_reaches_a_colleague_of_the_same_organisation_only(wire: Wire, desks: dict[str, users.User]) -> None:
    english = desks["english"]
    colleague = user(wire, "colleague@english.example", "english")
    uri = publish(wire, "en")
    item = store.get_item(wire.engine, uri)
    assert item is not None
    assert kept.colleagues(wire.engine, english.id, english.subscriber_id or 0) == [(colleague.id, colleague.email)]
    for stranger in (desks["turkish"], desks["early"], english):  # other organisations, and oneself
        note = notify.note_for(stranger.id, "shared", item, utcnow(), dedupe=None, email=False,
                               from_user_id=english.id)
        assert not kept.share(wire.engine, english.id, english.subscriber_id or 0, note)
        assert kept.notifications_of(wire.engine, stranger.id) == []
    note = notify.note_for(colleague.id, "shared", item, utcnow(), dedupe=None, email=False, detail="look",
                           from_user_id=english.id)
    assert kept.share(wire.engine, english.id, english.subscriber_id or 0, note)
    [got] = kept.notifications_of(wire.engine, colleague.id)
    assert (got.kind, got.sender, got.detail) == ("shared", english.email, "look")
    users.set_user_disabled(wire.engine, colleague.email, True)
    assert not kept.share(wire.engine, english.id, english.subscriber_id or 0, note)


def test_two_followers_at_once_tell_each_user_once(wire: Wire, desks: dict[str, users.User]) -> None:
    english = desks["english"]
    uris = [publish(wire, "en") for _ in range(3)]
    for uri in uris:
        follow_story(wire, english, uri)
    for uri in uris:
        publish(wire, "en", uri=uri, marker="update")
    start = threading.Barrier(2)

    def run() -> None:
        start.wait()
        drain(wire)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(n.uri for n in kept.notifications_of(wire.engine, english.id)) == sorted(uris)
    assert kept.cursor(wire.engine) == store.last_seq(wire.engine)


def test_a_follower_stores_its_place_only_with_news_or_now_and_then(wire: Wire, desks: dict[str, users.User]) -> None:
    english = desks["english"]
    start = kept.cursor(wire.engine)
    lazy = notify.Follower(wire.engine, email=False, persist_every=3600)
    other = notify.Follower(wire.engine, email=False, persist_every=3600)
    uri = publish(wire, "en")
    publish(wire, "en")
    assert lazy.step() == 2 and other.step() == 2
    assert kept.cursor(wire.engine) == start  # nothing to tell: no write
    follow_story(wire, english, uri)
    publish(wire, "en", uri=uri, marker="news")
    assert lazy.step() == 1 and kept.cursor(wire.engine) == store.last_seq(wire.engine)
    assert other.step() == 0  # the other one lost the batch and reads on from the stored place
    assert other.step() == 0 and other.position == store.last_seq(wire.engine)
    assert kinds(wire, english) == [("updated", 2)]


# -- email through a real SMTP server ------------------------------------------------------------

class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content, policy=default)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtpd() -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def test_notifications_go_out_by_email_when_smtp_is_configured(wire: Wire, desks: dict[str, users.User],
                                                               smtpd: tuple[Inbox, int]) -> None:
    inbox, port = smtpd
    settings = Settings(database_url=wire.settings.database_url, smtp_url=f"smtp://127.0.0.1:{port}",
                        smtp_from="Wire <wire@agency.example>", base_url="https://wire.example")
    english, early = desks["english"], desks["early"]
    users.set_language(wire.engine, early.id, "tr")
    uri = publish(wire, "en", marker="first")
    follow_story(wire, english, uri, by_email=True)
    follow_story(wire, early, uri, by_email=False)  # the list only
    publish(wire, "en", uri=uri, marker="body-words-stay-home")
    drain(wire, email=True)
    assert notify.send_due(wire.engine, settings) == 1
    assert notify.send_due(wire.engine, settings) == 0  # sent once
    [(to, message)] = inbox.messages
    assert to == [english.email] and message["To"] == english.email and message["From"] == "Wire <wire@agency.example>"
    assert message["Subject"] == "Updated: Port authority opens new container terminal"
    text = message.get_content()  # type: ignore[attr-defined]
    assert f"https://wire.example/portal/items/{uri}" in text and "body-words-stay-home" not in text
    assert "The terminal doubles" not in text  # nor the standfirst
    assert len(kept.notifications_of(wire.engine, early.id)) == 1  # in the list, no email
    # A kill goes out in the reader's language, with the kill notice.
    users.set_language(wire.engine, english.id, "tr")
    wire.kill(uri, "legal complaint")
    drain(wire, email=True)
    assert notify.send_due(wire.engine, settings) == 1
    killed = inbox.messages[-1][1]
    assert killed["Subject"].startswith("İptal edildi: ")
    assert "KILL: legal complaint" in killed.get_content()  # type: ignore[attr-defined]


def test_an_unreachable_smtp_server_is_retried_then_given_up(wire: Wire, desks: dict[str, users.User]) -> None:
    settings = Settings(database_url=wire.settings.database_url, smtp_url=f"smtp://127.0.0.1:{free_port()}")
    english = desks["english"]
    uri = publish(wire, "en")
    follow_story(wire, english, uri, by_email=True)
    publish(wire, "en", uri=uri, marker="update")
    drain(wire, email=True)
    now = utcnow()
    for attempt in range(1, kept.EMAIL_ATTEMPTS + 1):
        assert notify.send_due(wire.engine, settings, now) == 0
        assert notify.send_due(wire.engine, settings, now) == 0  # not again before the back-off
        row = email_row(wire)
        assert row.email_attempts == attempt and "ConnectionRefusedError" in row.email_error
        now += timedelta(hours=2)
    assert email_row(wire).email_state == "failed"
    assert kept.claim_emails(wire.engine, now + timedelta(days=1), timedelta(seconds=1)) == []
    [note] = kept.notifications_of(wire.engine, english.id)
    assert note.kind == "updated"  # the notification stays in the list


def email_row(wire: Wire) -> Any:
    with read_tx(wire.engine) as conn:
        return conn.execute(select(notifications)).one()


def test_smtp_urls() -> None:
    assert notify.smtp_server("smtps://u%40x:p%2Fw@mail.example") == notify.SmtpServer(
        "mail.example", 465, "tls", "u@x", "p/w")
    assert notify.smtp_server("smtp+starttls://mail.example").port == 587
    for bad in ("http://mail.example", "smtp://", "mail.example"):
        with pytest.raises(ValueError):
            notify.smtp_server(bad)


def test_every_keep_word_is_in_turkish_and_arabic() -> None:
    from newswire.portal import i18n
    from newswire.portal.keep_i18n import STRINGS

    for lang in ("tr", "ar"):
        assert set(STRINGS[lang]) == set(STRINGS["en"]), lang
        words = i18n.strings(lang)
        assert all(words[key] == STRINGS[lang][key] for key in STRINGS["en"])
        placeholders = [k for k in STRINGS["en"] if STRINGS["en"][k].count("{") != STRINGS[lang][k].count("{")]
        assert not placeholders, (lang, placeholders)


def test_a_follow_by_email_goes_out_from_the_servers_worker(tmp_path: Path, smtpd: tuple[Inbox, int]) -> None:
    """The whole way: the story page's form with "Also by email", the embedded worker's
    follower, the SMTP server."""
    inbox, port = smtpd
    with portal_server(f"sqlite:///{tmp_path / 'wire.db'}", smtp_url=f"smtp://127.0.0.1:{port}") as live:
        org(live.wire, "mailed", {"languages": ["en"]})
        person(live, "reader@mailed.example", "mailed")
        uri = publish(live.wire, "en")
        visitor = Visitor.at(live).signed_in("reader@mailed.example")
        page = visitor.get(f"/portal/items/{uri}").text
        assert 'name="email" value="1" checked> Also by email' in page
        assert visitor.post("/portal/follow", {"uri": uri, "email": "1"},
                            csrf_from=f"/portal/items/{uri}").status_code == 303
        live.wire.kill(uri, "wrong figures")
        deadline = time.monotonic() + 10
        while not inbox.messages and time.monotonic() < deadline:
            time.sleep(0.1)
        [(to, message)] = inbox.messages
        assert to == ["reader@mailed.example"] and message["Subject"] == f"Killed: {KILL_HEADLINE}"
        assert "KILL: wrong figures" in message.get_content()  # type: ignore[attr-defined]
        visitor.close()
