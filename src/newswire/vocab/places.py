"""A gazetteer of countries and major cities, and the multilingual name matching behind it.

``data/places.json`` holds every ISO 3166-1 country and a few hundred cities (capitals and
the places wire stories are datelined from), each with its GeoNames id and names in the
wire's languages (en, tr, ar, ru, fr, es, de, bs/hr), plus demonym adjectives ("Russian",
"Rus", "российский", "الروسي") that count as weak mentions of a country.

Names are matched on *folded* tokens (case, diacritics, dotted/dotless i, Arabic hamza and
ta marbuta forms ignored) and are tolerant of inflection:

* Russian and Bosnian/Croatian: a text word matches a name word when both reduce to the same
  stem after dropping one case ending ("Москве" ~ "Москва", "Rusije" ~ "Rusija");
* Turkish: case suffixes are split off by the apostrophe ("Moskova'da"), or stripped when
  written without one; German: the genitive ``-s`` ("Russlands");
* Arabic: the clitics و ف ب ل ك and ``لل`` in front of a word ("وموسكو", "للأمم").

:class:`NameMatcher` is the engine: a dict from first-token key to candidate names (longest
first), used here for :func:`lookup` and by ``newswire.enrich.entities`` for whole stories.
Ambiguous names (Georgia the country or the US state, Paris or Paris, Texas, Tripoli in
Libya or Lebanon) are settled by :func:`choose`: the story's other places and its dateline
outweigh the place's ``prior``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")

GEONAMES_URI = "https://sws.geonames.org/{}/"
LANGUAGES: tuple[str, ...] = ("en", "tr", "ar", "ru", "fr", "es", "de", "bs")
# Languages written with the Bosnian/Croatian/Serbian (Latin) names.
_LANG_ALIASES = {"hr": "bs", "sr": "bs", "cnr": "bs", "sh": "bs"}

# ---------------------------------------------------------------------------------------
# Folding and tokens
# ---------------------------------------------------------------------------------------
WORD_RE = re.compile(r"[^\W_]+")
_FOLD_TABLE = str.maketrans({"ı": "i", "ى": "ي", "ة": "ه", "ـ": None, "’": "'"})

_RU_ENDINGS = (
    "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "ои", "еи", "ии", "ыи", "ая", "яя", "ое",
    "ее", "ые", "ие", "ом", "ем", "ым", "им", "ах", "ях", "ам", "ям", "ов", "ев", "ую", "юю",
    "ого", "его", "ому", "ему", "ыми", "ими", "ами", "ями", "ью",
)
_RU_UNDECLINED = ("у", "ю")
_BS_ENDINGS = (
    "a", "e", "i", "o", "u", "om", "em", "oj", "ama", "ima", "ih", "im", "og", "ega", "oga",
)
_TR_SUFFIXES = tuple(
    sorted(
        {
            "nin", "nun", "in", "un", "da", "de", "ta", "te", "dan", "den", "tan", "ten",
            "ya", "ye", "yi", "yu", "a", "e", "i", "u", "la", "le", "yla", "yle", "daki",
            "deki", "taki", "teki", "ndaki", "ndeki", "nda", "nde", "ndan", "nden", "na",
            "ne", "ni", "nu", "li", "lu", "lar", "ler", "lari", "leri", "nca", "nce",
        },
        key=len,
        reverse=True,
    )
)
_AR_ARTICLE_PREFIXES = ("وال", "فال", "بال", "كال")
_AR_PREFIXES = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case-, accent- and letter-form-insensitive key for a word or name."""
    if text.isascii():
        return text.lower()
    folded = unicodedata.normalize("NFD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded.translate(_FOLD_TABLE)


def script_of(word: str) -> str:
    """``"cyrl"``, ``"arab"`` or ``"latn"`` (anything else counts as Latin) by first letter."""
    if not word:
        return "latn"
    c = word[0]
    if "\u0400" <= c <= "\u04ff":
        return "cyrl"
    if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f":
        return "arab"
    return "latn"


@lru_cache(maxsize=256)
def norm_lang(lang: str | None) -> str | None:
    """Primary subtag, lower case, with hr/sr folded into the Bosnian names: ``hr-HR`` -> ``bs``."""
    if not lang:
        return None
    primary = lang.replace("_", "-").split("-", 1)[0].lower()
    return _LANG_ALIASES.get(primary, primary) or None


def _stems(word: str, endings: Sequence[str]) -> frozenset[str]:
    out = {word}
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            out.add(word[: -len(ending)])
    return frozenset(out)


@lru_cache(maxsize=1 << 16)
def name_token_keys(token: str, lang: str | None = None) -> frozenset[str]:
    """Index keys of one word of a vocabulary name (stems for Russian and Bosnian)."""
    word = fold(token)
    script = script_of(word)
    if script == "cyrl":
        # a foreign name in -у/-ю is not declined ("в Баку", "Болу"): matched only as written,
        # so "Более" is no "Болу"
        return frozenset((word,)) if word.endswith(_RU_UNDECLINED) else _stems(word, _RU_ENDINGS)
    if script == "latn" and norm_lang(lang) == "bs":
        return _stems(word, _BS_ENDINGS)
    if script == "latn" and norm_lang(lang) == "de" and (adjective := _DE_ADJECTIVE_RE.match(word)):
        return frozenset((word, adjective[1]))
    return frozenset((word,))


# A German adjective and its case ending: a name listed for German ("de:Hessischer Landtag")
# is matched in every case ("des Hessischen Landtags", "der Hessische Landtag").
_DE_ADJECTIVE_RE = re.compile(r"^(\w{3,}(?:isch|sch|ig|lich|al|ell))(?:e|er|es|en|em)$")


@lru_cache(maxsize=1 << 16)
def text_token_keys(token: str, lang: str | None = None) -> frozenset[str]:
    """Keys a word of running text may match a name word by (inflection-tolerant)."""
    word = fold(token)
    script = script_of(word)
    if script == "cyrl":
        return _stems(word, _RU_ENDINGS)
    if script == "arab":
        out = {word}
        for prefix in _AR_ARTICLE_PREFIXES:
            if word.startswith(prefix) and len(word) > len(prefix) + 1:
                out.add("ال" + word[len(prefix):])
        if word.startswith("لل") and len(word) > 3:
            out.add("ال" + word[2:])
        for prefix in _AR_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 2:
                out.add(word[len(prefix):])
        return frozenset(out)
    lang = norm_lang(lang)
    if lang == "bs":
        return _stems(word, _BS_ENDINGS)
    if lang == "tr" and token[:1].isupper():
        out = {word}
        for suffix in _TR_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                out.add(word[: -len(suffix)])
        return frozenset(out)
    if lang == "de" and (adjective := _DE_ADJECTIVE_RE.match(word)):
        return frozenset((word, adjective[1]))
    if lang == "de" and word.endswith("s") and len(word) > 4:
        return frozenset((word, word[:-1]))
    return frozenset((word,))


@dataclass(slots=True)
class Tokens:
    """Words of a text with their character offsets."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]

    def __len__(self) -> int:
        return len(self.words)

    def joined(self, i: int) -> bool:
        """Word ``i`` and ``i + 1`` may belong to one name (only a space, hyphen, dot or
        apostrophe between them)."""
        gap = self.text[self.ends[i]:self.starts[i + 1]]
        return len(gap) <= 3 and not gap.strip(" \u00a0-‐'’.")

    def span(self, i: int, j: int) -> str:
        """The text of words ``i`` to ``j - 1``, as written."""
        return self.text[self.starts[i]:self.ends[j - 1]]


_SPLIT_WORDS_RE = re.compile(r"([^\W_]+)")
_SPLIT_ALNUM_RE = re.compile(r"(\w+)")  # the same split in a text with no "_"
# Combining marks (Latin accents in decomposed text, Arabic tashkeel) are not word
# characters to the regex, but they belong to the word they sit on: "عمّان" is one word.
_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_MARK_RE = re.compile(f"[{_MARKS}]")
_SPLIT_MARKED_WORDS_RE = re.compile(f"([^\\W_](?:[^\\W_]|[{_MARKS}])*)")


def tokenize(text: str) -> Tokens:
    # One C-level split gives gap, word, gap, word, ..., gap; the running sum of their
    # lengths gives every word's start (even entries) and end (odd entries) without a
    # Python-level step per word.
    # without an underscore "\w+" splits the same, a tenth faster than "[^\W_]+"
    plain = _SPLIT_WORDS_RE if "_" in text else _SPLIT_ALNUM_RE
    splitter = _SPLIT_MARKED_WORDS_RE if _MARK_RE.search(text) else plain
    parts = splitter.split(text)
    words = parts[1::2]
    offsets = list(accumulate(map(len, parts)))
    return Tokens(text, words, offsets[0:-1:2], offsets[1::2])


@lru_cache(maxsize=16)
def story_tokens(text: str) -> Tokens:
    """:func:`tokenize` for a whole story, cached: the entities and quotes steps both read
    it. The result is shared, so callers must not modify it."""
    return tokenize(text)


# ---------------------------------------------------------------------------------------
# The matcher
# ---------------------------------------------------------------------------------------
CASE_ANY, CASE_INITIAL, CASE_UPPER = 0, 1, 2
_MAX_REMEMBERED_WORDS = 200_000  # per language, for NameMatcher's word -> candidates


@dataclass(frozen=True, slots=True)
class _Candidate(Generic[T]):
    size: int
    rest: tuple[frozenset[str], ...]
    payload: T
    case: int
    langs: frozenset[str] | None
    order: int = 0  # when it was added: ties between equally long names go to the first


@dataclass(frozen=True, slots=True)
class NameMatch(Generic[T]):
    """Words ``start`` to ``end - 1`` matched these payloads (several when ambiguous)."""

    start: int
    end: int
    payloads: tuple[T, ...]


def case_rule(name: str) -> int:
    """Capitalised names need a capital in the text; all-caps acronyms need all caps."""
    letters = [c for c in name if c.isalpha()]
    if not letters or not any(c.isupper() or c.islower() for c in letters):
        return CASE_ANY  # an uncased script (Arabic)
    if len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in name:
        return CASE_UPPER
    return CASE_INITIAL if name[0].isupper() else CASE_ANY


# Tens of thousands of names share a handful of language sets: one frozenset each (a set
# per name cost about 2 MB of a server's memory for the gazetteer alone).
_LANG_SETS: dict[frozenset[str], frozenset[str]] = {}


@lru_cache(maxsize=256)
def _one_lang(lang: str) -> frozenset[str]:
    found = frozenset({norm_lang(lang) or lang})
    return _LANG_SETS.setdefault(found, found)


class NameMatcher(Generic[T]):
    """Leftmost-longest matching of many multi-word names over tokenized text.

    A dict maps the key of a name's first word to its candidates (longest first), so a
    story is scanned in one pass whatever the size of the vocabulary.
    """

    def __init__(self) -> None:
        self._first: dict[str, list[_Candidate[T]]] = {}
        self._added = 0
        self._sorted = True
        # lang -> word -> candidates whose first word it may be (most words: none), and
        # lang -> the words seen so far that have any.
        self._by_word: dict[str | None, dict[str, tuple[_Candidate[T], ...]]] = {}
        self._with_candidates: dict[str | None, set[str]] = {}

    def add(
        self,
        name: str,
        payload: T,
        lang: str | Iterable[str] | None = None,
        *,
        case: int | None = None,
    ) -> None:
        """Add ``name``; ``lang`` limits it to texts in those languages (None: any)."""
        words = WORD_RE.findall(name)
        if not words or "(" in name:
            return
        if isinstance(lang, str):
            langs: frozenset[str] | None = _one_lang(lang)
        elif lang is None:
            langs = None
        else:
            found = frozenset(norm_lang(x) or x for x in lang)
            langs = _LANG_SETS.setdefault(found, found)
        key_lang = next(iter(langs)) if langs and len(langs) == 1 else None
        keys = [name_token_keys(w, key_lang) for w in words]
        cand = _Candidate(
            len(words), tuple(keys[1:]), payload, case_rule(name) if case is None else case, langs,
            self._added,
        )
        self._added += 1
        for key in keys[0]:
            self._first.setdefault(key, []).append(cand)
        self._sorted = False
        self._by_word.clear()
        self._with_candidates.clear()

    def _sort(self) -> None:
        for cands in self._first.values():
            cands.sort(key=lambda c: -c.size)
        self._sorted = True

    def _candidates(self, word: str, lang: str | None) -> tuple[_Candidate[T], ...]:
        table = self._by_word.get(lang)
        if table is None:
            table = self._by_word[lang] = {}
            self._with_candidates[lang] = set()
        found = table.get(word)
        if found is not None:
            return found
        if not self._sorted:
            self._sort()
        seen: dict[int, _Candidate[T]] = {}
        for key in text_token_keys(word, lang):
            for cand in self._first.get(key, ()):
                if lang and cand.langs is not None and lang not in cand.langs:
                    continue
                if cand.case == CASE_INITIAL and not word[0].isupper():
                    continue
                if cand.case == CASE_UPPER and not word.isupper():
                    continue
                seen[id(cand)] = cand
        # By size, then in the order the names were added - not in the order the word's
        # keys come out of their set, which varies from one process to the next.
        result = tuple(sorted(seen.values(), key=lambda c: (-c.size, c.order)))
        if len(table) > _MAX_REMEMBERED_WORDS:
            table.clear()
            self._with_candidates[lang].clear()
        table[word] = result
        if result:
            self._with_candidates[lang].add(word)
        return result

    def match_at(self, tokens: Tokens, i: int, lang: str | None = None) -> NameMatch[T] | None:
        cands = self._candidates(tokens.words[i], lang)
        if not cands:
            return None
        return self._match(tokens, i, lang, cands)

    def _match(
        self, tokens: Tokens, i: int, lang: str | None, cands: tuple[_Candidate[T], ...]
    ) -> NameMatch[T] | None:
        words = tokens.words
        n = len(words)
        best = 0
        found: list[T] = []
        next_keys: frozenset[str] | None = None  # keys of the next word, once per position
        for cand in cands:
            if cand.size < best:
                break
            if i + cand.size > n:
                continue
            if cand.rest:
                if next_keys is None:
                    next_keys = text_token_keys(words[i + 1], lang)
                # Most multi-word candidates fail on their second word: test it first.
                if cand.rest[0].isdisjoint(next_keys) or not self._rest_matches(
                    tokens, i, cand.rest, lang
                ):
                    continue
            if cand.size > best:
                best = cand.size
                found = [cand.payload]
            elif cand.payload not in found:
                found.append(cand.payload)
        if not found:
            return None
        return NameMatch(i, i + best, tuple(found))

    @staticmethod
    def _rest_matches(
        tokens: Tokens, i: int, rest: tuple[frozenset[str], ...], lang: str | None
    ) -> bool:
        """Words after ``i`` are joined to it and match the name's other words' keys."""
        text, words, starts, ends = tokens.text, tokens.words, tokens.starts, tokens.ends
        for k, keys in enumerate(rest, start=i + 1):
            gap = text[ends[k - 1]:starts[k]]  # Tokens.joined, inlined
            if len(gap) > 3 or gap.strip(" \u00a0-‐'’."):
                return False
            if keys.isdisjoint(text_token_keys(words[k], lang)):
                return False
        return True

    def scan(
        self, tokens: Tokens, lang: str | None = None, distinct: set[str] | None = None
    ) -> list[NameMatch[T]]:
        """Non-overlapping leftmost-longest matches over the whole text. ``distinct``: the
        set of its words, when the caller has made it (read, not modified)."""
        lang = norm_lang(lang)
        words = tokens.words
        if distinct is None:
            distinct = set(words)
        # Words not seen before get their candidates looked up (and remembered); then set
        # operations pick the words that have any, and only their positions (a small share
        # of a story) are visited.
        table = self._by_word.get(lang)
        # (set.difference with the dict itself looks up each of the story's words; "distinct
        # - table.keys()" walked every word remembered, up to _MAX_REMEMBERED_WORDS, per story)
        unknown = distinct if table is None else distinct.difference(table)
        if table is not None and len(table) + len(unknown) > _MAX_REMEMBERED_WORDS:
            # make room now rather than in the middle of the story
            table.clear()
            self._with_candidates[lang].clear()
            unknown = distinct
        for word in unknown:
            self._candidates(word, lang)
        table = self._by_word.get(lang, {})
        hits = distinct & self._with_candidates.get(lang, set())
        out: list[NameMatch[T]] = []
        if not hits:
            return out
        end = 0
        for i in [i for i, word in enumerate(words) if word in hits]:
            if i < end:
                continue
            m = self._match(tokens, i, lang, table[words[i]])
            if m is not None:
                out.append(m)
                end = m.end
        return out


# ---------------------------------------------------------------------------------------
# The gazetteer
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Place:
    """A country, city or region. ``names``/``adjectives``: language -> spellings."""

    id: str
    name: str
    kind: str  # "country" | "city" | "region"
    country: str  # ISO 3166-1 alpha-2
    geonames_id: int
    names: Mapping[str, tuple[str, ...]] = field(compare=False, hash=False)
    adjectives: Mapping[str, tuple[str, ...]] = field(
        default_factory=dict, compare=False, hash=False
    )
    prior: int = field(default=50, compare=False, hash=False)

    @property
    def uri(self) -> str:
        return GEONAMES_URI.format(self.geonames_id)

    def name_in(self, lang: str | None) -> str:
        """The name in ``lang`` (the first spelling), else the English one."""
        spellings = self.names.get(norm_lang(lang) or "", ())
        usable = [s for s in spellings if "(" not in s]
        return usable[0] if usable else self.name

    def all_names(self) -> Iterator[tuple[str, str, bool]]:
        """Every ``(spelling, language, is_adjective)``."""
        for lang, spellings in self.names.items():
            for s in spellings:
                yield s, lang, False
        for lang, spellings in self.adjectives.items():
            for s in spellings:
                yield s, lang, True


@dataclass(frozen=True, slots=True)
class PlaceName:
    """A matched spelling: the place, and whether it was an adjective ("Russian")."""

    place: Place
    adjective: bool
    spelling: str = ""


class Gazetteer:
    def __init__(self, places: Sequence[Place]) -> None:
        self.places = tuple(places)
        self.by_id = {p.id: p for p in places}
        self.by_geonames = {p.geonames_id: p for p in places}
        self.matcher: NameMatcher[PlaceName] = NameMatcher()
        for p in places:
            for spelling, lang, adjective in p.all_names():
                self.matcher.add(spelling, PlaceName(p, adjective, spelling), lang)

    def lookup(self, name: str, lang: str | None = None) -> list[Place]:
        tokens = tokenize(name)
        if not len(tokens):
            return []
        # A trailing suffix after an apostrophe is not part of the name: "Moskova'da".
        n = len(tokens)
        if n > 1 and tokens.text[tokens.ends[n - 2]:tokens.starts[n - 1]] in ("'", "’"):
            n -= 1
        found: list[PlaceName] = []
        for attempt in (norm_lang(lang), None):
            m = self.matcher.match_at(tokens, 0, attempt)
            if m is not None and m.end == n:
                found = list(m.payloads)
                break
            if attempt is None:
                break
        found.sort(key=lambda pn: (pn.adjective, -pn.place.prior, pn.place.id))
        out: list[Place] = []
        for pn in found:
            if pn.place not in out:
                out.append(pn.place)
        return out


def _load() -> Gazetteer:
    raw = json.loads(
        resources.files("newswire.vocab").joinpath("data/places.json").read_text("utf-8")
    )
    places = []
    for row in raw["places"]:
        names = {lang: tuple(v) for lang, v in row["names"].items()}
        adjectives = {lang: tuple(v) for lang, v in row.get("adjectives", {}).items()}
        english = names.get("en", ()) or next(iter(names.values()))
        places.append(
            Place(
                id=row["id"],
                name=english[0],
                kind=row["kind"],
                country=row["country"],
                geonames_id=int(row["geonames_id"]),
                names=names,
                adjectives=adjectives,
                prior=int(row.get("prior", 50)),
            )
        )
    return Gazetteer(places)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded and indexed once."""
    return _load()


def lookup(name: str, lang: str | None = None) -> list[Place]:
    """Places called ``name`` (any inflection the matcher tolerates), best guess first.

    Spellings in ``lang`` are preferred; when none fits, every language is tried. Among
    several places of one name the higher ``prior`` comes first (the country Georgia before
    the US state); adjectives ("Russian") come after names.
    """
    return gazetteer().lookup(name, lang)


def get(place_id: str) -> Place | None:
    """A place by id: the ISO code for a country, the GeoNames id for a city or region."""
    return gazetteer().by_id.get(place_id)


def by_geonames(geonames_id: int) -> Place | None:
    return gazetteer().by_geonames.get(geonames_id)


def countries() -> list[Place]:
    return [p for p in gazetteer().places if p.kind == "country"]


# Weights for choose(): a dateline in the same country outweighs any prior; each other
# place of the story in the candidate's country adds support (up to a cap).
DATELINE_WEIGHT = 150
SUPPORT_WEIGHT = 25
SUPPORT_CAP = 100
ADJACENT_WEIGHT = 100


def choose(
    candidates: Sequence[Place],
    context: Mapping[str, int] | None = None,
    located: Place | None = None,
    *,
    adjacent: Place | None = None,
    for_dateline: bool = False,
) -> tuple[Place, bool]:
    """Pick one of several same-name places; returns ``(place, decided_by_context)``.

    ``context`` counts the story's other (unambiguous) place mentions by country code;
    ``located`` is the dateline place; ``adjacent`` a place written right beside the name
    ("Paris, Texas", "Atlanta, Georgia"). A dateline is a city far more often than a
    country, so ``for_dateline`` favours cities.
    """
    if len(candidates) == 1:
        return candidates[0], False
    context = context or {}
    best: Place | None = None
    best_score = -1
    for p in candidates:
        score = p.prior
        score += min(SUPPORT_CAP, SUPPORT_WEIGHT * context.get(p.country, 0))
        if located is not None and located.country == p.country:
            score += DATELINE_WEIGHT
        if adjacent is not None and adjacent.country == p.country and adjacent.id != p.id:
            score += ADJACENT_WEIGHT
        if for_dateline and p.kind != "country":
            score += 100
        if score > best_score:
            best, best_score = p, score
    assert best is not None
    return best, best_score > best.prior


def resolve(
    name: str,
    lang: str | None = None,
    *,
    context: Mapping[str, int] | None = None,
    located: Place | None = None,
) -> Place | None:
    """The one place ``name`` most likely means in a story with ``context`` and dateline."""
    found = lookup(name, lang)
    if not found:
        return None
    return choose(found, context, located)[0]
