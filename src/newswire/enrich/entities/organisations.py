"""Organisations found by cue words (heads that end or start a name), by the nouns
media and clubs follow, around match results, and Russian names in guillemets.
"""

from __future__ import annotations

import re
from itertools import filterfalse

from newswire.enrich.entities.acronyms import acronyms_in_context
from newswire.enrich.entities.arabic import _arabic_org_tail, _strip_ar_clitic, ar_match_clubs
from newswire.enrich.entities.cues import (
    _ARTICLES,
    _AT_WORK,
    _CLUB_ROLE_WORDS,
    _EN_NAMED_HEADS,
    _ES_NAMED_HEADS,
    _KIND_ARTICLES,
    _LEAGUE_HEADS,
    _ORG_KIND_NOUNS,
    _RESULT_VERB_WORDS,
    _RU_NAMED_HEADS,
    _SCORE_RE,
    _WORKPLACE_TITLE_WORDS,
    _WORKPLACE_TITLES,
)
from newswire.enrich.entities.german import (
    _DE_COMMON_BODIES,
    _DE_HEADS,
    _DE_KIND_ALONE,
    _DE_SEATED_HEADS,
    _de_nominative,
    de_acronym_before_title,
    de_body_by_kind,
    de_body_of_state,
    de_genitive_head,
    de_name_tail,
    de_named_after_kind,
    de_party_after_name,
    de_seated_body,
)
from newswire.enrich.entities.latin import (
    _bs_org_head_start,
    _romance_org_tail,
    bs_employers,
    bs_inflected_acronyms,
    bs_medium_nominative,
    bs_more_heads,
    bs_nominative,
    bs_territory,
    bs_town_bodies,
    fr_clubs_by_adjective,
    fr_seated_bodies,
    romance_more_heads,
)
from newswire.enrich.entities.media import journals_after_kind, media_after_speech
from newswire.enrich.entities.russian import (
    _RU_GUILLEMET_RE,
    _RU_ORG_NOUNS,
    _RU_THING_NOUNS,
    _ru_board_of,
    _ru_nominative,
    _ru_nominative_as_written,
    _ru_org_head_start,
    _russian_org_tail,
    ru_companies,
    ru_named_like_a_city,
)
from newswire.enrich.entities.story import (
    _AccFn,
    _cased,
    _hyphen_only,
    _is_name_word,
    _person_key,
    _Story,
    _token_at,
    _VocabName,
)
from newswire.enrich.entities.words import (
    _AR_STOP,
    _CONJUNCTIONS,
    _CONNECTORS,
    _RU_ADJ_ENDINGS,
    _SENTENCE_GAP_RE,
    _STOP_FOLDED,
)
from newswire.vocab.people_orgs import ORGANISATION, PERSON
from newswire.vocab.places import PlaceName, fold, gazetteer, name_token_keys

_EMPLOYER_LINKS = frozenset({"of", "at"})
_ORG_CUES = frozenset({"org_end", "org_start"})
_NOT_IN_A_PERSON = frozenset({"org_start", "org_end", ORGANISATION, "place", "title", "adj"})


def _en_person_ends(story: _Story, k: int) -> bool:
    """Word k ends a person's name of two words, the second maybe hyphenated ("Owen Castellanos",
    "Tomás Ibarra-Cole"): capitalised words no place, body or title, with no name word before."""
    words = story.toks.words
    first = k
    while first > 0 and story.gap_before(first) == "-":
        first -= 1
    given = first - 1
    return given >= 0 and story.gap_before(first) == " " and all(
        _is_name_word(words[x]) and not words[x].isupper() and not story.kinds_at(x) & _NOT_IN_A_PERSON
        for x in range(given, k + 1)
    ) and (given == 0 or not (story.tight(given - 1) and _is_name_word(words[given - 1])))


