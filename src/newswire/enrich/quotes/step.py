"""The pipeline step: :func:`extract_quotes` sets ``item.quotes`` from the story's text.
"""

from __future__ import annotations

from dataclasses import replace

from newswire.enrich.entities import Entity, find_entities
from newswire.enrich.quotes.find import find_quotes
from newswire.enrich.text import enriched_text
from newswire.model import MACHINE_CREATOR, Item


def extract_quotes(item: Item) -> Item:
    """Pipeline step: ``item.quotes`` from the text, unless an editor already set quotes."""
    if item.quotes:
        return item
    text = enriched_text(item)
    if not text:
        return item
    found = find_entities(text, item.language, item.located)
    known: list[Entity | str] = list(found.people)
    names = {e.name.casefold() for e in found.people}
    known.extend(
        c.name for c in item.people if c.name and not c.machine_made
        and c.name.casefold() not in names
    )
    # the wire's own agency ("sagte der APA", "told Reuters") is whom a speaker told, never
    # the speaker, as it is no organisation of the story
    agency = {c.name.casefold() for c in item.info_sources if c.rel == "source" and c.name}
    organisations = [o for o in found.organisations if not any(n.casefold() in agency for n in o.names())]
    quotes = find_quotes(text, item.language, people=known, organisations=organisations)
    if not quotes:
        return item
    uris = {c.name.casefold(): c.uri for c in (*item.people, *item.organisations) if c.name and c.uri}
    return item.evolve(quotes=tuple(
        replace(q, speaker_uri=uris.get(q.speaker.casefold()) if q.speaker else None,
                language=item.language, creator=MACHINE_CREATOR)
        for q in quotes
    ))
