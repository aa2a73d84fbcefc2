"""Blob storage behind one narrow interface: content-addressed, written whole or not at all.

A blob is named by the SHA-256 of its bytes, so a name never points at different content and
a rendition made twice is stored once. Two stores implement :class:`BlobStore`:

- :class:`FileBlobs` (the default) keeps them under ``<data_dir>/media/ab/cd/<sha256>``: every
  write goes to a temporary file in the same folder, is checked against its name, flushed to
  disk and renamed into place, so a reader (or a crash) never sees a partial file.
- ``media.s3.S3Blobs`` keeps them as objects ``<prefix><sha256>`` in an S3-compatible bucket
  (``NEWSWIRE_MEDIA_URL=s3://bucket/prefix``), so several nodes share them; an object appears
  whole when its PUT (or its multipart upload's completion) succeeds, never before.

:func:`store_for` picks the configured one; the rest of the wire sees only the interface.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from newswire.config import Settings

CHUNK = 1024 * 1024
Spool = tempfile._TemporaryFileWrapper  # a named temporary file, removed when closed


class BlobStore(Protocol):
    def spool(self) -> Spool[bytes]:
        """A temporary file on local disk for an upload to stream into before it is stored."""
        ...

    def put_file(self, path: Path) -> tuple[str, int]:
        """Store a local file's bytes; (its SHA-256, its size). The file itself is left alone.
        Storing bytes already stored changes nothing."""
        ...

    def put_bytes(self, data: bytes) -> tuple[str, int]:
        ...

    def write(self, sha256: str, source: BinaryIO) -> int:
        """Store what ``source`` reads under ``sha256``; its size. Bytes that do not hash to
        that name raise :class:`DigestMismatch` and leave nothing stored."""
        ...

    def size(self, sha256: str) -> int | None:
        """The blob's size, or None when it is not stored."""
        ...

    def read_range(self, sha256: str, start: int, length: int) -> Iterator[bytes]:
        """``length`` bytes from ``start``, in chunks (FileNotFoundError when not stored)."""
        ...

    def local(self, sha256: str) -> AbstractContextManager[Path]:
        """A local file holding the blob, for decoders that want a path; valid inside the block."""
        ...

    def delete(self, sha256: str) -> None:
        ...


class DigestMismatch(ValueError):
    """Bytes offered under a content address they do not hash to."""


class StoreUnavailable(OSError):
    """The store could not be reached, or refused a request (the API answers 503)."""


class MediaStoreError(RuntimeError):
    """``NEWSWIRE_MEDIA_URL`` names a store this node cannot open."""


def is_sha256(name: str) -> bool:
    return len(name) == 64 and all(c in "0123456789abcdef" for c in name)


def checked(sha256: str) -> str:
    if not is_sha256(sha256):
        raise ValueError("a blob is named by a lower-case hex SHA-256")
    return sha256


