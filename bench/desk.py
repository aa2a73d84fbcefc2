"""From pressing *Publish* on a flash at the desk to the event on a subscriber's SSE stream,
against a ``POST /v1/items`` of the same story in the same run (issue 13's bench).

    .venv/bin/python bench/desk.py [--stories 40] [--enrich] [--flash-waits]

One SQLite store, the app in-process on loopback (uvicorn, one worker). An editor signs in at
the desk; a subscriber entitled to the whole wire holds ``/v1/stream`` open. The same stories
(flash, English, ~1 KB) are moved alternately through the desk's compose form (``Publish``,
CSRF and session included) and through the API with an editor token. Latency runs from the
moment the request is sent to the moment the stream delivers the event naming the story's
headline; the request's own round trip is reported too. Enrichment is off unless
``--enrich``; then the API path enriches before the story moves, and the desk's flash does not
(``desk.flash``: it moves as typed, its enrichment follows as version 2) unless
``--flash-waits``, which puts back the desk as it was before (the flash enriched first, like
the API's), to compare the two in alternating runs. The stream's first event of a headline
counts (version 2 comes later).
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from newswire.api.app import create_app
from newswire.config import Settings
from newswire.desk import flash
from newswire.store import accounts, users
from newswire.store.tokens import create_token
from newswire.wire import Wire

PASSWORD = "bench-password-1"
ENRICH_OFF = ("language", "dateline", "entities", "quotes", "topics", "summary", "planning", "dedup")
BODY = ("The port authority said on Tuesday that the terminal would open to ships from May, doubling the "
        "capacity of the harbour. ") * 8


class Stream(threading.Thread):
    """A subscriber's SSE stream: when each headline arrived."""

    def __init__(self, base: str, key: str) -> None:
        super().__init__(daemon=True)
        self.base, self.key = base, key
        self.arrived: dict[str, float] = {}
        self.ready = threading.Event()

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=None) as client, client.stream(
                "GET", "/v1/stream", headers={"Authorization": f"Bearer {self.key}"}) as resp:
            self.ready.set()
            for line in resp.iter_lines():
                if line.startswith("data:"):
                    item = json.loads(line[5:])
                    self.arrived.setdefault(item["headlines"][0]["value"], time.perf_counter())


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"p50_ms": round(statistics.median(ordered) * 1000, 1),
            "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 1),
            "max_ms": round(ordered[-1] * 1000, 1)}


def wait_for(stream: Stream, headline: str, timeout: float = 30) -> float:
    deadline = time.perf_counter() + timeout
    while headline not in stream.arrived:
        if time.perf_counter() > deadline:
            raise TimeoutError(headline)
        time.sleep(0.0005)
    return stream.arrived[headline]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stories", type=int, default=40, help="per path")
    parser.add_argument("--enrich", action="store_true")
    parser.add_argument("--flash-waits", action="store_true", help="the desk's flash enriched before it moves")
    args = parser.parse_args()
    if args.flash_waits:
        flash.skipped_at_publish = lambda _wire, story: story.reviewed_steps()  # type: ignore[assignment]
        flash.is_flash = lambda _story: False  # type: ignore[assignment]  # (no follow-up version)
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:  # the stream thread may hold files
        settings = Settings(database_url=f"sqlite:///{Path(tmp) / 'desk.db'}", data_dir=Path(tmp),
                            enrich_disabled=() if args.enrich else ENRICH_OFF)
        wire = Wire.open(settings)
        accounts.create_product(wire.engine, "all", {})
        sid = accounts.create_subscriber(wire.engine, "watcher", ["all"], rate_limit=1_000_000).id
        key = create_token(wire.engine, "subscriber", subscriber_id=sid)
        editor_token = create_token(wire.engine, "editor")
        users.create_user(wire.engine, "bench-editor@agency.example", subscriber=None, role="editor",
                          password=PASSWORD)
        server = uvicorn.Server(uvicorn.Config(create_app(wire, clocks=False), host="127.0.0.1", port=0,
                                               log_level="warning"))
        thread = threading.Thread(target=lambda: asyncio.run(server.serve()), daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.02)
        base = f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
        stream = Stream(base, key)
        stream.start()
        stream.ready.wait(10)
        timings: dict[str, list[float]] = {"desk": [], "api": [], "desk_request": [], "api_request": []}
        with httpx.Client(base_url=base, timeout=60) as desk, httpx.Client(
                base_url=base, timeout=60, headers={"Authorization": f"Bearer {editor_token}"}) as api:
            csrf = desk.get("/desk/login").text.split('name="csrf" value="', 1)[1].split('"', 1)[0]
            assert desk.post("/desk/login", data={"csrf": csrf, "email": "bench-editor@agency.example",
                                                  "password": PASSWORD}).status_code == 303
            csrf = desk.get("/desk/new").text.split('name="csrf" value="', 1)[1].split('"', 1)[0]
            for i in range(args.stories * 2 + 2):
                headline = f"Flash {i}: port terminal opens"
                started = time.perf_counter()
                if i % 2 == 0:
                    answer = desk.post("/desk/compose", data={
                        "csrf": csrf, "action": "publish", "headline": headline, "body": BODY, "language": "en",
                        "urgency": "flash", "dateline": "ROTTERDAM"})
                    assert answer.status_code == 303, answer.text[:300]
                    path = "desk"
                else:
                    doc = {"uri": f"urn:newswire:bench:desk-{i}", "headlines": [{"value": headline}], "urgency": 1,
                           "language": "en", "located": "ROTTERDAM",
                           "bodies": [{"contentType": "text/html", "value": f"<p>{BODY}</p>"}]}
                    answer = api.post("/v1/items", json=doc)
                    assert answer.status_code == 201, answer.text[:300]
                    path = "api"
                sent = time.perf_counter() - started
                received = wait_for(stream, headline) - started
                if i >= 2:  # the first of each path warms up
                    timings[path].append(received)
                    timings[path + "_request"].append(sent)
        server.should_exit = True
        thread.join(10)
        wire.close()
    print(json.dumps({"stories_per_path": args.stories, "enrich": args.enrich, "flash_waits": args.flash_waits,
                      **{name: percentiles(values) for name, values in timings.items()}}))


if __name__ == "__main__":
    main()
