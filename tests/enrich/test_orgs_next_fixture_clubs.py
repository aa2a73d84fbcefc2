"""A match report ends on each side's next fixture; the clubs named around its verb are
clubs, also when they are named like their city, but a country is a national team.

Sample texts are written for these tests.
"""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str, lang: str) -> list[str]:
    return [o.name for o in find_entities(text, lang).organisations]


def test_an_english_report_names_the_next_opponent_after_the_verb() -> None:
    text = "Fulham beat Everton 2-1 on Saturday.\nFulham plays at Bournemouth on Dec. 14."
    assert "Bournemouth" in _orgs(text, "en")


def test_a_spanish_report_names_the_club_a_side_visits() -> None:
    text = "El Mallorca ganó 3-0 al Alavés.\nEl Mallorca visitará al Getafe el 14 de diciembre."
    assert "Getafe" in _orgs(text, "es")


def test_a_french_report_names_the_club_a_side_receives() -> None:
    text = "Rennes a battu Nantes 2-0 samedi.\nRennes recevra Lorient le 14 décembre."
    assert "Lorient" in _orgs(text, "fr")


def test_a_turkish_report_names_the_opponent_before_the_verb() -> None:
    text = "Samsunspor, Antalyaspor'u 2-1 yendi.\nSamsunspor gelecek hafta Konya ile karşılaşacak."
    assert "Konya" in _orgs(text, "tr")


def test_a_country_after_the_verb_is_a_national_team_and_no_organisation() -> None:
    text = "Wales beat Scotland 2-1 on Saturday.\nWales faces Italy on Dec. 14."
    assert "Italy" not in _orgs(text, "en")


def test_without_a_score_the_verb_says_nothing_about_clubs() -> None:
    text = "The minister visits Lisbon on Dec. 14 for talks on fishing quotas."
    assert _orgs(text, "en") == []


def test_a_bosnian_report_names_the_club_a_side_will_host() -> None:
    text = "Velež je pobijedio Borac 2:1.\nVelež će u narednom kolu dočekati Široki Brijeg."
    assert "Široki Brijeg" in _orgs(text, "bs")


def test_a_venue_before_the_verb_is_no_club() -> None:
    text = "Sarajevo je svladao Čelik 1:0.\nSarajevo će 12. decembra na Koševu ugostiti Velež."
    assert "Koševu" not in _orgs(text, "bs")


def test_a_teams_players_before_a_result_verb_are_no_club_name() -> None:
    text = "Nogometaši Veleža pobijedili su u subotu Borac 2:0."
    assert "Nogometaši Veleža" not in _orgs(text, "bs")
