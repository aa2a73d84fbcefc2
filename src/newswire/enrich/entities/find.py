"""The text API: :func:`find_entities` runs the finders over one story in order.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import filterfalse

from newswire.enrich.entities.acronyms import _find_acronyms
from newswire.enrich.entities.arabic import _arabic_name_lists, _arabic_scorers
from newswire.enrich.entities.archive import add_archive_orgs
from newswire.enrich.entities.cues import _SEATS
from newswire.enrich.entities.german import _DE_TITLE_ENDINGS, _de_title, de_body_word, de_titled_names
from newswire.enrich.entities.latin import fr_club_by_adjective
from newswire.enrich.entities.organisations import _find_cue_orgs
from newswire.enrich.entities.people import (
    _candidate_words,
    _find_captions,
    _find_double_barrelled,
    _find_name_lists,
    _find_people,
    _find_role_noun_names,
    _hyphen_tail,
    _title_case_headline,
    _trim_name,
    acronym_glued,
    es_given_names,
    find_names_after_origin,
    find_surname_appositions,
)
from newswire.enrich.entities.places import _add_places
from newswire.enrich.entities.results import Entities, _finish
from newswire.enrich.entities.scorers import find_scorers_and_relatives
from newswire.enrich.entities.story import (
    _Acc,
    _AccFn,
    _cased,
    _Cue,
    _dateline_span,
    _hyphen_only,
    _is_name_word,
    _person_key,
    _Story,
    _token_at,
    _VocabName,
)
from newswire.vocab import people_orgs
from newswire.vocab.people_orgs import ORGANISATION, PERSON, VocabEntry
from newswire.vocab.places import PlaceName, fold, gazetteer, name_token_keys, norm_lang


def find_entities(text: str, lang: str | None = None, located: str | None = None) -> Entities:
    """People, organisations and places named in ``text`` (pure).

    ``located`` is the dateline place as written, if known: it is tagged with rel
    ``"dateline"`` and decides between same-name places. The last few results are cached
    (the quotes step asks again for the same story).
    """
    return _find_cached(text, norm_lang(lang), located, id(people_orgs.load_vocab()))


@lru_cache(maxsize=16)
def _find_cached(text: str, lang: str | None, located: str | None, _vocab: int) -> Entities:
    return _find(text, lang, located)


def _find(text: str, lang: str | None, located: str | None) -> Entities:
    story = _Story(text, lang)
    toks, words, matches = story.toks, story.toks.words, story.matches
    accs: dict[tuple[str, ...], _Acc] = {}

    def acc(kind: str, key: tuple[str, ...], position: int) -> _Acc:
        a = accs.get(key)
        if a is None:
            a = accs[key] = _Acc(kind, key, position)
        return a

    # 1. Dateline agency: not an organisation mention.
    skip_until = _dateline_span(text)

    # 2. Organisations by cue words and guillemets; acronym definitions.
    _find_cue_orgs(story, acc, skip_until)
    acronyms = _find_acronyms(story, acc, accs)

    # 3. Vocabulary people and organisations.
    place_mentions: list[tuple[int, int, list[PlaceName]]] = []
    own_agency: set[int] = set()  # vocabulary entries named in the dateline
    dateline_from = text.rfind("\n", 0, skip_until) + 1 if skip_until else 0
    for m in matches:
        if len(m.payloads) == 1 and type(m.payloads[0]) is _Cue:
            continue  # a cue word alone (a title, a verb): no name of its own
        vocab = [p for p in m.payloads if isinstance(p, _VocabName)]
        if vocab and toks.starts[m.start] < skip_until:
            if toks.starts[m.start] >= dateline_from:
                own_agency.add(id(vocab[0].entry))
            continue
        if vocab and id(vocab[0].entry) in own_agency:
            continue  # "AA muhabirine": the wire's own agency, as in the dateline
        if vocab:
            entry = vocab[0].entry
            if entry.kind == ORGANISATION and story.lang == "de" and _compound_head(story, m.end):
                continue  # "CDU-Fraktion", "Grünen-Politikerin": a word of its own, no mention
            if entry.name in _SEATS or "seat" in story.kinds_at(m.start):
                continue  # "в Кремле", "the White House said": the building, not an organisation
            station = _station_end(story, m.end) if entry.kind == ORGANISATION else m.end
            if station > m.end:
                # "BBC Radio 4", "BBC Radio Kent": the broadcaster's station, named whole
                a = acc(ORGANISATION, ("o", fold(toks.span(m.start, station))), toks.starts[m.start])
                a.add(toks.span(m.start, station), 85, toks.starts[m.start])
                continue
            if entry.kind == ORGANISATION and _sport_before(story, m.start):
                # "Basketbol Süper Ligi", "Handball-Bundesliga": another sport's league
                start = m.start - 1
                a = acc(ORGANISATION, ("o", fold(toks.span(start, m.end))), toks.starts[start])
                a.add(toks.span(start, m.end), 70, toks.starts[start])
                continue
            country = _bs_country_after_preposition(story, m.start, m.end, entry)
            if country is not None:
                place_mentions.append((m.start, m.start + 1, [country]))
                continue
            if entry.kind == PERSON and m.end - m.start == 1 and _inside_other_name(story, m.start):
                continue  # "Hernando Castañeda Rubio", "Celia Rubio Andrade": not Marco Rubio
            absorbing = story.absorbed.get(id(entry))
            if absorbing is not None:
                absorbing.mentions += 1
                continue
            written = toks.span(m.start, m.end)
            # the spelling as written when the vocabulary has it ("Besiktas", not "Beşiktaş")
            spelling = next((p.spelling for p in vocab if p.spelling == written), None) or max(
                (p.spelling for p in vocab), key=len
            )
            if m.start > 0 and story.gap_before(m.start) == "/" and entry.name.endswith("/" + written) and (
                text.endswith(entry.name, 0, toks.ends[m.end - 1])
            ):
                spelling = entry.name  # "Bündnis 90/Die Grünen" written whole: its full name
            if (
                entry.kind == ORGANISATION
                and story.in_org(m.start, m.end)
                and not any(a == m.start and b == m.end for a, b in story.org_spans)
            ):
                continue
            if entry.kind == ORGANISATION and story.text.startswith("+", toks.ends[m.end - 1]) and not (
                spelling.endswith("+")  # "Canal+" is its name
            ):
                # "OPEC+" is the group with its allies, not OPEC
                a = acc(ORGANISATION, ("o", fold(spelling) + "+"), toks.starts[m.start])
                a.add(spelling + "+", 85, toks.starts[m.start])
                continue
            a = acc(entry.kind, ("v", str(id(entry))), toks.starts[m.start])
            a.entry, a.uri = entry, entry.uri
            a.add(spelling, 90, toks.starts[m.start])
            if entry.kind == PERSON and m.end - m.start >= 2:
                a.full = True
            continue
        names = [p for p in m.payloads if isinstance(p, PlaceName)]
        if names and not vocab:
            place_mentions.append((m.start, m.end, names))

    # 4. People: after titles, around attribution verbs.
    people: list[tuple[int, int, int, str | None]] = []  # (start, end, confidence, title)
    _find_people(story, people)
    _find_captions(story, people)
    _find_name_lists(story, people)
    barrelled: list[tuple[int, int, int, str | None]] = []
    _find_double_barrelled(story, barrelled)
    people.extend(barrelled)
    _find_role_noun_names(story, people)
    find_names_after_origin(story, people)
    find_scorers_and_relatives(story, people)
    find_surname_appositions(story, people)
    if story.lang == "de":
        people.extend(de_titled_names(story))
    surname_of: dict[str, _Acc] = {}
    singles: list[tuple[int, int, int, str | None]] = []
    people = [(_trim_name(story, i, j2), j2, c, t) for i, j, c, t in people for j2 in [_hyphen_tail(story, j)]]
    # "l'UFC-Que Choisir a jugé": the words after a glued acronym end a body's name
    people = [p for p in people if not (p[0] > 0 and acronym_glued(story, p[0] - 1))]
    if story.lang in _GIVEN_NAMES_BEFORE_PAIR:
        people = es_given_names(story, people)
    if barrelled:
        # a run ending in a double-barrelled name but starting before its given name carries a
        # role ("Gemeinderabbiner Shmuel Rosenzweig-Hadad erklärte"): the name alone stands
        given = {j: i for i, j, _c, _t in barrelled if i > 0 and _is_name_word(words[i - 1])}  # not "bin X Y-Z"
        people = [p for p in people if p[0] >= given.get(p[1], p[0])]
    if story.lang == "de":
        people = [(i2, j2, c, t2) for i, j, c, t in people for i2, j2, t2 in [_de_title(story, i, j, t)]]
        people = [p for p in people if not de_body_word(story.toks.words[p[0]])]
    headline_end = _title_case_headline(text)
    for i, j, confidence, title in people:
        while j - i > 2 and story.in_org(i, i + 1) and not story.in_org(i + 1, j):
            i += 1  # "Justice Abena Owusu-Ansah" after "the High Court of Justice"
        if story.in_org(i, j) or toks.starts[i] < headline_end or _hyphen_only(story, i, j):
            continue
        story.person_spans.append((i, j))
        vocab_person = next((k for k in range(i, j) if PERSON in story.kinds_at(k)), None)
        if vocab_person is not None:
            idx = story.owner[vocab_person]
            entry = next(p.entry for p in matches[idx].payloads if isinstance(p, _VocabName))
            a = acc(PERSON, ("v", str(id(entry))), toks.starts[i])
            a.confidence = min(99, max(a.confidence, 90) + 3)
            if title:
                a.titles.add(title)
            continue
        if j - i >= 2:
            key = ("p", *_person_key(story, i, j))
            a = acc(PERSON, key, toks.starts[i])
            a.add(toks.span(i, j), confidence, toks.starts[i])
            a.full = True
            if title:
                a.titles.add(title)
        else:
            singles.append((i, j, confidence, title))
    if not story.caseless:
        _merge_double_surnames(accs)
    for a in accs.values():
        if a.kind == PERSON and a.full:
            last = a.key[-1] if a.key[0] == "p" else None
            if last:
                surname_of.setdefault(last, a)
                if story.lang == "es" and len(a.key) == 4:
                    # "Andrés Villalba Ortiz ... dijo Villalba": the first of two surnames
                    surname_of.setdefault(a.key[2], a)
            elif a.entry is not None:
                for alias in a.entry.spellings():
                    parts = alias.text.split()
                    if len(parts) >= 2:
                        surname_of.setdefault(min(name_token_keys(parts[-1], story.lang)), a)
    # Surname-only mentions (from cues, or any capitalised word) of known full names.
    if surname_of:
        owner, caseless, slang = story.owner, story.caseless, story.lang
        for k in _candidate_words(story, surname_of):
            word = words[k]
            if owner[k] >= 0 or not (caseless or word[0].isupper()):
                continue
            for skey in name_token_keys(word, slang):
                target = surname_of.get(skey)
                if target is None:
                    continue
                if not caseless and k > 0 and words[k - 1][0].isupper() and story.tight(k - 1):
                    break  # part of another name
                target.mentions += 1
                if target.key[0] == "p":
                    target.confidence = min(99, target.confidence + 3)
                    if slang == "bs":
                        _nominative_from_surname(target, word)
                break
    unresolved: list[tuple[int, str | None]] = []
    for i, _j, _confidence, title in singles:
        for skey in name_token_keys(words[i], story.lang):
            target = surname_of.get(skey)
            if target is not None:
                if title:
                    target.titles.add(title)
                break
        else:
            if len(words[i]) > 1 and words[i].isupper():
                continue  # "главы ЦИК": a body's acronym after a title is no surname to look for
            unresolved.append((i, title))
    # A surname quoted or titled alone confirms an earlier capitalised run ending in it:
    # "Nico Baumann ... sagte Baumann".
    if unresolved and not story.caseless:
        wanted: dict[str, tuple[int, str | None]] = {}
        for i, title in unresolved:
            for skey in name_token_keys(words[i], story.lang):
                wanted.setdefault(skey, (i, title))
        # each distinct capitalised word is looked up once; then only its positions
        hits: dict[str, tuple[int, str | None]] = {}
        for word in filterfalse(str.islower, story.distinct):  # a word in lower case opens with none
            if word[0].isupper():
                found = next((wanted[x] for x in name_token_keys(word, story.lang) if x in wanted), None)
                if found is not None:
                    hits[word] = found
        for k in [k for k, word in enumerate(words) if word in hits]:
            hit = hits[words[k]]
            if story.owner[k] >= 0 or hit[0] == k:
                continue
            start = _trim_name(story, story.run_backward(k + 1, 3), k + 1)
            if story.lang == "de":
                start = _de_title(story, start, k + 1, None)[0]
            stop = k + 1
            if story.lang == "es" and k + 1 - start == 2 and story.run_forward(k, 2) == k + 2:
                stop = k + 2  # "Carmen Aldama Reyes ... dijo Aldama": the first surname
            if k + 1 - start < 2 or story.in_org(start, stop) or _hyphen_only(
                story, start, stop
            ) or any(
                story.owner[x] >= 0 for x in range(start, stop)
            ):
                continue
            a = acc(PERSON, ("p", *_person_key(story, start, stop)), toks.starts[start])
            a.add(toks.span(start, stop), 60, toks.starts[start])
            a.full = True
            if story.lang == "bs":
                _nominative_from_surname(a, words[hit[0]])  # "Senada Mehmedovića ... Mehmedović"
            if hit[1]:
                a.titles.add(hit[1])
    if not story.caseless and _given_names_before_pairs(story, accs, acc):
        _merge_double_surnames(accs)
    del acronyms

    if story.caseless:
        _arabic_name_lists(story, acc)
        _arabic_scorers(story, acc)

    # 4b. Organisations the archive confirms, where the rules found nothing.
    add_archive_orgs(story, acc, accs)

    # 5. Places.
    _add_places(story, place_mentions, located, acc)

    if story.has_score:
        _fold_club_short_forms(accs)
    return _finish(story, accs)


_MIN_CLUB_SHORT = 4
# Languages whose copy names a person by a pair of surnames (es) or by a double given name's
# or a compound surname's last two words (tr, bs) after writing the whole name once.
_GIVEN_NAMES_BEFORE_PAIR = frozenset(("es", "tr", "bs"))
# Sports other than football, in the wire's languages: before a football league's name they
# name another league ("Basketbol Süper Ligi", "Handball-Bundesliga").
_SPORTS = frozenset(fold(w) for w in (
    "Basketbol", "Voleybol", "Hentbol", "Futsal", "Basketball", "Volleyball", "Handball", "Eishockey",
    "Hockey", "Rugby", "Wasserball", "Futsal", "Baloncesto", "Balonmano", "Voleibol", "Košarkaška",
    "Rukometna", "Odbojkaška", "Hokejaška",
))


_STATION_WORDS = frozenset(("Radio", "Radyo", "Radijo"))


def _station_end(story: _Story, end: int) -> int:
    """A broadcaster's station after its name at word ``end``: "Radio" and a number or a
    region ("BBC Radio 4", "BBC Radio Kent"); ``end`` when none."""
    words = story.toks.words
    if end + 1 < story.n and words[end] in _STATION_WORDS and story.gap_before(end) == " " and story.tight(end) and (
        words[end + 1].isdigit() or (_cased(words[end + 1]) and not story.kinds_at(end + 1) - {"place"})
    ):
        return end + 2
    return end


def _sport_before(story: _Story, start: int) -> bool:
    """A sport's name stands right before the name at word ``start``, written as one name with
    it."""
    return start > 0 and story.free(start - 1) and story.gap_before(start) in (" ", "-") and (
        _cased(story.toks.words[start - 1]) and fold(story.toks.words[start - 1]) in _SPORTS
    )


def _fold_club_short_forms(accs: dict[tuple[str, ...], _Acc]) -> None:
    """In a match report, a one-word name found by the rules that opens a word of a curated
    club's name as the story writes it is that club said short: "Leeds" of "Leeds United", "Lyon" of "Olympique
    lyonnais", "Brest" of "Stade brestois" (not listed again)."""
    clubs = [a for a in accs.values() if a.kind == ORGANISATION and (
        (a.entry is not None and a.entry.name in people_orgs.media_sport_names())
        or any(fr_club_by_adjective(s) for s in a.spellings)  # "Stade brestois"
    )]
    if not clubs:
        return
    for key in [k for k, a in accs.items() if a.kind == ORGANISATION and a.entry is None]:
        short = accs[key]
        words = {fold(s) for s in short.spellings}
        if len(words) != 1:
            continue
        (word,) = words
        if " " in word or len(word) < _MIN_CLUB_SHORT:
            continue
        # as the story writes the club ("Wolverhampton" is no short form of "Wolves"); a
        # town's final "e" drops before its adjective ("Toulouse" of "Stade toulousain")
        stem = word[:-1] if word.endswith("e") and len(word) > _MIN_CLUB_SHORT else word
        into = next((c for c in clubs if any(
            w.startswith(stem) for spelling in c.spellings for w in fold(spelling).split()
        )), None)
        if into is not None:
            into.mentions += short.mentions
            del accs[key]


