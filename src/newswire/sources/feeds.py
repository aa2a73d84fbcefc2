"""A partner's feed -> partner items, and fetching it over HTTP.

Parsing: RSS 2.0 and Atom (feedparser, after :func:`formats.xmlsafe.safe_fromstring` has
refused DTDs, entities, malformed XML and bytes that do not match the declared encoding);
ninjs (one object, an array, or ``{"items": [...]}``; 1.x to 3.x through the wire's own
parser); NewsML-G2 (a ``newsItem`` or a ``newsMessage`` with any number of them). Every HTML
fragment goes through the wire's sanitizer.

Fetching: the webhook client (:mod:`newswire.delivery.webhook_client`: connections pinned to
checked public addresses unless private ones are allowed), conditional requests
(``If-None-Match``/``If-Modified-Since``), redirects followed by hand and bounded, the body
read in chunks and cut off past a limit, and one deadline for the whole fetch (a server that
answers slowly forever is a timeout).
"""

from __future__ import annotations

import asyncio
import calendar
import json
import mimetypes
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import quote, urlsplit

import httpx
from lxml import etree

from newswire.formats.errors import FormatError
from newswire.formats.newsmlg2 import G2_NS, parse_newsml
from newswire.formats.ninjs import parse_ninjs
from newswire.formats.sanitize import clean_html, html_to_text
from newswire.formats.xmlsafe import safe_fromstring
from newswire.model import Association, Item, Rendition, Text
from newswire.sources.model import PartnerItem

MAX_REDIRECTS = 5
MAX_ENCLOSURES = 10  # per item: a feed cannot make an item carry thousands of links
MAX_ENCLOSURE_URL = 2000
ENCLOSURE_REL = "enclosure"
_MEDIA_TYPE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,127}$")
_KIND_BY_MEDIUM = {"image": "picture", "video": "video", "audio": "audio"}


