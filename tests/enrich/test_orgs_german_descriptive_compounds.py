"""A German compound naming the kind of a body after an article ("die Länderkammer", "der
Stromkonzern") refers back to an organisation the story names; it is no name of its own,
unlike a federal or state body ("das Bundeskartellamt").

Sample texts are written for these tests.
"""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str) -> list[str]:
    return [o.name for o in find_entities(text, "de").organisations]


def test_a_chamber_said_again_by_its_kind_is_no_second_organisation() -> None:
    assert "Länderkammer" not in _orgs("Der Bundesrat billigte das Gesetz. Die Länderkammer forderte mehr Geld.")


def test_a_criminal_chamber_of_a_court_is_no_organisation() -> None:
    assert _orgs("Das Urteil der Wirtschaftsstrafkammer fiel am Freitag.") == []


def test_a_federal_office_after_an_article_is_a_name() -> None:
    assert _orgs("Das Bundeskartellamt prüft die Übernahme.") == ["Bundeskartellamt"]
