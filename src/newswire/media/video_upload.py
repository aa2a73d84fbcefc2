"""An upload becomes a ``video`` item, by the same steps as a picture (:mod:`media.upload`).

The file is probed first (:func:`media.video.probe`: nothing is stored for a file that is
not a video the wire takes), then the original is written to the blob store, and the item,
the asset row and the version's link to it commit in one transaction; if that fails, a blob
this upload added is removed again. The container's tags fill the item (title, comment,
creator, copyright, creation time, place) and what the editor posted wins, field by field.
Its C2PA Content Credentials are read and validated as a picture's are
(:func:`media.provenance.check`: c2pa reads MP4 and QuickTime, hashing the file's boxes).
"""

from __future__ import annotations

from sqlalchemy import Connection

from newswire.media import assets, links, provenance
from newswire.media.blobs import BlobStore
from newswire.media.metadata import to_item, with_editor
from newswire.media.upload import Upload, with_original
from newswire.media.video import VideoProbe, probe
from newswire.media.video_renditions import planned
from newswire.model import Item, Rendition
from newswire.store.items import PublishResult
from newswire.wire import Wire


def default_uri(sha256: str) -> str:
    """The same video posted twice is the same item."""
    return f"urn:newswire:video:{sha256[:32]}"


def publish_video(wire: Wire, blobs: BlobStore, upload: Upload) -> PublishResult:
    found = probe(upload.path, upload.declared, wire.settings.media_max_pixels)
    return with_original(wire, blobs, upload.path, lambda sha, size: _publish(wire, upload, found, sha, size))


def _publish(wire: Wire, upload: Upload, found: VideoProbe, sha: str, size: int) -> PublishResult:
    settings = wire.settings
    uri = upload.uri or default_uri(sha)
    asset = assets.Asset(sha, found.content_type, found.width, found.height, size)
    marker = Rendition(href=f"urn:sha256:{sha}", name="original")  # new bytes, same uri: a new version
    # the original's C2PA Content Credentials, read (never changed) from the bytes as uploaded
    credentials = provenance.check(upload.path, found.content_type, settings.c2pa_trust_anchors)
    item: Item = to_item(with_editor(found.meta, upload.editor), uri).evolve(
        type="video", version=0, renditions=(marker,), embargoed_until=upload.embargoed_until,
        pub_status=upload.pub_status, credentials=credentials)

    def prepare(conn: Connection, stored: Item) -> Item:
        assets.record(conn, stored.uri, stored.version, asset)
        return stored.evolve(renditions=planned(
            found, size, lambda name: links.href(settings, stored.uri, stored.version, name)))

    return wire.publish(item, public=upload.public, prepare=prepare)
