"""The blob store's contract, held by both stores: the filesystem under the data folder and an
S3-compatible bucket (moto's S3 API server on loopback). A blob is named by its bytes' SHA-256,
stored whole or not at all, read back in any byte range, and the same bytes twice are one blob."""

from __future__ import annotations

import hashlib
import io
import os
import socket
import threading
import tracemalloc
from pathlib import Path

import pytest

from newswire.config import Settings
from newswire.media.blobs import (
    BlobStore,
    DigestMismatch,
    FileBlobs,
    Location,
    MediaStoreError,
    StoreUnavailable,
    location,
    store_for,
)

from conftest import S3Server

MiB = 1024 * 1024
try:
    from newswire.media.s3 import HEAD, PART, S3Blobs
except ImportError:  # no boto3: the S3 cases skip (s3_server says why), the folder's still run
    HEAD, PART = 16 * 1024, 8 * MiB


def noise(size: int, seed: int = 0) -> bytes:
    """Bytes that do not repeat (so a wrong offset cannot read the same bytes)."""
    out, block = bytearray(), hashlib.sha256(str(seed).encode()).digest()
    while len(out) < size:
        block = hashlib.sha256(block).digest()
        out += block
    return bytes(out[:size])


def big_file(path: Path, size: int, seed: int = 0) -> Path:
    """A file of ``size`` bytes written a MiB at a time (never whole in this process's memory)."""
    with path.open("wb") as f:
        for at in range(0, size, MiB):
            f.write(noise(min(MiB, size - at), seed * 100_000 + at))
    return path


