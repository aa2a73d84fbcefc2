"""Products and entitlements: the one answer to "does event E reach subscriber S?".

A *product* is a filter over item content. A subscriber holds products. The feed, the
stream, webhooks, item reads, search and the public website all ask :func:`reaches`.
Pure functions: the callers load products and recipients from the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from newswire.model import Item
from newswire.vocab import mediatopics

# Events that concern a story a subscriber already has: they reach every earlier recipient,
# even when the subscriber's products no longer match.
FOLLOW_UP_EVENTS = frozenset({"killed", "corrected", "withheld"})


@dataclass(frozen=True, slots=True)
class Product:
    """A filter; an empty field means "any"."""

    name: str
    languages: frozenset[str] = frozenset()
    topics: tuple[str, ...] = ()  # Media Topic codes; a code admits its descendants
    types: frozenset[str] = frozenset()
    urgency_min: int = 1
    urgency_max: int = 9
    services: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()  # place names or URIs, compared case-insensitively
    embargo_early: bool = False
    public_only: bool = False
    # rendition names a subscriber gets of the pictures this product admits; empty: all
    renditions: frozenset[str] = frozenset()
    id: int | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "languages": sorted(self.languages), "topics": list(self.topics),
            "types": sorted(self.types), "urgency": [self.urgency_min, self.urgency_max],
            "services": sorted(self.services), "places": sorted(self.places),
            "embargoEarly": self.embargo_early, "publicOnly": self.public_only,
        } | ({"renditions": sorted(self.renditions)} if self.renditions else {})

    @classmethod
    def from_dict(cls, name: str, d: Mapping[str, Any], *, id: int | None = None) -> Product:
        urgency = d.get("urgency") or [1, 9]
        if not (isinstance(urgency, list | tuple) and len(urgency) == 2
                and all(isinstance(u, int) and 1 <= u <= 9 for u in urgency) and urgency[0] <= urgency[1]):
            raise ValueError("urgency must be [min, max] within 1..9")
        return cls(
            name=name,
            languages=frozenset(_strs(d.get("languages"), "languages", lower=True)),
            topics=tuple(mediatopics.normalize(c) for c in _strs(d.get("topics"), "topics")),
            types=frozenset(_strs(d.get("types"), "types")),
            urgency_min=urgency[0], urgency_max=urgency[1],
            services=frozenset(_strs(d.get("services"), "services", lower=True)),
            places=frozenset(_strs(d.get("places"), "places", lower=True)),
            embargo_early=bool(d.get("embargoEarly", False)),
            public_only=bool(d.get("publicOnly", False)),
            renditions=_rendition_names(d.get("renditions")),
            id=id,
        )


FILTER_KEYS = ("languages", "topics", "types", "urgency", "services", "places", "embargoEarly", "publicOnly",
               "renditions")


def check_filter(d: Mapping[str, Any]) -> None:
    """What an admin sends as a product's filter: a misspelt key would be ignored, and a
    product admitting everything, or a flag given as the string "false" read as true (embargoed
    copy early), is worse than a refusal. ValueError says what is wrong."""
    unknown = sorted(str(k) for k in d if k not in FILTER_KEYS)
    if unknown:
        raise ValueError(f"unknown filter key(s) {', '.join(unknown)}; known: {', '.join(FILTER_KEYS)}")
    for flag in ("embargoEarly", "publicOnly"):
        if d.get(flag) is not None and not isinstance(d[flag], bool):
            raise ValueError(f"{flag} must be true or false")


def _strs(value: Any, name: str, *, lower: bool = False) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{name} must be a list of strings")
    return [v.strip().lower() if lower else v.strip() for v in value]


def _rendition_names(value: Any) -> frozenset[str]:
    from newswire.media.renditions import ALL_NAMES as NAMES  # a picture's and a video's

    names = _strs(value, "renditions")
    unknown = sorted(set(names) - set(NAMES))
    if unknown:
        raise ValueError(f"renditions: unknown {', '.join(map(repr, unknown))}; known: {', '.join(NAMES)}")
    return frozenset(names)


def admits(product: Product, item: Item) -> bool:
    """Does the product's filter cover this item's content (embargo aside)?"""
    if product.public_only and not item.public:
        return False
    if product.languages and _primary(item.language) not in product.languages \
            and (item.language or "").lower() not in product.languages:
        return False
    if product.types and item.type not in product.types:
        return False
    urgency = item.urgency if item.urgency is not None else 5
    if not product.urgency_min <= urgency <= product.urgency_max:
        return False
    if product.topics:
        codes = item.topic_codes()
        if not any(mediatopics.is_within(code, want) for code in codes for want in product.topics):
            return False
    if product.services:
        have = {(c.uri or "").lower() for c in item.services} | {(c.name or "").lower() for c in item.services}
        if not have & product.services:
            return False
    if product.places:
        have = {(c.uri or "").lower() for c in item.places} | {(c.name or "").lower() for c in item.places}
        if item.located:
            have.add(item.located.lower())
        if not have & product.places:
            return False
    return True


def _primary(language: str | None) -> str:
    return (language or "").split("-")[0].lower()


def is_follow_up(event_type: str, item: Item) -> bool:
    """Does the event concern a story its earlier recipients already have? Kills,
    corrections and withholds do; so does the lift of an embargo that held one back."""
    if event_type in FOLLOW_UP_EVENTS:
        return True
    return event_type == "embargo_lifted" and (item.is_correction or item.pub_status != "usable")


def withdrawn(item: Item) -> bool:
    """A killed or withheld version: it goes only to those who had the story."""
    return item.pub_status != "usable"


def reaches(
    event_type: str, embargoed: bool, item: Item, products: Iterable[Product], *, was_recipient: bool
) -> bool:
    """Does an event (its type, whether the item was under embargo when it happened, and the
    item version it names) reach a subscriber holding ``products``?

    - A follow-up (kill, correction, withhold) reaches every earlier recipient, whatever its
      products have become, and a kill or withhold reaches no one else.
    - An embargo holds everything back, follow-ups included, from all but the products that
      admit the item and see embargoed copy early; the others get it when the embargo lifts.
    """
    follow_up = was_recipient and is_follow_up(event_type, item)
    if withdrawn(item) and not follow_up:
        return False
    matching = [p for p in products if admits(p, item)]
    if embargoed:
        return any(p.embargo_early for p in matching)
    return follow_up or bool(matching)


def may_read(
    version: Item, current: Item, products: Iterable[Product], *, reached: bool, now: datetime
) -> bool:
    """May a subscriber read this stored version of a story (item reads, every format)?

    Yes when the version reached it (it is a recorded recipient of an event naming it), or
    when the version is deliverable to it now: the story is not withdrawn (killed or
    withheld) and routing would send this version now, under its own embargo and content.
    """
    if reached:
        return True
    if withdrawn(current):
        return False
    return reaches("updated", version.embargoed_at(now), version, products, was_recipient=False)


def renditions_allowed(item: Item, products: Iterable[Product]) -> frozenset[str] | None:
    """Which of a picture's renditions a subscriber holding ``products`` gets (None: all):
    those any product that admits the picture names, all when one of them names none. A
    version the subscriber reads though no product admits it now (it reached it earlier)
    gets what its products name together, all when one names none."""
    held = list(products)
    chosen = [p for p in held if admits(p, item)] or held
    if not chosen or any(not p.renditions for p in chosen):
        return None
    return frozenset().union(*(p.renditions for p in chosen))


def cut_renditions(item: Item, products: Iterable[Product] | None) -> Item:
    """The item with only the renditions ``products`` allow (``products`` None: an editor, all)."""
    if not item.renditions or products is None:
        return item
    allowed = renditions_allowed(item, products)
    if allowed is None:
        return item
    return item.evolve(renditions=tuple(r for r in item.renditions if r.name in allowed))


# The public website is a subscriber too: this is its product, which carries only the
# watermarked preview of a picture.
PUBLIC_RENDITIONS = frozenset({"preview"})


def public_product(languages: Iterable[str] = ()) -> Product:
    return Product(name="public-website", languages=frozenset(languages), public_only=True,
                   renditions=PUBLIC_RENDITIONS)
