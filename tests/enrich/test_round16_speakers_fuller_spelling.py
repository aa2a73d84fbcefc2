"""Issue 15, round sixteen: when the story's people list a person twice, once with a name that
the other continues ("Ana Ruiz" and "Ana Ruiz Lemos"), a quote keyed to the shorter spelling
goes to the fuller one; two different fuller spellings leave it as named; one behaviour per
test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_shorter_spelling_takes_the_fuller_one() -> None:
    text = (
        "LAS VEGAS (AP) - Carlos Mendes Prado met the press on Thursday.\n"
        '"I am ready for twelve rounds," Mendes said.\n'
    )
    assert speakers(text, "en", ["Carlos Mendes Prado", "Carlos Mendes"]) == ["Carlos Mendes Prado"]


def test_two_fuller_spellings_leave_the_name_as_it_is() -> None:
    text = (
        "LAS VEGAS (AP) - Luis Ortega met the press on Thursday.\n"
        '"I am ready for twelve rounds," Ortega said.\n'
    )
    assert speakers(text, "en", ["Luis Ortega", "Luis Ortega Sr", "Luis Ortega Ruiz"]) == ["Luis Ortega"]