def _find_cue_orgs(story: _Story, acc: _AccFn, skip_until: int) -> None:
    toks, words = story.toks, story.toks.words
    lang = story.lang
    spans: list[tuple[int, int, int]] = []
    canonical: dict[tuple[int, int], str] = {}
    for m, cued in story.cued:
        if _ORG_CUES.isdisjoint(story.kinds_at(m.start)):
            continue  # a title's or a verb's cue word: the most of them (its kinds are cached)
        cues = [p for p in cued if p.kind in _ORG_CUES]
        if not cues or any(isinstance(p, _VocabName) for p in m.payloads):
            continue
        if cues[0].kind == "org_end":
            start = m.start
            joined = False  # a Turkish directorate joined to the state body before it
            while start > 0 and (
                story.tight(start - 1) or story.ampersand(start - 1) or story.plural_possessive(start - 1)
            ):
                prev = words[start - 1]
                # not across a connector into another organisation's head ("Gates
                # Foundation and Procter & Gamble Company" are two)
                # German capitalises every noun: "Pult der Wiener Philharmoniker" is not one
                # name, so no connector is crossed there.
                prev_kinds = story.kinds_at(start - 1)
                if lang == "tr" and start < m.start and (
                    "org_end" in prev_kinds or (ORGANISATION in prev_kinds and not words[start - 1].isupper())
                ) and not _tr_unit_of_university(words[start - 1], words[m.end - 1]) and not (
                    joined := joined or _tr_directorate_of(story, start, words[m.end - 1])
                ):
                    # "Merkez Bankası Para Politikası Kurulu": a body of the bank, two names (but
                    # "Eğitimciler Birliği Sendikası", one head right after the other, is one; a
                    # sponsor's acronym opens a name: "THY Avrupa Ligi")
                    break
                if _is_name_word(prev) or story.initial(start - 1) or prev == "New" or (
                        _cased(prev) and "place" in story.kinds_at(start - 1)) or (
                        fold(prev) in _CONNECTORS and start - 2 >= 0
                                           and lang != "de"
                                           # "Safaricom and Kenya Airways": a name opening
                                           # with a country is a company of its own
                                           and not (fold(prev) in _CONJUNCTIONS
                                                    and "place" in story.kinds_at(start))
                                           # "north of Glasgow and CalMac Ferries": a place
                                           # after a preposition ends its phrase there
                                           and not (fold(prev) in _CONJUNCTIONS and start >= 3
                                                    and "place" in story.kinds_at(start - 2)
                                                    and fold(words[start - 3]) in _PLACE_PREPOSITIONS)
                                           # "Economists at Capital Economics": the employer only
                                           and not (fold(prev) in _AT_WORK
                                                    and fold(words[start - 2]) in _WORKPLACE_TITLES)
                                           # "said Owen X of CIBC Capital Markets", "Tomás
                                           # Ibarra-Cole at Purdue University": a person's
                                           # employer, the person is no part of it
                                           and not (lang == "en" and fold(prev) in _EMPLOYER_LINKS
                                                    and _en_person_ends(story, start - 2))
                                           and _is_name_word(words[start - 2])
                                           and story.tight(start - 2)
                                           and "org_end" not in story.kinds_at(start - 2)
                                           # "State Bank of India and ICICI Bank": two lenders
                                           and not (fold(prev) in _CONJUNCTIONS and lang != "tr"
                                                    and _headed_before(story, start - 2))):
                    start -= 1
                else:
                    break
            while start < m.start and not (
                _is_name_word(words[start]) or story.initial(start) or words[start] == "New"
            ):
                start += 1
            if lang == "tr":
                # a directorate's own name lists no fields ("Kültür ve Turizm Bakanlığı Sinema
                # Genel Müdürlüğü" after "Komplizen Film," is no field of it)
                start = _tr_seat_before(story, start) if joined else _tr_listed_fields(
                    story, _tr_seat_before(story, start), m.start
                )
                if start < m.start and _tr_adverbial_opening(story, start):
                    start += 1
            if lang == "en" and start > 0 and start < m.start and story.tight(start - 1) and (
                _EN_ORDINAL_RE.match(words[start - 1])
            ):
                start -= 1  # "the 9th U.S. Circuit Court of Appeals": a numbered court
            if lang == "en" and start >= 2 and words[start - 1] == "and" and "place" in story.kinds_at(start):
                spans.extend(_partner_before(story, start - 1))
            end = m.end
            # "Bank of England", "Ministry of Foreign Affairs", "Central Bank of Uzbekistan"
            if end + 1 < story.n and fold(words[end]) in ("of", "for") and story.tight(end - 1):
                end = _of_tail(story, end)
                if cues[0].word in _EN_NAMED_HEADS and end < story.n and fold(words[end]) == "and":
                    end = m.end  # "Prediction Center of the National Oceanic and Atmospheric
                    # Administration": the complement is a body of its own
            elif lang == "en" and end == m.end:
                end = _country_after(story, end)  # "Minerals Council South Africa"
            if cues[0].word in _EN_NAMED_HEADS and end == m.end and end < story.n and story.tight(end - 1) and (
                _is_name_word(words[end]) and "place" not in story.kinds_at(end)
            ):
                continue  # "Payment Systems Regulator", "Roosevelt Water Conservation District": named further on
            if end - start >= 2 or (start < m.start):
                spans.append((start, end, 70))
                if end == m.end and fold(words[m.end - 1]) != fold(cues[0].word.split()[-1]):
                    canonical[(start, end)] = (
                        toks.text[toks.starts[start]:toks.starts[m.end - 1]] + cues[0].word.split()[-1]
                    )
        else:
            start, end = m.start, m.end
            if story.caseless:
                end = _arabic_org_tail(story, end)
                if end - start >= 2 and fold(_strip_ar_clitic(words[start])) in _AR_COMPANY_NOUNS and (
                    _curated_exactly(story, start + 1, end)
                ):
                    continue  # "شركة إعمار العقارية": the kind noun before a known company's name
            elif lang == "ru":
                if start > 0 and story.gap_before(start) == "-" and fold(words[start - 1]) == "пресс":
                    continue  # "в пресс-службе Главного управления ...": the body named after it is the one
                end = _russian_org_tail(story, end)
                start = _ru_org_head_start(story, start, tailed=end > m.end)
                start += _ru_board_of(words[start:end])
                if start == m.start and fold(words[start]).endswith(_RU_ADJ_ENDINGS):
                    continue  # "Железная дорога закрыта": a head that is an adjective needs a name before it
                if cues[0].word in _RU_NAMED_HEADS and (not _cased(words[start]) or (
                    story.sentence_start(start) == start
                    and (start == m.start or not (end > m.end and _cased(words[m.end])))
                )):
                    # "в школах Самары", "Школа закрыта", "Внеочередное собрание акционеров":
                    # a common noun; "Высшей школы экономики", "Ассоциация туроператоров" are names
                    continue
                if not any(_cased(w) for w in words[start:end]) or (
                    start == m.start and story.sentence_start(start) == start
                    and fold(words[start]) in _RU_GENERIC_HEADS and not any(_cased(w) for w in words[start + 1:end])
                ):
                    # "совета директоров", "пресс-службе музея", "Совет директоров компании
                    # рассмотрит", "Компания намерена": no name
                    continue
            else:
                if lang == "bs":
                    start = _bs_org_head_start(story, start)
                    if fold(words[start]).startswith(("upravn", "nadzorn")):
                        continue  # "Upravno vijeće", "Nadzorni odbor": every company has one
                    if not _cased(words[start]):
                        # names open with a capital ("Upravno vijeće", "Ministarstvo"): a
                        # lower-case head is a common noun ("skupština Hrvatske turističke ...")
                        continue
                end = _romance_org_tail(story, end)
                if cues[0].word in _ES_NAMED_HEADS and not _named_after_head(story, m.end, cues[0].word):
                    continue  # "el Gobierno quiere", "Gobierno y los agentes sociales": no name
                if end - m.end >= _MAX_ROMANCE_TAIL and end + 1 < story.n and story.tight(end - 1) and (
                    fold(words[end]) in _CONNECTORS and _cased(words[end + 1])
                ):
                    continue  # a name longer than the tail takes, cut: it would be a false one
                if lang == "de":
                    start, end = _de_club_numbers(story, start, end)
                if end == m.end and end < story.n and fold(words[end - 1]) in _LEAGUE_HEADS and (
                    words[end].isdigit() and len(words[end]) <= 2 and story.tight(end - 1)
                ):
                    end += 1  # "Ligue 1", "Liga 1": the division's number is part of the name
                if not any(_cased(w) for w in words[start:end]):
                    continue
            if end - start >= 2 or (words[start].isupper() and len(words[start]) >= 3):
                spans.append((start, end, 65 if _cased(words[start]) or story.caseless else 55))
    spans.extend(_media_and_club_spans(story))
    if lang == "en":
        spans.extend(_the_body_said(story))
    claimed: list[tuple[int, int]] = []
    if lang == "bs":
        for start, end, confidence, name in [*bs_more_heads(story), *bs_employers(story), *bs_town_bodies(story)]:
            if not name:
                claimed.append((start, end))  # "Skupština dioničara": a body, no name
                continue
            spans.append((start, end, confidence))
            canonical[(start, end)] = name
        for start, end, confidence, name in bs_inflected_acronyms(story):
            spans.append((start, end, confidence))
            canonical[(start, end)] = name
    elif lang in ("es", "fr"):
        spans.extend(romance_more_heads(story))
        spans.extend(fr_seated_bodies(story))
        if lang == "fr":
            spans.extend(fr_clubs_by_adjective(story))
    elif lang == "ru":
        for start, end, confidence, name in ru_companies(story):
            spans.append((start, end, confidence))
            canonical[(start, end)] = name
    if lang == "de":
        spans.extend(de_acronym_before_title(story))
        if " (" in story.text:
            spans.extend(de_party_after_name(story))
        for k, word in enumerate(words):
            if not _cased(word) or not (story.free(k) or story.kinds_at(k) == {"org_end"}):
                continue
            by_kind = de_body_by_kind(story, k)
            if by_kind is not None:
                spans.append((by_kind[0], by_kind[1], 60))  # "im Landtag", "des Bundesrechnungshofs"
                if by_kind[2]:
                    canonical[by_kind[:2]] = by_kind[2]
                continue
            named = de_named_after_kind(story, k)
            if named is not None:
                spans.append((*named, 60))  # "der Industriekonzern Thyssenkrupp": the name
                claimed.append((k, k + 1))  # the kind noun is none, nor a name's first word
                continue
            seated = de_seated_body(story, k)
            if seated is None and not fold(word).endswith(_DE_HEADS):
                of_state = de_body_of_state(story, k)
                if of_state is not None:
                    spans.append((*of_state, 60))  # "Bergwacht Bayern", "Städtetag Nordrhein-Westfalen"
                    continue
            if seated is not None:
                spans.append((*seated, 60))  # "Flughafen Düsseldorf", "Erzbistum Köln"
                if word.casefold() not in _DE_SEATED_HEADS:  # "des Universitätsspitals Zürich"
                    canonical[seated] = story.text[toks.starts[seated[0]]:toks.ends[k] - 1] + story.text[
                        toks.ends[k]:toks.ends[seated[1] - 1]]
                continue
            folded = fold(word)
            if folded in _DE_HEADS:
                tail = de_name_tail(story, k + 1, seat=folded in _DE_SEATED)
                if tail > k + 1:
                    spans.append((k, tail, 60))  # a head and its seat: "Universität Erlangen-Nürnberg"
                continue
            if not story.free(k) or folded in _DE_COMMON_BODIES:
                continue  # "Der Aufsichtsrat soll entscheiden": every company has one
            genitive = de_genitive_head(folded)  # "des Bundeskartellamts"
            if genitive:
                folded = folded[:-genitive]
            if folded.endswith(_DE_HEADS) and any(
                folded.endswith(s) and len(folded) > len(s) + 2 for s in _DE_HEADS
            ) and folded not in _DE_KIND_ALONE:
                start = k
                if k > 0 and story.tight(k - 1) and _cased(words[k - 1]) and (fold(
                    words[k - 1]
                ).endswith(("e", "er", "es", "en", "em")) or story.gap_before(k) == "-") and fold(
                    words[k - 1]
                ) not in _STOP_FOLDED:
                    start = k - 1  # "Kommunaler Arbeitgeberverband", "Verkehrs-Aktiengesellschaft"
                span_end = de_name_tail(story, k + 1)
                if start == k and span_end == k + 1 and _de_descriptive(story, k, folded):
                    continue  # "der Stromkonzern", "die Verkehrsgewerkschaft": the kind, said again
                spans.append((start, span_end, 60))
                if genitive:
                    # "des Bundeskartellamts", "des Deutschen Schaustellerbundes", "des
                    # Bundesamts für Seeschifffahrt und Hydrographie"
                    canonical[(start, span_end)] = story.text[toks.starts[start]:toks.ends[k] - genitive] + (
                        story.text[toks.ends[k]:toks.ends[span_end - 1]]
                    )
    if lang == "ru":
        for gm in _RU_GUILLEMET_RE.finditer(story.text):
            inner = gm.group(1).strip()
            if len(inner.split()) > 3 or not inner[:1].isupper():
                continue
            i = _token_at(toks, gm.start(1))
            j = _token_at(toks, gm.end(1) - 1) + 1
            prev = fold(words[i - 1]) if i > 0 else ""
            after = story.text[gm.end(): gm.end() + 2]
            if prev in _RU_ORG_NOUNS:
                spans.append((i, j, 65))
            elif (
                prev not in _RU_THING_NOUNS and len(inner.split()) <= 2 and not after.startswith("-")
                and "-" not in inner and not any(c.isdigit() for c in inner)
            ):
                spans.append((i, j, 55))
    # Seats of government ("State House", "Matignon") are taken first: no name runs through
    # them, and they are no organisation.
    seats = [(m.start, m.end) for m, _cued in story.cued if "seat" in story.kinds_at(m.start)]
    taken: list[tuple[int, int]] = [*seats, *claimed]
    seats = taken[:]
    story.add_org_spans(seats)
    for start, end, confidence in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if toks.starts[start] < skip_until or any(a < end and start < b for a, b in taken):
            continue
        if _curated_exactly(story, start, end):
            continue  # "«Зенита»", "«Россия 24»": the vocabulary's entry, in its base form
        taken.append((start, end))
        name = canonical.get((start, end)) or toks.span(start, end).strip("«»\"' ")
        if story.text.startswith("+", toks.ends[end - 1]):
            name += "+"  # "Canal+"
        if lang == "de":
            name = _de_nominative(story, start, end, name)
        elif lang == "bs" and name == toks.span(start, end):
            name = bs_nominative(story, start, end, name)
            if bs_territory(words[start:end]):
                continue  # "Premijer Federacije BiH": a territory, not an organisation
            name = bs_medium_nominative(words[start:end], name)
        elif lang == "ru" and end - start == 1 and name == words[start]:
            name = ru_named_like_a_city(name, set(words))
        elif lang == "ru" and name == toks.span(start, end):
            nominative = _ru_nominative(words[start:end])
            if nominative is not None:
                name = _ru_nominative_as_written(story, start, end, nominative) or name
        if story.caseless and fold(words[start])[:1] in "وفبلك":
            name = _strip_ar_clitic(words[start]) + name[len(words[start]):]
        key = ("o", *_person_key(story, start, end))
        if lang == "ru" and end - start == 1 and name != words[start]:
            key = ("o", min(name_token_keys(name, lang)))  # with the mentions in the base form
        a = acc(ORGANISATION, key, toks.starts[start])
        a.add(name, confidence, toks.starts[start])
    story.add_org_spans(taken[len(seats):])


