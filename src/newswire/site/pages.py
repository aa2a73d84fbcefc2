"""Page builders: read what a page needs in one transaction, render it, return a Rendered.

Each builder takes the site context, an open connection and the time, so the routes stay
thin and tests can call builders directly. Listings, story, feeds and sitemaps all read
through :mod:`newswire.site.queries` (routing decides) and render PublicStory values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Connection

from newswire.site import feeds, queries, sitemaps, urls
from newswire.site.cache import CACHE_ROBOTS, CACHE_SITEMAP, Rendered
from newswire.site.config import SiteConfig
from newswire.site.i18n import KNOWN_LANGUAGES, language_name, section_code, section_name, strings
from newswire.site.queries import Filter, Listing
from newswire.site.render import Chrome, Head, Link, Pager, Renderer, chrome, listing_head, story_head, website
from newswire.site.story import PublicStory, partial, uri_from_key, visible, was_shown
from newswire.vocab import mediatopics

RSS = "application/rss+xml; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"
XML = "application/xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
FEED_SIZE = 30
TICKER_SIZE = 6
RELATED_SIZE = 5
MAX_PAGE = 500
MAX_QUERY = 200


@dataclass(frozen=True, slots=True)
class Site:
    config: SiteConfig
    renderer: Renderer
    assets: Mapping[str, str]
    languages_at: dict[int, tuple[str, ...]] = field(default_factory=dict)  # store sequence -> languages
    sections_at: dict[tuple[int, str], tuple[str, ...]] = field(default_factory=dict)  # (sequence, lang) -> sections


def _languages(site: Site, conn: Connection, now: datetime) -> list[str]:
    """The site's languages that have a story, once per store sequence: every page's chrome
    asks, some pages twice, and the answer is a scan of the items table that only an event
    can change."""
    seq = queries.store_sequence(conn)
    known = site.languages_at.get(seq)
    if known is None:
        present = queries.languages_present(conn, site.config.product, now)
        order = list(site.config.languages) or list(KNOWN_LANGUAGES)
        known = tuple(code for code in order if code in present and site.config.serves(code))
        if len(site.languages_at) >= 8:
            site.languages_at.clear()
        site.languages_at[seq] = known
    return list(known)


def _sections(site: Site, conn: Connection, now: datetime, lang: str) -> tuple[str, ...]:
    """The language's sections that have a story, once per store sequence, as the languages."""
    key = (queries.store_sequence(conn), lang)
    known = site.sections_at.get(key)
    if known is None:
        known = tuple(sorted(queries.sections_present(conn, site.config.product, now, lang)))
        if len(site.sections_at) >= 64:
            site.sections_at.clear()
        site.sections_at[key] = known
    return known


def _chrome(site: Site, conn: Connection, now: datetime, lang: str | None, *,
            section: str | None = None, live: bool = False, query: str = "") -> Chrome:
    languages = _languages(site, conn, now)
    if lang is None:
        return chrome(site.config, site.config.default_language, languages=languages, sections=(),
                      assets=site.assets, now=now, scoped=False, live=live, query=query)
    return chrome(site.config, lang, languages=languages, sections=list(_sections(site, conn, now, lang)),
                  assets=site.assets, now=now, section=section, live=live, query=query)


def _last_modified(stories: list[PublicStory]) -> datetime | None:
    return max((s.version_created for s in stories), default=None)


def _pager(path: str, page: int, listing: Listing, q: str | None = None) -> Pager:
    return Pager(
        page,
        newer=urls.with_page(path, page - 1, q) if page > 1 else None,
        older=urls.with_page(path, page + 1, q) if listing.has_next else None,
    )


def _offset(site: Site, page: int) -> int:
    return (page - 1) * site.config.page_size


# -- error pages ---------------------------------------------------------------------------

def not_found(site: Site, conn: Connection, now: datetime, lang: str | None = None) -> Rendered:
    return _notice(site, conn, now, lang, 404, "not_found_title", "not_found_text")


