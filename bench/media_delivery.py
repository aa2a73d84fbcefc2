"""Pictures end to end over HTTP (issue 12's second and third benchmarks), baseline in the same run.

    .venv/bin/python bench/media_delivery.py [--uploads 8] [--downloads 20]

A ``newswire serve`` (SQLite, its embedded worker making renditions) on a fresh data folder:

- ``upload``: ``POST /v1/media`` of a ~20 MB 6000x4000 JPEG (noise, so it compresses badly;
  each upload a different file). ``publish``: until the answer (the item is stored, routed and
  delivered: the feed has it); ``first_notice``: until a subscriber's long-poll on
  ``/v1/feed`` returns it; ``rendition_ready``: until its signed ``viewImage`` href answers
  200 (polled every 20 ms). Decision documented in the README: the item is delivered at once,
  naming renditions with their final sizes; a rendition asked for before it exists answers
  503 with Retry-After.
- ``download``: the same original (whole, then in 4 MiB Range pieces) through its signed
  ``/v1/media`` href, against the same bytes served by a bare Starlette ``FileResponse``
  (``bench/bare_fileserver.py``) on the same machine in the same run. MB/s over
  ``--downloads`` sequential downloads on one connection.
- ``s3_download``: the same original through the same signed href from a second ``newswire
  serve`` (same database) whose blob store is an S3 bucket (``NEWSWIRE_MEDIA_URL=s3://...``)
  on moto's S3 API server on loopback (``--no-s3`` skips it; skipped when moto is not
  installed). moto is a Python server holding objects in memory, so this bounds the S3 path
  from below; ``s3_download_vs_file`` is its speed over the filesystem store's, and
  ``moto_get_object_mb_s`` the same object read straight from moto with boto3 (the ceiling).

Prints ONE JSON line. p99 of a handful of uploads is their maximum.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from PIL import Image

from newswire.config import Settings
from newswire.store import accounts
from newswire.store.tokens import create_token
from newswire.wire import Wire

from httpload import wait_until_up

PORT, BARE_PORT, MOTO_PORT, S3_PORT = 8731, 8732, 8733, 8734
S3_ENV = {"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench", "AWS_DEFAULT_REGION": "us-east-1",
          "AWS_EC2_METADATA_DISABLED": "true", "NO_PROXY": "127.0.0.1"}
RANGE = 4 * 1024 * 1024


def big_jpeg(seed: int) -> bytes:
    noise = Image.effect_noise((6000, 4000), 60 + seed % 20).convert("RGB")
    noise.paste((seed * 37 % 256, 90, 160), (0, 0, 40 + seed, 40))
    out = io.BytesIO()
    noise.save(out, "JPEG", quality=95)
    return out.getvalue()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def ms(values: list[float]) -> dict[str, float]:
    return {"p50_ms": round(statistics.median(values) * 1000, 1), "p99_ms": round(percentile(values, 0.99) * 1000, 1)}


def local(href: str) -> str:
    parts = urlsplit(href)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def throughput(client: httpx.Client, path: str, size: int, runs: int, ranged: bool) -> float:
    """MB/s over ``runs`` downloads of ``path`` (whole, or in RANGE pieces)."""
    start, got = time.perf_counter(), 0
    for _ in range(runs):
        spans = [(at, min(size, at + RANGE) - 1) for at in range(0, size, RANGE)] if ranged else [None]
        for span in spans:
            headers = {"Range": f"bytes={span[0]}-{span[1]}"} if span else {}
            with client.stream("GET", path, headers=headers) as resp:
                assert resp.status_code == (206 if span else 200), resp.status_code
                for chunk in resp.iter_bytes(1024 * 1024):
                    got += len(chunk)
    assert got == size * runs, (got, size * runs)
    return round(got / (time.perf_counter() - start) / 1e6, 1)


def s3_downloads(env: dict[str, str], original: str, data: bytes, runs: int) -> dict[str, float]:
    """The original served by a node whose blob store is a bucket on moto's S3 server."""
    os.environ.update(S3_ENV)
    from newswire.media.s3 import S3Blobs

    endpoint = f"http://127.0.0.1:{MOTO_PORT}"
    moto = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(MOTO_PORT)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    node = None
    try:
        store = S3Blobs.open("bench-media", "wire/", endpoint=endpoint, spool_dir=Path(env["NEWSWIRE_DATA_DIR"]))
        deadline = time.monotonic() + 60
        while True:
            try:
                store.client.create_bucket(Bucket="bench-media")
                break
            except Exception:
                if moto.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        store.put_bytes(data)  # the same content address: the same signed href answers from the bucket
        node = subprocess.Popen([str(Path(sys.executable).with_name("newswire")), "serve", "--port", str(S3_PORT)],
                                env={**env, **S3_ENV, "NEWSWIRE_MEDIA_URL": "s3://bench-media/wire",
                                     "NEWSWIRE_S3_ENDPOINT": endpoint, "NEWSWIRE_NO_EMBEDDED_WORKER": "1"},
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until_up(node, S3_PORT)
        anyone = httpx.Client(base_url=f"http://127.0.0.1:{S3_PORT}", timeout=120)
        throughput(anyone, original, len(data), 2, False)
        found = {"s3_download_mb_s": throughput(anyone, original, len(data), runs, False),
                 "s3_download_range_mb_s": throughput(anyone, original, len(data), runs, True)}
        start, got = time.perf_counter(), 0  # the baseline: GetObject straight from moto, no wire between
        for _ in range(runs):
            body = store.client.get_object(Bucket="bench-media", Key=store.key(hashlib.sha256(data).hexdigest()))
            got += sum(len(chunk) for chunk in body["Body"].iter_chunks(1024 * 1024))
        found["moto_get_object_mb_s"] = round(got / (time.perf_counter() - start) / 1e6, 1)
        return found
    finally:
        for proc in (node, moto):
            if proc is not None:
                proc.terminate()
                proc.wait(10)



def serve(tmp: str, port: int, *, max_media_bytes: int, **env: str
          ) -> tuple[subprocess.Popen[bytes], dict[str, str], str, str]:
    """``newswire serve`` on a new SQLite store in ``tmp`` with one subscriber who may have
    everything: the server, its environment, the subscriber's key and an editor's token."""
    url = f"sqlite:///{tmp}/media.db"
    wire = Wire.open(Settings(database_url=url, data_dir=Path(tmp)))
    accounts.create_product(wire.engine, "all", {})
    sub = accounts.create_subscriber(wire.engine, "bench", ["all"], rate_limit=10**9)
    key = create_token(wire.engine, "subscriber", subscriber_id=sub.id)
    token = create_token(wire.engine, "editor")
    wire.close()
    env = {**os.environ, "NEWSWIRE_DATABASE_URL": url, "NEWSWIRE_DATA_DIR": tmp,
           "NEWSWIRE_BASE_URL": f"http://127.0.0.1:{port}", "NEWSWIRE_MAX_MEDIA_BYTES": str(max_media_bytes), **env}
    server = subprocess.Popen([str(Path(sys.executable).with_name("newswire")), "serve", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return server, env, key, token

def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--uploads", type=int, default=8)
    parser.add_argument("--downloads", type=int, default=20)
    parser.add_argument("--no-s3", action="store_true", help="skip the download through an S3 store")
    args = parser.parse_args()
    try:
        import moto.server  # noqa: F401
    except ImportError:
        args.no_s3 = True
    files = [big_jpeg(n) for n in range(args.uploads)]
    result: dict[str, object] = {"uploads": args.uploads, "upload_mb": round(statistics.mean(map(len, files)) / 1e6, 1)}
    with tempfile.TemporaryDirectory() as tmp:
        server, env, key, token = serve(tmp, PORT, max_media_bytes=100 * 1024 * 1024)
        base = f"http://127.0.0.1:{PORT}"
        try:
            wait_until_up(server, PORT)
            editor = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=120)
            reader = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=120)
            cursor = reader.get("/v1/feed", params={"after": "0", "limit": "200"}).json()["next"]
            publish, notice, ready = [], [], []
            original = ""
            for data in files:
                start = time.perf_counter()
                answer = editor.post("/v1/media", content=data, headers={"Content-Type": "image/jpeg"})
                assert answer.status_code == 201, answer.text
                publish.append(time.perf_counter() - start)
                uri = answer.json()["uri"]
                while True:  # the subscriber's long-poll, as a client waiting for news would
                    page = reader.get("/v1/feed", params={"after": cursor, "wait": "10"}).json()
                    cursor = page["next"]
                    if any(e["item"]["uri"] == uri for e in page["events"]):
                        notice.append(time.perf_counter() - start)
                        break
                item = reader.get(f"/v1/items/{uri}").json()
                hrefs = {r["name"]: r["href"] for r in item["renditions"]}
                while reader.get(local(hrefs["viewImage"])).status_code != 200:
                    time.sleep(0.02)
                ready.append(time.perf_counter() - start)
                original = local(hrefs["original"])
            result.update({f"publish_{k}": v for k, v in ms(publish).items()})
            result.update({f"first_notice_{k}": v for k, v in ms(notice).items()})
            result.update({f"rendition_ready_{k}": v for k, v in ms(ready).items()})
            size = len(files[-1])
            anyone = httpx.Client(base_url=base, timeout=120)
            throughput(anyone, original, size, 2, False)  # warm up
            result["download_mb_s"] = throughput(anyone, original, size, args.downloads, False)
            result["download_range_mb_s"] = throughput(anyone, original, size, args.downloads, True)
        finally:
            server.terminate()
            server.wait(10)
        if not args.no_s3:
            result.update(s3_downloads(env, original, files[-1], args.downloads))
        path = Path(tmp) / "original.jpg"
        path.write_bytes(files[-1])
        bare = subprocess.Popen([sys.executable, str(Path(__file__).with_name("bare_fileserver.py")), str(BARE_PORT),
                                 str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_up(bare, BARE_PORT)
            plain = httpx.Client(base_url=f"http://127.0.0.1:{BARE_PORT}", timeout=120)
            throughput(plain, "/file", size, 2, False)
            result["bare_download_mb_s"] = throughput(plain, "/file", size, args.downloads, False)
            result["bare_download_range_mb_s"] = throughput(plain, "/file", size, args.downloads, True)
        finally:
            bare.terminate()
            bare.wait(10)
    ours, bare_speed = result["download_mb_s"], result["bare_download_mb_s"]
    assert isinstance(ours, float) and isinstance(bare_speed, float)
    result["download_speed_vs_bare"] = round(ours / bare_speed, 2)  # above 1: faster than the bare server
    if "s3_download_mb_s" in result:
        s3_speed = result["s3_download_mb_s"]
        assert isinstance(s3_speed, float)
        result["s3_download_vs_file"] = round(s3_speed / ours, 2)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
