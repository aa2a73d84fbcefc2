"""Issue 15, twelfth round: a German body's "für" complement that lists its fields with commas
up to "und" is named with the whole list ("Eidgenössische Forschungsanstalt für Wald, Schnee
und Landschaft"); a list that goes on to other subjects is not; invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Eidgenössische Forschungsanstalt für Wald, Schnee und Landschaft teilte das mit.",
         "Eidgenössische Forschungsanstalt für Wald, Schnee und Landschaft"),
        ("Das Bundesamt für Gesundheit, Swissmedic und die Kantone warnten.", "Bundesamt für Gesundheit"),
    ],
)
def test_the_listed_fields_belong_to_the_name(text: str, expected: str) -> None:
    assert next(o.name for o in find_entities(text, "de").organisations) == expected
