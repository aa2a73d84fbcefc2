"""Pictures in an S3 bucket, end to end over real HTTP: an editor uploads to one node, the
rendition worker reads the original from the bucket and writes its renditions there, and a
subscriber downloads them, with Range, through the signed href from another node sharing the
bucket, the database and the signing keys (moto's S3 API server stands in for S3)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.fernet import Fernet
from PIL import Image
from test_media_api import fetch_when_made, local, renditions, unique_jpeg, upload

from newswire.media import assets
from newswire.store.items import last_seq
from newswire.store.tokens import create_token
from newswire.wire import Wire

from conftest import LiveServer, S3Server, open_wire, start_server
from wirekit import subscriber

RENDITIONS = ("baseImage", "viewImage", "thumbnail", "preview")


def s3_node(db_url: str, s3: S3Server, bucket: str, secret: str, **settings: Any) -> Wire:
    """A node: its own data folder, the shared database, bucket and signing keys."""
    return open_wire(db_url, media_url=f"s3://{bucket}/wire/media", s3_endpoint=s3.endpoint,
                     secret_keys=(secret,), agency_name="Test Agency", **settings)


@pytest.fixture
def shared(s3_server: S3Server) -> tuple[str, str]:
    return s3_server.bucket(), Fernet.generate_key().decode()


@pytest.fixture
def node(db_url: str, s3_server: S3Server, shared: tuple[str, str]) -> Iterator[LiveServer]:
    wire = s3_node(db_url, s3_server, *shared)
    srv = start_server(wire)
    yield srv
    srv.stop()
    wire.close()


def media_files(wire: Wire) -> list[Path]:
    """Files a node keeps on its own disk under its data folder's media (spooled uploads are gone)."""
    return [p for p in (wire.settings.data_dir / "media").rglob("*") if p.is_file()]


def editor_of(srv: LiveServer) -> httpx.Client:
    key = create_token(srv.wire.engine, "editor")
    return httpx.Client(base_url=srv.url, headers={"Authorization": f"Bearer {key}"}, timeout=30)


def test_an_upload_its_renditions_and_ranged_downloads_live_in_the_bucket(
        node: LiveServer, s3_server: S3Server, shared: tuple[str, str]) -> None:
    bucket = shared[0]
    data = unique_jpeg((1600, 1200))
    with editor_of(node) as editor:
        resp = upload(editor, data)
    assert resp.status_code == 201, resp.text
    assert type(node.server.config.app.state.media_blobs).__name__ == "S3Blobs"  # type: ignore[attr-defined]
    sub = subscriber(node, "s3-reader")
    item = sub.client.get(f"/v1/items/{resp.json()['uri']}").json()
    anonymous = httpx.Client(base_url=node.url, timeout=30)
    view = renditions(item)["viewImage"]
    whole = fetch_when_made(anonymous, view["href"])  # the embedded worker made it into the bucket
    assert whole.status_code == 200, whole.text
    assert Image.open(io.BytesIO(whole.content)).size == (view["width"], view["height"])
    part = anonymous.get(local(view["href"]), headers={"Range": "bytes=100-4195"})
    assert part.status_code == 206 and part.content == whole.content[100:4196]
    assert part.headers["content-range"] == f"bytes 100-4195/{len(whole.content)}"
    assert part.headers["etag"] == whole.headers["etag"] and "immutable" in whole.headers["cache-control"]
    assert anonymous.get(local(view["href"]), headers={"If-None-Match": whole.headers["etag"]}).status_code == 304
    original = anonymous.get(local(renditions(item)["original"]["href"]), headers={"Range": "bytes=-1000"})
    assert original.status_code == 206 and original.content == data[-1000:]
    asset = assets.shown_by(node.wire.engine, item["uri"], 1)
    assert asset is not None
    made = [assets.made(node.wire.engine, asset.sha256, name) for name in RENDITIONS]
    assert s3_server.keys(bucket) == sorted(f"wire/media/{blob}" for blob in
                                            {asset.sha256, *(m.blob for m in made if m is not None)})
    assert len(made) == 4 and all(made)
    assert media_files(node.wire) == []  # nothing on the node's own disk


def test_one_node_takes_the_upload_the_other_makes_the_renditions_and_serves_them(
        db_url: str, s3_server: S3Server, shared: tuple[str, str]) -> None:
    uploads = s3_node(db_url, s3_server, *shared, embedded_worker=False)  # an API node without a worker
    serves = s3_node(db_url, s3_server, *shared)  # its embedded worker makes the renditions
    nodes = [start_server(w) for w in (uploads, serves)]
    try:
        data = unique_jpeg((1200, 900))
        with editor_of(nodes[0]) as editor:
            doc = upload(editor, data).json()
        sub = subscriber(nodes[0], "s3-two-nodes")
        item = sub.client.get(f"/v1/items/{doc['uri']}").json()  # read from the node that took the upload
        elsewhere = httpx.Client(base_url=nodes[1].url, timeout=30)  # downloaded from the other one
        for name, rendition in renditions(item).items():
            got = fetch_when_made(elsewhere, rendition["href"], headers={"Range": "bytes=0-99"})
            assert got.status_code == 206, (name, got.text)
            whole = elsewhere.get(local(rendition["href"]))
            assert whole.status_code == 200 and whole.content[:100] == got.content
            assert got.headers["content-range"] == f"bytes 0-99/{len(whole.content)}"
            if name == "original":
                assert whole.content == data
            else:
                assert Image.open(io.BytesIO(whole.content)).size == (rendition["width"], rendition["height"])
        assert media_files(uploads) == media_files(serves) == []
    finally:
        for srv in nodes:
            srv.stop()
        for w in (uploads, serves):
            w.close()


def test_an_upload_the_bucket_cannot_take_is_a_503_and_publishes_nothing(
        db_url: str, s3_server: S3Server, shared: tuple[str, str]) -> None:
    wire = s3_node(db_url, s3_server, "no-such-bucket-here", shared[1])
    srv = start_server(wire)
    try:
        before = last_seq(wire.engine)
        with editor_of(srv) as editor:
            resp = upload(editor, unique_jpeg())
            assert resp.status_code == 503, resp.text
            assert resp.headers["content-type"] == "application/problem+json" and resp.headers["retry-after"]
            assert resp.json()["title"] == "Media store unavailable"
        assert last_seq(wire.engine) == before  # no item, no event
    finally:
        srv.stop()
        wire.close()
