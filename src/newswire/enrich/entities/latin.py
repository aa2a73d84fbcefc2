"""French, Spanish and Bosnian/Croatian: organisation names that open with their head
("Institut national de la statistique", "Ministarstvo turizma i sporta").
"""

from __future__ import annotations

from newswire.enrich.entities.story import _cased, _Cue, _is_name_word, _Story
from newswire.enrich.entities.words import _CONJUNCTIONS, _CONNECTORS, _LATIN_ADJ_ENDINGS, _STOP_FOLDED
from newswire.vocab.people_orgs import PERSON
from newswire.vocab.places import PlaceName, fold


def _romance_org_tail(story: _Story, end: int) -> int:
    """Words after an organisation head in fr/es/bs: capitalised words, connectors, a noun
    right after the head or a connector, adjectives ("Institut national de la statistique")."""
    words = story.toks.words
    k = end
    last_good = end
    lower_ok = story.lang == "bs"
    lower_noun = False  # the last word taken was a lower-case noun ("turizma")
    while k < story.n and k - end < 8 and story.tight(k - 1):
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
        if folded in _CONNECTORS:
            k += 1
            # "Ministarstvo turizma i sporta": a conjunction joins a second noun like the first
            lower_ok = folded not in _CONJUNCTIONS or lower_noun
            lower_noun = False
            continue
        if folded in _STOP_FOLDED or folded in _BS_AUXILIARIES or (story.lang == "es" and word.endswith("ó")):
            break  # "Banco de España publicó": a verb in the preterite ("-ico" is no adjective)
        if (
            (k == end and k + 1 < story.n and story.gap_before(k + 1) == " ")  # not "Banque Rhône-Alpes"
            or (k > end and not _cased(words[k - 1]) and fold(words[k - 1]) not in _CONNECTORS)
        ) and _cased(word) and _person_follows(story, k):
            # "Predsjedavajući Vijeća ministara Mirza Kovačević", "predsjedavajuća
            # Predsjedništva Amela Softić-Hadžić": the name is not part
            break
        if story.lang == "bs" and not _cased(word) and k > end and _cased(words[k - 1]):
            break  # "Upravno vijeće CBBiH zakazana je": after a name's last word, the predicate
        if story.lang == "bs" and k > end and _acronym(words[k - 1]) and _person_follows(story, k):
            break  # "Savez samostalnih sindikata BiH Selvedin Karić": the name is not part
        if not _cased(word) and lower_ok and story.lang == "bs" and not folded.endswith(_LATIN_ADJ_ENDINGS) and (
            not folded.endswith(_BS_GENITIVE) or folded.endswith(_BS_PARTICIPLE)
        ):
            break  # "Parlamentarna skupština usvoji": a verb, not the head's genitive complement
        if _cased(word) or lower_ok or folded.endswith(_LATIN_ADJ_ENDINGS):
            adjective = not _cased(word) and folded.endswith(_LATIN_ADJ_ENDINGS)
            lower_noun = lower_ok and not _cased(word) and not adjective
            k += 1
            last_good = k
            # an adjective keeps the noun it qualifies allowed: "Ured visokog predstavnika"
            lower_ok = lower_ok and adjective and story.lang == "bs" and k - 1 == end
            continue
        break
    return _without_country(story, end, last_good)


# BCS auxiliaries and negated verbs after a head: "Vlada neće produljiti" ends the name.
_BS_AUXILIARIES = frozenset(fold(w) for w in (
    "je", "su", "će", "neće", "nije", "nisu", "bi", "ne", "smo", "ste", "ćemo", "ćete", "nema",
    "mora", "može", "treba", "želi",
))


# Endings of a BCS noun in the genitive after a head ("Vijeće ministara", "Ministarstvo
# pravde") and of past participles, which end the same way ("usvojila").
_BS_GENITIVE = ("a", "e", "i")
_BS_PARTICIPLE = ("la", "lo", "li", "le", "io", "ao", "ju", "ji")


