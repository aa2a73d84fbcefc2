"""Draw the site's raster images with the standard library only (zlib + struct PNG writer).

* ``card.png`` (1200x675, 16:9): the image of a story that has no picture of its own, in
  JSON-LD ``image`` and ``og:image``. Google's Article guidelines want a crawlable raster
  image of at least 50,000 pixels, best 1200 pixels wide, in 16:9, 4:3 or 1:1.
* ``logo.png`` (512x512): the agency's logo in JSON-LD ``publisher.logo`` (at least 112x112).

Both show the agency's mark (the red square of ``logo.svg`` with a white "N"); they hold no
text, since the site's name is a setting. The output is deterministic, and a test checks
that the committed files are what this script draws:

    .venv/bin/python scripts/make_card_image.py
"""

from __future__ import annotations

import struct
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "src" / "newswire" / "site" / "static"
RED = (0xA5, 0x0F, 0x1F)
INK = (0x16, 0x18, 0x1D)
WHITE = (0xFF, 0xFF, 0xFF)
CARD_SIZE = (1200, 675)
LOGO_SIZE = (512, 512)

Color = tuple[int, int, int]
Painter = Callable[[float, float], Color | None]  # (x, y) in the mark's unit square -> color


def png(width: int, height: int, pixel: Callable[[int, int], Color]) -> bytes:
    """An 8-bit RGB PNG, every row unfiltered."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            rows.extend(pixel(x, y))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
            + chunk(b"IEND", b""))


def mark(u: float, v: float) -> Color:
    """The mark in a unit square: red, with a white "N" (two stems and a diagonal)."""
    left, right, top, bottom, stem = 0.24, 0.76, 0.2, 0.8, 0.11
    if top <= v <= bottom:
        if left <= u <= left + stem or right - stem <= u <= right:
            return WHITE
        # the diagonal runs from the top of the left stem to the bottom of the right stem
        t = (v - top) / (bottom - top)
        centre = left + stem / 2 + t * (right - left - stem)
        if abs(u - centre) <= stem / 2:
            return WHITE
    return RED


def card() -> bytes:
    width, height = CARD_SIZE
    side = 360
    x0, y0 = (width - side) // 2, (height - side) // 2 - 20

    def pixel(x: int, y: int) -> Color:
        if x0 <= x < x0 + side and y0 <= y < y0 + side:
            return mark((x - x0 + 0.5) / side, (y - y0 + 0.5) / side)
        if height - 24 <= y:
            return RED
        return INK

    return png(width, height, pixel)


def logo() -> bytes:
    width, height = LOGO_SIZE
    return png(width, height, lambda x, y: mark((x + 0.5) / width, (y + 0.5) / height))


IMAGES: dict[str, Callable[[], bytes]] = {"card.png": card, "logo.png": logo}


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else STATIC
    for name, draw in IMAGES.items():
        data = draw()
        (target / name).write_bytes(data)
        print(f"{target / name}: {len(data)} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
