"""Full-text search with per-language stemming on both databases.

SQLite: an FTS5 table holds the text already stemmed in Python with the Snowball stemmer
of the item's language; a query is stemmed the same way. PostgreSQL: a ``tsvector`` built
with the language's own text-search configuration. A query without a language matches a
word in any of the supported languages' stemmings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from itertools import chain
from typing import TypeVar

import snowballstemmer
from sqlalchemy import Connection, bindparam, text
from sqlalchemy.exc import DBAPIError

from newswire.formats.sanitize import html_to_text, markup_free
from newswire.model import Item
from newswire.store.prepared import Prepared

STEMMERS = {
    "en": "english", "tr": "turkish", "ar": "arabic", "ru": "russian", "fr": "french",
    "es": "spanish", "de": "german", "bs": "serbian", "hr": "serbian", "sr": "serbian",
    "pt": "portuguese", "it": "italian", "nl": "dutch",
}
PG_CONFIGS = {
    "en": "english", "tr": "turkish", "ar": "arabic", "ru": "russian", "fr": "french",
    "es": "spanish", "de": "german", "bs": "serbian", "hr": "serbian", "sr": "serbian",
    "pt": "portuguese", "it": "italian", "nl": "dutch",
}
_WORD = re.compile(r"\w+", re.UNICODE)


@cache
def _stemmer(lang: str) -> snowballstemmer.Stemmer | None:
    algorithm = STEMMERS.get(lang)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


def _lang(language: str | None) -> str:
    return (language or "").split("-")[0].lower()


def _fold(text: str, lang: str) -> str:
    if lang in ("tr", "az"):
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


STEMS_KEPT = 50_000  # tokens remembered per language; past that the memory starts afresh


_V = TypeVar("_V")


class _Kept(dict[str, _V]):
    """What :meth:`made` makes of a token, remembered: up to ``STEMS_KEPT`` tokens, then the
    memory starts afresh."""

    def made(self, token: str) -> _V:
        raise NotImplementedError

    def __missing__(self, token: str) -> _V:
        value = self.made(token)
        if len(self) >= STEMS_KEPT:
            self.clear()
        self[token] = value
        return value


class _Stems(_Kept[tuple[str, ...]]):
    """A language's tokens (the text split at white space, punctuation and case as written)
    and the stems of their words, remembered: most of a story's thousand tokens have been
    seen before, and a dict lookup costs far less than folding, the regex and the stemmer."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.stemmer = _stemmer(lang)

    def made(self, token: str) -> tuple[str, ...]:
        words = _WORD.findall(_fold(token, self.lang))
        return tuple(self.stemmer.stemWords(words) if self.stemmer else words)


@cache
def _stems(lang: str) -> _Stems:
    return _Stems(lang)


