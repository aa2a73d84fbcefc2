"""Issue 15, twelfth round: a Russian body's territory after "по" belongs to its name also
after a capitalised genitive ("управление Роспотребнадзора по Самарской области") and when it
is a city in the dative ("... СК России по Санкт-Петербургу"); invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("По данным Главного следственного управления СК России по Санкт-Петербургу, ущерб велик.",
         "Главное следственное управление СК России по Санкт-Петербургу"),
        ("Об этом сообщили в управлении Роспотребнадзора по Самарской области в пятницу.",
         "управление Роспотребнадзора по Самарской области"),
    ],
)
def test_the_territory_is_in_the_name(text: str, expected: str) -> None:
    assert [o.name for o in find_entities(text, "ru").organisations] == [expected]
