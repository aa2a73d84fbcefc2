"""French, Spanish and Bosnian/Croatian: organisation names that open with their head
("Institut national de la statistique", "Ministarstvo turizma i sporta").
"""

from __future__ import annotations

import re

from newswire.enrich.entities.cues import _ES_NAMED_HEADS
from newswire.enrich.entities.story import _cased, _Cue, _is_name_word, _Story, _token_at
from newswire.enrich.entities.words import _CONJUNCTIONS, _CONNECTORS, _LATIN_ADJ_ENDINGS, _STOP_FOLDED
from newswire.vocab.geonames import weak_index
from newswire.vocab.people_orgs import ORGANISATION, PERSON
from newswire.vocab.places import PlaceName, fold


def _romance_org_tail(story: _Story, end: int) -> int:
    """Words after an organisation head in fr/es/bs: capitalised words, connectors, a noun
    right after the head or a connector, adjectives ("Institut national de la statistique")."""
    words = story.toks.words
    k = end
    last_good = end
    lower_ok = story.lang == "bs"
    lower_noun = False  # the last word taken was a lower-case noun ("turizma")
    in_object = False  # inside a preposition's object ("za obnovu i razvoj")
    object_noun = False  # the last word taken was part of the object
    chained = False  # a genitive noun of the complement's noun was taken
    took_object = False  # a preposition's object was taken ("Ured za reviziju")
    while k < story.n and k - end < 8 and (story.tight(k - 1) or (
        # "Hercegovačko-neretvanskog kantona": a compound adjective of a region
        story.lang == "bs" and _compound_adjective(story, k)
    )):
        word = words[k]
        folded = fold(word)
        kinds = story.kinds_at(k)
        if kinds & {"title", "say", "say_after", PERSON} and not (
            # "Vijeće ministara": a lower-case title noun as the head's genitive complement
            k == end and lower_ok and kinds == {"title"} and not _cased(word)
        ):
            break
        if k == end and folded == "u" and story.lang == "bs" and _seat_after(story, k):
            k += 2  # "Županijski sud u Splitu", "Univerzitet u Sarajevu": the seat is in the name
            last_good = k
            break
        if story.lang == "es" and folded == "numero" and k + 1 < story.n and words[k + 1].isdigit():
            k += 2  # "Juzgado Central de Instrucción número 5": the court's number ends its name
            last_good = k
            break
        if word[:1].isdigit() and k > end and fold(words[k - 1]) in _CONNECTORS:
            break  # "l'Assemblée nationale le 9 mars", "Banco de España el 12": a date, not the name
        if story.lang == "bs" and (folded == "o" or (
            folded in _CONJUNCTIONS and k + 1 < story.n and _cased(words[k + 1])
            and ("org_start" in story.kinds_at(k + 1) or (
                ORGANISATION in story.kinds_at(k + 1) and story.matches[story.owner[k + 1]].start == k + 1
            ))
        )):
            break  # "Predstavnički dom o njemu", "Ministarstvo kulture i Grad Split": not the name
        if folded in _CONJUNCTIONS and _second_body_after(story, k, fold(words[end - 1])):
            break  # "la Ville de Lausanne et la Fondation X", "Université A et de l'Université B"
        if story.lang in ("es", "fr") and k > end and _romance_object_link(story, k):
            k += 1  # "Respuesta ante Desastres", "Conservación y el Desarrollo Sostenible"
            lower_ok = lower_noun = False
            continue
        if story.lang in ("es", "fr") and folded in _PURPOSE_PREPOSITIONS and k + 1 < story.n and (
            not _cased(words[k + 1]) and fold(words[k + 1]).endswith(("ar", "er", "ir"))
        ):
            break  # "Ayuntamiento de Gandia para solicitar ...": a purpose clause, not the name
        if (folded in _CONNECTORS and not (story.lang == "es" and folded in _ES_CLITICS)) or (
            story.lang == "bs" and folded in _BS_PREPOSITIONS and not _cased(words[k - 1])
        ):
            k += 1
            # "Ministarstvo turizma i sporta": a conjunction joins a second noun like the first
            lower_ok = folded not in _CONJUNCTIONS or lower_noun
            lower_noun = False
            # "Komisija za vrijednosne papire", "banka za obnovu i razvoj": a preposition's
            # object is in any case
            took_object = took_object or folded in _BS_PREPOSITIONS
            in_object = story.lang == "bs" and (k - 2 == end - 1 or not _cased(words[k - 2])) and (
                folded in _BS_PREPOSITIONS or (in_object and lower_ok)
                # "za obnovu i razvoj": a second noun of the object, in the same case
                or (object_noun and folded in _CONJUNCTIONS)
            )
            object_noun = False
            continue
        if in_object and not _cased(word) and folded not in _STOP_FOLDED and folded not in _BS_AUXILIARIES and (
            folded not in _BS_OTHER_PREPOSITIONS  # "ribarstvo iz Splita": the object has ended
        ) and (not folded.endswith(_BS_PARTICIPLE) or _object_noun_in_iju(story, k)):
            k += 1
            last_good = k
            lower_noun = not folded.endswith(_LATIN_ADJ_ENDINGS) and not bs_adjective(word)
            in_object = not lower_noun  # adjectives, then the one noun they qualify
            object_noun = True
            lower_ok = False
            continue
        if story.lang == "bs" and not _cased(word) and folded.endswith(_BS_PASSIVE) and k + 1 < story.n and (
            fold(words[k + 1]) in _BS_AUXILIARIES
        ):
            break  # "sjednica Predstavničkog doma zakazana je": the predicate, a passive participle
        if folded in _BS_AUXILIARIES and k == end and story.lang == "bs" and _comma_list_tail(story, k + 1) > k + 1:
            return _comma_list_tail(story, k + 1)  # "Ministarstvo mora, prometa i infrastrukture": a noun
        if folded in _STOP_FOLDED or folded in _BS_AUXILIARIES or (story.lang == "es" and word.endswith("ó")):
            break  # "Banco de España publicó": a verb in the preterite ("-ico" is no adjective)
        if (
            (k == end and k + 1 < story.n and story.gap_before(k + 1) == " ")  # not "Banque Rhône-Alpes"
            or (k > end and not _cased(words[k - 1]) and fold(words[k - 1]) not in _CONNECTORS and not (
                _romance_object_link(story, k - 1)  # "y el Desarrollo Sostenible": a name's words
            ))
        ) and _cased(word) and _person_follows(story, k):
            if story.lang == "bs" and k == end and fold(words[end - 1]).startswith(_BS_NAMESAKE_HEADS) and not (
                _employer_of_title(story, end - 1)
            ):
                last_good = k + 2  # "Institut Ruđer Bošković": the person it is named after
            # "Predsjedavajući Vijeća ministara Mirza Kovačević", "predsjedavajuća
            # Predsjedništva Amela Softić-Hadžić": the name is not part
            break
        if story.lang == "bs" and not _cased(word) and k > end and _cased(words[k - 1]) and not (
            # "Vlada Tuzlanskog kantona": the noun an oblique adjective qualifies
            lower_ok and _oblique_adjective(words[k - 1]) and not folded.endswith(_BS_PARTICIPLE)
        ) and not _compound_adjective(story, k):
            break  # "Upravno vijeće CBBiH zakazana je": after a name's last word, the predicate
        if story.lang == "es" and k > end and _cased(words[k - 1]) and _es_full_name_at(story, k) and (
            fold(words[end - 1]) not in _ES_NAMESAKE_HEADS
        ):
            # "Real Instituto Elcano Lucía Ferrándiz Goñi", "Universidad de Chile Felipe Araya
            # Mardones": a given name and two surnames end the run, the person after the body
            # (not a hospital's or a school's namesake: "Hospital de Infecciosas Francisco Javier Muñiz")
            break
        if story.lang == "bs" and k > end and (
            _acronym(words[k - 1]) or "place" in story.kinds_at(k - 1)
        ) and _person_follows(story, k):
            # "Savez samostalnih sindikata BiH Selvedin Karić", "Medžlisa Islamske zajednice
            # Sarajevo Senad X": the name is not part
            break
        if not _cased(word) and lower_ok and story.lang == "bs" and not folded.endswith(_LATIN_ADJ_ENDINGS) and (
            not folded.endswith(_BS_GENITIVE) or folded.endswith(_BS_PARTICIPLE)
        ):
            break  # "Parlamentarna skupština usvoji": a verb, not the head's genitive complement
        if story.lang == "bs" and lower_noun and not chained and _genitive_of_genitive(story, k):
            k += 1  # "Ministarstvo zaštite okoliša": the complement's own genitive noun
            last_good = k
            lower_ok = in_object = False
            chained = True
            continue
        if _cased(word) or lower_ok or folded.endswith(_LATIN_ADJ_ENDINGS) or (
            story.lang == "fr" and k > end and folded.endswith(_FR_MORE_ADJ_ENDINGS)
        ):
            adjective = not _cased(word) and (
                folded.endswith(_LATIN_ADJ_ENDINGS) or (story.lang == "bs" and bs_adjective(word))
            )
            lower_noun = lower_ok and not _cased(word) and not adjective
            k += 1
            last_good = k
            # an adjective keeps the noun it qualifies allowed: "Ured visokog predstavnika",
            # "uprava civilne zaštite", "Vlada Tuzlanskog kantona", also after a noun of the
            # head's complement ("uprava civilne zaštite Tuzlanskog kantona")
            lower_ok = story.lang == "bs" and (
                (lower_ok and adjective and k - 1 == end)
                or (bs_adjective(word) and not _person_word(story, k - 1) and (
                    adjective or (_cased(word) and _oblique_adjective(word) and (
                        k - 1 == end or lower_noun_before(words, k - 1, end)))
                ))
            )
            continue
        break
    if story.lang == "bs" and took_object and last_good + 1 < story.n and fold(words[last_good]) == "u" and (
        story.tight(last_good)
    ):
        # "Agencija za plaćanja u poljoprivredi, ribarstvu i ruralnom razvoju": the fields the
        # object is in, listed, belong to the name
        first_item = _lower_list_item(story, last_good + 1)
        if first_item > last_good + 1 and (listed := _comma_list_tail(story, first_item)) > first_item:
            return _without_country(story, end, listed)
    if story.lang == "bs" and took_object and last_good < story.n and fold(words[last_good]) == "u":
        last_good = _in_territory(story, last_good)
    if story.lang in ("es", "fr", "bs") and last_good > end:
        last_good = _comma_list_tail(story, last_good)
    return _without_country(story, end, last_good)


