#!/usr/bin/env python3
"""Regenerate ``src/newswire/vocab/data/archive_orgs.json``: the organisations the project's
annotated archive confirms.

An agency's archive teaches its entity finder the organisations its editors have set on
stories (``newswire vocab learn``). The project has such an archive of its own: the stories
of ``bench/data`` whose annotations have been read and tuned on (``SPENT``: the development
sets and the test halves already scored; see ``bench/data/ANNOTATION.md`` §12). Every
organisation annotated there is an organisation an editor confirmed, in the language of the
stories that name it. The held-back halves (``enrich_test34`` and up, until a round spends
them) never feed this file: they measure what it is worth on copy it has not seen.

What is kept, per organisation name annotated in a spent set:

* the language it is named in most (it is matched only in that language: "Dışişleri
  Bakanlığı" is Turkish, and its words mean other things elsewhere);
* an English name without a leading "The" (as the finder gives English bodies: "Sydney
  Morning Herald"), unless "The" and one word are the whole name ("The Guardian");
* not a name the seed vocabulary already has (as name or alias);
* not a place's name in the gazetteer or among the GeoNames cities (a club named like its
  city, "Rijeka", "Valencia", "Chambéry": the finder decides those from context, and a
  learned organisation would take the city's every mention);
* not a one-word name that the archive's text also writes in lower case (a common word:
  "Sunce" is a Split company, "sunce" the sun; "Congreso" a chamber, "congreso" any congress);
  in Arabic, which has no capitals to tell them apart, no one-word name at all ("الاتحاد" is
  a club and any union, "المملكة" a newspaper and the kingdom);
* not a name the archive also annotates as part of a longer organisation's name, in the
  same language: a generic name that each story completes with whose it is ("Dışişleri
  Bakanlığı" in "Umman Dışişleri Bakanlığı", "وزارة الخارجية" in "وزارة الخارجية القطرية");
  learned, it would cut the longer names short before the rules can complete them.

The output is deterministic so ``--check`` can tell whether the shipped file is current.

    python scripts/build_archive_orgs.py            # rewrite the shipped JSON
    python scripts/build_archive_orgs.py --check    # exit 1 when the shipped JSON differs
    python scripts/build_archive_orgs.py --last-spent 29 --out /tmp/a29.json   # learned up to enrich_test29
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from generated import write_or_check  # noqa: E402

from newswire.vocab import people_orgs  # noqa: E402
from newswire.vocab.geonames import weak_index  # noqa: E402
from newswire.vocab.places import WORD_RE, lookup  # noqa: E402

BENCH = ROOT / "bench" / "data"
OUT = ROOT / "src" / "newswire" / "vocab" / "data" / "archive_orgs.json"
# The highest numbered test half that has been scored and tuned on (ANNOTATION §12). Raise it
# when a round spends its fresh halves, then rebuild.
LAST_SPENT_HALF = 41
_HALF_RE = re.compile(r"^enrich_test(\d*)$")


def spent_sets(bench: Path = BENCH, last: int = LAST_SPENT_HALF) -> list[Path]:
    """The development sets and the test halves up to ``last``, in name order."""
    sets = []
    for folder in sorted(p for p in bench.iterdir() if p.is_dir()):
        half = _HALF_RE.match(folder.name)
        development = folder.name == "enrich_eval" or folder.name.startswith("enrich_dev")
        if development or (half and int(half.group(1) or 1) <= last):
            sets.append(folder)
    return sets


def stories(sets: Iterable[Path]) -> Iterable[dict[str, Any]]:
    for folder in sets:
        for path in sorted(folder.rglob("*.json")):
            story = json.loads(path.read_text("utf-8"))
            if isinstance(story, dict) and "expected" in story and "text" in story:
                yield story


def archive_rows(annotated: Iterable[dict[str, Any]], known: people_orgs.Vocabulary) -> list[dict[str, str]]:
    """Rows (kind, name, lang) for the organisations of ``annotated`` stories that pass the
    filters of the module's docstring, sorted by language and name."""
    langs: dict[str, Counter[str]] = defaultdict(Counter)
    lower_words: set[str] = set()
    for story in annotated:
        lang = story["expected"].get("language") or story["lang"]
        lower_words.update(w for w in WORD_RE.findall(story["text"]) if w[:1].islower())
        for name in story["expected"].get("organisations", []):
            name = " ".join(name.split())
            if lang == "en" and name.startswith("The ") and len(name.split()) > 2:
                name = name[4:]  # "The Sydney Morning Herald": the finder names English bodies without it
            if len(name) >= 2:
                langs[name][lang] += 1
    known_names = {a.text.casefold() for entry in known for a in entry.spellings()}
    chosen = {name: min(counts, key=lambda code: (-counts[code], code)) for name, counts in langs.items()}
    parts = _parts_of_longer_names(chosen)
    rows = []
    for name, lang in chosen.items():
        one_word = len(name.split()) == 1
        if name.casefold() in known_names or (name, lang) in parts or _place_name(name, lang):
            continue
        if one_word and (lang == "ar" or name.lower() in lower_words):
            continue
        rows.append({"kind": "organisation", "name": name, "lang": lang})
    return sorted(rows, key=lambda row: (row["lang"], row["name"]))


def _parts_of_longer_names(names: dict[str, str]) -> set[tuple[str, str]]:
    """(name, language) pairs that are a run of whole words inside another name of the same
    language."""
    spans: set[tuple[str, str]] = set()
    for name, lang in names.items():
        words = name.split()
        for size in range(1, len(words)):
            for start in range(len(words) - size + 1):
                spans.add((" ".join(words[start:start + size]), lang))
    return spans


def _place_name(name: str, lang: str) -> bool:
    if lookup(name, lang) or lookup(name):
        return True
    words = WORD_RE.findall(name)
    city = weak_index().at(words, 0, lang) if words else None
    return city is not None and len(city.words) == len(words)


def build(last: int = LAST_SPENT_HALF) -> dict[str, Any]:
    sets = spent_sets(last=last)
    known = people_orgs.Vocabulary(tuple(people_orgs.seed_entries()))
    return {
        "_about": "Organisations annotated in the project's spent evaluation sets (editor-confirmed "
        "examples, matched in their language); generated by scripts/build_archive_orgs.py, do not edit.",
        "sets": [folder.name for folder in sets],
        "organisations": [[row["name"], row["lang"]] for row in archive_rows(stories(sets), known)],
    }


def _dumps(data: dict[str, Any]) -> str:
    """The JSON with one organisation a line, so that a rebuild's diff reads row by row."""
    rows = ",\n".join(json.dumps(row, ensure_ascii=False) for row in data["organisations"])
    head = {key: value for key, value in data.items() if key != "organisations"}
    return json.dumps(head, ensure_ascii=False)[:-1] + ', "organisations": [\n' + rows + "\n]}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the shipped file is out of date")
    parser.add_argument("--last-spent", type=int, default=LAST_SPENT_HALF, metavar="N",
                        help="learn from the test halves up to enrich_testN (an earlier N leaves later halves "
                             "unseen, to measure the archive on them)")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write (default: the shipped file)")
    args = parser.parse_args(argv)
    text = _dumps(build(args.last_spent))
    status = write_or_check(args.out, text, check=args.check, script="scripts/build_archive_orgs.py")
    if not args.check:
        print(f"{len(json.loads(text)['organisations'])} organisations written to {args.out}")
    return status


if __name__ == "__main__":
    sys.exit(main())
