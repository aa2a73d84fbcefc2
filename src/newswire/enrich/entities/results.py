"""What extraction returns (:class:`Entity`, :class:`Entities`) and how the gathered
evidence becomes them: display names, short forms folded into full names.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from newswire.enrich.entities.german import _DE_SEATED_HEADS
from newswire.enrich.entities.story import _Acc, _Story
from newswire.enrich.entities.words import _CONNECTORS
from newswire.model import MACHINE_CREATOR, Concept
from newswire.vocab import people_orgs
from newswire.vocab.people_orgs import ORGANISATION, PERSON, VocabEntry
from newswire.vocab.places import WORD_RE, Place, fold, script_of

PLACE = "place"
MENTIONED = "mentioned"
DATELINE = "dateline"
EMIT_PLACE_KINDS = frozenset({"country", "city"})


@dataclass(frozen=True, slots=True)
class Entity:
    """One person, organisation or place found in a text."""

    kind: str  # "person" | "organisation" | "place"
    name: str
    uri: str | None = None
    confidence: int = 50
    rel: str = MENTIONED
    literal: str | None = None  # an organisation's acronym, when it has one
    aliases: tuple[str, ...] = ()  # other spellings seen in the text (or known)
    mentions: int = 1
    titles: tuple[str, ...] = ()  # title words seen before a person's name (folded)
    place: Place | None = field(default=None, compare=False)

    def names(self) -> set[str]:
        out = {self.name, *self.aliases}
        if self.literal:
            out.add(self.literal)
        return out

    def concept(self) -> Concept:
        return Concept(
            name=self.name,
            uri=self.uri,
            rel=self.rel,
            literal=self.literal,
            creator=MACHINE_CREATOR,
            confidence=self.confidence,
        )


@dataclass(frozen=True, slots=True)
class Entities:
    people: tuple[Entity, ...] = ()
    organisations: tuple[Entity, ...] = ()
    places: tuple[Entity, ...] = ()

    def __iter__(self) -> Iterator[Entity]:
        yield from self.people
        yield from self.organisations
        yield from self.places


def _display(spellings: Sequence[str]) -> str:
    """The fullest spelling; among those, the shortest (nominative) and then the first."""
    best = max(len(s.split()) for s in spellings)
    full = [s for s in spellings if len(s.split()) == best]
    return min(full, key=len)


# Oblique-case endings of Bosnian/Croatian and Russian names and what the nominative ends
# in instead: "Ivanu Peroviću" -> "Ivan Perović", "Никиту Серова" -> "Никита Серов",
# "Андрея Серова" -> "Андрей Серов".
_OBLIQUE_TO_NOMINATIVE = (
    ("u", ""), ("a", ""), ("om", ""), ("em", ""), ("e", "a"), ("i", "a"), ("u", "a"), ("ом", ""),
    ("ем", ""), ("а", ""), ("у", ""), ("у", "а"), ("ы", "а"), ("е", ""), ("е", "а"), ("ой", "а"),
    ("ым", ""), ("ого", "ий"), ("ому", "ий"), ("ой", "ая"),
    # a Russian man's given name in "-й" ("Андрея", "Андрею", "Андреем", "Аркадия" -> "-й")
    ("я", "й"), ("ю", "й"), ("ем", "й"),
)


def _nominative_in_text(text: str, name: str) -> str:
    """A person's name found only in an oblique case, in the nominative where the story
    also writes that form ("Treneru Ivanu Peroviću ... Ivan Perović je rekao")."""
    parts = re.split(r"([ -])", name)
    options: list[list[str]] = []
    for part in parts:
        if part in (" ", "-"):
            options.append([part])
            continue
        forms = [part]
        for ending, nominative in _OBLIQUE_TO_NOMINATIVE:
            if part.endswith(ending) and len(part) > len(ending) + 2:
                forms.append(part[: -len(ending)] + nominative)
        options.append(forms)
    for combo in itertools.islice(itertools.product(*options), 200):
        candidate = "".join(combo)
        # (the substring test first: most forms are in no story, and each pattern is new)
        if candidate != name and candidate in text and re.search(rf"(?<!\w){re.escape(candidate)}(?!\w)", text):
            return candidate
    return name


def _finish(story: _Story, accs: dict[tuple[str, ...], _Acc]) -> Entities:
    people: list[tuple[int, Entity]] = []
    orgs: list[tuple[int, Entity]] = []
    places: list[tuple[int, Entity]] = []
    lang = story.lang
    for a in accs.values():
        if not a.spellings:
            continue
        boost = min(9, 3 * (a.mentions - 1))
        confidence = min(99, a.confidence + boost)
        if a.kind == PERSON:
            if a.entry is None and not a.full:
                continue
            name = _display([s for s in a.spellings if len(s.split()) >= 2] or a.spellings)
            if lang in ("bs", "ru") and a.entry is None:
                name = _nominative_in_text(story.text, name)
            if a.entry is not None:
                name = _vocab_display(a.entry, a.spellings, lang)
            people.append((a.first, Entity(
                PERSON, name, a.uri, confidence, MENTIONED, None,
                tuple(sorted(set(a.spellings) - {name})), a.mentions, tuple(sorted(a.titles)),
            )))
        elif a.kind == ORGANISATION:
            if a.entry is not None:
                name = _vocab_display(a.entry, a.spellings, lang)
                if a.literal and a.literal != name and len(a.literal) < len(name):
                    literal: str | None = a.literal
                else:
                    literal = None
                    long_forms = [s for s in a.spellings if len(s) > len(name)]
                    if long_forms and name.isupper():
                        literal, name = name, _display(long_forms)
                    elif name not in a.spellings:
                        # named only by an acronym or short name the vocabulary expands ("NATO"
                        # in a Turkish story, "the Fed"): the short form as written stays its
                        # literal, as the story knows it by that alone
                        literal = next((s for s in a.spellings if s.isupper() and len(s) >= 2),
                                       None) or _display(a.spellings)
            else:
                name = _display(a.spellings)
                literal = a.literal
            orgs.append((a.first, Entity(
                ORGANISATION, name, a.uri, confidence, MENTIONED, literal,
                tuple(sorted(set(a.spellings) - {name})), a.mentions,
            )))
        else:
            rel = DATELINE if a.literal == DATELINE else MENTIONED
            seen = a.spellings[:-1] if rel == DATELINE and len(a.spellings) > 1 else a.spellings
            name = a.spellings[-1] if rel == DATELINE else _display(seen)
            if rel == DATELINE:
                confidence = 95
            places.append((a.first, Entity(
                PLACE, name, a.uri, confidence, rel, None,
                tuple(sorted(set(a.spellings) - {name})), a.mentions, (), a.place,
            )))
    return Entities(
        tuple(e for _, e in sorted(people, key=lambda x: x[0])),
        _fold_short_forms([e for _, e in sorted(orgs, key=lambda x: x[0])]),
        tuple(e for _, e in sorted(places, key=lambda x: x[0])),
    )


def _fold_short_forms(orgs: list[Entity]) -> tuple[Entity, ...]:
    """An organisation found (not from the vocabulary) under a name of two or more words
    that begins or ends another one's name is that organisation in short: "مجلس التنسيق"
    in a headline, "مجلس التنسيق السعودي التركي" in the body."""
    keys = [tuple(map(fold, WORD_RE.findall(e.name))) for e in orgs]
    into: dict[int, int] = {}
    for a, short in enumerate(keys):
        if orgs[a].uri is not None:
            continue
        if len(short) == 1 and orgs[a].name.isupper() and orgs[a].name.isalnum():  # not "OPEC+"
            # an acronym the story never defines, made of another name's initials: "l'OM" is
            # the "Olympique de Marseille" named before it
            # ... or the first word of another name ("ETH" of the "ETH Zürich")
            into.update((a, b) for b, full in enumerate(keys) if b != a and len(full) >= 2
                        and (_initials_of(short[0], full) or full[0] == short[0]))
            continue
        if len(short) == 1:
            b = _shortened_from(orgs, a, keys)
            if b is not None:
                into[a] = b
            continue
        for b, full in enumerate(keys):
            if len(full) <= len(short):
                continue
            if _abbreviates(orgs[a].name, orgs[b].name):
                into[a] = b  # "Vlada FBiH", "Vlada Federacije BiH"
                break
            if any(
                full[i:i + len(short)] == short for i in range(len(full) - len(short) + 1)
            ):
                # "Red Cross" in a story that names the "Kenya Red Cross Society"
                into[a] = b
                break
    if not into:
        return tuple(orgs)
    merged = list(orgs)
    for a in sorted(into, key=lambda k: len(keys[k])):  # shortest first, into the longest
        b = into[a]
        while b in into:  # names only ever go into longer ones: no cycles
            b = into[b]
        part, whole = merged[a], merged[b]
        merged[b] = replace(
            whole,
            literal=whole.literal or part.literal,
            aliases=tuple(sorted({*whole.aliases, part.name, *part.aliases} - {whole.name})),
            mentions=whole.mentions + part.mentions,
            confidence=max(whole.confidence, part.confidence),
        )
    return tuple(e for k, e in enumerate(merged) if k not in into)


def _shortened_from(orgs: list[Entity], a: int, keys: list[tuple[str, ...]]) -> int | None:
    """The organisation a one-word name found (not from the vocabulary) is short for: a word
    of a longer name that is not its first ("Bayern" of "FC Bayern München", "Sabor" of
    "Hrvatski sabor"), or is its first when the rest is acronyms ("Elektroprivreda" of
    "Elektroprivreda BiH"), or the end of a one-word compound ("Verfassungsgericht" of
    "Bundesverfassungsgericht"). "Siemens" is no short "Siemens Energy"."""
    word = keys[a][0]
    if len(word) < _MIN_SHORT:
        return None
    for b, full in enumerate(keys):
        if b == a:
            continue
        if len(full) == 1:
            if len(full[0]) > len(word) + 3 and full[0].endswith(word):
                return b
            continue
        if word in full[1:]:
            return b
        if full[0] == word and all(_acronym(w) for w in WORD_RE.findall(orgs[b].name)[1:]):
            return b
        if full[0] == word and word in _SEATED:
            return b  # "die Verbraucherzentrale" of the "Verbraucherzentrale Nordrhein-Westfalen"
    return None


_MIN_SHORT = 4
_SEATED = frozenset(fold(w) for w in _DE_SEATED_HEADS)


def _acronym(word: str) -> bool:
    return sum(1 for c in word if c.isupper()) >= 2


def _abbreviates(short: str, full: str) -> bool:
    """``short`` is ``full`` with its last words written as their acronym: "Vlada FBiH" for
    "Vlada Federacije BiH", "Sud BiH" for "Sud Bosne i Hercegovine" (an acronym in the full
    name counts whole, a connector by its lower-case initial)."""
    s, f = WORD_RE.findall(short), WORD_RE.findall(full)
    if len(s) < 2 or not _acronym(s[-1]) or len(f) <= len(s):
        return False
    head = len(s) - 1
    if [fold(w) for w in s[:head]] != [fold(w) for w in f[:head]]:
        return False
    return "".join(w if _acronym(w) else w[0] for w in f[head:]) == s[-1]


def _initials_of(acronym: str, words: Sequence[str]) -> bool:
    """``acronym`` (folded) is the initials of ``words`` (folded), connectors skipped."""
    initials = "".join(w[0] for w in words if w not in _CONNECTORS)
    return initials == acronym


def _vocab_display(entry: VocabEntry, seen: Sequence[str], lang: str | None) -> str:
    """The fullest spelling the story used (as the vocabulary writes it)."""
    best = max(seen, key=lambda s: (len(s.split()), len(s))) if seen else entry.name
    if len(best.split()) >= 2 or not seen:
        return best
    if entry.name in people_orgs.media_sport_names() and not best.isupper():
        # a club or medium named short is listed short: "Dinamo", "Sky", "LaLiga"
        return best
    for alias in entry.spellings():
        if alias.lang == lang and len(alias.text.split()) >= 2:
            return alias.text
    return entry.name if script_of(fold(best)) == script_of(fold(entry.name)) else best
