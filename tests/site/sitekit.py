"""Helpers for the public-site tests: story builders, an HTML5 checker, a crawler."""

from __future__ import annotations

import io
import itertools
import json
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
from PIL import Image, ImageDraw

from newswire import formats
from newswire.media.blobs import blobs_for
from newswire.media.metadata import PictureMeta
from newswire.media.upload import Upload, publish_picture
from newswire.model import Item
from newswire.store.items import PublishResult
from newswire.wire import Wire

_ids = itertools.count(1)

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})
# Elements whose end tag HTML lets you omit; the site never omits them, so they are checked too.
SITE_PREFIXES = ("/", "/en/", "/tr/", "/ar/", "/ru/", "/fr/", "/es/", "/de/", "/bs/", "/hr/")


def story_doc(
    lang: str = "en", *, uri: str | None = None, headline: str | None = None,
    standfirst: str | None = "A standfirst that sets the story up in one line.",
    paragraphs: list[str] | None = None, topics: tuple[str, ...] = ("04000000",),
    people: tuple[str, ...] = (), organisations: tuple[str, ...] = (), places: tuple[str, ...] = (),
    slugline: str | None = None, located: str | None = "Geneva", picture: str | None = None,
    translation_of: str | None = None, summary: str | None = None, **extra: Any,
) -> dict[str, Any]:
    """A ninjs 3.2 story; every name is optional."""
    n = next(_ids)
    paras = paragraphs or [
        "Officials met on Monday to agree a plan for the harbour, the ministry said.",
        "The second paragraph gives the background that subscribers read in full.",
        "A third paragraph closes the story with what happens next.",
    ]
    doc: dict[str, Any] = {
        "uri": uri or f"urn:newswire:sitetest:{lang}-{n}",
        "type": "text",
        "language": lang,
        "headlines": [{"role": "main", "value": headline or f"Harbour plan agreed, story {n}"}],
        "bodies": [{"role": "main", "contentType": "text/html",
                    "value": "".join(f"<p>{p}</p>" for p in paras)}],
        "subjects": [{"uri": f"http://cv.iptc.org/newscodes/mediatopic/{c}"} for c in topics],
    }
    descriptions = []
    if standfirst:
        descriptions.append({"role": "standfirst", "value": standfirst})
    if summary:
        descriptions.append({"role": "summary", "value": summary})
    if descriptions:
        doc["descriptions"] = descriptions
    if people:
        doc["people"] = [{"name": p} for p in people]
    if organisations:
        doc["organisations"] = [{"name": o} for o in organisations]
    if places:
        doc["places"] = [{"name": p} for p in places]
    if slugline:
        doc["slugline"] = slugline
    if located:
        doc["located"] = located
    associations = []
    if picture:  # a wire picture item's URI (see picture_item)
        associations.append({"name": "featureimage", "type": "picture", "uri": picture,
                             "headlines": [{"value": "Cranes at the harbour at dawn"}]})
    if translation_of:
        associations.append({"name": "translation", "rel": "translation", "uri": translation_of})
    if associations:
        doc["associations"] = associations
    doc.update(extra)
    return doc


def publish(wire: Wire, doc: dict[str, Any], *, public: bool = True, now: datetime | None = None,
            embargoed_until: datetime | None = None) -> PublishResult:
    item: Item = formats.parse(json.dumps(doc, ensure_ascii=False).encode(), "ninjs")
    if embargoed_until is not None:
        item = item.evolve(embargoed_until=embargoed_until)
    return wire.publish(item, public=public, now=now)


def picture_item(wire: Wire, *, public: bool = True, headline: str | None = None,
                 caption: str = "Cranes unload a container ship at dawn.", credit: str = "Test Agency/Ana",
                 size: tuple[int, int] = (1200, 800)) -> Item:
    """A picture item uploaded as the desk does (a JPEG drawn here), its renditions named."""
    im = Image.new("RGB", size, (40, 90, 140))
    ImageDraw.Draw(im).rectangle((size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2), fill=(220, 200, 60))
    out = io.BytesIO()
    im.save(out, "JPEG", quality=85, comment=f"picture {next(_ids)}")  # unique bytes, a new item each time
    with tempfile.NamedTemporaryFile(suffix=".jpg") as f:
        f.write(out.getvalue())
        f.flush()
        editor = PictureMeta(headline=headline, caption=caption, credit=credit, language="en")
        return publish_picture(wire, blobs_for(wire.settings.data_dir),
                               Upload(Path(f.name), "image/jpeg", editor, public=public)).item


# -- HTML -------------------------------------------------------------------------------------

