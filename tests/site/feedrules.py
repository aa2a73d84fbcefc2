"""The W3C Feed Validator's rules that the site's feeds rely on, as an offline check.

The validator (validator.w3.org/feed, source: the ``feedvalidator`` package's ``item.py``,
``channel.py``, ``feed.py``, ``entry.py``, ``content.py``, ``validators.py``) cannot run here.
Each rule below names the message it would give. :func:`findings` returns every message the
validator would print for a feed (errors and warnings), so a test asserts it is empty.
"""

from __future__ import annotations

import html.entities
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from urllib.parse import quote, unquote, urlsplit

from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# ISO 639-1 codes of the languages the site knows, plus a few more (validators.iso639).
ISO639 = frozenset(
    [
        "en",
        "tr",
        "ar",
        "ru",
        "fr",
        "es",
        "de",
        "bs",
        "hr",
        "sr",
        "pt",
        "it",
        "nl",
        "el",
        "pl",
        "cs",
        "sk",
        "sl",
        "hu",
        "ro",
        "bg",
        "uk",
        "fa",
        "he",
        "zh",
        "ja",
        "ko",
    ]
)
# validators.rfc2396.urn_re, validators.rfc2396_full.rfc2396_re
URN = re.compile(r"^urn:[a-zA-Z0-9][a-zA-Z0-9-]{1,31}:([a-zA-Z0-9()+,.:=@;$_!*'-]|%[0-9A-Fa-f]{2})+$")
FULL_URI = re.compile(r"^[a-zA-Z][0-9a-zA-Z+.-]*:(//)?[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]+$")
# validators.rfc822.rfc2822_re; validators.rfc3339.iso8601_re
RFC2822 = re.compile(
    r"^((Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d\d? (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r" \d{4} \d\d:\d\d(:\d\d)? (([+-]?\d\d[03]0)|UT|GMT|Z)$"
)
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d*)?(Z|[+-]\d\d:\d\d)$")
HTML_END_TAG = re.compile(r"</(\w+)>")
HTML_ENTITY = re.compile(r"&(#?\w+)")
NAMED_ENTITIES = frozenset(name.rstrip(";") for name in html.entities.html5)
PCHAR = "-._~!$&'()*+,;=:@"


def _elements_in(value: str) -> list[str]:
    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.found.append(tag)

    parser = Tags()
    parser.feed(value)
    return parser.found


def nonhtml(where: str, value: str, source: str, message: str = "ContainsHTML") -> list[str]:
    """validators.nonhtml: plain text holds no HTML end tag, and no HTML entity unless the
    element's source uses hexadecimal character references (the RSS Profile's encoding of
    ``&`` and ``<``: the validator then knows the entity is meant as text)."""
    tags = [t for t in HTML_END_TAG.findall(value) if t.lower() in _HTML_TAGS]
    if tags:
        return [f"{message}: {where} holds </{tags[0]}>"]
    for name in HTML_ENTITY.findall(value):
        if (name in NAMED_ENTITIES or name == "apos" or not name.isalpha()) and "&#x" not in source:
            return [f"{message}: {where} holds &{name};"]
    return []


_HTML_TAGS = frozenset(
    [
        "a",
        "abbr",
        "acronym",
        "address",
        "area",
        "b",
        "base",
        "bdo",
        "big",
        "blockquote",
        "body",
        "br",
        "button",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "fieldset",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "hr",
        "html",
        "i",
        "iframe",
        "img",
        "input",
        "ins",
        "kbd",
        "label",
        "legend",
        "li",
        "link",
        "map",
        "meta",
        "noframes",
        "noscript",
        "object",
        "ol",
        "optgroup",
        "option",
        "p",
        "param",
        "pre",
        "q",
        "samp",
        "script",
        "select",
        "small",
        "span",
        "strike",
        "strong",
        "style",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "tt",
        "u",
        "ul",
        "var",
    ]
)


def canonical(uri: str) -> bool:
    """uri.canonicalForm(uri) == uri (NonCanonicalURI): lower-case scheme and host, no default
    port, path segments escaped exactly where RFC 3986 requires (upper-case hex)."""
    parts = urlsplit(uri)
    if not parts.scheme or parts.scheme != parts.scheme.lower():
        return False
    if parts.scheme == "urn":
        return bool(URN.match(uri)) and quote(unquote(parts.path), safe=PCHAR + "/") == parts.path
    if parts.netloc != parts.netloc.lower() or (
        parts.netloc.endswith((":80", ":443")) and parts.scheme in ("http", "https")
    ):
        return False
    segments = parts.path.split("/")
    if any(s in (".", "..") for s in segments):
        return False
    return all(quote(unquote(s), safe=PCHAR) == s for s in segments)


