"""Discovery: ``/sitemap.xml``, the Google News sitemap and ``robots.txt`` (pure functions)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from lxml import etree

from newswire.model import format_time
from newswire.site import urls
from newswire.site.config import SiteConfig
from newswire.site.feeds import xml_text
from newswire.site.story import PublicStory

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
SITEMAP_STORIES = 5000  # stories in /sitemap.xml, newest first
NEWS_SITEMAP_MAX = 1000  # Google News reads at most 1,000 URLs from one news sitemap
NEWS_WINDOW_HOURS = 48
# Default namespaces (lxml-stubs cannot type a None key).
_NSMAP: Any = {None: SITEMAP_NS}
_NEWS_NSMAP: Any = {None: SITEMAP_NS, "news": NEWS_NS}


@dataclass(frozen=True, slots=True)
class Url:
    loc: str
    lastmod: datetime | None = None


def sitemap(entries: Sequence[Url]) -> bytes:
    root = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap=_NSMAP)
    for entry in entries:
        url = etree.SubElement(root, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = xml_text(entry.loc)
        if entry.lastmod is not None:
            etree.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = format_time(entry.lastmod)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def news_sitemap(config: SiteConfig, stories: Sequence[PublicStory]) -> bytes:
    """Stories published in the last 48 hours (an embargoed story: at its lift), in Google's
    news sitemap format."""
    root = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap=_NEWS_NSMAP)
    for s in stories[:NEWS_SITEMAP_MAX]:
        url = etree.SubElement(root, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = config.absolute(urls.story(s))
        news = etree.SubElement(url, f"{{{NEWS_NS}}}news")
        publication = etree.SubElement(news, f"{{{NEWS_NS}}}publication")
        etree.SubElement(publication, f"{{{NEWS_NS}}}name").text = xml_text(config.site_name)
        etree.SubElement(publication, f"{{{NEWS_NS}}}language").text = s.language
        etree.SubElement(news, f"{{{NEWS_NS}}}publication_date").text = format_time(s.published)
        etree.SubElement(news, f"{{{NEWS_NS}}}title").text = xml_text(s.headline)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def robots(config: SiteConfig) -> str:
    return "\n".join((
        "User-agent: *",
        "Allow: /",
        "Disallow: /v1/",
        "Disallow: /live/",
        "Disallow: /search",
        "Disallow: /*/search",
        "",
        f"Sitemap: {config.absolute('/sitemap.xml')}",
        f"Sitemap: {config.absolute('/news-sitemap.xml')}",
        "",
    ))
