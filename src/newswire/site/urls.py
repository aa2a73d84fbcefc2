"""The site's URL map, as pure functions (paths; absolute URLs come from SiteConfig)."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from newswire.site.i18n import section_slug
from newswire.site.story import PublicStory, story_path
from newswire.vocab import mediatopics

TAG_KINDS = ("person", "org", "place")


def home() -> str:
    return "/"


def lang_home(lang: str) -> str:
    return f"/{lang}/"


def story(s: PublicStory) -> str:
    return story_path(s.language, s.uri)


def section(lang: str, code: str) -> str:
    return f"/{lang}/section/{section_slug(code)}"


def topic(lang: str, code: str) -> str:
    """A subject's page: its section when it is a top-level topic, else the topic page."""
    code = mediatopics.normalize(code)
    if mediatopics.parent(code) is None and code in mediatopics.top_levels():
        return section(lang, code)
    return f"/{lang}/topic/{code.removeprefix(mediatopics.PREFIX)}"


def tag(lang: str, kind: str, key: str) -> str:
    return f"/{lang}/{kind}/{quote(key, safe='-_.~')}"


def search(lang: str | None, q: str | None = None) -> str:
    base = f"/{lang}/search" if lang else "/search"
    return base + ("?" + urlencode({"q": q}) if q else "")


def feed(kind: str, lang: str | None = None, section_code: str | None = None) -> str:
    """``kind`` is ``rss`` or ``atom``: site-wide, per language, per language and section."""
    if lang is None:
        return f"/{kind}.xml"
    if section_code is None:
        return f"/{lang}/{kind}.xml"
    return f"{section(lang, section_code)}/{kind}.xml"


def subscribe() -> str:
    return "/subscribe"


def live(lang: str | None) -> str:
    return "/live/headlines" + (f"?lang={lang}" if lang else "")


def with_page(path: str, page: int, q: str | None = None) -> str:
    params: dict[str, str] = {}
    if q:
        params["q"] = q
    if page > 1:
        params["page"] = str(page)
    return path + ("?" + urlencode(params) if params else "")