class _Source:
    """The raw lines an element spans, as the validator looks at them (``rssCharData``: does
    a line of the element hold ``&#x``?)."""

    def __init__(self, raw: bytes) -> None:
        self.lines = raw.decode("utf-8").split("\n")

    def __call__(self, element: etree._Element) -> str:
        start: int = getattr(element, "sourceline", None) or 1
        end = start + (element.text or "").count("\n")
        return "\n".join(self.lines[start - 1 : end])


def _rfc822(where: str, value: str) -> list[str]:
    if not RFC2822.match(value):
        return [f"InvalidRFC2822Date: {where} {value!r}"]
    when = parsedate_to_datetime(value)
    if value[3] == "," and when.strftime("%a") != value[:3]:
        return [f"IncorrectDOW: {where} {value!r}"]
    return []


def rss_findings(raw: bytes, self_url: str) -> list[str]:
    found: list[str] = []
    root = etree.fromstring(raw)
    _source = _Source(raw)
    if root.tag != "rss" or root.get("version") != "2.0":
        return ["not RSS 2.0"]
    [channel] = root.findall("channel")
    for name in ("title", "link", "description"):
        if len(channel.findall(name)) != 1:
            found.append(f"MissingElement/DuplicateElement: channel {name}")
    for name in ("title", "description"):
        for el in channel.findall(name):
            found += nonhtml(f"channel {name}", el.text or "", _source(el))
    selfs = [link for link in channel.findall(f"{ATOM}link") if link.get("rel") == "self"]
    if not selfs:
        found.append("MissingAtomSelfLink")
    elif selfs[0].get("href") != self_url:
        found.append(f"SelfDoesntMatchLocation: {selfs[0].get('href')} != {self_url}")
    elif selfs[0].get("type") != "application/rss+xml":
        found.append("self link of another type")
    languages = channel.findall("language")
    if not languages:
        found.append("MissingDCLanguage: channel language")
    elif (languages[0].text or "").split("-")[0].lower() not in ISO639:
        found.append(f"InvalidLanguage: {languages[0].text}")
    for name in ("lastBuildDate", "pubDate"):
        for el in channel.findall(name):
            found += _rfc822(f"channel {name}", el.text or "")
    guids: set[str] = set()
    for n, item in enumerate(channel.findall("item")):
        where = f"item {n + 1}"
        for name in ("title", "link", "description", "guid", "pubDate"):
            if len(item.findall(name)) > 1:
                found.append(f"DuplicateElement: {where} {name}")
        title = item.find("title")
        if title is None:
            found.append(f"MissingElement: {where} title")
        else:
            if not (title.text or "").strip():
                found.append(f"NotBlank: {where} title")
            found += nonhtml(f"{where} title", title.text or "", _source(title))
        for category in item.findall("category"):
            found += nonhtml(f"{where} category", category.text or "", _source(category))
        description = item.find("description")
        if description is not None and _elements_in(description.text or ""):
            found.append(f"(text only) {where} description holds live HTML {_elements_in(description.text or '')}")
        link = item.find("link")
        if link is None or not FULL_URI.match(link.text or ""):
            found.append(f"InvalidFullLink: {where} link")
        guid = item.find("guid")
        if guid is None:
            found.append(f"MissingGuid: {where}")
        else:
            value = guid.text or ""
            permalink = guid.get("isPermaLink", "true")
            if permalink not in ("true", "false"):
                found.append(f"InvalidBooleanAttribute: {where} guid isPermaLink")
            if permalink == "true" and not (value.startswith(("http://", "https://")) and FULL_URI.match(value)):
                found.append(f"InvalidHttpGUID: {where} guid {value!r} is no permalink")
            if permalink == "false" and len(value) < 9 and value.isdigit():
                found.append(f"NotSufficientlyUnique: {where} guid")
            if value.lower().startswith("urn:") and not URN.match(value):
                found.append(f"InvalidURN: {where} guid {value!r}")
            if value in guids:
                found.append(f"DuplicateValue: {where} guid {value!r}")
            guids.add(value)
        for el in item.findall("pubDate"):
            found += _rfc822(f"{where} pubDate", el.text or "")
        for el in item.findall("{http://purl.org/dc/elements/1.1/}language"):
            if (el.text or "").split("-")[0] not in ISO639:
                found.append(f"InvalidLanguage: {where} dc:language")
    return found


