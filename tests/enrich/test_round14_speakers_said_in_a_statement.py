"""Issue 15, round fourteen: an English subject that "said in a statement", or a French one
that "a salué dans un communiqué", and is no person of the story names a body, the speaker of
the quote in its reported speech, even when the organisation finder does not know it ("Dock
employers' group Havenbond said in a statement that the strike was "…"", "Acme, which was not
charged, said in a statement it had "…"", "À Tokyo, le ministère japonais de l'Industrie a
dénoncé dans un communiqué une décision « … »"). One behaviour per test, on sentences written
for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_body_ending_the_subject_said_in_a_statement() -> None:
    text = (
        "ROTTERDAM (Reuters) - Dockworkers walked out on Friday, union negotiator Femke Jansen-Bos said.\n"
        "Dock employers' group Havenbond said in a statement that the strike was \"out of all "
        'proportion to what is left on the table" and urged a return to talks.\n'
    )
    assert speakers(text, "en", ["Femke Jansen-Bos"], []) == ["Havenbond"]


def test_a_body_before_a_relative_clause_said_in_a_statement() -> None:
    text = (
        "SEATTLE (AP) — A former buyer was convicted of fraud on Tuesday, prosecutor Dana Whitlow-Kerr said.\n"
        'Kestrel Aero, which was not accused of wrongdoing, said in a statement it had "helped '
        'investigators from the very first day."\n'
    )
    assert speakers(text, "en", ["Dana Whitlow-Kerr"], []) == ["Kestrel Aero"]


def test_a_person_of_the_story_said_in_a_statement_still_speaks() -> None:
    text = (
        "RICHMOND, Va. (AP) — Republican Trent Waverly-Ames conceded on Tuesday night.\n"
        'Waverly-Ames said in a statement that he thanked the volunteers who knocked on "more than '
        'forty thousand doors."\n'
    )
    assert speakers(text, "en", ["Trent Waverly-Ames"], []) == ["Trent Waverly-Ames"]


def test_a_french_body_in_a_communique_speaks() -> None:
    text = (
        "BERNE (Keystone-ATS) - La pasteure Sabine Oertli-Grandjean a été élue vendredi.\n"
        "La Fédération des paroisses alpines (FPA) a salué dans un communiqué l'élection « d'une "
        "personnalité attachée au dialogue ».\n"
    )
    assert speakers(text, "fr", ["Sabine Oertli-Grandjean"], []) == ["Fédération des paroisses alpines"]


def test_a_french_body_after_a_place_adverbial_in_a_communique_speaks() -> None:
    text = (
        "BRUXELLES (AFP) - La Commission a ouvert une procédure, a déclaré le commissaire Jan Verbeke-Laurens.\n"
        "À Tokyo, le ministère japonais de l'Industrie a dénoncé dans un communiqué une décision « qui "
        "ne fait qu'aggraver les tensions ».\n"
    )
    assert speakers(text, "fr", ["Jan Verbeke-Laurens"], []) == ["ministère japonais de l'Industrie"]


def test_a_french_role_in_a_communique_is_no_body() -> None:
    text = (
        "GENÈVE (AFP) - Le CERN a publié vendredi ses résultats.\n"
        "Le directeur général du laboratoire a salué dans un communiqué « le travail de toutes les équipes ».\n"
    )
    assert speakers(text, "fr", [], []) != ["directeur général du laboratoire"]
