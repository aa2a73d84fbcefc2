"""Issue 15, twelfth round: a German kind noun before a name ("der Fahrgastverband Pro Bahn",
"dem Radiosender Ö1") only says what the body is; the name is what follows, also when its
last word is itself a kind of body ("Bahn"); invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


def orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "de").organisations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Fahrgastverband Pro Bahn forderte beide Seiten zu einer Einigung auf.", "Pro Bahn"),
        ("Das sei seit Jahren so, sagte sie dem Radiosender Ö1 am Montag.", "Ö1"),
        ("Der Industriekonzern Thyssenkrupp senkte seine Prognose.", "Thyssenkrupp"),
    ],
)
def test_the_kind_noun_before_a_name_is_no_part_of_it(text: str, expected: str) -> None:
    assert orgs(text) == [expected]
