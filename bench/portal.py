"""The portal's live flow with a full archive: first byte and whole page of ``/portal/``.

    .venv/bin/python bench/portal.py [--stories 10000] [--requests 20]

One SQLite store holds ``--stories`` stories (3–6 KB, the sample stories' languages, published
without enrichment so the fill is quick); three organisations read it: the whole wire, one
language (about a ninth of the stories) and one whose product admits one story in a hundred
(the flow scans up to 2,000 stories for a page). The app runs in-process on loopback (uvicorn,
one worker); each user signs in and asks for the flow ``--requests`` times in a row. Prints
one JSON line: per organisation the median and p95 of the time to the first byte and to the
whole page, and the same for a free-text filter and for the search page (``/portal/search``,
which examines up to 1,000 matches and keeps up to 200 for its facets). The API's feed page
and search page (20 results) for the same organisation are measured in the same run as the
baselines.
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

from newswire import formats
from newswire.api.app import create_app
from newswire.config import Settings
from newswire.store import accounts, users
from newswire.store import items as store
from newswire.store.tokens import create_token
from newswire.wire import Wire

from ingest import generate

PASSWORD = "bench-password-1"
ENRICH_OFF = ("language", "dateline", "entities", "quotes", "topics", "summary", "planning", "dedup")


def fill(wire: Wire, n: int) -> None:
    for i, doc in enumerate(generate(n)):
        item = formats.parse(doc, "ninjs")
        if i % 100 == 0:  # the "rare" organisation's one story in a hundred
            item = item.evolve(urgency=1)
        store.publish(wire.engine, item, input_hash=f"bench-{i}", recipients_fn=wire.recipients_fn)


def organisation(wire: Wire, name: str, filters: dict[str, object]) -> str:
    accounts.create_product(wire.engine, name, filters)
    accounts.create_subscriber(wire.engine, name, [name])
    email = f"reader@{name}.example"
    users.create_user(wire.engine, email, subscriber=name, role="member", password=PASSWORD)
    return email


def timed_get(client: httpx.Client, path: str, headers: dict[str, str] | None = None) -> tuple[float, float]:
    started = time.perf_counter()
    with client.stream("GET", path, headers=headers) as resp:
        chunks = resp.iter_bytes()
        next(chunks)
        first = time.perf_counter() - started
        for _ in chunks:
            pass
        assert resp.status_code == 200, resp.status_code
    return first, time.perf_counter() - started


def figures(samples: list[tuple[float, float]]) -> dict[str, float]:
    firsts, wholes = sorted(s[0] for s in samples), sorted(s[1] for s in samples)

    def p95(values: list[float]) -> float:
        return values[min(len(values) - 1, int(len(values) * 0.95))]

    return {"first_byte_ms_median": round(statistics.median(firsts) * 1000, 1),
            "first_byte_ms_p95": round(p95(firsts) * 1000, 1),
            "whole_ms_median": round(statistics.median(wholes) * 1000, 1),
            "whole_ms_p95": round(p95(wholes) * 1000, 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(database_url=f"sqlite:///{Path(tmp) / 'portal.db'}", data_dir=Path(tmp),
                            enrich_disabled=ENRICH_OFF)
        wire = Wire.open(settings)
        orgs = {"whole-wire": organisation(wire, "whole-wire", {}),
                "one-language": organisation(wire, "one-language", {"languages": ["ru"]}),
                "one-in-a-hundred": organisation(wire, "one-in-a-hundred", {"urgency": [1, 1]})}
        keys = {name: create_token(wire.engine, "subscriber", subscriber_id=accounts.get_subscriber(
            wire.engine, name).id) for name in orgs}
        started = time.perf_counter()
        fill(wire, args.stories)
        fill_seconds = time.perf_counter() - started
        server = uvicorn.Server(uvicorn.Config(create_app(wire, clocks=False), host="127.0.0.1", port=0,
                                               log_level="warning"))
        thread = threading.Thread(target=lambda: asyncio.run(server.serve()), daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.02)
        base = f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
        out: dict[str, object] = {"stories": args.stories, "fill_seconds": round(fill_seconds, 1)}
        for name, email in orgs.items():
            with httpx.Client(base_url=base, timeout=60) as client:
                token = client.get("/portal/login").text.split('name="csrf" value="', 1)[1].split('"', 1)[0]
                assert client.post("/portal/login", data={"csrf": token, "email": email,
                                                          "password": PASSWORD}).status_code == 303
                timed_get(client, "/portal/")  # warm
                flow = [timed_get(client, "/portal/") for _ in range(args.requests)]
                text = [timed_get(client, "/portal/?q=minister") for _ in range(args.requests)]
                bearer = {"Authorization": f"Bearer {keys[name]}"}
                feed = [timed_get(client, "/v1/feed?limit=50", bearer) for _ in range(args.requests)]
                search = [timed_get(client, "/portal/search?q=minister") for _ in range(args.requests)]
                api_search = [timed_get(client, "/v1/search?q=minister&limit=20", bearer)
                              for _ in range(args.requests)]
            out[name] = {"flow": figures(flow), "flow_text_filter": figures(text), "api_feed_page": figures(feed),
                         "search": figures(search), "api_search_page": figures(api_search)}
        server.should_exit = True
        thread.join(10)
        wire.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
