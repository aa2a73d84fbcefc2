"""GeoNames cities beyond the curated gazetteer, looked up only where a story's context says
a place stands (a locative before the word, a Turkish case suffix, the dateline, a list with
another place).

``data/places_geonames.json`` is built by ``scripts/build_places_geonames.py`` from GeoNames
``cities1000`` (CC BY 4.0, GeoNames, https://www.geonames.org): every settlement over 15,000
inhabitants the curated ``places.json`` does not hold, with its Latin-script name (used for
en, tr, fr, es, de, bs), Russian and Arabic names; the Latin-script name alone from 5,000
(from 1,000 in BA, HR, RS, ME). These names are not put into the story
matcher (tens of thousands of them would cost seconds at start-up and many false alarms:
"Lens", "Of", "Mobile"); :func:`weak_index` keys them by their folded first word instead, and
the entity finder asks it for the few words that stand where a place would.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from newswire.cachefiles import cache_dir, owned, write_whole
from newswire.vocab import places as _places_module
from newswire.vocab.places import WORD_RE, Place, fold

log = logging.getLogger(__name__)

_LATIN_LANGS = ("en", "tr", "fr", "es", "de", "bs")
_RU_FINALS = ("а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й")
_AR_CLITICS = ("و", "ف", "ب", "ل", "ك")


@dataclass(frozen=True, slots=True)
class WeakName:
    """One spelling of a weak city: its folded words (the first as keyed) and the place."""

    words: tuple[str, ...]
    spelling: str
    place: Place


def key(word: str, script: str, folding: Callable[[str], str] = fold) -> str:
    """The lookup key of a word: folded; in Cyrillic without a final vowel, soft sign or
    й (so "Гариссе" and "Гарисса" meet)."""
    folded = folding(word)
    if script == "ru" and len(folded) > 4 and folded.endswith(_RU_FINALS):
        return folded[:-1]
    return folded


def _script(lang: str | None) -> str:
    return lang if lang in ("ru", "ar") else "latin"


_FIELD = "\x1f"  # between a record's fields (no folded word or shipped spelling holds it)
_RECORD = "\x1e"  # ends a record
_MAX_REMEMBERED_KEYS = 20_000  # per script: the look-ups _Table.get remembers


class _Table:
    """One script's spellings sorted by the key of their first word (row order within a
    key): records ``first␟other keys␟spelling␟row␞`` packed in one string, with an array of
    where each starts, found by bisection: a few dozen bytes a spelling, where a dict of
    lists of tuples of strings took hundreds."""

    __slots__ = ("_found", "_packed", "_starts")

    def __init__(self, records: list[tuple[str, int, str]]) -> None:
        records.sort()  # by first key, then by position in the rows: (key, seq) is unique
        self._packed = "".join(record for _first, _seq, record in records)
        starts = array("I", [0])
        for _first, _seq, record in records:
            starts.append(starts[-1] + len(record))
        self._starts = starts
        self._found: dict[str, list[tuple[tuple[str, ...], str, int]] | None] = {}

    @classmethod
    def from_parts(cls, packed: str, starts: array[int]) -> _Table:
        table = cls.__new__(cls)
        table._packed, table._starts, table._found = packed, starts, {}
        return table

    def parts(self) -> tuple[str, array[int]]:
        return self._packed, self._starts

    def __len__(self) -> int:
        return len(self._starts) - 1

    def _first(self, i: int) -> str:
        start = self._starts[i]
        return self._packed[start:self._packed.index(_FIELD, start)]

    def get(self, first: str) -> list[tuple[tuple[str, ...], str, int]] | None:
        """The spellings whose first word's key is ``first``, in row order; None if none.
        Remembered per key (a story's words repeat from story to story; the bisection and
        the unpacking cost more than the look-up); the result is shared, not to be changed."""
        try:
            return self._found[first]
        except KeyError:
            pass
        if len(self._found) >= _MAX_REMEMBERED_KEYS:
            self._found.clear()
        found = self._found[first] = self._get(first)
        return found

    def _get(self, first: str) -> list[tuple[tuple[str, ...], str, int]] | None:
        lo, hi = 0, len(self)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._first(mid) < first:
                lo = mid + 1
            else:
                hi = mid
        found: list[tuple[tuple[str, ...], str, int]] = []
        while lo < len(self) and self._first(lo) == first:
            head, rest, spelling, row = self._packed[self._starts[lo]:self._starts[lo + 1] - 1].split(_FIELD)
            found.append(((head, *rest.split(" ")) if rest else (head,), spelling, int(row)))
            lo += 1
        return found or None


class WeakIndex:
    """Weak city spellings keyed by script and folded first word; a :class:`Place` is made
    only for a name a story asks for. Held packed (:class:`_Table`; the rows as their JSON
    text in one byte string): about 5 MB, where dicts, lists and tuples of the same, and the
    56,000 city words they left in :func:`fold`'s cache, took 43 MB of a process."""

    def __init__(self, rows: Iterable[Sequence[Any]]) -> None:
        self._places: dict[int, Place] = {}
        records: dict[str, list[tuple[str, int, str]]] = {"latin": [], "ru": [], "ar": []}
        packed: list[bytes] = []
        starts = array("L", [0])
        for index, row in enumerate(rows):
            line = json.dumps(row, ensure_ascii=False).encode()
            packed.append(line)
            starts.append(starts[-1] + len(line))
            latin, ru, ar = row[3], row[4], row[5]
            for script, spellings in (("latin", _latin_names(latin)), ("ru", ru), ("ar", ar)):
                for spelling in spellings:
                    # fold's cache is for the stories' words: 56,000 city words would fill it
                    words = [key(w, script, fold.__wrapped__) for w in WORD_RE.findall(str(spelling))]
                    if not words:
                        continue
                    if _FIELD in str(spelling) or _RECORD in str(spelling):
                        raise ValueError(f"a city spelling holds a separator: {spelling!r}")
                    record = _FIELD.join((words[0], " ".join(words[1:]), str(spelling), str(index)))
                    records[script].append((words[0], len(records[script]), record + _RECORD))
        self._rows = b"".join(packed)
        self._row_starts = starts
        self.by_key = {script: _Table(found) for script, found in records.items()}

    def to_bytes(self) -> bytes:
        """The built index as bytes :meth:`from_bytes` reads back without folding a word: a
        JSON header with each part's length, then the parts."""
        blobs = [self._rows, self._row_starts.tobytes()]
        for script in _SCRIPTS:
            packed, starts = self.by_key[script].parts()
            blobs += [packed.encode(), starts.tobytes()]
        header = json.dumps({"format": _CACHE_FORMAT, "row_starts": self._row_starts.typecode,
                             "starts": "I", "sizes": [len(b) for b in blobs]}).encode()
        return header + b"\n" + b"".join(blobs)

    @classmethod
    def from_bytes(cls, data: bytes) -> WeakIndex:
        """The index :meth:`to_bytes` wrote; ValueError if ``data`` is not one."""
        head, sep, body = data.partition(b"\n")
        if not sep:
            raise ValueError("no header")
        try:
            header = json.loads(head)
            sizes = [int(n) for n in header["sizes"]]
            fmt, row_code, start_code = header["format"], header["row_starts"], header["starts"]
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"bad header: {exc}") from exc
        if fmt != _CACHE_FORMAT or len(sizes) != 2 + 2 * len(_SCRIPTS) or sum(sizes) != len(body):
            raise ValueError("not an index of this format")
        blobs, at = [], 0
        for size in sizes:
            blobs.append(body[at:at + size])
            at += size
        index = cls.__new__(cls)
        index._places = {}
        index._rows = blobs[0]
        index._row_starts = array(row_code)
        index._row_starts.frombytes(blobs[1])
        index.by_key = {}
        for i, script in enumerate(_SCRIPTS):
            starts = array(start_code)
            starts.frombytes(blobs[2 + 2 * i + 1])
            index.by_key[script] = _Table.from_parts(blobs[2 + 2 * i].decode(), starts)
        return index

    def __len__(self) -> int:
        return len(self._row_starts) - 1

    def row(self, index: int) -> list[Any]:
        """Row ``index`` as the data file has it."""
        if not 0 <= index < len(self):
            raise IndexError(index)
        return json.loads(self._rows[self._row_starts[index]:self._row_starts[index + 1]])

    def place(self, index: int) -> Place:
        found = self._places.get(index)
        if found is None:
            found = self._places[index] = _place(self.row(index))
        return found

    def at(self, words: Sequence[str], k: int, lang: str | None) -> WeakName | None:
        """The longest weak city whose name starts at ``words[k]`` (the most populous of
        several), or None."""
        script = _script(lang)
        table = self.by_key[script]
        first = key(words[k], script)
        candidates = table.get(first)
        if candidates is None and script == "ar":
            for clitic in _AR_CLITICS:  # "وغاريسا", "بغاريسا"
                if first.startswith(clitic) and len(first) > 4:
                    candidates = table.get(first[1:])
                    if candidates:
                        break
        best: tuple[tuple[str, ...], str, int] | None = None
        # the keys of the words after k, made once for all the candidates that need them
        following: list[str] = []
        for cand in candidates or ():
            size = len(cand[0])
            if k + size > len(words) or (best is not None and size <= len(best[0])):
                continue  # rows are sorted by population: the first of a length wins
            if size > 1:
                while len(following) < size - 1:
                    following.append(key(words[k + 1 + len(following)], script))
                if cand[0][1:] != tuple(following[: size - 1]):
                    continue
            best = cand
        return None if best is None else WeakName(best[0], best[1], self.place(best[2]))