# Turkish words between a city and a body of its province or district: "Gaziantep İl
# Sağlık Müdürlüğü", "Kadıköy İlçe Milli Eğitim Müdürlüğü".
_TR_SEAT_LINKS = frozenset(("il", "ilce"))


def _tr_seat_before(story: _Story, start: int) -> int:
    """A Turkish court or office named by its city and number or level opens with them:
    "İzmir 12. Ağır Ceza Mahkemesi", "Bursa 2. İdare Mahkemesi", "Gaziantep İl Sağlık
    Müdürlüğü" (the cue alone gave "Ağır Ceza Mahkemesi", a name every city has)."""
    if start < 2:
        return start
    words = story.toks.words
    link = words[start - 1]
    numbered = link.isdigit() and len(link) <= 2 and story.gap_before(start) == ". "
    if not (numbered or (fold(link) in _TR_SEAT_LINKS and story.tight(start - 1))):
        return start
    city = start - 2
    if not (_cased(words[city]) and story.gap_before(city + 1) == " " and "place" in story.kinds_at(city)):
        return start
    return city


# Heads of German compounds that name what kind of body an organisation named elsewhere is
# ("der Stromkonzern", "die Lehrergewerkschaft", "der Snowboardverband").
_DE_DESCRIPTIVE_HEADS = tuple(fold(w) for w in (
    "konzern", "gewerkschaft", "verband", "vereinigung", "stiftung", "institut", "kraftwerk",
    "kraftwerke", "bahn", "amt", "kammer",
))
# Articles and prepositions fused with them that stand before such a noun.
_DE_ARTICLES = frozenset(fold(w) for w in (
    "der", "die", "das", "dem", "den", "des", "beim", "vom", "zum", "zur", "im", "am", "dieser",
    "diese", "dieses", "diesem", "diesen",
))


