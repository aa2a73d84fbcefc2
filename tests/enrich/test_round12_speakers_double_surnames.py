"""Issue 15, round twelve: a speaker named by a double surname alone takes the first name the
story gave it; a quotation closed by its own full stop ends the sentence, so the next
sentence's attribution is not its own; "called the result “…”" attributes; one behaviour
per test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_double_surname_said_alone_takes_the_first_name_given_before() -> None:
    text = (
        "RICHMOND, Va. (AP) — Democrat Marisol Okafor-Hayes won a special election Thursday.\n"
        '"Voters told us tonight that they want their schools funded," Okafor-Hayes told supporters.\n'
    )
    assert speakers(text, "en", []) == ["Marisol Okafor-Hayes"]


def test_a_title_before_the_double_surname_is_no_first_name() -> None:
    text = (
        "Coach Okafor-Hayes praised the team on Friday.\n"
        '"We defended for ninety minutes and forgot the last one," Okafor-Hayes said.\n'
    )
    assert speakers(text, "en", []) == ["Okafor-Hayes"]


def test_a_german_double_surname_takes_the_first_name_after_the_role() -> None:
    text = (
        "Wien (APA) - Das Burgtheater zeigt das Stück der Autorin Theresa Pfandl-Kogler.\n"
        '"Der Gemeindebau ist das Herz dieser Stadt", sagte Pfandl-Kogler.\n'
    )
    assert speakers(text, "de", []) == ["Theresa Pfandl-Kogler"]


def test_a_quote_closed_by_its_own_full_stop_takes_no_attribution_after_it() -> None:
    text = (
        "RICHMOND, Va. (AP) — The Democrat won the seat.\n"
        'Dana Kessling, chair of the state party, called the result "a clear signal heading into '
        'next year." The Republican Party said it would study the numbers.\n'
    )
    assert speakers(text, "en", []) == ["Dana Kessling"]