def _latin_names(latin: str | list[str] | None) -> list[str]:
    """A row's Latin-script names: its GeoNames name, then a short form copy writes
    ("Klagenfurt" for "Klagenfurt am Wörthersee") where the build found one."""
    if not latin:
        return []
    return [latin] if isinstance(latin, str) else [str(name) for name in latin]


def _place(row: Sequence[Any]) -> Place:
    geonames_id, country, population, latin, ru, ar = row
    names: dict[str, tuple[str, ...]] = {}
    latin_names = _latin_names(latin)
    if latin_names:
        names.update((lang, tuple(latin_names)) for lang in _LATIN_LANGS)
    if ru:
        names["ru"] = tuple(ru)
    if ar:
        names["ar"] = tuple(ar)
    return Place(
        id=str(geonames_id), name=(latin_names or list(next(iter(names.values()))))[0], kind="city",
        country=str(country), geonames_id=int(geonames_id),
        names=names, prior=min(4, 1 + int(population) // 250_000),
    )


_SCRIPTS = ("latin", "ru", "ar")
_CACHE_FORMAT = 1


def _cache_name(data: bytes) -> str:
    """Named by what the built index depends on: the data file and the code that keys its
    words (this module and the folding in :mod:`newswire.vocab.places`)."""
    digest = hashlib.blake2b(data, digest_size=20)
    for module in (__file__, _places_module.__file__):
        digest.update(Path(module).read_bytes())
    return f"geonames-weak-{digest.hexdigest()}.bin"


def _cached_build(data: bytes, directory: Path) -> WeakIndex:
    """The index built from ``data``, read from the cache directory when an earlier process
    built it (about a second of folding 78,000 words, at every first story otherwise)."""
    path = directory / _cache_name(data)
    with contextlib.suppress(OSError, ValueError):
        return WeakIndex.from_bytes(path.read_bytes())
    index = WeakIndex(json.loads(data)["cities"])
    try:
        if owned(directory):
            write_whole(path, index.to_bytes())
    except OSError as exc:
        log.warning("the GeoNames index is not cached: %s", exc)
    return index


@lru_cache(maxsize=1)
def weak_index() -> WeakIndex:
    """The weak GeoNames cities, loaded once (empty when the data file is absent)."""
    source = resources.files("newswire.vocab").joinpath("data/places_geonames.json")
    if not source.is_file():
        return WeakIndex(())
    return _cached_build(source.read_bytes(), cache_dir())
