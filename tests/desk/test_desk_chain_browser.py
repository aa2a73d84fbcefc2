"""Issue 13's chain in one flow, in a real browser (Debian's Chromium, headless) on a real server:
an editor composes, sees the pipeline's suggestions, rejects one and publishes; the subscriber
portal and an API ``/v1/stream`` client receive it within a second; a correction shows its diff
at the desk and in the portal; an embargoed story stays away from the subscriber until the wire
lifts it; a kill asks whom it will reach and the recipients panel shows the kill delivered to the
subscriber's webhook; two editors' saves conflict and are merged; a story that needs approval does
not move until a chief approves it; a reporter cannot kill; and the audit log holds every one of
these moves with its author. Screenshots under ``artifacts/desk-chain/`` (git-ignored)."""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from newswire.model import utcnow
from newswire.store import accounts, users
from newswire.store import items as store
from newswire.store.tokens import create_token

from conftest import CHROMIUM, LiveServer, headless_chromium, needs_chromium
from deskkit import PASSWORD, portal_server
from receiver import Receiver, start_receiver

pytestmark = [needs_chromium]

SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "desk-chain"
ORG = "chain-daily"
BODY = ("President Recep Tayyip Erdoğan met French President Emmanuel Macron in Ankara on Monday, officials "
        "said.\n\nThe talks focused on trade and energy prices.")
CORRECTED = ("President Recep Tayyip Erdoğan met French President Emmanuel Macron in Ankara on Tuesday, officials "
             "said.\n\nThe talks focused on trade and energy prices.")


class Stream(threading.Thread):
    """A subscriber's ``/v1/stream``: each event (type, uri, version) with when it arrived."""

    def __init__(self, base: str, key: str) -> None:
        super().__init__(daemon=True)
        self.base, self.key = base, key
        self.events: list[tuple[str, str, int, float]] = []
        self.open = threading.Event()
        self.stop = threading.Event()

    def run(self) -> None:
        kind = ""
        with httpx.Client(base_url=self.base, timeout=None) as client, client.stream(
                "GET", "/v1/stream", headers={"Authorization": f"Bearer {self.key}"}) as answer:
            self.open.set()
            for line in answer.iter_lines():
                if self.stop.is_set():
                    return
                if line.startswith("event: "):
                    kind = line[7:]
                elif line.startswith("data: "):
                    item = json.loads(line[6:])
                    self.events.append((kind, item["uri"], item["version"], time.monotonic()))

    def arrival(self, kind: str, uri: str, timeout: float = 15) -> float:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for got_kind, got_uri, _version, at in list(self.events):
                if (got_kind, got_uri) == (kind, uri):
                    return at
            time.sleep(0.01)
        raise AssertionError(f"no {kind} of {uri} on the stream: {self.events}")

    def kinds(self, uri: str) -> list[str]:
        return [kind for kind, got, _version, _at in self.events if got == uri]


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server of its own: webhooks may go to loopback, the embargo clock looks every 0.2 s, and
    this desk wants a chief's approval for the politics service. It enriches in its own process:
    forked enrichment workers would inherit the browser driver's pipes, which this process holds
    too, and Playwright would wait for them to close."""
    url = f"sqlite:///{tmp_path_factory.mktemp('chain') / 'wire.db'}"
    with portal_server(url, webhooks_allow_private=True, embargo_poll_seconds=0.2, sse_heartbeat_seconds=0.5,
                       desk_approval="service:politics", enrich_workers=0) as live:
        yield live


@pytest.fixture
def hook() -> Iterator[Receiver]:
    receiver = start_receiver()
    yield receiver
    receiver.close()


def staff(live: LiveServer, email: str, role: str) -> None:
    users.create_user(live.wire.engine, email, subscriber=None, role=role, password=PASSWORD)


def signed_in(browser: Any, live: LiveServer, area: str, email: str, errors: list[str]) -> Any:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.on("console", lambda m: errors.append(f"{m.location['url']} {m.text}") if m.type == "error" else None)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{live.url}/{area}/login?lang=en")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live.url}/{area}/")
    return page


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def compose(page: Any, live: LiveServer, headline: str, body: str, **more: str) -> None:
    page.goto(live.url + "/desk/new")
    page.get_by_label("Headline").fill(headline)
    page.get_by_label("Dateline").fill(more.get("dateline", "ANKARA"))
    page.get_by_label("Body").fill(body)
    if "services" in more:
        page.get_by_label("Services").fill(more["services"])
    if "embargo" in more:
        page.get_by_label("Embargo until").fill(more["embargo"])


def story_uri(page: Any) -> str:
    page.wait_for_selector("article.story")
    return str(page.url.split("/desk/items/", 1)[1])


def next_minute(margin: float = 15) -> str:
    """The first whole minute (UTC) at least ``margin`` seconds away: the form's embargo has minutes."""
    soon = utcnow() + timedelta(seconds=margin + 60)
    return soon.replace(second=0, microsecond=0).strftime("%Y-%m-%dT%H:%M")


