"""Places: countries and settlements among the gazetteer's matches, same-name places
settled by the dateline and the story's other places.
"""

from __future__ import annotations

import re

from newswire.enrich.entities.results import DATELINE, EMIT_PLACE_KINDS, PLACE, _display
from newswire.enrich.entities.story import _AccFn, _is_name_word, _Story
from newswire.vocab.places import Place, PlaceName, choose, fold, gazetteer, norm_lang


def _add_places(
    story: _Story,
    mentions: list[tuple[int, int, list[PlaceName]]],
    located: str | None,
    acc: _AccFn,
) -> None:
    toks, words = story.toks, story.toks.words
    kept: list[tuple[int, int, list[PlaceName]]] = []
    for i, j, names in mentions:
        if story.in_org(i, j) or toks.starts[i] < 0 or any(
            a < j and i < b for a, b in story.person_spans
        ):
            continue
        # "Israel Katz", "Jordan Bardella": a one-word place before an unknown capitalised
        # word is a first name (not in German, where every noun is capitalised).
        if (
            j - i == 1 and story.lang != "de" and j < story.n and story.tight(i)
            and toks.text[toks.ends[i]:toks.starts[j]] == " " and _is_name_word(words[j])
            and story.free(j) and not all(n.adjective for n in names)
        ):
            continue
        kept.append((i, j, names))
    context: dict[str, int] = {}
    for _i, _j, names in kept:
        countries = {n.place.country for n in names}
        if len(countries) == 1:
            c = next(iter(countries))
            context[c] = context.get(c, 0) + 1
    located_place: Place | None = None
    if located:
        candidates = gazetteer().lookup(located, story.lang)
        if not candidates:  # "ISTANBUL, Türkiye", "FRANKFURT/MAIN"
            head = re.split(r"[,/(]", located, maxsplit=1)[0].strip()
            candidates = gazetteer().lookup(head, story.lang) if head else []
        if candidates:
            located_place, _ = choose(candidates, context, for_dateline=True)
    by_pos: dict[int, Place] = {}
    for index, (i, j, names) in enumerate(kept):
        places = list(dict.fromkeys(n.place for n in names))
        adjacent = None
        for other in (kept[index - 1] if index else None,
                      kept[index + 1] if index + 1 < len(kept) else None):
            if other is None:
                continue
            oi, oj, onames = other
            gap = toks.text[toks.ends[oj - 1]:toks.starts[i]] if oj <= i else toks.text[
                toks.ends[j - 1]:toks.starts[oi]]
            if gap.strip() == "," and len({n.place.id for n in onames}) == 1:
                adjacent = onames[0].place
        if len(places) == 1:
            place, decided = places[0], False
        else:
            place, decided = choose(places, context, located_place, adjacent=adjacent)
        by_pos[i] = place
        adjective = all(n.adjective for n in names if n.place is place)
        if adjective or place.kind not in EMIT_PLACE_KINDS:
            continue
        own = [n.spelling for n in names if n.place is place and not n.adjective]
        # The vocabulary's spelling of the name as written ("Montréal" in a French story,
        # not the English "Montreal"), else its first one that matched (the base form of
        # an inflected "Москве").
        written = toks.span(i, j).lower()
        spelling = next((s for s in own if s.lower() == written), own[0] if own else None)
        if spelling is None:
            spelling = place.name_in(story.lang)
        confidence = 85 if len(places) == 1 else (80 if decided else 60)
        a = acc(PLACE, ("g", place.id), toks.starts[i])
        a.place, a.uri = place, place.uri
        a.add(spelling, confidence, toks.starts[i])
    if located_place is not None and located_place.kind in EMIT_PLACE_KINDS:
        a = acc(PLACE, ("g", located_place.id), -1)
        a.place, a.uri = located_place, located_place.uri
        spelling = _spelling_for(located_place, located, story.lang)
        if spelling is None:
            # the dateline is not a spelling of the place ("FRANKFURT/MAIN"): the story's own
            # spelling, else the vocabulary's name in its language
            spelling = _display(a.spellings) if a.spellings else located_place.name_in(story.lang)
        a.add(spelling, 95, -1)
        a.literal = DATELINE  # marks the rel; cleared in _finish


def _spelling_for(place: Place, written: str | None, lang: str | None) -> str | None:
    """The vocabulary's spelling of a place as the dateline writes it: the same letters in
    any case ("WIEN" -> "Wien"), else one equal once folded (the story's language's first),
    else None."""
    if not written:
        return None
    written = written.strip()
    spellings = [s for names in place.names.values() for s in names]
    low = written.lower()
    for s in spellings:
        if s.lower() == low:
            return s
    target = fold(written)
    for s in (*place.names.get(norm_lang(lang) or "", ()), *spellings):
        if fold(s) == target:
            return s
    return None
