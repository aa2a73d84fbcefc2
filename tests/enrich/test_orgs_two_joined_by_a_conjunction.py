"""Two organisations joined by a conjunction are two names, not one running over "and":
a second head, the same head again, or a fresh article after the conjunction opens the
second; a name whose own words are joined by a conjunction stays one.

Sample texts are written for these tests.
"""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str, lang: str) -> list[str]:
    return [o.name for o in find_entities(text, lang).organisations]


def test_two_english_lenders_after_of() -> None:
    text = "Bank shares rose, led by lenders such as Union Bank of Nigeria and Zenith Bank."
    assert _orgs(text, "en") == ["Union Bank of Nigeria", "Zenith Bank"]


def test_an_english_name_after_a_headed_one() -> None:
    text = "The Bank of Ghana and Standard Chartered Bank signed the agreement on Monday."
    assert _orgs(text, "en") == ["Bank of Ghana", "Standard Chartered Bank"]


def test_french_universities_named_with_the_same_head_again() -> None:
    text = "Des étudiants de l'Université Laval et de l'Université de Sherbrooke ont manifesté."
    assert _orgs(text, "fr") == ["Université Laval", "Université de Sherbrooke"]


def test_a_fresh_article_after_et_opens_a_second_name() -> None:
    text = "Le festival est soutenu par la Ville de Sion et la Banque Cantonale du Valais."
    assert _orgs(text, "fr")[0] == "Ville de Sion"


def test_spanish_bodies_joined_by_y_with_a_fresh_article() -> None:
    text = "Participan la Universidad de Sevilla y la Universidad de Cádiz en el proyecto."
    assert _orgs(text, "es") == ["Universidad de Sevilla", "Universidad de Cádiz"]


def test_bosnian_banks_named_with_the_same_head_again() -> None:
    text = "Projekat su finansirale Razvojna banka i Investicijska banka Federacije BiH."
    assert _orgs(text, "bs")[0] == "Razvojna banka"


def test_one_name_whose_words_are_joined_stays_one() -> None:
    assert _orgs("Le ministère de l'Europe et des Affaires étrangères a réagi.", "fr") == [
        "ministère de l'Europe et des Affaires étrangères"
    ]
    assert _orgs("The Ministry of Trade and Industry said exports rose.", "en") == [
        "Ministry of Trade and Industry"
    ]
    assert _orgs("Açıklamayı Türkiye İlaç ve Tıbbi Cihaz Kurumu yaptı.", "tr") == [
        "Türkiye İlaç ve Tıbbi Cihaz Kurumu"
    ]
