"""The site's partial representation of a story, and the one visibility rule.

The site is a subscriber holding one product (:meth:`SiteConfig.product`); whether a story
shows is :func:`newswire.routing.reaches`, the answer the API and delivery give. What shows
is a :class:`PublicStory`: built from an :class:`~newswire.model.Item` by :func:`partial`,
it has no field for the body, so nothing downstream (pages, feeds, sitemaps, JSON-LD, the
live stream) can print one. Only the lede is read from the body, and only when enrichment
gave no summary.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import quote, unquote

from newswire.enrich.sentences import split_sentences
from newswire.enrich.summary import body_sentences, summary_sentence_limit
from newswire.formats.sanitize import html_to_text
from newswire.media.attach import wire_pictures
from newswire.media.renditions import POSTER
from newswire.media.video_renditions import still_size
from newswire.model import Item, utcnow
from newswire.routing import FOLLOW_UP_EVENTS, Product, reaches
from newswire.store.index import slug
from newswire.store.items import Event
from newswire.vocab import mediatopics

TRANSLATION_REL = "translation"
LEDE_MAX_CHARS = 420
COPY_SHARE = 0.6  # a summary holding this share of a body sentence's words, in order, copies it
_WORD = re.compile(r"\w+", re.UNICODE)
PREVIEW = "preview"


@dataclass(frozen=True, slots=True)
class Picture:
    href: str
    alt: str
    width: int | None = None
    height: int | None = None
    caption: str | None = None
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Tag:
    kind: str  # person, org, place
    key: str
    name: str


@dataclass(frozen=True, slots=True)
class PublicStory:
    """What the public may see of a story: everything but the body."""

    uri: str
    key: str
    version: int
    language: str
    headline: str
    standfirst: str | None
    summary: str  # enrichment's summary, else the lede; never more of the body
    summary_is_lede: bool
    located: str | None
    dateline_date: str | None
    byline: str | None
    first_created: datetime  # when the wire first received it
    version_created: datetime
    published: datetime  # when the public could first see it: filed, or the embargo's lift
    embargoed_until: datetime | None  # the current version's embargo (over, since it shows)
    corrected: bool
    slugline: str | None
    topics: tuple[str, ...]  # Media Topic codes, as tagged
    sections: tuple[str, ...]  # their top-level codes
    people: tuple[Tag, ...]
    organisations: tuple[Tag, ...]
    places: tuple[Tag, ...]
    picture: Picture | None
    translation_uris: tuple[str, ...]

    @property
    def updated(self) -> bool:
        return self.version > 1

    @property
    def public_text(self) -> str:
        """All the words the site shows of the story: what site search looks in."""
        parts = [self.headline, self.standfirst or "", self.summary, self.located or "",
                 self.dateline_date or ""]
        parts += [t.name for t in (*self.people, *self.organisations, *self.places)]
        return "\n".join(p for p in parts if p)

    @property
    def description(self) -> str:
        """One plain paragraph for meta tags and feeds: the standfirst, else the summary."""
        return self.standfirst or self.summary


# -- visibility ----------------------------------------------------------------------

def visible(item: Item, product: Product, now: datetime | None = None) -> bool:
    """Does the site, as a subscriber holding ``product``, show this version now?"""
    if item.pub_status != "usable":
        return False
    now = now or utcnow()
    return reaches("published", item.embargoed_at(now), item, [product], was_recipient=False)


def was_shown(history: Sequence[tuple[Event, Item]], product: Product, now: datetime | None = None) -> bool:
    """Was any earlier version of a story shown by the site (so a kill is announced as such)?

    ``history`` is the story's events, oldest first, each with the version it names. A
    version counts when routing let its event reach the site, or when its embargo ran out
    while it was current (the site goes by the clock, not only by the lift event).
    """
    now = now or utcnow()
    for n, (event, item) in enumerate(history):
        if event.type in FOLLOW_UP_EVENTS or item.pub_status != "usable":
            continue
        until = history[n + 1][0].created_at if n + 1 < len(history) else now
        embargoed = event.embargoed and item.embargoed_at(until)
        if reaches(event.type, embargoed, item, [product], was_recipient=False):
            return True
    return False


def picture_product(product: Product) -> Product:
    """What the site shows of a picture a story associates: what the story's product admits
    (public), whatever its type or caption language."""
    return replace(product, types=frozenset(), languages=frozenset())


# -- story keys (URL paths) ----------------------------------------------------------

def story_key(uri: str) -> str:
    """The story's URI as one readable URL path segment: what RFC 3986 allows in a segment
    (``:``, ``@``, sub-delimiters) kept, the rest escaped, so the URL is in canonical form."""
    return quote(uri, safe=":@!$&'()*+,;=-._~")


def uri_from_key(key: str) -> str:
    return unquote(key)


def story_path(lang: str, uri: str) -> str:
    return f"/{lang}/story/{story_key(uri)}"


# -- the partial representation -------------------------------------------------------

def lede(item: Item) -> str:
    """The first paragraph of the body (its opening sentences up to ``LEDE_MAX_CHARS``)."""
    located = (item.located or "").strip().casefold()
    for paragraph in html_to_text(item.body_html).split("\n"):
        text = paragraph.strip()
        if not text or text.casefold() == located:
            continue
        if len(text) <= LEDE_MAX_CHARS:
            return text
        kept = ""
        for sentence in split_sentences(text, item.language or "en"):
            if kept and len(kept) + 1 + len(sentence) > LEDE_MAX_CHARS:
                break
            kept = f"{kept} {sentence}".strip()
        if len(kept) > LEDE_MAX_CHARS:
            kept = kept[:LEDE_MAX_CHARS].rsplit(" ", 1)[0] + " …"
        return kept
    return ""


def _body_paragraphs(item: Item) -> list[str]:
    """The body's paragraphs as plain text, without one that is only the dateline place."""
    located = (item.located or "").strip().casefold()
    return [p.strip() for p in html_to_text(item.body_html).split("\n")
            if p.strip() and p.strip().casefold() != located]


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def copied_sentences(summary: str, sentences: Sequence[str]) -> int:
    """How many of ``sentences`` the summary reproduces: a sentence counts when a run of
    :data:`COPY_SHARE` of its words, in its order, appears in the summary."""
    hay = " " + " ".join(_words(summary)) + " "
    count = 0
    for sentence in sentences:
        words = _words(sentence)
        if not words:
            continue
        run = max(1, math.ceil(COPY_SHARE * len(words)))
        if any(" " + " ".join(words[i:i + run]) + " " in hay for i in range(len(words) - run + 1)):
            count += 1
    return count