def _de_descriptive(story: _Story, k: int, folded: str) -> bool:
    """Word ``k``, a German compound with a kind's head after an article, is a common noun
    for a body the story names ("Der Stromkonzern senkte die Prognose"); a federal or state
    body is a name of its own ("das Bundeskartellamt", "das Landesamt")."""
    words = story.toks.words
    return (
        k > 0 and fold(words[k - 1]) in _DE_ARTICLES and "-" not in words[k]
        and folded.endswith(_DE_DESCRIPTIVE_HEADS)
        and not folded.startswith(("bundes", "landes", "staats"))
    )


def _headed_before(story: _Story, k: int) -> bool:
    """The name ending at word ``k`` has a head of its own a few tight words back ("Bank of
    Tanzania and Standard Chartered Bank"): a conjunction after it joins a second
    organisation, not a name's words. (Turkish joins a body's fields with "ve" after heads:
    "Kandilli Rasathanesi ve Deprem Araştırma Enstitüsü" is one name.)"""
    for x in range(k, max(-1, k - 4), -1):
        if story.kinds_at(x) & {"org_end", "org_start"}:
            return True
        if x == 0 or not story.tight(x - 1):
            return False
    return False


# Units a Turkish university names after its own name: "Erciyes Üniversitesi Tıp Fakültesi
# Hastanesi", "Boğaziçi Üniversitesi Kandilli Rasathanesi ve Deprem Araştırma Enstitüsü".
_TR_UNIVERSITY_UNITS = tuple(fold(w) for w in (
    "Hastanesi", "Enstitüsü", "Fakültesi", "Rasathanesi", "Yüksekokulu", "Konservatuvarı", "Merkezi",
))


def _tr_unit_of_university(prev: str, head: str) -> bool:
    """The name ending in ``head`` is a unit of the university named right before it: one
    name (a bank's board, "Merkez Bankası Para Politikası Kurulu", is a name of its own)."""
    return fold(prev) == fold("Üniversitesi") and fold(head).startswith(_TR_UNIVERSITY_UNITS)  # "Hastanesine"


# A Turkish ministry's, directorate's or presidency's directorate or department is named with
# it as one: "Ankara Emniyet Müdürlüğü Mali Suçlarla Mücadele Şube Müdürlüğü", "Emniyet Genel
# Müdürlüğü Siber Suçlarla Mücadele Daire Başkanlığı", "Kültür ve Turizm Bakanlığı Sinema
# Genel Müdürlüğü".
_TR_STATE_BODIES = frozenset(fold(w) for w in ("Müdürlüğü", "Bakanlığı", "Başkanlığı"))
_TR_DIRECTORATES = tuple(fold(w) for w in ("Müdürlüğü", "Başkanlığı"))


def _tr_directorate_of(story: _Story, start: int, head: str) -> bool:
    """The name ending in ``head`` and starting at word ``start`` is a directorate or
    department of the state body whose head is written right before it: one name (the body's
    own words are then taken whole, a vocabulary name among them)."""
    return fold(story.toks.words[start - 1]) in _TR_STATE_BODIES and fold(head).startswith(_TR_DIRECTORATES) and (
        _is_name_word(story.toks.words[start]) and story.gap_before(start) == " "
    )


_DE_CLUB_FIRST = frozenset(("FC", "FSV", "FFC", "SC", "SV", "TSV", "VfB", "VfL", "SpVgg"))


def _de_club_numbers(story: _Story, start: int, end: int) -> tuple[int, int]:
    """A German club's name with its numbers: "1." before its prefix ("1. FC Nürnberg", "1.
    FSV Mainz 05") and the two digits of its founding year after its town ("SC Paderborn
    07"), not a score ("SC Paderborn 2:1")."""
    words = story.toks.words
    if words[start] not in _DE_CLUB_FIRST:
        return start, end
    if start >= 1 and words[start - 1] == "1" and story.gap_before(start) == ". ":
        start -= 1
    if end - start >= 2 and end < story.n and len(words[end]) == 2 and words[end].isdigit() and (
        story.gap_before(end) == " " and (end + 1 >= story.n or story.gap_before(end + 1).strip() not in (":", "-"))
    ):
        end += 1
    return start, end


def _tr_listed_fields(story: _Story, start: int, head: int) -> int:
    """A Turkish body whose name lists its fields keeps the words before the commas: "Çevre,
    Şehircilik ve İklimlendirme Bakanlığı" (the cue alone stops at the comma). Only when the
    name found has "ve" in it, and never across a place ("Ankara, İstanbul ve İzmir ...")."""
    words = story.toks.words
    if not any(fold(w) == "ve" for w in words[start:head]):
        return start
    while start >= 1 and story.gap_before(start) == ", " and _is_name_word(words[start - 1]) and (
        story.free(start - 1) and story.sentence_start(start - 1) == story.sentence_start(start)
    ):
        if start >= 2 and story.gap_before(start - 1) == " " and _is_name_word(words[start - 2]) and (
            story.sentence_start(start - 2) != start - 2
        ):
            break  # "Bakan Ahmet Yılmaz, Sanayi ve Teknoloji Bakanlığı...": a name, no field
        start -= 1
    return start