# Articles that open a new noun phrase after a conjunction: "et la Fondation", "y el Banco".
_BARE_ARTICLES = frozenset(("la", "le", "l", "les", "el", "los", "las"))
# Prepositions inside Spanish and French names before a capitalised object: "Servicio
# Nacional de Prevención y Respuesta ante Desastres", "Red de Investigación sobre Bólidos".
_OBJECT_PREPOSITIONS = frozenset(("ante", "sobre", "contra", "contre"))
# Prepositions of purpose, which open a clause when an infinitive follows.
_PURPOSE_PREPOSITIONS = frozenset(("para", "pour", "por"))


def _romance_object_link(story: _Story, k: int) -> bool:
    """Word ``k`` links a name's words to a capitalised noun after it: a preposition of the
    object ("ante Desastres") or an article after a conjunction ("y el Desarrollo")."""
    words = story.toks.words
    folded = fold(words[k])
    linking = folded in _OBJECT_PREPOSITIONS or (
        folded in _BARE_ARTICLES and folded not in _CONNECTORS and fold(words[k - 1]) in _CONJUNCTIONS
    )
    if not linking or k + 1 >= story.n or not story.tight(k):
        return False
    nxt = k + 1
    if fold(words[nxt]) in _BARE_ARTICLES and nxt + 1 < story.n and story.tight(nxt):
        nxt += 1  # "contre la Corruption"
    return _cased(words[nxt]) and not story.kinds_at(nxt) & {PERSON, "title", "say"}


def _second_body_after(story: _Story, k: int, head: str) -> bool:
    """The conjunction at word ``k`` joins a second organisation to the one whose head is
    ``head``: a bare article and a head after it ("la Ville de Lausanne et la Fondation
    Leenaards", not "Fundación para la Conservación y el Desarrollo"), the same head again
    ("de l'Université Concordia et de l'Université de Montréal", "Evropska investicijska
    banka i Evropska banka za obnovu i razvoj"), or a head cue a word or two on. A name
    going on with "et des Affaires étrangères" is one."""
    words = story.toks.words
    j = k + 1
    bare = j < story.n and fold(words[j]) in _BARE_ARTICLES
    while j < min(story.n, k + 4) and (fold(words[j]) in _CONNECTORS or fold(words[j]) in _BARE_ARTICLES):
        j += 1  # "y el Ayuntamiento de Granada"
    if j >= story.n or not _cased(words[j]):
        return False
    if bare and j == k + 2 and words[j] in _ROMANCE_MORE_HEADS.get(story.lang or "", ()):
        return True
    return any(
        fold(words[x]) == head or ("org_start" in story.kinds_at(x) and not (x > j and words[x] in _ES_NAMED_HEADS))
        for x in range(j, min(story.n, j + 2))
    )  # "y Buen Gobierno": a head that opens its names, second, is a word of this one


