"""Near-duplicate pictures: the same photo re-encoded, resized or slightly cropped is linked to
the earlier one (rel ``duplicate``) by a perceptual hash; another photo is not."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

from newswire.media import similar
from newswire.media.blobs import blobs_for
from newswire.media.upload import Upload, publish_picture
from newswire.model import Item
from newswire.store.engine import read_tx
from newswire.store.index import signatures_after
from newswire.wire import Wire

from factories import as_bytes, ninjs_story
from pictures import encoded


def photo(seed: int, size: tuple[int, int] = (800, 600)) -> Image.Image:
    """A photo-like picture: smooth structure everywhere (a random field, upsampled)."""
    field = np.random.default_rng(seed).integers(0, 256, (12, 16, 3), dtype=np.uint8)
    return Image.fromarray(field, "RGB").resize(size, Image.Resampling.BICUBIC)


def hashed(data: bytes) -> int:
    with Image.open(io.BytesIO(data)) as im:
        return similar.dhash(im)


def test_the_hash_survives_re_encoding_resizing_and_a_small_crop_but_not_another_photo() -> None:
    im = photo(1)
    first = hashed(encoded(im, quality=92))
    assert similar.distance(first, hashed(encoded(im, quality=35))) <= similar.DUPLICATE_MAX_DISTANCE
    assert similar.distance(first, hashed(encoded(im.resize((400, 300)), quality=80))) <= similar.DUPLICATE_MAX_DISTANCE
    cropped = im.crop((16, 12, 784, 588))  # 2% off each side
    assert similar.distance(first, hashed(encoded(cropped, quality=85))) <= similar.DUPLICATE_MAX_DISTANCE
    assert similar.distance(first, hashed(encoded(im, "PNG"))) <= 2
    for seed in range(2, 12):
        assert similar.distance(first, hashed(encoded(photo(seed), quality=92))) > 2 * similar.DUPLICATE_MAX_DISTANCE


def test_the_hash_is_of_the_picture_as_displayed() -> None:
    im = photo(3)
    exif = Image.Exif()
    exif[0x0112] = 6  # stored on its side; shown upright
    sideways = encoded(im.transpose(Image.Transpose.ROTATE_90), quality=90, exif=exif.tobytes())
    assert similar.distance(hashed(encoded(im, quality=90)), hashed(sideways)) <= similar.DUPLICATE_MAX_DISTANCE


def upload(wire: Wire, data: bytes, **options: object) -> Item:
    with tempfile.NamedTemporaryFile(suffix=".jpg") as f:
        f.write(data)
        f.flush()
        return publish_picture(wire, blobs_for(wire.settings.data_dir),
                               Upload(Path(f.name), "image/jpeg", **options)).item  # type: ignore[arg-type]


def duplicates(item: Item) -> list[str]:
    return [a.uri for a in item.associations if a.rel == "duplicate" and a.type == "picture"]


def test_a_picture_moved_again_is_linked_to_the_earlier_one(wire: Wire) -> None:
    im = photo(7)
    first = upload(wire, encoded(im, quality=92))
    other = upload(wire, encoded(photo(8), quality=92))
    assert duplicates(first) == [] and duplicates(other) == []
    again = upload(wire, encoded(im.resize((600, 450)), quality=60))  # another agency's copy, smaller
    assert duplicates(again) == [first.uri]
    # its own later versions never link to itself, and re-posting appends nothing
    assert duplicates(upload(wire, encoded(im.resize((600, 450)), quality=60), uri=again.uri)) == [first.uri]
    with tempfile.NamedTemporaryFile(suffix=".jpg") as f:
        f.write(encoded(im.resize((600, 450)), quality=60))
        f.flush()
        result = publish_picture(wire, blobs_for(wire.settings.data_dir), Upload(Path(f.name), "image/jpeg"))
    assert not result.created
    # the stories' SimHash index never sees a picture's hash, nor the pictures' a story's
    wire.ingest(as_bytes(ninjs_story("en", uri="urn:similar:story")))
    with read_tx(wire.engine) as conn:
        stories = {uri for _, uri, _ in signatures_after(conn, 0)}
        pictures = {uri for _, uri, _ in signatures_after(conn, 0, pictures=True)}
    assert "urn:similar:story" in stories and not stories & {first.uri, other.uri, again.uri}
    assert {first.uri, other.uri, again.uri} <= pictures and "urn:similar:story" not in pictures