# Turkish locative endings, and the accusative after a vowel: a common noun capitalised at
# a sentence's start ("Davada", "Toplantıda", "Açıklamayı") is a word of the sentence; a
# name takes them after an apostrophe.
_TR_LOCATIVE = ("da", "de", "ta", "te", "yı", "yi", "yu", "yü")


def _tr_adverbial_opening(story: _Story, k: int) -> bool:
    """Word ``k`` opens its sentence in the locative or accusative, so the name found after it
    starts later: "Davada Sağlık Bakanlığı da müdahil oldu" names "Sağlık Bakanlığı"."""
    word = fold(story.toks.words[k])
    return (
        len(word) >= 6 and word.endswith(_TR_LOCATIVE) and story.free(k)
        and story.sentence_start(k) == k and "place" not in story.kinds_at(k)
    )


def _curated_exactly(story: _Story, start: int, end: int) -> bool:
    """Words start..end are exactly one vocabulary organisation's name."""
    idx = story.owner[start]
    if idx < 0:
        return False
    m = story.matches[idx]
    return m.start == start and m.end == end and any(
        isinstance(p, _VocabName) and p.entry.kind == ORGANISATION for p in m.payloads
    )


# Arabic nouns for a company or group that describe the name after them.
_AR_COMPANY_NOUNS = frozenset(fold(w) for w in ("شركة", "مجموعة"))
# Arabic nouns a medium's name follows (a name of one to three words).
_AR_MEDIA_NOUNS = frozenset(fold(w) for w in ("صحيفة", "جريدة", "مجلة", "قناة"))


def _country_after(story: _Story, end: int) -> int:
    """A country written right after an English name's head word is part of the name ("Minerals
    Council South Africa", "Business Unity South Africa"): the end after it, else ``end``."""
    if end >= story.n or story.gap_before(end) != " " or story.kinds_at(end) != {"place"}:
        return end
    match = story.matches[story.owner[end]]
    if match.start != end or not any(
        isinstance(p, PlaceName) and p.place.kind == "country" and not p.adjective for p in match.payloads
    ):
        return end
    after = match.end
    if after < story.n and story.tight(after - 1) and _cased(story.toks.words[after]):
        return end  # more capitalised words: no name's end
    return after


_EN_ORDINAL_RE = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")


def _of_object_end(story: _Story, first: int) -> int:
    """The end of the capitalised words from ``first`` on, or of the place written there."""
    words = story.toks.words
    stop = story.run_forward(first, 4)
    if stop == first and _cased(words[first]) and "place" in story.kinds_at(first):
        stop = story.matches[story.owner[first]].end
    while stop < story.n and stop - first < _MAX_OF_OBJECT and story.tight(stop - 1) and words[stop] in _EN_NAMED_HEADS:
        # "University of Maryland Medical Center", "Ministry of Infrastructure and Water
        # Management": a head that is a common word too goes on in the complement
        stop = max(stop + 1, story.run_forward(stop + 1, 4))
    return stop


_MAX_OF_OBJECT = 8


def _of_tail(story: _Story, end: int) -> int:
    """The complement after "of"/"for" at word ``end``: "Bank of England", "Office for the
    Coordination of Humanitarian Affairs" (an article, then capitalised words joined by
    "of"/"and"/"for"), else ``end``."""
    words = story.toks.words
    first = end + 1
    if fold(words[first]) == "the" and first + 1 < story.n and story.tight(first):
        first += 1
    ordinal = _EN_ORDINAL_RE.match(words[first]) is not None and first + 1 < story.n and story.tight(first)
    stop = _of_object_end(story, first + ordinal)  # "of the 3rd Region"
    if stop == first + ordinal:
        stop = first
    while first < stop < story.n and story.tight(stop - 1) and _cased(words[stop]) and (
        story.kinds_at(stop) == {"title"}
    ):
        stop = story.matches[story.owner[stop]].end  # "Office of the Special Prosecutor"
    while stop > first and stop + 1 < story.n and story.tight(stop - 1) and fold(
        words[stop]
    ) in ("of", "and", "for") and story.tight(stop) and _cased(words[stop + 1]):
        more = _of_object_end(story, stop + 1)  # "... Western District of Washington"
        if more == stop + 1:
            break
        if fold(words[stop]) == "and" and more < story.n and story.tight(more - 1) and (
            "org_end" in story.kinds_at(more)
        ):
            break  # "State Bank of India and ICICI Bank": the second lender's head follows
        stop = more
    return stop if stop > first else end


