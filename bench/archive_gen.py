"""Fill a store with N realistic multilingual stories, fast (issue 16, archive scale).

    .venv/bin/python bench/archive_gen.py --db sqlite:////tmp/archive-100k.db --stories 100000
    .venv/bin/python bench/archive_gen.py --db pg --stories 100000   # a new database, named in the meta file

The project's sample and evaluation stories (eight languages and Bosnian/Croatian) are
enriched once by the wire's own pipeline and become templates; each generated story is a
template with its people and places swapped for others of the same language, its own URI and
its own times (``--per-day`` stories a day, ending now). About one in five gets an update, one
in twenty a correction, one in a hundred a kill and one in fifty an embargo (lifted an hour
later, or still pending for the newest). Five stories name the rare place "Quokkaburg".

Rows are written in bulk in the store's own format (SQLite: SQLAlchemy Core; PostgreSQL:
``COPY``, by a writer process while the next batch is generated, ~700 stories/s), as
``store.items.publish`` writes them: versions (the codec's payload), the current item row,
events in sequence order, tags (``tags``, ``item_tags``), diary rows and translation clues
(``store.index``), the full-text row (the store's stemming), the SimHash signature, and per
event the subscribers routing reaches (``routing.reaches`` over the generated subscribers'
products: ``recipients`` and ``reached``). Not as publish does it: the input hash is the
payload's SHA-256 (what an editor sent is not known), a signature is the template's with a
few bits flipped (so the stories of one template are near-duplicates, as wire copy is) and
no ``duplicate``/``related`` associations are added. ``--meta`` writes what the archive bench needs (keys,
a session cookie, URIs, a recent cursor, the words to search) as JSON.
"""

from __future__ import annotations

import argparse
import hashlib
import heapq
import json
import multiprocessing
import multiprocessing.queues
import queue
import random
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, text, update

from newswire.enrich import dedup
from newswire.enrich.pipeline import Pipeline
from newswire.formats import parse
from newswire.model import SIGNAL_CORRECTION, Item, Text, kill_notice, parse_time
from newswire.routing import Product, reaches
from newswire.samples import STORIES
from newswire.store import accounts, codec, search, users
from newswire.store.engine import make_engine, write_tx
from newswire.store.index import _signed, clues_for, tags_for
from newswire.store.migrate import upgrade
from newswire.store.packing import pack
from newswire.store.tables import (
    events,
    item_tags,
    items,
    planning,
    reached,
    recipients,
    sequencer,
    signatures,
    tags,
    translation_clues,
    versions,
)
from newswire.store.tokens import create_token

EVAL = Path(__file__).parent / "data" / "enrich_eval"
RARE_PLACE = "Quokkaburg"
RARE_COUNT = 5
LANGUAGE_PRODUCTS = ("en", "tr", "ar", "ru", "fr", "es", "de", "bs")
TOPIC_PRODUCTS = {"economy": "medtop:04000000", "sport": "medtop:15000000", "politics": "medtop:11000000"}
_URI, _TIME = "urn:newswire:archive:TEMPLATE", "2000-01-01T00:00:00+00:00"


@dataclass(frozen=True, slots=True)
class Template:
    payload: str  # the codec's payload with _URI and _TIME in place of the story's own
    lang: str
    people: tuple[str, ...]
    places: tuple[str, ...]
    doc: str  # search.document_text of the template
    sig: int


@dataclass(slots=True)
class Story:
    uri: str
    first_created: datetime
    pending: int  # scheduled actions not yet written
    current: Item | None = None
    recipients: set[int] = field(default_factory=set)
    reached: set[tuple[int, int]] = field(default_factory=set)
    last_seq: int = 0
    lifted: bool = True
    embargoed_at_write: bool = False
    doc: str = ""
    sig: int = 0