@pytest.fixture(params=["file", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> BlobStore:
    if request.param == "file":
        return store_for(Settings(data_dir=tmp_path))
    s3: S3Server = request.getfixturevalue("s3_server")
    return store_for(Settings(data_dir=tmp_path, media_url=f"s3://{s3.bucket()}/wire/media", s3_endpoint=s3.endpoint))


def read_all(store: BlobStore, sha: str, start: int, length: int) -> bytes:
    return b"".join(store.read_range(sha, start, length))


def test_a_blob_is_named_by_its_sha256_and_read_back_whole(store: BlobStore, tmp_path: Path) -> None:
    data = noise(300_000)
    (tmp_path / "in.bin").write_bytes(data)
    sha, size = store.put_file(tmp_path / "in.bin")
    assert (sha, size) == (hashlib.sha256(data).hexdigest(), len(data))
    assert store.size(sha) == len(data)
    assert read_all(store, sha, 0, size) == data
    assert (tmp_path / "in.bin").read_bytes() == data  # the file given is left alone
    assert store.put_bytes(b"rendition") == (hashlib.sha256(b"rendition").hexdigest(), 9)
    assert read_all(store, hashlib.sha256(b"rendition").hexdigest(), 0, 9) == b"rendition"


@pytest.mark.parametrize(("start", "length"), [(0, 1), (0, 2), (2, 4), (HEAD - 10, 20), (HEAD, 100),
                                                (1000, MiB + 5000), (2 * MiB - 7, 7), (2 * MiB - 7, 500)])
def test_any_byte_range_reads_those_bytes_and_none_past_the_end(store: BlobStore, start: int, length: int) -> None:
    data = noise(2 * MiB)
    sha, _ = store.put_bytes(data)
    assert read_all(store, sha, start, length) == data[start:start + length]


def test_an_empty_range_or_one_past_the_end_reads_nothing(store: BlobStore) -> None:
    sha, size = store.put_bytes(noise(5000))
    assert read_all(store, sha, 0, 0) == b""
    assert read_all(store, sha, size, 10) == b""
    empty, _ = store.put_bytes(b"")
    assert store.size(empty) == 0 and read_all(store, empty, 0, 10) == b""


def test_the_same_bytes_again_are_the_same_blob(store: BlobStore, tmp_path: Path) -> None:
    data = noise(40_000, seed=1)
    first = store.put_bytes(data)
    (tmp_path / "again.bin").write_bytes(data)
    assert store.put_file(tmp_path / "again.bin") == first
    threads = [threading.Thread(target=store.put_bytes, args=(data,)) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.size(first[0]) == len(data) and read_all(store, first[0], 0, len(data)) == data


def test_bytes_offered_under_another_name_are_refused_and_nothing_is_stored(store: BlobStore) -> None:
    data = noise(10_000, seed=2)
    lie = hashlib.sha256(b"something else").hexdigest()
    with pytest.raises(DigestMismatch):
        store.write(lie, io.BytesIO(data))
    assert store.size(lie) is None
    assert store.write(hashlib.sha256(data).hexdigest(), io.BytesIO(data)) == len(data)


def test_a_large_blob_offered_under_another_name_is_refused_after_streaming(store: BlobStore,
                                                                            tmp_path: Path) -> None:
    path = big_file(tmp_path / "big.bin", PART + MiB, seed=3)  # past one part: a multipart upload in S3
    lie = hashlib.sha256(b"not these bytes").hexdigest()
    with path.open("rb") as f, pytest.raises(DigestMismatch):
        store.write(lie, f)
    assert store.size(lie) is None


def test_a_missing_blob_has_no_size_and_cannot_be_read(store: BlobStore) -> None:
    missing = hashlib.sha256(b"never stored").hexdigest()
    assert store.size(missing) is None
    with pytest.raises(FileNotFoundError):
        read_all(store, missing, 0, 10)
    with pytest.raises(FileNotFoundError), store.local(missing):
        pass
    store.delete(missing)  # nothing to delete is not an error


def test_names_that_are_not_a_sha256_are_refused(store: BlobStore) -> None:
    for name in ("../../etc/passwd", "A" * 64, "ab", ""):
        assert store.size(name) is None
        with pytest.raises(ValueError):
            store.write(name, io.BytesIO(b"x"))


def test_a_deleted_blob_is_gone(store: BlobStore) -> None:
    sha, _ = store.put_bytes(noise(100, seed=4))
    assert read_all(store, sha, 0, 4) == noise(100, seed=4)[:4]  # read once: a cache must not outlive it
    store.delete(sha)
    assert store.size(sha) is None
    with pytest.raises(FileNotFoundError):
        read_all(store, sha, 0, 4)


def test_a_local_file_holds_the_blob_for_decoders_that_want_a_path(store: BlobStore) -> None:
    data = noise(700_000, seed=5)
    sha, _ = store.put_bytes(data)
    with store.local(sha) as path:
        assert path.read_bytes() == data


def test_an_upload_spools_to_a_temporary_file_removed_when_closed(store: BlobStore) -> None:
    with store.spool() as spool:
        spool.write(b"streamed body")
        spool.flush()
        name = Path(spool.name)
        assert name.read_bytes() == b"streamed body"
        sha, _ = store.put_file(name)
    assert not name.exists()
    assert read_all(store, sha, 0, 100) == b"streamed body"


def test_a_large_file_is_stored_and_read_streaming_never_whole_in_memory(store: BlobStore, tmp_path: Path) -> None:
    size = 3 * PART + 12345  # four parts in S3
    path = big_file(tmp_path / "video.bin", size, seed=6)
    tracemalloc.start()
    try:
        sha, stored = store.put_file(path)
        _, peak_put = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        digest, read = hashlib.sha256(), 0
        for chunk in store.read_range(sha, 0, size):
            digest.update(chunk)
            read += len(chunk)
        _, peak_read = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert stored == read == size and digest.hexdigest() == sha
    assert peak_put < 2 * PART + 4 * MiB, peak_put  # about one part at a time, not the file's 24 MiB
    assert peak_read < 8 * MiB, peak_read


def test_the_media_url_names_the_store(tmp_path: Path) -> None:
    assert location(None, tmp_path) == Location("file", path=tmp_path / "media")
    assert location("file:///srv/wire%20media", tmp_path) == Location("file", path=Path("/srv/wire media"))
    assert location("s3://agency-media/wire/media/", tmp_path) == Location("s3", bucket="agency-media",
                                                                           prefix="wire/media/")
    assert location("s3://agency-media", tmp_path) == Location("s3", bucket="agency-media", prefix="")
    for bad in ("ftp://host/media", "s3:///no-bucket", "file://otherhost/media", "/srv/media", "s3://b/p?x=1"):
        with pytest.raises(MediaStoreError, match="NEWSWIRE_MEDIA_URL"):
            location(bad, tmp_path)
    shared = tmp_path / "shared"
    found = store_for(Settings(data_dir=tmp_path, media_url=shared.as_uri()))
    assert isinstance(found, FileBlobs) and found.root == shared


def test_objects_are_stored_under_the_prefix_by_their_content_address(s3_server: S3Server, tmp_path: Path) -> None:
    bucket = s3_server.bucket()
    store = store_for(Settings(data_dir=tmp_path, media_url=f"s3://{bucket}/wire", s3_endpoint=s3_server.endpoint))
    assert store is store_for(Settings(data_dir=tmp_path, media_url=f"s3://{bucket}/wire",
                                       s3_endpoint=s3_server.endpoint))  # one client per process
    sha, _ = store.put_bytes(b"picture")
    path = big_file(tmp_path / "big.bin", PART + 1, seed=7)
    big, _ = store.put_file(path)
    assert s3_server.keys(bucket) == sorted([f"wire/{sha}", f"wire/{big}"])
    # a refused multipart upload leaves no parts behind to pay for
    with path.open("rb") as f, pytest.raises(DigestMismatch):
        store.write(hashlib.sha256(b"other").hexdigest(), f)
    assert not s3_server.client.list_multipart_uploads(Bucket=bucket).get("Uploads")  # type: ignore[attr-defined]
    assert not [p for p in tmp_path.rglob("*") if p.is_file() and p != path]  # nothing on the node's disk


def test_without_boto3_an_s3_store_stops_the_node_with_what_to_install(tmp_path: Path) -> None:
    import subprocess
    import sys

    blocked = ("import sys; sys.modules['boto3'] = None\n"  # as on a node installed without the extra s3
               "from newswire.cli import main; sys.argv = ['newswire', 'serve']; main()\n")
    env = {**os.environ, "NEWSWIRE_MEDIA_URL": "s3://agency-media/wire", "NEWSWIRE_DATA_DIR": str(tmp_path),
           "NEWSWIRE_DATABASE_URL": f"sqlite:///{tmp_path}/wire.db"}
    done = subprocess.run([sys.executable, "-c", blocked], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "pip install 'newswire[s3]'" in done.stderr and "Traceback" not in done.stderr
    env["NEWSWIRE_MEDIA_URL"] = "ftp://media.example/wire"
    done = subprocess.run([sys.executable, "-c", blocked], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and "NEWSWIRE_MEDIA_URL" in done.stderr and "Traceback" not in done.stderr


def test_a_bucket_that_is_not_there_or_a_server_that_does_not_answer_is_an_unavailable_store(
        s3_server: S3Server, tmp_path: Path) -> None:
    import boto3
    from botocore.config import Config

    gone = store_for(Settings(data_dir=tmp_path, media_url="s3://no-such-bucket-here/wire",
                              s3_endpoint=s3_server.endpoint))
    sha = hashlib.sha256(b"x").hexdigest()
    with pytest.raises(StoreUnavailable, match="NoSuchBucket"):
        gone.put_bytes(b"x")
    with pytest.raises(StoreUnavailable):
        read_all(gone, sha, 0, 1)
    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    client = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{port}",
                          config=Config(retries={"max_attempts": 1}, connect_timeout=2))
    silent = S3Blobs(client, "media", "", tmp_path / "spool")
    for attempt in (lambda: silent.size(sha), lambda: silent.put_bytes(b"x"), lambda: read_all(silent, sha, 0, 1),
                    lambda: silent.delete(sha)):
        with pytest.raises(StoreUnavailable, match="could not be reached"):
            attempt()
