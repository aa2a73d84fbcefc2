"""GeoNames cities beyond the curated gazetteer, looked up only where a story's context says
a place stands (a locative before the word, a Turkish case suffix, the dateline, a list with
another place).

``data/places_geonames.json`` is built by ``scripts/build_places_geonames.py`` from GeoNames
``cities15000`` (CC BY 4.0, GeoNames, https://www.geonames.org): every settlement over 15,000
inhabitants the curated ``places.json`` does not hold, with its Latin-script name (used for
en, tr, fr, es, de, bs), Russian and Arabic names. These names are not put into the story
matcher (tens of thousands of them would cost seconds at start-up and many false alarms:
"Lens", "Of", "Mobile"); :func:`weak_index` keys them by their folded first word instead, and
the entity finder asks it for the few words that stand where a place would.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from newswire.vocab.places import WORD_RE, Place, fold

_LATIN_LANGS = ("en", "tr", "fr", "es", "de", "bs")
_RU_FINALS = ("а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й")
_AR_CLITICS = ("و", "ف", "ب", "ل", "ك")


@dataclass(frozen=True, slots=True)
class WeakName:
    """One spelling of a weak city: its folded words (the first as keyed) and the place."""

    words: tuple[str, ...]
    spelling: str
    place: Place


def key(word: str, script: str) -> str:
    """The lookup key of a word: folded; in Cyrillic without a final vowel, soft sign or
    й (so "Гариссе" and "Гарисса" meet)."""
    folded = fold(word)
    if script == "ru" and len(folded) > 4 and folded.endswith(_RU_FINALS):
        return folded[:-1]
    return folded


def _script(lang: str | None) -> str:
    return lang if lang in ("ru", "ar") else "latin"


class WeakIndex:
    """Weak city spellings keyed by script and folded first word; a :class:`Place` is made
    only for a name a story asks for (the rows stay as loaded: a few MB, not tens)."""

    def __init__(self, rows: Sequence[Sequence[Any]]) -> None:
        self.rows = rows
        self._places: dict[int, Place] = {}
        self.by_key: dict[str, dict[str, list[tuple[tuple[str, ...], str, int]]]] = {
            "latin": {}, "ru": {}, "ar": {}}
        for index, row in enumerate(rows):
            latin, ru, ar = row[3], row[4], row[5]
            for script, spellings in (("latin", [latin] if latin else []), ("ru", ru), ("ar", ar)):
                for spelling in spellings:
                    words = tuple(key(w, script) for w in WORD_RE.findall(str(spelling)))
                    if words:
                        self.by_key[script].setdefault(words[0], []).append((words, str(spelling), index))

    def place(self, index: int) -> Place:
        found = self._places.get(index)
        if found is None:
            found = self._places[index] = _place(self.rows[index])
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
        for cand in candidates or ():
            size = len(cand[0])
            if k + size > len(words) or any(
                key(words[k + i], script) != cand[0][i] for i in range(1, size)
            ):
                continue
            if best is None or size > len(best[0]):  # rows are sorted by population
                best = cand
        return None if best is None else WeakName(best[0], best[1], self.place(best[2]))


def _place(row: Sequence[Any]) -> Place:
    geonames_id, country, population, latin, ru, ar = row
    names: dict[str, tuple[str, ...]] = {}
    if latin:
        names.update((lang, (str(latin),)) for lang in _LATIN_LANGS)
    if ru:
        names["ru"] = tuple(ru)
    if ar:
        names["ar"] = tuple(ar)
    return Place(
        id=str(geonames_id), name=str(latin or next(iter(names.values()))[0]), kind="city",
        country=str(country), geonames_id=int(geonames_id),
        names=names, prior=min(4, 1 + int(population) // 250_000),
    )


@lru_cache(maxsize=1)
def weak_index() -> WeakIndex:
    """The weak GeoNames cities, loaded once (empty when the data file is absent)."""
    source = resources.files("newswire.vocab").joinpath("data/places_geonames.json")
    if not source.is_file():
        return WeakIndex(())
    return WeakIndex(json.loads(source.read_text("utf-8"))["cities"])