def _object_noun_in_iju(story: _Story, k: int) -> bool:
    """Word k, inside a preposition's object in a BCS name, is a feminine noun in the
    accusative ("za oceanografiju i seizmologiju", "za energiju"), not a participle."""
    folded = fold(story.toks.words[k])
    return folded.endswith("iju") and len(folded) > 5


def _genitive_of_genitive(story: _Story, k: int) -> bool:
    """Word k is a lower-case noun in the genitive after a lower-case noun of the head's
    complement: "Ministarstvo zaštite okoliša", "Agencija za zaštitu okoliša" (not a verb,
    an adjective or a participle)."""
    word = story.toks.words[k]
    folded = fold(word)
    return (
        not _cased(word) and folded.endswith(_BS_GENITIVE)
        and not folded.endswith(_BS_PARTICIPLE) and not folded.endswith(_LATIN_ADJ_ENDINGS)
        and not folded.endswith(("ti", "ci")) and not bs_adjective(word)  # "biti", "moći": infinitives
        and folded not in _STOP_FOLDED and folded not in _BS_AUXILIARIES and len(folded) > 3 and story.free(k)
        # the noun closes the complement: "Agencija za statistiku nove ..." is the object's adjective
        and (k + 1 >= story.n or not story.tight(k) or _cased(story.toks.words[k + 1])
             or fold(story.toks.words[k + 1]) in _BS_AFTER_COMPLEMENT)
    )


def _in_territory(story: _Story, u: int) -> int:
    """The end of "u" at word u and the territory after it, written with its acronym, that
    ends a body's name: "Ured za reviziju institucija u Federaciji BiH", "Agencija za
    statistiku u BiH" (u itself when no such territory follows)."""
    words = story.toks.words
    k = u + 1
    while k < story.n and k - u <= 3 and story.tight(k - 1) and _cased(words[k]):
        if _acronym(words[k]):
            return k + 1 if k + 1 >= story.n or not story.tight(k) else u
        k += 1
    return u


# Prepositions that close a BCS name's complement: "Institut za more iz Splita".
_BS_OTHER_PREPOSITIONS = frozenset(("iz", "u", "na", "od", "do", "kod", "bez", "prema", "preko", "izvan", "nakon"))
_BS_AFTER_COMPLEMENT = _STOP_FOLDED | _CONJUNCTIONS | _BS_OTHER_PREPOSITIONS


# Spanish object pronouns, French articles: "el Centro de Justicia Penal Federal le impuso".
_ES_CLITICS = frozenset(("le", "les"))


# French adjectives the shared endings miss: "Enseignement supérieur", "patrimoine religieux".
_FR_MORE_ADJ_ENDINGS = ("ieur", "ieure", "ieurs", "ieures", "eux", "euse", "euses")


def _comma_list_tail(story: _Story, end: int) -> int:
    """A name whose complement is a list of capitalised nouns separated by commas and closed
    by "y"/"e"/"et": "Ministerio de Inclusión, Seguridad Social y Migraciones", "Instituto
    de Sismología, Vulcanología, Meteorología e Hidrología", "ministère de l'Agriculture, de
    la Souveraineté alimentaire et de l'Élevage". None of the listed words may be an
    organisation or a place of its own ("Banco de España, Iberdrola y Repsol" are three)."""
    n = story.n
    k = end
    # a complement in lower case lists lower-case nouns: "Ministarstvo poljoprivrede, šumarstva
    # i ribarstva", "Institut national de recherche pour l'agriculture, l'alimentation et
    # l'environnement"
    item_end = _list_item if _cased(story.toks.words[end - 1]) or _article_and_capital(story, end) else _lower_list_item
    closing = ("i",) if story.lang == "bs" else ("y", "e", "et")
    if story.lang == "bs" and item_end is _list_item:
        return end
    while k < n:
        if story.gap_before(k) != ", ":
            return end
        item = item_end(story, k)
        if item == k:
            return end
        k = item
        if k + 1 < n and story.gap_before(k) == " " and fold(story.toks.words[k]) in closing and (
            story.gap_before(k + 1) == " "
        ):
            last = item_end(story, k + 1)
            if last < n and story.lang == "bs" and fold(story.toks.words[last]) in _BS_PLURAL_VERBS:
                return end  # "Ministarstvo zdravstva, policija i vatrogasci su": subjects joined
            return last if last > k + 1 else end
    return end


_BS_PLURAL_VERBS = frozenset(("su", "nisu"))


def _article_and_capital(story: _Story, k: int) -> bool:
    """After the comma at word k, "de la"/"du"/"de l'" and a capital open the next item: the
    list goes on with capitalised items after a lower-case adjective ("de l'Enseignement
    supérieur, de la Recherche et de l'Innovation")."""
    words = story.toks.words
    j = k
    while j < min(story.n, k + 2) and fold(words[j]) in _ITEM_ARTICLES and story.tight(j):
        j += 1
    return j > k and j < story.n and _cased(words[j])


def _lower_list_item(story: _Story, k: int) -> int:
    """End of one lower-case item of a listed complement at word ``k``: a noun after an
    elided article ("l'alimentation"), or an adjective and its noun ("ruralnom razvoju");
    ``k`` when there is none."""
    words, n = story.toks.words, story.n
    j = k
    if story.lang == "fr" and j + 1 < n and fold(words[j]) in ("l", "d") and story.gap_before(j + 1) in ("'", "’"):
        j += 1
    if j >= n or _cased(words[j]) or fold(words[j]) in _STOP_FOLDED or story.kinds_at(j):
        return k
    if j + 1 < n and story.tight(j) and not _cased(words[j + 1]) and (
        fold(words[j]).endswith(_LATIN_ADJ_ENDINGS) or (story.lang == "bs" and bs_adjective(words[j]))
    ) and fold(words[j + 1]) not in _STOP_FOLDED and not story.kinds_at(j + 1):
        return j + 2
    return j + 1


def _list_item(story: _Story, k: int) -> int:
    """End of one item of a name's listed complement at word ``k``: capitalised words, after
    "de la"/"du"/"de l'" when the list repeats them, with lower-case adjectives after them
    ("de la Souveraineté alimentaire"); ``k`` when there is none."""
    words, n = story.toks.words, story.n
    j = k
    while j < min(n, k + 2) and fold(words[j]) in _ITEM_ARTICLES and story.tight(j):
        j += 1
    first = j
    while j < n and _cased(words[j]) and not story.kinds_at(j) and (j == first or story.tight(j - 1)):
        j += 1
    if j == first:
        return k
    while j < n and story.tight(j - 1) and not _cased(words[j]) and fold(words[j]) not in _STOP_FOLDED and (
        not words[j].endswith("ó")  # "publicó": a verb in the preterite
    ) and (fold(words[j]).endswith((*_LATIN_ADJ_ENDINGS, *_FR_MORE_ADJ_ENDINGS)) or _item_goes_on(story, j + 1)):
        j += 1
    return j


