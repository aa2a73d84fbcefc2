"""Issue 15, round fourteen: an indefinite subject after the verb is an unnamed speaker
(null) also when five words stand between the verb and it, past whom the speaker told or an
adverbial ("a raconté à l'AFP un paysan", "a déclaré pour sa part un porte-parole du X").
One behaviour per test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_an_unnamed_farmer_after_whom_he_told_is_nobody() -> None:
    text = (
        "ANTANANARIVO (AFP) - « Les pompiers manquent de tout », a déclaré le préfet Jean Rakotobe-Hery.\n"
        "« Nous avons tout perdu, même les semences », a raconté à l'AFP un cultivateur de la région.\n"
    )
    assert speakers(text, "fr", ["Jean Rakotobe-Hery"], []) == ["Jean Rakotobe-Hery", None]


def test_an_unnamed_spokesman_after_an_adverbial_is_nobody() -> None:
    text = (
        "PARIS (AFP) - « La vigilance reste maximale », a indiqué la ministre Claire Dubois-Marchal.\n"
        "« Nous remercions les policiers mobilisés », a déclaré pour sa part un porte-parole du "
        "Conseil des communautés.\n"
    )
    assert speakers(text, "fr", ["Claire Dubois-Marchal"], ["Conseil des communautés"]) == [
        "Claire Dubois-Marchal",
        None,
    ]
