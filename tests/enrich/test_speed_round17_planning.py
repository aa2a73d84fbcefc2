"""Round 17 speed: the planning step's tense reads the second side of a date only when the
first has no cue; the verdict must be the one reading both sides gave."""

from __future__ import annotations

import random

from newswire.enrich import planning
from newswire.enrich.planning import WORD_RE, _cue, _tense


def _original_tense(text: str, left: int, start: int, end: int, right: int, lang: str | None) -> str | None:
    if planning._STRONG_PAST_BEFORE.search(text[max(left, start - 30):start]) or planning._STRONG_PAST_AFTER.match(
        text[end:end + 24]
    ):
        return "past"
    left, right = max(left, start - 160), min(right, end + 160)
    before_words = WORD_RE.findall(text[left:start].lower())
    after_words = WORD_RE.findall(text[end:right].lower())
    after = next((c for k in range(len(after_words)) if (c := _cue(after_words, k, lang))), None)
    before = next(
        (c for k in range(len(before_words) - 1, -1, -1) if (c := _cue(before_words, k, lang))), None
    )
    first, second = (after, before) if lang == "tr" else (before, after)
    found = first or second
    return None if found is None else ("future" if found == "f" else "past")


WORDS = [
    "the", "summit", "will", "be", "held", "was", "on", "said", "expected", "scheduled", "due", "to",
    "last", "next", "week", "met", "opened", "toplantı", "yapılacak", "yapıldı", "düzenlenecek", "gerçekleşti",
    "состоится", "прошла", "пройдет", "سيعقد", "عقد", "المقبل", "aura", "lieu", "a", "eu", "se", "celebrará",
    "celebró", "findet", "statt", "fand", "održat", "će", "se", "održan", "je", "would", "announced", "connected",
    ",", ".", "and",
]
DATES = ["December 12", "12 Aralık", "12 декабря", "12 ديسمبر", "12 décembre", "12 de diciembre", "12. Dezember"]


def test_same_tense_on_fuzzed_sentences() -> None:
    rng = random.Random(17)
    for _ in range(4000):
        before = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 40)))
        after = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 40)))
        date = rng.choice(DATES)
        text = f"{before} {date} {after}".strip()
        start = text.index(date)
        end = start + len(date)
        left = rng.randint(0, start)
        right = rng.randint(end, len(text))
        for lang in ("en", "tr", "ru", "ar", "fr", "es", "de", "bs", None):
            assert _tense(text, left, start, end, right, lang) == _original_tense(
                text, left, start, end, right, lang
            ), (text, lang)