def _item_goes_on(story: _Story, j: int) -> bool:
    """Another item of the list follows word ``j - 1`` ("de l'Économie maritime et des
    Transports"): any lower-case word before it belongs to its item."""
    if j >= story.n:
        return False
    return story.gap_before(j) == ", " or (
        story.gap_before(j) == " " and fold(story.toks.words[j]) in ("y", "e", "et")
    )


# What opens a listed item in French and Spanish: "de la", "du", "de l'", "des", "del".
_ITEM_ARTICLES = frozenset(("de", "la", "du", "l", "d", "des", "del"))


# BCS heads named after a person, whose name follows in the nominative ("Instituta Ruđer
# Bošković", "Gimnazija Fra Grge Martića"), by stem.
def _employer_of_title(story: _Story, head: int) -> bool:
    """The head at word ``head`` follows a title ("direktor Zavoda", "Epidemiologinja
    Zavoda"): the employer, in the genitive, and the name after it is the title's person, not
    the one the body is named after."""
    return head > 0 and story.tight(head - 1) and "title" in story.kinds_at(head - 1)


_BS_NAMESAKE_HEADS = tuple(fold(w) for w in (
    "institut", "zavod", "gimnazij", "škol", "klinik", "bolnic", "fondacij", "zaklad", "muzej",
    "univerzitet", "sveučilišt",
))


# BCS auxiliaries and negated verbs after a head: "Vlada neće produljiti" ends the name.
_BS_AUXILIARIES = frozenset(fold(w) for w in (
    "je", "su", "će", "neće", "nije", "nisu", "bi", "ne", "smo", "ste", "ćemo", "ćete", "nema",
    "mora", "može", "treba", "želi",
))


# Prepositions inside BCS names: "Služba za poslove sa strancima".
_BS_PREPOSITIONS = frozenset(("za", "sa", "s", "o"))


# Endings of a BCS noun in the genitive after a head ("Vijeće ministara", "Ministarstvo
# pravde") and of past participles, which end the same way ("usvojila").
_BS_GENITIVE = ("a", "e", "i")
_BS_PARTICIPLE = ("la", "lo", "li", "le", "io", "ao", "ju", "ji")
# Passive participles: "zakazana", "usvojen", "potpisani".
_BS_PASSIVE = ("ana", "ena", "ano", "eno", "ani", "eni", "ane", "ene", "an", "en")


# Heads of a government's ministries: "of <country>" after their complement says whose
# ministry it is; any other body's name carries its country (the fullest name).
_MINISTRY_HEADS = frozenset(fold(w) for w in ("Ministerio", "Secretaría", "Ministère", "Ministre"))


def _without_country(story: _Story, head_end: int, end: int) -> int:
    """A ministry's name with a complement of its own ends before a final "de <country>":
    "Secretaría de Hacienda y Crédito Público de México" is the ministry of Mexico, not its
    name (but "Banco de España" keeps its country, the only complement it has, and other
    bodies keep theirs: "Cámara de Minería del Ecuador")."""
    words = story.toks.words
    if end - head_end < 3 or story.lang == "bs" or fold(words[end - 2]) not in ("de", "del", "d"):
        return end
    if fold(words[head_end - 1]) not in _MINISTRY_HEADS:
        return end  # "Cámara de Minería del Ecuador", "Instituto Nacional de Astrofísica de Italia": its name
    if not any(fold(w) in _CONNECTORS for w in words[head_end:end - 2]):
        return end  # "Banco Central de Chile": the country is its only complement
    owner = story.owner[end - 1]
    if owner < 0 or story.matches[owner].start != end - 1 or story.matches[owner].end != end or not any(
        isinstance(p, PlaceName) and p.place.kind == "country" and not p.adjective
        for p in story.matches[owner].payloads
    ):
        return end
    return end - 2


def _compound_adjective(story: _Story, k: int) -> bool:
    """Words k-1 and k are the halves of a compound adjective of a region, joined by a
    hyphen: "Unsko-sanskog", "Hercegovačko-neretvanskog"."""
    words = story.toks.words
    return (
        story.gap_before(k) == "-" and words[k - 1].endswith("o") and bs_adjective(words[k - 1])
        and words[k][:1].islower() and _oblique_adjective(words[k])
    )


def _oblique_adjective(word: str) -> bool:
    """A capitalised adjective in an oblique case: "Tuzlanskog", "Unsko-sanskog", "Islamske",
    "Parlamentarne" (not a noun in the genitive, "Hercegovine")."""
    return bs_adjective(word) and word.lower().endswith(
        ("og", "oga", "ih", "im", "om", "oj", "ome", "omu", "ske", "čke", "ške", "ćke",
         # the feminine genitive of adjectives in -n: "Parlamentarne skupštine", "Državne
         # agencije" (a noun in -ine/-sne, "Hercegovine", "Bosne", is none)
         "rne", "lne", "vne", "dne", "jne", "žne", "čne")
    )


def _person_word(story: _Story, k: int) -> bool:
    """Word k is part of a personal name found in the story."""
    return PERSON in story.kinds_at(k)


def lower_noun_before(words: list[str], k: int, end: int) -> bool:
    """The word before k is a lower-case word of the name's complement: "uprava civilne
    zaštite | Tuzlanskog kantona"."""
    return k - 1 >= end and not _cased(words[k - 1])


def _person_follows(story: _Story, k: int) -> bool:
    """Words k and k+1 are capitalised, tight and no place: a personal name (not a head and
    an acronym, "Parlamenta FBiH")."""
    words = story.toks.words
    return (
        k + 1 < story.n and _is_name_word(words[k]) and _is_name_word(words[k + 1])
        and story.tight(k) and not (story.kinds_at(k) | story.kinds_at(k + 1)) & _NOT_A_NAME_KINDS
        and not _acronym(words[k + 1])
    )


_ES_NAMESAKE_HEADS = frozenset(fold(w) for w in (
    "Hospital", "Fundación", "Colegio", "Escuela", "Liceo", "Estadio", "Museo", "Premio", "Cátedra", "Clínica",
))


def _es_full_name_at(story: _Story, k: int) -> bool:
    """Words k..k+2 are a Spanish full name, a given name and two surnames, that ends the
    capitalised run: three name words no place, body or title, one space apart."""
    words = story.toks.words
    return k + 3 <= story.n and _person_follows(story, k) and _person_follows(story, k + 1) and (
        story.gap_before(k + 1) == " " and story.gap_before(k + 2) == " "
    ) and not (k + 3 < story.n and story.tight(k + 2) and _cased(words[k + 3]))