def _media_and_club_spans(story: _Story) -> list[tuple[int, int, int]]:
    """Names after a media/club noun ("the daily Gazeta Wyborcza", "el diario Clarín") and a
    club before a sport role and a person ("Galatasaray coach Mehmet Aydinli")."""
    words = story.toks.words
    out: list[tuple[int, int, int]] = []
    cues = [(m, p) for m, cued in story.cued for p in cued if (
        p.kind == "org_before" or p.word in _WORKPLACE_TITLE_WORDS or p.word in _CLUB_ROLE_WORDS
    )]
    for m, p in cues:
        if story.caseless and m.end < story.n and story.tight(m.end - 1):
            if fold(p.word) in _AR_MEDIA_NOUNS:
                # "لصحيفة هسبريس إن", "لقناة أون تايم سبورتس:", "صحيفة الشرق الأوسط أن": the
                # medium's name runs to a particle, a verb's clitic or the punctuation
                end = m.end
                while end < min(story.n, m.end + 3) and (end == m.end or story.tight(end - 1)) and (
                    story.free(end) and fold(words[end]) not in _AR_STOP
                    and not (end > m.end and fold(words[end]).startswith(("و", "ف", "ب", "ل")))
                ):
                    end += 1
                if end > m.end:
                    out.append((m.end, end, 55))
            # "فريق الهلال", "مدرب الهلال خورخي خيسوس": the definite word after the noun
            elif fold(words[m.end]).startswith("ال") and story.free(m.end):
                out.append((m.end, m.end + 1, 55))
            continue
        if p.kind == "org_before" and m.end < story.n and story.tight(m.end - 1):
            # an article that is part of the name: "el diario El País"
            begin = m.end
            while begin < min(story.n - 1, m.end + 2) and not _cased(words[begin]) and (
                "adj" in story.kinds_at(begin) and story.tight(begin)
            ):
                begin += 1  # "la estatal chilena Codelco": a demonym between noun and name
            first = begin + (fold(words[begin]) in _ARTICLES and _cased(words[begin]))
            end = story.run_forward(first, 4, allow_person=False)
            if end > first:
                out.append((begin, end, 60))
        elif p.kind == "title" and p.word in _WORKPLACE_TITLE_WORDS and m.end + 1 < story.n:
            # "an economist at Rabobank", "analyste chez Natixis": the employer
            # "head of commodities research at Lindqvist Capital": "at" a few words on
            at = next((k for k in range(m.end, min(story.n - 1, m.end + 5))
                       if fold(words[k]) in _AT_WORK), None)
            if at is not None and all(story.tight(k) for k in range(m.end - 1, at + 1)):
                end = story.run_forward(at + 1, 4, allow_person=False)
                if end == at + 1 and at + 2 < story.n and story.kinds_at(at + 1) == {"org_end"} and (
                    _cased(words[at + 1]) and story.tight(at + 1) and not fold(words[m.start]).endswith("s")
                ):
                    # "an analyst at Capital Economics" (a plural title, "Economists at Capital
                    # Economics", is still left out: tests/enrich/test_entities_third_round.py pins it)
                    end = story.run_forward(at + 2, 3, allow_person=False)
                if end > at + 1:
                    out.append((at + 1, end, 60))
        elif p.kind == "title" and p.word in _CLUB_ROLE_WORDS and m.start > 0:
            start = story.run_backward(m.start, 2)
            if (
                start < m.start and story.run_forward(m.end) - m.end >= 2
                and not any(story.kinds_at(k) for k in range(start, m.start))
            ):
                out.append((start, m.start, 60))
    out.extend(media_after_speech(story))
    out.extend(journals_after_kind(story))
    out.extend(acronyms_in_context(story))
    if story.lang == "en":
        out.extend(_named_by_kind(story))
        if "hares " in story.text:
            out.extend(_shares_of(story))
    # against the set of distinct words, the few verbs are looked up, not every word of the story
    if not _RESULT_VERBS.isdisjoint(story.distinct):  # verbs are written in lower case
        out.extend(_teams(story))
    fixture = _FIXTURE_RES.get(story.lang or "")
    if fixture is not None and story.has_score and any(w in story.text for w in _FIXTURE_WORDS[story.lang or ""]):
        out.extend(_next_opponents(story, fixture))
    if story.has_score:
        out.extend(_clubs_by_acronym_and_town(story))
    if story.caseless:
        out.extend(ar_match_clubs(story))
    if story.lang == "tr":
        # Turkish clubs named "<Town>spor": "Trabzonspor", "Kasımpaşaspor"
        for k, word in enumerate(words):
            if len(word) > 6 and word.endswith("spor") and _cased(word) and story.free(k):
                out.append((k, k + 1, 60))
    if story.lang == "en" and " The " in story.text:
        # "The" capitalised inside a sentence opens a title: "the editor of The Guardian"
        for hit in _MID_THE_RE.finditer(story.text):
            k = _token_at(story.toks, hit.start(1))
            end = story.run_forward(k + 1, 3, allow_person=False)
            if end > k + 1 and story.free(k + 1):
                out.append((k, end, 55))
    return out


_CLUB_ACRONYM_RE = re.compile(r"^[A-Z][A-Za-z]?[A-Z]{1,2}$")
_MAX_TOWN_WORDS = 3


def _clubs_by_acronym_and_town(story: _Story) -> list[tuple[int, int, int]]:
    """In a match report, a club written as an acronym and its town: "THW Kiel", "SG
    Flensburg-Handewitt", "HBC Nantes", "ASM Clermont Auvergne" (the acronym alone is no
    name). After an acronym the vocabulary knows ("THW"), only a known place is a town."""
    words = story.toks.words
    out: list[tuple[int, int, int]] = []
    if story.lang == "tr":
        return out  # Turkish capitalises a unit after an acronym ("TV Bölümü"); its clubs end in -spor
    # the tests on the word alone once per distinct word; then only those words' positions
    acronyms = {
        # the last word may be in it: only words[:-1] are visited; no word in lower case is one
        w for w in filterfalse(str.islower, story.distinct)
        if 2 <= len(w) <= 4 and w[0].isupper() and _CLUB_ACRONYM_RE.match(w) and not _ROMAN_RE.match(w)
    }
    for k in [k for k, w in enumerate(words[:-1]) if w in acronyms] if acronyms else ():
        if story.gap_before(k + 1) != " ":
            continue
        known = not story.free(k)
        if known and not _curated_exactly(story, k, k + 1):
            continue  # inside a longer name
        end = k + 1
        while end < min(story.n, k + 1 + _MAX_TOWN_WORDS) and _cased(words[end]) and (
            end == k + 1 or story.gap_before(end) in (" ", "-")
        ) and _town_word(story, end, known):
            end += 1
        if end > k + 1 and (end >= story.n or not _cased(words[end]) or not story.tight(end - 1)):
            out.append((k, end, 60))
    return out


_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")
# Nouns that make an acronym's name a venue: "AAMI Park", "RAMS Park".
_VENUE_WORDS = frozenset(fold(w) for w in ("Park", "Arena", "Stadium", "Stadion", "Dome", "Hall", "Center", "Centre"))


def _town_word(story: _Story, k: int, place_only: bool) -> bool:
    kinds = story.kinds_at(k)
    if fold(story.toks.words[k]) in _VENUE_WORDS:
        return False
    if kinds == {"place"}:
        return True
    return not place_only and not kinds and not story.toks.words[k].isupper()


def _named_by_kind(story: _Story) -> list[tuple[int, int, int]]:
    """An acronym right before a kind noun ("the FNV union"), or a name set off by commas
    right after one ("the employers' association, Deltalinqs, said")."""
    toks, words = story.toks, story.toks.words
    out: list[tuple[int, int, int]] = []
    if _ORG_KIND_NOUNS.isdisjoint(story.distinct):
        return out
    for noun in [k for k, word in enumerate(words) if word in _ORG_KIND_NOUNS]:
        # an article at most three words before: "the FNV union", "the employers' association"
        if not any(words[k].lower() in _KIND_ARTICLES for k in range(max(0, noun - 3), noun)):
            continue
        before = noun - 1
        if before >= 0 and words[before].isupper() and len(words[before]) >= 2 and story.free(before) \
                and story.tight(before):
            out.append((before, noun, 55))
            continue
        if story.gap_before(noun + 1 if noun + 1 < story.n else noun) == ", " and noun + 1 < story.n:
            end = story.run_forward(noun + 1, 4, allow_person=False)
            if end > noun + 1 and toks.text.startswith(",", toks.ends[end - 1]) and not any(
                story.kinds_at(k) for k in range(noun + 1, end)
            ):
                out.append((noun + 1, end, 55))
    return out