def gone(site: Site, conn: Connection, now: datetime, lang: str) -> Rendered:
    return _notice(site, conn, now, lang, 410, "gone_title", "gone_text")


def _notice(site: Site, conn: Connection, now: datetime, lang: str | None, status: int,
            title_key: str, text_key: str) -> Rendered:
    c = _chrome(site, conn, now, lang if lang and site.config.serves(lang) else None)
    head = Head(title=f"{c.t[title_key]} | {site.config.site_name}", description=c.t[text_key],
                canonical=site.config.absolute(c.home), robots="noindex")
    html = site.renderer.page("notice.html", c, head, heading=c.t[title_key], text=c.t[text_key])
    return Rendered.make(status, html)


def redirect(location: str) -> Rendered:
    return Rendered.make(301, b"", "text/plain; charset=utf-8", location=location,
                         cache_control="public, max-age=3600")


# -- listings ------------------------------------------------------------------------------

def home(site: Site, conn: Connection, now: datetime, page: int) -> Rendered:
    config = site.config
    listing = queries.latest(conn, config.product, now, offset=_offset(site, page), limit=config.page_size)
    if page > 1 and not listing.stories:
        return not_found(site, conn, now)
    c = _chrome(site, conn, now, None, live=True)
    pager = _pager("/", page, listing)
    editions = [Link(language_name(code), urls.lang_home(code), code) for code in _languages(site, conn, now)]
    head = listing_head(
        config, c, title=config.site_name, description=c.t["footer"], path=urls.with_page("/", page),
        pager=pager, jsonld=website(config) if page == 1 else None,
        alternates=[Link(code, urls.lang_home(code), code) for code in (e.lang for e in editions) if code]
        + [Link("x-default", "/", "x-default")],
    )
    ticker = listing.stories[:TICKER_SIZE] if page == 1 else queries.latest(
        conn, config.product, now, limit=TICKER_SIZE).stories
    html = site.renderer.page("home.html", c, head, stories=listing.stories, paging=pager,
                              editions=editions, headlines=ticker)
    return Rendered.make(200, html, last_modified=_last_modified(listing.stories))


def _listing(site: Site, conn: Connection, now: datetime, *, lang: str, page: int, path: str,
             heading: str, where: Filter, kicker: str | None = None, section: str | None = None,
             lead: bool = False, live: bool = False, require_stories: bool = False,
             alternates: tuple[Link, ...] = ()) -> Rendered:
    config = site.config
    listing = queries.latest(conn, config.product, now, where=where, offset=_offset(site, page),
                             limit=config.page_size)
    if (page > 1 or require_stories) and not listing.stories:
        return not_found(site, conn, now, lang)
    c = _chrome(site, conn, now, lang, section=section, live=live)
    pager = _pager(path, page, listing)
    title = heading if page == 1 else f"{heading} · {c.t['page'].format(n=page)}"
    head = listing_head(config, c, title=title, description=f"{heading} — {config.site_name}",
                        path=urls.with_page(path, page), pager=pager, alternates=alternates)
    ticker = listing.stories[:TICKER_SIZE] if live else []
    html = site.renderer.page("listing.html", c, head, stories=listing.stories, paging=pager,
                              heading=heading, kicker=kicker, lead=lead, headlines=ticker,
                              search_form=None, empty=c.t["empty"])
    return Rendered.make(200, html, last_modified=_last_modified(listing.stories))


def lang_home(site: Site, conn: Connection, now: datetime, lang: str, page: int) -> Rendered:
    languages = _languages(site, conn, now)
    alternates = tuple(Link(code, urls.lang_home(code), code) for code in languages)
    if alternates:
        alternates += (Link("x-default", "/", "x-default"),)
    return _listing(site, conn, now, lang=lang, page=page, path=urls.lang_home(lang),
                    heading=strings(lang)["latest"], where=Filter(lang=lang), lead=True, live=True,
                    alternates=alternates)


