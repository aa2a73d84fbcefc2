"""Enrichment quality on the hand-annotated evaluation set (``bench/data/enrich_eval``).

    .venv/bin/python bench/enrich_quality.py [--data DIR [--data DIR ...]] [--misses] [--archive FILE|none]

``--archive none`` scores without the organisations archive (it is learned from the spent sets'
own annotations, so their organisation figures are not a measurement with it on); ``--archive
FILE`` with one ``scripts/build_archive_orgs.py --last-spent N --out FILE`` learned from earlier
sets only.

Several ``--data`` folders are scored as one pool (held-back halves together, so that one
half's character does not decide a target): the figures are over all their stories, and
stderr also shows each folder's own. Every run also prints a 90% interval for the main
figures, from resampling the stories (bootstrap, fixed seed): two halves of 48 stories
differ by up to 0.09 on the same tree, and the interval says how far a figure can move
with the stories alone.

Every story goes through what publishing does: ``formats.parse(text, "text")``, then
``version_created`` set from the story's ``date`` and ``language`` cleared, then the default
enrichment pipeline. Prints ONE JSON line - ``{"figures": ..., "baseline": {"lead3": ...},
...}`` - and a table on stderr (``--misses`` also lists every miss and false alarm).

How results are scored (rules of ``bench/data/enrich_eval/README.md``):

* **summary**: ROUGE-1/2/L F1 (``bench/rouge.py``) of the machine summary against the
  annotator's, macro-averaged over stories, next to Lead-3 (the first three sentences of the
  same body, dateline removed, not truncated) scored the same way in the same run.
* **language**: share of stories whose detected primary language equals the annotation.
  A story marked ``"language_only": true`` (a language the pipeline does not enrich, e.g.
  Persian in ``bench/data/enrich_test``) counts here and nowhere else; the JSON then also
  carries ``language_only`` (its stories and their accuracy).
* **people / organisations / places / topics / diary / quotes**: precision, recall and F1
  micro-averaged over all stories; each expected value is matched to at most one found
  value (one-to-one, first fit in reading order).
* Names are compared after :func:`norm_name`: NFKC, Arabic diacritics and tatweel removed,
  lower case (``İ`` -> ``i``), every character other than letters, digits, ``+`` and
  ``&`` treated as a space (quotes, guillemets, dots, hyphens, apostrophes).
* **people**: the full name, equal after normalisation (a surname alone or a name with a
  title left on it is a miss and a false alarm).
* **organisations**: a found organisation's name or acronym (its ``literal``) equals the
  expected name, or equals the acronym the story defines for it in brackets right after
  the name (``National Oceanic and Atmospheric Administration (NOAA)``).
* **places**: equal after normalisation, or each word of the expected base form matches
  the found word inflected (:func:`inflected`): a Turkish apostrophe suffix dropped, the
  base plus a suffix of up to three letters, a final vowel (or ``ь``/``й``) of the base
  replaced (``Москва`` / ``Москве``, ``Ярославль`` / ``Ярославле``), or an Arabic
  conjunction/preposition clitic in front (``أنقرة`` / ``وأنقرة``).
* **quotes**: a found quote matches an expected one when the texts are equal after
  :func:`norm_quote` (white space collapsed, punctuation and quotation marks stripped at
  both ends, lower case), or when their word sequences share a common subsequence of at
  least 80% of the longer one. *Right speaker* is the share of matched quotes whose
  speaker equals the expected one after :func:`norm_name` (``None`` only matches ``None``);
  ``right_speaker_recall`` is the same count over all expected quotes.
* **topics**: each machine subject that is a Media Topic is mapped to its top level
  (``mediatopics.top_level``); the set is compared with the expected top-level codes.
* **diary**: entries matched on the ISO date (the first 10 characters of ``start``);
  ``literal_accuracy`` is the share of matched entries whose literal is exactly the
  expected one.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newswire.enrich.pipeline import Pipeline
from newswire.enrich.summary import lead3
from newswire.enrich.text import body_text
from newswire.formats import parse
from newswire.model import MEDIATOPIC_URI, Item, parse_time
from newswire.vocab import mediatopics, people_orgs

from rouge import lcs_length, rouge, tokenize

DATA = Path(__file__).parent / "data" / "enrich_eval"
TARGETS = {
    "language_accuracy": 0.99,
    "places_f1": 0.9,
    "people_f1": 0.8,
    "organisations_f1": 0.7,
    "quotes_right_speaker": 0.85,
}
BOOTSTRAP_SAMPLES = 1000
INTERVAL_KINDS = ("people", "organisations", "places")
QUOTE_OVERLAP = 0.8

_ARABIC_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_NON_NAME_RE = re.compile(r"[^\w+&]|_")
_APOSTROPHE_SUFFIX_RE = re.compile(r"(?<=\w)['’][^\W\d_]+")
_EDGE_RE = re.compile(r"^[\W_]+|[\W_]+$")
# Final letters of a base form that a case ending replaces (vowels, Russian ь/й).
_REPLACED_FINALS = frozenset("aeiouyаеёиоуыэюяьйıöüäâêîôûéèàáíóúæøå")
_ARABIC_CLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ب", "ل", "ف", "ك")
MAX_SUFFIX = 3


# -- normalisation and matching ----------------------------------------------------------
def norm_name(name: str | None) -> str:
    """A name for comparison: NFKC, no Arabic marks, lower case, punctuation as spaces."""
    if not name:
        return ""
    text = _ARABIC_MARKS_RE.sub("", unicodedata.normalize("NFKC", name))
    text = text.replace("İ", "i").lower()
    return " ".join(_NON_NAME_RE.sub(" ", text).split())


def inflected(base: str, found: str) -> bool:
    """True when the word ``found`` is the (normalised) word ``base`` with a case ending."""
    if found == base:
        return True
    if found.startswith(base) and len(found) - len(base) <= MAX_SUFFIX:
        return True
    if len(base) >= 4 and base[-1] in _REPLACED_FINALS:
        stem = base[:-1]
        if found.startswith(stem) and 1 <= len(found) - len(stem) <= MAX_SUFFIX:
            return True
    return any(found.startswith(c) and found[len(c):] == base for c in _ARABIC_CLITICS)


def place_matches(expected: str, found: str) -> bool:
    """A found place name against the expected base form (case-insensitive, inflection)."""
    if norm_name(expected) == norm_name(found):
        return True
    base = norm_name(_APOSTROPHE_SUFFIX_RE.sub("", expected)).split()
    words = norm_name(_APOSTROPHE_SUFFIX_RE.sub("", found)).split()
    return len(base) == len(words) > 0 and all(inflected(b, w) for b, w in zip(base, words, strict=True))


def defined_acronym(name: str, text: str) -> str | None:
    """The acronym the text defines in brackets right after ``name``, if any."""
    match = re.search(re.escape(name) + r"\s*\(\s*([^\s()]{2,15})\s*\)", text)
    return match.group(1) if match else None


def org_matches(expected: str, found_name: str | None, found_literal: str | None, text: str) -> bool:
    accepted = {norm_name(expected)}
    acronym = defined_acronym(expected, text)
    if acronym:
        accepted.add(norm_name(acronym))
    return any(n and norm_name(n) in accepted for n in (found_name, found_literal))


def person_matches(expected: str, found: str) -> bool:
    return norm_name(expected) == norm_name(found)


def norm_quote(text: str) -> str:
    return _EDGE_RE.sub("", " ".join(text.split())).lower()


def quote_matches(expected: str, found: str) -> bool:
    if norm_quote(expected) == norm_quote(found):
        return True
    a, b = tokenize(expected), tokenize(found)
    longest = max(len(a), len(b))
    return longest > 0 and lcs_length(a, b) >= QUOTE_OVERLAP * longest


def align(expected: Sequence[Any], found: Sequence[Any], same: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(expected index, found index)``, first fit in order."""
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for i, e in enumerate(expected):
        for j, f in enumerate(found):
            if j not in used and same(e, f):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


