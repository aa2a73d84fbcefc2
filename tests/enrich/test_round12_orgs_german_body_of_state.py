"""Issue 15, twelfth round: a German compound written right before a German, Austrian or
Swiss state is a body named with it ("Bergwacht Bayern", "Städtetag Nordrhein-Westfalen",
"Arbeitsmarktservice Steiermark"); several places after a plural, or a state after a
preposition, are not; invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


def orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "de").organisations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Bergwacht Bayern bildet jedes Jahr Retter aus.", ["Bergwacht Bayern"]),
        ("Der Städtetag Nordrhein-Westfalen fordert mehr Geld.", ["Städtetag Nordrhein-Westfalen"]),
        ("Laut Arbeitsmarktservice Steiermark sind 500 Menschen betroffen.", ["Arbeitsmarktservice Steiermark"]),
        ("Der Schneefall in Bayern hält an.", []),
        ("Gestreikt wird an den Flughäfen Hamburg und München.", []),
    ],
)
def test_a_body_named_with_its_state(text: str, expected: list[str]) -> None:
    assert orgs(text) == expected
