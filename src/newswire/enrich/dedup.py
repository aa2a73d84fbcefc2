"""Near-duplicate detection: SimHash and MinHash over word 3-shingles.

A story's *signature* is a 64-bit SimHash: every distinct run of three words (folded:
case, accents and Turkish dotless i ignored) is hashed with BLAKE2b (stable across runs and
machines, unlike ``hash()``), and each of the 64 bits is set when most shingles have it.
Stories that share most of their shingles get signatures a few bits apart; unrelated
stories differ in about half (32) of the bits.

Thresholds (Hamming distance between signatures), measured on the sample stories (en, tr,
ru, ar; 200-300 words) with random word edits and on write-thrus/corrections:

* ``<= DUPLICATE_MAX_DISTANCE`` (8): the same story - a re-send, a fix of a word or two
  (1 changed word: 3-4 bits on average, at most 7 in 80 trials);
* ``<= RELATED_MAX_DISTANCE`` (16): a reworked version of the same text (5 % of the words
  changed: 10-13 bits; a correction re-send: 10 bits) - linked as "related";
* above: different stories. Unrelated stories land at 32 +- 4 bits (lowest seen: 23), so
  a random pair within 16 bits has a probability of about 5e-5. A write-thru with a new
  top and new paragraphs is a different text (23-26 bits): SimHash does not see it,
  MinHash still does (Jaccard about 0.1 against about 0 for unrelated stories).

Longer stories (3-6 KB) are less noisy than these: each changed word moves fewer bits.

:class:`DuplicateIndex` finds candidates without a full scan: the signature is cut into
``bands`` bands of 7-8 bits, each band keys a bucket; two signatures within ``bands - 1``
bits share at least one band exactly (pigeonhole), so with the default 9 bands every
duplicate is found; "related" distances beyond that are found with high probability. A
lookup inspects about ``bands / 128`` of the index.

MinHash (:func:`minhash`, :func:`jaccard_estimate`) estimates the shingle Jaccard
similarity directly, for callers who want a similarity rather than a distance.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from newswire.enrich.text import item_text, words
from newswire.model import Association, Item

if TYPE_CHECKING:
    import numpy as np

SHINGLE_SIZE = 3
DUPLICATE_MAX_DISTANCE = 8
RELATED_MAX_DISTANCE = 16
DUPLICATE_MIN_JACCARD = 0.75
RELATED_MIN_JACCARD = 0.08
# A story links to its closest near matches only: a topic moved many times (a running
# story, a daily market report) would otherwise link every earlier one and grow without end.
MAX_LINKS = 5
NUM_PERM = 64



def _seed(i: int) -> int:
    return int.from_bytes(hashlib.blake2b(f"minhash-{i}".encode(), digest_size=8).digest(), "big")


# numpy is imported at the first hash, not with the module: a server that only reads never
# needs its ~20 MB (the enrichment workers import it when they warm up, before they fork).
@cache
def _bit_shifts() -> np.ndarray:
    import numpy as np

    return np.arange(64, dtype=np.uint64)


@cache
def _seeds() -> np.ndarray:
    import numpy as np

    return np.array([_seed(i) for i in range(NUM_PERM)], dtype=np.uint64)


def shingles(text: str, lang: str | None = None, size: int = SHINGLE_SIZE) -> set[str]:
    """Distinct runs of ``size`` words (folded), or the whole text when it is shorter."""
    ws = words(text, lang)
    if not ws:
        return set()
    if len(ws) < size:
        return {" ".join(ws)}
    return {" ".join(ws[i:i + size]) for i in range(len(ws) - size + 1)}


def _hashes(text: str, lang: str | None) -> np.ndarray:
    import numpy as np

    blake = hashlib.blake2b
    values = [
        int.from_bytes(blake(s.encode("utf-8"), digest_size=8).digest(), "little")
        for s in shingles(text, lang)
    ]
    return np.array(values, dtype=np.uint64)


def signature(text: str, lang: str | None = None) -> int:
    """64-bit SimHash of ``text``'s word 3-shingles (0 for a text without words)."""
    import numpy as np

    hashes = _hashes(text, lang)
    if not len(hashes):
        return 0
    bits = (hashes[:, None] >> _bit_shifts()) & np.uint64(1)
    counts = bits.sum(axis=0, dtype=np.int64)
    sig = 0
    for k in np.flatnonzero(counts * 2 > len(hashes)):
        sig |= 1 << int(k)
    return sig


def item_signature(item: Item) -> int:
    """The signature of an item's headline, standfirst and body."""
    return signature(item_text(item), item.language)


def hamming(a: int, b: int) -> int:
    """Number of differing bits."""
    return (a ^ b).bit_count()


def _mix(z: np.ndarray) -> np.ndarray:
    import numpy as np

    u64 = np.uint64
    # splitmix64 finaliser; uint64 arithmetic wraps modulo 2**64.
    z = (z ^ (z >> u64(30))) * u64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> u64(27))) * u64(0x94D049BB133111EB)
    return z ^ (z >> u64(31))