def _teams(story: _Story) -> list[tuple[int, int, int]]:
    """The teams around a result verb in a sentence with a score: not places (national
    teams are not organisations) and not people."""
    toks, words = story.toks, story.toks.words
    out: list[tuple[int, int, int]] = []
    for k in [k for k, word in enumerate(words) if word in _RESULT_VERBS]:
        s = story.sentence_start(k)
        sentence_end = toks.text.find(".", toks.ends[k])
        sentence = toks.text[toks.starts[s]:sentence_end if sentence_end > 0 else len(toks.text)]
        if not _SCORE_RE.search(sentence):
            continue
        subject = story.run_backward(k, 3)  # the subject, right before the verb
        # not a venue after a preposition: "Dinamo je na Maksimiru pobijedio Hajduk"
        candidates = [] if subject > 0 and fold(words[subject - 1]) in _VENUE_PREPOSITIONS else [(subject, k)]
        venue_until = 0
        for t in range(k + 1, min(story.n, k + 9)):  # the object, a few words after it
            if "\n" in story.gap_before(t) or _SENTENCE_GAP_RE.search(story.gap_before(t)):
                break
            if fold(words[t - 1]) in _VENUE_NOUNS and _is_name_word(words[t]):
                venue_until = story.run_forward(t, 3, allow_person=False)  # "na stadionu Bilino polje"
            if t < venue_until:
                continue
            if _is_name_word(words[t]):
                if story.free(t) and not (words[t].isupper() and len(words[t]) <= 3):  # "ХК «Ак Барс»"
                    candidates.append((t, story.run_forward(t, 3, allow_person=False)))
                break  # the object is the first name ("svladao Osijek na Maksimiru")
        for i, j in candidates:
            if j - i >= 2 and fold(words[i]) in _PLAYERS_OF:
                continue  # "Nogometaši Čelika pobijedili su": the club's players, its name in the genitive
            if j - i >= 2 and _player_of_country(story, i, j):
                continue  # "Japan's Aiko X beat Li Y of China 4-2": players, not clubs
            if j > i and not any(story.kinds_at(x) for x in range(i, j)) and not _hyphen_only(
                story, i, j
            ) and not toks.text.startswith("-", toks.ends[j - 1]):  # "Sarı-lacivertliler"
                out.append((i, j, 55))
    return out


def _player_of_country(story: _Story, i: int, j: int) -> bool:
    """The name of two or more words at ``i:j`` around a result verb is introduced by a
    country's possessive ("Denmark's Aiko X beat") or followed by "of" and a country ("beat
    Li Y of China 21-18"): how English sport copy introduces a player, never a club (a club's
    name of several words is no player's, and clubs are not "of" a country)."""
    words = story.toks.words
    if story.lang != "en":
        return False
    if i >= 2 and words[i - 1] == "s" and story.gap_before(i - 1) in ("'", "’") and "place" in story.kinds_at(i - 2):
        return True
    return j + 1 < story.n and words[j] == "of" and "place" in story.kinds_at(j + 1)


_MID_THE_RE = re.compile(r"[a-z,] (The) (?=[A-Z])")
# "The players of": Bosnian/Croatian reports open with the team's players and the club in
# the genitive ("Nogometaši Čelika", "Košarkaši Cibone").
_PLAYERS_OF = frozenset(fold(w) for w in (
    "Nogometaši", "Košarkaši", "Rukometaši", "Odbojkaši", "Hokejaši", "Vaterpolisti", "Nogometašice",
    "Košarkašice", "Rukometašice", "Odbojkašice",
))

# A match report ends on each side's next fixture: "Leeds plays at Brentford on Dec. 12",
# "El Betis visitará al Villarreal", "L'OM affrontera Lens", "Kasımpaşa ile karşılaşacak".
# The verb (group 1) comes between the two clubs; in Turkish the opponent stands before it.
# Verbs of travel ("se déplacera à Lens", "gostuje kod Širokog Brijega") are left out: the
# town may be meant, or the club's name stands in a case the rules do not undo.
_UPPER = "A-ZÀ-ÖØ-ÞĆČĐŠŽÇĞİÖŞÜ"
_FIXTURE_RES: dict[str, re.Pattern[str]] = {
    "en": re.compile(rf"\b(visits|hosts|faces|welcomes|plays at|play at|visit|host|face)"
                     rf" (?=[{_UPPER}])"),
    "es": re.compile(rf"\b((?:visitará|visita|recibe|recibirá|recibirán|visitarán|se medirá) al?|"
                     rf"se enfrentará al?|jugará ante el) (?=[{_UPPER}])"),
    "fr": re.compile(rf"\b(affrontera|affronte|recevra|reçoit|accueillera|accueille|défiera|"
                     rf"joue contre) (?=[{_UPPER}])"),
    "de": re.compile(rf"\b(empfängt|gastiert (?:bei|in)|spielt (?:bei|in)|tritt (?:bei|in)) (?=[{_UPPER}])"),
    "bs": re.compile(rf"\b(dočekuje|dočekati|ugošćuje|ugostiti|ugostit će) (?=[{_UPPER}])"),
    "tr": re.compile(r"(?<=\w) (ile karşılaşacak|ile oynayacak|ile karşılaşacaktır)\b"),
}


# A piece of every verb of _FIXTURE_RES: a story holding none has no fixture (the patterns,
# opening with a word boundary and alternatives, are slow to run over a whole story).
_FIXTURE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("visit", "host", "face", "welcomes", "play"),
    "es": ("visit", "recib", "se medirá", "se enfrentará", "jugará ante el"),
    "fr": ("affront", "recevra", "reçoit", "accueill", "défiera", "joue contre"),
    "de": ("empfängt", "gastiert", "spielt", "tritt"),
    "bs": ("dočekuje", "dočekati", "ugošćuje", "ugostit"),
    "tr": ("ile karşılaşacak", "ile oynayacak"),
}


