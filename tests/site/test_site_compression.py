"""gzip for pages, feeds and JSON answers; event streams never compressed nor held back;
validators (ETag, 304) per representation, with Vary: Accept-Encoding."""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

from newswire.api.compression import accepts_gzip, compressible
from newswire.samples import load_samples
from newswire.site.story import story_path

from conftest import LiveServer
from sitekit import StreamReader, headlines, publish, story_doc
from wirekit import subscriber

GZIP = {"Accept-Encoding": "gzip"}
IDENTITY = {"Accept-Encoding": "identity"}


@dataclass
class Raw:
    """An answer with its body as sent (httpx would decode gzip)."""

    status_code: int
    headers: httpx.Headers
    content: bytes


def raw_get(live: LiveServer, path: str, headers: dict[str, str]) -> Raw:
    with httpx.Client(base_url=live.url, timeout=30) as client, \
            client.stream("GET", path, headers=headers) as resp:
        return Raw(resp.status_code, resp.headers, b"".join(resp.iter_raw()))


@pytest.fixture
def client(live: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live.url, timeout=30) as c:
        yield c


def test_accept_encoding_is_read_with_its_q_values() -> None:
    assert accepts_gzip("gzip") and accepts_gzip("br, gzip;q=0.5") and accepts_gzip("*")
    assert accepts_gzip("deflate, x-gzip")
    assert not accepts_gzip(None) and not accepts_gzip("identity") and not accepts_gzip("gzip;q=0")
    assert not accepts_gzip("*, gzip;q=0") and not accepts_gzip("br")
    assert compressible("text/html; charset=utf-8") and compressible("application/rss+xml; charset=utf-8")
    assert compressible("application/problem+json") and compressible("image/svg+xml")
    assert not compressible("text/event-stream") and not compressible("image/png")


def test_pages_and_feeds_are_sent_gzipped_to_who_accepts_it(live: LiveServer) -> None:
    load_samples(live.wire)
    story = story_path("en", "urn:newswire:sample:caspian-transport-corridor")
    for path in ("/", "/en/", story, "/rss.xml", "/en/atom.xml", "/sitemap.xml", "/static/site.css"):
        plain = raw_get(live, path, IDENTITY)
        packed = raw_get(live, path, GZIP)
        assert plain.status_code == packed.status_code == 200, path
        assert "content-encoding" not in plain.headers, path
        assert packed.headers["content-encoding"] == "gzip", path
        assert gzip.decompress(packed.content) == plain.content, path
        assert int(packed.headers["content-length"]) == len(packed.content) < len(plain.content), path
        assert plain.headers["vary"] == packed.headers["vary"] == "Accept-Encoding", path
        assert plain.headers["etag"] != packed.headers["etag"], path  # one tag per representation
        assert not packed.headers["etag"].startswith("W/"), path
    png = raw_get(live, "/static/card.png", GZIP)
    assert "content-encoding" not in png.headers and "vary" not in png.headers


def test_each_representation_revalidates_with_its_own_etag(live: LiveServer) -> None:
    load_samples(live.wire)
    for path in ("/en/", "/rss.xml"):
        packed = raw_get(live, path, GZIP)
        plain = raw_get(live, path, IDENTITY)
        again = raw_get(live, path, {**GZIP, "If-None-Match": packed.headers["etag"]})
        assert again.status_code == 304 and again.content == b""
        assert again.headers["etag"] == packed.headers["etag"] and again.headers["vary"] == "Accept-Encoding"
        assert raw_get(live, path, {**IDENTITY, "If-None-Match": plain.headers["etag"]}).status_code == 304
        # a tag of the other representation does not validate this one
        other = raw_get(live, path, {**IDENTITY, "If-None-Match": packed.headers["etag"]})
        assert other.status_code == 200 and other.content == plain.content
        since = raw_get(live, path, {**GZIP, "If-Modified-Since": packed.headers["last-modified"]})
        assert since.status_code == 304


def test_json_answers_are_gzipped_too(live: LiveServer) -> None:
    sub = subscriber(live, "zipped", {"languages": ["en"]})
    for n in range(4):
        publish(live.wire, story_doc("en", headline=f"Story {n} for the feed"))
    resp = sub.client.get("/v1/feed", params={"after": "0"}, headers=GZIP)
    assert resp.status_code == 200 and resp.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in resp.headers["vary"] and len(resp.json()["events"]) == 4
    problem = sub.client.get("/v1/feed", params={"after": "x" * 600}, headers=GZIP)
    assert problem.status_code == 400 and problem.headers["content-type"].startswith("application/problem+json")
    small = httpx.get(live.url + "/healthz", headers=GZIP)
    assert "content-encoding" not in small.headers  # under the minimum size


def test_the_public_ticker_streams_uncompressed_with_gzip_accepted(live: LiveServer) -> None:
    reader = StreamReader(live.url + "/live/headlines", {"Accept-Encoding": "gzip"})
    thread = reader.run(lambda ms: "Streamed while open" in headlines(ms))
    assert reader.connected.wait(10)  # the headers and the retry line came before any event
    time.sleep(0.2)
    publish(live.wire, story_doc("en", headline="Streamed while open"))
    thread.join(15)
    assert headlines(reader.messages) == ["Streamed while open"]
    assert thread.is_alive() is False
    with httpx.Client(timeout=httpx.Timeout(5.0, read=3.0)) as client, \
            client.stream("GET", live.url + "/live/headlines", headers=GZIP) as resp:
        assert resp.headers["content-type"].startswith("text/event-stream")
        assert "content-encoding" not in resp.headers and "content-length" not in resp.headers
        first = next(resp.iter_raw())
        assert first.startswith(b"retry:")  # plain text, not a gzip member


def test_the_subscriber_stream_delivers_an_event_while_open_with_gzip_accepted(live: LiveServer) -> None:
    sub = subscriber(live, "streamer", {"languages": ["en"]})
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {sub.key}", **GZIP},
                      timeout=httpx.Timeout(5.0, read=10.0)) as client, \
            client.stream("GET", "/v1/stream") as resp:
        assert resp.status_code == 200  # headers arrive before any event
        assert resp.headers["content-type"].startswith("text/event-stream")
        assert "content-encoding" not in resp.headers
        publish(live.wire, story_doc("en", headline="Delivered on an open stream"))
        seen = b""
        for chunk in resp.iter_raw():
            seen += chunk
            if b"event: published" in seen and seen.endswith(b"\n\n"):
                break
        assert not resp.is_closed  # the event came while the stream stays open
    assert seen.startswith(b"retry:")  # plain text, not a gzip member
    [data] = [json.loads(line[5:]) for line in seen.decode().splitlines() if line.startswith("data:")]
    assert data["headlines"][0]["value"] == "Delivered on an open stream"
