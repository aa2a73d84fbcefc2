"""Renditions of a 24-megapixel JPEG: the wire's worker step against bare Pillow doing the
same resizes directly, measured in the same run (issue 12's first benchmark).

    .venv/bin/python bench/media.py [--runs 5]

The picture (6000x4000, camera-like detail: a gradient with noise, EXIF orientation 1) is
made by the script. ``wire``: ``media.renditions.render_all`` (open with the accepted
formats only, pixel check, JPEG draft decode, orientation, sRGB, four resizes, watermark,
encode). ``bare``: ``Image.open`` + ``draft`` + ``convert("RGB")`` + the same four LANCZOS
resizes and JPEG saves, no watermark and no checks. Medians of ``--runs``; peak RSS of each
in a fresh child process (its VmHWM). Prints ONE JSON line.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "24mp.jpg"
        make_picture(path)
        wire(path), bare(path)  # warm-up: imports, fonts, profiles
        wire_s, bare_s = timed(wire, path, args.runs), timed(bare, path, args.runs)
        print(json.dumps({
            "picture": "6000x4000 JPEG", "bytes": path.stat().st_size, "runs": args.runs,
            "wire_s": round(wire_s, 3), "bare_pillow_s": round(bare_s, 3), "ratio": round(wire_s / bare_s, 2),
            "wire_peak_rss_mb": round(peak_rss_mb("wire", path)), "bare_peak_rss_mb": round(peak_rss_mb("bare", path)),
        }))


if __name__ == "__main__":
    main()
