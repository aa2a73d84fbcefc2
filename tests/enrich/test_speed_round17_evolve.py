"""Round 17 speed: Item.evolve writes the fields itself instead of calling dataclasses.replace;
it must give exactly what replace gives."""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, datetime

import pytest

from newswire.model import Concept, Item, PlannedEvent, Quote, Text

SAMPLE = Item(
    uri="urn:test:1",
    version=3,
    version_created=datetime(2026, 12, 1, 9, 30, tzinfo=UTC),
    language="en",
    headlines=(Text("Ministers meet in Ankara"),),
    bodies=(Text("<p>ANKARA (AA) - Ministers met.</p>"),),
    subjects=(Concept(name="politics", uri="http://cv.iptc.org/newscodes/mediatopic/11000000"),),
    planning=(PlannedEvent(name="vote", start="2026-12-09"),),
    quotes=(Quote(text="We agreed", speaker="the minister"),),
    extra={"enriched": {"language": {"creator": "newswire-enrich"}}},
)

VALUES: dict[str, list[object]] = {
    "uri": ["urn:test:2"],
    "version": [1, 7],
    "language": [None, "tr", "ar"],
    "located": [None, "ISTANBUL"],
    "ed_note": ["note"],
    "headlines": [(), (Text("Other"),)],
    "descriptions": [(Text("A summary.", role="summary"),)],
    "subjects": [()],
    "planning": [()],
    "quotes": [()],
    "public": [True],
    "extra": [{}, {"enriched": {"summary": {}}}],
}


def _same(a: Item, b: Item) -> None:
    assert type(a) is type(b)
    assert a == b
    for f in dataclasses.fields(Item):
        assert getattr(a, f.name) is getattr(b, f.name), f.name  # the very same objects
    assert hash(a) == hash(b)


def test_evolve_matches_replace_on_random_changes() -> None:
    rng = random.Random(17)
    names = list(VALUES)
    for _ in range(500):
        picked = rng.sample(names, rng.randint(0, 4))
        changes = {name: rng.choice(VALUES[name]) for name in picked}
        _same(SAMPLE.evolve(**changes), dataclasses.replace(SAMPLE, **changes))  # type: ignore[arg-type]


def test_evolve_of_every_field() -> None:
    for f in dataclasses.fields(Item):
        marker = object()
        evolved = SAMPLE.evolve(**{f.name: marker})
        assert getattr(evolved, f.name) is marker
        others = [g.name for g in dataclasses.fields(Item) if g.name != f.name]
        assert all(getattr(evolved, name) is getattr(SAMPLE, name) for name in others)


def test_evolve_keeps_the_item_frozen_and_the_original_untouched() -> None:
    evolved = SAMPLE.evolve(language="tr")
    with pytest.raises(dataclasses.FrozenInstanceError):
        evolved.language = "en"  # type: ignore[misc]
    assert SAMPLE.language == "en" and evolved.language == "tr"
    assert evolved.extra is SAMPLE.extra  # shared, as replace shares it


def test_evolve_rejects_a_name_that_is_not_a_field() -> None:
    with pytest.raises(TypeError):
        SAMPLE.evolve(not_a_field=1)
    with pytest.raises(TypeError):
        SAMPLE.evolve(language="tr", not_a_field=1)
