"""One story being read: its words, the matches of the shared matcher (places, the
people/organisation vocabulary, cue words), and the helpers every finder uses to walk
capitalised name runs.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat

from newswire.enrich.entities.cues import (
    _LOCATIVES,
    _ORG_BEFORE,
    _ORG_END,
    _ORG_START,
    _SAY,
    _SAY_AFTER,
    _SCORE_RE,
    _SEAT_NAMES,
    _TITLES,
)
from newswire.enrich.entities.words import _ABBREV, _AR_STOP, _NAME_TAIL, _PARTICLES, _SENTENCE_GAP_RE, _STOP_FOLDED
from newswire.vocab import people_orgs
from newswire.vocab.people_orgs import PERSON, VocabEntry
from newswire.vocab.places import (
    CASE_ANY,
    CASE_INITIAL,
    NameMatch,
    NameMatcher,
    Place,
    PlaceName,
    Tokens,
    fold,
    gazetteer,
    name_token_keys,
    norm_lang,
    script_of,
    story_tokens,
)


@dataclass(frozen=True, slots=True)
class _Cue:
    kind: str  # "title" | "say" | "say_after" | "org_end" | "org_start" | "org_before" | "seat"
    word: str


@dataclass(frozen=True, slots=True)
class _VocabName:
    entry: VocabEntry
    spelling: str


Payload = PlaceName | _VocabName | _Cue
_matcher_cache: list[tuple[people_orgs.Vocabulary, NameMatcher[Payload]]] = []


# Place spellings that read as a common given name in the story's words: the Russian
# "Константина" (Constantine, Algeria) matches "Константин" and "Константина", a man.
_GIVEN_NAMES_NOT_PLACES = frozenset(("Константина",))


def _build(vocab: people_orgs.Vocabulary) -> NameMatcher[Payload]:
    matcher: NameMatcher[Payload] = NameMatcher()
    for place in gazetteer().places:
        for spelling, lang, adjective in place.all_names():
            if spelling in _GIVEN_NAMES_NOT_PLACES:
                continue
            matcher.add(spelling, PlaceName(place, adjective, spelling), lang)
    for entry in vocab:
        if entry.source == people_orgs.ARCHIVE:
            continue  # matched on their own, after the rules: archive_matches
        for alias in entry.spellings():
            matcher.add(alias.text, _VocabName(entry, alias.text), alias.lang)
    for table, kind, case in (
        (_TITLES, "title", CASE_ANY),
        (_SAY, "say", CASE_ANY),
        (_SAY_AFTER, "say_after", CASE_ANY),
        (_ORG_END, "org_end", CASE_INITIAL),
        (_ORG_START, "org_start", None),
        (_ORG_BEFORE, "org_before", None),
    ):
        for lang, words in table.items():
            for word in words:
                matcher.add(word, _Cue(kind, word), lang, case=case)
    for word in _SEAT_NAMES:
        matcher.add(word, _Cue("seat", word), None, case=CASE_INITIAL if word[:1].isupper() else CASE_ANY)
    return matcher


_archive_cache: list[tuple[people_orgs.Vocabulary, NameMatcher[_VocabName]]] = []


def _archive_matcher() -> NameMatcher[_VocabName]:
    """The organisations the project's annotated archive confirms, in a matcher of their own:
    they are looked for after the rules, where the rules found nothing (a learned name in the
    main matcher would cut short the longer names the rules complete: "Dışişleri Bakanlığı"
    of "Umman Dışişleri Bakanlığı")."""
    vocab = people_orgs.load_vocab()
    if _archive_cache and _archive_cache[0][0] is vocab:
        return _archive_cache[0][1]
    matcher: NameMatcher[_VocabName] = NameMatcher()
    for entry in vocab:
        if entry.source == people_orgs.ARCHIVE:
            for alias in entry.spellings():
                matcher.add(alias.text, _VocabName(entry, alias.text), alias.lang)
    _archive_cache[:] = [(vocab, matcher)]
    return matcher


def _matcher() -> NameMatcher[Payload]:
    vocab = people_orgs.load_vocab()
    if _matcher_cache and _matcher_cache[0][0] is vocab:
        return _matcher_cache[0][1]
    matcher = _build(vocab)
    _matcher_cache[:] = [(vocab, matcher)]
    return matcher


@dataclass
class _Acc:
    """An entity being gathered: spellings seen, first position, evidence."""

    kind: str
    key: tuple[str, ...]
    first: int
    spellings: list[str] = field(default_factory=list)
    confidence: int = 0
    mentions: int = 0
    uri: str | None = None
    entry: VocabEntry | None = None
    literal: str | None = None
    titles: set[str] = field(default_factory=set)
    place: Place | None = None
    full: bool = False  # seen with two or more words (a person)

    def add(self, spelling: str, confidence: int, position: int) -> None:
        self.spellings.append(spelling)
        self.confidence = max(self.confidence, confidence)
        self.mentions += 1
        self.first = min(self.first, position)


_AccFn = Callable[[str, tuple[str, ...], int], _Acc]
_NO_KINDS: frozenset[str] = frozenset()


def _cased(word: str) -> bool:
    return word[:1].isupper()


@lru_cache(maxsize=1 << 16)
def _is_name_word(word: str) -> bool:
    return _cased(word) and fold(word) not in _STOP_FOLDED and not word.isdigit()


_APOSTROPHES = frozenset(("'", "’"))
_SUFFIX_APOSTROPHE = frozenset(("tr", "az"))  # languages that write a name's case ending after an apostrophe
_TOWN_AFTER_NOUN = frozenset(("de", "bs", "hr", "sr"))  # "Destination Davos Klosters", "Grad Zagreb"
_JOINERS = frozenset(("-", "'", "’"))  # what joins the parts of one word
_APOSTROPHE_PREFIXES = frozenset(("O", "D"))  # "O'Dwyer", "D'Amato": the prefix is a stop word or one letter
_APOSTROPHE_TAIL = 2  # longest lower-case tail after an apostrophe inside a name ("Floc'h", "Sa'ad")
# What English writes after an apostrophe: a possessive or a contraction, never a name's tail.
_CONTRACTION_TAILS = frozenset(("s", "t", "d", "ll", "re", "ve", "m"))


class _Story:
    """State of one extraction: tokens, matches, and what each word belongs to."""

    def __init__(self, text: str, lang: str | None) -> None:
        self.text = text
        self.lang = norm_lang(lang)
        self.toks: Tokens = story_tokens(text)
        self.n = len(self.toks)
        # the story's distinct words (shared, so not to be modified): the matcher and several
        # finders test a word's own properties once per distinct word
        self.distinct: set[str] = set(self.toks.words)
        self.matches: list[NameMatch[Payload]] = _matcher().scan(self.toks, self.lang, self.distinct)
        # the matches that carry cue words, with their cues: one pass shared by the finders
        self.cued: list[tuple[NameMatch[Payload], list[_Cue]]] = [
            (m, cues) for m in self.matches if (cues := [p for p in m.payloads if type(p) is _Cue])
        ]
        self.owner: list[int] = [-1] * self.n
        for idx, m in enumerate(self.matches):
            self.owner[m.start:m.end] = [idx] * (m.end - m.start)
        self.caseless = self.lang == "ar" or (
            self.lang is None and bool(text) and script_of(text.lstrip()[:1]) == "arab"
        )
        self.org_spans: list[tuple[int, int]] = []
        self.match_kinds: dict[int, frozenset[str]] = {}
        self.org_mask = bytearray()
        self.absorbed: dict[int, _Acc] = {}
        self.person_spans: list[tuple[int, int]] = []
        # employers found before a name after "title de", by first word: where the name starts
        self.employer_before: dict[int, int] = {}
        self.sport_words: int | None = None  # distinct sports words (counted when first asked)
        self._has_score: bool | None = None
        self._sentence_starts: list[int] | None = None  # per word, filled as sentence_start walks
        self._person_ends: dict[int, list[int]] = {}  # person_spans by first word, then by end
        self._person_starts: dict[int, list[int]] = {}
        self._persons_indexed = 0

    def archive_matches(self) -> list[NameMatch[_VocabName]]:
        """Where the archive's organisations are named in the story (see _archive_matcher)."""
        return _archive_matcher().scan(self.toks, self.lang, self.distinct)

    @property
    def has_score(self) -> bool:
        """The story holds a result ("2-1", "3:0"): asked by several finders, scanned for once."""
        if self._has_score is None:
            self._has_score = _SCORE_RE.search(self.text) is not None
        return self._has_score

    # -- token helpers -------------------------------------------------------------------
    def tight(self, i: int) -> bool:
        """Words i and i+1 are written as parts of one name."""
        toks = self.toks
        gap = toks.text[toks.ends[i]:toks.starts[i + 1]]
        if gap in (" ", "-", "\u00a0", "'", "’", "‑"):
            return True
        word = toks.words[i]
        if gap == "." and len(word) == 1 and word.isupper():
            nxt = toks.words[i + 1]
            return len(nxt) == 1 and nxt.isupper()  # "U.S.", "U.K."
        return gap == ". " and ((len(word) == 1 and word.isupper()) or fold(word) in _ABBREV)

    def initial(self, i: int) -> bool:
        """Word i is a capital letter with a full stop ("U.S.", "J. Smith")."""
        toks = self.toks
        word = toks.words[i]
        return len(word) == 1 and word.isupper() and toks.text.startswith(".", toks.ends[i])

    def plural_possessive(self, i: int) -> bool:
        """Word i is a plural possessive inside a name ("Nurses and Midwives' Association")."""
        toks = self.toks
        return self.lang == "en" and toks.words[i].endswith("s") and toks.text[
            toks.ends[i]:toks.starts[i + 1]
        ] in ("' ", "’ ")

    def ampersand(self, i: int) -> bool:
        """Words i and i+1 are joined by "&" ("Bill & Melinda Gates Foundation")."""
        toks = self.toks
        return toks.text[toks.ends[i]:toks.starts[i + 1]] in (" & ", "&")

    def kinds_at(self, i: int) -> frozenset[str]:
        idx = self.owner[i]
        if idx < 0:
            return _NO_KINDS
        kinds = self.match_kinds.get(idx)
        if kinds is None:
            out = set()
            for p in self.matches[idx].payloads:
                if isinstance(p, PlaceName):
                    out.add("adj" if p.adjective else "place")
                elif isinstance(p, _VocabName):
                    out.add(p.entry.kind)
                else:
                    out.add(p.kind)
            kinds = self.match_kinds[idx] = frozenset(out)
        return kinds

    def free(self, i: int) -> bool:
        return self.owner[i] < 0

    def in_org(self, i: int, j: int) -> bool:
        mask = self.org_mask
        if len(mask) != self.n:
            mask = self.org_mask = bytearray(self.n)
            for a, b in self.org_spans:
                mask[a:b] = b"\x01" * (b - a)
        return any(mask[i:j])

    def add_org_spans(self, spans: Iterable[tuple[int, int]]) -> None:
        self.org_spans.extend(spans)
        self.org_mask = bytearray()

    def gap_before(self, i: int) -> str:
        toks = self.toks
        return toks.text[toks.ends[i - 1]:toks.starts[i]] if i > 0 else toks.text[: toks.starts[0]]

    def sentence_start(self, i: int) -> int:
        """The first word of word i's sentence. Every word walked over remembers the answer, so a
        story's calls walk each word once in all: one long unpunctuated run (a list, a pasted
        table) costs one walk, not one per call."""
        if i <= 0:
            return i
        starts = self._sentence_starts
        if starts is None:
            starts = self._sentence_starts = [-1] * len(self.toks.words)
        k = i
        while k > 0 and starts[k] < 0 and not self._sentence_begins(k):
            k -= 1
        start = starts[k] if starts[k] >= 0 else k
        starts[k:i + 1] = [start] * (i + 1 - k)
        return start

    def persons_from(self, i: int) -> list[int]:
        """The ends of the person spans that start at word i (``person_spans`` only grows: the
        index catches up on what was added since the last question)."""
        self._index_persons()
        return self._person_ends.get(i, [])

    def persons_to(self, j: int) -> list[int]:
        """The starts of the person spans that end before word j."""
        self._index_persons()
        return self._person_starts.get(j, [])

    def _index_persons(self) -> None:
        spans = self.person_spans
        for i, j in spans[self._persons_indexed:]:
            self._person_ends.setdefault(i, []).append(j)
            self._person_starts.setdefault(j, []).append(i)
        self._persons_indexed = len(spans)

    def _sentence_begins(self, k: int) -> bool:
        gap = self.gap_before(k)
        return bool("\n" in gap or _SENTENCE_GAP_RE.search(gap)) and fold(self.toks.words[k - 1]) not in _ABBREV

    # -- name runs -----------------------------------------------------------------------
    def run_forward(self, j: int, max_words: int = 4, allow_person: bool = True) -> int:
        """End of a capitalised name starting at word j (j itself when there is none)."""
        words = self.toks.words
        if j >= self.n or not (_is_name_word(words[j]) or self.apostrophe_part(j)):
            return j
        k = j
        count = 0
        while k < self.n and count < max_words:
            word = words[k]
            kinds = self.kinds_at(k)
            if kinds - {PERSON, "adj"} and not (allow_person and PERSON in kinds) and not (
                # a double-barrelled surname ending in a place name: "Gago-Medina"
                k > j and kinds == {"place"} and self.toks.text[self.toks.ends[k - 1]:self.toks.starts[k]] == "-"
                and self.matches[self.owner[k]].end == k + 1
            ) and not (
                # or starting with one, or with a word a title's stem matches: "Виталий
                # Королёв-Славин" (Королёв: a town, and "король")
                k > j and kinds <= {"place", "title"} and k + 1 < self.n and self.matches[self.owner[k]].end == k + 1
                and self.toks.text[self.toks.ends[k]:self.toks.starts[k + 1]] == "-" and _is_name_word(words[k + 1])
                and self.free(k + 1)
            ) and not self._place_inside_name(j, k):
                break
            if _is_name_word(word):
                count += 1
            elif fold(word) in _PARTICLES and k + 1 < self.n and self.tight(k) and _is_name_word(
                words[k + 1]
            ):
                pass
            elif k > j and word.isalpha() and word.islower() and len(word) <= _NAME_TAIL and self.toks.text[
                self.toks.ends[k - 1]:self.toks.starts[k]
            ] == "-" and (k + 1 >= self.n or not self.tight(k) or not words[k + 1][:1].isupper()):
                pass  # "Kim Jung-kwan": the lower-case half of a hyphenated given name
            elif self.apostrophe_part(k):
                pass
            else:
                break
            k += 1
            if k < self.n and not self.tight(k - 1):
                break
        while k > j and not _is_name_word(words[k - 1]) and not (
            words[k - 1].islower() and self.toks.text[self.toks.ends[k - 2]:self.toks.starts[k - 1]] == "-"
        ) and not self.apostrophe_part(k - 1):
            k -= 1
        return k

    def _place_inside_name(self, j: int, k: int) -> bool:
        """Word k, a town's one-word name, stands between two free name words of the run from
        j: a surname ("Judge Renata Albuquerque Menezes", "Ana Toledo Ruiz"), in a language
        whose capitalised runs are names (not German's nouns, nor a Slavic body's inflected
        name before its town)."""
        return j < k and k + 1 < self.n and self.lang not in _TOWN_AFTER_NOUN and self.kinds_at(k) == {"place"} and (
            self.matches[self.owner[k]].end == k + 1 and self.free(k - 1) and _is_name_word(self.toks.words[k - 1])
            and self.gap_before(k) == " " and self.gap_before(k + 1) == " " and self.free(k + 1)
            and _is_name_word(self.toks.words[k + 1]) and not any(
                isinstance(p, PlaceName) and p.place.kind == "country" for p in self.matches[self.owner[k]].payloads
            )  # "Greenpeace Australia Pacific": a country is no one's surname
        )

    def apostrophe_part(self, k: int) -> bool:
        """Word k is a piece of a name an apostrophe splits: an Irish or Italian prefix before
        it ("O'Dwyer", "D'Amato"), or a short lower-case tail after it ("Le Floc'h",
        "Sa'ad") that no English contraction or possessive ("Smith's", "isn't") writes, in a
        language that writes no case ending after one."""
        words, n = self.toks.words, self.n
        word = words[k]
        if word in _APOSTROPHE_PREFIXES:
            return k + 1 < n and self.gap_before(k + 1) in _APOSTROPHES and _is_name_word(words[k + 1])
        return k > 0 and len(word) <= _APOSTROPHE_TAIL and word.isalpha() and word.islower() and (
            self.lang not in _SUFFIX_APOSTROPHE  # "Tekinalp'in": a Turkish case ending, not a name's part
        ) and (
            word not in _CONTRACTION_TAILS and self.gap_before(k) in _APOSTROPHES
            and _is_name_word(words[k - 1]) and len(words[k - 1]) > 1
        )

    def run_backward(self, i: int, max_words: int = 4) -> int:
        """Start of a capitalised name ending just before word i (i when there is none)."""
        words = self.toks.words
        k = i
        count = 0
        while k > 0 and count < max_words:
            word = words[k - 1]
            if k < i and not self.tight(k - 1):
                break
            kinds = self.kinds_at(k - 1)
            if kinds - {PERSON}:
                break
            if _is_name_word(word):
                count += 1
            elif fold(word) in _PARTICLES and k < i:
                pass
            elif self.apostrophe_part(k - 1):
                pass  # "… Le Floc'h a dit", "O'Dwyer-Park said"
            else:
                break
            k -= 1
        while k < i and not _is_name_word(words[k]) and not (
            words[k] in _APOSTROPHE_PREFIXES and self.apostrophe_part(k)
        ):
            k += 1
        return k

    def arabic_name(self, j: int) -> int:
        """End of an Arabic personal name starting at word j (no capitals to go by)."""
        words = self.toks.words
        if j >= self.n:
            return j
        first = fold(words[j])
        if first in _AR_STOP or first.startswith("ال") or not self.free(j):
            return j
        k = j + 1
        after_bin = False
        base = j + (first in ("عبد", "ابو", "ابي"))  # "عبد اللطيف الزموري": a compound given name
        while k < self.n and k - j < 5:
            if not self.tight(k - 1):
                break
            word = fold(words[k])
            if (word in _AR_STOP and words[k] != _AR_ALI) or (
                not self.free(k) and PERSON not in self.kinds_at(k)
            ):
                break  # "علي" as written is the given name (the preposition is "على")
            if word in _AR_SON_OF:
                # "خالد بن سعيد العمري": the father's name after "بن" does not count, the
                # family name may follow it
                base += 1
                after_bin = True
                k += 1
                continue
            if word in ("عبد", "ابو", "ابي") or (
                word in _AR_NAME_PARTICLES and k + 1 < self.n and self.tight(k)
            ):
                after_bin = True  # "ماركو فان بيرسن": a particle, then the rest of the name
                k += 1
                continue
            if word in _AR_DIN and k > base and not fold(words[k - 1]).startswith("ال"):
                # "سيف الدين", "عماد الدين": one compound name, not a family name
                base += 1
                k += 1
                continue
            previous = fold(words[k - 1])
            if k - base >= 2 and not after_bin and not (
                # "كريم فؤاد الشناوي": given name, father's name, then the family name
                k - base == 2 and word.startswith("ال") and word not in _AR_NOT_FAMILY
                and (previous in _AR_DIN or not previous.startswith("ال")) and PERSON not in self.kinds_at(k - 1)
            ):
                break
            k += 1
            after_bin = False
        return k


