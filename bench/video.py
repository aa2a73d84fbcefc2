"""A large video through ``/v1/media`` (issue 12's third benchmark), baseline in the same run.

    .venv/bin/python bench/video.py [--mb 200] [--downloads 5]

Makes a real H.264 MP4 of about ``--mb`` megabytes with PyAV (1920x1080 frames of fresh noise
coded losslessly, so every frame is ~5 MB and the file is made in seconds rather than by a long
encode; index first), uploads it to a ``newswire serve`` (SQLite, no embedded worker: the
renditions do not compete for the CPU while the original is read) with ``POST /v1/media``,
and downloads the ``original`` through a subscriber's signed ``/v1/media`` href: whole, and
in 4 MiB Range pieces as a player seeking or a download manager would. The same file is then
served by a bare Starlette ``FileResponse`` (``bench/bare_fileserver.py``) and downloaded the
same way. MB/s over ``--downloads`` sequential downloads on one connection, after a warm-up.

Prints ONE JSON line.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from media_delivery import local, serve, throughput

from httpload import wait_until_up

PORT, BARE_PORT = 8741, 8742
WIDTH, HEIGHT = 1920, 1080
FRAME_BYTES = 4_950_000  # a 1080p frame of noise, coded losslessly (measured: more than its raw 3.1 MB)


def noise_video(path: Path, megabytes: int) -> Path:
    """An H.264 MP4 of about ``megabytes`` MB: frames of noise (nothing to predict), coded losslessly."""
    import av
    import numpy as np

    frames = max(2, round(megabytes * 1e6 / FRAME_BYTES))
    noise = np.random.default_rng(12)
    with av.open(str(path), "w", format="mp4", options={"movflags": "+faststart"}) as out:
        stream = out.add_stream("libx264", rate=25)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.options = {"qp": "0", "preset": "ultrafast"}
        for index in range(frames):
            planes = noise.integers(0, 256, (HEIGHT * 3 // 2, WIDTH), dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(planes, format="yuv420p")
            frame.pts = index
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    return path


def speeds(client: httpx.Client, path: str, size: int, runs: int) -> tuple[float, float]:
    throughput(client, path, size, 1, False)  # warm up
    return throughput(client, path, size, runs, False), throughput(client, path, size, runs, True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=200)
    parser.add_argument("--downloads", type=int, default=5)
    args = parser.parse_args()
    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        video = noise_video(Path(tmp) / "large.mp4", args.mb)
        size = video.stat().st_size
        result.update(video_mb=round(size / 1e6, 1), generate_s=round(time.perf_counter() - started, 1))
        server, _env, key, token = serve(tmp, PORT, max_media_bytes=2 * size, NEWSWIRE_NO_EMBEDDED_WORKER="1")
        base = f"http://127.0.0.1:{PORT}"
        try:
            wait_until_up(server, PORT)
            editor = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=600)
            started = time.perf_counter()
            with video.open("rb") as body:
                answer = editor.post("/v1/media", content=body, headers={"Content-Type": "video/mp4"})
            assert answer.status_code == 201, answer.text
            result["upload_s"] = round(time.perf_counter() - started, 2)
            reader = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=600)
            item = reader.get(f"/v1/items/{answer.json()['uri']}").json()
            original = next(r for r in item["renditions"] if r["name"] == "original")
            assert original["sizeInBytes"] == size and original["duration"] > 0
            anyone = httpx.Client(base_url=base, timeout=600)
            result["download_mb_s"], result["download_range_mb_s"] = speeds(anyone, local(original["href"]), size,
                                                                             args.downloads)
        finally:
            server.terminate()
            server.wait(10)
        bare = subprocess.Popen([sys.executable, str(Path(__file__).with_name("bare_fileserver.py")), str(BARE_PORT),
                                 str(video)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_up(bare, BARE_PORT)
            plain = httpx.Client(base_url=f"http://127.0.0.1:{BARE_PORT}", timeout=600)
            result["bare_download_mb_s"], result["bare_download_range_mb_s"] = speeds(plain, "/file", size,
                                                                                       args.downloads)
        finally:
            bare.terminate()
            bare.wait(10)
    for kind in ("download", "download_range"):
        ours, baseline = result[f"{kind}_mb_s"], result[f"bare_{kind}_mb_s"]
        assert isinstance(ours, float) and isinstance(baseline, float)
        result[f"{kind}_vs_bare"] = round(ours / baseline, 2)  # above 1: faster than the bare server
    print(json.dumps(result))


if __name__ == "__main__":
    main()
