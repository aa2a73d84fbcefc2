"""What Content Credentials cost: reading and validating a picture's C2PA manifest at upload
(``media.provenance.check`` on a signed 24-megapixel JPEG) against hashing the same file once
with SHA-256 (what every upload already does for its content address), and the agency's
signing of a 1024-px rendition on its first download (``media.provenance_sign.sign_jpeg``,
the 24-megapixel upload as its ingredient, which it hashes), against the same SHA-256, in
the same run.

    .venv/bin/python bench/provenance.py [--runs 7]

The picture (6000x4000, a gradient with noise) is made and signed by the script (a test CA
and an ES256 leaf made with ``cryptography``, ``c2pa.Builder``), and one without a manifest
is checked too (the common case: most uploads carry none). Medians of ``--runs``. Prints
ONE JSON line.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from newswire.media import embed, provenance, provenance_sign
from newswire.media.blobs import file_sha256

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from newswire.media.metadata import PictureMeta

from c2pakit import authority, signed  # the tests' CA kit


def median_ms(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        plain, signed_path = Path(tmp) / "plain.jpg", Path(tmp) / "signed.jpg"
        noise = Image.effect_noise((6000, 4000), 40).convert("RGB")
        gradient = Image.linear_gradient("L").resize((6000, 4000)).convert("RGB")
        Image.blend(gradient, noise, 0.5).save(plain, "JPEG", quality=92)
        signed_path.write_bytes(signed(plain.read_bytes(), authority()))
        assert provenance.check(signed_path, "image/jpeg").state == "valid"
        sha = median_ms(args.runs, lambda: file_sha256(signed_path))
        checked = median_ms(args.runs, lambda: provenance.check(signed_path, "image/jpeg"))
        absent = median_ms(args.runs, lambda: provenance.check(plain, "image/jpeg"))
        size = signed_path.stat().st_size
        agency = authority("Bench Agency Desk", "Bench Agency")
        chain, key = Path(tmp) / "chain.pem", Path(tmp) / "key.pem"
        chain.write_bytes(agency.chain_pem)
        key.write_bytes(agency.key_pem)
        signer = provenance_sign._load(str(chain), str(key), (0, 0))
        out = io.BytesIO()
        Image.open(signed_path).resize((1024, 683)).save(out, "JPEG", quality=85)
        rendition = out.getvalue()
        inserted = embed.segments(PictureMeta(headline="Bench", caption="A caption " * 40, credit="Bench Agency"))
        sign = median_ms(args.runs, lambda: provenance_sign.sign_jpeg(
            embed.spliced(rendition, inserted), "viewImage", signed_path, "image/jpeg", signer))
    print(json.dumps({
        "bench": "provenance", "bytes": size,
        "runs": args.runs, "sha256_ms": sha, "c2pa_check_signed_ms": checked, "c2pa_check_absent_ms": absent,
        "signed_vs_sha256": round(checked / sha, 2), "absent_vs_sha256": round(absent / sha, 2),
        "sign_first_download_ms": sign, "sign_vs_sha256": round(sign / sha, 2),
    }))


if __name__ == "__main__":
    main()