def _without_country(story: _Story, head_end: int, end: int) -> int:
    """A name with a complement of its own ends before a final "de <country>": "Secretaría
    de Hacienda y Crédito Público de México" is the ministry of Mexico, not its name (but
    "Banco de España" keeps its country, the only complement it has)."""
    words = story.toks.words
    if end - head_end < 3 or story.lang == "bs" or fold(words[end - 2]) not in ("de", "del", "d"):
        return end
    if not any(fold(w) in _CONNECTORS for w in words[head_end:end - 2]):
        return end  # "Banco Central de Chile": the country is its only complement
    owner = story.owner[end - 1]
    if owner < 0 or story.matches[owner].start != end - 1 or story.matches[owner].end != end or not any(
        isinstance(p, PlaceName) and p.place.kind == "country" and not p.adjective
        for p in story.matches[owner].payloads
    ):
        return end
    return end - 2


def _person_follows(story: _Story, k: int) -> bool:
    """Words k and k+1 are capitalised, tight and no place: a personal name (not a head and
    an acronym, "Parlamenta FBiH")."""
    words = story.toks.words
    return (
        k + 1 < story.n and _is_name_word(words[k]) and _is_name_word(words[k + 1])
        and story.tight(k) and not (story.kinds_at(k) | story.kinds_at(k + 1)) & _NOT_A_NAME_KINDS
        and not _acronym(words[k + 1])
    )


def _seat_after(story: _Story, k: int) -> bool:
    """Word k+1, after "u" at word k, is a town in the locative that ends the sentence's
    subject: "Županijski sud u Splitu osudio je" (a court, a university named by its seat)."""
    words = story.toks.words
    return (
        k + 2 < story.n and story.tight(k) and _cased(words[k + 1]) and "place" in story.kinds_at(k + 1)
        and story.matches[story.owner[k + 1]].end == k + 2 and _SEATED_HEADS.intersection(
            (fold(words[k - 1]),)) != set()
    )


# Heads a Bosnian/Croatian institution names by its seat: "Općinski sud u Mostaru".
_SEATED_HEADS = frozenset(fold(w) for w in (
    "sud", "univerzitet", "sveučilište", "fakultet", "tužilaštvo", "tužiteljstvo", "odvjetništvo",
    "bolnica", "konzulat", "ambasada", "veleposlanstvo",
))


_NOT_A_NAME_KINDS = frozenset({"place", "adj", "org_start", "org_end"})


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
        if fold(prev).endswith(_LATIN_ADJ_ENDINGS) and fold(prev) not in _STOP_FOLDED:
            k -= 1
        else:
            break
    while k < start and not _cased(words[k]):
        k += 1
    return k


# Case endings of a Bosnian/Croatian adjective, longest first ("Parlamentarnoj" -> "Parlamentarn").
_BS_ADJ_CASE_ENDINGS = ("oga", "ome", "omu", "oj", "om", "og", "im", "ih", "e", "u", "i", "a", "o")


def bs_nominative(story: _Story, start: int, end: int, name: str) -> str:
    """An organisation named in an oblique case back in the nominative: the head takes the
    cue word's own form and adjectives before it agree ("Parlamentu Federacije BiH" ->
    "Parlament Federacije BiH", "Parlamentarnoj skupštini BiH" -> "Parlamentarna skupština
    BiH"); the genitive after the head stays as written."""
    words = story.toks.words
    head = next((k for k in range(start, end) if "org_start" in story.kinds_at(k)), None)
    if head is None:
        return name
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
    ending = "a" if cue.endswith("a") else ("o" if cue.endswith(("o", "e")) else "i")
    out = []
    for k in range(start, head):
        word = words[k]
        folded = fold(word)
        stem = next(
            (word[: -len(e)] for e in _BS_ADJ_CASE_ENDINGS if folded.endswith(e) and len(word) > len(e) + 2), word
        )
        out.append(stem + ending)
    out.append(nominative)
    toks = story.toks
    rest = toks.text[toks.ends[head]:toks.ends[end - 1]] if end - 1 > head else ""
    return " ".join(out) + rest
