"""A Bosnian/Croatian body of a parliament is named with the parliament's genitive to its
end, adjectives in -ne included; a passive participle and an auxiliary after a name are
the predicate, not part of it.

Sample texts are written for these tests.
"""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str) -> list[str]:
    return [o.name for o in find_entities(text, "bs").organisations]


def test_a_chamber_keeps_the_parliament_it_belongs_to() -> None:
    assert _orgs("Predstavnički dom Parlamentarne skupštine BiH usvojio je izmjene zakona.") == [
        "Predstavnički dom Parlamentarne skupštine BiH"
    ]


def test_a_feminine_adjective_in_ne_before_a_genitive_noun_is_part_of_the_name() -> None:
    assert _orgs("Direktor Državne agencije za istrage i zaštitu podnio je ostavku.") == [
        "Državna agencija za istrage i zaštitu"
    ]


def test_a_passive_participle_before_an_auxiliary_ends_the_name() -> None:
    text = "Naredna sjednica Predstavničkog doma zakazana je za petak."
    assert all("zakazana" not in name for name in _orgs(text))