# -- counting ------------------------------------------------------------------------------
@dataclass
class Counts:
    tp: int = 0
    found: int = 0
    expected: int = 0

    def add(self, tp: int, found: int, expected: int) -> None:
        self.tp += tp
        self.found += found
        self.expected += expected

    def f1(self) -> float:
        p = self.tp / self.found if self.found else 0.0
        r = self.tp / self.expected if self.expected else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def prf(self) -> dict[str, float]:
        p = self.tp / self.found if self.found else 0.0
        r = self.tp / self.expected if self.expected else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(self.f1(), 3)}


@dataclass
class StoryCounts:
    """One story's counts, kept for resampling and for each set's own figures."""

    kinds: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    speaker_right: int = 0
    folder: str = ""


@dataclass
class Tally:
    kinds: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    per_story: list[StoryCounts] = field(default_factory=list)
    by_lang: dict[tuple[str, str], Counts] = field(default_factory=lambda: defaultdict(Counts))
    rouge: dict[str, dict[str, list[float]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    language_right: int = 0
    stories: int = 0
    language_only: int = 0
    language_only_right: int = 0
    speaker_right: int = 0
    literal_right: int = 0
    dateline_place: int = 0
    dateline_source: int = 0
    misses: list[str] = field(default_factory=list)

    def count(self, kind: str, lang: str, tp: int, found: int, expected: int) -> None:
        self.kinds[kind].add(tp, found, expected)
        self.by_lang[(kind, lang)].add(tp, found, expected)
        self.per_story[-1].kinds[kind] = (tp, found, expected)


def _record(tally: Tally, name: str, kind: str, expected: Sequence[Any], found: Sequence[Any],
            pairs: list[tuple[int, int]], show: Callable[[Any], str] = str) -> None:
    lost = [show(e) for i, e in enumerate(expected) if i not in {p[0] for p in pairs}]
    extra = [show(f) for j, f in enumerate(found) if j not in {p[1] for p in pairs}]
    if lost or extra:
        tally.misses.append(f"{name} {kind}: missed {lost} / extra {extra}")


def wire_item(story: dict[str, Any]) -> Item:
    item = parse(story["text"].encode(), "text")
    return item.evolve(version_created=parse_time(story["date"]), language=None)


def score_story(name: str, story: dict[str, Any], pipeline: Pipeline, tally: Tally) -> None:
    exp = story["expected"]
    lang = exp["language"]
    text = story["text"]
    item = pipeline(wire_item(story))
    tally.stories += 1
    tally.language_right += item.language == lang
    if item.language != lang:
        tally.misses.append(f"{name} language: {item.language} != {lang}")
    if story.get("language_only"):
        tally.language_only += 1
        tally.language_only_right += item.language == lang
        return

    tally.per_story.append(StoryCounts())
    body = body_text(item)
    for system, summary in (("summary", item.summary or ""), ("lead3", lead3(body, item.language))):
        for metric, score in rouge(summary, exp["summary"], lang).items():
            tally.rouge[system][metric].append(score.f1)

    people = [c.name or "" for c in item.people]
    pairs = align(exp["people"], people, person_matches)
    tally.count("people", lang, len(pairs), len(people), len(exp["people"]))
    _record(tally, name, "people", exp["people"], people, pairs)

    orgs = [(c.name, c.literal) for c in item.organisations]
    pairs = align(exp["organisations"], orgs, lambda e, f: org_matches(e, f[0], f[1], text))
    tally.count("organisations", lang, len(pairs), len(orgs), len(exp["organisations"]))
    _record(tally, name, "organisations", exp["organisations"], orgs,
            pairs, lambda o: o if isinstance(o, str) else f"{o[0]}|{o[1]}")

    places = [c.name or "" for c in item.places]
    pairs = align(exp["places"], places, place_matches)
    tally.count("places", lang, len(pairs), len(places), len(exp["places"]))
    _record(tally, name, "places", exp["places"], places, pairs)

    quotes = list(item.quotes)
    pairs = align(exp["quotes"], quotes, lambda e, f: quote_matches(e["text"], f.text))
    tally.count("quotes", lang, len(pairs), len(quotes), len(exp["quotes"]))
    _record(tally, name, "quotes", exp["quotes"], quotes, pairs,
            lambda q: (q["text"] if isinstance(q, dict) else q.text)[:50])
    for i, j in pairs:
        want, got = exp["quotes"][i]["speaker"], quotes[j].speaker
        if norm_name(want) == norm_name(got):
            tally.speaker_right += 1
            tally.per_story[-1].speaker_right += 1
        else:
            tally.misses.append(f"{name} speaker: {got!r} != {want!r} for {quotes[j].text[:40]!r}")

    topics = sorted({
        mediatopics.top_level(s.uri[len(MEDIATOPIC_URI):]) or ""
        for s in item.subjects if s.uri and s.uri.startswith(MEDIATOPIC_URI) and s.machine_made
    })
    pairs = align(exp["topics"], topics, lambda e, f: e == f)
    tally.count("topics", lang, len(pairs), len(topics), len(exp["topics"]))
    _record(tally, name, "topics", exp["topics"], topics, pairs)

    diary = list(item.planning)
    pairs = align(exp["diary"], diary, lambda e, f: e["date"] == f.start[:10])
    tally.count("diary", lang, len(pairs), len(diary), len(exp["diary"]))
    _record(tally, name, "diary", exp["diary"], diary, pairs,
            lambda d: f"{d['date']} {d['literal']}" if isinstance(d, dict) else f"{d.start} {d.literal}")
    for i, j in pairs:
        if diary[j].literal == exp["diary"][i]["literal"]:
            tally.literal_right += 1
        else:
            tally.misses.append(f"{name} diary literal: {diary[j].literal!r} != {exp['diary'][i]['literal']!r}")

    dateline = exp["dateline"]
    tally.dateline_place += (item.located or "") == (dateline["place"] or "")
    sources = [c.name for c in item.info_sources if c.rel == "source"]
    tally.dateline_source += (sources[0] if sources else None) == dateline["source"]


def main_figures(stories: Sequence[StoryCounts]) -> dict[str, float]:
    """F1 of each of :data:`INTERVAL_KINDS` and the right-speaker share over ``stories``
    (micro-averaged, as the figures are)."""
    found: dict[str, float] = {}
    for kind in INTERVAL_KINDS:
        counts = Counts()
        for story in stories:
            counts.add(*story.kinds.get(kind, (0, 0, 0)))
        found[kind] = counts.f1()
    matched = sum(story.kinds.get("quotes", (0, 0, 0))[0] for story in stories)
    found["right_speaker"] = sum(s.speaker_right for s in stories) / matched if matched else 0.0
    return found


def interval90(stories: Sequence[StoryCounts], samples: int = BOOTSTRAP_SAMPLES, seed: int = 0,
               ) -> dict[str, list[float]]:
    """The 5th and 95th percentiles of each main figure over ``samples`` resamplings of the
    stories with replacement (micro-averaged within a resample, as the figures are)."""
    if not stories:
        return {}
    rng = random.Random(seed)
    drawn: dict[str, list[float]] = defaultdict(list)
    for _ in range(samples):
        for name, value in main_figures([stories[rng.randrange(len(stories))] for _ in stories]).items():
            drawn[name].append(value)
    out = {}
    for name, values in drawn.items():
        values.sort()
        out[name] = [round(values[int(0.05 * (samples - 1))], 3), round(values[int(0.95 * (samples - 1))], 3)]
    return out


def _mean(values: Iterable[float]) -> float:
    return round(statistics.fmean(values), 4)


def evaluate(paths: Iterable[Path], qualified: bool = False) -> tuple[dict[str, Any], Tally]:
    """Score the stories at ``paths``; ``qualified`` names each in the misses by its folder too."""
    pipeline = Pipeline.default()
    tally = Tally()
    for path in paths:
        name = f"{path.parent.name}/{path.stem}" if qualified else path.stem
        scored = len(tally.per_story)
        score_story(name, json.loads(path.read_text("utf-8")), pipeline, tally)
        if len(tally.per_story) > scored:  # a language-only story has no counts
            tally.per_story[-1].folder = path.parent.name
    k = tally.kinds
    matched_quotes = k["quotes"].tp
    matched_diary = k["diary"].tp
    summary = {m: _mean(v) for m, v in tally.rouge["summary"].items()}
    baseline = {m: _mean(v) for m, v in tally.rouge["lead3"].items()}
    language_accuracy = tally.language_right / tally.stories
    enriched = tally.stories - tally.language_only
    right_speaker = tally.speaker_right / matched_quotes if matched_quotes else 0.0
    figures: dict[str, Any] = {
        "summary": summary,
        "language_accuracy": round(language_accuracy, 3),
        "people": k["people"].prf(),
        "organisations": k["organisations"].prf(),
        "places": k["places"].prf(),
        "quotes": {
            **k["quotes"].prf(),
            "right_speaker": round(right_speaker, 3),
            "right_speaker_recall": round(tally.speaker_right / k["quotes"].expected, 3),
        },
        "topics": k["topics"].prf(),
        "diary": {
            **k["diary"].prf(),
            "literal_accuracy": round(tally.literal_right / matched_diary, 3) if matched_diary else 0.0,
        },
        "dateline": {
            "place_accuracy": round(tally.dateline_place / enriched, 3),
            "source_accuracy": round(tally.dateline_source / enriched, 3),
        },
    }
    if tally.language_only:
        figures["language_only"] = {
            "stories": tally.language_only,
            "accuracy": round(tally.language_only_right / tally.language_only, 3),
        }
    met = {
        "summary_not_below_lead3": all(
            statistics.fmean(tally.rouge["summary"][m]) >= statistics.fmean(tally.rouge["lead3"][m])
            for m in summary
        ),
        "language": language_accuracy >= TARGETS["language_accuracy"],
        "places": k["places"].f1() >= TARGETS["places_f1"],
        "people": k["people"].f1() >= TARGETS["people_f1"],
        "organisations": k["organisations"].f1() >= TARGETS["organisations_f1"],
        "quotes_right_speaker": right_speaker >= TARGETS["quotes_right_speaker"],
    }
    result = {
        "figures": figures,
        "interval90": interval90(tally.per_story),
        "baseline": {"lead3": baseline},
        "stories": tally.stories,
        "targets_met": met,
    }
    return result, tally


def table(result: dict[str, Any], tally: Tally) -> str:
    f = result["figures"]
    base = result["baseline"]["lead3"]
    rows = ["| Measure | Newswire | Baseline / target |", "|---|---|---|"]
    for metric, label in (("rouge1", "ROUGE-1"), ("rouge2", "ROUGE-2"), ("rougeL", "ROUGE-L")):
        rows.append(f"| Summary {label} F1 | {f['summary'][metric]:.3f} | Lead-3 {base[metric]:.3f} |")
    rows.append(f"| Language accuracy | {f['language_accuracy']:.1%} | ≥ 99% |")
    goals = {kind: f"F1 ≥ {TARGETS[kind + '_f1']}" for kind in INTERVAL_KINDS}
    spread = result.get("interval90", {})
    for kind in ("people", "organisations", "places", "quotes", "topics", "diary"):
        prf = f[kind]
        low_high = f" (90%: {spread[kind][0]:.3f}–{spread[kind][1]:.3f})" if kind in spread else ""
        rows.append(f"| {kind.capitalize()} P / R / F1 | {prf['precision']:.3f} / {prf['recall']:.3f} / "
                    f"{prf['f1']:.3f}{low_high} | {goals.get(kind, '')} |")
    speaker = spread.get("right_speaker")
    low_high = f", 90%: {speaker[0]:.1%}–{speaker[1]:.1%}" if speaker else ""
    rows.append(f"| Quotes with the right speaker | {f['quotes']['right_speaker']:.1%} of matched "
                f"({f['quotes']['right_speaker_recall']:.1%} of expected{low_high}) | "
                f"≥ {TARGETS['quotes_right_speaker']:.0%} |")
    rows.append(f"| Diary literal exact | {f['diary']['literal_accuracy']:.1%} of matched | |")
    rows.append(f"| Dateline place / source | {f['dateline']['place_accuracy']:.1%} / "
                f"{f['dateline']['source_accuracy']:.1%} | |")
    langs = sorted({lang for _, lang in tally.by_lang})
    kinds = ("people", "organisations", "places", "quotes", "topics", "diary")
    rows += ["", "F1 by language:", "| kind | " + " | ".join(langs) + " |", "|---" * (len(langs) + 1) + "|"]
    for kind in kinds:
        cells = [f"{tally.by_lang[(kind, lang)].prf()['f1']:.2f}" for lang in langs]
        rows.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def by_set(tally: Tally, folders: Sequence[Path]) -> str:
    """Each folder's main figures on its own, one row a folder, from the stories already scored."""
    rows = ["| set | stories | people F1 | organisations F1 | places F1 | right speaker |", "|---" * 6 + "|"]
    for folder in folders:
        stories = [story for story in tally.per_story if story.folder == folder.name]
        f = main_figures(stories)
        rows.append(f"| {folder.name} | {len(stories)} | {f['people']:.3f} | {f['organisations']:.3f} | "
                    f"{f['places']:.3f} | {f['right_speaker']:.1%} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, action="append",
                        help="a folder of annotated stories; repeat it to score several as one pool")
    parser.add_argument("--misses", action="store_true", help="list misses and false alarms on stderr")
    parser.add_argument("--archive", default=None, metavar="FILE|none",
                        help="the organisations archive to match (a file scripts/build_archive_orgs.py --out "
                             "wrote), or 'none'; default the shipped one, learned from the spent sets")
    args = parser.parse_args()
    if args.archive is not None:
        people_orgs.use_archive(None if args.archive == "none" else Path(args.archive))
    folders: list[Path] = args.data or [DATA]
    result, tally = evaluate([path for folder in folders for path in sorted(folder.glob("*.json"))],
                             qualified=len(folders) > 1)
    if len(folders) > 1:
        result["sets"] = [folder.name for folder in folders]
    print(json.dumps(result, ensure_ascii=False), flush=True)
    print(table(result, tally), file=sys.stderr)
    if len(folders) > 1:
        print("\nEach set on its own:\n" + by_set(tally, folders), file=sys.stderr)
    if args.misses:
        print("\n".join(tally.misses), file=sys.stderr)


if __name__ == "__main__":
    main()