def file_sha256(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def spool_in(folder: Path) -> Spool[bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    return tempfile.NamedTemporaryFile(dir=folder, prefix="upload-", delete=True)


class ContentAddressed:
    """What every store does the same way on top of its own ``size`` and ``write``."""

    def size(self, sha256: str) -> int | None:
        raise NotImplementedError

    def write(self, sha256: str, source: BinaryIO) -> int:
        raise NotImplementedError

    def put_file(self, path: Path) -> tuple[str, int]:
        sha, size = file_sha256(path)
        if self.size(sha) != size:  # the same bytes again: stored once
            with path.open("rb") as source:
                self.write(sha, source)
        return sha, size

    def put_bytes(self, data: bytes) -> tuple[str, int]:
        sha = hashlib.sha256(data).hexdigest()
        if self.size(sha) != len(data):
            self.write(sha, _Bytes(data))  # type: ignore[arg-type]  # read() is all a store asks
        return sha, len(data)


class FileBlobs(ContentAddressed):
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        sha256 = checked(sha256)
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def spool(self) -> Spool[bytes]:
        """A temporary file on the blob store's own disk (an upload streams into it)."""
        return spool_in(self.root / "tmp")

    def write(self, sha256: str, source: BinaryIO) -> int:
        target = self.path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=".part-")
        tmp, digest, size = Path(name), hashlib.sha256(), 0
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if digest.hexdigest() != sha256:
                raise DigestMismatch(f"the bytes hash to {digest.hexdigest()}, not {sha256}")
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)  # atomic on one filesystem: the name appears complete
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        return size

    def size(self, sha256: str) -> int | None:
        try:
            return self.path(sha256).stat().st_size
        except (OSError, ValueError):
            return None

    def read_range(self, sha256: str, start: int, length: int) -> Iterator[bytes]:
        with self.path(sha256).open("rb") as f:
            f.seek(start)
            left = length
            while left > 0 and (chunk := f.read(min(CHUNK, left))):
                left -= len(chunk)
                yield chunk

    @contextlib.contextmanager
    def local(self, sha256: str) -> Iterator[Path]:
        path = self.path(sha256)
        if not path.is_file():
            raise FileNotFoundError(f"blob {sha256} is not stored")
        yield path

    def delete(self, sha256: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path(sha256).unlink()


class _Bytes:
    """Bytes read like a file, without copying them into a BytesIO."""

    def __init__(self, data: bytes) -> None:
        self.view, self.at = memoryview(data), 0

    def read(self, n: int = -1) -> bytes:
        end = len(self.view) if n < 0 else min(len(self.view), self.at + n)
        chunk, self.at = bytes(self.view[self.at:end]), end
        return chunk


def blobs_for(data_dir: Path) -> FileBlobs:
    """The filesystem store of a data directory (the default)."""
    return FileBlobs(data_dir / "media")


@dataclass(frozen=True, slots=True)
class Location:
    """Where ``NEWSWIRE_MEDIA_URL`` puts the blobs: a folder, or a bucket and key prefix."""

    scheme: str  # "file" or "s3"
    path: Path | None = None
    bucket: str = ""
    prefix: str = ""  # "" or ending in "/"


def location(url: str | None, data_dir: Path) -> Location:
    """``NEWSWIRE_MEDIA_URL`` read: unset -> ``<data_dir>/media``; ``file:///abs/path``;
    ``s3://bucket[/prefix]``. Anything else raises :class:`MediaStoreError`."""
    if not url:
        return Location("file", path=data_dir / "media")
    parts = urlsplit(url)
    if parts.scheme == "file" and parts.netloc in ("", "localhost") and parts.path and not parts.query:
        return Location("file", path=Path(unquote(parts.path)))
    if parts.scheme == "s3" and parts.netloc and not parts.query and not parts.fragment:
        prefix = unquote(parts.path).strip("/")
        return Location("s3", bucket=parts.netloc, prefix=f"{prefix}/" if prefix else "")
    raise MediaStoreError(f"NEWSWIRE_MEDIA_URL={url!r} is neither file:///path nor s3://bucket/prefix")


_opened: dict[tuple[object, ...], BlobStore] = {}
_opening = threading.Lock()


def store_for(settings: Settings) -> BlobStore:
    """The blob store ``settings`` configure, one per process and configuration (an S3 client
    is thread-safe and keeps its connections): the API, the embedded worker and ingest share it.
    Raises :class:`MediaStoreError` when it cannot be opened (a bad URL, boto3 missing)."""
    where = location(settings.media_url, settings.data_dir)
    if where.scheme == "file":
        assert where.path is not None
        return FileBlobs(where.path)
    key = (where, settings.s3_endpoint, settings.data_dir.resolve())
    with _opening:
        if key not in _opened:
            try:
                from newswire.media.s3 import S3Blobs
            except ImportError as exc:
                raise MediaStoreError(
                    f"NEWSWIRE_MEDIA_URL is {settings.media_url} but the S3 client is not installed "
                    f"({exc.name} is missing): pip install 'newswire[s3]'") from exc
            _opened[key] = S3Blobs.open(where.bucket, where.prefix, endpoint=settings.s3_endpoint,
                                        spool_dir=settings.data_dir / "media" / "tmp")
        return _opened[key]
