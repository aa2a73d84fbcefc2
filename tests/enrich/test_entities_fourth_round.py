"""Issue 15, fourth round: organisations and people in German and Bosnian/Croatian copy
(titles glued to names or to an employer, oblique cases, courts named by their seat),
scorers in Bosnian/Croatian sports copy, and the other misses the third round wrote down.

Sample texts are written for these tests.
"""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


def _orgs(text: str, lang: str) -> list[str]:
    return [o.name for o in find_entities(text, lang).organisations]


def _people(text: str, lang: str) -> list[str]:
    return [p.name for p in find_entities(text, lang).people]


@pytest.mark.parametrize(("text", "person"), [
    ("Advokatica Amra Begić-Selimović izjavila je da će se klijent izjasniti.", "Amra Begić-Selimović"),
    ("Predsjednica Mosta Ivana Kralj-Perić rekla je da je proračun nerealan.", "Ivana Kralj-Perić"),
    ("Predsjednica Uprave Podravke Sanja Vuković-Horvat rekla je da je tržište veliko.", "Sanja Vuković-Horvat"),
])
def test_a_bosnian_name_is_a_first_name_and_a_surname_not_the_title_or_employer_before_it(
    text: str, person: str
) -> None:
    people = _people(text, "hr")
    assert person in people
    assert not [p for p in people if p != person and person in p]


def test_a_name_after_an_acronym_ends_the_organisation_before_it() -> None:
    text = ("Predsjednik Saveza samostalnih sindikata BiH Selvedin Karić upozorio je da prijedlog "
            "ne uključuje radnike u zdravstvu.")
    assert "Savez samostalnih sindikata BiH" in _orgs(text, "bs")
    assert "Selvedin Karić" in _people(text, "bs")


def test_a_head_and_an_acronym_are_no_personal_name() -> None:
    text = "Predstavnički dom Parlamenta FBiH o prijedlogu će raspravljati u decembru."
    assert _orgs(text, "bs") == ["Predstavnički dom Parlamenta FBiH"]


def test_a_court_is_named_by_its_seat() -> None:
    text = "Županijski sud u Splitu osudio je bivšeg gradonačelnika na tri godine zatvora."
    assert "Županijski sud u Splitu" in _orgs(text, "hr")
    assert _orgs("Općinski sud u srijedu nije zasjedao.", "bs") == ["Općinski sud"]


@pytest.mark.parametrize(("text", "scorers"), [
    ("Golove za domaće postigli su Haris Mehmedović u 34. i Dino Ćatić u 78. minuti.",
     ["Haris Mehmedović", "Dino Ćatić"]),
    ("Za goste je pogodio Nikola Juranović-Brkić, a domaćin nije zabio.", ["Nikola Juranović-Brkić"]),
])
def test_bosnian_scorers_after_a_scoring_verb(text: str, scorers: list[str]) -> None:
    people = _people(text, "bs")
    assert all(s in people for s in scorers)


@pytest.mark.parametrize(("text", "person"), [
    ("Commerzbank-Chefvolkswirt Tobias Lindqvist rechnet mit einer Zinssenkung im März.", "Tobias Lindqvist"),
    ("FPÖ-Budgetsprecher Hubert Fuchsberger sprach von einem Belastungspaket.", "Hubert Fuchsberger"),
    ("Verbandsgeschäftsführer Peter Grabmeier sagte, man sei zu Gesprächen bereit.", "Peter Grabmeier"),
])
def test_a_german_compound_title_is_not_part_of_the_name(text: str, person: str) -> None:
    assert _people(text, "de") == [person]
