"""How enrichment time grows with a story's length, on copy shaped to be slow.

    .venv/bin/python bench/enrich_growth.py [--repeats 3]

Each shape repeats one paragraph of agency copy in one language (an attribution with a title,
a name, a quote and an organisation; a Russian run with no full stop; a pasted results table)
to 10, 20 and 40 KB, below the 50,000 characters the entity, quote and diary finders read
(``enrich.text.MAX_ENRICHED_CHARS``), and to 1 MB, above it. For each size it times the whole
default pipeline in CPU seconds (median of ``--repeats``) and fits the growth exponent between
10 and 40 KB: 1.0 is linear, 2.0 quadratic. The baseline, measured in the same run on the same
texts, is parsing alone (linear by construction). A rule that walks the whole story for every
word or every verb shows up as an exponent near 2 long before a timed test would notice.

Prints ONE JSON line (``{"worst_exponent": ..., "shapes": {...}, ...}``) and a table on stderr.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from collections.abc import Callable

from newswire.enrich.pipeline import Pipeline
from newswire.formats import parse

SHAPES: dict[str, str] = {
    "ar-attribution": 'وقال المدير العام للشركة العربية للنقل محمد أحمد علي إن "الوضع مستقر في كل المناطق"، وأضاف أن\n',
    "en-attribution": 'Finance Minister John Smith of the Labour Party told Reuters, "We will not raise taxes '
                      'this year," and added\n',
    "de-attribution": 'Der Sprecher der Deutschen Bahn, Klaus Weber, sagte, die Züge „fahren wieder und alles '
                      'ist gut“ und\n',
    "tr-attribution": 'Ulaştırma Bakanı Ahmet Yılmaz, "Tüm hatlar bugün yeniden açıldı ve sefer başladı" dedi ve\n',
    "es-attribution": 'El ministro de Hacienda, Juan Pérez García, dijo a EFE que "no habrá subida de impuestos '
                      'este año" y\n',
    "fr-attribution": "Le ministre de l'Intérieur Jean-Marc Dupont a déclaré à l'AFP que « tout va bien dans la "
                      "région » et\n",
    "bs-attribution": 'Ministar finansija Edin Mujagić je rekao za FENA-u da "budžet neće biti povećan" i\n',
    "ru-no-full-stop": "заявил представитель министерства энергетики Российской Федерации Иван Петров ",
    "en-results-table": "Real Madrid 2 Barcelona 1 | Sevilla 0 Valencia 3 | Getafe 1 Osasuna 1 | ",
}
SIZES = (10_000, 20_000, 40_000, 1_000_000)
FIT = (10_000, 40_000)  # the exponent is fitted between these, both below the cap


def story(unit: str, size: int, copy: int) -> bytes:
    """The shape to ``size`` bytes; ``copy`` makes each text distinct, so no cache keyed by the
    text (the entity finder keeps its last few) answers for an earlier repeat."""
    return (f"Headline words for a long story {copy}\n" + unit * max(1, size // len(unit))).encode()


def cpu_ms(run: Callable[[bytes], None], unit: str, size: int, repeats: int) -> float:
    times = []
    for copy in range(repeats):
        data = story(unit, size, copy)
        started = time.process_time()
        run(data)
        times.append(time.process_time() - started)
    return 1000 * statistics.median(times)


def exponent(small: float, large: float, ratio: float) -> float:
    return math.log(max(large, 1e-6) / max(small, 1e-6)) / math.log(ratio)


def measure(repeats: int, sizes: tuple[int, ...] = SIZES, shapes: dict[str, str] = SHAPES) -> dict[str, object]:
    pipeline = Pipeline.default()
    pipeline.warm_up()

    def enrich(data: bytes) -> None:
        pipeline(parse(data, "text"))

    def parse_only(data: bytes) -> None:
        parse(data, "text")

    ratio = FIT[1] / FIT[0]
    out: dict[str, dict[str, object]] = {}
    for name, unit in shapes.items():
        ms = {size: cpu_ms(enrich, unit, size, repeats) for size in sizes}
        base = {size: cpu_ms(parse_only, unit, size, repeats) for size in FIT}
        out[name] = {
            "ms": {str(size): round(value, 1) for size, value in ms.items()},
            "exponent": round(exponent(ms[FIT[0]], ms[FIT[1]], ratio), 2),
            "baseline_parse_exponent": round(exponent(base[FIT[0]], base[FIT[1]], ratio), 2),
        }
    exponents = [float(v["exponent"]) for v in out.values()]  # type: ignore[arg-type]
    largest = max(sizes)
    return {
        "worst_exponent": max(exponents),
        "median_exponent": round(statistics.median(exponents), 2),
        "baseline_parse_exponent_median": round(statistics.median(
            float(v["baseline_parse_exponent"]) for v in out.values()), 2),  # type: ignore[arg-type]
        f"worst_ms_at_{largest // 1000}kb": max(float(v["ms"][str(largest)]) for v in out.values()),  # type: ignore[index]
        "fit_between_bytes": list(FIT),
        "repeats": repeats,
        "shapes": out,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="bytes, comma-separated; must include 10000 and 40000 (the fit)")
    args = parser.parse_args()
    sizes = tuple(sorted({int(s) for s in args.sizes.split(",")} | set(FIT)))
    result = measure(args.repeats, sizes)
    print(json.dumps(result, ensure_ascii=False))
    shapes: dict[str, dict[str, object]] = result["shapes"]  # type: ignore[assignment]
    print("| shape | " + " | ".join(f"{s // 1000} KB ms" for s in sizes) + " | exponent | parse exponent |",
          file=sys.stderr)
    print("|---" * (len(sizes) + 3) + "|", file=sys.stderr)
    for name, row in shapes.items():
        cells = " | ".join(str(row["ms"][str(s)]) for s in sizes)  # type: ignore[index]
        print(f"| {name} | {cells} | {row['exponent']} | {row['baseline_parse_exponent']} |", file=sys.stderr)


if __name__ == "__main__":
    main()
