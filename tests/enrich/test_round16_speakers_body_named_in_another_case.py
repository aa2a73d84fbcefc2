"""Issue 15, round sixteen: a passive attribution ("говорится в сообщении управления",
"navodi se u priopćenju") goes to the body named before it in another case even when its
name opens with a short word ("в Омском речном управлении", "Iz KD Gradskog prijevoza"):
the stem of its longest lower-case word finds the mention; one behaviour per test, on
sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_russian_body_named_in_the_prepositional_case() -> None:
    text = (
        "ОМСК, 4 декабря. /ТАСС/. Навигация на Иртыше закрыта досрочно. "
        "Об этом сообщили в Омском речном управлении.\n"
        '"Лед встал на две недели раньше обычного, все суда отведены в затоны", '
        "- говорится в сообщении управления.\n"
    )
    assert speakers(text, "ru", [], ["Омское речное управление"]) == ["Омское речное управление"]


def test_a_croatian_body_named_in_the_genitive() -> None:
    text = (
        "RIJEKA, 4. prosinca (Hina) - Tramvaj je u petak iskočio iz tračnica.\n"
        "Iz KD Gradskog prijevoza priopćili su da ozlijeđenih nema. "
        "„Promet će biti uspostavljen do večeri, a putnike prevozimo autobusima“, navodi se u priopćenju.\n"
    )
    assert speakers(text, "bs", [], ["KD Gradski prijevoz"]) == ["KD Gradski prijevoz"]
