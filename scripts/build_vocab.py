#!/usr/bin/env python3
"""Regenerate ``src/newswire/vocab/data/mediatopics.json`` from IPTC's Media Topic files.

Inputs (``<shared>/standards/mediatopics``, where ``<shared>`` defaults to the repository
root's parent / "shared"):

* ``cptall-en-GB.json`` - IPTC's native JSON: the hierarchy, retired flags and en-GB labels
  (the newest release, so it decides which concepts are active);
* ``IPTC-MediaTopic-NewsCodes.csv`` - the multilingual sheet: labels in the other
  languages IPTC provides, joined on the qcode;
* ``scripts/labels_tr_ru.json`` - Turkish and Russian labels written for this project
  (IPTC has none), merged in last.

Retired concepts are left out. The output is deterministic (sorted, one topic per line)
so ``--check`` can tell whether the shipped file is current.

    python scripts/build_vocab.py            # rewrite the shipped JSON
    python scripts/build_vocab.py --check    # exit 1 when the shipped JSON differs
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from generated import write_or_check

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = ROOT.parent / "shared"
DEFAULT_OUT = ROOT / "src" / "newswire" / "vocab" / "data" / "mediatopics.json"
TR_RU = Path(__file__).resolve().parent / "labels_tr_ru.json"

SCHEME = "http://cv.iptc.org/newscodes/mediatopic/"
CREDIT = "IPTC - International Press Telecommunications Council, https://iptc.org"
LICENCE = "https://creativecommons.org/licenses/by/4.0/"

# CSV column language -> BCP 47 tag used in the compact file.
CSV_LANGUAGES: dict[str, str] = {
    "ar": "ar",
    "de": "de",
    "dk": "da",
    "en-US": "en-US",
    "es": "es",
    "fr": "fr",
    "no-NB": "nb",
    "no-NN": "nn",
    "pt-PT": "pt",
    "pt-BR": "pt-BR",
    "se": "sv",
    "zh-Hans": "zh-Hans",
}
# Regional variants are stored only where they differ from the base language.
VARIANT_OF: dict[str, str] = {"en-US": "en", "pt-BR": "pt"}


def qcode(uri: str) -> str:
    return "medtop:" + uri.rstrip("/").rsplit("/", 1)[1]


def build(shared: Path) -> dict[str, object]:
    folder = shared / "standards" / "mediatopics"
    with (folder / "cptall-en-GB.json").open(encoding="utf-8") as f:
        scheme = json.load(f)
    concepts = {c["qcode"]: c for c in scheme["conceptSet"] if not c.get("retired")}
    parents: dict[str, str | None] = {}
    for code, concept in concepts.items():
        broader = [qcode(u) for u in concept.get("broader", [])]
        parents[code] = broader[0] if broader else None

    def level(code: str) -> int:
        depth, current = 1, parents[code]
        while current is not None:
            depth += 1
            current = parents.get(current)
        return depth

    labels: dict[str, dict[str, str]] = {
        code: {"en": concept["prefLabel"]["en-GB"].strip()} for code, concept in concepts.items()
    }
    with (folder / "IPTC-MediaTopic-NewsCodes.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            code = row["NewsCode-QCode (flat)"].strip()
            if code not in labels or row.get("RetiredDate", "").strip():
                continue
            for column, lang in CSV_LANGUAGES.items():
                value = (row.get(f"Name ({column})") or "").strip()
                if value:
                    labels[code][lang] = value
    for found in labels.values():
        for variant, base in VARIANT_OF.items():
            if variant in found and found[variant] == found.get(base):
                del found[variant]

    with TR_RU.open(encoding="utf-8") as f:
        own = json.load(f)
    for code, extra in own.items():
        if code.startswith("_"):
            continue
        if code not in labels:
            raise SystemExit(f"{TR_RU.name}: {code} is not an active Media Topic")
        labels[code].update({lang: value.strip() for lang, value in extra.items()})

    topics = {
        code: {
            "parent": parents[code],
            "level": level(code),
            "labels": dict(sorted(labels[code].items())),
        }
        for code in sorted(concepts)
    }
    languages = sorted({lang for found in labels.values() for lang in found})
    return {
        "scheme": SCHEME,
        "credit": CREDIT,
        "licence": LICENCE,
        "notice": (
            "Derived from the IPTC Media Topic NewsCodes (CC BY 4.0): hierarchy and en labels "
            "from cptall-en-GB.json, other IPTC languages from IPTC-MediaTopic-NewsCodes.xlsx; "
            "retired concepts left out. Turkish (tr) and Russian (ru) labels were added by "
            "newswire (scripts/labels_tr_ru.json)."
        ),
        "released": scheme.get("dateReleased"),
        "languages": languages,
        "topics": topics,
    }


def render(vocab: dict[str, object]) -> str:
    """Stable text: header keys pretty, then one compact line per topic."""
    topics = vocab["topics"]
    assert isinstance(topics, dict)
    lines = ["{"]
    for key, value in vocab.items():
        if key != "topics":
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    lines.append('  "topics": {')
    entries = [
        f"    {json.dumps(code)}: {json.dumps(topic, ensure_ascii=False, separators=(',', ':'))}"
        for code, topic in topics.items()
    ]
    lines.append(",\n".join(entries))
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    text = render(build(args.shared))
    return write_or_check(args.out, text, check=args.check, script="scripts/build_vocab.py")


if __name__ == "__main__":
    raise SystemExit(main())
