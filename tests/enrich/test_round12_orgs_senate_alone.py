"""Issue 15, twelfth round: a French or Spanish story that names the Senate alone ("au
Sénat", "al Senado") names an organisation; the bare word is matched in its language only, so
"der Hamburger Senat" and "the Virginia Senate" keep their own names; invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Le texte sera examiné au Sénat la semaine prochaine.", "fr", ["Sénat"]),
        ("El proyecto pasa ahora al Senado.", "es", ["Senado"]),
        ("Der Hamburger Senat beschloss das Gesetz.", "de", ["Hamburger Senat"]),
        ("The Virginia Senate passed the bill.", "en", ["Virginia Senate"]),
    ],
)
def test_the_senate_named_alone(text: str, lang: str, expected: list[str]) -> None:
    assert [o.name for o in find_entities(text, lang).organisations] == expected