def _seat_after(story: _Story, k: int) -> bool:
    """Word k+1, after "u" at word k, is a town in the locative that ends the sentence's
    subject: "Županijski sud u Splitu osudio je" (a court, a university named by its seat)."""
    words = story.toks.words
    return (
        k + 2 < story.n and story.tight(k) and _cased(words[k + 1]) and "place" in story.kinds_at(k + 1)
        and story.matches[story.owner[k + 1]].end == k + 2 and _seated_head(fold(words[k - 1]))
    )


def _seated_head(folded: str) -> bool:
    """A head named by its seat, in any case ("fakulteta", "Sveučilišta", "sudu")."""
    return any(
        folded.startswith(stem) and len(folded) - len(stem) <= _MAX_CASE_ENDING for stem in _SEATED_STEMS
    )


# Heads a Bosnian/Croatian institution names by its seat, by stem: "Općinski sud u Mostaru",
# "Filozofskog fakulteta u Zagrebu".
_SEATED_STEMS = tuple(fold(w) for w in (
    "sud", "univerzitet", "sveučilišt", "fakultet", "tužilaštv", "tužiteljstv", "odvjetništv",
    "bolnic", "konzulat", "ambasad", "veleposlanstv",
))


_NOT_A_NAME_KINDS = frozenset({"place", "adj", "org_start", "org_end", ORGANISATION})


def _acronym(word: str) -> bool:
    """Two capitals or more: "BiH", "FBiH", "HNS"."""
    return sum(1 for c in word if c.isupper()) >= 2


def _bs_org_head_start(story: _Story, start: int) -> int:
    """Adjectives before a Bosnian/Croatian head: "Državni zavod", "Hrvatska turistička
    zajednica"."""
    words = story.toks.words
    k = start
    while k > 0 and start - k < 2 and story.tight(k - 1):
        prev = words[k - 1]
        if "title" in story.kinds_at(k - 1) or fold(prev) in _STOP_FOLDED:
            break  # "Predsjednica Uprave Podravke": the title is not part
        if fold(prev).endswith(_LATIN_ADJ_ENDINGS) or (_cased(prev) and bs_adjective(prev)):
            k -= 1  # "Ustavnim sudom", "Granične policije", "Parlamentarnoj skupštini"
        elif k == start and not _cased(words[start]) and _cased(prev) and story.free(k - 1) and (
            story.sentence_start(k - 1) != k - 1
        ):
            k -= 1  # "analitičari Erste banke": a name before a lower-case head
            break
        else:
            break
    while k < start and not _cased(words[k]):
        k += 1
    return k


# A Bosnian/Croatian adjective in any case: "Ustavnim", "Vrhovnom", "Granične", "Hrvatski".
_BS_ADJECTIVE_RE = re.compile(r"(?:sk|čk|ck|šk|ńsk|n|v|j|rn)(?:i|a|o|e|u|og|om|oj|im|ih|oga|omu|ome|ima)$")


def bs_adjective(word: str) -> bool:
    return len(word) > 4 and _BS_ADJECTIVE_RE.search(word.lower()) is not None


# Case endings of a Bosnian/Croatian adjective, longest first ("Parlamentarnoj" -> "Parlamentarn").
_BS_ADJ_CASE_ENDINGS = ("oga", "ome", "omu", "oj", "om", "og", "im", "ih", "e", "u", "i", "a", "o")


def bs_nominative(story: _Story, start: int, end: int, name: str) -> str:
    """An organisation named in an oblique case back in the nominative: the head takes the
    cue word's own form and adjectives before it agree ("Parlamentu Federacije BiH" ->
    "Parlament Federacije BiH", "Parlamentarnoj skupštini BiH" -> "Parlamentarna skupština
    BiH"); the genitive after the head stays as written."""
    words = story.toks.words
    head = next((k for k in range(start, end) if "org_start" in story.kinds_at(k)), None)
    if head is None or any(_BS_HEAD_WORD_RE.match(w) for w in words[start:head]):
        return name  # "Medžlis Islamske zajednice": the head is the first noun, already nominative
    match = story.matches[story.owner[head]]
    if match.end - match.start != 1:
        return name
    cue = next((p.word for p in match.payloads if isinstance(p, _Cue) and p.kind == "org_start"), None)
    written = words[head]
    if cue is None or " " in cue or fold(cue) == fold(written) or not fold(written).startswith(
        fold(cue)[:-1]
    ):
        return name
    nominative = (written[0] + cue[1:]) if len(cue) > 1 else cue
    ending = _bs_gender_ending(cue)
    out = _bs_agreeing(words[start:head], ending)
    out.append(nominative)
    toks = story.toks
    rest = toks.text[toks.ends[head]:toks.ends[end - 1]] if end - 1 > head else ""
    return " ".join(out) + rest


def _bs_gender_ending(lemma: str) -> str:
    """The nominative ending of an adjective agreeing with the noun ``lemma``."""
    return "a" if lemma.endswith("a") else ("o" if lemma.endswith(("o", "e")) else "i")


def _bs_agreeing(words: list[str], ending: str) -> list[str]:
    """Adjectives before a head back in the nominative with the head's ending; other words
    ("Erste" in "Erste banke") as written."""
    out = []
    for word in words:
        folded = fold(word)
        if not bs_adjective(word) and not folded.endswith(_LATIN_ADJ_ENDINGS):
            out.append(word)
            continue
        stem = next(
            (word[: -len(e)] for e in _BS_ADJ_CASE_ENDINGS if folded.endswith(e) and len(word) > len(e) + 2), word
        )
        out.append(stem + ending)
    return out


