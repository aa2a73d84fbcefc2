"""Issue 15, fourteenth round: a name read from an attribution is not cut short: a Korean given
name's lower-case half after its hyphen stays on it ("Kim Min-jae", not "Kim Min"), and a
Spanish pair of surnames said alone takes the given name the story wrote before it ("ha
asegurado Olmedo Carrasco" after "…, Eulalia Olmedo Carrasco, …"). Invented sentences."""

from __future__ import annotations

from quotekit import speakers


def test_a_korean_given_name_keeps_its_lower_case_half() -> None:
    text = (
        "\"We will ship the new chip in March, not a day later,\" Seok Jae-won, head of the chip unit, "
        "told analysts on a call."
    )
    assert speakers(text, "en", people=[]) == ["Seok Jae-won"]


def test_a_hyphen_before_a_capital_or_a_long_word_is_left_alone() -> None:
    text = "\"We will ship the new chip in March, not a day later,\" said Jonas Berg-Lund on Monday."
    assert speakers(text, "en", people=[]) == ["Jonas Berg-Lund"]


def test_a_spanish_pair_of_surnames_takes_the_given_name_written_before() -> None:
    text = (
        "El Parlamento votará la investidura de la candidata socialista, Eulalia Olmedo Carrasco, "
        "el próximo martes.\n"
        "\"Hemos cerrado un acuerdo que mira a los próximos cuatro años\", ha asegurado Olmedo Carrasco "
        "en rueda de prensa."
    )
    assert speakers(text, "es", people=[]) == ["Eulalia Olmedo Carrasco"]
