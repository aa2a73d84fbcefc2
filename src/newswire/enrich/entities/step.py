"""The pipeline step: machine-made people, organisations and places merged after the
editor's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from newswire.enrich.entities import natasha_ru
from newswire.enrich.entities.agencies import agency_names
from newswire.enrich.entities.find import find_entities
from newswire.enrich.entities.results import Entity
from newswire.enrich.text import enriched_text
from newswire.model import Concept, Item
from newswire.vocab.places import Place


def _editor_keys(concepts: Iterable[Concept]) -> tuple[set[str], set[str]]:
    uris, names = set(), set()
    for c in concepts:
        if c.uri:
            uris.add(c.uri)
        for value in (c.name, c.literal):
            if value:
                names.add(value.casefold())
    return uris, names


def _casefolded_names(place: Place) -> frozenset[str]:
    return frozenset(n.casefold() for spellings in place.names.values() for n in spellings)


@lru_cache(maxsize=4096)
def _place_names(place: Place) -> tuple[Place, frozenset[str]]:
    return place, _casefolded_names(place)


def _folded_place_names(place: Place) -> frozenset[str]:
    """Every name of ``place`` in every language, casefolded (remembered per place: a
    country has hundreds). Places compare by their id and name only, so the remembered
    set is used only for the very object it was made from."""
    cached, names = _place_names(place)
    if cached is place:
        return names
    return _casefolded_names(place)


def _merge(existing: tuple[Concept, ...], found: Sequence[Entity]) -> tuple[Concept, ...]:
    editor = tuple(c for c in existing if not c.machine_made)
    uris, names = _editor_keys(editor)
    added: list[Concept] = []
    for e in found:
        if e.uri and e.uri in uris:
            continue
        if any(n.casefold() in names for n in e.names()):
            continue
        if e.place is not None and not _folded_place_names(e.place).isdisjoint(names):
            continue
        added.append(e.concept())
        if e.uri:
            uris.add(e.uri)
        names.update(n.casefold() for n in e.names())
    return editor + tuple(added)


def extract_entities(item: Item) -> Item:
    """Pipeline step: machine-made people, organisations and places (pure).

    Editor-set concepts stay first and untouched; earlier machine-made ones are replaced;
    a found entity an editor already set (same uri, or a name/alias equal ignoring case)
    is not added again. Russian stories also go through Natasha's NER when the extra
    ``ru-ner`` is installed and ``NEWSWIRE_RU_NER=natasha`` (:mod:`.natasha_ru`).
    """
    text = enriched_text(item)
    if not text:
        return item
    found = find_entities(text, item.language, item.located)
    if natasha_ru.enabled():  # the optional extra ru-ner: Russian stories (any story loads the model)
        found = natasha_ru.augment(item, text, found)
    # the agency of the dateline is the wire itself, also where the body names it ("AA
    # muhabirine açıklama yapan ...") or names it in full ("dpa/lby" - "Deutsche Presse-Agentur")
    agency = {n for c in item.info_sources if c.rel == "source" and c.name for n in agency_names(c.name)}
    organisations = [o for o in found.organisations if not any(n.casefold() in agency for n in o.names())]
    return item.evolve(
        people=_merge(item.people, found.people),
        organisations=_merge(item.organisations, organisations),
        places=_merge(item.places, found.places),
    )
