"""The portal's notification follower: how long it takes to read the event log and decide who
is told what, against reading the same events alone.

    .venv/bin/python bench/keep.py [--events 2000] [--users 100]

One SQLite store, three organisations (English, Turkish, English with embargoed copy early)
and ``--users`` portal users spread over them; each follows five stories and one saved view
(a one-word text filter). ``--events`` events follow: new stories in both languages, updates
of followed stories, one in ten under embargo. Prints one JSON line: the follower's time to
drain the log (``notify.follow_once`` until it is at the end) and the notifications it
stored, and, as the baseline measured in the same run, the time to read the same events in
the same batches (``store.events_after``), which any follower pays.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from newswire import formats
from newswire.config import Settings
from newswire.model import utcnow
from newswire.portal import notify
from newswire.store import accounts, keep, users
from newswire.store import items as store
from newswire.wire import Wire

WORDS = ("harbour", "election", "wheat", "drought", "bank", "rail")


def story(uri: str, lang: str, word: str, embargoed: bool) -> bytes:
    doc = {"uri": uri, "type": "text", "language": lang, "headlines": [{"value": f"{word.title()} news {uri}"}],
           "bodies": [{"contentType": "text/html", "value": f"<p>The {word} story, {uri}.</p>"}]}
    if embargoed:
        doc["embargoedUntil"] = (utcnow() + timedelta(hours=1)).isoformat()
    return json.dumps(doc).encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--users", type=int, default=100)
    args = parser.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as folder:
        wire = Wire.open(Settings(database_url=f"sqlite:///{Path(folder) / 'wire.db'}", data_dir=Path(folder),
                                  enrich_disabled=("language", "dateline", "entities", "quotes", "topics",
                                                   "summary", "planning")))
        for name, filters in (("en", {"languages": ["en"]}), ("tr", {"languages": ["tr"]}),
                              ("early", {"languages": ["en"], "embargoEarly": True})):
            accounts.create_product(wire.engine, name, filters)
            accounts.create_subscriber(wire.engine, name, [name])
        orgs = ("en", "tr", "early")
        people = [users.create_user(wire.engine, f"u{i}@{orgs[i % 3]}.example", subscriber=orgs[i % 3],
                                    role="member") for i in range(args.users)]
        seed = [f"urn:bench:keep:{i}" for i in range(200)]
        for i, uri in enumerate(seed):
            wire.publish(formats.parse(story(uri, "tr" if i % 3 == 1 else "en", rng.choice(WORDS), False)))
        start = keep.cursor(wire.engine)
        since = store.last_seq(wire.engine)
        for i, person in enumerate(people):
            for uri in rng.sample(seed, 5):
                keep.follow(wire.engine, person.id, uri=uri, by_email=False, since_seq=since)
            view = keep.save_view(wire.engine, person.id, "mine", f"q={WORDS[i % len(WORDS)]}")
            keep.follow(wire.engine, person.id, view_id=view.id, by_email=False, since_seq=since)
        for i in range(args.events):
            if i % 2:
                uri, lang = rng.choice(seed), None
            else:
                uri, lang = f"urn:bench:keep:new-{i}", rng.choice(("en", "tr"))
            current = store.get_item(wire.engine, uri)
            language = lang or (current.language if current else "en") or "en"
            wire.publish(formats.parse(story(uri, language, rng.choice(WORDS), i % 10 == 0)))
        began = time.perf_counter()
        after, batches = start, 0
        while batch := store.events_after(wire.engine, after, notify.BATCH):
            after, batches = batch[-1][0].seq, batches + 1
        baseline = time.perf_counter() - began
        began = time.perf_counter()
        while notify.follow_once(wire.engine, email=False):
            pass
        follower = time.perf_counter() - began
        told = sum(len(keep.notifications_of(wire.engine, p.id, limit=100_000)) for p in people)
        wire.close()
    print(json.dumps({"bench": "keep", "events": after - start, "users": args.users, "batches": batches,
                      "follower_s": round(follower, 3), "events_per_s": round((after - start) / follower),
                      "notifications": told, "baseline_read_s": round(baseline, 3)}))


if __name__ == "__main__":
    main()