# Heads the cue list does not carry, by stem, with their nominative: "Tužilaštvo BiH",
# "Granične policije BiH", "Službi za poslove sa strancima", "na Sarajevskoj berzi".
_BS_MORE_HEADS: dict[str, str] = {
    "tužilaštv": "tužilaštvo", "tužiteljstv": "tužiteljstvo", "policij": "policija", "služb": "služba",
    "sabor": "sabor", "berz": "berza", "burz": "burza", "elektroprivred": "elektroprivreda",
    "medžlis": "medžlis",
    # round 12: "Klinički bolnički centar Osijek", "Hrvatska zaklada za znanost", "Sarajevska
    # filharmonija", "Kantonalni štab civilne zaštite", "Muzička akademija", "Filozofski fakultet"
    "centar": "centar", "centr": "centar", "zaklad": "zaklada", "filharmonij": "filharmonija",
    "štab": "štab", "akademij": "akademija", "fakultet": "fakultet",
}
_BS_MORE_HEADS = {fold(stem): lemma for stem, lemma in _BS_MORE_HEADS.items()}
_BS_HEAD_PREFIX_RE = re.compile("|".join(sorted(_BS_MORE_HEADS, key=len, reverse=True)))
# The same heads as written (with or without diacritics), at a word's start, any case.
_BS_HEAD_WORD_RE = re.compile(
    r"(?=[abcefmpstzš])"  # the alternatives' first letters: see words._opening
    r"(?<!\w)(?:tu[žz]ila[šs]tv|tu[žz]iteljstv|policij|slu[žz]b|sabor|berz|burz|elektroprivred|med[žz]lis|"
    r"centa?r|zaklad|filharmonij|[šs]tab|akademij|fakultet)",
    re.IGNORECASE,
)
_MAX_CASE_ENDING = 3
# The case endings of the nouns above, after their stem ("centr-a", "zaklad-om", "tužilaštv-o").
_BS_NOUN_CASE_ENDINGS = frozenset(("", "a", "e", "i", "o", "u", "om", "em", "ama", "ima", "ar"))
# Bodies every company has: the company is the genitive after them ("Uprave Podravke",
# "Glavna skupština Podravke"); a body of shareholders names nothing ("Skupština dioničara").
_BS_COMPANY_BODIES = ("uprav", "skupstin")
_BS_SHAREHOLDERS = frozenset(("dionicara", "akcionara", "clanova"))


def bs_more_heads(story: _Story) -> list[tuple[int, int, int, str]]:
    """``(start, end, confidence, nominative name)`` of organisations with one of the heads
    above, adjectives before it and its complement after it."""
    words = story.toks.words
    out: list[tuple[int, int, int, str]] = []
    for m in _BS_HEAD_WORD_RE.finditer(story.text):
        k = _token_at(story.toks, m.start())
        word = words[k]
        folded = fold(word)
        hit = _BS_HEAD_PREFIX_RE.match(folded)
        if hit is None or folded[hit.end():] not in _BS_NOUN_CASE_ENDINGS or not story.free(k):
            continue  # "Policijska uprava", "Centralne banke": an adjective of the stem, no head
        start = _bs_org_head_start(story, k)
        end = _romance_org_tail(story, k + 1)
        if end > k + 1 and not _cased(words[k + 1]) and fold(words[k + 1]) not in _BS_PREPOSITIONS and not (
            bs_adjective(words[k + 1])  # "štab civilne zaštite": the complement's adjective
        ) and not _seat_after(story, k + 1):  # "fakulteta u Zagrebu": the seat
            end = k + 1  # "Tužilaštvo tereti ...": a verb, not a complement
        if not any(_cased(w) for w in words[start:end]) or (start == k and (not _cased(word) or end == k + 1)):
            continue  # a head alone is a common noun ("Štab je zasjedao")
        lemma = _BS_MORE_HEADS[hit.group()]
        head = (word[0] if word[0].isupper() else lemma[0]) + lemma[1:]
        toks = story.toks
        rest = toks.text[toks.ends[k]:toks.ends[end - 1]] if end - 1 > k else ""
        agreeing = [*_bs_agreeing(words[start:k], _bs_gender_ending(lemma)), head]
        for j in range(start, k):
            if story.gap_before(j + 1) == "-":
                agreeing[j - start] = words[j]  # "Prirodoslovno-matematički": the first half stays
        name = agreeing[0] + "".join(story.gap_before(j) + w for j, w in zip(range(start + 1, k + 1), agreeing[1:],
                                                                           strict=True)) + rest
        out.append((start, end, 60, name))
    return out


def bs_town_bodies(story: _Story) -> list[tuple[int, int, int, str]]:
    """``(start, end, confidence, nominative name)`` of a town's or municipality's
    administration: "Grad" or "Općina" with a capital, in any case, before a town the
    gazetteer knows ("Grad Split osigurao je", "Gradu Osijeku", "Općine Kakanj")."""
    words = story.toks.words
    out: list[tuple[int, int, int, str]] = []
    for k in range(story.n - 1):
        head = _BS_TOWN_BODY_HEADS.get(words[k])
        if head is None or not story.free(k) or story.gap_before(k + 1) != " ":
            continue
        if k > 0 and story.gap_before(k) == " " and words[k - 1][:1].islower() and fold(words[k - 1]) not in (
            _BS_BEFORE_TOWN_BODY
        ):
            continue  # "Štab civilne zaštite Grada Tuzle": part of a longer name
        idx = story.owner[k + 1]
        if idx < 0:
            # a town beyond the curated gazetteer, written in the nominative ("Općine Kakanj")
            weak = weak_index().at(words, k + 1, "bs") if story.free(k + 1) else None
            if weak is not None and len(weak.words) == 1 and weak.spelling == words[k + 1]:
                out.append((k, k + 2, 60, f"{head} {weak.spelling}"))
            continue
        if story.matches[idx].start != k + 1 or story.matches[idx].end != k + 2:
            continue
        names = [p for p in story.matches[idx].payloads if isinstance(p, PlaceName) and p.place.kind == "city"]
        if not names:
            continue
        out.append((k, k + 2, 60, f"{head} {names[0].place.name_in('bs')}"))
    return out


# Lower-case words a town's administration may follow (else it is inside a longer name).
_BS_BEFORE_TOWN_BODY = _BS_AUXILIARIES | _BS_PREPOSITIONS | frozenset(
    ("i", "a", "te", "ili", "u", "iz", "od", "do", "kod", "prema", "na")
)
# The capitalised heads of a town's administration, in their cases, with the nominative.
_BS_TOWN_BODY_HEADS = {
    form: lemma
    for lemma, forms in (
        ("Grad", ("Grad", "Grada", "Gradu", "Gradom")),
        ("Općina", ("Općina", "Općine", "Općini", "Općinu", "Općinom")),
        ("Opština", ("Opština", "Opštine", "Opštini", "Opštinu", "Opštinom")),
    )
    for form in forms
}


def bs_genitive_nominative(word: str) -> str:
    """A proper noun in the genitive back in the nominative, by the common declensions:
    "Podravke" -> "Podravka", "Mosta" -> "Most", "Telecoma" -> "Telecom"."""
    if len(word) <= 3 or not word[-1:].islower():
        return word
    if word.endswith("e"):
        return word[:-1] + "a"
    if word.endswith("a") and word[-2:-1] not in "aeiou":
        return word[:-1]
    return word


