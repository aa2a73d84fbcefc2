"""Entity patterns rewritten so the regex engine can skip ahead (a look-ahead of their first
characters from words._opening, a literal moved before the look-behind, a digit first) find
exactly what their original forms found."""

from __future__ import annotations

import random
import re

import pytest

from newswire.enrich.entities import german, latin, media, people, places, russian, scorers
from newswire.enrich.entities.cues import _SCORE_RE
from newswire.enrich.entities.words import _opening

SAMPLES = [
    "told Sky Sports on Monday, speaking to ABC. In an interview with X; talking to Y",
    "a declaré sur BFMTV, au micro de RTL, à l'antenne de France Inter. Le député Jean X",
    "declaró a Win Sports, en declaraciones a Marca. El gestor Tomás Olmedo Vidal descontó",
    "sagte dem Deutschlandfunk, der Zeitschrift Nature; die CDU-Fraktion, 2-1, 3:0, 12 – 4",
    "rekao je za N1, Tužilaštvo BiH, HDZ-a i SDP-u; Galatasaray'da, İstanbul'dan, Roma’yı",
    "на 15-й минуте отличился Иван-Петров, «Газпром нефть», Сбербанк-Технологии",
]


def fuzz(seed: int, alphabet: list[str], n: int = 4000) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(n)]


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, tuple[str | None, ...]]]:
    return [(m.start(), m.end(), m.groups()) for m in pattern.finditer(text)]


def without_opening(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern as it was: its leading ``(?=[...])`` taken off."""
    assert pattern.pattern.startswith("(?=[")
    return re.compile(pattern.pattern[pattern.pattern.index("])") + 2:], pattern.flags)


def test_opening_lists_first_characters_escaped() -> None:
    assert _opening(["told", "on", "à", "-x", "on"]) == "(?=[\\-otà])"


# by name: some patterns list same-length words in a set's order, which varies by process
REWRITTEN = {
    **{f"media preposition {lang}": p for lang, p in media._PREPOSITION_RE.items()},
    "media journal noun": media._JOURNAL_NOUN_RE,
    **{f"role noun {lang}": p for lang, p in people._ROLE_RES.items()},
    "bs head word": latin._BS_HEAD_WORD_RE,
    "bs declined acronym": latin._DECLINED_ACRONYM_RE,
    "de acronym hyphen": german._ACRONYM_HYPHEN_RE,
    **{f"scored before {lang}": p for lang, p in scorers._SCORED_BEFORE_RE.items()},
    "ru capitalised": russian._RU_CAPITALISED_RE,
}


@pytest.mark.parametrize("name", sorted(REWRITTEN))
def test_a_first_characters_look_ahead_changes_no_match(name: str) -> None:
    rewritten = REWRITTEN[name]
    original = without_opening(rewritten)
    words = re.findall(r"[^\W\d_]{2,}", original.pattern)
    letters = sorted({c for w in words for c in w})
    alphabet = [*words, *letters, *(c.upper() for c in letters), " ", "-", "'", "’", "_", "1", "\n", "é", "ſ", "İ"]
    for text in [*SAMPLES, *fuzz(11, alphabet)]:
        assert spans(rewritten, text) == spans(original, text), text


@pytest.mark.parametrize(("original", "rewritten"), [
    (re.compile(r"\b\d{1,3}\s?[-:–]\s?\d{1,3}\b"), _SCORE_RE),
    (re.compile(r"(?<=\w)-([А-ЯЁ][а-яё]+)"), russian._RU_HYPHEN_HEAD_RE),
    (re.compile(r"(?<=[a-zäöüß]) \(([A-ZÄÖÜ]{2,5}|[A-Z][a-z]+[A-Z]|Grüne|Linke)\)"), german._PARTY_AFTER_NAME_RE),
    (re.compile(r"(?<=\w) (?=(?:descontó|marcó|anotó|igualó|sentenció|amplió) )"), scorers._SCORED_AFTER_NAME_RE["es"]),
])
def test_moved_look_behinds_change_no_match(original: re.Pattern[str], rewritten: re.Pattern[str]) -> None:
    alphabet = ["1", "23", "٣", " ", "-", ":", "–", "_", "a", "Я", "ив", "-Петров", "descontó ", "marcó", "\n",
                " (", ")", "CDU", "Grüne", "FreieW", "ß", "(", "Ab"]
    for text in [*SAMPLES, *fuzz(12, alphabet)]:
        assert spans(rewritten, text) == spans(original, text), text


def test_turkish_suffix_apostrophes_follow_the_same_words() -> None:
    suffixes = "|".join(sorted(places._TR_CASE_SUFFIXES, key=len, reverse=True))
    original = re.compile(r"\w(?=['’](?:" + suffixes + r")\b)")
    alphabet = ["a", "İ", "_", "1", " ", "'", "’", "da", "dan", "nin", "x", "\n"]
    for text in [*SAMPLES, *fuzz(13, alphabet)]:
        assert [m.start() + 1 for m in original.finditer(text)] == [
            m.start() for m in places._TR_SUFFIX_RE.finditer(text)
        ], text