def section(site: Site, conn: Connection, now: datetime, lang: str, slug: str, page: int) -> Rendered:
    code = section_code(slug)
    if code is None:
        return not_found(site, conn, now, lang)
    return _listing(site, conn, now, lang=lang, page=page, path=urls.section(lang, code),
                    heading=section_name(code, lang), where=Filter(lang=lang, section=code),
                    section=code, kicker=strings(lang)["section"], lead=True)


def topic(site: Site, conn: Connection, now: datetime, lang: str, number: str, page: int) -> Rendered:
    code = mediatopics.normalize(number)
    if not (number.isascii() and number.isdigit() and len(number) <= 8) or code not in mediatopics.load():
        return not_found(site, conn, now, lang)
    if urls.topic(lang, code) != f"/{lang}/topic/{number}":
        return redirect(urls.topic(lang, code))
    label = mediatopics.label(code, lang) or code
    return _listing(site, conn, now, lang=lang, page=page, path=urls.topic(lang, code),
                    heading=label[:1].upper() + label[1:], where=Filter(lang=lang, topic=code),
                    kicker=strings(lang)["topic"], section=mediatopics.top_level(code))


def tag(site: Site, conn: Connection, now: datetime, lang: str, kind: str, key: str, page: int) -> Rendered:
    """A person, organisation or place: named after the visible stories that carry it."""
    config = site.config
    listing = queries.latest(conn, config.product, now, where=Filter(lang=lang, tag=(kind, key)),
                             offset=_offset(site, page), limit=config.page_size)
    names = [t.name for s in listing.stories for t in (*s.people, *s.organisations, *s.places)
             if t.kind == kind and t.key == key]
    if not names:
        return not_found(site, conn, now, lang)
    return _listing(site, conn, now, lang=lang, page=page, path=urls.tag(lang, kind, key),
                    heading=names[0], where=Filter(lang=lang, tag=(kind, key)),
                    kicker=strings(lang)[kind], require_stories=True)


def search(site: Site, conn: Connection, now: datetime, lang: str | None, q: str, page: int) -> Rendered:
    config = site.config
    q = " ".join(q.split())[:MAX_QUERY]
    c = _chrome(site, conn, now, lang, query=q)
    path = urls.search(lang)
    listing = Listing([], False)
    if q:
        listing = queries.search(conn, config.product, now, q, lang=lang, offset=_offset(site, page),
                                 limit=config.page_size)
    if page > 1 and not listing.stories:
        return not_found(site, conn, now, lang)
    heading = c.t["results_for"].format(q=q) if q else c.t["search"]
    pager = _pager(path, page, listing, q)
    head = listing_head(config, c, title=heading, description=c.t["search_label"],
                        path=urls.with_page(path, page, q), pager=pager, robots="noindex, follow")
    html = site.renderer.page("listing.html", c, head, stories=listing.stories, paging=pager,
                              heading=heading, kicker=None, lead=False, headlines=[],
                              search_form=path, empty=c.t["no_results"] if q else None)
    return Rendered.make(200, html, last_modified=_last_modified(listing.stories))


# -- the story -----------------------------------------------------------------------------

def story(site: Site, conn: Connection, now: datetime, lang: str, key: str) -> Rendered:
    config = site.config
    uri = uri_from_key(key)
    item = queries.current_item(conn, uri)
    if item is None:
        return not_found(site, conn, now, lang)
    if item.killed:
        if was_shown(queries.history(conn, uri), config.product, now):
            return gone(site, conn, now, lang)
        return not_found(site, conn, now, lang)
    if not visible(item, config.product, now):
        return not_found(site, conn, now, lang)
    pictures = queries.shown_pictures(conn, [item], config.product, now)
    shown = queries.with_published(conn, [partial(item, pictures)])[0]
    if shown.language != lang:
        return redirect(urls.story(shown))
    translations = queries.translations(conn, config.product, now, shown)
    related = [s for s in queries.latest(conn, config.product, now, where=Filter(lang=lang),
                                         limit=RELATED_SIZE + 1).stories if s.uri != shown.uri]
    if len(related) < RELATED_SIZE:  # a language with few stories: top up from the whole site
        known = {shown.uri, *(s.uri for s in related)}
        related += [s for s in queries.latest(conn, config.product, now, limit=2 * RELATED_SIZE).stories
                    if s.uri not in known]
    c = _chrome(site, conn, now, lang, section=shown.sections[0] if shown.sections else None)
    head = story_head(config, c, shown, translations)
    html = site.renderer.page("story.html", c, head, story=shown, translations=translations,
                              related=related[:RELATED_SIZE])
    return Rendered.make(200, html, last_modified=shown.version_created)


