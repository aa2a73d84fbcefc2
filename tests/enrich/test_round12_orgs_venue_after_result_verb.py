"""Issue 15, twelfth round: in a result sentence the name after a ground's noun ("na stadionu
Bilino polje", "stadionu pod Bijelim brijegom") is the venue, not the beaten team; invented
sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


def orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "bs").organisations]


@pytest.mark.parametrize(
    "text",
    [
        "Nogometaši Čelika pobijedili su u subotu na stadionu Bilino polje ekipu gostiju rezultatom 2:0.",
        "Domaćini su pobijedili na stadionu pod Bijelim brijegom rezultatom 2:0.",
    ],
)
def test_the_ground_s_name_is_no_team(text: str) -> None:
    found = orgs(text)
    assert "Bilino" not in found and "Bijelim" not in found
