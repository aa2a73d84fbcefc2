"""HTML rendering: pure functions from view data to a page (Jinja2, autoescaped).

Renderers see :class:`~newswire.site.story.PublicStory` values only, never an Item, so no
template can reach a story's body. Head data (canonical, hreflang, OpenGraph, Twitter
card, JSON-LD) is built here too, from the same values.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from newswire.model import format_time
from newswire.site import urls
from newswire.site.config import SiteConfig
from newswire.site.i18n import (
    format_datetime,
    language_name,
    section_codes,
    section_name,
    strings,
    text_direction,
    topic_name,
)
from newswire.site.story import PublicStory

PAYWALL_SELECTOR = ".paywalled"
_BYLINE_PREFIX = re.compile(r"^\s*by\s+", re.IGNORECASE)
_BYLINE_JOINS = re.compile(r"\s*(?:,|&|\band\b)\s*")


@dataclass(frozen=True, slots=True)
class StaticImage:
    """A raster image in ``static/`` (drawn by scripts/make_card_image.py) and its size."""

    name: str
    width: int
    height: int

    def url(self, config: SiteConfig, assets: Mapping[str, str]) -> str:
        return config.absolute(assets.get(self.name, f"/static/{self.name}"))

    def json_ld(self, config: SiteConfig, assets: Mapping[str, str]) -> dict[str, Any]:
        return {"@type": "ImageObject", "url": self.url(config, assets), "width": self.width,
                "height": self.height}


CARD_IMAGE = StaticImage("card.png", 1200, 675)  # a story's image when it has no picture
LOGO_IMAGE = StaticImage("logo.png", 512, 512)  # the agency's logo (publisher)
_OG_LOCALES = {
    "en": "en_GB", "tr": "tr_TR", "ar": "ar_AR", "ru": "ru_RU", "fr": "fr_FR", "es": "es_ES",
    "de": "de_DE", "bs": "bs_BA", "hr": "hr_HR", "sr": "sr_RS", "pt": "pt_PT", "it": "it_IT",
    "nl": "nl_NL",
}


@dataclass(frozen=True, slots=True)
class Link:
    label: str
    href: str
    lang: str | None = None
    current: bool = False
    type: str | None = None


@dataclass(frozen=True, slots=True)
class Head:
    title: str
    description: str
    canonical: str
    alternates: tuple[Link, ...] = ()  # hreflang: lang = the hreflang value
    feeds: tuple[Link, ...] = ()
    meta: tuple[tuple[str, str, str], ...] = ()  # (attribute, name, content)
    jsonld: str | None = None
    robots: str | None = None
    prev: str | None = None
    next: str | None = None


@dataclass(frozen=True, slots=True)
class Chrome:
    """What every page carries around its content: masthead, navigation, footer."""

    site_name: str
    lang: str
    t: Mapping[str, str]
    home: str
    subscribe_url: str
    languages: tuple[Link, ...]
    sections: tuple[Link, ...]
    assets: Mapping[str, str]
    year: int
    feeds: tuple[Link, ...] = ()
    live: str | None = None
    search_lang: str | None = None
    query: str = ""

    @property
    def dir(self) -> str:
        return text_direction(self.lang)


@dataclass(frozen=True, slots=True)
class Pager:
    page: int
    newer: str | None
    older: str | None


@dataclass
class Renderer:
    """Holds the template environment (built once); every method is a pure function."""

    templates: str = "templates"
    env: Environment = field(init=False)

    def __post_init__(self) -> None:
        self.env = Environment(
            loader=PackageLoader("newswire.site", self.templates),
            autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined,
        )
        self.env.globals.update(
            urls=urls, when=format_datetime, iso=format_time, section_name=section_name,
            topic_name=topic_name, direction=text_direction, language_name=language_name,
            strings=strings,
        )

    def page(self, template: str, chrome: Chrome, head: Head, **context: Any) -> str:
        return self.env.get_template(template).render(chrome=chrome, t=chrome.t, head=head, **context)


# -- head builders -------------------------------------------------------------------------

def chrome(
    config: SiteConfig, lang: str, *, languages: Sequence[str], sections: Sequence[str],
    assets: Mapping[str, str], now: datetime, section: str | None = None, scoped: bool = True,
    live: bool = False, query: str = "",
) -> Chrome:
    """``scoped``: a page of one language (its home, sections, feeds); else site-wide."""
    t = strings(lang)
    lang_links = tuple(
        Link(language_name(code), urls.lang_home(code), code, current=scoped and code == lang)
        for code in languages
    )
    present = set(sections)
    section_links = tuple(
        Link(section_name(code, lang), urls.section(lang, code), lang, current=code == section)
        for code in section_codes() if code in present
    ) if scoped else ()
    feed_lang = lang if scoped else None
    feed_section = section if scoped else None
    feeds = (
        Link("RSS", urls.feed("rss", feed_lang, feed_section), type="application/rss+xml"),
        Link("Atom", urls.feed("atom", feed_lang, feed_section), type="application/atom+xml"),
    )
    return Chrome(
        site_name=config.site_name, lang=lang, t=t,
        home=urls.lang_home(lang) if scoped else urls.home(),
        subscribe_url=config.subscribe_url, languages=lang_links, sections=section_links,
        assets=assets, year=now.astimezone(UTC).year, feeds=feeds,
        live=urls.live(lang if scoped else None) if live else None,
        search_lang=lang if scoped else None, query=query,
    )


def feed_links(config: SiteConfig, chrome: Chrome, title: str) -> tuple[Link, ...]:
    return tuple(Link(f"{title} ({f.label})", config.absolute(f.href), type=f.type) for f in chrome.feeds)


def listing_head(
    config: SiteConfig, chrome: Chrome, *, title: str, description: str, path: str,
    pager: Pager | None = None, alternates: Sequence[Link] = (), robots: str | None = None,
    jsonld: Mapping[str, Any] | None = None,
) -> Head:
    full_title = f"{title} | {config.site_name}" if title != config.site_name else title
    canonical = config.absolute(path)
    meta = (
        ("property", "og:type", "website"), ("property", "og:site_name", config.site_name),
        ("property", "og:title", title), ("property", "og:description", description),
        ("property", "og:url", canonical), ("property", "og:locale", _OG_LOCALES.get(chrome.lang, chrome.lang)),
        ("name", "twitter:card", "summary"), ("name", "twitter:title", title),
        ("name", "twitter:description", description),
    )
    return Head(
        title=full_title, description=description, canonical=canonical,
        alternates=tuple(Link(a.label, config.absolute(a.href), a.lang) for a in alternates),
        feeds=feed_links(config, chrome, title), meta=meta, robots=robots,
        jsonld=json_ld(jsonld) if jsonld else None,
        prev=config.absolute(pager.newer) if pager and pager.newer else None,
        next=config.absolute(pager.older) if pager and pager.older else None,
    )


def story_head(config: SiteConfig, chrome: Chrome, story: PublicStory,
               translations: Sequence[PublicStory]) -> Head:
    canonical = config.absolute(urls.story(story))
    description = _clip(story.description, 300)
    meta: list[tuple[str, str, str]] = [
        ("property", "og:type", "article"), ("property", "og:site_name", config.site_name),
        ("property", "og:title", story.headline), ("property", "og:description", description),
        ("property", "og:url", canonical),
        ("property", "og:locale", _OG_LOCALES.get(story.language, story.language)),
    ]
    meta += [("property", "og:locale:alternate", _OG_LOCALES.get(s.language, s.language))
             for s in translations]
    if story.picture:
        meta.append(("property", "og:image", _absolute(config, story.picture.href)))
        meta.append(("property", "og:image:alt", story.picture.alt))
    else:
        meta += [("property", "og:image", CARD_IMAGE.url(config, chrome.assets)),
                 ("property", "og:image:width", str(CARD_IMAGE.width)),
                 ("property", "og:image:height", str(CARD_IMAGE.height)),
                 ("property", "og:image:alt", config.site_name)]
    meta += [
        ("property", "article:published_time", format_time(story.published)),
        ("property", "article:modified_time", format_time(story.version_created)),
    ]
    meta += [("property", "article:section", section_name(code, story.language)) for code in story.sections[:1]]
    meta += [
        ("name", "twitter:card", "summary_large_image" if story.picture else "summary"),
        ("name", "twitter:title", story.headline), ("name", "twitter:description", description),
    ]
    if story.picture:
        meta.append(("name", "twitter:image", _absolute(config, story.picture.href)))
    alternates: tuple[Link, ...] = ()
    if translations:
        alternates = tuple(
            Link(s.language, config.absolute(urls.story(s)), s.language)
            for s in sorted((story, *translations), key=lambda s: s.language)
        )
    return Head(
        title=f"{story.headline} | {config.site_name}", description=description, canonical=canonical,
        alternates=alternates, feeds=feed_links(config, chrome, config.site_name), meta=tuple(meta),
        jsonld=json_ld(news_article(config, story, chrome.assets)),
    )


def news_article(config: SiteConfig, story: PublicStory,
                 assets: Mapping[str, str] | None = None) -> dict[str, Any]:
    """schema.org NewsArticle for subscription content (Google's paywalled-content markup),
    meeting Google's Article guidelines: the headline within 110 characters, an image (the
    story's picture, else the agency's card), publication dates with a time zone, every
    author with a type and a name (a personal byline: one Person per name; otherwise the
    agency), and the agency as publisher with its logo."""
    assets = assets or {}
    url = config.absolute(urls.story(story))
    agency = {"@type": "NewsMediaOrganization", "name": config.site_name, "url": config.absolute("/")}
    people = people_in_byline(story.byline or "")
    if [p.casefold() for p in people] == [config.site_name.casefold()]:
        people = []  # the agency's own byline
    doc: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": _clip(story.headline, 110),
        "description": _clip(story.description, 300),
        "inLanguage": story.language,
        "datePublished": format_time(story.published),
        "dateModified": format_time(story.version_created),
        "author": [{"@type": "Person", "name": name} for name in people] or [{**agency, "@type": "Organization"}],
        "publisher": {**agency, "logo": LOGO_IMAGE.json_ld(config, assets)},
        "isAccessibleForFree": False,
        "hasPart": {
            "@type": "WebPageElement",
            "isAccessibleForFree": False,
            "cssSelector": PAYWALL_SELECTOR,
        },
    }
    if story.located:
        doc["dateline"] = story.located
    if story.sections:
        doc["articleSection"] = [section_name(c, story.language) for c in story.sections]
    keywords = [p.name for p in (*story.people, *story.organisations, *story.places)]
    if keywords:
        doc["keywords"] = keywords
    if story.picture:
        picture: dict[str, Any] = {"@type": "ImageObject", "url": _absolute(config, story.picture.href)}
        if story.picture.width and story.picture.height:
            picture.update(width=story.picture.width, height=story.picture.height)
        doc["image"] = [picture]
    else:
        doc["image"] = [CARD_IMAGE.json_ld(config, assets)]
    return doc


def people_in_byline(byline: str) -> list[str]:
    """The names in a byline, one per author, without a leading "By" (Google asks for each
    author separately and for names without prefixes). Only English joins (``,``, ``&``,
    ``and``) are split; a byline in another language stays one name."""
    text = _BYLINE_PREFIX.sub("", " ".join(byline.split()))
    return [name for name in _BYLINE_JOINS.split(text) if name.strip()]


def _absolute(config: SiteConfig, href: str) -> str:
    return config.absolute(href) if href.startswith("/") else href


def website(config: SiteConfig) -> dict[str, Any]:
    return {
        "@context": "https://schema.org", "@type": "WebSite", "name": config.site_name,
        "url": config.absolute("/"),
        "potentialAction": {
            "@type": "SearchAction",
            "target": config.absolute("/search") + "?q={search_term_string}",
            "query-input": "required name=search_term_string",
        },
    }


def json_ld(doc: Mapping[str, Any]) -> str:
    """JSON for a ``<script type="application/ld+json">``: ``<``, ``>``, ``&`` escaped."""
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
