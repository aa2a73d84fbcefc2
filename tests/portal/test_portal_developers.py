"""Self-service API keys and webhooks in the portal: for an organisation's managers only, each
organisation strictly its own (ids of another's keys, endpoints and deliveries are not found,
whoever guesses them), every form CSRF-protected; the API's address rules, sealed secrets and
replay, reused."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from newswire.model import utcnow
from newswire.store import items as store
from newswire.store import webhooks as outbox
from newswire.store.engine import read_tx, write_tx
from newswire.store.tables import webhook_endpoints

from conftest import LiveServer
from portalkit import Visitor, live, organisation, person, portal_server, publish
from receiver import Receiver, start_receiver

__all__ = ["live"]  # the portal's shared server, a fixture

BASE = "/portal/developers"
_KEY = re.compile(r'<code id="new-key" dir="ltr">(nwk_[A-Za-z0-9_-]+)</code>')
_SECRET = re.compile(r'<code id="new-secret" dir="ltr">(whsec_[A-Za-z0-9+/=]+)</code>')


@pytest.fixture
def org(live: LiveServer) -> str:
    """A new English-reading organisation with a manager and a member (the shared server's
    organisations would carry other tests' keys and endpoints)."""
    name = f"devs-{uuid.uuid4().hex[:8]}"
    organisation(live, name, {"languages": ["en"]})
    person(live, f"boss@{name}.example", name, role="manager")
    person(live, f"staff@{name}.example", name)
    return name


def manager(live: LiveServer, org: str) -> Visitor:
    return Visitor.at(live).signed_in(f"boss@{org}.example")


def create_key(visitor: Visitor, label: str = "ingest") -> str:
    page = visitor.post(f"{BASE}/keys", {"label": label}, csrf_from=BASE)
    assert page.status_code == 200, page.text
    found = _KEY.search(page.text)
    assert found, page.text
    return found.group(1)


def api(live: LiveServer, key: str) -> httpx.Client:
    return httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {key}"}, timeout=30)


@contextmanager
def public_dns(live: LiveServer) -> Iterator[None]:
    """Names resolve to a public address while registering (the SSRF check asks DNS)."""
    state = live.server.config.app.state

    async def resolver(host: str, port: int) -> list[str]:
        return ["93.184.215.14"]

    before, state.webhook_resolver = state.webhook_resolver, resolver
    try:
        yield
    finally:
        state.webhook_resolver = before


def test_members_are_refused_managers_see_the_page(live: LiveServer, org: str) -> None:
    staff = Visitor.at(live).signed_in(f"staff@{org}.example")
    page = staff.get(BASE)
    assert page.status_code == 403 and "For your organisation&#39;s managers" in page.text
    assert f'href="{BASE}"' not in staff.get("/portal/").text
    token = staff.csrf("/portal/")
    for path in (f"{BASE}/keys", f"{BASE}/webhooks", f"{BASE}/keys/abc/revoke", f"{BASE}/webhooks/ep_1/delete"):
        assert staff.post(path, {"csrf": token, "label": "x", "url": "https://a.example/"}).status_code == 403
    boss = manager(live, org)
    assert boss.get(BASE).status_code == 200 and f'href="{BASE}"' in boss.get("/portal/").text
    assert "Your organisation has no API key." in boss.get(BASE).text
    assert Visitor.at(live).get(BASE).status_code == 303  # signed out: to the sign-in page


def test_a_key_is_shown_once_works_on_the_api_and_revoking_it_ends_it(live: LiveServer, org: str) -> None:
    boss = manager(live, org)
    key = create_key(boss, "newsroom CMS")
    key_id = key.split("_")[1]
    with api(live, key) as client:
        assert client.get("/v1/account").json()["subscriber"] == org
        before = store.last_seq(live.wire.engine)  # the shared server's earlier stories fill the first pages
        uri = publish(live, "en")
        assert uri in client.get(f"/v1/feed?after={before}").text  # a delivery: the usage audit now knows the key
    listing = boss.get(BASE).text
    assert key not in listing and f"nwk_{key_id}_" in listing and "newsroom CMS" in listing
    deadline = time.monotonic() + 5
    while "Not in the last 90 days" in (row := _row(boss.get(BASE).text, key_id)) and time.monotonic() < deadline:
        time.sleep(0.2)  # the audit is written every half second
    assert "Not in the last 90 days" not in row and "<time" in row
    answer = boss.post(f"{BASE}/keys/{key_id}/revoke", {}, csrf_from=BASE)
    assert answer.status_code == 303 and answer.headers["location"] == f"{BASE}?done=key_revoked"
    assert "The key is revoked." in boss.get(answer.headers["location"]).text
    assert "Revoked" in _row(boss.get(BASE).text, key_id)
    with api(live, key) as client:
        assert client.get("/v1/account").status_code == 401
    assert boss.post(f"{BASE}/keys/{key_id}/revoke", {}, csrf_from=BASE).status_code == 404  # already


def _row(page: str, key_id: str) -> str:
    return page.split(f'data-key="{key_id}"', 1)[1].split("</tr>", 1)[0]


def test_forms_without_the_token_or_from_another_site_change_nothing(live: LiveServer, org: str) -> None:
    boss = manager(live, org)
    key = create_key(boss)
    key_id = key.split("_")[1]
    token = boss.csrf(BASE)
    assert boss.post(f"{BASE}/keys", {"label": "no token"}).status_code == 403
    assert boss.post(f"{BASE}/keys", {"label": "wrong", "csrf": "x" * 43}).status_code == 403
    assert boss.post(f"{BASE}/keys/{key_id}/revoke", {"csrf": token},
                     headers={"origin": "https://evil.example"}).status_code == 403
    assert boss.post(f"{BASE}/webhooks", {"url": "https://hooks.example/in"}).status_code == 403
    with api(live, key) as client:
        assert client.get("/v1/account").status_code == 200  # not revoked
    assert boss.get(BASE).text.count('class="key') == 1  # nothing else was made


def test_an_organisation_never_sees_or_touches_anothers_keys_webhooks_or_deliveries(live: LiveServer,
                                                                                    org: str) -> None:
    other = f"rival-{uuid.uuid4().hex[:8]}"
    organisation(live, other, {"languages": ["en"]})
    person(live, f"boss@{other}.example", other, role="manager")
    boss, rival = manager(live, org), manager(live, other)
    key = create_key(boss)
    key_id = key.split("_")[1]
    with public_dns(live):
        made = boss.post(f"{BASE}/webhooks", {"url": "https://hooks.example/ours"}, csrf_from=BASE)
    assert made.status_code == 200, made.text
    endpoint = re.search(rf'href="{BASE}/webhooks/(ep_[0-9a-f]+)"', made.text)
    assert endpoint
    ep = endpoint.group(1)
    sid = organisation(live, org)
    with write_tx(live.wire.engine) as conn:  # a delivery row of ours to guess at
        outbox.enqueue(conn, [ep], 1, utcnow())
    delivery = outbox.list_deliveries(live.wire.engine, sid, 5)[0][0]
    page = rival.get(BASE).text
    assert key_id not in page and "hooks.example/ours" not in page and ep not in page
    token = rival.csrf(BASE)
    assert rival.get(f"{BASE}/webhooks/{ep}").status_code == 404
    for path in (f"{BASE}/keys/{key_id}/revoke", f"{BASE}/webhooks/{ep}/disable", f"{BASE}/webhooks/{ep}/delete",
                 f"{BASE}/webhooks/{ep}/deliveries/{delivery.id}/replay"):
        answer = rival.post(path, {"csrf": token})
        assert answer.status_code == 404, path
        assert "hooks.example" not in answer.text
    with api(live, key) as client:
        assert client.get("/v1/account").status_code == 200
    assert outbox.get_endpoint(live.wire.engine, sid, ep) is not None
    assert not outbox.get_endpoint(live.wire.engine, sid, ep).disabled  # type: ignore[union-attr]
    # Our own delivery under another endpoint's address (ours or none) is not found either.
    with public_dns(live):
        second = boss.post(f"{BASE}/webhooks", {"url": "https://hooks.example/second"}, csrf_from=BASE)
    ep2 = re.findall(rf'href="{BASE}/webhooks/(ep_[0-9a-f]+)"', second.text)
    assert len(ep2) == 2
    other_ep = next(e for e in ep2 if e != ep)
    for wrong in (other_ep, "ep_0000000000000000"):
        assert boss.post(f"{BASE}/webhooks/{wrong}/deliveries/{delivery.id}/replay", {},
                         csrf_from=BASE).status_code == 404
    assert f'data-delivery="{delivery.id}"' not in boss.get(f"{BASE}/webhooks/{other_ep}").text
    assert f'data-delivery="{delivery.id}"' in boss.get(f"{BASE}/webhooks/{ep}").text
    assert boss.post(f"{BASE}/webhooks/{ep}/delete", {}, csrf_from=BASE).status_code == 303


def test_webhook_addresses_pass_the_apis_checks_and_the_secret_is_sealed(live: LiveServer, org: str) -> None:
    boss = manager(live, org)
    for url, why in (("http://127.0.0.1:9/hook", "public address"), ("ftp://files.example/", "http://"),
                     ("", "Give the endpoint"), ("http://[::1/", "malformed")):
        refused = boss.post(f"{BASE}/webhooks", {"url": url}, csrf_from=BASE)
        assert refused.status_code == 422 and why in refused.text, (url, refused.text)
        assert 'aria-invalid="true"' in refused.text
    with public_dns(live):
        made = boss.post(f"{BASE}/webhooks", {"url": "https://hooks.example/in?x=<b>"}, csrf_from=BASE)
    assert made.status_code == 200, made.text
    found = _SECRET.search(made.text)
    assert found and "<b>" not in made.text  # the address is escaped
    secret = found.group(1)
    with read_tx(live.wire.engine) as conn:
        stored = conn.execute(select(webhook_endpoints.c.secret).where(
            webhook_endpoints.c.url == "https://hooks.example/in?x=<b>")).scalar_one()
    assert stored.startswith("fernet:") and secret not in stored
    assert secret not in boss.get(BASE).text  # shown once


def test_deliveries_show_every_attempt_and_one_can_be_sent_again(db_url: str) -> None:
    hook: Receiver = start_receiver()
    hook.respond = lambda n: 500 if n == 0 else 200  # the first attempt fails
    # A server of its own that may deliver to the receiver on loopback (the shared one may not).
    with portal_server(db_url, webhooks_allow_private=True) as own:
        organisation(own, "hooked", {"languages": ["en"]})
        person(own, "boss@hooked.example", "hooked", role="manager")
        boss = manager(own, "hooked")
        try:
            made = boss.post(f"{BASE}/webhooks", {"url": hook.url}, csrf_from=BASE)
            ep = re.search(rf'href="{BASE}/webhooks/(ep_[0-9a-f]+)"', made.text).group(1)  # type: ignore[union-attr]
            uri = publish(own, "en", marker="hooked")
            mine = _for(hook.wait_for(1), uri)  # the receiver keeps what it answered 2xx
            assert len(mine) == 1 and hook.calls == 2
            page = _settled(boss, ep)
            row = page.split("data-delivery=", 1)[1].split("</tr>", 1)[0]
            assert "HTTP 500" in row and "HTTP 200" in row and "Delivered" in row and uri in row
            delivery = re.match(r'"(\d+)"', row).group(1)  # type: ignore[union-attr]
            again = boss.post(f"{BASE}/webhooks/{ep}/deliveries/{delivery}/replay", {},
                              csrf_from=f"{BASE}/webhooks/{ep}")
            assert again.status_code == 303 and again.headers["location"].endswith("done=replay_queued")
            again_sent = _for(hook.wait_for(2), uri)
            assert len(again_sent) == 2 and again_sent[1].body == mine[0].body  # the same event, byte for byte
            assert again_sent[1].headers["webhook-id"] == mine[0].headers["webhook-id"]
            # Disabled: nothing new is queued; enabled again; deleted: gone from the list.
            assert boss.post(f"{BASE}/webhooks/{ep}/disable", {}, csrf_from=BASE).status_code == 303
            assert "Disabled" in boss.get(f"{BASE}/webhooks/{ep}").text
            publish(own, "en", marker="while-disabled")
            assert boss.post(f"{BASE}/webhooks/{ep}/enable", {}, csrf_from=BASE).status_code == 303
            time.sleep(0.5)
            assert len(hook.received) == 2 and hook.calls == 3  # nothing was queued while disabled
            assert boss.post(f"{BASE}/webhooks/{ep}/delete", {}, csrf_from=BASE).status_code == 303
            assert hook.url not in boss.get(BASE).text
            assert boss.get(f"{BASE}/webhooks/{ep}").status_code == 404
        finally:
            boss.close()
            hook.close()


def _for(received: list[Any], uri: str) -> list[Any]:
    return [r for r in received if r.json["data"]["item"]["uri"] == uri]


def _settled(boss: Visitor, ep: str) -> str:
    """The endpoint's page once the worker has recorded the second attempt."""
    deadline = time.monotonic() + 10
    while True:
        page = boss.get(f"{BASE}/webhooks/{ep}").text
        if "Delivered" in page or time.monotonic() > deadline:
            return page
        time.sleep(0.1)


def test_odd_ids_and_labels_are_answered_not_failed(live: LiveServer, org: str) -> None:
    boss = manager(live, org)
    token = boss.csrf(BASE)
    for odd in ("%00", "a%00b", "ep_%00", "ep_" + "f" * 40, "x.y", "%E2%80%AE"):
        assert boss.post(f"{BASE}/keys/{odd}/revoke", {"csrf": token}).status_code == 404, odd
        assert boss.get(f"{BASE}/webhooks/{odd}").status_code == 404, odd
        assert boss.post(f"{BASE}/webhooks/{odd}/delete", {"csrf": token}).status_code == 404, odd
        assert boss.post(f"{BASE}/webhooks/ep_1/deliveries/{odd}/replay", {"csrf": token}).status_code == 404, odd
    made = boss.post(f"{BASE}/keys", {"csrf": token, "label": "a\x00b\u202e<i>c"})
    assert made.status_code == 200 and "ab&lt;i&gt;c" in made.text
    assert boss.post(f"{BASE}/webhooks", {"csrf": token, "url": "https://hooks.example/\x00"}).status_code == 422
