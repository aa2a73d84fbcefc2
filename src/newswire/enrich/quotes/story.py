"""What the speaker resolver knows of one story: its people indexed by surname keys and
titles, its organisations' spellings, who spoke last; and how it reads a window of words
around a quote (its tokens, the first verb of saying among them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from newswire.enrich.entities import Entity
from newswire.enrich.quotes.verbs import (
    _SAY_PHRASE_HEADS,
    _SAY_PHRASES,
    _SAY_WORDS,
    _TR_LIGHT_VERBS,
    _tr_label,
)
from newswire.enrich.quotes.words import _ALL_PRONOUNS, _PRONOUNS
from newswire.vocab.places import WORD_RE, fold, name_token_keys, norm_lang, text_token_keys

# WORD_RE's words as split() gives them; "\w+" splits the same where there is no "_"
_SPLIT_WORDS_RE = re.compile(r"([^\W_]+)")
_SPLIT_ALNUM_RE = re.compile(r"(\w+)")


@lru_cache(maxsize=1 << 15)
def _all_keys(word: str, lang: str | None) -> frozenset[str]:
    return text_token_keys(word, lang) | name_token_keys(word, lang)


@dataclass
class _Person:
    name: str
    keys: frozenset[str]  # keys of the surname (and of other spellings' last words)
    titles: frozenset[str]
    first: int  # offset of the first mention, -1 if unknown


def _people_index(text: str, people: Iterable[Entity | str], lang: str | None = None) -> list[_Person]:
    out: list[_Person] = []
    aliases: tuple[str, ...]
    for p in people:
        if isinstance(p, str):
            name, aliases, titles = p, (), frozenset[str]()
        else:
            name, aliases, titles = p.name, p.aliases, frozenset(p.titles)
        keys: set[str] = set()
        first = -1
        for spelling in (name, *aliases):
            words = WORD_RE.findall(spelling)
            if not words:
                continue
            keys |= name_token_keys(words[-1])
            if lang == "es" and len(words) == 3 and words[1][:1].isupper():
                keys |= name_token_keys(words[1])  # "Hugo Carrasco Díaz": "dijo Carrasco"
            at = text.find(spelling)
            if at >= 0 and (first < 0 or at < first):
                first = at
        if first < 0:
            words = WORD_RE.findall(name)
            at = text.find(words[-1]) if words else -1
            first = at
        out.append(_Person(name, frozenset(keys), titles, first))
    return out


def _shadow_of(text: str, short: _Person, full: _Person) -> bool:
    """``short`` is ``full`` named again with a word before the surname that is no given
    name: a word of the full name ("Гроссмейстер Белоусов" of "Гроссмейстер Кирилл
    Белоусов", "Nasser X" of "Fahad bin Nasser X") or, in a name of two words, a common word
    that opened a sentence and that the story also writes in lower case ("Кандидатуру
    Ступина поддержала" after "за кандидатуру Ступина", "Сам X в последнем слове")."""
    words, full_words = short.name.split(), full.name.split()
    if len(words) < 2 or len(full_words) < len(words) or words == full_words:
        return False
    if all(w in full_words[:-1] for w in words[:-1]):
        return True
    first = words[0]
    return len(words) == 2 and first not in full_words and first[:1].isupper() and re.search(
        rf"(?<![\w-]){re.escape(first.lower())}(?![\w-])", text
    ) is not None


def _one_of_namesakes(text: str, namesakes: list[_Person]) -> _Person | None:
    """The person a surname shared by several of the story's people names: the one the others
    only shadow (the same person with a role or a common word before the surname), else
    nobody (two people of one family: "Ayşe X", "Rıza X")."""
    left = [p for p in namesakes if not any(q is not p and _shadow_of(text, p, q) for q in namesakes)]
    return left[0] if len({p.name for p in left}) == 1 else None


class _StoryReader:
    """The state every part of the speaker resolver reads: the story, its people and
    organisations, and the speakers and mentions found so far."""

    def __init__(self, text: str, lang: str | None, people: list[_Person],
                 organisations: Sequence[Entity]) -> None:
        self.text = text
        self.lang = norm_lang(lang)
        self.people = people
        self.by_key: dict[str, _Person | None] = {}
        shared: dict[str, list[_Person]] = {}
        for p in people:
            for key in p.keys:
                if key in self.by_key and self.by_key[key] is not p:
                    shared.setdefault(key, [q for q in people if key in q.keys])
                    self.by_key[key] = None
                else:
                    self.by_key[key] = p
        for key, namesakes in shared.items():
            self.by_key[key] = _one_of_namesakes(text, namesakes)
        self.person_of_word: dict[str, _Person | None] = {}  # the words looked up so far
        self.by_title: dict[str, _Person | None] = {}
        for p in people:
            for t in p.titles:
                self.by_title[t] = None if t in self.by_title else p
        self.orgs = [
            (o.name, tuple(n for n in (o.name, o.literal, *o.aliases) if n)) for o in organisations
        ]
        self.pronouns = _PRONOUNS.get(self.lang or "", _ALL_PRONOUNS) if self.lang else (
            _ALL_PRONOUNS
        )
        self.last: str | None = None
        self.mentions: list[tuple[int, str]] | None = None
        self.spoken: list[tuple[int, str]] = []
        # bodies the resolver read off an attribution that the organisation finder did not
        # know: speakers, but never the person a later pronoun stands for
        self.named_bodies: set[str] = set()

    def _tokens(self, window: str) -> list[tuple[str, str, int]]:
        """``(word, folded, offset)`` for each word of ``window`` (the words of WORD_RE, from
        one C-level split: gap, word, gap, ..., gap; a word's offset is the running sum)."""
        parts = (_SPLIT_WORDS_RE if "_" in window else _SPLIT_ALNUM_RE).split(window)
        words = parts[1::2]
        return list(zip(words, map(fold, words), list(accumulate(map(len, parts)))[0:-1:2], strict=True))

    def _has_say(self, toks: list[tuple[str, str, int]], limit: int) -> int:
        """Index of the first attribution verb among the first ``limit`` words, or -1."""
        for i, (raw, folded, _) in enumerate(toks[:limit]):
            if folded in _SAY_WORDS or not text_token_keys(raw, self.lang).isdisjoint(_SAY_WORDS):
                return i
            if self.lang == "tr" and i and folded in _TR_LIGHT_VERBS and _tr_label(toks[i - 1][0]):
                return i - 1  # "…" açıklamasını yaptı, bilgisini verdi, çağrısı yaptı
            if folded not in _SAY_PHRASE_HEADS:
                continue
            if i + 1 < len(toks) and f"{folded} {toks[i + 1][1]}" in _SAY_PHRASES:
                return i
            if i + 3 < len(toks) and " ".join(t[1] for t in toks[i:i + 4]) in _SAY_PHRASES:
                return i
        return -1