def _text_construct(where: str, el: etree._Element, lang: str | None, source: _Source) -> list[str]:
    """content.textConstruct: a language in scope; type text holds no markup, type html is safe."""
    found = [] if lang else [f"MissingDCLanguage: {where} has no xml:lang in scope"]
    kind = el.get("type", "text")
    value = el.text or ""
    if not value.strip():
        found.append(f"NotBlank: {where}")
    if kind == "text":
        found += nonhtml(where, value, source(el), "ContainsUndeclaredHTML")
    elif kind == "html":
        if _elements_in(value):
            found.append(f"(text only) {where} holds live HTML {_elements_in(value)}")
    else:
        found.append(f"unexpected type {kind} on {where}")
    return found


def atom_findings(raw: bytes, self_url: str) -> list[str]:
    found: list[str] = []
    root = etree.fromstring(raw)
    source = _Source(raw)
    if root.tag != f"{ATOM}feed":
        return ["not Atom"]
    feed_lang = root.get(XML_LANG)
    for name in ("id", "title", "updated"):
        if len(root.findall(f"{ATOM}{name}")) != 1:
            found.append(f"MissingElement/DuplicateElement: feed {name}")
    feed_id = root.findtext(f"{ATOM}id") or ""
    if not canonical(feed_id):
        found.append(f"NonCanonicalURI: feed id {feed_id}")
    for name in ("title", "subtitle"):
        for el in root.findall(f"{ATOM}{name}"):
            found += _text_construct(f"feed {name}", el, feed_lang, source)
    if feed_lang is not None and feed_lang.split("-")[0] not in ISO639:
        found.append(f"InvalidLanguage: feed xml:lang {feed_lang}")
    updated = root.findtext(f"{ATOM}updated") or ""
    if not RFC3339.match(updated):
        found.append(f"InvalidRFC3339Date: feed updated {updated!r}")
    selfs = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    if not selfs:
        found.append("MissingSelf")
    elif selfs[0].get("href") != self_url:
        found.append(f"SelfDoesntMatchLocation: {selfs[0].get('href')} != {self_url}")
    elif selfs[0].get("type") != "application/atom+xml":
        found.append("SelfNotAtom")
    feed_author = root.find(f"{ATOM}author") is not None
    ids: set[str] = set()
    updates: set[str] = set()
    newest = ""
    for n, entry in enumerate(root.findall(f"{ATOM}entry")):
        where = f"entry {n + 1}"
        lang = entry.get(XML_LANG, feed_lang)
        if lang is not None and lang.split("-")[0] not in ISO639:
            found.append(f"InvalidLanguage: {where} xml:lang {lang}")
        for name in ("id", "title", "updated"):
            if len(entry.findall(f"{ATOM}{name}")) != 1:
                found.append(f"MissingElement/DuplicateElement: {where} {name}")
        if not feed_author and entry.find(f"{ATOM}author") is None:
            found.append(f"MissingElement: {where} author")
        entry_id = entry.findtext(f"{ATOM}id") or ""
        if not FULL_URI.match(entry_id) or (entry_id.lower().startswith("urn:") and not URN.match(entry_id)):
            found.append(f"InvalidFullLink/InvalidURN: {where} id {entry_id!r}")
        elif not canonical(entry_id):
            found.append(f"NonCanonicalURI: {where} id {entry_id!r}")
        if entry_id in ids:
            found.append(f"DuplicateEntries: {where} id {entry_id!r}")
        ids.add(entry_id)
        for name in ("updated", "published"):
            for el in entry.findall(f"{ATOM}{name}"):
                if not RFC3339.match(el.text or ""):
                    found.append(f"InvalidRFC3339Date: {where} {name} {el.text!r}")
        value = entry.findtext(f"{ATOM}updated") or ""
        if value in updates:
            found.append(f"DuplicateUpdated: {where} updated {value}")
        updates.add(value)
        newest = max(newest, _instant(value))
        for name in ("title", "summary"):
            for el in entry.findall(f"{ATOM}{name}"):
                found += _text_construct(f"{where} {name}", el, lang, source)
        if entry.find(f"{ATOM}summary") is None and entry.find(f"{ATOM}content") is None:
            found.append(f"MissingTextualContent: {where}")
        alternates = [
            (link.get("type"), link.get("hreflang"))
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        if not alternates:
            found.append(f"MissingContentOrAlternate: {where}")
        if len(set(alternates)) != len(alternates):
            found.append(f"DuplicateAtomLink: {where}")
    if newest and _instant(updated) < newest:
        found.append(f"(consistency) feed updated {updated} is older than an entry's {newest}")
    return found


def _instant(value: str) -> str:
    """An RFC 3339 time as a sortable UTC string."""
    return datetime.fromisoformat(value).astimezone(UTC).strftime("%Y%m%d%H%M%S%f")


def findings(raw: bytes, self_url: str) -> list[str]:
    root = etree.fromstring(raw)
    return rss_findings(raw, self_url) if root.tag == "rss" else atom_findings(raw, self_url)
