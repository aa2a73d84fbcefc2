"""The sample pictures ``make run`` publishes: drawn here with Pillow (no photograph is
downloaded or shipped), their captions written into the files as IPTC IIM and XMP by the
wire's own writer (:mod:`newswire.media.embed`), then uploaded as the desk would, so the
wire reads them back like any agency photo. Each illustrates a sample story, which
associates it as its feature image: the site and the portal show it.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image, ImageDraw

from newswire.media import embed
from newswire.media.blobs import store_for
from newswire.media.metadata import PictureMeta
from newswire.media.upload import Upload, publish_picture
from newswire.model import Association
from newswire.wire import Wire

SIZE = (1600, 1067)
Draw = Callable[[ImageDraw.ImageDraw, int, int], None]


def _sky(draw: ImageDraw.ImageDraw, w: int, h: int, top: tuple[int, int, int], bottom: tuple[int, int, int],
         until: int) -> None:
    for y in range(until):
        t = y / max(1, until - 1)
        draw.line((0, y, w, y), fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))


def _storm(draw: ImageDraw.ImageDraw, w: int, h: int) -> None:
    """Grey sky, a lighthouse, breaking waves."""
    horizon = int(h * 0.55)
    _sky(draw, w, h, (70, 78, 90), (150, 158, 165), horizon)
    draw.rectangle((0, horizon, w, h), fill=(40, 62, 78))
    for row in range(9):
        y = horizon + 20 + row * (h - horizon) // 9
        points = [(x, y + 14 * math.sin(x / (40 + row * 6) + row)) for x in range(0, w + 20, 20)]
        draw.line(points, fill=(205, 215, 220), width=3 + row // 2)
    base = (int(w * 0.72), horizon + 10)
    draw.polygon([(base[0] - 40, base[1]), (base[0] + 40, base[1]), (base[0] + 22, base[1] - 300),
                  (base[0] - 22, base[1] - 300)], fill=(235, 235, 230))
    for band in range(3):
        y = base[1] - 70 - band * 80
        draw.rectangle((base[0] - 36 + band * 6, y - 28, base[0] + 36 - band * 6, y), fill=(190, 40, 40))
    draw.rectangle((base[0] - 26, base[1] - 340, base[0] + 26, base[1] - 300), fill=(250, 225, 120))


def _telescope(draw: ImageDraw.ImageDraw, w: int, h: int) -> None:
    """Night sky with stars over mountains and an observatory dome."""
    horizon = int(h * 0.7)
    _sky(draw, w, h, (8, 12, 40), (40, 50, 95), horizon)
    for i in range(260):
        x, y = (i * 7919) % w, (i * 104729) % horizon
        r = 1 + (i % 3 == 0)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(255, 255, 240))
    draw.polygon([(0, horizon), (w * 0.2, h * 0.42), (w * 0.38, horizon - 40), (w * 0.55, h * 0.38),
                  (w * 0.8, horizon - 60), (w, h * 0.5), (w, h), (0, h)], fill=(55, 45, 50))
    draw.rectangle((0, horizon, w, h), fill=(75, 60, 55))
    cx, top = int(w * 0.55), int(h * 0.38)
    draw.rectangle((cx - 90, top + 40, cx + 90, top + 160), fill=(225, 225, 230))
    draw.pieslice((cx - 100, top - 60, cx + 100, top + 140), 180, 360, fill=(240, 240, 245))
    draw.rectangle((cx - 12, top - 60, cx + 12, top + 40), fill=(30, 30, 45))


def _metro(draw: ImageDraw.ImageDraw, w: int, h: int) -> None:
    """A metro tunnel in perspective with a train's lights."""
    draw.rectangle((0, 0, w, h), fill=(30, 30, 36))
    cx, cy = w // 2, int(h * 0.52)
    for ring in range(12, 0, -1):
        r = ring * 70
        shade = 40 + ring * 12
        draw.ellipse((cx - r * 1.3, cy - r, cx + r * 1.3, cy + r), outline=(shade, shade, shade + 10), width=10)
    draw.polygon([(cx - 40, cy + 40), (cx + 40, cy + 40), (w * 0.85, h), (w * 0.15, h)], fill=(70, 66, 60))
    for side in (-1, 1):
        draw.line([(cx + side * 20, cy + 40), (cx + side * w * 0.25, h)], fill=(170, 170, 175), width=8)
        draw.ellipse((cx + side * 36 - 14, cy - 14, cx + side * 36 + 14, cy + 14), fill=(255, 240, 170))
    draw.rectangle((cx - 70, cy - 60, cx + 70, cy + 36), outline=(200, 30, 40), width=6)


