"""The blob store in an S3-compatible bucket (``NEWSWIRE_MEDIA_URL=s3://bucket/prefix``), so
several nodes share one set of originals and renditions.

An object is named ``<prefix><sha256>`` and is never visible partly written: a blob up to one
part (8 MiB) is one PUT, larger ones a multipart upload that appears only when completed. The
bytes are hashed as they are read and must match their name before the PUT is sent or the
upload completed (else it is aborted); each request also carries its SHA-256
(``x-amz-checksum-sha256``, the whole blob's for a single PUT: its content address), which S3
and MinIO check before storing. Memory per upload is one part, whatever the file's size.

Reads are ranged GETs streamed in 1 MiB chunks. The first bytes of recently served blobs are
kept in a small cache: blobs never change, and a download of a derived JPEG reads its first
segments to place the version's metadata before streaming the rest.

boto3 is synchronous: every call here runs in a worker thread (the API's threadpool, the
rendition worker's thread), never on the event loop. Credentials and region come from the
standard AWS variables (``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_REGION``,
``AWS_PROFILE``, instance roles...); ``NEWSWIRE_S3_ENDPOINT`` names another S3-compatible server.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import boto3
from boto3.exceptions import Boto3Error
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from newswire.media.blobs import (
    CHUNK,
    ContentAddressed,
    DigestMismatch,
    Spool,
    StoreUnavailable,
    checked,
    is_sha256,
    spool_in,
)

PART = 8 * 1024 * 1024  # S3's parts are 5 MiB at least; 10,000 of these make 80 GiB
HEAD = 16 * 1024  # first bytes kept per blob: a JPEG's leading segments, a whole small thumbnail
HEADS = 256  # blobs whose first bytes are kept (4 MiB)
_MISSING = {"404", "NoSuchKey", "NotFound"}
_session_lock = threading.Lock()


@functools.cache
def _session() -> boto3.session.Session:
    """One per process: its service models are loaded once for every store opened."""
    return boto3.session.Session()


def _b64(digest: bytes) -> str:
    return base64.b64encode(digest).decode()


@contextlib.contextmanager
def _s3(what: str) -> Iterator[None]:
    """S3's failures as the store's: a missing object is FileNotFoundError; anything else that
    stops a request (refused, unreachable, timed out, cut off) is :class:`StoreUnavailable`."""
    try:
        yield
    except ClientError as exc:
        error = exc.response.get("Error", {})
        if error.get("Code") in _MISSING:
            raise FileNotFoundError(f"{what} is not stored") from exc
        raise StoreUnavailable(f"S3 refused {what}: {error.get('Code')} {error.get('Message', '')}".strip()) from exc
    except (BotoCoreError, Boto3Error) as exc:  # Boto3Error: a download's retries ran out
        raise StoreUnavailable(f"S3 could not be reached for {what}: {exc}") from exc


def _fill(buffer: bytearray, source: BinaryIO, size: int) -> bytearray:
    """``buffer`` refilled with up to ``size`` bytes of ``source`` (fewer only at its end): one
    part in memory, reused from part to part."""
    del buffer[:]
    while len(buffer) < size and (chunk := source.read(min(CHUNK, size - len(buffer)))):
        buffer += chunk
    return buffer


class S3Blobs(ContentAddressed):
    def __init__(self, client: Any, bucket: str, prefix: str, spool_dir: Path, *, part_size: int = PART) -> None:
        self.client, self.bucket, self.prefix = client, bucket, prefix
        self.spool_dir, self.part_size = spool_dir, part_size
        self._heads: OrderedDict[str, bytes] = OrderedDict()
        self._heads_lock = threading.Lock()

    @classmethod
    def open(cls, bucket: str, prefix: str, *, endpoint: str | None, spool_dir: Path) -> S3Blobs:
        config = Config(max_pool_connections=64,  # one per download being streamed, per node
                        connect_timeout=5, read_timeout=60, retries={"max_attempts": 5, "mode": "standard"},
                        # another server (MinIO...) is addressed by path: no DNS name per bucket needed
                        s3={"addressing_style": "path"} if endpoint else None)
        with _session_lock:  # a session is not thread-safe; the clients it makes are
            client = _session().client("s3", endpoint_url=endpoint, config=config)
        return cls(client, bucket, prefix, spool_dir)

    def key(self, sha256: str) -> str:
        return self.prefix + checked(sha256)

    def spool(self) -> Spool[bytes]:
        return spool_in(self.spool_dir)

    def write(self, sha256: str, source: BinaryIO) -> int:
        key, digest = self.key(sha256), hashlib.sha256()
        part = _fill(bytearray(), source, self.part_size)
        digest.update(part)
        if len(part) < self.part_size:  # the whole blob: one PUT
            if digest.hexdigest() != sha256:
                raise DigestMismatch(f"the bytes hash to {digest.hexdigest()}, not {sha256}")
            with _s3(f"storing blob {sha256}"):
                self.client.put_object(Bucket=self.bucket, Key=key, Body=part, ChecksumSHA256=_b64(digest.digest()))
            return len(part)
        with _s3(f"storing blob {sha256}"):
            upload = self.client.create_multipart_upload(Bucket=self.bucket, Key=key, ChecksumAlgorithm="SHA256")
            try:
                parts: list[dict[str, Any]] = []
                size = 0
                while part:
                    checksum = _b64(hashlib.sha256(part).digest())
                    done = self.client.upload_part(Bucket=self.bucket, Key=key, UploadId=upload["UploadId"],
                                                   PartNumber=len(parts) + 1, Body=part, ChecksumSHA256=checksum)
                    parts.append({"PartNumber": len(parts) + 1, "ETag": done["ETag"], "ChecksumSHA256": checksum})
                    size += len(part)
                    digest.update(_fill(part, source, self.part_size))
                if digest.hexdigest() != sha256:
                    raise DigestMismatch(f"the bytes hash to {digest.hexdigest()}, not {sha256}")
                self.client.complete_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload["UploadId"],
                                                      MultipartUpload={"Parts": parts})
            except BaseException:
                with contextlib.suppress(Exception):  # nothing was visible; the parts are dropped
                    self.client.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload["UploadId"])
                raise
        return size

    def size(self, sha256: str) -> int | None:
        if not is_sha256(sha256):
            return None
        try:
            with _s3(f"blob {sha256}"):
                return int(self.client.head_object(Bucket=self.bucket, Key=self.key(sha256))["ContentLength"])
        except FileNotFoundError:
            return None

    def read_range(self, sha256: str, start: int, length: int) -> Iterator[bytes]:
        if length <= 0:
            return
        if start + length <= HEAD:
            if part := self._head(sha256)[start:start + length]:
                yield part
            return
        yield from self._get(sha256, start, length)

    def _head(self, sha256: str) -> bytes:
        with self._heads_lock:
            if (found := self._heads.get(sha256)) is not None:
                self._heads.move_to_end(sha256)
                return found
        head = b"".join(self._get(sha256, 0, HEAD))
        with self._heads_lock:
            self._heads[sha256] = head
            while len(self._heads) > HEADS:
                self._heads.popitem(last=False)
        return head

    def _get(self, sha256: str, start: int, length: int) -> Iterator[bytes]:
        """A ranged GET, streamed."""
        with _s3(f"blob {sha256}"):
            try:
                body = self.client.get_object(Bucket=self.bucket, Key=self.key(sha256),
                                              Range=f"bytes={start}-{start + length - 1}")["Body"]
            except ClientError as exc:
                if exc.response.get("Error", {}).get("Code") == "InvalidRange":  # from past its end: nothing
                    return
                raise
            try:
                yield from body.iter_chunks(CHUNK)
            finally:
                body.close()  # a client that went away frees the connection

    @contextlib.contextmanager
    def local(self, sha256: str) -> Iterator[Path]:
        with self.spool() as copy:
            with _s3(f"blob {sha256}"):
                self.client.download_fileobj(self.bucket, self.key(sha256), copy)
            copy.flush()
            yield Path(copy.name)

    def delete(self, sha256: str) -> None:
        with _s3(f"deleting blob {sha256}"):
            self.client.delete_object(Bucket=self.bucket, Key=self.key(sha256))
        with self._heads_lock:
            self._heads.pop(sha256, None)