def _compound_head(story: _Story, end: int) -> bool:
    """The match ending before word ``end`` is glued by a hyphen to a lower-case-continued
    German compound that is no title ("CDU-Fraktion", "Grünen-Politikerin"): the first part
    of another word."""
    if end >= story.n or story.gap_before(end) != "-":
        return False
    word = story.toks.words[end]
    if "title" in story.kinds_at(end) or fold(word).endswith(_DE_TITLE_ENDINGS):
        return False  # "Commerzbank-Chefvolkswirt X": the employer glued to a title is named
    return word[:1].isupper() and not word.isupper() and story.free(end)


def _inside_other_name(story: _Story, i: int) -> bool:
    """The one word i a vocabulary person's surname alias matched is written right after or
    right before a free name word: a namesake's given name or other surname (enrich_test16/35,
    enrich_test25/32), not the vocabulary's person."""
    words = story.toks.words
    if story.caseless:
        return False
    before = i > 0 and story.tight(i - 1) and story.free(i - 1) and _is_name_word(words[i - 1])
    after = i + 1 < story.n and story.tight(i) and story.free(i + 1) and _is_name_word(words[i + 1])
    return bool(before or after)


_GIVEN_BEFORE_PAIR = 2  # given names looked for before a pair of names found alone


def _given_names_before_pairs(story: _Story, accs: dict[tuple[str, ...], _Acc], acc: _AccFn) -> bool:
    """A person found only as two words ("Andrade Teles, who ...", "said Zazueta Quiñónez"),
    the last never written without the first (two surnames, not a given name and a surname),
    whom the story also writes, without a cue, after one or two given names in mid-sentence
    ("promoted 22-year-old Lívia Andrade Teles", "as Héctor Manuel Zazueta Quiñónez, 41"):
    that longer run is the person's name (merged with the pair after), unless a finder drew
    the bounds of a name there (a role or an employer it trimmed off). Found with one
    str.find per pair, no scan of the words."""
    text, toks, words = story.text, story.toks, story.toks.words
    if story.lang == "de":
        return False  # every noun is capitalised: "Dienstleister ITK Rheinland"
    pairs = [a for key, a in accs.items() if a.kind == PERSON and key[0] == "p" and len(key) == 3]
    if not pairs:
        return False
    # where a finder already drew a name's bounds (a role or an employer trimmed off before it)
    found = {x for i, j in story.person_spans for x in range(i, j)}
    added = False
    for a in pairs:
        spelling = next((sp for sp in a.spellings if sp.count(" ") == 1 and "-" not in sp), None)
        if not spelling or text.count(spelling.rpartition(" ")[2]) != text.count(spelling):
            continue  # "Whitacre" alone too: a given name and a surname, not a pair of surnames
        at = text.find(spelling)
        while at > 0:
            k = _token_at(toks, at)
            s = k
            while k - s < _GIVEN_BEFORE_PAIR and s > 0 and story.gap_before(s) == " " and _is_name_word(
                words[s - 1]
            ) and story.free(s - 1) and words[s - 1].lower() not in story.distinct:
                s -= 1
            if s < k and toks.starts[k] == at and story.sentence_start(s) != s and k not in found:
                b = acc(PERSON, ("p", *_person_key(story, s, k + 2)), toks.starts[s])
                b.add(toks.span(s, k + 2), 60, toks.starts[s])
                b.full = added = True
                break
            at = text.find(spelling, at + 1)
    return added


