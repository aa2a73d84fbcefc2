"""Round 17 speed: the summary's cut words are remembered across stories (per language and
size); the stem sets must be those the per-story judgement gave."""

from __future__ import annotations

import random

from newswire.enrich import summary
from newswire.enrich.text import stopwords, words_of_lines


def _original_stem_sets(token_lists: list[list[str]], lang: str | None, size: int) -> list[frozenset[str]]:
    stop = stopwords(lang)
    arabic = bool(lang and lang.startswith("ar"))
    cut: dict[str, str] = {}
    for w in set().union(*token_lists):
        if len(w) >= 3 and w not in stop and not w.isdigit():
            cut[w] = (w[2:] if arabic and w.startswith("ال") and len(w) > 4 else w)[:size]
    return [frozenset(filter(None, map(cut.get, tokens))) for tokens in token_lists]


WORDS = [
    "the", "and", "ministers", "minister", "meeting", "talks", "ankara", "istanbul", "2026", "12",
    "1448", "x", "ab", "abc", "abcdef", "abcdefgh", "bir", "ile", "için", "görüşme", "bakanlar",
    "что", "это", "министр", "переговоры", "في", "من", "الوزير", "والوزير", "الاجتماع", "ال",
    "الب", "المحادثات", "les", "des", "ministre", "der", "die", "minister", "reuniones", "según",
    "3", "ıiİ",
]


def test_same_stem_sets_as_the_per_story_judgement() -> None:
    rng = random.Random(17)
    for round_ in range(400):
        lang = rng.choice(["en", "tr", "ar", "ru", "fr", "de", "es", "ar-EG", "arz", None, "xx"])
        size = rng.choice([6, 6, 6, 3, 8])
        lists = [[rng.choice(WORDS) for _ in range(rng.randint(0, 12))] for _ in range(rng.randint(1, 8))]
        if round_ % 50 == 0:
            summary._CUTS.clear()
        assert summary._stem_sets(lists, lang, size) == _original_stem_sets(lists, lang, size)


def test_same_stem_sets_on_real_sentences_and_after_the_memory_starts_again(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    lines = [
        "Turkish and Azerbaijani ministers met in Ankara on Monday to discuss trade, officials said.",
        "Bakanlar pazartesi günü Ankara'da bir araya gelerek ticaret konusunu görüştü.",
        "وقال الوزير إن الاجتماع المقبل سيعقد في القاهرة في الثالث من مارس.",
        "Министры встретились в понедельник в Москве, сообщили официальные лица.",
    ]
    monkeypatch.setattr(summary, "MAX_CUT_WORDS", 5)
    for lang in ("en", "tr", "ar", "ru"):
        tokens = words_of_lines(lines, lang)
        for _ in range(3):
            assert summary._stem_sets(tokens, lang, 6) == _original_stem_sets(tokens, lang, 6)
