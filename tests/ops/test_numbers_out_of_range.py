"""Found by the schema fuzzer: numbers beyond what the store's integers hold must never reach
the database (they came back as 500s): a 404 for no such version, a 400/422 for an invalid
cursor or sequence."""

from __future__ import annotations

import base64
import itertools
from collections.abc import Iterator

import httpx
import pytest

from newswire.store import accounts
from newswire.store.tokens import create_token

from conftest import LiveServer, module_db_url, open_wire, start_server
from factories import as_bytes, ninjs_story

HUGE = str(10**30)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One server per database for the module: every case reads or is refused, and what is
    published has a URI of its own."""
    db_url = module_db_url(request, tmp_path_factory)
    wire = open_wire(db_url, webhooks_allow_private=True)
    srv = start_server(wire)
    yield srv
    srv.stop()
    wire.close()


_names = itertools.count()


def subscriber_headers(live: LiveServer) -> dict[str, str]:
    n = next(_names)
    accounts.create_product(live.wire.engine, f"all-{n}", {})
    accounts.create_subscriber(live.wire.engine, f"s-{n}", [f"all-{n}"])
    sub = accounts.get_subscriber(live.wire.engine, f"s-{n}")
    return {"Authorization": f"Bearer {create_token(live.wire.engine, 'subscriber', subscriber_id=sub.id)}"}


def test_a_version_number_beyond_any_stored_one_is_not_found(live: LiveServer) -> None:
    doc = ninjs_story("en")
    live.wire.ingest(as_bytes(doc))
    editor = {"Authorization": f"Bearer {create_token(live.wire.engine, 'editor')}"}
    assert httpx.get(f"{live.url}/v1/items/{doc['uri']}/versions/{HUGE}", headers=editor).status_code == 404


def test_a_replay_after_an_impossible_sequence_is_refused(live: LiveServer) -> None:
    headers = subscriber_headers(live)
    ep = httpx.post(f"{live.url}/v1/webhooks", json={"url": "http://127.0.0.1:9/hook"}, headers=headers).json()
    resp = httpx.post(f"{live.url}/v1/webhooks/{ep['id']}/replay", params={"after": HUGE}, headers=headers)
    assert resp.status_code in (400, 422)


def test_a_search_cursor_with_a_huge_offset_is_invalid(live: LiveServer) -> None:
    headers = subscriber_headers(live)
    cursor = base64.urlsafe_b64encode(HUGE.encode()).decode()
    resp = httpx.get(f"{live.url}/v1/search", params={"q": "port", "cursor": cursor}, headers=headers)
    assert resp.status_code == 400


# -- versions the store cannot hold, Unicode digits, JSON nested past reason ----------------

def editor_headers(live: LiveServer) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_token(live.wire.engine, 'editor')}", "content-type": "application/json"}


@pytest.mark.parametrize("version", [2**31, 2**63, 2**64 + 1, 2**70, -1, 0, "١٢", "²", "1_0", "+3", 1.5, True])
def test_a_ninjs_version_the_store_cannot_hold_or_that_is_not_ascii_digits_is_422(
    live: LiveServer, version: object
) -> None:
    doc = ninjs_story("en", version=version)
    resp = httpx.post(f"{live.url}/v1/items", content=as_bytes(doc), headers=editor_headers(live))
    assert resp.status_code == 422, resp.text[:300]
    assert resp.headers["content-type"].startswith("application/problem+json")


def test_the_largest_version_the_store_holds_is_accepted_and_read_back(live: LiveServer) -> None:
    doc = ninjs_story("en", version=str(2**31 - 1))
    headers = editor_headers(live)
    assert httpx.post(f"{live.url}/v1/items", content=as_bytes(doc), headers=headers).status_code == 201
    resp = httpx.get(f"{live.url}/v1/items/{doc['uri']}/versions/{2**31 - 1}", headers=headers)
    assert resp.status_code == 200 and resp.json()["version"] == str(2**31 - 1)


def test_an_integer_longer_than_python_reads_is_a_400(live: LiveServer) -> None:
    body = as_bytes(ninjs_story("en"))[:-1] + b', "urgency": ' + b"9" * 5000 + b"}"
    resp = httpx.post(f"{live.url}/v1/items", content=body, headers=editor_headers(live))
    assert resp.status_code == 400, resp.text[:300]


@pytest.mark.parametrize("body", [b"[" * 100_000, b'{"uri": "urn:x:1", "bodies": ' + b"[" * 100_000,
                                  b'{"uri": "urn:x:1", "x": ' + b"[" * 200 + b"]" * 200 + b"}",
                                  b'{"uri": "urn:x:1", "x": ' + b'{"a":' * 900 + b"1" + b"}" * 901],
                         ids=["100k-open", "100k-in-object", "200-closed", "900-objects"])
def test_deeply_nested_json_in_a_story_is_a_400(live: LiveServer, body: bytes) -> None:
    resp = httpx.post(f"{live.url}/v1/items", content=body, headers=editor_headers(live))
    assert resp.status_code == 400, resp.text[:300]
    assert resp.headers["content-type"].startswith("application/problem+json")


def test_deeply_nested_json_on_the_json_routes_is_a_400(live: LiveServer) -> None:
    sub = subscriber_headers(live)
    admin = {"Authorization": f"Bearer {create_token(live.wire.engine, 'admin')}"}
    deep = b"[" * 60_000  # within the 64 KiB JSON limit
    for path, headers in (("/v1/webhooks", sub), ("/v1/admin/products", admin), ("/v1/admin/subscribers", admin)):
        resp = httpx.post(f"{live.url}{path}", content=deep, headers={**headers, "content-type": "application/json"})
        assert resp.status_code == 400, (path, resp.text[:300])
        assert resp.headers["content-type"].startswith("application/problem+json")


UNICODE_DIGITS = ["²³", "١٢", "۱۲", "१२", "１２", "1_0", " 12", "+1"]


@pytest.mark.parametrize("cursor", UNICODE_DIGITS)
def test_a_cursor_of_anything_but_ascii_digits_is_a_400_everywhere(live: LiveServer, cursor: str) -> None:
    headers = subscriber_headers(live)
    ep = httpx.post(f"{live.url}/v1/webhooks", json={"url": "http://127.0.0.1:9/hook"}, headers=headers).json()
    encoded = base64.urlsafe_b64encode(cursor.encode()).decode()
    answers = {
        "feed": httpx.get(f"{live.url}/v1/feed", params={"after": cursor}, headers=headers),
        "search": httpx.get(f"{live.url}/v1/search", params={"q": "port", "cursor": encoded}, headers=headers),
        "replay": httpx.post(f"{live.url}/v1/webhooks/{ep['id']}/replay", params={"after": cursor}, headers=headers),
    }
    with httpx.stream("GET", f"{live.url}/v1/stream", params={"after": cursor}, headers=headers) as resp:
        answers["stream"] = resp
    try:
        latin1 = cursor.encode("latin-1")
    except UnicodeEncodeError:
        latin1 = None  # a header carries Latin-1 only: '²³' can come that way, '١٢' cannot
    if latin1 is not None and latin1 == latin1.strip():
        raw = [*((k.encode(), v.encode()) for k, v in headers.items()), (b"Last-Event-ID", latin1)]
        with httpx.stream("GET", f"{live.url}/v1/stream", headers=raw) as resp:
            answers["Last-Event-ID"] = resp
    wrong = {name: resp.status_code for name, resp in answers.items() if resp.status_code != 400}
    assert not wrong, wrong


G2_ITEM = """<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newswire:test:g2-{n}" version="{version}"
  standard="NewsML-G2" standardversion="2.35" conformance="power">
 <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"/>
 <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:newswire"/>
  <versionCreated>2026-12-01T10:00:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
 <contentMeta><language tag="en"/></contentMeta>
 <contentSet><inlineXML contenttype="application/nitf+xml">
  <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.head><hedline><hl1>Harbour</hl1></hedline>
  </body.head><body.content><p>Text.</p></body.content></body></nitf></inlineXML></contentSet>
</newsItem>"""


@pytest.mark.parametrize("version", [str(2**31), "99999999999999999999999"])
def test_a_newsml_version_the_store_cannot_hold_is_422(live: LiveServer, version: str) -> None:
    body = G2_ITEM.format(n=version, version=version).encode()
    headers = {**editor_headers(live), "content-type": "application/vnd.iptc.g2.newsitem+xml"}
    resp = httpx.post(f"{live.url}/v1/items", content=body, headers=headers)
    assert resp.status_code == 422 and resp.headers["content-type"].startswith("application/problem+json")


def test_a_wire_text_version_the_store_cannot_hold_is_422(live: LiveServer) -> None:
    body = f"URI: urn:newswire:test:wt-big\nVersion: {10**20}\nLanguage: en\n\nHarbour\n\nText of the story.\n".encode()
    headers = {**editor_headers(live), "content-type": "text/plain"}
    resp = httpx.post(f"{live.url}/v1/items", content=body, headers=headers)
    assert resp.status_code == 422, resp.text
