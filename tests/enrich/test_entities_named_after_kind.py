"""Organisations named after the noun that says what they are, and the bounds of long names
(issue 15, second round). Sample texts are written for these tests.
"""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str, lang: str) -> list[str]:
    return [o.name for o in find_entities(text, lang).organisations]


def test_german_kind_noun_after_an_article_names_what_follows_not_itself() -> None:
    text = "Der Industriekonzern Thyssenkrupp will Stellen abbauen. Die IG Metall kündigte Widerstand an."
    assert _orgs(text, "de") == ["Thyssenkrupp", "IG Metall"]
    assert _orgs("Die Gewerkschaft Verdi hat zu Warnstreiks aufgerufen.", "de") == ["Verdi"]


def test_a_board_every_company_has_is_no_organisation() -> None:
    assert _orgs("Der Aufsichtsrat soll am Montag über den Plan entscheiden.", "de") == []


def test_an_acronym_before_a_personal_name_does_not_take_the_first_name() -> None:
    found = find_entities("Lo dijo la meteoróloga del SMN Valeria Gómez en una entrevista.", "es")
    assert "SMN Valeria" not in [o.name for o in found.organisations]


def test_spanish_kind_noun_and_a_demonym_before_the_name() -> None:
    text = "La estatal chilena Codelco aumentó su producción, según la consultora Ecolatina."
    assert _orgs(text, "es") == ["Codelco", "Ecolatina"]


def test_a_long_english_name_runs_through_for_the_and_of() -> None:
    text = "The United Nations Office for the Coordination of Humanitarian Affairs said rain hit the region."
    assert _orgs(text, "en") == ["United Nations Office for the Coordination of Humanitarian Affairs"]


def test_a_country_that_is_the_only_complement_stays_in_the_name() -> None:
    assert _orgs("El Banco Central de Chile revisará su previsión.", "es") == ["Banco Central de Chile"]


def test_a_bosnian_head_stops_before_an_auxiliary() -> None:
    assert _orgs("Iz ureda su poručili da Vlada neće produljiti ograničenje cijena.", "hr") == []


def test_a_broadcaster_keeps_its_channel_number() -> None:
    text = "“We were brave,” coach Tony Dimitriadis told Network 10 after the game."
    assert _orgs(text, "en") == ["Network 10"]