def bs_employers(story: _Story) -> list[tuple[int, int, int, str]]:
    """The organisation between a title and a name, in the genitive: "Predsjednica Mosta
    Ivana Kralj-Perić" -> "Most", "direktorica BH Telecoma Lejla X" -> "BH Telecom"; and
    the company after one of its bodies ("Uprave Podravke", "Glavna skupština Podravke")."""
    words = story.toks.words
    out: list[tuple[int, int, int, str]] = []
    for m, cues in story.cued:
        kinds = {c.kind for c in cues}
        j = m.end
        if j >= story.n or not story.tight(j - 1):
            continue
        if "title" in kinds and not fold(words[m.start]).startswith(_TITLES_OF_PLACES) and (
            story.gap_before(m.start) != "-" and story.gap_before(j) != "-"  # "Ivana Kralj-Perić"
        ):
            end = story.run_forward(j, 5)
            name_start = bs_name_start(story, j, end)
            if name_start == end - 2 and name_start > j and story.tight(name_start - 1) and _ic_pair(story, name_start):
                name_start -= 1  # "pročelnica Danijela Perišić Matić": a given name, no employer
            employer = range(j, name_start)
            if name_start < end and len(employer) in (1, 2) and all(story.free(x) for x in employer) and not (
                any(_person_follows(story, x) for x in range(j, name_start - 1))
            ):
                out.append((j, name_start, 60, _employer_name(story, j, name_start)))
        elif "org_start" in kinds and _company_body(story, m.start):
            body = _bs_org_head_start(story, m.start)
            if fold(words[j]) in _BS_SHAREHOLDERS:
                out.append((body, j + 1, 0, ""))  # claimed, named nothing
            elif _cased(words[j]) and not _acronym(words[j]):
                out.append((body, j, 0, ""))
                if story.free(j) and (
                    j + 1 >= story.n or not story.tight(j) or _cased(words[j + 1]) or not bs_adjective(words[j + 1])
                ):
                    out.append((j, j + 1, 60, bs_genitive_nominative(words[j])))
                # else "Godišnja skupština Hrvatske turističke zajednice": the head finds it
    return out


# Titles whose genitive is a place, not an employer: "gradonačelnika Makarske".
_TITLES_OF_PLACES = tuple(fold(w) for w in (
    "gradonačeln", "načeln", "župan", "ambasador", "veleposlan", "premijer", "kralj", "biskup",
))


def _company_body(story: _Story, k: int) -> bool:
    """Word k is a board or a general meeting ("Uprave", "Glavna skupština"), not a
    parliament ("Skupština Kantona Sarajevo")."""
    folded = fold(story.toks.words[k])
    if folded.startswith("uprav"):
        return True
    return folded.startswith("skupstin") and (
        (k > 0 and fold(story.toks.words[k - 1]) in _MEETINGS)
        or (k + 1 < story.n and fold(story.toks.words[k + 1]) in _BS_SHAREHOLDERS)
    )


# A general or annual meeting: "Glavna skupština", "Godišnja skupština".
_MEETINGS = frozenset(fold(w) for w in ("glavna", "godišnja", "izvanredna", "vanredna", "redovna"))


def _employer_name(story: _Story, i: int, j: int) -> str:
    words = story.toks.words
    last = words[j - 1]
    toks = story.toks
    return toks.text[toks.starts[i]:toks.starts[j - 1]] + bs_genitive_nominative(last)


_IC = ("ic", "ica", "icu", "icem", "ici")  # "-ić" surnames and their cases, folded


def _ic_pair(story: _Story, k: int) -> bool:
    """Words k and k + 1 are both "-ić" surnames and the word before them is not: an
    unhyphenated double surname after its given name ("trener Sarajeva Mirza Hasanbegović
    Begić")."""
    words = story.toks.words
    return all(fold(words[x]).endswith(_IC) for x in (k, k + 1)) and not fold(words[k - 1]).endswith(_IC)


def _pair_recurs(story: _Story, k: int) -> bool:
    """Words k and k + 1 stand together again elsewhere in the story, without the word
    before them: an unhyphenated double surname ("Šimić Perić")."""
    words, toks = story.toks.words, story.toks
    first, second = words[k], words[k + 1]
    return any(
        words[x] == first and words[x + 1] == second and story.tight(x)
        and not (x > 0 and story.tight(x - 1) and _is_name_word(words[x - 1]))
        for x in range(story.n - 1) if x != k and toks.starts[x] != toks.starts[k]
    )


def bs_name_start(story: _Story, i: int, j: int) -> int:
    """Where the last two name units of the run i..j start (j when it has fewer): a
    Bosnian/Croatian name is a first name and a surname, which may be double-barrelled."""
    units = 0
    k = j
    while k > i:
        k -= 1
        if story.gap_before(k) == "-" and k > i:
            continue
        units += 1
        if units == 2:
            return k
    return j


# Case endings written after an acronym with a hyphen: "SDP-a", "HDZ-u", "NATO-om" (see
# _DECLINED_ACRONYM_RE).
# Acronyms of things, not names: gross domestic product, value added tax, the currency.
_NOT_NAMES = frozenset(("BDP", "PDV", "KM", "BDV", "EUR", "PIB"))


def bs_inflected_acronyms(story: _Story) -> list[tuple[int, int, int, str]]:
    """An acronym declined with a hyphen is a name ("Klub zastupnika SDP-a"): the acronym
    alone, unless the matcher knows it (a country, "SAD-a")."""
    out: list[tuple[int, int, int, str]] = []
    for m in _DECLINED_ACRONYM_RE.finditer(story.text):
        k = _token_at(story.toks, m.start())
        word = m.group(1)
        if story.free(k) and word not in _NOT_NAMES and k + 1 < story.n:
            out.append((k, k + 2, 55, word))
    return out


_DECLINED_ACRONYM_RE = re.compile(r"(?=[A-ZČĆŽŠĐ])(?<![\w-])([A-ZČĆŽŠĐ]{2,})-(?:a|u|om|e)(?!\w)")


def bs_territory(words: list[str]) -> bool:
    """"Federacija BiH", "Federacije Bosne i Hercegovine": the entity, a territory (its
    government, parliament and ministries are the organisations)."""
    return fold(words[0]).startswith("federacij") and all(
        _acronym(w) or fold(w) in _CONNECTORS or fold(w).startswith(("bosn", "hercegovin")) for w in words[1:]
    )


def bs_medium_nominative(words: list[str], name: str) -> str:
    """A broadcaster in the accusative after "za": "za Novu TV" -> "Nova TV"."""
    if len(words) == 2 and _acronym(words[1]) and words[0].endswith(("nu", "vu", "ku", "ju")):
        return words[0][:-1] + "a " + words[1]
    return name


