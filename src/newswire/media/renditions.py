"""Renditions: what each one is (pure) and how one is made from the original (Pillow).

The original is never altered. Every other rendition is a JPEG in sRGB with the camera's
orientation applied and no metadata at all (so no GPS, no camera serial), fitted within a
long edge and never enlarged; ``preview`` (the public site's) also carries the agency's
name as a watermark. A rendition's size is decided by :func:`fitted` from the original's
displayed size, so the item can name every rendition's width and height when it is
published, before the worker has made them.
"""

from __future__ import annotations

import functools
import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newswire.media.probe import opened
from newswire.model import Rendition

if TYPE_CHECKING:
    from PIL import Image, ImageCms

# Pillow is imported when the first picture is opened (probe.pillow), not at start-up.

ORIGINAL = "original"
DERIVED_TYPE = "image/jpeg"


@dataclass(frozen=True, slots=True)
class Spec:
    name: str
    long_edge: int
    watermark: bool = False
    quality: int = 85


SPECS = (
    Spec("baseImage", 2048, quality=90),
    Spec("viewImage", 1024),
    Spec("thumbnail", 256, quality=80),
    Spec("preview", 1024, watermark=True),
)
NAMES = (ORIGINAL, *(s.name for s in SPECS))
POSTER = "poster"  # a video's still (media.video_renditions); its thumbnail and preview share the names above
ALL_NAMES = (*NAMES, POSTER)  # every rendition a picture or a video has


def spec(name: str) -> Spec | None:
    return next((s for s in SPECS if s.name == name), None)


def fitted(width: int, height: int, long_edge: int) -> tuple[int, int]:
    """The size within ``long_edge``, proportions kept, never larger than the original."""
    scale = min(1.0, long_edge / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def planned(content_type: str, width: int, height: int, size: int,
            href: Callable[[str], str]) -> tuple[Rendition, ...]:
    """The renditions a picture's item names: the original (with its size in bytes) and
    every derived one (their sizes in bytes are known only once made)."""
    derived = tuple(Rendition(href(s.name), s.name, DERIVED_TYPE, *fitted(width, height, s.long_edge))
                    for s in SPECS)
    return (Rendition(href(ORIGINAL), ORIGINAL, content_type, width, height, size_in_bytes=size), *derived)


@functools.cache
def _srgb() -> ImageCms.ImageCmsProfile:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def render_all(original: Path, *, max_pixels: int, agency: str) -> list[tuple[Spec, bytes, int, int]]:
    """Every derived rendition: (its spec, JPEG bytes, width, height). The original is decoded
    once, at the smallest JPEG scale still as large as the largest rendition."""
    from PIL import Image, ImageOps

    with opened(original, max_pixels) as im:
        icc = im.info.get("icc_profile")
        displayed = im.size if _upright(im) else im.size[::-1]
        largest = fitted(*displayed, max(s.long_edge for s in SPECS))
        if im.format == "JPEG":
            box = largest if displayed == im.size else largest[::-1]
            im.draft(im.mode if im.mode in ("RGB", "L", "CMYK") else "RGB", box)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im.load()
            upright = ImageOps.exif_transpose(im) if im.getexif().get(0x0112, 1) != 1 else im
            picture = _to_srgb(upright, icc)
        # largest first, each made from the one before (the preview from the view image's
        # pixels); inside the block: ``picture`` may still be the opened file's own image
        sized: dict[tuple[int, int], Image.Image] = {}
        for which in sorted(SPECS, key=lambda s: -s.long_edge):
            size = fitted(*displayed, which.long_edge)
            if size not in sized:
                picture = sized[size] = picture.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    made = []
    for which in SPECS:
        rendition = sized[fitted(*displayed, which.long_edge)]
        if which.watermark:
            rendition = watermarked(rendition, agency)
        out = io.BytesIO()
        rendition.save(out, "JPEG", quality=which.quality)  # no exif=, no icc_profile=: nothing carried over
        made.append((which, out.getvalue(), *rendition.size))
    return made


def _upright(im: Image.Image) -> bool:
    return im.getexif().get(0x0112) not in (5, 6, 7, 8)


def _to_srgb(im: Image.Image, icc: bytes | None) -> Image.Image:
    """RGB in sRGB: an embedded profile converted from, transparency laid on white."""
    from PIL import Image, ImageCms

    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        ground = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        im = Image.alpha_composite(ground, rgba)
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            if im.mode not in ("RGB", "CMYK", "L"):
                im = im.convert("RGB")
            converted = ImageCms.profileToProfile(im, source, _srgb(), outputMode="RGB")
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: treat the pixels as sRGB already
    return im if im.mode == "RGB" else im.convert("RGB")


def watermarked(im: Image.Image, agency: str) -> Image.Image:
    """The agency's name across the middle, half transparent, sized to the picture."""
    from PIL import Image

    return Image.alpha_composite(im.convert("RGBA"), watermark(im.size, agency)).convert("RGB")


def watermark(size: tuple[int, int], agency: str) -> Image.Image:
    """The watermark layer (RGBA) for a picture of ``size``: drawn once for every frame of a
    video preview."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = size
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    font = ImageFont.load_default(size=max(10, width // max(6, len(agency) + 2)))
    left, top, right, bottom = draw.textbbox((0, 0), agency, font=font)
    x, y = (width - (right - left)) / 2 - left, (height - (bottom - top)) / 2 - top
    draw.text((x, y), agency, font=font, fill=(255, 255, 255, 140), stroke_width=max(1, width // 400),
              stroke_fill=(0, 0, 0, 110))
    return layer
