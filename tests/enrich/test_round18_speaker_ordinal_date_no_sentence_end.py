"""Round eighteen, a full stop after a number followed by a lower-case word is an ordinal or a
date ("sastat će se 14. marta 2027. u Mostaru", "am 3. März"), no sentence end: the sentence
before a quote that opens its paragraph is read whole, so the body it opens with is found."""

from __future__ import annotations

from newswire.enrich.entities import Entity
from newswire.enrich.quotes import find_quotes
from newswire.enrich.quotes.paragraphs import _sentence_ends


def test_ordinal_dates_end_no_sentence() -> None:
    text = "Komisija će se sastati 14. marta 2027. u Mostaru. Sljedeći sastanak je u aprilu."
    assert len(_sentence_ends(text)) == 2


def test_the_body_of_the_sentence_above_speaks() -> None:
    text = (
        "Regionalna razvojna agencija saopćila je da će se vijeće sastati 14. marta 2027. u Mostaru, "
        "a da će naredna sjednica biti u aprilu.\n"
        "\"Agencija ostaje posvećena razvoju cijele regije\", navodi se u saopćenju.\n"
    )
    body = Entity("organisation", "Regionalna razvojna agencija")
    quotes = find_quotes(text, "bs", people=[], organisations=[body])
    assert [q.speaker for q in quotes] == ["Regionalna razvojna agencija"]
