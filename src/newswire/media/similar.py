"""Near-duplicate pictures: the same photo moved twice, re-encoded, resized or trimmed.

A picture's signature is its difference hash (dHash): the picture, upright and grey, shrunk
to 9x8 pixels; each of the 64 bits says whether a pixel is brighter than its right-hand
neighbour. Re-encoding and resizing move almost none of them, trimming 2% off each side
fewer than ten (measured on the tests' pictures); another photo differs in about half (19
bits at the least among 40 others in the tests). Within :data:`DUPLICATE_MAX_DISTANCE` bits a
new picture is linked to the earlier one (ninjs association, rel ``duplicate``, typed as the
earlier item: ``picture`` or ``graphic``), as stories are linked by the SimHash of their text.
Graphics are stills too: their hashes are compared with pictures' (the same chart posted as
a picture and as a graphic is one image).

The hash is stored as the picture's row in ``signatures`` (the table stories' SimHash uses,
so no new column: the item's type tells the two apart), and each node keeps every
picture's hash in memory, caught up from the store before each lookup, and compares a new
one with all of them at once (numpy: 5 ms for a million hashes on this machine, under load). Not
found: a real crop (3% off each side is at the threshold, 10% as far off as another photo),
a mirror image, a picture rotated without its orientation tag — a hash of the whole frame
does not see them; that would take local features (not done).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Mapping
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, select

from newswire.model import Association, Item
from newswire.store.engine import read_tx
from newswire.store.index import signatures_after
from newswire.store.tables import items

if TYPE_CHECKING:
    import numpy as np  # imported at the first picture hashed or looked up: a reading server never needs it
    from PIL import Image  # imported with the first picture opened (media.probe.pillow), not at start-up

DUPLICATE_MAX_DISTANCE = 10  # of 64 bits
MAX_LINKS = 5  # the closest matches only, like stories


def dhash(im: Image.Image) -> int:
    """The 64-bit difference hash of a picture as it is displayed (orientation applied)."""
    import numpy as np
    from PIL import Image, ImageOps

    upright = ImageOps.exif_transpose(im) if im.getexif().get(0x0112, 1) != 1 else im
    grey = upright.convert("L").resize((9, 8), Image.Resampling.BOX)
    px = np.asarray(grey, dtype=np.int16)
    bits = (px[:, 1:] > px[:, :-1]).flatten()
    return int.from_bytes(np.packbits(bits).tobytes(), "big")


def distance(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def _popcounts(words: np.ndarray) -> np.ndarray:
    """The set bits of each uint64 (numpy 2's ``bitwise_count``, else a byte table)."""
    import numpy as np

    count = getattr(np, "bitwise_count", None)
    if count is not None:
        return np.asarray(count(words))
    pop8 = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)
    return np.asarray(pop8[words.view(np.uint8)].reshape(-1, 8).sum(axis=1))


class SimilarPictures:
    """Every picture's hash in one store, on this node, caught up before each lookup."""

    def __init__(self) -> None:
        self._uris: list[str] = []
        self._hashes: np.ndarray | None = None
        self._seen_id = 0
        self._lock = threading.Lock()

    def _catch_up(self, engine: Engine) -> np.ndarray:
        import numpy as np

        if self._hashes is None:
            self._hashes = np.zeros(0, dtype=np.uint64)
        while True:
            with read_tx(engine) as conn:
                rows = signatures_after(conn, self._seen_id, pictures=True)
            if rows:
                self._uris.extend(uri for _, uri, _ in rows)
                self._hashes = np.concatenate([self._hashes, np.array([s for _, _, s in rows], dtype=np.uint64)])
                self._seen_id = rows[-1][0]
            if len(rows) < 5000:
                return self._hashes

    def near(self, engine: Engine, signature: int, exclude: str) -> list[tuple[str, int]]:
        """The pictures within :data:`DUPLICATE_MAX_DISTANCE` bits, closest first, each URI once."""
        import numpy as np

        with self._lock:
            hashes = self._catch_up(engine)
            if not self._uris:
                return []
            bits = _popcounts(np.bitwise_xor(hashes, np.uint64(signature)))
            hits = np.nonzero(bits <= DUPLICATE_MAX_DISTANCE)[0]
            latest: dict[str, int] = {}
            for i in hits.tolist():
                latest[self._uris[i]] = min(int(bits[i]), latest.get(self._uris[i], 64))
        return sorted(((u, d) for u, d in latest.items() if u != exclude), key=lambda m: (m[1], m[0]))


_INDEXES: weakref.WeakKeyDictionary[Engine, SimilarPictures] = weakref.WeakKeyDictionary()
_INDEXES_LOCK = threading.Lock()


def near(engine: Engine, signature: int, exclude: str) -> list[tuple[str, int]]:
    """The pictures of ``engine``'s store within :data:`DUPLICATE_MAX_DISTANCE` bits."""
    with _INDEXES_LOCK:
        index = _INDEXES.setdefault(engine, SimilarPictures())
    return index.near(engine, signature, exclude)


def kinds(conn: Connection, matches: list[tuple[str, int]]) -> dict[str, str]:
    """The item type (``picture``, ``graphic``) of each match, by URI."""
    if not matches:
        return {}
    rows = conn.execute(select(items.c.uri, items.c.type).where(items.c.uri.in_(sorted({u for u, _ in matches}))))
    return {uri: kind for uri, kind in rows.all()}


def duplicate_links(item: Item, matches: list[tuple[str, int]], kinds: Mapping[str, str] | None = None) -> Item:
    """The picture with associations to its closest near-duplicates it does not name yet,
    each typed as ``kinds`` says (a picture when it does not)."""
    named = {a.uri for a in item.associations}
    added = tuple(Association(uri, rel="duplicate", type=(kinds or {}).get(uri, "picture")) for uri, _ in matches
                  if uri not in named and uri != item.uri)[:MAX_LINKS]
    return item.evolve(associations=item.associations + added) if added else item