def subscribe(site: Site, conn: Connection, now: datetime) -> Rendered:
    c = _chrome(site, conn, now, None)
    head = listing_head(site.config, c, title=c.t["subscribe"], description=c.t["notice_text"].format(
        site=site.config.site_name), path=urls.subscribe())
    return Rendered.make(200, site.renderer.page("subscribe.html", c, head))


# -- feeds and discovery -------------------------------------------------------------------

def feed(site: Site, conn: Connection, now: datetime, kind: str, lang: str | None,
         section_slug: str | None) -> Rendered:
    config = site.config
    code = section_code(section_slug) if section_slug else None
    if section_slug and code is None:
        return not_found(site, conn, now, lang)
    listing = queries.latest(conn, config.product, now, where=Filter(lang=lang, section=code), limit=FEED_SIZE)
    stories = queries.with_published(conn, listing.stories)
    t = strings(lang or config.default_language)
    if lang is None:
        title, page = config.site_name, urls.home()
    elif code is None:
        title, page = f"{config.site_name} — {language_name(lang)}", urls.lang_home(lang)
    else:
        title, page = f"{config.site_name} — {section_name(code, lang)}", urls.section(lang, code)
    info = feeds.FeedInfo(title=title, description=t["footer"], page=config.absolute(page),
                          self_url=config.absolute(urls.feed(kind, lang, code)), lang=lang)
    if kind == "rss":
        body, media = feeds.rss(config, info, stories, now), RSS
    else:
        body, media = feeds.atom(config, info, stories, now), ATOM
    return Rendered.make(200, body, media, last_modified=_last_modified(stories))


def sitemap(site: Site, conn: Connection, now: datetime) -> Rendered:
    config = site.config
    listing = queries.latest(conn, config.product, now, limit=sitemaps.SITEMAP_STORIES)
    newest = _last_modified(listing.stories)
    entries = [sitemaps.Url(config.absolute("/"), newest)]
    for lang in _languages(site, conn, now):
        mine = [s for s in listing.stories if s.language == lang]
        entries.append(sitemaps.Url(config.absolute(urls.lang_home(lang)), _last_modified(mine)))
        for code in sorted(queries.sections_present(conn, config.product, now, lang)):
            entries.append(sitemaps.Url(config.absolute(urls.section(lang, code)), None))
    entries += [sitemaps.Url(config.absolute(urls.story(s)), s.version_created) for s in listing.stories]
    return Rendered.make(200, sitemaps.sitemap(entries), XML, cache_control=CACHE_SITEMAP,
                         last_modified=newest)


def news_sitemap(site: Site, conn: Connection, now: datetime) -> Rendered:
    config = site.config
    since = now - timedelta(hours=sitemaps.NEWS_WINDOW_HOURS)
    listing = queries.latest(conn, config.product, now, where=Filter(since=since),
                             limit=sitemaps.NEWS_SITEMAP_MAX)
    stories = [s for s in queries.with_published(conn, listing.stories) if s.published >= since]
    return Rendered.make(200, sitemaps.news_sitemap(config, stories), XML, cache_control=CACHE_SITEMAP,
                         last_modified=_last_modified(stories))


def robots(site: Site) -> Rendered:
    return Rendered.make(200, sitemaps.robots(site.config), TEXT, cache_control=CACHE_ROBOTS)