_AR_ALI = "علي"  # the given name as written; the preposition "على" folds to the same
_AR_SON_OF = frozenset(fold(w) for w in ("بن", "ابن", "بنت"))
# The second half of a compound given name ("عماد الدين", "نور الدين", "فاطمة الزهراء", "سيف
# الإسلام", "نور الهدى").
_AR_DIN = frozenset(fold(w) for w in ("الدين", "الزهراء", "الإسلام", "الهدى"))
# Particles inside foreign names written in Arabic ("فان", "دي", "فون").
_AR_NAME_PARTICLES = frozenset(fold(w) for w in ("فان", "فون", "دي", "دا", "دو", "لا"))
# Definite words after a two-word name that are no family name: days, times.
_AR_NOT_FAMILY = frozenset(fold(w) for w in (
    "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "الليلة", "الآن",
    "الماضية", "المقبلة", "الحالي", "الحالية", "الأول", "الثاني", "الأولى", "الثانية",
))


def _person_key(story: _Story, i: int, j: int) -> tuple[str, ...]:
    return tuple(map(min, map(name_token_keys, story.toks.words[i:j], repeat(story.lang))))


def _hyphen_only(story: _Story, i: int, j: int) -> bool:
    """Words joined only by hyphens are one compound word ("Grünen-Politikerin",
    "CDU-Fraktion"), not a first name and a surname; so are words an apostrophe joins
    ("O'Neill", "Sa'ad-Gwandu")."""
    toks = story.toks
    return j - i >= 2 and all(toks.text[toks.ends[k]:toks.starts[k + 1]] in _JOINERS for k in range(i, j - 1))


def _after_locative(story: _Story, i: int) -> bool:
    """Word i follows "in"/"at"/"в" (an article between allowed)."""
    words = story.toks.words
    for k in (i - 1, i - 2):
        if k < 0:
            return False
        folded = fold(words[k])
        if folded in _LOCATIVES:
            return True
        if folded not in ("the", "le", "la", "l", "el", "der", "dem"):
            return False
    return False


def _dateline_span(text: str) -> int:
    """Offset where the dateline (with its agency) ends in the first lines, else 0."""
    from newswire.enrich.dateline import parse_dateline

    offset = 0
    for line_no, line in enumerate(text.split("\n", 4)[:4]):
        # an agency is written in brackets or slashes: other lines need no parsing
        if line_no >= 1 and ("(" in line or "/" in line):
            found = parse_dateline(line)
            if found is not None and found.source:
                return offset + len(line) - len(found.remainder)
        offset += len(line) + 1
    return 0


def _token_at(toks: Tokens, offset: int) -> int:
    """The last word starting at or before ``offset`` (0 when there is none)."""
    return max(0, bisect_right(toks.starts, offset) - 1)