@dataclass
class HtmlReport:
    errors: list[str] = field(default_factory=list)
    doctype: bool = False
    html_lang: str | None = None
    html_dir: str | None = None
    first_link: str | None = None
    ids: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    images: list[dict[str, str | None]] = field(default_factory=list)
    h1: int = 0
    mains: int = 0
    text: list[str] = field(default_factory=list)
    jsonld: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    link_tags: list[dict[str, str | None]] = field(default_factory=list)


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.report = HtmlReport()
        self.stack: list[str] = []
        self._in_jsonld = False

    def handle_decl(self, decl: str) -> None:
        if decl.lower() == "doctype html":
            self.report.doctype = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        r = self.report
        if len({k for k, _ in attrs}) != len(attrs):
            r.errors.append(f"duplicate attribute on <{tag}>")
        if tag == "html":
            r.html_lang, r.html_dir = a.get("lang"), a.get("dir")
        if a.get("id"):
            r.ids.append(a["id"] or "")
        if tag == "a" and a.get("href"):
            r.links.append(a["href"] or "")
            if r.first_link is None:
                r.first_link = a["href"]
        if tag == "img":
            r.images.append(a)
        if tag == "h1":
            r.h1 += 1
        if tag == "main":
            r.mains += 1
        if tag == "meta" and (a.get("name") or a.get("property")):
            r.meta[a.get("name") or a.get("property") or ""] = a.get("content") or ""
        if tag == "link":
            r.link_tags.append(a)
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_jsonld = True
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.report.errors.append(f"self-closing non-void <{tag}/>")
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.report.errors.append(f"end tag for void <{tag}>")
            return
        if not self.stack:
            self.report.errors.append(f"</{tag}> with nothing open")
            return
        if self.stack[-1] != tag:
            self.report.errors.append(f"</{tag}> closes <{self.stack[-1]}> (open: {self.stack[-4:]})")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.report.jsonld.append(data)
        elif data.strip():
            self.report.text.append(data)


def check_html(page: str) -> HtmlReport:
    """Parse a page; errors list well-formedness and accessibility problems."""
    checker = _Checker()
    checker.feed(page)
    checker.close()
    r = checker.report
    if checker.stack:
        r.errors.append(f"unclosed elements: {checker.stack}")
    if not r.doctype:
        r.errors.append("no <!DOCTYPE html>")
    if not r.html_lang:
        r.errors.append("<html> has no lang")
    if r.first_link != "#main":
        r.errors.append(f"the first link is {r.first_link!r}, not a skip link to #main")
    if "main" not in r.ids:
        r.errors.append("no element with id=main for the skip link")
    if r.mains != 1:
        r.errors.append(f"{r.mains} <main> elements")
    if r.h1 != 1:
        r.errors.append(f"{r.h1} <h1> elements")
    dupes = {i for i in r.ids if r.ids.count(i) > 1}
    if dupes:
        r.errors.append(f"duplicate ids {sorted(dupes)}")
    for img in r.images:
        if not (img.get("alt") or "").strip():
            r.errors.append(f"image without alt text: {img.get('src')}")
    for block in r.jsonld:
        try:
            json.loads(block)
        except ValueError as exc:
            r.errors.append(f"JSON-LD does not parse: {exc}")
    try:
        import lxml.html

        lxml.html.document_fromstring(page)
    except Exception as exc:  # lxml's parser is the second opinion
        r.errors.append(f"lxml cannot parse the page: {exc}")
    return r


# -- crawling -----------------------------------------------------------------------------------

def site_links(page: str, base: str) -> list[str]:
    """Same-site paths linked from a page (no API, no static files, no fragments)."""
    found = []
    for href in check_html(page).links:
        absolute = urljoin(base, href)
        parts = urlsplit(absolute)
        if parts.netloc != urlsplit(base).netloc or href.startswith("#"):
            continue
        path = parts.path + ("?" + parts.query if parts.query else "")
        if path.startswith(("/v1/", "/static/", "/live/", "/docs", "/openapi")):
            continue
        found.append(path)
    return found


def crawl(client: httpx.Client, start: list[str], limit: int = 400) -> dict[str, httpx.Response]:
    """Breadth-first over the site's own links from ``start``; every response kept."""
    seen: dict[str, httpx.Response] = {}
    queue = list(start)
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        resp = client.get(path)
        seen[path] = resp
        if resp.headers.get("content-type", "").startswith("text/html"):
            queue.extend(p for p in site_links(resp.text, str(client.base_url) + "/") if p not in seen)
    return seen


# -- the live stream (SSE) ----------------------------------------------------------------------

@dataclass
class Message:
    event: str
    data: dict[str, str]
    id: str | None


@dataclass
class StreamReader:
    """Reads an SSE stream in a thread until ``done(messages)`` or the deadline."""

    url: str
    headers: dict[str, str] = field(default_factory=dict)
    messages: list[Message] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    connected: threading.Event = field(default_factory=threading.Event)
    status: int | None = None

    def run(self, done: Callable[[list[Message]], bool], deadline: float = 15.0) -> threading.Thread:
        def read() -> None:
            end = time.monotonic() + deadline
            fields: dict[str, str] = {}
            try:
                with httpx.Client(timeout=httpx.Timeout(5.0, read=2.0)) as client, \
                        client.stream("GET", self.url, headers=self.headers) as resp:
                    self.status = resp.status_code
                    for line in resp.iter_lines():
                        self.raw.append(line)
                        self.connected.set()
                        if line == "":
                            if "data" in fields:
                                self.messages.append(Message(fields.get("event", "message"),
                                                             json.loads(fields["data"]), fields.get("id")))
                            fields = {}
                            if done(self.messages) or time.monotonic() > end:
                                return
                            continue
                        name, _, value = line.partition(":")
                        fields[name] = value.strip()
            except httpx.ReadTimeout:
                return
            finally:
                self.connected.set()

        thread = threading.Thread(target=read, daemon=True)
        thread.start()
        return thread


def headlines(messages: list[Message]) -> list[str]:
    return [m.data["headline"] for m in messages if m.event == "headline"]
