"""Is an upload really a picture we take, and what does it say about itself?

The bytes decide, never the declared ``Content-Type`` or a file name: Pillow opens the file
with only the accepted formats' plugins, the declared type must agree with what it found,
the pixel count is checked against ``settings.media_max_pixels`` from the header alone
(before anything is decoded: a decompression bomb declares 100k x 100k pixels in a few
bytes), and the picture is then decoded once (JPEG at 1/8 scale) so a truncated or corrupt
file is refused at upload rather than found by the worker.
"""

from __future__ import annotations

import functools
import importlib.util
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newswire.media import metadata, similar
from newswire.media.metadata import PictureMeta

if TYPE_CHECKING:
    from PIL import Image

FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "TIFF": "image/tiff"}
DECLARED = {"image/jpeg": "JPEG", "image/jpg": "JPEG", "image/pjpeg": "JPEG", "image/png": "PNG",
            "image/webp": "WEBP", "image/tiff": "TIFF"}

# HEIC/HEIF: the optional extra newswire[heif] (pillow-heif ships libheif in its wheel).
# Pillow and pillow-heif (about 8 MB resident together) are imported when the first picture
# is opened, not when the server starts: most wire traffic is text.
if importlib.util.find_spec("pillow_heif") is not None:
    FORMATS["HEIF"] = "image/heic"
    DECLARED.update({"image/heic": "HEIF", "image/heif": "HEIF"})


@functools.cache
def pillow() -> None:
    """Import Pillow, and register the HEIF opener when the extra is installed: once, before
    the first picture is opened."""
    import PIL.Image  # noqa: F401 - imported for its plugins, once

    if "HEIF" in FORMATS:
        from pillow_heif import register_heif_opener

        register_heif_opener()


class Refused(Exception):
    """The upload is not a picture the wire takes: an HTTP status and a reason."""

    def __init__(self, status: int, title: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail


@dataclass(frozen=True, slots=True)
class Probe:
    content_type: str
    width: int  # as displayed: EXIF orientation applied
    height: int
    meta: PictureMeta
    dhash: int  # the perceptual hash near-duplicates are found by (media.similar)


def accepted_types() -> list[str]:
    return sorted(DECLARED)


@contextmanager
def opened(path: Path, max_pixels: int) -> Iterator[Image.Image]:
    """The picture, opened with the accepted formats only, its size checked before decoding."""
    pillow()
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = max_pixels  # Pillow's own guard, behind ours (it refuses at twice this)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(path, formats=list(FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise Refused(413, "Picture too large", f"The picture has more than {max_pixels} pixels.") from exc
    except Image.UnidentifiedImageError as exc:
        raise Refused(415, "Not a picture",
                      f"The bytes are not a picture in a format the wire takes ({', '.join(FORMATS)}).") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise Refused(422, "Unreadable picture", f"The picture cannot be read: {exc}.") from exc
    with im:
        width, height = im.size
        if width < 1 or height < 1 or width * height > max_pixels:
            raise Refused(413, "Picture too large",
                          f"The picture declares {width}x{height} pixels; the most taken is {max_pixels}.")
        yield im


def probe(path: Path, declared: str | None, max_pixels: int) -> Probe:
    media = (declared or "").split(";")[0].strip().lower()
    if media not in DECLARED:
        raise Refused(415, "Unsupported media type", f"Send one of: {', '.join(accepted_types())}.")
    _jpeg_header(path)
    with opened(path, max_pixels) as im:
        found = im.format or ""
        if found != DECLARED[media]:
            raise Refused(415, "Type mismatch",
                          f"The bytes are a {found or 'different'} picture, not {media} as declared.")
        meta = metadata.read(im)
        width, height = im.size  # the header's: a JPEG decoded in draft mode is smaller
        _decodes(im)
        signature = similar.dhash(im)  # from the pixels just decoded (a JPEG at 1/8 scale)
    if meta.orientation in (5, 6, 7, 8):  # rotated a quarter turn
        width, height = height, width
    return Probe(FORMATS[found], width, height, meta, signature)


JPEG_JUNK = 64 * 1024  # bytes outside any segment tolerated before a JPEG's frame header


def _jpeg_header(path: Path) -> None:
    """Refuse a file that starts as a JPEG but whose header is mostly bytes outside any segment.

    Pillow skips such bytes one at a time in Python, looking for the next marker (real files
    carry a few): 20 MB of them cost about 3 s of CPU before it gives up. Walking the segments
    by their lengths here costs nothing; past ``JPEG_JUNK`` stray bytes the file is no JPEG.
    Anything else (a truncated header, the frame header reached) is left for Pillow to judge."""
    with path.open("rb") as f:
        if f.read(2) != b"\xff\xd8":
            return
        junk = 0
        while byte := f.read(1):
            if byte != b"\xff":
                junk += 1
                if junk > JPEG_JUNK:
                    raise Refused(415, "Not a picture", f"The bytes start as a JPEG, but more than {JPEG_JUNK} "
                                                        "of its header belong to no segment.")
                continue
            marker = f.read(1)
            while marker == b"\xff":  # fill bytes
                marker = f.read(1)
            if not marker:
                return
            code = marker[0]
            if code == 0x00:  # no marker: stray bytes
                junk += 2
            elif code in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF,
                          0xD9, 0xDA):
                return  # the frame header (or the data, or the end): Pillow's part
            elif not (0xD0 <= code <= 0xD8 or code == 0x01):  # a segment with a length
                length = f.read(2)
                if len(length) < 2 or int.from_bytes(length, "big") < 2:
                    return
                f.seek(int.from_bytes(length, "big") - 2, 1)


def _decodes(im: Image.Image) -> None:
    pillow()
    from PIL import Image

    size = im.size
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            if im.format == "JPEG":
                im.draft("RGB", (max(1, size[0] // 8), max(1, size[1] // 8)))
            im.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombWarning,
            Image.DecompressionBombError) as exc:
        raise Refused(422, "Unreadable picture", f"The picture is truncated or corrupt: {exc}.") from exc
