"""An upload becomes a ``picture`` item (or a ``video``: :mod:`media.video_upload`):
checked, stored, described, published. A still the editor calls a graphic (``type=graphic``:
an infographic, a map, a chart) becomes a ``graphic`` item by the same steps: the same
renditions, metadata, entitlement and perceptual hash; only its type (and the URI it takes
when none is given) differ, so products can select graphics apart from photos.

Runs in a worker thread of the request. The original is written to the blob store first
(atomically, under its content address), then the item, the asset row and the version's link
to it commit in one transaction; if that transaction fails, a blob this upload added is
removed again, so a refused or conflicting upload leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from sqlalchemy import Connection

from newswire.media import assets, links, polyglot, provenance, similar
from newswire.media.blobs import BlobStore, file_sha256
from newswire.media.metadata import PictureMeta, to_item, with_editor
from newswire.media.probe import Probe, Refused, probe
from newswire.media.renditions import planned
from newswire.media.similar import duplicate_links
from newswire.model import Item, ItemType, PubStatus, Rendition
from newswire.store.items import PublishResult
from newswire.wire import Wire

MediaKind = Literal["picture", "graphic", "video"]
MEDIA_KINDS: tuple[MediaKind, ...] = ("picture", "graphic", "video")


@dataclass(frozen=True, slots=True)
class Upload:
    path: Path
    declared: str | None
    editor: PictureMeta = field(default_factory=PictureMeta)
    uri: str | None = None
    public: bool = False
    embargoed_until: datetime | None = None
    pub_status: PubStatus = "usable"
    type: MediaKind | None = None  # what the editor calls it (a still: picture or graphic); None: as the bytes say


def default_uri(sha256: str, kind: str = "picture") -> str:
    """The same picture posted twice is the same item (a re-post appends nothing; new
    fields with the same file append a version); the same file posted as a graphic is
    another item, a ``duplicate`` of the picture."""
    return f"urn:newswire:{kind}:{sha256[:32]}"


def publish_media(wire: Wire, blobs: BlobStore, upload: Upload) -> PublishResult:
    """A picture or a video, as the file's first bytes say (never its declared type); never a
    file that is also another kind of file (:mod:`media.polyglot`)."""
    from newswire.media import video

    polyglot.check(upload.path)
    if video.sniff_file(upload.path) is not None:
        from newswire.media.video_upload import publish_video

        if upload.type not in (None, "video"):
            raise Refused(422, "Type mismatch", f"type={upload.type} names a still, but the bytes are a video.")
        return publish_video(wire, blobs, upload)
    media = (upload.declared or "").split(";")[0].strip().lower()
    if media in video.DECLARED:
        raise Refused(415, "Type mismatch", f"The bytes are not an MP4 or QuickTime video, as {media} declares.")
    if upload.type == "video":
        raise Refused(422, "Type mismatch", "type=video, but the bytes are not an MP4 or QuickTime video.")
    return publish_picture(wire, blobs, upload)


def with_original(wire: Wire, blobs: BlobStore, path: Path, publish: Callable[[str, int], PublishResult]
                  ) -> PublishResult:
    """The original written to the blob store, then ``publish(sha256, size)``; if that fails,
    a blob this upload added is removed again."""
    sha, size = file_sha256(path)
    was_stored = blobs.size(sha) == size
    if not was_stored:  # hashed once above; the store checks the bytes against it as it writes them
        with path.open("rb") as source:
            blobs.write(sha, source)
    try:
        return publish(sha, size)
    except BaseException:
        if not was_stored and not assets.known(wire.engine, sha):
            blobs.delete(sha)
        raise


def publish_picture(wire: Wire, blobs: BlobStore, upload: Upload) -> PublishResult:
    found = probe(upload.path, upload.declared, wire.settings.media_max_pixels)
    return with_original(wire, blobs, upload.path, lambda sha, size: _publish(wire, upload, found, sha, size))


def _publish(wire: Wire, upload: Upload, found: Probe, sha: str, size: int) -> PublishResult:
    settings = wire.settings
    kind: ItemType = "graphic" if upload.type == "graphic" else "picture"
    uri = upload.uri or default_uri(sha, kind)
    asset = assets.Asset(sha, found.content_type, found.width, found.height, size)
    # the original's address is part of what the editor sent: new bytes under the same uri
    # are a new version, the same bytes and fields again are not
    marker = Rendition(href=f"urn:sha256:{sha}", name="original")
    # the same photo moved before (re-encoded, resized, slightly cropped): linked when stored
    duplicates = similar.near(wire.engine, found.dhash, exclude=uri)
    # the original's C2PA Content Credentials, read (never changed) from the bytes as uploaded
    credentials = provenance.check(upload.path, found.content_type, settings.c2pa_trust_anchors)
    item: Item = to_item(with_editor(found.meta, upload.editor), uri).evolve(
        type=kind, version=0, renditions=(marker,), embargoed_until=upload.embargoed_until,
        pub_status=upload.pub_status, credentials=credentials)

    def prepare(conn: Connection, stored: Item) -> Item:
        assets.record(conn, stored.uri, stored.version, asset)
        return duplicate_links(stored, duplicates, similar.kinds(conn, duplicates)).evolve(renditions=planned(
            found.content_type, found.width, found.height, size,
            lambda name: links.href(settings, stored.uri, stored.version, name)))

    return wire.publish(item, public=upload.public, prepare=prepare, signature=found.dhash)