@dataclass(frozen=True, slots=True)
class Sample:
    slug: str
    story: str  # the sample story it illustrates
    draw: Draw
    meta: PictureMeta

    @property
    def uri(self) -> str:
        return f"urn:newswire:sample:picture:{self.slug}"


CREDIT = "Newswire sample picture"
SAMPLES = (
    Sample("north-sea-storm", "urn:newswire:sample:north-sea-storm-warning", _storm, PictureMeta(
        title="NORTHSEA-STORM", headline="Waves break below the lighthouse as the storm nears",
        caption="Waves break below a lighthouse on the North Sea coast as forecasters warn of the season's "
                "first severe storm. (Drawn illustration for the newswire demo.)",
        creators=("Newswire Graphics",), credit=CREDIT, source="Newswire", copyright="© 2026 Newswire samples",
        usage_terms="Demonstration only.", keywords=("weather", "storm", "coast"), city="Hamburg",
        country="Germany", country_code="DEU", created=datetime(2026, 11, 30, 7, 45, tzinfo=UTC), language="en")),
    Sample("andes-telescope", "urn:newswire:sample:andes-telescope-first-light", _telescope, PictureMeta(
        title="CHILE-TELESCOPIO", headline="El observatorio bajo el cielo de los Andes",
        caption="La cúpula del observatorio bajo el cielo estrellado de los Andes chilenos. "
                "(Ilustración dibujada para la demostración de newswire.)",
        creators=("Newswire Graphics",), credit=CREDIT, source="Newswire", copyright="© 2026 Newswire samples",
        usage_terms="Demonstration only.", keywords=("ciencia", "astronomía"), province="Antofagasta",
        country="Chile", country_code="CHL", created=datetime(2026, 11, 28, 3, 10, tzinfo=UTC), language="es")),
    Sample("istanbul-metro", "urn:newswire:sample:istanbul-metro-line", _metro, PictureMeta(
        title="ISTANBUL-METRO", headline="Yeni metro hattının tünelinde ilk test seferi",
        caption="Yeni metro hattının tünelinde ilk test seferini yapan tren. "
                "(newswire tanıtımı için çizilmiş görsel.)",
        creators=("Newswire Graphics",), credit=CREDIT, source="Newswire", copyright="© 2026 Newswire samples",
        usage_terms="Demonstration only.", keywords=("ulaşım", "metro"), city="İstanbul", country="Türkiye",
        country_code="TUR", created=datetime(2026, 11, 29, 10, 0, tzinfo=UTC), language="tr")),
)


def drawn(sample: Sample) -> bytes:
    """The sample as a JPEG file with its caption in it, as a photographer would send it."""
    im = Image.new("RGB", SIZE)
    sample.draw(ImageDraw.Draw(im), *SIZE)
    out = io.BytesIO()
    im.save(out, "JPEG", quality=88)
    return embed.embedded(out.getvalue(), sample.meta)


def load_pictures(wire: Wire, public: set[str]) -> dict[str, Association]:
    """Publish every sample picture (public when its story is); by story URI, the association
    its story carries."""
    blobs = store_for(wire.settings)
    found = {}
    for sample in SAMPLES:
        with blobs.spool() as f:
            f.write(drawn(sample))
            f.flush()
            publish_picture(wire, blobs, Upload(Path(f.name), "image/jpeg", uri=sample.uri,
                                                public=sample.story in public))
        found[sample.story] = Association(sample.uri, name="featureimage", type="picture",
                                          headline=sample.meta.headline)
    return found
