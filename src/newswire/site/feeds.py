"""RSS 2.0 and Atom 1.0 feeds of public stories: headline, link and summary, never a body.

Pure functions from :class:`~newswire.site.story.PublicStory` values to bytes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime as rfc822
from typing import Any

from lxml import etree

from newswire.model import format_time
from newswire.site import urls
from newswire.site.config import SiteConfig
from newswire.site.i18n import section_name
from newswire.site.story import PublicStory

ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
# Characters XML 1.0 forbids (C0 controls but tab/newline/return, lone surrogates, U+FFFE/F).
_ATOM_NSMAP: Any = {None: ATOM_NS}  # the default namespace (lxml-stubs cannot type a None key)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: str) -> str:
    return _NOT_XML.sub("", value)


def rss_text(value: str) -> str:
    """Text for an RSS ``<title>`` or ``<description>``: readers take both as HTML, so the text
    is HTML-escaped before the XML escaping (``<b>`` arrives as ``&amp;lt;b&amp;gt;``), and a
    reader shows the characters, never live markup."""
    return html.escape(value, quote=False)


@dataclass(frozen=True, slots=True)
class FeedInfo:
    title: str
    description: str
    page: str  # absolute URL of the HTML page the feed mirrors
    self_url: str  # absolute URL of the feed itself
    lang: str | None


def entry_text(story: PublicStory) -> str:
    """What a feed says of a story: the standfirst and the summary (when it adds to it)."""
    parts = [story.standfirst or ""]
    if story.summary and story.summary != story.standfirst:
        parts.append(story.summary)
    return "\n\n".join(p for p in parts if p)


def _updated(stories: Sequence[PublicStory], now: datetime) -> datetime:
    return max((s.version_created for s in stories), default=now)


def rss(config: SiteConfig, info: FeedInfo, stories: Sequence[PublicStory], now: datetime) -> bytes:
    root = etree.Element("rss", nsmap={"atom": ATOM_NS, "dc": DC_NS})
    root.set("version", "2.0")
    channel = etree.SubElement(root, "channel")
    _sub(channel, "title", rss_text(info.title))
    _sub(channel, "link", info.page)
    _sub(channel, "description", rss_text(info.description))
    etree.SubElement(channel, f"{{{ATOM_NS}}}link", href=info.self_url, rel="self",
                     type="application/rss+xml")
    if info.lang:
        _sub(channel, "language", info.lang)
    _sub(channel, "lastBuildDate", rfc822(_updated(stories, now).astimezone(UTC), usegmt=True))
    _sub(channel, "generator", "newswire")
    _sub(channel, "ttl", "5")
    for s in stories:
        item = etree.SubElement(channel, "item")
        _sub(item, "title", rss_text(s.headline))
        _sub(item, "link", config.absolute(urls.story(s)))
        _sub(item, "description", rss_text(entry_text(s)))
        guid = _sub(item, "guid", s.uri)
        guid.set("isPermaLink", "false")
        _sub(item, "pubDate", rfc822(s.published.astimezone(UTC), usegmt=True))
        for code in s.sections:
            _sub(item, "category", section_name(code, s.language))
        _sub(item, f"{{{DC_NS}}}language", s.language)
        if s.byline:
            _sub(item, f"{{{DC_NS}}}creator", s.byline)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def atom(config: SiteConfig, info: FeedInfo, stories: Sequence[PublicStory], now: datetime) -> bytes:
    root = etree.Element(f"{{{ATOM_NS}}}feed", nsmap=_ATOM_NSMAP)
    if info.lang:
        root.set("{http://www.w3.org/XML/1998/namespace}lang", info.lang)
    _sub(root, f"{{{ATOM_NS}}}id", info.self_url)
    _sub(root, f"{{{ATOM_NS}}}title", info.title).set("type", "text")
    _sub(root, f"{{{ATOM_NS}}}subtitle", info.description).set("type", "text")
    _sub(root, f"{{{ATOM_NS}}}updated", format_time(_updated(stories, now)))
    etree.SubElement(root, f"{{{ATOM_NS}}}link", rel="self", type="application/atom+xml", href=info.self_url)
    etree.SubElement(root, f"{{{ATOM_NS}}}link", rel="alternate", type="text/html", href=info.page)
    author = etree.SubElement(root, f"{{{ATOM_NS}}}author")
    _sub(author, f"{{{ATOM_NS}}}name", config.site_name)
    _sub(root, f"{{{ATOM_NS}}}generator", "newswire")
    for s in stories:
        entry = etree.SubElement(root, f"{{{ATOM_NS}}}entry")
        entry.set("{http://www.w3.org/XML/1998/namespace}lang", s.language)
        _sub(entry, f"{{{ATOM_NS}}}id", s.uri)
        _sub(entry, f"{{{ATOM_NS}}}title", s.headline).set("type", "text")
        _sub(entry, f"{{{ATOM_NS}}}published", format_time(s.published))
        _sub(entry, f"{{{ATOM_NS}}}updated", format_time(s.version_created))
        etree.SubElement(entry, f"{{{ATOM_NS}}}link", rel="alternate", type="text/html",
                         hreflang=s.language, href=config.absolute(urls.story(s)))
        _sub(entry, f"{{{ATOM_NS}}}summary", entry_text(s)).set("type", "text")
        if s.byline:
            by = etree.SubElement(entry, f"{{{ATOM_NS}}}author")
            _sub(by, f"{{{ATOM_NS}}}name", s.byline)
        for code in s.sections:
            etree.SubElement(entry, f"{{{ATOM_NS}}}category", term=code,
                             label=section_name(code, s.language))
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def _sub(parent: etree._Element, tag: str, text: str) -> etree._Element:
    element = etree.SubElement(parent, tag)
    element.text = xml_text(text)
    return element