def test_the_desk_chain_from_compose_to_audit(chain: LiveServer, hook: Receiver) -> None:
    live, tag = chain, uuid.uuid4().hex[:6]
    accounts.create_product(live.wire.engine, f"{ORG}-product", {})  # the whole wire
    sid = accounts.create_subscriber(live.wire.engine, ORG, [f"{ORG}-product"]).id
    users.create_user(live.wire.engine, f"reader@{ORG}.example", subscriber=ORG, role="member", password=PASSWORD)
    key = create_token(live.wire.engine, "subscriber", subscriber_id=sid)
    assert httpx.post(f"{live.url}/v1/webhooks", json={"url": hook.url},
                      headers={"Authorization": f"Bearer {key}"}).status_code == 201
    for email, role in (("editor", "editor"), ("second", "editor"), ("chief", "chief"), ("reporter", "reporter")):
        staff(live, f"{email}@agency.example", role)
    stream = Stream(live.url, key)
    stream.start()
    assert stream.open.wait(10)
    errors: list[str] = []
    with headless_chromium() as browser:
        desk = signed_in(browser, live, "desk", "editor@agency.example", errors)
        portal = signed_in(browser, live, "portal", f"reader@{ORG}.example", errors)
        portal.wait_for_selector("table.flow.is-live")

        # Compose, see suggestions, reject one, publish.
        headline = f"Erdoğan and Macron meet in Ankara {tag}"
        compose(desk, live, headline, BODY)
        desk.get_by_role("button", name="Suggest enrichment").click()
        desk.wait_for_selector("#suggestions input[type=checkbox]")
        macron, erdogan = (desk.get_by_role("checkbox", name=f"Person {name}")
                           for name in ("Emmanuel Macron", "Recep Tayyip Erdoğan"))
        macron.check()
        erdogan.check()
        erdogan.uncheck()  # rejected: the editor leaves it out
        shot(desk, "01-suggestions")
        desk.get_by_role("button", name="Publish", exact=True).click()
        uri = story_uri(desk)
        published = time.monotonic()
        item = store.get_item(live.wire.engine, uri)
        assert item is not None and [p.name for p in item.people] == ["Emmanuel Macron"]

        # The portal and the API stream receive it within a second.
        assert stream.arrival("published", uri) - published < 1.0
        portal.get_by_role("button", name="1 new").wait_for(timeout=max(1, 1000 - (time.monotonic() - published)
                                                                        * 1000))
        portal.get_by_role("button", name="1 new").click()
        assert portal.locator("#flow-rows tr").first.get_attribute("data-uri") == uri
        shot(portal, "02-portal-received")

        # Correct it: the diff at the desk and in the portal; the stream has the correction.
        desk.get_by_label("Body").fill(CORRECTED)
        desk.get_by_label("Note", exact=True).fill("Corrects the day of the meeting.")
        desk.get_by_role("button", name="Correct", exact=True).click()
        desk.wait_for_selector("#changes-v2")
        assert desk.locator("#changes-v2 del").all_inner_texts() == ["Monday,"]
        assert desk.locator("#changes-v2 ins").all_inner_texts() == ["Tuesday,"]
        assert desk.locator(".ednote").inner_text() == "Corrects the day of the meeting."
        corrected = store.get_item(live.wire.engine, uri)
        assert corrected is not None and [p.name for p in corrected.people] == ["Emmanuel Macron"]  # still rejected
        shot(desk, "03-desk-corrected")
        stream.arrival("corrected", uri)
        portal.goto(f"{live.url}/portal/items/{uri}")
        assert portal.locator(".changes del").all_inner_texts() == ["Monday,"]
        assert portal.locator(".changes ins").all_inner_texts() == ["Tuesday,"]
        assert portal.locator(".banner-correction").is_visible()
        shot(portal, "04-portal-corrected")

        # Embargo: held back from the subscriber until the wire lifts it by itself.
        until = next_minute()
        held_headline = f"Budget figures under embargo {tag}"
        compose(desk, live, held_headline, "The budget will be presented to parliament.", embargo=until)
        desk.get_by_role("button", name="Publish", exact=True).click()
        held = story_uri(desk)
        assert desk.locator("#embargo-zones").is_visible()
        desk.goto(live.url + "/desk/")
        assert "Embargoed" in desk.locator(f'#wire tr[data-uri="{held}"]').inner_text()
        shot(desk, "05-desk-embargoed")
        portal.goto(live.url + "/portal/")
        assert portal.locator(f'#flow-rows tr[data-uri="{held}"]').count() == 0
        assert portal.goto(f"{live.url}/portal/items/{held}").status == 404  # type: ignore[union-attr]
        assert stream.kinds(held) == []

        # Kill: the confirmation says whom it reaches; the recipients panel shows the kill delivered.
        desk.goto(f"{live.url}/desk/items/{uri}")
        desk.get_by_label("Reason", exact=True).fill("The meeting did not take place.")
        desk.get_by_role("button", name="Kill").click()
        desk.wait_for_selector("#reach")
        assert desk.locator("#reach").inner_text() == "The kill will reach 1 subscriber: every one the story reached."
        assert desk.locator("#reach-names").inner_text() == ORG
        shot(desk, "06-kill-confirmation")
        desk.get_by_role("button", name="Kill").click()
        desk.wait_for_selector("article.story")
        stream.arrival("killed", uri)
        kills = [r for r in hook.wait_for(3) if r.json["type"] == "item.killed"]
        assert [r.json["data"]["item"]["uri"] for r in kills] == [uri]
        deadline = time.monotonic() + 15
        while "delivered" not in desk.locator("#v3 .deliveries").inner_text() and time.monotonic() < deadline:
            time.sleep(0.3)
            desk.reload()
        delivered = desk.locator("#v3 .deliveries tbody tr").inner_text()
        assert ORG in delivered and "killed" in delivered and "delivered" in delivered
        assert ORG in desk.locator("#v3 .reach").first.inner_text()
        assert desk.get_by_role("button", name="Kill").count() == 0  # a killed story stays killed
        shot(desk, "07-kill-delivered")
        portal.goto(f"{live.url}/portal/items/{uri}")
        assert portal.locator(".banner-killed").is_visible()

        # Two editors: the second save meets a conflict and a merge view, and the merge moves.
        compose(desk, live, f"Ferry timetable changes {tag}", "Ferries sail every hour from Monday.",
                dateline="IZMIR")
        desk.get_by_role("button", name="Publish", exact=True).click()
        ferry = story_uri(desk)
        second = signed_in(browser, live, "desk", "second@agency.example", errors)
        second.goto(f"{live.url}/desk/items/{ferry}")
        desk.goto(f"{live.url}/desk/items/{ferry}")  # both have version 1 open
        second.get_by_label("Standfirst").fill("The new timetable doubles the crossings.")
        second.get_by_role("button", name="Update").click()
        second.wait_for_selector("#changes-v2")
        desk.get_by_label("Body").fill("Ferries sail every hour from Monday, and every half hour at peak times.")
        desk.get_by_role("button", name="Update").click()
        desk.wait_for_selector("#merge")
        assert "doubles the crossings" in desk.locator("#merge-theirs").inner_text()
        assert "every half hour" in desk.locator("#merge-mine").inner_text()
        assert desk.get_by_label("Body").input_value().endswith("every half hour at peak times.")
        shot(desk, "08-merge")
        desk.get_by_label("Standfirst").fill("The new timetable doubles the crossings.")  # theirs, merged
        desk.get_by_role("button", name="Update").click()
        desk.wait_for_selector("#changes-v3")
        merged = store.get_item(live.wire.engine, ferry)
        assert merged is not None and merged.version == 3
        assert merged.standfirst == "The new timetable doubles the crossings." and "half hour" in merged.body_html

        # A story that needs approval does not move until a chief approves it.
        reporter = signed_in(browser, live, "desk", "reporter@agency.example", errors)
        vote = f"Parliament votes on the budget {tag}"
        compose(reporter, live, vote, "The vote is expected on Friday.", services="politics")
        reporter.get_by_role("button", name="Submit for approval").click()
        reporter.wait_for_selector("#draft-state")
        draft_page = reporter.url.split("?", 1)[0]
        desk.goto(live.url + "/desk/")
        desk.locator("#approval-queue").get_by_role("link", name=vote).click()
        desk.get_by_role("button", name="Publish", exact=True).click()
        assert desk.get_by_role("heading", name="Waiting for a chief editor's approval").is_visible()
        shot(desk, "09-waiting-for-approval")
        assert not [i for i in store.iter_current_items(live.wire.engine) if i.headline == vote]
        chief = signed_in(browser, live, "desk", "chief@agency.example", errors)
        chief.goto(draft_page)
        chief.get_by_role("button", name="Approve").click()
        chief.wait_for_selector("#draft-state")
        assert "Approved" in chief.locator("#draft-state").inner_text()
        desk.goto(draft_page)
        desk.get_by_role("button", name="Publish", exact=True).click()
        approved = story_uri(desk)
        stream.arrival("published", approved)

        # A reporter cannot kill: no Kill button, and a kill posted anyway is refused.
        reporter.goto(f"{live.url}/desk/items/{ferry}")
        assert reporter.get_by_role("button", name="Kill").count() == 0
        csrf = reporter.locator("input[name=csrf]").first.input_value()
        refused = reporter.request.post(f"{live.url}/desk/items/{ferry}/kill", form={
            "csrf": csrf, "version": "3", "reason": "I wanted to", "confirm": "yes"})
        assert refused.status == 403
        assert not store.get_item(live.wire.engine, ferry).killed  # type: ignore[union-attr]

        # The embargo lifts by itself: the stream and the portal get the story, the desk's mark goes.
        lifted = stream.arrival("embargo_lifted", held, timeout=120)
        assert stream.kinds(held) == ["embargo_lifted"]
        portal.goto(live.url + "/portal/")
        assert portal.locator(f'#flow-rows tr[data-uri="{held}"]').count() == 1
        desk.goto(live.url + "/desk/")
        assert "Embargoed" not in desk.locator(f'#wire tr[data-uri="{held}"]').inner_text()
        assert lifted > 0
        shot(portal, "10-portal-embargo-lifted")

        # Every action is in the audit log with its author.
        desk.goto(live.url + "/desk/audit")
        rows = {tuple(cell.strip() for cell in row.split("\t")[1:4])
                for row in desk.locator("#audit tbody tr").all_inner_texts()}
        for who, action, story in (("editor", "publish", uri), ("editor", "correct", uri), ("editor", "kill", uri),
                                   ("editor", "publish", held), ("editor", "publish", ferry),
                                   ("second", "update", ferry), ("editor", "update", ferry),
                                   ("reporter", "submit", approved), ("chief", "approve", approved),
                                   ("editor", "publish", approved)):
            assert (f"{who}@agency.example", action, story) in rows, (who, action, story, rows)
        assert not [r for r in rows if r[1] == "kill" and r[0] == "reporter@agency.example"]
        desk.get_by_label("Who").fill("chief@agency.example")
        desk.get_by_role("button", name="Filter").click()
        desk.wait_for_url(re.compile(r".*who=chief.*"))
        assert {r.split("\t")[2].strip() for r in desk.locator("#audit tbody tr").all_inner_texts()} == {"approve"}
        shot(desk, "11-audit")
    stream.stop.set()
    provoked = (f"/portal/items/{held} ", "/update ", "/desk/compose ")  # the 404, 409 and 403 asked for above
    assert not [e for e in errors if not any(page in e for page in provoked)], errors
    assert CHROMIUM.exists()