# Heads of French and Spanish organisation names the shared cue lists leave out: courts,
# prosecutors, regional chambers, foundations, associations, hospitals, theatres.
_ROMANCE_MORE_HEADS: dict[str, frozenset[str]] = {
    "es": frozenset((
        "Fiscalía", "Fundación", "Asociación", "Juzgado", "Audiencia", "Parlamento", "Diputación",
        "Cortes", "Contraloría", "Procuraduría", "Defensoría", "Superintendencia", "Dirección",
        "Coordinadora", "Consejería", "Gobernación", "Policía", "Hospital", "Colegio",
        "Cabildo", "Concejo", "Sala", "Poder", "Teatro", "Biblioteca", "Escuela",
    )),
    "fr": frozenset((
        "Fondation", "Association", "Préfecture", "Conservatoire", "Théâtre", "Opéra", "Bibliothèque",
        "Hôpital", "École", "Ecole", "Caisse", "Régie", "Collectif", "Coordination", "Chancellerie",
        "Parlement", "Gendarmerie", "Police",
    )),
}


def romance_more_heads(story: _Story) -> list[tuple[int, int, int]]:
    """``(start, end, confidence)`` of French and Spanish names opening with one of the
    heads above and going on with a complement or a capitalised word ("Audiencia de
    Barcelona", "Poder Judicial de Perú", "Fondation Leenaards"); a head alone is a common
    noun."""
    heads = _ROMANCE_MORE_HEADS.get(story.lang or "")
    if not heads:
        return []
    words = story.toks.words
    out: list[tuple[int, int, int]] = []
    for k, word in enumerate(words[:-1]):
        if word not in heads or not story.free(k) or not story.tight(k):
            continue
        end = _romance_org_tail(story, k + 1)
        if end > k + 1 and any(_cased(w) for w in words[k + 1:end]):
            out.append((k, end, 60))
    return out



# French state bodies written in lower case and named by their seat: courts, prosecutors,
# prefectures, regional audit chambers, a canton's police ("tribunal correctionnel de Lyon",
# "parquet d'Abidjan", "préfecture du Rhône", "chambre régionale des comptes Occitanie",
# "police cantonale valaisanne"). Without the seat they are common nouns ("le parquet a
# requis"). The Swiss cantonal parliament is capitalised but also named by its canton.
_FR_SEATED_BODIES: tuple[tuple[str, ...], ...] = (
    ("tribunal",), ("cour", "d", "appel"), ("cour", "d", "assises"), ("parquet",), ("préfecture",),
    ("sous-préfecture",), ("chambre", "régionale", "des", "comptes"), ("police", "cantonale"),
    ("Grand", "Conseil"),
)
_FR_SEATED_FIRST_WORDS = frozenset(head[0] for head in _FR_SEATED_BODIES)
# What kind of court: "tribunal correctionnel", "tribunal administratif de Paris".
_FR_COURT_KINDS = frozenset((
    "correctionnel", "administratif", "judiciaire", "cantonal", "pénal", "civil", "criminel",
    "régional", "fédéral", "militaire",
))
_FR_OF = frozenset(("de", "du", "d", "des"))
# The adjectives of the 26 Swiss cantons, every gender and number folded to one stem test
# (a canton's body is named by its adjective: "police cantonale valaisanne").
_FR_CANTON_ADJECTIVES = tuple(fold(w) for w in (
    "valaisan", "genevois", "vaudois", "fribourgeois", "neuchâtelois", "jurassien", "bernois",
    "bâlois", "zurichois", "tessinois", "lucernois", "soleurois", "argovien", "thurgovien",
    "saint-gallois", "grison", "schwytzois", "zougois", "glaronais", "uranais", "obwaldien",
    "nidwaldien", "appenzellois", "schaffhousois",
))


def _fr_canton_adjective(word: str) -> bool:
    folded = fold(word)
    return any(folded.startswith(stem) and len(folded) - len(stem) <= 3 for stem in _FR_CANTON_ADJECTIVES)


def _fr_seat_end(story: _Story, k: int, bare: bool) -> int:
    """The end of the seat that names a body, from word k ("de Lyon", "du Rhône", "d'Abidjan",
    "valaisanne"; with ``bare``, also a region without "de": "Occitanie"); k when no seat
    follows."""
    words = story.toks.words
    if k < story.n and not _cased(words[k]) and _fr_canton_adjective(words[k]):
        return k + 1
    j = k + 1 if k < story.n and words[k] in _FR_OF and story.tight(k) else k
    if j == k and not bare:
        return k
    end = j
    while end < story.n and _cased(words[end]) and (story.free(end) or "place" in story.kinds_at(end)) and (
        end == j or story.gap_before(end) == "-"  # "Auvergne-Rhône-Alpes"
    ) and not story.kinds_at(end) & {PERSON, "title", "say"}:
        end += 1
    return end if end > j else k


def fr_seated_bodies(story: _Story) -> list[tuple[int, int, int]]:
    """``(start, end, confidence)`` of the French bodies above named with their seat."""
    if story.lang != "fr":
        return []
    words = story.toks.words
    out: list[tuple[int, int, int]] = []
    for k, word in enumerate(words):
        if word not in _FR_SEATED_FIRST_WORDS:
            continue
        for head in _FR_SEATED_BODIES:
            if word != head[0] or tuple(words[k:k + len(head)]) != head or not story.free(k):
                continue
            after = k + len(head)
            if head == ("tribunal",) and after < story.n and words[after] in _FR_COURT_KINDS:
                after += 1
            end = _fr_seat_end(story, after, bare=head[-1] == "comptes")
            if end > after:
                out.append((k, end, 60))
    return out


# French clubs named by a head and their town's adjective in lower case: "Stade brestois",
# "Stade toulousain", "Olympique lyonnais", "Racing club"-style heads excluded (no adjective).
_FR_CLUB_HEADS = frozenset(("Stade", "Olympique", "Sporting"))
_FR_DEMONYM_ENDINGS = ("ais", "aise", "ois", "oise", "ain", "aine", "ien", "ienne", "in", "ine")


def fr_club_by_adjective(spelling: str) -> bool:
    """``spelling`` is a French club's head and its town's adjective ("Stade brestois")."""
    parts = spelling.split()
    return len(parts) == 2 and parts[0] in _FR_CLUB_HEADS and parts[1].islower() and (
        parts[1].endswith(_FR_DEMONYM_ENDINGS) and len(parts[1]) >= 6
    )


def fr_clubs_by_adjective(story: _Story) -> list[tuple[int, int, int]]:
    """``(start, end, confidence)`` of the clubs above ("le Stade brestois a battu ...")."""
    words = story.toks.words
    return [
        (k, k + 2, 60) for k in range(story.n - 1)
        if words[k] in _FR_CLUB_HEADS and story.tight(k) and story.free(k + 1)
        and fr_club_by_adjective(f"{words[k]} {words[k + 1]}")
    ]