def minhash(text: str, lang: str | None = None, num_perm: int = NUM_PERM) -> tuple[int, ...]:
    """MinHash of the word 3-shingles: ``num_perm`` (at most 64) minima of seeded hashes."""
    if not 0 < num_perm <= NUM_PERM:
        raise ValueError(f"num_perm must be 1..{NUM_PERM}")
    hashes = _hashes(text, lang)
    if not len(hashes):
        return ()
    mixed = _mix(hashes[:, None] ^ _seeds()[None, :num_perm])
    return tuple(int(v) for v in mixed.min(axis=0))


def jaccard_estimate(a: Sequence[int], b: Sequence[int]) -> float:
    """Share of equal MinHash slots: an estimate of the shingle sets' Jaccard similarity."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def classify_jaccard(similarity: float) -> str | None:
    """The same verdicts from a MinHash Jaccard estimate (catches rewritten write-thrus)."""
    if similarity >= DUPLICATE_MIN_JACCARD:
        return "duplicate"
    if similarity >= RELATED_MIN_JACCARD:
        return "related"
    return None


def classify(distance: int) -> str | None:
    """``"duplicate"``, ``"related"`` or ``None`` for a Hamming distance."""
    if distance <= DUPLICATE_MAX_DISTANCE:
        return "duplicate"
    if distance <= RELATED_MAX_DISTANCE:
        return "related"
    return None


@dataclass
class DuplicateIndex:
    """In-memory LSH index of signatures: ``add`` then ``near``.

    Each signature is filed under each of its ``bands`` bands, so a lookup inspects only
    signatures that agree with it on at least one whole band.
    """

    bands: int = DUPLICATE_MAX_DISTANCE + 1
    _buckets: list[dict[int, list[str]]] = field(default_factory=list, repr=False)
    _sigs: dict[str, int] = field(default_factory=dict, repr=False)
    _cuts: list[tuple[int, int]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not 1 <= self.bands <= 64:
            raise ValueError("bands must be 1..64")
        # Bands as even as possible: 9 bands of 64 bits -> eight of 7 bits and one of 8.
        base, extra = divmod(64, self.bands)
        shift = 0
        for b in range(self.bands):
            width = base + (1 if b >= self.bands - extra else 0)
            self._cuts.append((shift, (1 << width) - 1))
            shift += width
        self._buckets = [{} for _ in range(self.bands)]

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, uri: object) -> bool:
        return uri in self._sigs

    def _band_keys(self, sig: int) -> Iterable[tuple[int, int]]:
        for b, (shift, mask) in enumerate(self._cuts):
            yield b, (sig >> shift) & mask

    def add(self, uri: str, sig: int) -> None:
        """File ``uri`` under ``sig`` (replacing an earlier signature of the same uri)."""
        if uri in self._sigs:
            self.remove(uri)
        self._sigs[uri] = sig
        for b, key in self._band_keys(sig):
            self._buckets[b].setdefault(key, []).append(uri)

    def remove(self, uri: str) -> None:
        sig = self._sigs.pop(uri, None)
        if sig is None:
            return
        for b, key in self._band_keys(sig):
            bucket = self._buckets[b].get(key)
            if bucket is not None:
                bucket.remove(uri)
                if not bucket:
                    del self._buckets[b][key]

    def near(
        self, sig: int, max_distance: int = RELATED_MAX_DISTANCE, *, exclude: str | None = None
    ) -> list[tuple[str, int]]:
        """``(uri, distance)`` of filed signatures within ``max_distance`` bits, nearest
        first (ties by uri)."""
        seen: set[str] = set()
        out: list[tuple[str, int]] = []
        for b, key in self._band_keys(sig):
            for uri in self._buckets[b].get(key, ()):
                if uri in seen or uri == exclude:
                    continue
                seen.add(uri)
                distance = hamming(sig, self._sigs[uri])
                if distance <= max_distance:
                    out.append((uri, distance))
        out.sort(key=lambda pair: (pair[1], pair[0]))
        return out


def related_associations(
    item: Item, matches: Iterable[tuple[str, int]], max_links: int = MAX_LINKS
) -> tuple[Association, ...]:
    """ninjs associations for the closest near matches ``(uri, distance)``, at most
    ``max_links``: rel ``"duplicate"`` or ``"related"`` by the thresholds above.

    Pure: the item's own uri, matches beyond ``RELATED_MAX_DISTANCE`` and uris the item is
    already associated with are left out; the result is what to *add*.
    """
    existing = {a.uri for a in item.associations}
    out: list[Association] = []
    for uri, distance in sorted(matches, key=lambda m: (m[1], m[0])):
        rel = classify(distance)
        if len(out) >= max_links:
            break
        if rel is None or uri == item.uri or uri in existing:
            continue
        existing.add(uri)
        out.append(Association(uri=uri, rel=rel, type="text"))
    return tuple(out)
