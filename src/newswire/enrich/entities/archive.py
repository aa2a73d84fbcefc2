"""Organisations the project's annotated archive confirms (``vocab/data/archive_orgs.json``),
added after the rules and only where the rules found nothing: the archive knows a name, the
rules know a story's shapes (a ministry completed with its country, a German compound, a
club said by its city)."""

from __future__ import annotations

from newswire.enrich.entities.story import _Acc, _AccFn, _Story
from newswire.vocab.people_orgs import ORGANISATION, PERSON
from newswire.vocab.places import fold

# a vocabulary organisation or person of the rules' matcher; a place may stand inside an
# organisation's name ("Bank of Ghana", "Verbraucherzentrale Hamburg")
_TAKEN_KINDS = frozenset((ORGANISATION, PERSON))


def add_archive_orgs(story: _Story, acc: _AccFn, accs: dict[tuple[str, ...], _Acc]) -> None:
    """Each archive organisation the story names, unless the rules' matcher has a vocabulary
    name in the mention, an organisation or person the rules found reaches beyond it (theirs
    is the longer name: "Umman Dışişleri Bakanlığı" over "Dışişleri Bakanlığı"), the rules
    found the same or a longer organisation under that name, or the mention runs on into more
    capitalised words or is glued into a compound ("SPD-Fraktion"). Where the mention holds
    what the rules found inside it, the archive's longer name replaces theirs ("Devlet Su
    İşleri Genel Müdürlüğü" over a cut "İşleri Genel Müdürlüğü", "Luka Rijeka" over a person)."""
    hits = story.archive_matches()
    if not hits:
        return
    found_orgs = [
        fold(name) for a in accs.values() if a.kind == ORGANISATION
        for name in (*a.spellings, *([a.literal] if a.literal else []))  # "FIS (Internationaler Skiverband)"
    ]
    toks = story.toks
    for m in hits:
        start, end = m.start, m.end
        if _runs_on(story, start, end) or any(story.kinds_at(k) & _TAKEN_KINDS for k in range(start, end)):
            continue
        inside = [(a, b) for a, b in (*story.org_spans, *story.person_spans) if a < end and start < b]
        if any(a < start or b > end for a, b in inside):
            continue
        entry = m.payloads[0].entry
        written = toks.span(start, end)
        # the archive's spelling, not an inflected one ("Московской бирже", "بجامعة ...")
        spelling = written if written in entry.names() else entry.name
        forms = {fold(written), fold(spelling)}
        if any(form in name for form in forms for name in found_orgs):
            continue
        if inside:
            for form in forms:
                _drop_found_within(accs, form)
        a = acc(ORGANISATION, ("v", str(id(entry))), toks.starts[start])
        a.entry, a.uri = entry, entry.uri
        a.add(spelling, 80, toks.starts[start])
        story.add_org_spans([(start, end)])  # its words are no place or person of their own


def _drop_found_within(accs: dict[tuple[str, ...], _Acc], folded: str) -> None:
    """Forget the organisations and people the rules found only as parts of the archive's
    name ``folded``."""
    for key in [k for k, a in accs.items() if a.kind in (ORGANISATION, PERSON) and a.spellings and all(
        fold(spelling) in folded for spelling in a.spellings
    )]:
        del accs[key]


def _runs_on(story: _Story, start: int, end: int) -> bool:
    """The mention is glued to the word before or after it, opens a bracket (a name and its
    acronym, which the rules pair: "FIS (Internationaler Skiverband)"), or a capitalised word
    follows it in the same name (not in German, which writes every noun so)."""
    gap_after = story.gap_before(end) if end < story.n else ""
    gap_before = story.gap_before(start) if start > 0 else ""
    if "-" in (gap_after, gap_before) or gap_after.strip() == "(":
        return True
    if story.caseless or story.lang == "de" or end >= story.n:
        return False
    return gap_after == " " and story.toks.words[end][:1].isupper()
