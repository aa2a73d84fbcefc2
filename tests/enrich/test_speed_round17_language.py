"""Round 17 speed: the language step finds a Persian, Kazakh or Azerbaijani letter with one
regex scan instead of a set look-up per character; the same verdict on every text."""

from __future__ import annotations

import random

from newswire.enrich import language
from newswire.enrich.language import _OWN_LETTER_RE, _OWN_LETTERS, _by_letters


def _original_by_letters(sample: str) -> tuple[str, float] | None:
    if _OWN_LETTERS.isdisjoint(sample):
        return None
    return _by_letters(sample)


def test_the_class_holds_exactly_the_own_letters() -> None:
    for code in range(0x110000):
        ch = chr(code)
        assert (_OWN_LETTER_RE.search(ch) is not None) == (ch in _OWN_LETTERS), hex(code)


def test_same_verdict_on_sample_and_fuzzed_text() -> None:
    rng = random.Random(1717)
    alphabet = (
        "abcdefghijklmnopqrstuvwxyz ABCÇĞİÖŞÜ çğıöşü .,;:!?-\n"
        "абвгдежзийклмнопрстуфхцчшщыэюя АБВ ђћџљњј"
        "ابتثجحخدذرسشصضطظعغفقلمنهويكة"
        + "".join(sorted(_OWN_LETTERS))
    )
    samples = [
        "Ministers met in Ankara on Monday.",
        "وزير الخارجية الإيراني گفت که مذاکرات ادامه دارد",
        "Қазақстан Республикасының Президенті бүгін мәлімдеме жасады",
        "Azərbaycan Respublikasının Prezidenti İlham Əliyev bəyan etdi",
        "",
    ]
    for _ in range(3000):
        samples.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))))
    for sample in samples:
        assert _by_letters(sample) == _original_by_letters(sample), sample
        found = _OWN_LETTER_RE.search(sample) is not None
        assert found == (not _OWN_LETTERS.isdisjoint(sample))
    assert language.detect("Azərbaycan Respublikasının Prezidenti İlham Əliyev bəyan etdi")[0] == "az"
