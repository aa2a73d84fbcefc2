"""Renditions of a 24-megapixel JPEG: the wire's worker step against bare Pillow doing the
same resizes directly, measured in the same run (issue 12's first benchmark).

    .venv/bin/python bench/media.py [--runs 5] [--workers 2] [--pictures 12]

The picture (6000x4000, camera-like detail: a gradient with noise, EXIF orientation 1) is
made by the script. ``wire``: ``media.renditions.render_all`` (open with the accepted
formats only, pixel check, JPEG draft decode, orientation, sRGB, four resizes, watermark,
encode). ``bare``: ``Image.open`` + ``draft`` + ``convert("RGB")`` + the same four LANCZOS
resizes and JPEG saves, no watermark and no checks. Medians of ``--runs``; peak RSS of each
in a fresh child process (its VmHWM).

Throughput: ``--pictures`` renditions runs spread over ``--workers`` processes (spawned, each
warmed up on the picture first, as a running ``newswire worker`` is), for the wire and the
bare library in turn: pictures per second, and the highest peak RSS of any worker. What the
real worker adds around this step (reading the original from the blob store, writing four
blobs, two small transactions) is not in it. Prints ONE JSON line.
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image

from newswire.media.renditions import SPECS, fitted, render_all


def make_picture(path: Path) -> None:
    noise = Image.effect_noise((6000, 4000), 40).convert("RGB")
    gradient = Image.linear_gradient("L").resize((6000, 4000)).convert("RGB")
    Image.blend(gradient, noise, 0.5).save(path, "JPEG", quality=92)


def wire(path: Path) -> int:
    return sum(len(body) for _spec, body, _w, _h in render_all(path, max_pixels=100_000_000, agency="Bench"))


def bare(path: Path) -> int:
    total = 0
    with Image.open(path) as im:
        size = im.size
        im.draft("RGB", fitted(*size, max(s.long_edge for s in SPECS)))
        picture = im.convert("RGB")
    for spec in SPECS:
        out = io.BytesIO()
        picture.resize(fitted(*size, spec.long_edge), Image.Resampling.LANCZOS, reducing_gap=3.0).save(
            out, "JPEG", quality=spec.quality)
        total += len(out.getvalue())
    return total


def timed(fn: object, path: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(path)  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_rss_mb(which: str, path: Path) -> float:
    # VmHWM, not ru_maxrss: getrusage keeps the parent's high-water mark across fork and exec
    code = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import media; "
            f"from pathlib import Path; media.{which}(Path({str(path)!r})); "
            "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def _vm_hwm_kb() -> int:
    return int(next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM")))


def _render(which: str, path: str) -> int:
    """One picture's renditions in a worker process; the worker's peak RSS so far (kB)."""
    (wire if which == "wire" else bare)(Path(path))
    return _vm_hwm_kb()


def throughput(which: str, path: Path, workers: int, pictures: int) -> tuple[float, float]:
    """(pictures per second, the highest worker peak RSS in MB) over ``workers`` processes."""
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        # warm every worker (imports, fonts, colour profiles): one task each, all at once
        list(pool.map(_render, [which] * workers, [str(path)] * workers))
        start = time.perf_counter()
        peaks = list(pool.map(_render, [which] * pictures, [str(path)] * pictures))
        seconds = time.perf_counter() - start
    return pictures / seconds, max(peaks) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pictures", type=int, default=12)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "24mp.jpg"
        make_picture(path)
        wire(path), bare(path)  # warm-up: imports, fonts, profiles
        wire_s, bare_s = timed(wire, path, args.runs), timed(bare, path, args.runs)
        wire_rate, wire_peak = throughput("wire", path, args.workers, args.pictures)
        bare_rate, bare_peak = throughput("bare", path, args.workers, args.pictures)
        print(json.dumps({
            "picture": "6000x4000 JPEG", "bytes": path.stat().st_size, "runs": args.runs,
            "wire_s": round(wire_s, 3), "bare_pillow_s": round(bare_s, 3), "ratio": round(wire_s / bare_s, 2),
            "wire_peak_rss_mb": round(peak_rss_mb("wire", path)), "bare_peak_rss_mb": round(peak_rss_mb("bare", path)),
            "workers": args.workers, "pictures": args.pictures,
            "wire_pictures_per_s": round(wire_rate, 2), "bare_pictures_per_s": round(bare_rate, 2),
            "throughput_ratio": round(bare_rate / wire_rate, 2),
            "wire_worker_peak_rss_mb": round(wire_peak), "bare_worker_peak_rss_mb": round(bare_peak),
        }))


if __name__ == "__main__":
    main()