def templates() -> list[Template]:
    """The sample and evaluation stories, enriched once by the wire's pipeline."""
    pipeline = Pipeline.default()
    raw: list[Item] = []
    for path in sorted(EVAL.glob("*.json")):
        story = json.loads(path.read_text())
        raw.append(parse(story["text"].encode(), "text").evolve(version_created=parse_time(story["date"])))
    raw += [parse(p.read_bytes()) for p in sorted(STORIES.iterdir()) if p.suffix in (".txt", ".json")]
    found = []
    stamp = parse_time(_TIME)
    for item in raw:
        enriched = pipeline(item.evolve(version_created=item.version_created or stamp))
        if not enriched.language or not enriched.bodies:
            continue
        placed = enriched.evolve(uri=_URI, version=1, version_created=stamp, first_created=stamp)
        names = tuple(dict.fromkeys(c.name for c in placed.people if c.name and '"' not in c.name))
        places = tuple(dict.fromkeys(c.name for c in placed.places if c.name and '"' not in c.name))
        found.append(Template(codec.encode(placed), search._lang(placed.language), names, places,
                              search.document_text(placed), dedup.item_signature(placed)))
    return found


class Stemmer:
    """The store's stemming (``search.stem_words``), remembered per word: generated stories
    share their words, so each is stemmed once."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, str], str] = {}

    def terms(self, value: str, lang: str) -> str:
        out = []
        for word in search._WORD.findall(search._fold(value, lang)):
            stem = self.seen.get((lang, word))
            if stem is None:
                stem = self.seen[(lang, word)] = (search.stem_words(word, lang) or [word])[0]
            out.append(stem)
        return " ".join(out)


def setup_accounts(engine: Engine) -> tuple[dict[int, list[Product]], dict[str, Any]]:
    """Products and subscribers an agency might have: everything, one per language, a few by
    topic; a key for the bench's subscriber and a portal session of one of its users."""
    accounts.create_product(engine, "all", {})
    for code in LANGUAGE_PRODUCTS:
        accounts.create_product(engine, f"lang-{code}", {"languages": [code]})
    for name, code in TOPIC_PRODUCTS.items():
        accounts.create_product(engine, name, {"topics": [code]})
    subs = {"bench-all": ["all"], **{f"bench-{c}": [f"lang-{c}"] for c in LANGUAGE_PRODUCTS},
            **{f"bench-{n}": [n] for n in TOPIC_PRODUCTS}}
    made = {name: accounts.create_subscriber(engine, name, prods, rate_limit=10**9) for name, prods in subs.items()}
    keys = {name: create_token(engine, "subscriber", subscriber_id=s.id) for name, s in made.items()}
    keys["editor"] = create_token(engine, "editor")
    user = users.create_user(engine, "bench@archive.example", subscriber="bench-all", role="member",
                             password="a long bench passphrase")
    session, _csrf = users.create_session(engine, user.id, ttl=timedelta(days=30))
    with engine.connect() as conn:
        held = accounts.subscriptions(conn)
    return held, {"keys": keys, "session": session}


def _swap(rng: random.Random, names: tuple[str, ...], pool: list[str]) -> dict[str, str]:
    return {name: rng.choice(pool) for name in names if len(pool) > 1}


