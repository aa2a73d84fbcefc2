"""Issue 15, round seventeen: a capitalised run written inside the longer name of one of the
story's organisations ("Malaysian Association" of the "Malaysian Association of Tour and
Travel Agents", "Instituto Nacional" of the "Instituto Nacional de Técnica Aeroespacial") is
no new person's name in an English, French or Spanish attribution; the person it precedes
is. One behaviour per test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_pronoun_after_a_body_and_its_president() -> None:
    text = (
        "KUALA LUMPUR (Bernama) - Hotels expect a busy year.\n"
        "Meanwhile, Malaysian Association of Hotel Owners (MAHO) president Tan Wei Ling said the "
        "industry welcomed the target.\n"
        "\"We are short of housekeeping staff,\" she said.\n"
    )
    body = "Malaysian Association of Hotel Owners"
    assert speakers(text, "en", ["Tan Wei Ling"], (body,)) == ["Tan Wei Ling"]


def test_a_researcher_of_a_body_before_the_verb() -> None:
    text = (
        "Madrid, 3 dic (EFE).- El cohete despegará en marzo.\n"
        "El investigador del Instituto Nacional de Óptica Aplicada (INOA) Tomás Ribera Sanchís ha "
        "advertido de que \"los primeros vuelos fallan a menudo\".\n"
    )
    body = "Instituto Nacional de Óptica Aplicada"
    assert speakers(text, "es", [], (body,)) == ["Tomás Ribera Sanchís"]

