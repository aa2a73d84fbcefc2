"""Issue 15, eighth round: organisations - German bodies named by their seat or region,
German adjectives in the genitive and the strong dative; one behaviour per test, on
invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def orgs(text: str, lang: str) -> list[str]:
    return [o.name for o in find_entities(text, lang).organisations]


def places(text: str, lang: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).places]


def test_a_seated_head_and_its_town_name_a_body() -> None:
    text = "Der Flughafen Stuttgart strich 40 Flüge, und das Bistum Mainz sagte die Feier ab.\n"
    assert orgs(text, "de") == ["Flughafen Stuttgart", "Bistum Mainz"]


def test_two_towns_joined_by_a_slash_are_one_seat() -> None:
    text = "Auch der Flughafen Münster/Osnabrück meldete Verspätungen.\n"
    assert orgs(text, "de") == ["Flughafen Münster/Osnabrück"]


def test_a_seated_head_in_the_genitive_is_listed_in_the_nominative() -> None:
    text = "Eine Studie des Kantonsspitals Luzern zeigt das Gegenteil.\n"
    assert orgs(text, "de") == ["Kantonsspital Luzern"]


def test_the_adjective_before_a_seated_head_belongs_to_the_name() -> None:
    text = "Das Historische Museum Hannover zeigt die Karte ab Montag.\n"
    assert orgs(text, "de") == ["Historisches Museum Hannover"]


def test_a_state_or_canton_after_a_head_belongs_to_the_name() -> None:
    text = "Die Verbraucherzentrale Rheinland-Pfalz warnt, und der Landesverband Vorarlberg schweigt.\n"
    assert orgs(text, "de")[:1] == ["Verbraucherzentrale Rheinland-Pfalz"]


def test_the_bare_seated_head_is_the_body_named_before() -> None:
    text = ("Die Verbraucherzentrale Sachsen rät zum Vergleich. Ein Sprecher der Verbraucherzentrale "
            "sagte, die Preise seien gestiegen.\n")
    assert orgs(text, "de") == ["Verbraucherzentrale Sachsen"]


def test_a_town_after_in_der_stadt_is_the_town_and_a_plural_head_is_no_body() -> None:
    text = "In der Stadt Bamberg blieb es ruhig. Die Flughäfen Leipzig und Dresden meldeten Ausfälle.\n"
    assert orgs(text, "de") == []
    assert places(text, "de") == ["Bamberg", "Leipzig", "Dresden"]


def test_a_seat_after_the_complement_of_fuer() -> None:
    text = "Das Landesgericht für Zivilrechtssachen Graz wies die Klage ab.\n"
    assert orgs(text, "de") == ["Landesgericht für Zivilrechtssachen Graz"]


def test_adjective_in_the_genitive_or_strong_dative_is_listed_in_the_nominative() -> None:
    text = "Laut Statistischem Landesamt sank die Zahl. Der Chef des Bayerischen Bauernverbandes widersprach.\n"
    assert orgs(text, "de") == ["Statistisches Landesamt", "Bayerischer Bauernverband"]


def test_arabic_head_after_a_clitic_keeps_its_article() -> None:
    text = "وأعلن المحافظ عن منحة مقدمة للمعهد الوطني للبحوث الزراعية وأخرى بالبنك الأهلي التجاري.\n"
    assert orgs(text, "ar") == ["المعهد الوطني للبحوث الزراعية", "البنك الأهلي التجاري"]


def test_bosnian_name_runs_over_an_adjective_and_the_noun_it_qualifies() -> None:
    text = "Kantonalna uprava šumarske inspekcije i Vlada Zeničkog kantona održali su sastanak.\n"
    assert orgs(text, "bs") == ["Kantonalna uprava šumarske inspekcije", "Vlada Zeničkog kantona"]


def test_bosnian_compound_adjective_of_a_region_belongs_to_the_name() -> None:
    text = "Ministarstvo zdravstva Posavsko-savskog kantona objavilo je podatke.\n"
    assert orgs(text, "bs") == ["Ministarstvo zdravstva Posavsko-savskog kantona"]


def test_bosnian_name_stops_before_a_participle_or_an_adverb() -> None:
    text = "Skupština Bosne i Hercegovine ranije je odbila prijedlog koji su Vlada Republike Srpske potpisale.\n"
    assert orgs(text, "bs")[:1] == ["Skupština Bosne i Hercegovine"]
