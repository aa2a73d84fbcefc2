"""Search in the portal: the store's full-text search, through the portal's one rule.

Candidates come from :func:`newswire.store.search.find` (the API's search: stemmed per
language, ranked, language/type/topic/date narrowed in the query) and pass the rule the live
flow uses (:func:`newswire.portal.flow.shown`, i.e. :func:`newswire.routing.may_read`). Like
the API's search, killed and withheld stories are out of it. A story whose current version
the organisation may not read but an earlier one it may is shown as that earlier version,
and only if that version's own text matches (:func:`newswire.store.search.matching`): the
index holds the current text, and a match on words the organisation cannot read would leak
them. At most ``SCAN_LIMIT`` candidates are examined per search and ``MAX_RESULTS`` kept;
facets (language, type, topic, place) count those results; "by time" orders them newest first.
Matched words are marked with ``<mark>`` in text that is escaped first, so nothing in a
story or the query becomes markup.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from markupsafe import Markup, escape
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from newswire.formats.sanitize import html_to_text
from newswire.media import attach
from newswire.model import Item, utcnow
from newswire.portal import flow, i18n
from newswire.portal.web import query_string
from newswire.routing import Product, cut_renditions, withdrawn
from newswire.site.i18n import language_name, topic_name
from newswire.store import codec
from newswire.store import search as search_store
from newswire.store.engine import read_tx
from newswire.store.users import Session
from newswire.vocab import mediatopics

if TYPE_CHECKING:
    from newswire.portal.routes import Portal

SORTS = ("relevance", "time")
PAGE_SIZE = 20
MAX_PAGES = 10
MAX_RESULTS = PAGE_SIZE * MAX_PAGES
SCAN_LIMIT = 1000  # candidates examined per search, as the API's SEARCH_SCAN_LIMIT
BATCH = 200
FACET_VALUES = 8  # values shown per facet
SNIPPET = 280  # characters of body around the first match
_WORD = re.compile(r"\w+", re.UNICODE)


class BadSearch(ValueError):
    """A search form the page cannot run (a date that is not one): a 400 page says why."""


def _date(value: str | None, name: str) -> date | None:
    text = (value or "").strip()
    if not text:
        return None
    try:
        day = date.fromisoformat(text) if len(text) == 10 and text.isascii() else None
        if day is None or not 1900 <= day.year <= 2999:  # the day after 9999-12-31 is no date
            raise ValueError(text)
        return day
    except ValueError as exc:
        raise BadSearch(name) from exc


@dataclass(frozen=True, slots=True)
class SearchForm:
    q: str = ""
    language: str | None = None
    type: str | None = None
    topic: str | None = None
    place: str | None = None  # case-folded name, as the flow's place filter
    since: date | None = None
    until: date | None = None  # inclusive
    sort: str = "relevance"
    page: int = 1

    @classmethod
    def from_query(cls, params: Mapping[str, str]) -> SearchForm:
        """The filters the flow knows are read as the flow reads them; dates must be dates."""
        common = flow.Filters.from_query(params)
        since, until = _date(params.get("from"), "from"), _date(params.get("to"), "to")
        if since and until and until < since:
            raise BadSearch("to")
        sort = params.get("sort") or "relevance"
        page = params.get("page") or "1"
        return cls(q=common.q, language=common.language, type=common.type, topic=common.topic, place=common.place,
                   since=since, until=until, sort=sort if sort in SORTS else "relevance",
                   page=int(page) if page.isascii() and page.isdigit() and 1 <= int(page) <= MAX_PAGES else 1)

    def query(self, **changed: str | None) -> dict[str, str | None]:
        """The address of this search, with ``changed`` (a facet picked or dropped; page 1)."""
        found: dict[str, str | None] = {
            "q": self.q or None, "language": self.language, "type": self.type, "topic": self.topic,
            "place": self.place, "from": self.since.isoformat() if self.since else None,
            "to": self.until.isoformat() if self.until else None,
            "sort": self.sort if self.sort != "relevance" else None, "page": None}
        found.update(changed)
        return found

    def href(self, base: str, **changed: str | None) -> str:
        return base + query_string(self.query(**changed))

    def store_query(self) -> search_store.Query:
        subjects: tuple[str, ...] = ()
        if self.topic:
            subjects = tuple(sorted({self.topic, *mediatopics.descendants(self.topic)}))
        return search_store.Query(
            self.q, self.language, subjects, self.type,
            datetime.combine(self.since, time(), UTC) if self.since else None,
            datetime.combine(self.until + timedelta(days=1), time(), UTC) if self.until else None)


@dataclass(frozen=True, slots=True)
class Hit:
    item: Item
    score: float
    headline: Markup
    snippet: Markup


@dataclass(frozen=True, slots=True)
class FacetValue:
    label: str
    count: int
    href: str
    active: bool


def _find(engine: Engine, query: search_store.Query, offset: int) -> list[tuple[Item, float]]:
    with read_tx(engine) as conn:
        found = search_store.find(conn, query, offset=offset, limit=BATCH)
    return [(codec.decode(payload), score) for _uri, score, payload in found]


def _still_matches(engine: Engine, q: str, lang: str | None, items: list[Item]) -> list[bool]:
    with read_tx(engine) as conn:
        return search_store.matching(conn, q, lang, [(i.language, search_store.document_text(i)) for i in items])


def results(engine: Engine, subscriber_id: int, products: tuple[Product, ...], form: SearchForm,
            now: datetime) -> list[tuple[Item, float]]:
    """The versions the organisation may read that match, best first (at most MAX_RESULTS)."""
    if not _WORD.search(form.q):
        return []
    query = form.store_query()
    found: list[tuple[Item, float]] = []
    offset = 0
    while len(found) < MAX_RESULTS and offset < SCAN_LIMIT:
        batch = _find(engine, query, offset)
        offset += len(batch)
        candidates = [(item, score) for item, score in batch if not withdrawn(item)]
        visible = flow.shown(engine, subscriber_id, products, [item for item, _ in candidates], now)
        older = [visible[c.uri] for c, _ in candidates if c.uri in visible and visible[c.uri].version != c.version]
        kept = dict(zip([i.uri for i in older], _still_matches(engine, form.q, form.language, older), strict=True))
        for current, score in candidates:
            item = visible.get(current.uri)
            if item is None or not kept.get(item.uri, True):
                continue
            if form.place and form.place not in flow.names(item.places, item.located):
                continue
            found.append((item, score))
            if len(found) == MAX_RESULTS:
                break
        if len(batch) < BATCH:
            break
    if form.sort == "time":
        found.sort(key=lambda pair: pair[0].version_created or pair[0].first_created or now, reverse=True)
    return found


def with_media(engine: Engine, subscriber_id: int, products: tuple[Product, ...], found: list[Item]) -> list[Item]:
    """A page of results as the organisation gets them: each story with the pictures and
    videos it may read (``media.attach``), every rendition cut to what its products carry
    (the results' thumbnails)."""
    if not found:
        return []
    media = attach.pictures_for(engine, found, subscriber_id, products)
    return [cut_renditions(attach.expanded(item, media), products) for item in found]


# -- highlighting ----------------------------------------------------------------------------
class Marker:
    """Marks the words of a text that match the query's words in the text's language (the
    same stems the index matches on, or the word itself)."""

    def __init__(self, q: str, lang: str | None) -> None:
        self.lang = (lang or "").split("-")[0].lower()
        words = _WORD.findall(q)[:20]
        self.wanted = {s for w in words for s in search_store.stem_words(w, self.lang)}
        self.wanted |= {s for w in words for s in search_store.stem_words(w, "")}
        self._seen: dict[str, bool] = {}

    def hits(self, word: str) -> bool:
        found = self._seen.get(word)
        if found is None:
            stems = search_store.stem_words(word, self.lang) + search_store.stem_words(word, "")
            found = self._seen[word] = any(s in self.wanted for s in stems)
        return found

    def first(self, text: str) -> int | None:
        return next((m.start() for m in _WORD.finditer(text) if self.hits(m.group())), None)

    def mark(self, text: str) -> Markup:
        parts: list[str] = []
        at = 0
        for m in _WORD.finditer(text):
            if self.hits(m.group()):
                parts += [escape(text[at:m.start()]), Markup("<mark>") + escape(m.group()) + Markup("</mark>")]
                at = m.end()
        parts.append(escape(text[at:]))
        return Markup("").join(parts)

    def snippet(self, text: str) -> Markup:
        """About SNIPPET characters of ``text`` around its first match, cut at spaces."""
        text = " ".join(text.split())
        first = self.first(text)
        start = 0 if first is None or first < SNIPPET // 3 else text.rfind(" ", 0, first - SNIPPET // 3) + 1
        end = start + SNIPPET
        if end >= len(text):
            end = len(text)
        elif (cut := text.rfind(" ", start, end)) > (first or start):
            end = cut
        piece = self.mark(text[start:end])
        return Markup("").join([Markup("… ") if start else "", piece, Markup(" …") if end < len(text) else ""])


def hit(item: Item, score: float, q: str) -> Hit:
    marker = Marker(q, item.language)
    body = html_to_text(item.body_html)
    text = body if marker.first(body) is not None or not item.standfirst else item.standfirst
    return Hit(item, score, marker.mark(item.headline), marker.snippet(text))


# -- facets ----------------------------------------------------------------------------------
def facets(form: SearchForm, found: Iterable[Item], lang: str, base: str) -> list[tuple[str, list[FacetValue]]]:
    """(kind, values) for language, type, topic and place, most frequent first; a value picked
    links to the search without it."""
    items = list(found)
    counts: dict[str, Counter[str]] = {kind: Counter() for kind in ("language", "type", "topic", "place")}
    names: dict[tuple[str, str], str] = {}
    for item in items:
        counts["language"][(item.language or "").split("-")[0].lower()] += 1
        counts["type"][item.type] += 1
        for code in dict.fromkeys(item.topic_codes()):
            counts["topic"][code] += 1
        places = {c.name.casefold(): c.name for c in item.places if c.name}
        if item.located:
            places.setdefault(item.located.casefold(), item.located)
        for key, name in places.items():
            counts["place"][key] += 1
            names.setdefault(("place", key), name)
    t = i18n.strings(lang)

    def label(kind: str, value: str) -> str:
        if kind == "language":
            return language_name(value)
        if kind == "type":
            return t.get("type_" + value, value)
        if kind == "topic":
            return topic_name(value, lang)
        return names.get((kind, value), value)

    out = []
    for kind, counter in counts.items():
        chosen = getattr(form, kind)
        values = [FacetValue(label(kind, value), n, form.href(base, **{kind: None if value == chosen else value}),
                             value == chosen)
                  for value, n in counter.most_common(FACET_VALUES) if value]
        if chosen and not any(v.active for v in values):
            values.insert(0, FacetValue(label(kind, chosen), 0, form.href(base, **{kind: None}), True))
        if values:
            out.append((kind, values))
    return out


class Search:
    def __init__(self, portal: Portal) -> None:
        self.portal = portal
        self.base = portal.web.prefix + "/search"

    async def page(self, request: Request, session: Session, lang: str) -> Response:
        t = i18n.strings(lang)
        try:
            form = SearchForm.from_query(request.query_params)
            error = None
        except BadSearch:
            form = SearchForm.from_query({k: v for k, v in request.query_params.items() if k not in ("from", "to")})
            error = t["search_bad_dates"]
        sid = session.user.subscriber_id
        assert sid is not None
        found: list[tuple[Item, float]] = []
        products: tuple[Product, ...] = ()
        if error is None and form.q:
            products = await self.portal.products(sid)
            found = await run_in_threadpool(results, self.portal.wire.engine, sid, products, form, utcnow())
        start = (form.page - 1) * PAGE_SIZE
        on_page = found[start:start + PAGE_SIZE]
        items = await run_in_threadpool(with_media, self.portal.wire.engine, sid, products, [i for i, _ in on_page])
        shown = [hit(item, score, form.q) for item, (_, score) in zip(items, on_page, strict=True)]
        pages = (len(found) + PAGE_SIZE - 1) // PAGE_SIZE
        return self.portal.page(
            request, "search.html", lang, session, 400 if error else 200, form=form, error=error, hits=shown,
            first=start + 1, total=len(found), capped=len(found) >= MAX_RESULTS, base=self.base,
            facets=facets(form, [item for item, _ in found], lang, self.base) if found else [],
            sorts=[(s, form.href(self.base, sort=None if s == "relevance" else s), s == form.sort) for s in SORTS],
            pages=[(n, form.href(self.base, page=str(n) if n > 1 else None)) for n in range(1, pages + 1)],
            types=flow.TYPES, story_languages=("en", "tr", "ar", "ru", "fr", "es", "de"))


def routes(portal: Portal) -> list[Route]:
    search = Search(portal)
    return [Route(search.base, portal.reading(search.page), methods=["GET"])]