def public_summary(item: Item) -> tuple[str, bool]:
    """The summary the site shows, and whether it is the lede.

    The rule of the summary step holds here too (:func:`~newswire.enrich.summary.
    summary_sentence_limit`): what the site shows reproduces at most a third of the body's
    sentences, so a stored summary that copies more (an old machine summary, an editor's copy
    of the body) gives way to the lede, cut to that many sentences; a body of one or two
    sentences gets no summary at all (headline and standfirst only). Sentences are counted
    only as far as the decision needs, so a long body costs no more than a short one."""
    lang = item.language or "en"
    text = "\n".join(_body_paragraphs(item))
    given = " ".join((item.summary or "").split())
    if given:
        enough = 3 * (len(split_sentences(given, lang)) + 1)
        sentences = body_sentences(text, lang, enough)
        if len(sentences) >= enough:  # the body is long enough for all the summary holds
            return given, False
        allowed = summary_sentence_limit(len(sentences))
        if allowed == 0:
            return "", False
        if copied_sentences(given, sentences) <= allowed:
            return given, False
    first = split_sentences(lede(item), lang)
    allowed = summary_sentence_limit(len(body_sentences(text, lang, 3 * len(first))))
    return " ".join(first[:allowed]), True


def partial(item: Item, pictures: Mapping[str, Item] | None = None) -> PublicStory:
    """The public, summarized form of an item (call it only on visible items); ``pictures``
    are the wire pictures the site may show, by URI (:func:`preview_picture`)."""
    summary, is_lede = public_summary(item)
    codes = tuple(dict.fromkeys(mediatopics.normalize(c) for c in item.topic_codes()))
    sections = tuple(dict.fromkeys(
        top for top in (mediatopics.top_level(c) for c in codes) if top is not None
    ))
    created = item.first_created or item.version_created or utcnow()
    published = max(created, item.embargoed_until) if item.embargoed_until else created
    return PublicStory(
        uri=item.uri,
        key=story_key(item.uri),
        version=item.version,
        language=(item.language or "en").split("-")[0].lower(),
        headline=item.headline.strip(),
        standfirst=(item.standfirst or "").strip() or None,
        summary=summary,
        summary_is_lede=is_lede,
        located=(item.located or "").strip() or None,
        dateline_date=(item.dateline_date or "").strip() or None,
        byline=(item.by or "").strip() or None,
        first_created=created,
        version_created=item.version_created or created,
        published=published,
        embargoed_until=item.embargoed_until,
        corrected=item.is_correction,
        slugline=(item.slugline or "").strip() or None,
        topics=codes,
        sections=sections,
        people=_tags("person", (c.name or c.literal for c in item.people)),
        organisations=_tags("org", (c.name or c.literal for c in item.organisations)),
        places=_tags("place", (c.name or c.literal for c in item.places)),
        picture=preview_picture(item, pictures or {}),
        translation_uris=tuple(
            a.uri for a in item.associations if (a.rel or "").lower() == TRANSLATION_REL
        ),
    )