def _replace(value: str, mapping: dict[str, str]) -> str:
    if not mapping:
        return value
    pattern = re.compile("|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True)))
    return pattern.sub(lambda m: mapping[m.group(0)], value)


def _iso(moment: datetime) -> str:
    return moment.isoformat()


TABLES = {"versions": versions, "items": items, "events": events, "recipients": recipients,
          "reached": reached, "tags": tags, "item_tags": item_tags, "planning": planning,
          "signatures": signatures, "translation_clues": translation_clues}


Batch = tuple[dict[str, list[dict[str, Any]]], list[tuple[str, str, str]], int]


class PgWriter:
    """PostgreSQL: each batch written by ``COPY ... FROM STDIN`` in one transaction, by a process
    of its own (forked, with its own engine), so the next batch is generated while this one is
    packed and the server takes it (a thread would wait on the interpreter lock at every row).
    One batch is queued at most and batches are written in turn, so sequence order and serial
    ids are as one writer would leave them. The rows are those ``flush`` inserts on SQLite, with
    what the schema's types do on the way in done here (the payload packed, ``store.packing``);
    columns left out take their defaults (``planning.id``, ``signatures.id``), in row order.
    The full-text rows go through a temporary table, so the server stems them
    (``to_tsvector`` with the language's configuration) as ``store.search`` does."""

    def __init__(self, engine: Engine) -> None:
        engine.dispose()  # no pooled connection crosses the fork
        self.url = engine.url.render_as_string(hide_password=False)
        context = multiprocessing.get_context("fork")
        self.queue: multiprocessing.queues.Queue[Batch | None] = context.Queue(maxsize=1)
        self.process = context.Process(target=self._run, name="archive-copy", daemon=True)
        self.process.start()

    def put(self, batch: Batch | None) -> None:
        while True:
            if not self.process.is_alive():
                raise RuntimeError(f"the writer process ended ({self.process.exitcode})")
            try:
                self.queue.put(batch, timeout=1)
                return
            except queue.Full:
                continue

    def close(self) -> None:
        self.put(None)
        self.process.join()
        if self.process.exitcode != 0:
            raise RuntimeError(f"the writer process failed ({self.process.exitcode})")

    def _run(self) -> None:
        engine = make_engine(self.url)
        while (batch := self.queue.get()) is not None:
            self.write(engine, *batch)
        engine.dispose()

    @staticmethod
    def write(engine: Engine, rows: dict[str, list[dict[str, Any]]], docs: list[tuple[str, str, str]],
              seq: int) -> None:
        with write_tx(engine) as conn:
            driver = conn.connection.driver_connection
            assert driver is not None
            with driver.cursor() as cur:
                for name, table in TABLES.items():
                    batch = rows.get(name)
                    if not batch:
                        continue
                    columns = [c.name for c in table.columns if c.name in batch[0]]
                    packed = "payload" in columns
                    quoted = ", ".join(f'"{c}"' for c in columns)
                    with cur.copy(f"COPY {name} ({quoted}) FROM STDIN") as copy:
                        for row in batch:
                            if packed:
                                row = {**row, "payload": pack(row["payload"])}
                            copy.write_row([row[c] for c in columns])
                if docs:
                    cur.execute("CREATE TEMPORARY TABLE IF NOT EXISTS archive_docs "
                                "(n integer, uri text, lang text, config text, doc text) ON COMMIT DELETE ROWS")
                    with cur.copy("COPY archive_docs (n, uri, lang, config, doc) FROM STDIN") as copy:
                        for n, (uri, lang, doc) in enumerate(docs):
                            copy.write_row((n, uri, lang, search.PG_CONFIGS.get(lang, "simple"), doc))
                    cur.execute("INSERT INTO search_docs (uri, lang, doc) SELECT uri, lang, "
                                "to_tsvector(CAST(config AS regconfig), doc) FROM archive_docs ORDER BY n")
            conn.execute(update(sequencer).where(sequencer.c.id == 1).values(last_seq=seq))


class Generator:
    def __init__(self, engine: Engine, subs: dict[int, list[Product]], tpls: list[Template], *,
                 stories: int, per_day: int, seed: int, now: datetime) -> None:
        self.engine, self.subs, self.tpls = engine, subs, tpls
        self.stories, self.rng, self.now = stories, random.Random(seed), now
        self.start = now - timedelta(days=stories / per_day)
        self.step = timedelta(days=1) / per_day
        self.people: dict[str, list[str]] = {}
        self.places: dict[str, list[str]] = {}
        for t in tpls:
            self.people.setdefault(t.lang, []).extend(t.people)
            self.places.setdefault(t.lang, []).extend(t.places)
        self.rare = set(self.rng.sample(range(stories), min(RARE_COUNT, stories)))
        self.stem = Stemmer()
        self.sqlite = engine.dialect.name == "sqlite"
        self.contentless = self.sqlite and hasattr(search, "index_rows")
        self.seq = 0
        self.fts_id = 0
        self.heap: list[tuple[datetime, int, int, str, Any]] = []
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.fts: list[tuple[str, str, str]] = []
        self.counts = {"versions": 0, "events": 0, "killed": 0, "embargoed": 0, "pending_embargo": 0}
        self.payload_bytes = self.payload_chars = 0  # the payloads' JSON, however the store keeps it
        self.recent: list[str] = []
        self.tags: dict[tuple[str, str, str], int] = {}
        self.writer: PgWriter | None = None if self.sqlite else PgWriter(engine)

    # -- planning a story's life ---------------------------------------------------------

    def plan(self, n: int) -> None:
        rng, at = self.rng, self.start + n * self.step
        tpl = self.tpls[n % len(self.tpls)] if n not in self.rare else next(t for t in self.tpls if t.places)
        mapping = {**_swap(rng, tpl.people, self.people[tpl.lang]), **_swap(rng, tpl.places, self.places[tpl.lang])}
        if n in self.rare:
            mapping[tpl.places[0]] = RARE_PLACE
        uri = f"urn:newswire:archive:{n:07d}"
        stamp = at.replace(microsecond=0)
        payload = _replace(tpl.payload, mapping).replace(_URI, uri).replace(_TIME, _iso(stamp))
        item = codec.decode.__wrapped__(payload)
        roll = rng.random()
        public = rng.random() < 0.3
        item = item.evolve(public=public)
        actions: list[tuple[datetime, str, Any]] = []
        if roll < 0.02:
            until = stamp + timedelta(hours=1)
            item = item.evolve(embargoed_until=until)
            actions.append((stamp, "version", item))
            actions.append((until, "lift", None))
            self.counts["embargoed"] += 1
        else:
            actions.append((stamp, "version", item))
            version = 1
            if roll < 0.22:
                version += 1
                when = stamp + timedelta(minutes=30)
                actions.append((when, "version", item.evolve(
                    version=version, version_created=when,
                    headlines=(Text("UPDATE 1-" + item.headline),)), ))
            if roll < 0.07:
                version += 1
                when = stamp + timedelta(minutes=60)
                actions.append((when, "version", item.evolve(
                    version=version, version_created=when, signals=(*item.signals, SIGNAL_CORRECTION),
                    headlines=(Text("CORRECTED-" + item.headline),))))
            if roll < 0.03:
                when = stamp + timedelta(hours=2)
                actions.append((when, "kill", version + 1))
        actions = [a for a in actions if a[0] <= self.now]
        story = Story(uri, stamp, len(actions), doc=_replace(tpl.doc, mapping), sig=tpl.sig ^ self._noise())
        for order, (when, kind, what) in enumerate(actions):
            heapq.heappush(self.heap, (when, n, order, kind, (story, what)))

    def _noise(self) -> int:
        bits = 0
        for _ in range(3):
            bits |= 1 << self.rng.randrange(64)
        return bits

    # -- writing in sequence order -------------------------------------------------------

    def emit_until(self, moment: datetime) -> None:
        while self.heap and self.heap[0][0] <= moment:
            when, _n, _order, kind, (story, what) = heapq.heappop(self.heap)
            self.seq += 1
            if kind == "version":
                self.version(story, what, when)
            elif kind == "kill":
                base = story.current
                assert base is not None
                notice = kill_notice(base.evolve(version=what, version_created=when, pub_status="canceled",
                                                 ed_note="KILL: withdrawn at the source's request"))
                self.version(story, notice, when, reason="withdrawn at the source's request")
                self.counts["killed"] += 1
            else:
                assert story.current is not None
                story.lifted = True
                self.event(story, "embargo_lifted", story.current, when, embargoed=False)
            story.pending -= 1
            if story.pending == 0:
                self.finish(story)

    def version(self, story: Story, item: Item, when: datetime, reason: str | None = None) -> None:
        previous = story.current
        embargoed = item.embargoed_at(when)
        payload = codec.encode(item)
        self.payload_chars += len(payload)
        self.payload_bytes += len(payload.encode())
        self.add("versions", uri=story.uri, version=item.version,
                 input_hash=hashlib.sha256(payload.encode()).hexdigest(), payload=payload, stored_at=when)
        if item.pub_status == "canceled":
            kind = "killed"
        elif previous is None:
            kind = "published"
        elif item.is_correction:
            kind = "corrected"
        else:
            kind = "updated"
        story.current = item
        story.lifted = not embargoed
        self.counts["versions"] += 1
        self.event(story, kind, item, when, embargoed=embargoed, reason=reason)

    def event(self, story: Story, kind: str, item: Item, when: datetime, *, embargoed: bool,
              reason: str | None = None) -> None:
        self.add("events", seq=self.seq, type=kind, uri=story.uri, version=item.version, created_at=when,
                 public=item.public, embargoed=embargoed, reason=reason)
        self.counts["events"] += 1
        story.last_seq = self.seq
        for sid, products in self.subs.items():
            if not reaches(kind, embargoed, item, products, was_recipient=sid in story.recipients):
                continue
            if sid not in story.recipients:
                story.recipients.add(sid)
                self.add("recipients", uri=story.uri, subscriber_id=sid, first_seq=self.seq)
            if (item.version, sid) not in story.reached:
                story.reached.add((item.version, sid))
                self.add("reached", uri=story.uri, version=item.version, subscriber_id=sid, seq=self.seq)

    def finish(self, story: Story) -> None:
        """The item row and the current version's indexes, as the last publish left them."""
        item = story.current
        assert item is not None
        self.add("items", uri=story.uri, version=item.version, pub_status=item.pub_status, type=item.type,
                 language=item.language, urgency=item.urgency, headline=item.headline, public=item.public,
                 embargoed_until=item.embargoed_until, embargo_lifted=story.lifted,
                 first_created=story.first_created, version_created=item.version_created,
                 last_seq=story.last_seq)
        if item.embargoed_until is not None and not story.lifted:
            self.counts["pending_embargo"] += 1
        if item.pub_status == "canceled":
            return
        for tag in tags_for(item):
            self.add("item_tags", uri=story.uri, tag_id=self.tag_id(tag.kind, tag.key, tag.label))
        for p in item.planning:
            self.add("planning", uri=story.uri, start=p.start, name=p.name[:2000], literal=p.literal)
        for clue in clues_for(item):
            self.add("translation_clues", clue=clue, first_created=story.first_created, uri=story.uri)
        self.add("signatures", uri=story.uri, sig=_signed(story.sig))
        doc = story.doc
        if item.headline != item.headline.removeprefix("UPDATE 1-").removeprefix("CORRECTED-"):
            doc = item.headline + "\n" + doc.split("\n", 1)[-1]
        self.fts.append((story.uri, search._lang(item.language), doc))
        self.recent.append(story.uri)
        if len(self.recent) > 200:
            del self.recent[:100]

    def tag_id(self, kind: str, key: str, label: str) -> int:
        """The tag's id in ``tags`` (migration 0015), the tag added with the next batch when new."""
        found = self.tags.get((kind, key, label))
        if found is None:
            found = self.tags[(kind, key, label)] = len(self.tags) + 1
            self.add("tags", id=found, kind=kind, key=key, label=label)
        return found

    def add(self, table: str, **row: Any) -> None:
        self.rows.setdefault(table, []).append(row)

    def flush(self) -> None:
        if self.writer is not None:
            self.writer.put((self.rows, self.fts, self.seq))
            self.rows, self.fts = {}, []
            return
        with write_tx(self.engine) as conn:
            for name, table in TABLES.items():
                rows = self.rows.pop(name, [])
                if rows:
                    conn.execute(insert(table), rows)
            self.write_fts(conn)
            conn.execute(update(sequencer).where(sequencer.c.id == 1).values(last_seq=self.seq))

    def write_fts(self, conn: Any) -> None:
        docs, self.fts = self.fts, []
        if not docs:
            return
        if self.contentless:
            search.index_rows(conn, [(uri, self.stem.terms(doc, lang)) for uri, lang, doc in docs], fresh=True)
        else:
            first = self.fts_id + 1
            self.fts_id += len(docs)
            conn.execute(text("INSERT INTO search_keys (id, uri) VALUES (:i, :u)"),
                         [{"i": first + n, "u": d[0]} for n, d in enumerate(docs)])
            conn.execute(text("INSERT INTO search_fts (rowid, uri, lang, terms) VALUES (:i, :u, :l, :t)"),
                         [{"i": first + n, "u": uri, "l": lang, "t": self.stem.terms(doc, lang)}
                          for n, (uri, lang, doc) in enumerate(docs)])

    def finish_tags(self) -> None:
        """PostgreSQL: the tags' id sequence moved past the ids given here, so that the store's
        own next tag does not take one of them."""
        if not self.sqlite and self.tags:
            with write_tx(self.engine) as conn:
                conn.execute(text("SELECT setval(pg_get_serial_sequence('tags', 'id'), :n)"), {"n": len(self.tags)})

    def run(self, batch: int, progress: bool) -> None:
        started = time.monotonic()
        for n in range(self.stories):
            self.plan(n)
            self.emit_until(self.start + n * self.step)
            if (n + 1) % batch == 0:
                self.flush()
                if progress:
                    rate = (n + 1) / (time.monotonic() - started)
                    print(f"{n + 1} stories, {rate:.0f}/s", file=sys.stderr, flush=True)
        self.emit_until(self.now)
        leftover = {id(entry[4][0]): entry[4][0] for entry in self.heap}
        for story in leftover.values():
            self.finish(story)
        self.flush()
        if self.writer is not None:
            self.writer.close()
        self.finish_tags()


def pg_database(admin: str) -> str:
    import psycopg

    name = f"newswire_archive_{int(time.time())}_{random.randint(0, 10**6)}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin.rsplit("/", 1)[0] + "/" + name


def drop_pg(url: str, admin: str = "postgresql://127.0.0.1:5432/test") -> None:
    import psycopg

    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def store_bytes(engine: Engine, url: str) -> int:
    if engine.dialect.name == "sqlite":
        path = Path(url.split("///", 1)[1])
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one())


