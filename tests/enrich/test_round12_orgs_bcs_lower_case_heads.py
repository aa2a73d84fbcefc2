"""Issue 15, twelfth round: Bosnian/Croatian bodies whose head is a lower-case noun after
capitalised adjectives - a clinical centre, a foundation, a philharmonic, a civil-protection
staff, an academy, a faculty - are named with their complement or seat, in the nominative; a
head alone, or an adjective of the same stem ("Policijska uprava"), is not taken for one;
invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


def orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "hr").organisations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Klinički bolnički centar Osijek od ponedjeljka zabranjuje posjete.", "Klinički bolnički centar Osijek"),
        ("Projekt financira Hrvatska zaklada za znanost.", "Hrvatska zaklada za znanost"),
        ("Koncert je održala Sarajevska filharmonija u petak.", "Sarajevska filharmonija"),
        ("Kantonalni štab civilne zaštite proglasio je stanje.", "Kantonalni štab civilne zaštite"),
        ("Studenti Filozofskog fakulteta u Zagrebu prosvjedovali su.", "Filozofski fakultet u Zagrebu"),
    ],
)
def test_the_body_is_named_whole_in_the_nominative(text: str, expected: str) -> None:
    assert orgs(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Štab je zasjedao u petak.", []),
        ("Policijska uprava osječko-baranjska izvijestila je o nesreći.", ["Policijska uprava osječko-baranjska"]),
    ],
)
def test_a_head_alone_or_an_adjective_of_its_stem_is_no_such_body(text: str, expected: list[str]) -> None:
    assert orgs(text) == expected
