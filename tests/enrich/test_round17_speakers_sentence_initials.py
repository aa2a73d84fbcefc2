"""Issue 15, round seventeen: the sentence before a quote is not cut at a Latin initial ("the
John P. Marsh Center", "U.S. Rowing") nor at a month's abbreviation before a day ("on Feb. 3
in Bergen"): a pronoun after it goes back to the person that sentence names, not to the
capitalised words after the cut. One behaviour per test, on sentences written for these
tests."""

from __future__ import annotations

from newswire.enrich.quotes.paragraphs import _sentence_ends
from quotekit import speakers


def test_an_initial_ends_no_sentence() -> None:
    text = "She works at the John P. Marsh Center near Dayton. Then she left."
    assert [m.start() for m in _sentence_ends(text)] == [text.index(" Then") - 1, len(text) - 1]


def test_a_month_before_a_day_ends_no_sentence() -> None:
    text = "Talks resume on Feb. 3 in Bergen. Nobody expects a deal."
    assert len(_sentence_ends(text)) == 2


def test_a_pronoun_after_a_sentence_with_an_initial() -> None:
    text = (
        "DAYTON, Ohio (AP) - The county jail failed its inspection again.\n"
        "\"Nobody listens to us,\" said Loretta Brankley, whose brother is held at the John P. "
        "Marsh Detention Center near Dayton.\n"
        "\"He sleeps on the floor,\" she said.\n"
    )
    assert speakers(text, "en", ["Loretta Brankley"]) == ["Loretta Brankley", "Loretta Brankley"]
