"""People and organisations the wire's own archive teaches: every person and organisation an
editor set on a story (or a partner's feed carried, with its own people and organisations),
as opposed to what enrichment found (``creator`` = the machine), is an example of a name the
agency uses. :func:`learned_rows` turns the ones the vocabulary does not know yet into rows
for :func:`newswire.vocab.people_orgs.import_vocab`, so the entity finder knows them in every
later story. Pure: the command line reads the archive and writes the vocabulary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from newswire.model import Concept, Item
from newswire.vocab.people_orgs import ORGANISATION, PERSON, Vocabulary

MAX_NAME_CHARS = 120


@dataclass
class _Seen:
    spellings: Counter[str] = field(default_factory=Counter)
    uris: Counter[str] = field(default_factory=Counter)
    langs: Counter[str] = field(default_factory=Counter)
    stories: set[str] = field(default_factory=set)


def _editors(concepts: Iterable[Concept]) -> Iterable[tuple[str, str | None]]:
    for concept in concepts:
        name = " ".join((concept.name or "").split())
        if concept.machine_made or not 2 <= len(name) <= MAX_NAME_CHARS:
            continue
        yield name, concept.uri


def learned_rows(items: Iterable[Item], known: Vocabulary, *, min_stories: int = 1) -> list[dict[str, object]]:
    """Rows (kind, name, uri, lang) for the editor-set people and organisations of ``items``
    that ``known`` has under no name or alias, named in at least ``min_stories`` live stories.
    A name is spelt as most stories spell it. A person's name is matched in every language (it
    is spelt alike across a script); an organisation's only in its stories' most common
    language ("Dışişleri Bakanlığı" is a Turkish name, and its words mean other things elsewhere)."""
    seen: dict[tuple[str, str], _Seen] = {}
    for item in items:
        if item.pub_status == "canceled":
            continue  # a killed story teaches nothing
        lang = (item.language or "").split("-")[0].lower()
        for kind, concepts in ((PERSON, item.people), (ORGANISATION, item.organisations)):
            for name, uri in _editors(concepts):
                entry = seen.setdefault((kind, name.casefold()), _Seen())
                entry.spellings[name] += 1
                if uri:
                    entry.uris[uri] += 1
                if lang:
                    entry.langs[lang] += 1
                entry.stories.add(item.uri)
    rows: list[dict[str, object]] = []
    for (kind, _folded), entry in sorted(seen.items()):
        name = entry.spellings.most_common(1)[0][0]
        if len(entry.stories) < min_stories or known.find(name):
            continue
        rows.append({"kind": kind, "name": name,
                     "uri": entry.uris.most_common(1)[0][0] if entry.uris else None,
                     "lang": entry.langs.most_common(1)[0][0] if entry.langs and kind == ORGANISATION else None})
    return rows
