"""Issue 15, round seventeen: after a Bosnian/Croatian title, a given name and an unhyphenated
double "-ić" surname ("pročelnica Danijela Perišić Matić") are one name of three words: the
given name is no employer in the genitive, as the name finder already reads it after a title
with no employer; an employer before a name of two words stays one ("direktorica Energoinvesta
Amra Hodžić"). One behaviour per test, on sentences written for these tests."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def test_a_given_name_before_a_double_ic_surname_is_no_employer() -> None:
    text = "Radove je nadzirao gradski zavod. Njegova pročelnica Vesna Marković Jurić istaknula je da su radovi gotovi."
    found = find_entities(text, "hr")
    assert [p.name for p in found.people] == ["Vesna Marković Jurić"]
    assert "Vesna" not in {o.name for o in found.organisations}


def test_an_employer_before_a_name_of_two_words_stays_one() -> None:
    text = "Direktorica Energoinvesta Amra Hodžić kazala je da je ugovor potpisan."
    found = find_entities(text, "bs")
    assert [p.name for p in found.people] == ["Amra Hodžić"]
