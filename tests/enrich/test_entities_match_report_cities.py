"""In a match report a city named bare is its club, and a city after a town preposition, in
brackets after a club or in the dateline is the town (issue 15, round 7). Sample texts are
written for these tests."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _names(text: str, lang: str, located: str | None = None) -> tuple[list[str], list[str]]:
    found = find_entities(text, lang, located)
    return [p.name for p in found.places], [o.name for o in found.organisations]


def test_bare_cities_in_a_french_match_report_are_clubs_and_the_away_trip_is_a_town() -> None:
    places, orgs = _names(
        "RENNES, 6 déc (AFP) - Rennes a battu Brest 3 à 1 samedi lors de la 15e journée, et "
        "l'entraîneur a salué ses joueurs. Rennes se déplacera à Marseille, tandis que Brest "
        "recevra Lorient la semaine prochaine.", "fr", "RENNES")
    assert "Marseille" in places and "Rennes" in places  # the trip's town, the dateline's
    assert "Brest" not in places and "Lorient" not in places
    assert "Brest" in orgs


def test_a_city_after_a_town_preposition_stays_a_town_in_every_language() -> None:
    assert "Mostar" in _names(
        "Sarajevo je pobijedio Velež iz Mostara rezultatom 2:0 u utakmici, rekao je trener.", "bs")[0]
    assert "Bologna" in _names(
        "Napoli beat Torino 2-1 and the coach said his side would travel to Bologna next week "
        "before the derby in Bologna.", "en")[0]


def test_a_town_in_brackets_after_a_club_is_the_town() -> None:
    places, _ = _names(
        "«Сочи» обыграл «Торпедо» (Нижний Новгород) со счетом 3:2, тренер доволен матчем.", "ru")
    assert "Нижний Новгород" in places


def test_the_end_of_a_longer_club_name_is_no_club_of_its_own() -> None:
    _, orgs = _names(
        "Holstein Kiel beat Hertha 2-1 on Saturday; the coach praised the striker after the match.", "en")
    assert "Kiel" not in orgs


def test_a_city_in_a_story_that_is_no_match_report_stays_a_town() -> None:
    places, orgs = _names(
        "Brest and Lorient signed a water agreement on Monday, the two mayors said.", "fr")
    assert {"Brest", "Lorient"} <= set(places)
    assert "Brest" not in orgs


def test_a_country_closing_an_institution_name_is_no_place() -> None:
    assert "Россия" not in _names(
        "Об этом сообщили в пресс-службе ГУ МВД России по Новосибирской области.", "ru")[0]
    assert "BiH" not in _names(
        "Optužnicu je podiglo Tužilaštvo BiH, a presudu je izrekao sudija u petak.", "bs")[0]
    assert "قطر" not in _names("وارتفع المؤشر العام لبورصة قطر بعد إعلان جامعة قطر.", "ar")[0]


def test_a_country_after_a_sentence_opening_word_or_a_preposition_is_still_a_place() -> None:
    assert "Russia" in _names("Officials said on Monday. Exports to Russia rose by 4%.", "en")[0]
    assert "Frankreich" in _names("Die Regierung Frankreichs und Deutschland einigten sich.", "de")[0]


def test_towns_naming_a_road_or_railway_line_are_the_lines_name() -> None:
    places, _ = _names("İki ülke, Kars-Iğdır demiryolu hattının inşasını hızlandıracak.", "tr")
    assert "Kars" not in places
    assert "Kars" in _names("Heyet yarın Kars'ta temaslarda bulunacak.", "tr")[0]


def test_a_croatian_adjective_opening_a_bodys_name_is_no_country() -> None:
    places, _ = _names(
        "Predstava će gostovati u Hrvatskom narodnom kazalištu, a Hrvatska vojska poslala je "
        "vojnike na nasipe.", "hr")
    assert "Hrvatska" not in places
    assert "Hrvatska" in _names("Turisti iz Hrvatske stigli su u petak, rekao je načelnik.", "hr")[0]


_TR_MATCH = "Galatasaray, ligde Kasımpaşa'yı 3-1 yendi. Teknik direktör maçtan sonra konuştu. "


def test_a_turkish_city_in_the_accusative_of_a_match_report_is_its_club() -> None:
    assert "Roma" not in _names(_TR_MATCH + "Sarı-kırmızılı ekip 10 Aralık'ta Roma'yı ağırlayacak.", "tr")[0]
    assert "Roma" in _names(_TR_MATCH + "Takım Roma'da kampa girecek.", "tr")[0]


def test_arabic_towns_named_like_common_words_need_a_preposition() -> None:
    assert _names("وقال مدير الدفاع المدني في العين إن الأمطار غزيرة.", "ar")[0] == ["العين"]
    assert _names("وهطلت أمطار غزيرة بالعقبة مساء الأحد.", "ar")[0] == ["العقبة"]
    assert _names("تواجه الحكومة العقبة الأكبر في المفاوضات.", "ar")[0] == []  # the obstacle