def _merge_double_surnames(accs: dict[tuple[str, ...], _Acc]) -> None:
    """Two words found alone that end a longer name found elsewhere are that person: "rekla
    je Kovač Jurić" after "ministrica Marija Kovač Jurić", "dijo Aldama Reyes"."""
    long_tails: dict[tuple[str, ...], _Acc] = {}
    for key, a in accs.items():
        if a.kind == PERSON and key[0] == "p" and len(key) >= 4:
            long_tails.setdefault(("p", *key[-2:]), a)
    if not long_tails:
        return
    for key in [k for k, a in accs.items() if a.kind == PERSON and len(k) == 3 and k in long_tails]:
        short, into = accs.pop(key), long_tails[key]
        into.mentions += short.mentions
        into.confidence = max(into.confidence, short.confidence)
        into.titles |= short.titles
        into.first = min(into.first, short.first)


# Oblique-case endings of a Bosnian/Croatian man's name ("Emira Hodžića", "Emiru Hodžiću").
_BS_OBLIQUE = ("om", "em", "a", "u")


def _nominative_from_surname(a: _Acc, written: str) -> None:
    """A name seen only in an oblique case ("riječima direktora Emira Hodžića") whose surname
    the story also writes alone in the nominative ("Hodžić je kazao"): the nominative of the
    whole name becomes one of its spellings, so it is the one displayed."""
    for spelling in [s for s in a.spellings if len(s.split()) == 2]:
        first, last = spelling.split()
        if last == written or not last.startswith(written):
            continue
        if last[len(written):] not in _BS_OBLIQUE:
            continue
        ending = next((e for e in _BS_OBLIQUE if first.endswith(e) and len(first) > len(e) + 2), None)
        if ending is not None:
            nominative = f"{first[: -len(ending)]} {written}"
            if nominative not in a.spellings:
                a.spellings.append(nominative)
        return


# Bosnian/Croatian prepositions that take the genitive: "iz Hrvatske" is complete.
_BS_GENITIVE_PREPOSITIONS = frozenset(("iz", "od", "do", "bez", "kod", "izvan", "preko"))


def _bs_country_after_preposition(story: _Story, start: int, end: int, entry: VocabEntry) -> PlaceName | None:
    """A body listed under a name that opens with a country's genitive, written in the
    nominative after a preposition that takes the genitive, is that country and a word of the
    sentence: "Radnici iz Hrvatske vode pregovore" (not "Hrvatske vode", the water company,
    which would read "iz Hrvatskih voda")."""
    if story.lang != "bs" or entry.kind != ORGANISATION or start == 0 or end - start < 2:
        return None
    words = story.toks.words
    if fold(words[start - 1]) not in _BS_GENITIVE_PREPOSITIONS:
        return None
    if story.toks.span(start, end) not in {a.text for a in entry.spellings()}:
        return None  # "iz Hrvatskih voda": the body, in the genitive the preposition wants
    places = [p for p in gazetteer().lookup(words[start], "bs") if p.kind == "country"]
    if not places:
        return None
    return PlaceName(places[0], False, places[0].name_in("bs"))
