"""Issue 15, twelfth round: a Bosnian/Croatian institute, school or hospital named after a
person keeps that person's name, written in the nominative after the head in any case
("Instituta Ruđer Bošković" -> "Institut Ruđer Bošković"); a person after another body's
head is not part of it; invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


@pytest.mark.parametrize(
    "text",
    [
        "Znanstvenici Instituta Ruđer Bošković (IRB) izmjerili su onečišćenje.",
        "Istraživanje je proveo Institut Ruđer Bošković iz Zagreba.",
    ],
)
def test_the_namesake_is_in_the_name(text: str) -> None:
    assert [o.name for o in find_entities(text, "hr").organisations] == ["Institut Ruđer Bošković"]


def test_a_person_after_another_body_is_the_person() -> None:
    found = find_entities("Predsjedavajući Vijeća ministara Mirza Kovačević rekao je to.", "hr")
    assert [o.name for o in found.organisations] == ["Vijeće ministara"]
    assert [p.name for p in found.people] == ["Mirza Kovačević"]
