"""The public site's settings, read from the environment (``NEWSWIRE_SITE_*``).

The site is a subscriber of the wire with a built-in product: public stories in the
configured languages (:func:`newswire.routing.public_product`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace

from newswire.model import ITEM_TYPES
from newswire.routing import Product, public_product
from newswire.site.i18n import KNOWN_LANGUAGES

DEFAULT_SITE_NAME = "Newswire"
DEFAULT_SUBSCRIBE_URL = "/subscribe"
PAGE_SIZE = 20
STORY_TYPES = frozenset(ITEM_TYPES) - {"picture", "graphic", "video", "audio"}


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """What the site shows and how it names itself.

    ``languages`` empty means every language: the product then has no language filter and
    any known language code has its pages.
    """

    base_url: str = "http://127.0.0.1:8000"
    site_name: str = DEFAULT_SITE_NAME
    subscribe_url: str = DEFAULT_SUBSCRIBE_URL
    languages: tuple[str, ...] = ()
    cache_entries: int = 4096
    cache_seconds: float = 60.0
    page_size: int = PAGE_SIZE

    @classmethod
    def from_env(cls, base_url: str, env: Mapping[str, str] | None = None) -> SiteConfig:
        e = os.environ if env is None else env
        languages = tuple(dict.fromkeys(
            v.strip().lower() for v in (e.get("NEWSWIRE_SITE_LANGUAGES") or "").split(",")
            if v.strip() and v.strip().lower() != "all"
        ))
        return cls(
            base_url=base_url.rstrip("/"),
            site_name=(e.get("NEWSWIRE_SITE_NAME") or "").strip() or DEFAULT_SITE_NAME,
            subscribe_url=(e.get("NEWSWIRE_SUBSCRIBE_URL") or "").strip() or DEFAULT_SUBSCRIBE_URL,
            languages=languages,
            cache_entries=max(0, int(e.get("NEWSWIRE_SITE_CACHE_ENTRIES") or 4096)),
            cache_seconds=float(e.get("NEWSWIRE_SITE_CACHE_SECONDS") or 60.0),
        )

    @property
    def product(self) -> Product:
        """Public stories: pictures, graphics, video and audio show inside the stories that
        associate them (their own product, :func:`newswire.site.story.picture_product`),
        never as pages of their own."""
        return replace(public_product(self.languages), types=STORY_TYPES)

    def serves(self, lang: str) -> bool:
        """Does the site have pages for this language code?"""
        if self.languages:
            return lang in self.languages
        return lang in KNOWN_LANGUAGES

    @property
    def default_language(self) -> str:
        """The language of the site-wide pages (home, subscribe, errors)."""
        if not self.languages or "en" in self.languages:
            return "en"
        return self.languages[0]

    def absolute(self, path: str) -> str:
        return self.base_url + path