class FeedError(Exception):
    """A poll that failed: recorded on the source, never raised into the wire."""

    def __init__(self, detail: str, *, retry_after: float | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class Parsed:
    items: list[PartnerItem]
    errors: list[str]  # items refused one by one (the others were read)


# -- parsing -------------------------------------------------------------------------------

def parse_feed(kind: str, data: bytes) -> Parsed:
    if kind in ("rss", "atom"):
        return parse_syndication(data)
    if kind == "ninjs":
        return parse_ninjs_feed(data)
    if kind == "newsml":
        return parse_g2_feed(data)
    raise FeedError(f"{kind} is not a feed kind.")


def _each(entries: list[Any], build: Callable[[Any], PartnerItem]) -> Parsed:
    items: list[PartnerItem] = []
    errors: list[str] = []
    for n, entry in enumerate(entries, 1):
        try:
            items.append(build(entry))
        except FormatError as exc:
            errors.append(f"item {n}: {exc}")
    return Parsed(items, errors)


def parse_syndication(data: bytes) -> Parsed:
    """RSS 2.0 / Atom 1.0 -> partner items (guid/id, else the link)."""
    try:
        safe_fromstring(data)
    except FormatError as exc:
        raise FeedError(f"The feed is refused: {exc}") from exc
    import feedparser  # here, not at start-up: 2 MB of a server that may read no feed

    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if parsed.get("bozo") and not parsed.get("entries"):
        raise FeedError(f"The feed cannot be read: {parsed.get('bozo_exception')}")
    feed = parsed.get("feed", {})
    language = feed.get("language")
    rights = feed.get("rights")
    return _each(list(parsed.get("entries", [])), lambda e: _syndication_item(e, language, rights))


def _plain(detail: Any, fallback: str | None) -> str | None:
    if detail is None:
        return fallback
    value = detail.get("value") or ""
    if "html" in (detail.get("type") or ""):
        value = html_to_text(clean_html(value))
    return value.strip() or None


def _when(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (OverflowError, ValueError, TypeError):
        return None


def _syndication_item(entry: Any, feed_language: str | None, rights: str | None) -> PartnerItem:
    guid = entry.get("id") or entry.get("link")
    headline = _plain(entry.get("title_detail"), entry.get("title"))
    if not guid:
        if not headline:
            raise FormatError("an entry has neither an id, a link nor a title")
        guid = "title:" + headline
    contents = entry.get("content") or []
    body_html = None
    for content in contents:
        value = content.get("value") or ""
        if "html" in (content.get("type") or ""):
            body_html = clean_html(value)
        else:
            body_html = "".join(f"<p>{clean_html(p)}</p>" for p in value.split("\n\n") if p.strip())
        if body_html.strip():
            break
    summary = entry.get("summary_detail")
    summary_text = _plain(summary, entry.get("summary"))
    if body_html is None and summary is not None and summary.get("value"):
        body_html = clean_html(summary["value"]) if "html" in (summary.get("type") or "") else \
            f"<p>{clean_html(summary['value'])}</p>"
        summary_text = None  # the summary is the body; not twice
    language = (contents[0].get("language") if contents else None) or entry.get("language") or feed_language
    published = _when(entry.get("published_parsed"))
    updated = _when(dict.get(entry, "updated_parsed"))
    if not headline and not body_html:
        raise FormatError("an entry has neither a title nor content")
    item = Item(
        uri=str(guid)[:2000],
        headlines=(Text(headline),) if headline else (),
        descriptions=(Text(summary_text, role="summary"),) if summary_text else (),
        bodies=(Text(body_html, content_type="text/html"),) if body_html else (),
        language=language[:32] if isinstance(language, str) and language.strip() else None,
        by=(entry.get("author") or None),
        first_created=published or updated,
        content_created=published,
        version_created=updated,
        copyright_notice=entry.get("rights") or rights or None,
        associations=enclosures(entry),
    )
    return PartnerItem(str(guid), item)


def _remote_url(value: Any) -> str | None:
    """An http(s) URL with a host, percent-encoded where it is not plain ASCII; else None."""
    if not isinstance(value, str):
        return None
    url = quote(value.strip(), safe=":/?#[]@!$&'()*+,;=%~")
    if len(url) > MAX_ENCLOSURE_URL:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.hostname else None


def _count(value: Any) -> int | None:
    text = str(value).strip() if value is not None else ""
    return int(text) if text.isdigit() and 0 < len(text) <= 15 else None


def _enclosure(href: Any, media_type: Any, length: Any, medium: Any = None,
               width: Any = None, height: Any = None, title: Any = None) -> Association | None:
    """One remote picture, video or sound as an association (the wire keeps the link, not the
    file); None for what is none of the three or not a checked http(s) URL."""
    url = _remote_url(href)
    if url is None:
        return None
    mime = media_type.strip().lower() if isinstance(media_type, str) else ""
    if not _MEDIA_TYPE.match(mime):
        mime = (mimetypes.guess_type(urlsplit(url).path)[0] or "")
    kind = _KIND_BY_MEDIUM.get(mime.split("/", 1)[0]) or _KIND_BY_MEDIUM.get(str(medium or "").lower())
    if kind is None:
        return None
    label = title.strip()[:300] if isinstance(title, str) and title.strip() else None
    return Association(uri=url, name=kind, type=kind, rel=ENCLOSURE_REL, headline=label, renditions=(
        Rendition(href=url, name="original", content_type=mime or None, width=_count(width),
                  height=_count(height), size_in_bytes=_count(length), title=label),))


def enclosures(entry: Any) -> tuple[Association, ...]:
    """RSS ``<enclosure>``, Atom ``link rel="enclosure"`` (feedparser's ``enclosures``) and
    Media RSS ``media:content``: at most ``MAX_ENCLOSURES``, each URL once."""
    found: dict[str, Association] = {}
    candidates = [_enclosure(e.get("href"), e.get("type"), e.get("length"), title=e.get("title"))
                  for e in entry.get("enclosures") or [] if isinstance(e, dict)]
    candidates += [_enclosure(m.get("url"), m.get("type"), m.get("filesize"), m.get("medium"), m.get("width"),
                              m.get("height")) for m in entry.get("media_content") or [] if isinstance(m, dict)]
    for association in candidates:
        if association is not None and association.uri not in found and len(found) < MAX_ENCLOSURES:
            found[association.uri] = association
    return tuple(found.values())


def _ninjs_item(entry: Any) -> PartnerItem:
    if not isinstance(entry, dict):
        raise FormatError("a ninjs feed entry must be an object")
    item = parse_ninjs(entry)
    return PartnerItem(item.uri, item)


def parse_ninjs_feed(data: bytes) -> Parsed:
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError) as exc:  # ValueError covers bad UTF-8 and bad JSON
        raise FeedError(f"The feed is not JSON: {str(exc)[:200]}") from exc
    if isinstance(doc, dict) and isinstance(doc.get("items"), list):
        entries = doc["items"]
    elif isinstance(doc, dict) and isinstance(doc.get("data"), list):
        entries = doc["data"]
    elif isinstance(doc, list):
        entries = doc
    elif isinstance(doc, dict):
        entries = [doc]
    else:
        raise FeedError("A ninjs feed is an object, an array of objects or {\"items\": [...]}.")
    return _each(entries, _ninjs_item)


def _g2_item(element: Any) -> PartnerItem:
    item = parse_newsml(element)
    return PartnerItem(item.uri, item)


def parse_g2_feed(data: bytes) -> Parsed:
    try:
        root = safe_fromstring(data)
    except FormatError as exc:
        raise FeedError(f"The feed is refused: {exc}") from exc
    name = etree.QName(root)
    if name.namespace != G2_NS or name.localname not in ("newsItem", "newsMessage"):
        raise FeedError(f"Expected a NewsML-G2 newsItem or newsMessage, not <{name.localname}>.")
    elements = [root] if name.localname == "newsItem" else \
        root.findall(f"{{{G2_NS}}}itemSet/{{{G2_NS}}}newsItem")
    return _each(elements, _g2_item)


# -- fetching ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Fetched:
    body: bytes | None  # None: not modified (304)
    etag: str | None
    last_modified: str | None


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """``Retry-After`` as seconds: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


async def fetch(client: httpx.AsyncClient, url: str, *, etag: str | None, last_modified: str | None,
                max_bytes: int, timeout: float, auth: tuple[str, str] | None = None) -> Fetched:
    """GET ``url`` conditionally; ``FeedError`` for every failure (with ``retry_after``)."""
    try:
        return await asyncio.wait_for(_fetch(client, url, etag, last_modified, max_bytes, auth), timeout)
    except TimeoutError as exc:
        raise FeedError(f"timed out after {timeout:g} s") from exc
    except httpx.TimeoutException as exc:
        raise FeedError(f"timed out ({exc.__class__.__name__})") from exc
    except httpx.HTTPError as exc:
        raise FeedError(f"could not fetch the feed: {exc.__class__.__name__}: {str(exc)[:200]}") from exc


async def _fetch(client: httpx.AsyncClient, url: str, etag: str | None, last_modified: str | None,
                 max_bytes: int, auth: tuple[str, str] | None) -> Fetched:
    headers = {"Accept": "*/*", "Accept-Encoding": "identity", "User-Agent": "newswire-sources/1"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    target = httpx.URL(url)
    for _ in range(MAX_REDIRECTS + 1):
        request = client.build_request("GET", target, headers=headers)
        response = await client.send(request, stream=True, auth=auth)
        try:
            if response.status_code in (301, 302, 303, 307, 308):
                location = response.headers.get("location")
                if not location:
                    raise FeedError(f"HTTP {response.status_code} without a Location")
                nxt = target.join(location)
                if nxt.scheme not in ("http", "https"):
                    raise FeedError("a redirect to a URL that is not http(s) is refused")
                if nxt.host != target.host:
                    auth = None  # credentials go only to the declared host
                target = nxt
                continue
            if response.status_code == 304:
                return Fetched(None, etag, last_modified)
            if response.status_code in (429, 503) or response.status_code >= 400:
                raise FeedError(f"HTTP {response.status_code}",
                                retry_after=retry_after_seconds(response.headers.get("retry-after")))
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FeedError(f"the feed is {declared} bytes; the limit is {max_bytes}")
            chunks = bytearray()
            async for chunk in response.aiter_raw():
                chunks += chunk
                if len(chunks) > max_bytes:
                    raise FeedError(f"the feed is larger than the limit of {max_bytes} bytes; cut off")
            body = bytes(chunks)
            if response.headers.get("content-encoding", "identity") not in ("identity", ""):
                body = _decoded(response, body, max_bytes)
            return Fetched(body, response.headers.get("etag"), response.headers.get("last-modified"))
        finally:
            await response.aclose()
    raise FeedError(f"more than {MAX_REDIRECTS} redirects")


def _decoded(response: httpx.Response, raw: bytes, max_bytes: int) -> bytes:
    """Undo gzip/deflate/br, bounded (a small compressed body may expand enormously)."""
    decoder = response._get_content_decoder()  # httpx's own decoder for the response's encoding
    out = bytearray()
    step = 8 * 1024
    for start in range(0, len(raw), step):
        out += decoder.decode(raw[start:start + step])
        if len(out) > max_bytes:
            raise FeedError(f"the feed expands past the limit of {max_bytes} bytes; cut off")
    out += decoder.flush()
    if len(out) > max_bytes:
        raise FeedError(f"the feed expands past the limit of {max_bytes} bytes; cut off")
    return bytes(out)
