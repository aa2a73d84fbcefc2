"""Renditions: fitted sizes, never enlarged, upright, sRGB, no metadata carried over, and
the agency's watermark on the public preview only."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from newswire.media.renditions import NAMES, fitted, planned, render_all

from pictures import ANKARA_EXIF, drawn, encoded, jpeg, linear_rgb_profile, srgb_encoded


def made(tmp_path: Path, data: bytes) -> dict[str, Image.Image]:
    path = tmp_path / "original"
    path.write_bytes(data)
    return {spec.name: Image.open(io.BytesIO(body)) for spec, body, _w, _h in
            render_all(path, max_pixels=10**8, agency="Test Agency")}


@pytest.mark.parametrize(("size", "edge", "expected"), [
    ((6000, 4000), 2048, (2048, 1365)), ((4000, 6000), 1024, (683, 1024)), ((300, 200), 1024, (300, 200)),
    ((10000, 3), 256, (256, 1)),
])
def test_fitted_keeps_proportions_and_never_enlarges(size: tuple[int, int], edge: int,
                                                     expected: tuple[int, int]) -> None:
    assert fitted(*size, edge) == expected


def test_planned_names_every_rendition_with_the_size_it_will_have() -> None:
    renditions = planned("image/jpeg", 3000, 2000, 12345, lambda name: f"/m/{name}")
    assert [r.name for r in renditions] == list(NAMES)
    sizes = {r.name: (r.width, r.height) for r in renditions}
    assert sizes == {"original": (3000, 2000), "baseImage": (2048, 1365), "viewImage": (1024, 683),
                     "thumbnail": (256, 171), "preview": (1024, 683)}
    assert renditions[0].size_in_bytes == 12345 and renditions[0].content_type == "image/jpeg"
    assert {r.content_type for r in renditions[1:]} == {"image/jpeg"}


def test_renditions_have_the_planned_sizes_and_orientation_applied(tmp_path: Path) -> None:
    # stored 2400x1600 landscape, EXIF says: rotate 90° clockwise to display (portrait)
    out = made(tmp_path, jpeg((2400, 1600), exif={"Exif.Image.Orientation": "6"}))
    expected = {r.name: (r.width, r.height) for r in planned("image/jpeg", 1600, 2400, 0, str)}
    for name, im in out.items():
        assert im.size == expected[name], name
        assert im.format == "JPEG" and im.mode == "RGB"
    view = out["viewImage"]
    # the red quadrant (stored top-left) is top-right once turned upright
    assert view.getpixel((view.width - 20, 20))[0] > 180
    assert view.getpixel((20, 20))[2] > 150


def test_colour_is_converted_to_srgb(tmp_path: Path) -> None:
    grey = Image.new("RGB", (300, 300), (128, 128, 128))
    out = made(tmp_path, encoded(grey, quality=100, icc_profile=linear_rgb_profile()))
    value = out["viewImage"].getpixel((150, 150))
    assert value == pytest.approx((srgb_encoded(128),) * 3, abs=2)  # 188, not 128
    assert "icc_profile" not in out["viewImage"].info


def test_transparency_is_laid_on_white(tmp_path: Path) -> None:
    clear = Image.new("RGBA", (100, 100), (0, 0, 0, 0))
    out = made(tmp_path, encoded(clear, "PNG"))
    assert out["thumbnail"].getpixel((50, 50)) == pytest.approx((255, 255, 255), abs=2)


def test_no_rendition_carries_gps_or_camera_data(tmp_path: Path) -> None:
    data = jpeg(exif={**ANKARA_EXIF, "Exif.Image.Make": "Canon", "Exif.Image.Model": "EOS R5",
                      "Exif.Photo.BodySerialNumber": "123456"},
                xmp={"Xmp.dc.description": {'lang="x-default"': "caption"}},
                iptc={"Iptc.Application2.Caption": "caption"})
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)  # the original has GPS
    for name, im in made(tmp_path, data).items():
        exif = im.getexif()
        assert not exif.get_ifd(0x8825) and 0x010F not in exif and 0x0110 not in exif, name
        assert "xmp" not in im.info and "photoshop" not in im.info, name


def test_the_watermark_is_on_the_preview_only(tmp_path: Path) -> None:
    out = made(tmp_path, encoded(drawn((1600, 1200)), quality=95))
    view, preview = out["viewImage"], out["preview"]
    assert view.size == preview.size
    difference = ImageChops.difference(view, preview).convert("L")
    box = difference.getbbox()
    assert box is not None  # the preview differs from the view image ...
    left, top, right, bottom = box
    assert left > 0 and right < view.width and top > view.height // 4 and bottom < 3 * view.height // 4
    base_at_view_size = out["baseImage"].resize(view.size, Image.Resampling.LANCZOS)
    assert ImageChops.difference(view, base_at_view_size).convert("L").getextrema()[1] < 40  # ... no other does
