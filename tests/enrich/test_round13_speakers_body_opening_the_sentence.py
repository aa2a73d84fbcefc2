"""Issue 15, round thirteen: a body that opens the sentence and speaks through a verb of
saying before a partial quote ("The National Police Service said in a statement that Kamau
was questioned over the “…”", "El Ministerio de Hidrocarburos aseguró en un comunicado que la
situación “…”") is the speaker; a person named after the verb is what the body spoke about.
A person before the verb still speaks. One behaviour per test, on sentences written for these
tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_body_opening_the_sentence_speaks_not_the_person_after_the_verb() -> None:
    text = (
        "NAIROBI (Reuters) - Police detained journalist Wilfred Otieno Kamau on Thursday.\n"
        "The National Police Service said in a short statement that Kamau was being questioned over "
        'the "publication of false and alarming information" and would appear in court.\n'
    )
    assert speakers(text, "en", ["Wilfred Otieno Kamau"], ["National Police Service"]) == ["National Police Service"]


def test_a_spanish_ministry_opening_the_sentence_speaks() -> None:
    text = (
        "El dirigente Freddy Condori Mamani anunció más bloqueos.\n"
        'El Ministerio de Hidrocarburos aseguró en un comunicado que la situación "se normalizará en '
        'un plazo de diez días" y que llegarán tres buques.\n'
    )
    assert speakers(text, "es", ["Freddy Condori Mamani"], ["Ministerio de Hidrocarburos"]) == [
        "Ministerio de Hidrocarburos"
    ]


def test_a_person_before_the_verb_still_speaks() -> None:
    text = (
        "The National Police Service spokesman Resila Onyango said in a statement that the reporter "
        'was being questioned over the "publication of false and alarming information".\n'
    )
    assert speakers(text, "en", ["Resila Onyango"], ["National Police Service"]) == ["Resila Onyango"]
