"""Pictures and videos dropped in a folder for ``newswire ingest``, beside stories, with their sidecars.

A file is taken as a picture when its first bytes say so (JPEG, PNG, WebP, TIFF, HEIC: the
extension decides nothing), as a video when they are an MP4 or QuickTime ``ftyp`` box, and
then by the same rules as an upload (:mod:`media.probe`, :mod:`media.video`). It
is read under the rules ``ingest`` has for stories: never through a symbolic link, never
outside the folder it was found in, only a regular file, and at most
``settings.max_media_bytes`` (streamed to the blob store's disk, never held in memory).

An XMP sidecar (``photo.xmp`` or ``photo.jpg.xmp``, as Lightroom and darktable name them) is
what the photographer or the picture desk said about the file after it was taken: its fields
win over what the file itself carries, field by field, and the sidecar is not a story.

Neither a file nor its sidecar says "graphic" in a standard way (IPTC's photo metadata has
no field for it), so ``newswire ingest --graphics`` says it for a run: its stills become
``graphic`` items (its videos stay videos), as ``POST /v1/media?type=graphic`` does.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from newswire.media.blobs import CHUNK, BlobStore, store_for

if TYPE_CHECKING:  # the command line reads stories through :func:`opened` without the wire's weight
    from newswire.media.metadata import PictureMeta
    from newswire.store.items import PublishResult
    from newswire.wire import Wire

SIDECAR = ".xmp"
SIDECAR_LIMIT = 1024 * 1024  # a sidecar is text about one picture; a megabyte is plenty

# the types Pillow takes, as their first bytes say (ISO BMFF brands for HEIC/HEIF)
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"heim", b"heis")


class Skipped(Exception):
    """A file ``ingest`` does not read (a link, outside its folder, not a regular file, too large)."""


def sniffed(head: bytes) -> str | None:
    """The picture type the first bytes declare, or None (then it is a story)."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "image/heic"
    from newswire.media.video import sniffed as video  # MP4 and QuickTime movies

    return video(head)


@contextmanager
def opened(path: Path, root: Path | None, limit: int, what: str) -> Iterator[BinaryIO]:
    """The file, opened for reading if it is a regular file (not a link) inside ``root`` of at
    most ``limit`` bytes; else :class:`Skipped` with the reason."""
    if path.is_symlink():
        raise Skipped("a symbolic link, not followed")
    if root is not None and not path.resolve().is_relative_to(root):
        raise Skipped(f"resolves outside {root}")
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)  # no race to a link, no wait on a FIFO
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Skipped("not a regular file")
        if info.st_size > limit:
            raise Skipped(f"{info.st_size} bytes, over the {limit}-byte limit ({what})")
        yield f


def picture_type(path: Path) -> str | None:
    """The picture type of a regular file's first bytes; None for anything else (a link or a
    special file included: reading it as a story refuses it with the reason)."""
    try:
        with opened(path, None, 2**62, "") as f:
            return sniffed(f.read(64))
    except (Skipped, OSError):
        return None


def is_sidecar(path: Path) -> bool:
    return path.suffix.lower() == SIDECAR


def sidecar_of(picture: Path, sidecars: Sequence[Path]) -> Path | None:
    """``photo.jpg.xmp`` (darktable) before ``photo.xmp`` (Lightroom), in the same folder."""
    by_name = {(p.parent, p.name.lower()): p for p in sidecars}
    for name in (picture.name + SIDECAR, picture.stem + SIDECAR):
        if (found := by_name.get((picture.parent, name.lower()))) is not None:
            return found
    return None


@dataclass(frozen=True, slots=True)
class Found:
    path: Path
    root: Path | None  # the folder it was found in (None: named on the command line)
    picture: str | None = None  # the picture type its bytes declare; None: a story
    sidecar: Path | None = None


def sort(files: Sequence[tuple[Path, Path | None]]) -> tuple[list[Found], list[Path]]:
    """Stories and pictures (each with its sidecar) in the order given, and the sidecars
    that describe no picture."""
    sidecars = [p for p, _ in files if is_sidecar(p) and not p.is_symlink()]
    taken = set(sidecars)
    found, used = [], set()
    for path, root in files:
        if path in taken:
            continue
        kind = picture_type(path)
        sidecar = sidecar_of(path, sidecars) if kind is not None else None
        if sidecar is not None:
            used.add(sidecar)
        found.append(Found(path, root, kind, sidecar))
    return found, [p for p in sidecars if p not in used]


def read_sidecar(path: Path, root: Path | None) -> PictureMeta:
    from newswire.media import metadata

    with opened(path, root, SIDECAR_LIMIT, "an XMP sidecar") as f:
        return metadata.from_xmp(f.read(SIDECAR_LIMIT + 1))


def ingest_picture(wire: Wire, path: Path, root: Path | None, content_type: str, sidecar: Path | None,
                   *, public: bool = False, blobs: BlobStore | None = None, graphic: bool = False) -> PublishResult:
    """Publish one picture file (its sidecar's fields over its own; ``graphic``: a still
    becomes a graphic); raises :class:`Skipped`, ``probe.Refused`` (not a picture the wire
    takes) or the store's errors."""
    from newswire.media.metadata import PictureMeta
    from newswire.media.upload import MediaKind, Upload, publish_media

    limit = wire.settings.max_media_bytes
    described = read_sidecar(sidecar, root) if sidecar is not None else PictureMeta()
    store = blobs or store_for(wire.settings)
    with opened(path, root, limit, "NEWSWIRE_MAX_MEDIA_BYTES") as source, store.spool() as spool:
        copied = 0
        while chunk := source.read(CHUNK):
            copied += len(chunk)
            if copied > limit:  # the file grew while it was read
                raise Skipped(f"over the {limit}-byte limit (NEWSWIRE_MAX_MEDIA_BYTES)")
            spool.write(chunk)
        spool.flush()
        kind: MediaKind | None = "graphic" if graphic and not content_type.startswith("video/") else None
        return publish_media(wire, store, Upload(Path(spool.name), content_type, described, public=public, type=kind))
