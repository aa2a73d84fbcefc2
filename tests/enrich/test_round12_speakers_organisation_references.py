"""Issue 15, round twelve: an English attribution that refers to an organisation without
naming it ("it said", "the club said in a statement", "said the company") is the body the
sentence before the quote opens with - in the paragraph above when the quote opens its own -
and otherwise an unnamed body, never the last person named; one behaviour per test, on
sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers

PEOPLE = ["Morag Kinnaird-Ross"]


def test_the_club_is_the_body_that_opened_the_paragraph_above() -> None:
    text = (
        "GLASGOW (AP) — Morag Kinnaird-Ross of the Met Office warned of gusts.\n"
        "Celtic said the derby had been called off after a safety meeting with the police.\n"
        '"The safety of supporters, staff and players has to come first," the club said in a statement.\n'
    )
    assert speakers(text, "en", PEOPLE, ["Celtic", "Met Office"]) == ["Celtic"]


def test_it_is_the_body_the_sentence_before_opens_with() -> None:
    text = (
        "NAIROBI (Reuters) - Morag Kinnaird-Ross spoke for the doctors.\n"
        'The Ministry of Health welcomed the ruling. "Patients must never be used as bargaining '
        'chips," it said in a statement.\n'
    )
    assert speakers(text, "en", PEOPLE, ["Ministry of Health"]) == ["Ministry of Health"]


def test_the_company_after_the_verb_is_the_body_named_before() -> None:
    text = (
        "JOHANNESBURG (Reuters) - Seven miners were killed at a gold mine.\n"
        "Sibanye-Stillwater said 31 workers had been brought up.\n"
        '"Our priority is to reach our colleagues who are still underground," said the company.\n'
    )
    assert speakers(text, "en", PEOPLE, ["Sibanye-Stillwater"]) == ["Sibanye-Stillwater"]


def test_an_unnamed_body_is_nobody_rather_than_the_last_person() -> None:
    text = (
        "GLASGOW (AP) — Morag Kinnaird-Ross of the Met Office warned of gusts.\n"
        '"The safety of supporters has to come first," the club said in a statement.\n'
    )
    assert speakers(text, "en", PEOPLE, ["Met Office"]) == [None]