class _Terms(_Kept[str]):
    """A language's tokens and their stems as the index holds them, joined by a space (a
    token of no word: ''), remembered: a story's terms are joined from these at once, with no
    list of its thousand stems in between."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.stems = _stems(lang)

    def made(self, token: str) -> str:
        return " ".join(self.stems.made(token))


@cache
def _terms(lang: str) -> _Terms:
    return _Terms(lang)


def index_terms(value: str, lang: str) -> str:
    """What the FTS5 row holds for ``value``: ``" ".join(stem_words(value, lang))``."""
    return " ".join(filter(None, map(_terms(lang).__getitem__, value.split())))


def stem_words(value: str, lang: str) -> list[str]:
    """The stems of the words (``\\w+``) of ``value`` folded, in order. Token by token: no
    word holds white space, and folding a token is folding it in the text (lower case maps
    no letter to white space or from it, and a final sigma's context ends at white space)."""
    return list(chain.from_iterable(map(_stems(lang).__getitem__, value.split())))


def document_text(item: Item) -> str:
    return _joined(item, html_to_text(item.body_html))


def _joined(item: Item, body: str) -> str:
    parts = [item.headline, item.standfirst or "", item.summary or "", body]
    parts += [c.name or "" for c in (*item.people, *item.organisations, *item.places)]
    return "\n".join(p for p in parts if p)


def _words_text(item: Item) -> str:
    """:func:`document_text` with the body's white space as its markup left it
    (``markup_free``, ~40 us a story less than ``html_to_text``): what the index stems, token
    by token, and the same tokens."""
    return _joined(item, markup_free(item.body_html))


def index(conn: Connection, item: Item, *, fresh: bool = False) -> None:
    """Index the item's text (``fresh``: a story stored for the first time, with no earlier
    text to replace)."""
    lang = _lang(item.language)
    if conn.dialect.name == "sqlite":
        index_rows(conn, [(item.uri, index_terms(_words_text(item), lang))], fresh=fresh)
    else:
        if not fresh:
            remove(conn, item.uri)
        _INSERT_DOC.execute(conn, {"u": item.uri, "l": lang, "c": PG_CONFIGS.get(lang, "simple"),
                                   "t": document_text(item)})


_INSERT_DOC = Prepared(text(
    "INSERT INTO search_docs (uri, lang, doc) VALUES (:u, :l, to_tsvector(CAST(:c AS regconfig), :t))"))
_INSERT_KEY_RETURNING = Prepared(text("INSERT INTO search_keys (uri) VALUES (:u) RETURNING id"))
_INSERT_KEY = Prepared(text("INSERT INTO search_keys (uri) VALUES (:u)"))
_DELETE_KEY = Prepared(text("DELETE FROM search_keys WHERE uri = :u"))
_DELETE_DOC = Prepared(text("DELETE FROM search_docs WHERE uri = :u"))
_INSERT_TERMS = Prepared(text("INSERT INTO search_fts (rowid, terms) VALUES (:r, :t)"))


def index_rows(conn: Connection, rows: Sequence[tuple[str, str]], *, fresh: bool = False) -> None:
    """SQLite: index (uri, stemmed terms) rows, one per story. The FTS5 table is contentless
    (no second copy of the text), and on this SQLite a contentless table cannot delete a row
    without being handed its old terms: so each text gets a new rowid, which ``search_keys``
    maps to its story, and the story's earlier rowid is unmapped - its old terms stay in the
    index but never match a story."""
    if not rows:
        return
    uris = [{"u": uri} for uri, _terms in rows]
    if not fresh:
        _DELETE_KEY.run_many(conn, uris)
    ids: dict[str, int] = {}
    if len(rows) == 1:  # one story's publication: its key handed back by the insert
        ids[rows[0][0]] = _INSERT_KEY_RETURNING.scalar(conn, uris[0])
    else:
        _INSERT_KEY.run_many(conn, uris)
        for start in range(0, len(rows), 500):
            chunk = [uri for uri, _terms in rows[start:start + 500]]
            found = conn.execute(text("SELECT uri, id FROM search_keys WHERE uri IN :uris")
                                 .bindparams(bindparam("uris", expanding=True)), {"uris": chunk})
            ids.update({uri: rowid for uri, rowid in found})
    _INSERT_TERMS.run_many(conn, [{"r": ids[uri], "t": terms} for uri, terms in rows])


def remove(conn: Connection, uri: str) -> None:
    (_DELETE_KEY if conn.dialect.name == "sqlite" else _DELETE_DOC).execute(conn, {"u": uri})


@dataclass(frozen=True, slots=True)
class Query:
    q: str
    lang: str | None = None
    subjects: tuple[str, ...] = ()  # codes incl. descendants, already expanded
    type: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def _fts_expression(q: str, lang: str | None) -> str | None:
    words = _WORD.findall(q)
    if not words:
        return None
    langs = [lang] if lang else sorted(set(STEMMERS))
    groups = []
    for word in words[:20]:
        stems = sorted({stem_words(word, code)[0] for code in langs if stem_words(word, code)})
        groups.append("(" + " OR ".join('"' + s.replace('"', "") + '"' for s in stems) + ")")
    return " AND ".join(groups)


def matching(conn: Connection, q: str, lang: str | None, docs: Sequence[tuple[str | None, str]]) -> list[bool]:
    """Which of ``docs`` ((language, text) pairs) match ``q`` as :func:`find` matches the
    index: the same stems (SQLite) or text-search configurations (PostgreSQL). The public
    site filters :func:`find`'s candidates with it, so it searches only the text it shows."""
    if not docs:
        return []
    lang = _lang(lang) if lang else None
    if conn.dialect.name == "sqlite":
        langs = [lang] if lang else sorted(set(STEMMERS))
        groups = [{stems[0] for code in langs if (stems := stem_words(word, code))}
                  for word in _WORD.findall(q)[:20]]
        if not groups:
            return [False] * len(docs)
        found = []
        for doc_lang, value in docs:
            terms = set(stem_words(value, _lang(doc_lang)))
            found.append(all(group & terms for group in groups))
        return found
    configs = [PG_CONFIGS.get(lang, "simple")] if lang else sorted(set(PG_CONFIGS.values()))
    tsq = " || ".join(f"websearch_to_tsquery('{c}', :q)" for c in configs)
    rows = conn.execute(text(
        f"SELECT d.n FROM unnest(CAST(:cfgs AS text[]), CAST(:texts AS text[])) WITH ORDINALITY AS d(cfg, t, n), "
        f"(SELECT {tsq} AS tsq) q WHERE to_tsvector(CAST(d.cfg AS regconfig), d.t) @@ q.tsq"
    ), {"q": q.replace("\x00", " "), "cfgs": [PG_CONFIGS.get(_lang(doc_lang), "simple") for doc_lang, _ in docs],
        "texts": [value.replace("\x00", "") for _, value in docs]})
    hits = {int(row[0]) for row in rows}
    return [n in hits for n in range(1, len(docs) + 1)]


RANK_BLOCK = 2000  # matches ranked together: the newest this many first, best first among them


# How long the index may take to list a word's matches: a common word's take longer than the
# walk over the newest items it does not need (a million stories: ~150 ms against ~20 ms).
PROBE_TIMEOUT_MS = 40
_PROBE = "SELECT d.uri FROM search_docs d WHERE d.doc @@ ({tsq}) LIMIT :n"
_QUERY_CANCELED = "57014"


def _few_matches(conn: Connection, query: Query) -> list[str] | None:
    """On PostgreSQL, the URIs matching the query's words when there are no more than
    :data:`RANK_BLOCK` of them, read from the full-text (GIN) index; None when there are more,
    or when the index takes longer than :data:`PROBE_TIMEOUT_MS` to say (a common word: the
    walk is quick then).

    The query ORs one tsquery per language configuration, so the planner overestimates a rare
    word's matches a thousandfold and walks the newest items instead, looking each one up: 5.7 s
    for a word in 4 of a million stories. Asked first, the index answers in milliseconds, and a
    block of fewer matches than a block holds ranks the same rows the walk would have found.
    Sequential scans are off for the probe so that it always reads the index; it runs in a
    savepoint that is always rolled back, which undoes both settings (it writes nothing)."""
    tsq, words = _pg_tsquery(query)
    savepoint = conn.begin_nested()
    try:
        conn.execute(text("SELECT set_config('enable_seqscan', 'off', true), "
                          "set_config('statement_timeout', :t, true)"), {"t": str(PROBE_TIMEOUT_MS)})
        rows: list[str] = list(conn.execute(text(_PROBE.format(tsq=tsq)), {"q": words, "n": RANK_BLOCK + 1}).scalars())
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == _QUERY_CANCELED:
            return None
        raise
    finally:
        savepoint.rollback()
    return rows if len(rows) <= RANK_BLOCK else None


def _pg_tsquery(query: Query) -> tuple[str, str]:
    """The tsquery expression (on ``:q``) for the query's language, or one per configuration
    ORed when it has none, and the words to bind to ``:q``."""
    lang = _lang(query.lang) if query.lang else None
    configs = [PG_CONFIGS.get(lang, "simple")] if lang else sorted(set(PG_CONFIGS.values()))
    tsq = " || ".join(f"websearch_to_tsquery('{c}', :q)" for c in configs)
    return tsq, query.q.replace("\x00", " ")  # PostgreSQL text holds no NUL (a 500 before)


def find(conn: Connection, query: Query, *, offset: int, limit: int) -> list[tuple[str, float, str | bytes]]:
    """(uri, score, stored payload of the current version, for ``codec.decode``) of matching
    items. Entitlement is the caller's job.

    Matches are ranked in blocks of :data:`RANK_BLOCK`, newest first: the newest block best
    first, then the next. A word in half the archive costs one block's ranking, not the
    archive's, and paging by ``offset`` walks the blocks in turn, each match once."""
    found: list[tuple[str, float, str | bytes]] = []
    topics = _topic_ids(conn, query.subjects) if query.subjects else None
    if topics == []:
        return found  # no story is tagged with any of the subjects
    few = None if conn.dialect.name == "sqlite" else _few_matches(conn, query)  # once per search
    while len(found) < limit:
        block, within = divmod(offset, RANK_BLOCK)
        want = min(limit - len(found), RANK_BLOCK - within)
        rows = _find_in_block(conn, query, topics, few, block * RANK_BLOCK, within, want)
        found.extend(rows)
        if len(rows) < want:  # every block but the last is full: this was the last
            break
        offset += len(rows)
    return found


_TOPIC_IDS = text("SELECT id FROM tags WHERE kind = 'topic' AND key IN :keys").bindparams(
    bindparam("keys", expanding=True))


def _topic_ids(conn: Connection, codes: Sequence[str]) -> list[int]:
    """The tags of these topic codes, read first: as values, the planner's statistics show how
    many stories they hold (``store.index.tag_ids``, which this module cannot import)."""
    return list(conn.execute(_TOPIC_IDS, {"keys": list(codes)}).scalars())


def _find_in_block(conn: Connection, query: Query, topics: list[int] | None, few: list[str] | None,
                   start: int, offset: int, limit: int) -> list[tuple[str, float, str | bytes]]:
    """One block's page; ``few``: every match, when the index said they fit one block."""
    where: list[str] = ["i.pub_status <> 'canceled'"]
    params: dict[str, object] = {"off": offset, "lim": limit, "start": start, "block": RANK_BLOCK}
    if query.lang:
        where.append("(i.language = :lang OR i.language LIKE :langp)")
        params.update(lang=query.lang, langp=query.lang + "-%")
    if query.type:
        where.append("i.type = :type")
        params["type"] = query.type
    if query.since:
        where.append("i.version_created >= :since")
        params["since"] = query.since
    if query.until:
        where.append("i.version_created < :until")
        params["until"] = query.until
    if topics:
        names = ", ".join(f":t{n}" for n in range(len(topics)))
        where.append(f"EXISTS (SELECT 1 FROM item_tags t WHERE t.uri = i.uri AND t.tag_id IN ({names}))")
        params.update({f"t{n}": tag for n, tag in enumerate(topics)})
    lang = _lang(query.lang) if query.lang else None
    if conn.dialect.name == "sqlite":
        expression = _fts_expression(query.q, lang)
        if expression is None:
            return []
        params["m"] = expression
        # The newest matches by FTS rowid (a story's text gets a new rowid when it changes),
        # ranked by bm25 only for the block's rows.
        sql = (f"SELECT k.uri, -c.score AS score, v.payload FROM ("
               f"SELECT f.rowid AS id, bm25(search_fts) AS score FROM search_fts f "
               f"JOIN search_keys k ON k.id = f.rowid JOIN items i ON i.uri = k.uri "
               f"WHERE search_fts MATCH :m AND {' AND '.join(where)} "
               f"ORDER BY f.rowid DESC LIMIT :block OFFSET :start) c "
               f"JOIN search_keys k ON k.id = c.id JOIN items i ON i.uri = k.uri "
               f"JOIN versions v ON v.uri = i.uri AND v.version = i.version "
               f"ORDER BY c.score, i.version_created DESC, c.id DESC LIMIT :lim OFFSET :off")
    else:
        tsq, params["q"] = _pg_tsquery(query)
        if few is not None:  # all of them fit one block: rank just those
            if start:
                return []
            where.append("d.uri = ANY(:few)")
            params["few"] = few
        sql = (f"SELECT c.uri, ts_rank(d.doc, q.tsq) AS score, v.payload FROM ("
               f"SELECT d.uri, i.last_seq FROM search_docs d JOIN items i ON i.uri = d.uri, "
               f"(SELECT {tsq} AS tsq) q WHERE d.doc @@ q.tsq AND {' AND '.join(where)} "
               f"ORDER BY i.last_seq DESC LIMIT :block OFFSET :start) c "
               f"JOIN search_docs d ON d.uri = c.uri JOIN items i ON i.uri = c.uri "
               f"JOIN versions v ON v.uri = i.uri AND v.version = i.version, (SELECT {tsq} AS tsq) q "
               f"ORDER BY score DESC, i.version_created DESC, c.last_seq DESC LIMIT :lim OFFSET :off")
    return [(row[0], float(row[1]), row[2]) for row in conn.execute(text(sql), params)]
