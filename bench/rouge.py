"""ROUGE-N and ROUGE-L for summaries in any script, written for the enrichment benchmark.

Tokens (:func:`tokenize`) are lower-cased Unicode words: maximal runs of letters and digits
of any script (``\\w`` without the underscore), so punctuation, apostrophes and hyphens
split words (``NOAA's`` -> ``noaa``, ``s``; ``Ankara'da`` -> ``ankara``, ``da``). Before
that the text is NFC-normalised; Arabic diacritics (tashkeel ``U+064B-U+065F``, superscript
alef ``U+0670``, Quranic marks) and the tatweel ``U+0640`` are removed, since they are
optional in news text; ``İ`` lower-cases to ``i`` (and in Turkish/Azerbaijani ``I`` to
``ı``). There is no stemming and no stop-word removal: both systems are scored on the same
surface words, which penalises inflected languages equally for both.

* ROUGE-N: clipped n-gram overlap. ``precision = overlap / candidate n-grams``,
  ``recall = overlap / reference n-grams``, F1 their harmonic mean.
* ROUGE-L: the longest common subsequence of the two whole token sequences (no sentence
  split): ``precision = LCS / len(candidate)``, ``recall = LCS / len(reference)``, F1
  (beta = 1).

An empty candidate or reference scores 0.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

_WORD_RE = re.compile(r"[^\W_]+")
_ARABIC_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_TURKIC = frozenset({"tr", "az"})


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    f1: float


def _f1(overlap: int, candidate: int, reference: int) -> Score:
    if not overlap or not candidate or not reference:
        return Score(0.0, 0.0, 0.0)
    precision, recall = overlap / candidate, overlap / reference
    return Score(precision, recall, 2 * precision * recall / (precision + recall))


def lower(text: str, lang: str | None = None) -> str:
    """Lower case; ``İ`` -> ``i`` (not ``i`` + combining dot), ``I`` -> ``ı`` in tr/az."""
    if lang and lang.split("-")[0].lower() in _TURKIC:
        text = text.replace("I", "ı")
    return text.replace("İ", "i").lower()


def tokenize(text: str, lang: str | None = None) -> list[str]:
    """Lower-cased word tokens of any script, Arabic diacritics and tatweel removed."""
    text = _ARABIC_MARKS_RE.sub("", unicodedata.normalize("NFC", text))
    return _WORD_RE.findall(lower(text, lang))


def ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def rouge_n(candidate: list[str], reference: list[str], n: int) -> Score:
    cand, ref = ngrams(candidate, n), ngrams(reference, n)
    overlap = sum((cand & ref).values())
    return _f1(overlap, sum(cand.values()), sum(ref.values()))


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence (dynamic programming, one row)."""
    if len(a) < len(b):
        a, b = b, a
    row = [0] * (len(b) + 1)
    for x in a:
        diagonal = 0
        for j, y in enumerate(b, 1):
            above = row[j]
            row[j] = diagonal + 1 if x == y else max(above, row[j - 1])
            diagonal = above
    return row[-1]


def rouge_l(candidate: list[str], reference: list[str]) -> Score:
    return _f1(lcs_length(candidate, reference), len(candidate), len(reference))


def rouge(candidate: str, reference: str, lang: str | None = None) -> dict[str, Score]:
    """ROUGE-1, ROUGE-2 and ROUGE-L of a candidate summary against one reference."""
    cand, ref = tokenize(candidate, lang), tokenize(reference, lang)
    return {"rouge1": rouge_n(cand, ref, 1), "rouge2": rouge_n(cand, ref, 2), "rougeL": rouge_l(cand, ref)}
