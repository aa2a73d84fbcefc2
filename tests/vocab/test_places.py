"""The gazetteer: every country, major cities, names in the wire's languages, GeoNames ids,
inflection-tolerant lookup and context disambiguation."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from newswire.vocab import places
from newswire.vocab.places import choose, lookup


def _ids(found: list[places.Place]) -> list[str]:
    return [p.id for p in found]


def test_every_iso_country_is_there_with_a_geonames_uri() -> None:
    countries = places.countries()
    assert len(countries) >= 249
    codes = {p.country for p in countries}
    assert {"TR", "RU", "US", "GB", "FR", "DE", "ES", "BA", "HR", "EG", "SA", "KG"} <= codes
    turkey = places.get("TR")
    assert turkey is not None
    assert turkey.geonames_id == 298795
    assert turkey.uri == "https://sws.geonames.org/298795/"


def test_data_file_is_valid_and_has_enough_cities() -> None:
    raw = json.loads(
        resources.files("newswire.vocab").joinpath("data/places.json").read_text("utf-8")
    )
    kinds = [p["kind"] for p in raw["places"]]
    assert kinds.count("city") >= 250
    for row in raw["places"]:
        assert row["names"]["en"], row
        assert isinstance(row["geonames_id"], int)


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [
        ("Bishkek", "en", "1528675"),
        ("Bişkek", "tr", "1528675"),
        ("Бишкек", "ru", "1528675"),
        ("بيشكيك", "ar", "1528675"),
        ("Türkiye", "tr", "TR"),
        ("Turkey", "en", "TR"),
        ("Turquie", "fr", "TR"),
        ("Turquía", "es", "TR"),
        ("Türkei", "de", "TR"),
        ("Turska", "hr", "TR"),
        ("تركيا", "ar", "TR"),
        ("Турция", "ru", "TR"),
    ],
)
def test_names_in_every_wire_language(name: str, lang: str, expected: str) -> None:
    assert _ids(lookup(name, lang))[0] == expected


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [
        ("Moskova'da", "tr", "524901"),  # Turkish case suffix after the apostrophe
        ("Ankara'ya", "tr", "323786"),
        ("Москве", "ru", "524901"),  # Russian cases
        ("России", "ru", "RU"),
        ("Россией", "ru", "RU"),
        ("Rusije", "bs", "RU"),  # Bosnian/Croatian cases
        ("Sarajevu", "hr", "3191281"),
        ("Russlands", "de", "RU"),  # German genitive
        ("وموسكو", "ar", "524901"),  # Arabic clitic "and"
        ("بالولايات المتحدة", "ar", "US"),  # clitic before the article
        ("ISTANBUL", "en", "745044"),  # a dateline in capitals
    ],
)
def test_inflected_forms_are_found(name: str, lang: str, expected: str) -> None:
    assert _ids(lookup(name, lang))[0] == expected


def test_demonyms_point_to_their_country() -> None:
    assert _ids(lookup("Russian", "en")) == ["RU"]
    assert _ids(lookup("российского", "ru")) == ["RU"]
    assert _ids(lookup("الروسية", "ar")) == ["RU"]


def test_ambiguous_names_list_every_candidate_best_prior_first() -> None:
    assert _ids(lookup("Georgia", "en")) == ["GE", "4197000"]
    assert _ids(lookup("Tripoli", "en")) == ["2210247", "266826"]
    assert _ids(lookup("Paris", "en"))[0] == "2988507"


def test_unknown_names_find_nothing() -> None:
    assert lookup("Atlantis", "en") == []
    assert lookup("", "en") == []


def test_context_and_dateline_disambiguate() -> None:
    georgia = lookup("Georgia", "en")
    atlanta = lookup("Atlanta", "en")[0]
    tbilisi = lookup("Tbilisi", "en")[0]
    # No context: the country.
    assert choose(georgia)[0].id == "GE"
    # Datelined from Atlanta: the US state.
    assert choose(georgia, located=atlanta) == (places.get("4197000"), True)
    # Written right beside a US city ("Atlanta, Georgia").
    assert choose(georgia, adjacent=atlanta)[0].id == "4197000"
    # A story datelined Tbilisi stays with the country.
    assert choose(georgia, located=tbilisi)[0].id == "GE"

    tripoli = lookup("Tripoli", "en")
    beirut = lookup("Beirut", "en")[0]
    assert choose(tripoli, located=beirut)[0].id == "266826"
    # Two mentions of Lebanese places outweigh the Libyan capital's prior.
    assert choose(tripoli, {"LB": 2})[0].id == "266826"
    assert choose(tripoli, {"LY": 1})[0].id == "2210247"

    paris = lookup("Paris", "en")
    assert choose(paris, adjacent=lookup("Texas", "en")[0])[0].id == "4717560"


def test_a_dateline_prefers_the_city_over_the_country() -> None:
    # In Arabic, Oman and its neighbour's capital Amman are both written عمان.
    candidates = lookup("عمان", "ar")
    assert {p.id for p in candidates} == {"OM", "250441"}
    assert choose(candidates, {"JO": 1}, for_dateline=True)[0].id == "250441"


def test_names_in_a_language() -> None:
    moscow = lookup("Moscow", "en")[0]
    assert moscow.name == "Moscow"
    assert moscow.name_in("tr") == "Moskova"
    assert moscow.name_in("hr") == "Moskva"
    assert moscow.name_in("xx") == "Moscow"


def test_resolve_uses_context() -> None:
    assert places.resolve("Tripoli", "en", context={"LB": 3}).id == "266826"  # type: ignore[union-attr]
    assert places.resolve("Nowhere", "en") is None


@pytest.mark.parametrize("text", [
    "", "   ", "Ankara'da 5.000 kişi", "snake_case and __dunder__", "МОСКВА, 28 ноября. /ТАСС/.",
    "أنقرة (الأناضول) - قال", "a\u00a0b\u200bc", "end.", "—“Quoted,” he said.",
])
def test_tokenize_gives_every_word_with_its_offsets(text: str) -> None:
    toks = places.tokenize(text)
    spans = [m.span() for m in places.WORD_RE.finditer(text)]
    assert toks.words == [text[a:b] for a, b in spans]
    assert toks.starts == [a for a, _ in spans]
    assert toks.ends == [b for _, b in spans]


def test_scan_finds_leftmost_longest_non_overlapping_names() -> None:
    matcher: places.NameMatcher[str] = places.NameMatcher()
    matcher.add("New York", "city")
    matcher.add("New York Times", "paper")
    matcher.add("York", "york")
    toks = places.tokenize("The New York Times in New York, not York or new york.")
    found = [(m.start, m.end, m.payloads) for m in matcher.scan(toks)]
    assert found == [(1, 4, ("paper",)), (5, 7, ("city",)), (8, 9, ("york",))]
    assert matcher.scan(places.tokenize("nothing here")) == []


@pytest.mark.parametrize("names", [("Ajansı", "Ajans"), ("Ajans", "Ajansı")])
def test_equally_long_candidates_keep_the_order_they_were_added_in(names: tuple[str, str]) -> None:
    """A word can reach candidates through several keys ("Ajansı" ~ "ajansi", "ajans"):
    ties are ordered as added, not as the keys come out of a set (which varied per process)."""
    matcher: places.NameMatcher[str] = places.NameMatcher()
    for name in names:
        matcher.add(name, name, "tr")
    found = matcher.scan(places.tokenize("Yatırım Ajansı"), "tr")
    assert [m.payloads for m in found] == [names]


def test_combining_marks_stay_inside_their_word() -> None:
    toks = places.tokenize("قالَ في عمّان: Que\u0301bec")
    assert toks.words == ["قالَ", "في", "عمّان", "Que\u0301bec"]
    assert [toks.span(k, k + 1) for k in range(4)] == toks.words
    assert [p.name for p in lookup("عمّان", "ar")] == [p.name for p in lookup("عمان", "ar")]
