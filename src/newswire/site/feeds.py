"""RSS 2.0 and Atom 1.0 feeds of public stories: headline, link and summary, never a body.

Pure functions from :class:`~newswire.site.story.PublicStory` values to bytes. The feeds are
written to the W3C Feed Validator's rules (tests/site/feedrules.py encodes the ones relied on):

* every feed names a language: its own, or for the site-wide feeds the site's default (the
  language of the channel's own title and description); items and entries name their own;
* text is HTML-escaped (RSS titles and descriptions, Atom ``type="html"``), and ``&``, ``<``
  and ``>`` go out as hexadecimal character references, as the RSS Best Practices Profile
  asks, so a reader shows ``<b>`` in a headline as text and never renders it;
* an item's ``guid`` and an entry's ``id`` are the wire's URI when it is a canonical URN
  (``isPermaLink="false"``), else the story's page URL (``isPermaLink="true"``);
* Atom ``updated`` is unique within a feed (:func:`entry_times`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime as rfc822
from typing import Any

from lxml import etree

from newswire.site import urls
from newswire.site.config import SiteConfig
from newswire.site.i18n import section_name
from newswire.site.story import PublicStory

ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ATOM_NSMAP: Any = {None: ATOM_NS}  # the default namespace (lxml-stubs cannot type a None key)
# Characters XML 1.0 forbids (C0 controls but tab/newline/return, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


_CANONICAL_URN = re.compile(r"^urn:[a-z0-9][a-z0-9-]{1,31}:[A-Za-z0-9()+,\-.:=@;$_!*']+$")
# What an XML serializer escapes in text and attributes, and the RSS Profile's spelling of it.
_HEX_REFERENCES = ((b"&amp;", b"&#x26;"), (b"&lt;", b"&#x3C;"), (b"&gt;", b"&#x3E;"))


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


def feed_language(config: SiteConfig, info: FeedInfo) -> str:
    """The feed's own language, else the site's default: the channel's title and description
    are written in it (the validator recommends a language on every feed)."""
    return info.lang or config.default_language


def entry_id(config: SiteConfig, story: PublicStory) -> tuple[str, bool]:
    """(id, is the story's page URL): the wire's URI when it is a canonical URN (what the
    validator accepts as an Atom id and RSS guid without a word), else the page's URL."""
    if _CANONICAL_URN.match(story.uri):
        return story.uri, False
    return config.absolute(urls.story(story)), True


def atom_time(value: datetime) -> str:
    """RFC 3339 in UTC with a ``Z``, milliseconds only when there are any."""
    value = value.astimezone(UTC)
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if value.microsecond:
        text += f".{value.microsecond // 1000:03d}"
    return text + "Z"


def entry_times(stories: Sequence[PublicStory]) -> dict[str, str]:
    """Each entry's Atom ``updated`` in one feed, unique within it (the validator warns when
    two entries share one).

    The rule: the version's time to the second. Entries whose versions fall in the same
    second are told apart by milliseconds: ordered by their exact time (then URI), the first
    keeps the whole second and each next one is a millisecond later. A story's value changes
    only when a version of the same second that sorts before it joins or leaves the feed,
    so readers see no false updates when newer stories arrive."""
    by_second: dict[datetime, list[PublicStory]] = {}
    for story in stories:
        by_second.setdefault(story.version_created.astimezone(UTC).replace(microsecond=0), []).append(story)
    found = {}
    for second, group in by_second.items():
        for n, story in enumerate(sorted(group, key=lambda s: (s.version_created, s.uri))):
            found[story.uri] = atom_time(second + timedelta(milliseconds=n))
    return found


def _newest(stories: Sequence[PublicStory], now: datetime) -> datetime:
    return max((s.version_created for s in stories), default=now).astimezone(UTC).replace(microsecond=0)


def _serialize(root: etree._Element) -> bytes:
    data = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    for escaped, reference in _HEX_REFERENCES:
        data = data.replace(escaped, reference)
    return data


def rss(config: SiteConfig, info: FeedInfo, stories: Sequence[PublicStory], now: datetime) -> bytes:
    root = etree.Element("rss", nsmap={"atom": ATOM_NS, "dc": DC_NS})
    root.set("version", "2.0")
    channel = etree.SubElement(root, "channel")
    _sub(channel, "title", rss_text(info.title))
    _sub(channel, "link", info.page)
    _sub(channel, "description", rss_text(info.description))
    etree.SubElement(channel, f"{{{ATOM_NS}}}link", href=info.self_url, rel="self",
                     type="application/rss+xml")
    _sub(channel, "language", feed_language(config, info))
    _sub(channel, "lastBuildDate", rfc822(_newest(stories, now), usegmt=True))
    _sub(channel, "generator", "newswire")
    _sub(channel, "ttl", "5")
    for s in stories:
        item = etree.SubElement(channel, "item")
        _sub(item, "title", rss_text(s.headline))
        _sub(item, "link", config.absolute(urls.story(s)))
        _sub(item, "description", rss_text(entry_text(s)))
        guid_text, permalink = entry_id(config, s)
        _sub(item, "guid", guid_text).set("isPermaLink", "true" if permalink else "false")
        _sub(item, "pubDate", rfc822(s.published.astimezone(UTC), usegmt=True))
        for code in s.sections:
            _sub(item, "category", section_name(code, s.language))
        _sub(item, f"{{{DC_NS}}}language", s.language)
        if s.byline:
            _sub(item, f"{{{DC_NS}}}creator", s.byline)
    return _serialize(root)


def atom(config: SiteConfig, info: FeedInfo, stories: Sequence[PublicStory], now: datetime) -> bytes:
    root = etree.Element(f"{{{ATOM_NS}}}feed", nsmap=_ATOM_NSMAP)
    root.set(_XML_LANG, feed_language(config, info))
    times = entry_times(stories)
    _sub(root, f"{{{ATOM_NS}}}id", info.self_url)
    _html(root, "title", info.title)
    _html(root, "subtitle", info.description)
    _sub(root, f"{{{ATOM_NS}}}updated", max(times.values(), key=datetime.fromisoformat,
                                                       default=atom_time(_newest(stories, now))))
    etree.SubElement(root, f"{{{ATOM_NS}}}link", rel="self", type="application/atom+xml", href=info.self_url)
    etree.SubElement(root, f"{{{ATOM_NS}}}link", rel="alternate", type="text/html", href=info.page)
    author = etree.SubElement(root, f"{{{ATOM_NS}}}author")
    _sub(author, f"{{{ATOM_NS}}}name", config.site_name)
    _sub(root, f"{{{ATOM_NS}}}generator", "newswire")
    for s in stories:
        entry = etree.SubElement(root, f"{{{ATOM_NS}}}entry")
        entry.set(_XML_LANG, s.language)
        _sub(entry, f"{{{ATOM_NS}}}id", entry_id(config, s)[0])
        _html(entry, "title", s.headline)
        _sub(entry, f"{{{ATOM_NS}}}published", atom_time(s.published.replace(microsecond=0)))
        _sub(entry, f"{{{ATOM_NS}}}updated", times[s.uri])
        etree.SubElement(entry, f"{{{ATOM_NS}}}link", rel="alternate", type="text/html",
                         hreflang=s.language, href=config.absolute(urls.story(s)))
        _html(entry, "summary", entry_text(s))
        if s.byline:
            by = etree.SubElement(entry, f"{{{ATOM_NS}}}author")
            _sub(by, f"{{{ATOM_NS}}}name", s.byline)
        for code in s.sections:
            etree.SubElement(entry, f"{{{ATOM_NS}}}category", term=code,
                             label=section_name(code, s.language))
    return _serialize(root)


def _html(parent: etree._Element, name: str, text: str) -> None:
    """An Atom text construct of type ``html`` holding escaped text: readers unescape it once
    and show the characters; markup in a headline never becomes live HTML."""
    _sub(parent, f"{{{ATOM_NS}}}{name}", rss_text(text)).set("type", "html")


def _sub(parent: etree._Element, tag: str, text: str) -> etree._Element:
    element = etree.SubElement(parent, tag)
    element.text = xml_text(text)
    return element
