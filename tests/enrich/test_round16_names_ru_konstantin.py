"""Round sixteen, names: the gazetteer's Russian spelling of Constantine (Algeria),
"Константина", also reads the common given name "Константин" (and its genitive): in a
story it is a man, and a name opening with it is found like any other."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def test_given_name_konstantin_opens_a_name() -> None:
    text = "Судно передадут флоту в декабре, сообщил директор завода Константин Мирошников."
    found = find_entities(text, "ru")
    assert [p.name for p in found.people] == ["Константин Мирошников"]
    assert not found.places


def test_given_name_konstantin_in_the_genitive_is_no_place() -> None:
    text = "По словам Константина Мирошникова, работы завершатся весной."
    assert not find_entities(text, "ru").places