def _next_opponents(story: _Story, fixture: re.Pattern[str]) -> list[tuple[int, int, int]]:
    """The clubs around a next-fixture verb in a story with a score: a club named like its
    city is the club there ("Genoa visits Napoli on Dec. 13"); a country is a national team,
    no organisation."""
    toks = story.toks
    out: list[tuple[int, int, int]] = []
    for hit in fixture.finditer(story.text):
        before = _token_at(toks, hit.start(1))
        after = before + len(hit.group(1).split())
        i, j = _club_run(story, after, 1)
        if j > i and not (j - i >= 2 and _player_of_country(story, i, j)):
            out.append((i, j, 55))
        i, j = _club_run(story, before, -1)
        if j > i and not (j - i >= 2 and _player_of_country(story, i, j)) and not (
            i > 0 and fold(story.toks.words[i - 1]) in _VENUE_PREPOSITIONS
        ):
            out.append((i, j, 55))  # not a venue: "na Koševu ugostiti Velež"
    return out


def _club_run(story: _Story, k: int, step: int) -> tuple[int, int]:
    """Up to three tight name words from word ``k`` on (``step`` 1) or ending before it (-1)
    that are no person, organisation already named, or country."""
    words = story.toks.words
    i = j = k if step == 1 else k - 1
    while 0 <= j < story.n and abs(j - k) < 3 and _is_name_word(words[j]) and (
        story.free(j) or story.kinds_at(j) == {"place"}
    ) and not any(p.kind == "country" for p in gazetteer().lookup(words[j], story.lang)):
        if j != i and not story.tight(min(i, j)):
            break
        j += step
        if step == -1 and j >= 0 and not story.tight(j):
            break
    if step == 1:
        return i, j
    return j + 1, k


_MAX_COMPANY_WORDS = 3
_SHARES_RE = re.compile(r"\b(?:[Ss]hares|[Ss]tocks?) (?:in|of) (?=[A-Z])")


def _shares_of(story: _Story) -> list[tuple[int, int, int]]:
    """The companies whose shares moved: "Shares in Safaricom and Kenya Power fell" (two
    companies; a place may open a name, "Kenya Power", but is none alone)."""
    toks, words = story.toks, story.toks.words
    out: list[tuple[int, int, int]] = []
    for hit in _SHARES_RE.finditer(story.text):
        k = _token_at(toks, hit.end())
        for _ in range(3):
            end = k
            while end < story.n and end - k < _MAX_COMPANY_WORDS and _is_name_word(words[end]) and not (
                story.kinds_at(end) & {"title", "say", "say_after"}
            ) and (end == k or story.tight(end - 1)):
                end += 1
            place_only = end - k == 1 and "place" in story.kinds_at(k)
            if end > k and not place_only:
                out.append((k, end, 60))
            if end + 1 < story.n and words[end] == "and":
                k = end + 1
            elif end < story.n and story.gap_before(end) == ", ":
                k = end
            else:
                break
    return out


_ES_OF = frozenset(("de", "del", "para", "contra", "sobre"))
_ES_OF_ARTICLES = frozenset(("la", "las", "los", "el"))


def _named_after_head(story: _Story, k: int, head: str) -> bool:
    """A capital at word k, right after a head, or "de"/"para" (and an article) and a capital;
    a government's is a territory's ("Gobierno de Canarias", not "Gobierno de Sumar")."""
    words = story.toks.words
    if k < story.n and story.tight(k - 1) and _cased(words[k]):
        return True
    if k + 1 < story.n and words[k] in _ES_OF and story.tight(k - 1) and story.tight(k):
        x = k + 2 if words[k + 1] in _ES_OF_ARTICLES and k + 2 < story.n and story.tight(k + 1) else k + 1
        return _cased(words[x]) and (head != "Gobierno" or "place" in story.kinds_at(x) or words[x] in _ES_TERRITORIES)
    return False


_MAX_ROMANCE_TAIL = 8  # words _romance_org_tail takes at most
_ES_TERRITORIES = frozenset(("Ciudad", "Región", "Comunidad", "Provincia", "Estado"))
_PLACE_PREPOSITIONS = frozenset(("of", "in", "from", "near", "to", "at"))


def _partner_before(story: _Story, conjunction: int) -> list[tuple[int, int, int]]:
    """One name word alone before "and" and a company named after a country is a company
    too: "Safaricom and Kenya Airways, two of the country's largest employers"."""
    k = conjunction - 1
    words = story.toks.words
    if not _is_name_word(words[k]) or not story.free(k) or (k > 0 and story.tight(k - 1) and _cased(words[k - 1])):
        return []
    return [(k, k + 1, 55)]


# Heads that name every company's own: "Компания намерена", "Совет директоров компании".
_RU_GENERIC_HEADS = frozenset(fold(w) for w in ("компания", "компании", "совет", "группа", "холдинг"))


# Bare German heads named by their town: "Universität Erlangen-Nürnberg", "Hochschule Fulda".
_DE_SEATED = frozenset(fold(w) for w in ("Universität", "Hochschule", "Fachhochschule", "Oper", "Staatsoper"))
_VENUE_PREPOSITIONS = frozenset(("na", "u", "kod", "in", "at", "en", "à", "bei", "im", "в", "на"))
# Nouns of a ground a venue's name follows ("na stadionu Bilino polje", "stadionu pod Bijelim
# brijegom"): that name is no team.
_VENUE_NOUNS = frozenset(fold(w) for w in (
    "stadionu", "stadion", "stadiona", "dvorani", "dvorana", "areni", "pod", "stadium", "stade",
    "estadio", "stadyumu", "стадионе", "арене",
))
# Result verbs beyond the cue list's: Bosnian/Croatian "pobijedili su X", "savladao je X".
_RESULT_VERBS = _RESULT_VERB_WORDS | frozenset((
    "pobijedili", "pobijedio", "pobijedila", "savladali", "savladao", "savladala", "svladali", "svladao",
    "svladala", "nadigrali", "nadigrao", "deklasirali",
))


_EN_THE = frozenset(("The", "the"))
_MAX_BODY_WORDS = 5


def _the_body_said(story: _Story) -> list[tuple[int, int, int]]:
    """Capitalised words between "the" and a verb of saying name a body: "The Oklahoma
    Highway Patrol said", "the Harbour Pilots Association said" (two words or more, the last
    no known name, title or place; a person's name takes no article)."""
    words = story.toks.words
    out: list[tuple[int, int, int]] = []
    for m, cued in story.cued:
        if not any(p.kind == "say" for p in cued) or m.start < 3 or not story.tight(m.start - 1):
            continue
        k = m.start
        while k > 0 and m.start - k < _MAX_BODY_WORDS and story.tight(k - 1) and _is_name_word(words[k - 1]) and (
            words[k - 1] not in _EN_THE and not story.kinds_at(k - 1) & {"title", PERSON, "say"}
        ):
            k -= 1
        if m.start - k >= 2 and k > 0 and words[k - 1] in _EN_THE and story.tight(k - 1) and story.free(m.start - 1):
            out.append((k, m.start, 60))
    return out