def _tags(kind: str, names: Iterable[str | None]) -> tuple[Tag, ...]:
    found: dict[str, Tag] = {}
    for name in names:
        clean = (name or "").strip()
        if clean:
            found.setdefault(slug(clean), Tag(kind, slug(clean), clean[:300]))
    return tuple(found.values())


def preview_picture(item: Item, pictures: Mapping[str, Item]) -> Picture | None:
    """The story's lead picture: the first wire picture or video it associates that the site
    shows (``pictures``: the public, visible ones, by URI), from that version's watermarked
    ``preview`` rendition (a video's: its watermarked still, made from the poster beside its
    preview clip), served by the site itself. Never the original, never a remote URL."""
    for uri in wire_pictures(item):
        picture = pictures.get(uri)
        size = public_still(picture) if picture else None
        if picture is None or size is None:
            continue
        headline = next((a.headline for a in item.associations if a.uri == uri and a.headline), None)
        caption = " ".join(html_to_text(picture.body_html).split()) or None
        credit = next((c.name for c in picture.info_sources if c.rel == "creditline" and c.name), None)
        alt = (picture.headline or headline or caption or item.headline).strip()
        return Picture(picture_path(uri, picture.version), alt[:300], *size, caption=caption,
                       credit=credit or picture.by)
    return None


def public_still(media: Item) -> tuple[int | None, int | None] | None:
    """The size of what the site shows of a picture or video version (None: nothing): a
    picture's ``preview``; a video's still, when it has a preview clip and a poster to make it
    from."""
    preview = next((r for r in media.renditions if r.name == PREVIEW), None)
    if preview is None:
        return None
    if media.type != "video":
        return preview.width, preview.height
    poster = next((r for r in media.renditions if r.name == POSTER), None)
    return (still_size(poster) or (None, None)) if poster is not None else None


def picture_path(uri: str, version: int) -> str:
    """Where the site serves a picture version's preview (only while the site shows it)."""
    return f"/picture/{story_key(uri)}/{version}/preview.jpg"
