"""Issue 15, round thirteen: a speaker read off the attribution that is an organisation of the
story written in part or in another case - the tail of its name ("Foreign Affairs" of
"Ministry of Foreign Affairs", "Turizm Bakanlığı" of "Kültür ve Turizm Bakanlığı") or a
declined adjective ("Deutsche Journalisten-Verband") - is given as the organisation's name.
A person of the story stays as named. One behaviour per test, on sentences written for
these tests."""

from __future__ import annotations

from quotekit import speakers


def test_the_tail_of_an_organisation_s_name_is_the_organisation() -> None:
    text = 'Indonesia\'s Foreign Affairs called the accord "a model for resolving the remaining segments".\n'
    assert speakers(text, "en", [], ["Ministry of Foreign Affairs"]) == ["Ministry of Foreign Affairs"]


def test_a_declined_adjective_of_an_organisation_is_the_organisation() -> None:
    text = (
        "Der Deutsche Journalisten-Verband sprach von einer Regel, die „für tagesaktuelle "
        "Berichterstattung viel zu langsam“ sei.\n"
    )
    assert speakers(text, "de", [], ["Deutscher Journalisten-Verband"]) == ["Deutscher Journalisten-Verband"]


def test_a_person_named_like_part_of_an_organisation_stays_the_person() -> None:
    text = '"We will rebuild the hall this winter," said Anna Bell Rivers.\n'
    assert speakers(text, "en", ["Anna Bell Rivers"], ["Anna Bell Rivers Foundation"]) == ["Anna Bell Rivers"]