def breakdown(engine: Engine, least: int = 10_000) -> dict[str, int]:
    """Bytes per table or index, largest first (SQLite: the ``dbstat`` pages; PostgreSQL: each
    relation with its TOAST table), those under ``least`` left out."""
    sql = ("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name" if engine.dialect.name == "sqlite" else
           "SELECT c.relname, pg_total_relation_size(c.oid) - CASE WHEN c.relkind = 'r' "
           "THEN pg_indexes_size(c.oid) ELSE 0 END FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
           "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')")
    with engine.connect() as conn:
        rows = [(str(r[0]), int(r[1])) for r in conn.execute(text(sql))]
    return dict(sorted(((name, n) for name, n in rows if n >= least), key=lambda r: -r[1]))


def generate(url: str, stories: int, *, per_day: int = 1000, seed: int = 16, batch: int = 2000,
             progress: bool = False) -> dict[str, Any]:
    engine = make_engine(url)
    upgrade(engine)
    subs, access = setup_accounts(engine)
    tpls = templates()
    now = datetime.now(UTC).replace(microsecond=0)
    gen = Generator(engine, subs, tpls, stories=stories, per_day=per_day, seed=seed, now=now)
    started = time.monotonic()
    gen.run(batch, progress)
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    else:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    seconds = time.monotonic() - started
    size = store_bytes(engine, url)
    where = breakdown(engine)
    engine.dispose()
    payload_bytes, payload_chars = gen.payload_bytes, gen.payload_chars
    return {
        "url": url, "stories": stories, "templates": len(tpls), "seconds": round(seconds, 1),
        "stories_per_s": round(stories / seconds, 1), **gen.counts, "last_seq": gen.seq,
        "recent_seq": max(0, gen.seq - 100), "uris": gen.recent[-50:], "rare_word": RARE_PLACE,
        "common_word": "said", "store_bytes": size, "payload_bytes": payload_bytes,
        "bytes_per_story": round(size / stories), "payload_bytes_per_story": round(payload_bytes / stories),
        "payload_chars_per_story": round(payload_chars / stories),
        "x_payload_bytes": round(size / max(payload_bytes, 1), 3),
        "x_payload_chars": round(size / max(payload_chars, 1), 3),
        "bytes_per_story_by_table": {name: round(n / stories) for name, n in where.items()},
        **access,
    }


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="a SQLite URL, or 'pg' for a new PostgreSQL database")
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--per-day", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--meta", type=Path, help="write the archive's facts (keys, URIs, words) here")
    parser.add_argument("--pg-admin", default="postgresql://127.0.0.1:5432/test")
    args = parser.parse_args(list(argv) if argv is not None else None)
    url = pg_database(args.pg_admin) if args.db == "pg" else args.db
    facts = generate(url, args.stories, per_day=args.per_day, seed=args.seed, batch=args.batch, progress=True)
    if args.meta:
        args.meta.write_text(json.dumps(facts))
    shown = {k: v for k, v in facts.items() if k not in ("uris", "keys", "session")}
    print(json.dumps({"bench": "archive_gen", **shown}))


if __name__ == "__main__":
    main()
