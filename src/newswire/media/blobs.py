"""Blob storage behind one narrow interface: content-addressed, written whole or not at all.

A blob is named by the SHA-256 of its bytes, so a name never points at different content and
a rendition made twice is stored once. :class:`FileBlobs` keeps them under
``<data_dir>/media/ab/cd/<sha256>``: every write goes to a temporary file in the same folder,
is flushed to disk and renamed into place, so a reader (or a crash) never sees a partial
file. An S3-compatible store implements the same four methods (put_file, size, read_range,
delete) and nothing else changes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

CHUNK = 1024 * 1024


class BlobStore(Protocol):
    def put_file(self, path: Path) -> tuple[str, int]:
        """Store a local file's bytes; (its SHA-256, its size). The file itself is left alone."""
        ...

    def size(self, sha256: str) -> int | None:
        """The blob's size, or None when it is not stored."""
        ...

    def read_range(self, sha256: str, start: int, length: int) -> Iterator[bytes]:
        """``length`` bytes from ``start``, in chunks."""
        ...

    def delete(self, sha256: str) -> None:
        ...


def is_sha256(name: str) -> bool:
    return len(name) == 64 and all(c in "0123456789abcdef" for c in name)


def file_sha256(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


class FileBlobs:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError("a blob is named by a lower-case hex SHA-256")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def spool(self) -> tempfile._TemporaryFileWrapper[bytes]:
        """A temporary file on the blob store's own disk (an upload streams into it)."""
        folder = self.root / "tmp"
        folder.mkdir(parents=True, exist_ok=True)
        return tempfile.NamedTemporaryFile(dir=folder, prefix="upload-", delete=True)

    def put_file(self, path: Path) -> tuple[str, int]:
        sha, size = file_sha256(path)
        if self.size(sha) == size:
            return sha, size
        with path.open("rb") as source:
            self._write(sha, source)
        return sha, size

    def put_bytes(self, data: bytes) -> tuple[str, int]:
        sha = hashlib.sha256(data).hexdigest()
        if self.size(sha) != len(data):
            target = self.path(sha)
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            self._commit(Path(tmp), target)
        return sha, len(data)

    def _write(self, sha: str, source: BinaryIO) -> None:
        target = self.path(sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
        with os.fdopen(fd, "wb") as out:
            while chunk := source.read(CHUNK):
                out.write(chunk)
        self._commit(Path(tmp), target)

    @staticmethod
    def _commit(tmp: Path, target: Path) -> None:
        try:
            with tmp.open("rb+") as f:
                os.fsync(f.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)  # atomic on one filesystem: the name appears complete
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise

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

    def delete(self, sha256: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path(sha256).unlink()


def blobs_for(data_dir: Path) -> FileBlobs:
    return FileBlobs(data_dir / "media")
