"""Issue 15, twelfth round: English courts named by number and district run on over an
ordinal ("the 9th U.S. Circuit Court of Appeals", "of the 3rd Region") and a place after a
second "of" ("... for the Western District of Washington"); invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


def orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "en").organisations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A jury in U.S. District Court for the Western District of Washington found him guilty.",
         "U.S. District Court for the Western District of Washington"),
        ("The Federal Regional Court of the 3rd Region upheld the sentence on Monday.",
         "Federal Regional Court of the 3rd Region"),
        ("He may appeal to the 9th U.S. Circuit Court of Appeals in San Francisco.",
         "9th U.S. Circuit Court of Appeals"),
    ],
)
def test_a_numbered_court_is_named_whole(text: str, expected: str) -> None:
    assert orgs(text) == [expected]


def test_an_ordinal_that_is_no_part_of_a_name_stays_out() -> None:
    assert orgs("In the 2nd quarter Bank of America rose.") == ["Bank of America"]
