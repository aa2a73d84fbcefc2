"""Acronyms an agency never spells out: parties, unions and clubs named by their capitals
(issue 15, second round). Sample texts are written for these tests.
"""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str, lang: str) -> list[str]:
    return [o.name for o in find_entities(text, lang).organisations]


def test_an_acronym_after_an_article_is_an_organisation() -> None:
    assert _orgs("Le patronat veut baisser les charges, tandis que la CGT réclame une conférence.", "fr") == ["CGT"]
    assert _orgs("Die SVP begrüßte den Entscheid.", "de") == ["SVP"]


def test_names_in_a_list_with_such_an_acronym_are_organisations_too() -> None:
    text = "La ley salió con los votos del PSOE, Sumar y el PNV, mientras que el PP y Vox votaron en contra."
    assert _orgs(text, "es") == ["PSOE", "Sumar", "PNV", "PP", "Vox"]


def test_three_acronyms_in_a_list_are_organisations_without_an_article() -> None:
    assert _orgs("Das Gesetz wurde mit den Stimmen von ÖVP, SPÖ und NEOS beschlossen.", "de") == ["ÖVP", "SPÖ", "NEOS"]


def test_indicators_taxes_and_compounds_in_capitals_are_not_organisations() -> None:
    assert _orgs("Le PIB a progressé et la TVA reste inchangée.", "fr") == []
    assert _orgs("El IPC subió un 0,3 % en noviembre.", "es") == []
    assert _orgs("Die CDU-Fraktion lehnte den Antrag ab.", "de") == []


def test_an_undefined_acronym_of_a_name_in_the_story_is_that_organisation() -> None:
    text = "L'Olympique de Marseille a battu Lyon 2-1 dimanche. L'OM reste deuxième."
    assert _orgs(text, "fr") == ["Olympique de Marseille"]


def test_a_short_form_inside_a_longer_name_is_that_organisation() -> None:
    text = "The Kenya Meteorological Service Board said rain would continue. The Meteorological Service warned again."
    assert _orgs(text, "en") == ["Kenya Meteorological Service Board"]
