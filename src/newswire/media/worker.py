"""The rendition worker: makes every pending original's renditions once, off the request path.

Runs in ``newswire serve``'s embedded worker and in ``newswire worker`` (any number of them:
assets are leased). A picture's item is delivered as soon as it is published; its derived
renditions answer ``503`` with ``Retry-After`` until this worker has made them (typically
well under a second for a 24-megapixel JPEG).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine

from newswire.config import Settings
from newswire.delivery.bus import Hub
from newswire.media import assets
from newswire.media.blobs import BlobStore, store_for
from newswire.media.probe import Refused
from newswire.media.renditions import render_all

log = logging.getLogger(__name__)


class MediaWorker:
    def __init__(self, settings: Settings, engine: Engine, hub: Hub, *, blobs: BlobStore | None = None,
                 lease: timedelta = timedelta(minutes=5), poll: float = 1.0) -> None:
        self.settings, self.engine, self.hub = settings, engine, hub
        self.blobs = blobs or store_for(settings)
        self.lease, self.poll = lease, poll

    def make_one(self) -> bool:
        """Make the renditions of one pending original; False when none is waiting."""
        asset = assets.claim(self.engine, self.lease)
        if asset is None:
            return False
        try:
            made = self._render(asset)
        except Exception as exc:  # whatever one picture does wrong is that picture's: the worker goes on
            expected = isinstance(exc, Refused | OSError | ValueError | SyntaxError)
            log.warning("renditions of %s failed: %s", asset.sha256, exc, exc_info=not expected)
            assets.fail(self.engine, asset.sha256, str(exc), retry_in=timedelta(seconds=30))
            return True
        assets.finish(self.engine, asset.sha256, made)
        return True

    def _render(self, asset: assets.Asset) -> list[assets.Made]:
        if asset.content_type.startswith("video/"):
            return self._render_video(asset)
        if self.blobs.size(asset.sha256) != asset.size:
            raise OSError(f"the original {asset.sha256} is missing from the blob store")
        made = []
        with self.blobs.local(asset.sha256) as path:  # the store's own file, or a local copy of the object
            for which, data, width, height in render_all(Path(path), max_pixels=self.settings.media_max_pixels,
                                                         agency=self.settings.agency_name):
                blob, size = self.blobs.put_bytes(data)
                made.append(assets.Made(which.name, blob, "image/jpeg", width, height, size))
        return made

    def _render_video(self, asset: assets.Asset) -> list[assets.Made]:
        """A video's poster, thumbnail and preview clip (PyAV: :mod:`media.video_renditions`), and
        the site's watermarked still of the poster."""
        from newswire.media.video_renditions import POSTER, still_from
        from newswire.media.video_renditions import render_all as render_video

        if self.blobs.size(asset.sha256) != asset.size:
            raise OSError(f"the original {asset.sha256} is missing from the blob store")
        made = []
        with self.blobs.local(asset.sha256) as path:
            renditions = render_video(Path(path), agency=self.settings.agency_name)
            poster = next(r for r in renditions if r.name == POSTER)  # and the public site's still of it
            for rendition in [*renditions, still_from(poster.data, self.settings.agency_name)]:
                blob, size = self.blobs.put_bytes(rendition.data)
                made.append(assets.Made(rendition.name, blob, rendition.content_type, rendition.width,
                                        rendition.height, size))
        return made

    def drain(self) -> int:
        """Everything pending now (the CLI's ``newswire media renditions``, and tests)."""
        count = 0
        while self.make_one():
            count += 1
        return count

    async def run(self) -> None:
        while True:
            try:
                worked = await asyncio.to_thread(self.make_one)
            except Exception:
                log.warning("media worker could not reach the store", exc_info=True)
                worked = False
            if not worked:
                await self.hub.wait_beyond(self.hub.latest, self.poll)


