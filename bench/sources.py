"""Partner-feed ingest throughput: items/s from a local RSS feed of N entries polled by the
source poller, against the same items POSTed as ninjs through the API, in the same run.

    .venv/bin/python bench/sources.py [--items 10000]

Prints one JSON line. Paths (fresh SQLite database each):
- ``feed``: one poll of an RSS 2.0 feed served on loopback (fetch + feedparser + attribution +
  ``Wire.publish``, i.e. parse -> enrich -> store, one transaction per item);
- ``repoll``: the same feed polled again without validators (every item answers "unchanged");
- ``api``: ``POST /v1/items`` of the same items as ninjs to ``newswire serve`` in a
  subprocess, 8 concurrent clients (bench/ingest.py's client).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from newswire.config import Settings
from newswire.model import utcnow
from newswire.sources import store as sources_store
from newswire.sources.scheduler import SourcePoller
from newswire.wire import Wire

from httpload import editor_server
from ingest import post_all

WORDS = ("government", "port", "minister", "trade", "strike", "rail", "union", "council", "budget", "court",
         "election", "energy", "prices", "harbour", "talks", "agreement", "weather", "storm", "market", "shares")


def story(n: int) -> tuple[str, str, str]:
    words = [WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(60)]
    body = " ".join(words)
    return f"bench-{n}", f"Story {n}: {' '.join(words[:6])}", f"<p>{body}.</p><p>Second {n} paragraph {body}.</p>"


def rss_feed(entries: list[tuple[str, str, str]]) -> bytes:
    items = "".join(
        f"<item><guid>{g}</guid><title>{t}</title><content:encoded><![CDATA[{b}]]></content:encoded>"
        "<pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate></item>" for g, t, b in entries)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title>'
            f"<link>http://127.0.0.1/</link><description>d</description><language>en</language>{items}"
            "</channel></rss>").encode()


def serve(body: bytes) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/feed.xml"


def run_feed(url: str, db: str, n: int) -> tuple[float, float]:
    settings = Settings(database_url=db, data_dir=Path(tempfile.mkdtemp()), sources_allow_private=True,
                        source_max_items=n, source_timeout_seconds=600, source_lease_seconds=600)
    wire = Wire.open(settings)
    wire.pipeline.warm_up()
    sources_store.add_source(wire.engine, "bench", "rss", url=url, interval=60)
    poller = SourcePoller(wire)
    started = time.perf_counter()
    [report] = asyncio.run(poller.poll_due())
    first = time.perf_counter() - started
    if report.outcome.published != n:
        raise RuntimeError(f"published {report.outcome.published} of {n}: {report.error}")
    with wire.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE sources SET etag = NULL, last_modified = NULL")
    started = time.perf_counter()
    [again] = asyncio.run(poller.poll_due(now=utcnow() + timedelta(seconds=120)))
    second = time.perf_counter() - started
    if again.outcome.unchanged != n:
        raise RuntimeError(f"re-poll changed {again.outcome.changed} items")
    wire.close()
    return first, second


def run_api(db: str, entries: list[tuple[str, str, str]], port: int) -> float:
    docs = [json.dumps({"uri": f"urn:bench:api:{g}", "type": "text", "language": "en",
                        "headlines": [{"value": t}], "bodies": [{"value": b, "contentType": "text/html"}],
                        "contentCreated": "2026-12-01T10:00:00Z"}).encode() for g, t, b in entries]
    env = {**os.environ, "NEWSWIRE_DATABASE_URL": db, "NEWSWIRE_NO_EMBEDDED_WORKER": "1",
           "NEWSWIRE_DATA_DIR": tempfile.mkdtemp()}
    with editor_server(env, port) as (base, token):
        started = time.perf_counter()
        asyncio.run(post_all(base, token, docs))
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--port", type=int, default=8793)
    args = parser.parse_args()
    n = args.items
    entries = [story(i) for i in range(n)]
    body = rss_feed(entries)
    server, url = serve(body)
    tmp = Path(tempfile.mkdtemp(prefix="bench-sources-"))
    try:
        first, second = run_feed(url, f"sqlite:///{tmp / 'feed.db'}", n)
    finally:
        server.shutdown()
    api = run_api(f"sqlite:///{tmp / 'api.db'}", entries, args.port)
    print(json.dumps({
        "bench": "sources", "items": n, "feed_bytes": len(body), "store": "sqlite",
        "feed": {"seconds": round(first, 2), "items_per_s": round(n / first, 1)},
        "repoll_unchanged": {"seconds": round(second, 2), "items_per_s": round(n / second, 1)},
        "api": {"seconds": round(api, 2), "items_per_s": round(n / api, 1), "clients": 8},
    }))


if __name__ == "__main__":
    main()
