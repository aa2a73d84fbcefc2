"""Patterns whose look-behind was moved after the literal (so the regex engine can skip
ahead) find exactly what the original form found."""

from __future__ import annotations

import random
import re

import pytest

from newswire.enrich import planning, summary
from newswire.enrich.quotes import spans as quote_spans

LETTER = r"[^\W\d_]"
ALPHABET = "0123456789 .,_\n'‘’aZé\"“ĞSeptAb"


def fuzz(seed: int, n: int = 3000, size: int = 40) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(size)) for _ in range(n)]


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, tuple[str | None, ...]]]:
    return [(m.start(), m.end(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(("original", "rewritten"), [
    (re.compile(r"(?<![\w.])[0-3]?\d(?!\d)"), planning._NUMBER_RE),
    (re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\bSept)[.!?…](?=\s+[^\W\d_\"“«„]|\s*$)"),
     planning._SENTENCE_END),
    (re.compile(rf"(?<!{LETTER})‘(?=\S)(.+?)(?<=\S)’(?!{LETTER})"), quote_spans._PATTERNS_DEFAULT[4]),
    (re.compile(rf"(?<!{LETTER})'(?=[^\W\d_\"“])(.+?)(?<=\S)'(?!{LETTER})"), quote_spans._PATTERNS_DEFAULT[6]),
])
def test_same_matches(original: re.Pattern[str], rewritten: re.Pattern[str]) -> None:
    samples = [*fuzz(1), "Sept. 5 and 12. Then, 2024 or 1.5; 3", "the leaders' ‘quite big’ 'so it is' talk"]
    for text in samples:
        assert spans(rewritten, text) == spans(original, text), text


def test_acronym_mentions_need_a_word_boundary() -> None:
    for acro in ("AB", "A-B", "U.S."):
        escaped = re.escape(acro)
        original = re.compile(rf"(?<![^\W_]){escaped}(?![^\W_])")
        rewritten = re.compile(rf"{escaped}(?<![^\W_]{escaped})(?![^\W_])")
        for text in [*fuzz(2, 2000), "XA-B-A-B AB, (AB) U.S.U.S. U.S."]:
            text = text.replace("a", "A").replace("b", "B").replace("Z", "-")
            assert spans(rewritten, text) == spans(original, text), text


@pytest.mark.parametrize(("original", "rewritten"), [
    (re.compile(r"(?<![^\W_])»([^«»\n]+)«(?![^\W_])"), quote_spans._PATTERNS_DEFAULT[3]),
    (re.compile(r"\"[^\"]+\"|“[^”]+”|«[^»]+»|„[^“”]+[“”]|‘[^’]{8,}’|(?<![^\W_])»[^«»]+«"),
     summary._QUOTED_RE),
])
def test_reversed_guillemets_rewritten_find_the_same(original: re.Pattern[str], rewritten: re.Pattern[str]) -> None:
    rng = random.Random(7)
    samples = ["".join(rng.choice("ab1 .,\n»«\"“”„‘’") for _ in range(40)) for _ in range(3000)]
    samples += ["»Ich will es«, sagte sie.", "фонд «Росконгресс». Его советник «Россия 24»"]
    for text in samples:
        assert spans(rewritten, text) == spans(original, text), text
