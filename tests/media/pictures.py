"""Pictures made by the tests themselves: Pillow draws them, pyexiv2 (exiv2, a metadata
library independent of the reader under test) writes their IPTC IIM, XMP and EXIF."""

from __future__ import annotations

import io
import struct
import zlib
from typing import Any

import pyexiv2
from PIL import Image

# Where Ankara is, as EXIF writes it: degrees, minutes, seconds as rationals
ANKARA_EXIF = {"Exif.GPSInfo.GPSLatitudeRef": "N", "Exif.GPSInfo.GPSLatitude": "39/1 55/1 12/1",
               "Exif.GPSInfo.GPSLongitudeRef": "E", "Exif.GPSInfo.GPSLongitude": "32/1 51/1 0/1"}


def drawn(size: tuple[int, int] = (640, 480), *, mode: str = "RGB") -> Image.Image:
    """A picture whose top-left quadrant is red and the rest blue: orientation shows."""
    im = Image.new("RGB", size, (20, 40, 200))
    im.paste((220, 20, 20), (0, 0, size[0] // 2, size[1] // 2))
    return im.convert(mode) if mode != "RGB" else im


def encoded(im: Image.Image, fmt: str = "JPEG", **options: Any) -> bytes:
    out = io.BytesIO()
    im.save(out, fmt, **options)
    return out.getvalue()


def with_metadata(data: bytes, *, iptc: dict[str, Any] | None = None, xmp: dict[str, Any] | None = None,
                  exif: dict[str, Any] | None = None) -> bytes:
    with pyexiv2.ImageData(data) as img:
        if iptc:
            img.modify_iptc(iptc)
        if xmp:
            img.modify_xmp(xmp)
        if exif:
            img.modify_exif(exif)
        return bytes(img.get_bytes())


def jpeg(size: tuple[int, int] = (640, 480), **metadata: dict[str, Any] | None) -> bytes:
    return with_metadata(encoded(drawn(size), quality=90), **metadata)


def png_declaring(width: int, height: int) -> bytes:
    """A few bytes of PNG whose header declares width x height pixels (a decompression bomb)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
            + chunk(b"IEND", b""))


def jpeg_declaring(width: int, height: int) -> bytes:
    """A 16x16 JPEG (a few hundred bytes) whose frame header declares width x height pixels."""
    data = bytearray(encoded(Image.new("RGB", (16, 16)), "JPEG"))
    sof = data.index(b"\xff\xc0")
    data[sof + 5:sof + 9] = height.to_bytes(2, "big") + width.to_bytes(2, "big")
    return bytes(data)


def linear_rgb_profile() -> bytes:
    """An ICC v2 RGB profile with sRGB's primaries but linear tone curves (gamma 1.0): a
    pixel value v in it is sRGB's 255 * oetf(v / 255), so the conversion is known exactly."""
    def s15(x: float) -> bytes:
        return struct.pack(">i", round(x * 65536))

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ \0\0\0\0" + s15(x) + s15(y) + s15(z)

    text = b"linear sRGB primaries\0"
    tags = [
        (b"desc", b"desc\0\0\0\0" + struct.pack(">I", len(text)) + text + b"\0" * 8 + b"\0" * 3 + b"\0" * 67),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.4361, 0.2225, 0.0139)),
        (b"gXYZ", xyz(0.3851, 0.7169, 0.0971)),
        (b"bXYZ", xyz(0.1431, 0.0606, 0.7141)),
        (b"rTRC", b"curv\0\0\0\0" + struct.pack(">I", 0)),  # no entries: the identity curve
        (b"gTRC", b"curv\0\0\0\0" + struct.pack(">I", 0)),
        (b"bTRC", b"curv\0\0\0\0" + struct.pack(">I", 0)),
        (b"cprt", b"text\0\0\0\0" + b"test\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for sig, data in tags:
        padded = data + b"\0" * (-len(data) % 4)
        table += sig + struct.pack(">II", offset + len(body), len(data))
        body += padded
    size = offset + len(body)
    header = (struct.pack(">I", size) + b"\0" * 4 + bytes([2, 0x10, 0, 0]) + b"mntrRGB XYZ "
              + b"\0" * 12 + b"acsp" + b"\0" * 24 + struct.pack(">I", 0)
              + s15(0.9642) + s15(1.0) + s15(0.8249) + b"\0" * 48)
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + body


def srgb_encoded(linear: int) -> int:
    """The sRGB value of a linear-light value (IEC 61966-2-1)."""
    v = linear / 255
    return round(255 * (12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055))
