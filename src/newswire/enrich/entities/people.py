"""People: names after titles, around speech verbs, in appositions, quote-list captions
and lists of names; later surname-only mentions resolve to the full name.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from newswire.enrich.entities.arabic import ar_preposition_phrase
from newswire.enrich.entities.cues import _ORG_BEFORE, _ORG_START
from newswire.enrich.entities.latin import _IC, _ic_pair, _pair_recurs, bs_name_start
from newswire.enrich.entities.organisations import _VENUE_NOUNS
from newswire.enrich.entities.story import _Acc, _is_name_word, _Story, _token_at
from newswire.enrich.entities.words import (
    _ABBREV,
    _AR_STOP,
    _NOT_A_PERSON_CLAUSE,
    _NOT_ACROSS,
    _PARTICLES,
    _RU_ADJ_ENDINGS,
    _RU_GEN_ENDINGS,
)
from newswire.vocab.people_orgs import ORGANISATION, PERSON
from newswire.vocab.places import WORD_RE, PlaceName, fold, script_of

_MIN_TITLE_CASE_WORDS = 4


def _title_case_headline(text: str) -> int:
    """Where the first line ends when it is a headline in title case ("Premier Says Talks
    Will Resume"), whose capitals say nothing about names; else 0."""
    line = text.split("\n", 1)[0]
    words = [w for w in WORD_RE.findall(line) if not w.isdigit()]
    if len(words) < _MIN_TITLE_CASE_WORDS or "\n" not in text:
        return 0
    capitalised = sum(1 for w in words if w[:1].isupper())
    return len(line) if capitalised == len(words) else 0


# A paragraph that is only a bracketed caption opening with a name, as quote lists print
# the speaker: "(Kari Vestby, chief economist at DNB Markets)".
_CAPTION_RE = re.compile(r"^\(([^\W\d_][^(),\n]{2,60})[,)]", re.M)


def _find_captions(story: _Story, out: list[tuple[int, int, int, str | None]]) -> None:
    if story.caseless or "\n(" not in story.text:
        return
    toks = story.toks
    for m in _CAPTION_RE.finditer(story.text):
        i = _token_at(toks, m.start(1))
        if acronym_glued(story, i):
            continue  # "(UFC-Que Choisir, dans une enquête)": a body's acronym joined to its name
        end = story.run_forward(i, 4, allow_person=True)
        if end - i >= 2 and toks.ends[end - 1] == m.end(1):
            out.append((i, end, 65, None))


def acronym_glued(story: _Story, i: int) -> bool:
    """Word i is an acronym joined by a hyphen to the capitalised word after it ("UFC-Que
    Choisir", "CFDT-Cheminots"): one body's name, no person's."""
    words = story.toks.words
    return i + 1 < story.n and len(words[i]) > 1 and words[i].isupper() and story.gap_before(i + 1) == "-" and (
        words[i + 1][:1].isupper()
    )


_LIST_GAP_RE = re.compile(r"^(?:\s*\([^()\n]{1,20}\))?\s*(?:,\s*(?:and\s+|et\s+|y\s+|und\s+|и\s+)?"
                          r"|\s+(?:and|et|y|und|ve|и|e|i)\s+)$")
_MIN_LIST = 3
_LIST_REACH = 12  # words around a list separator looked at for the names of the list


# A cheap look for the shape before any work: two capitalised words, a list separator, two
# more ("Amina Rahimi, Tomasz Wielgosz", "Ivan Kostic (12, 58), Emre Tasdelen"). The word
# runs are possessive: what follows each (a space, hyphen, bracket or separator) is no word
# character, so giving letters back never matched, only cost a retry per letter.
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞİŁŃŇŐŒŘŚŞŠŢŤŮŰŹŻŽА-ЯЁ"
_LIST_SHAPE_RE = re.compile(
    rf"[{_UPPER}]\w++[ -][{_UPPER}][\w-]*+(?: \([^()\n]{{1,20}}\))?(?:,| and| und| et| y| ve| и| e| i) "
    rf"[{_UPPER}]\w++[ -][{_UPPER}]"
)


# Two names of two words each joined by "and" are a pair of people too ("trafen Jonas
# Hofmeister und Karim Adeyemi-Brandt").
_AND_RE = re.compile(r"\s(?:and|et|y|und|ve|и|e|i)\s")


# Words before a list of places, not of people: "plants near Lake Charles and Corpus Christi".
_LIST_AFTER_PLACE_WORD = frozenset(
    ["in", "near", "outside", "between", "à", "près", "cerca", "en", "bei", "nahe", "u", "kod", "в", "под", "около"]
)


def _find_name_lists(story: _Story, out: list[tuple[int, int, int, str | None]]) -> None:
    """Three or more names of two or three capitalised words in a row, joined by commas and
    "and" ("Amina Rahimi, Tomasz Wielgosz and Hugo Ferrand"; scorers with their minutes,
    "Ivan Kostic (12, 58), Emre Tasdelen (66)"): people, though no cue names them."""
    if story.caseless:
        return
    toks, words = story.toks, story.toks.words
    # only around the places the list shape occurs: a list is a few names long
    reach: list[tuple[int, int]] = []
    for hit in _LIST_SHAPE_RE.finditer(story.text):
        low = max(0, _token_at(toks, hit.start()) - _LIST_REACH)
        high = min(story.n, _token_at(toks, hit.end()) + _LIST_REACH)
        if reach and low <= reach[-1][1]:
            reach[-1] = (reach[-1][0], high)
        else:
            reach.append((low, high))
    if not reach:
        return
    runs: list[tuple[int, int]] = []
    owner = story.owner
    after = 0
    for k in (k for low, high in reach for k in range(low, high)):
        if k < after or owner[k] >= 0 or not _is_name_word(words[k]):
            continue
        end = story.run_forward(k, 4, allow_person=True)
        if end - k >= 2 and all(owner[x] < 0 or PERSON in story.kinds_at(x) for x in range(k, end)):
            runs.append((k, end))
        after = end
    if len(runs) < 2:
        return
    group: list[tuple[int, int]] = []
    paired = False  # the last two runs are joined by "and"
    for run in [*runs, (story.n, story.n)]:
        gap = toks.text[toks.ends[group[-1][1] - 1]:toks.starts[run[0]]] if group and run[0] < story.n else ""
        if group and _LIST_GAP_RE.match(gap):
            group.append(run)
            paired = bool(_AND_RE.search(gap))
            continue
        if (len(group) >= _MIN_LIST or (len(group) == 2 and paired and all(j - i <= 3 for i, j in group))) and not (
            group[0][0] > 0 and words[group[0][0] - 1] in _LIST_AFTER_PLACE_WORD
        ):
            first, second = group[0], group[1]
            size = second[1] - second[0]
            if first[1] - first[0] > size and story.sentence_start(first[0]) == first[0]:
                group[0] = (first[1] - size, first[1])  # "Photographers Amina Rahimi, ..."
            out.extend((i, j, 60, None) for i, j in group if 2 <= j - i <= 3)
        group = [run]


# Articles a name does not follow, but a capitalised noun does (folded).
_BEFORE_NOUNS = frozenset({"der", "die", "das", "des", "dem", "den", "the", "le", "la", "les", "el", "los", "las"})


def _names_no_one(story: _Story, k: int) -> bool:
    """The capitalised word k before a given name is no given name of the same person: an
    acronym or a compound's last half ("ÖGK-Obmann", "l'AFP"), a place, body or title the
    story knows ("ravnatelj KBC-a Split"), the word opening its sentence ("Substitute",
    "Analyst", "Optuženi"; not a bracketed caption, which opens with the name), or in German
    a noun after a lower-case word ("der Schauspieler")."""
    word = story.toks.words[k]
    if word.isupper() or story.gap_before(k) == "-" or not (story.free(k) or PERSON in story.kinds_at(k)):
        return True
    if _opens_name(story, k):
        return True  # "(AP) — Substitute Tyrese X-Y headed": a role, though no sentence opens there
    if story.sentence_start(k) == k:
        return not story.gap_before(k).endswith("(")
    return story.lang == "de" and k > 0 and story.tight(k - 1) and story.toks.words[k - 1].islower()


def _hyphen_joined(story: _Story) -> list[int]:
    """The words (not the first or the last) that a hyphen alone joins to the next one, in
    order: found from the text's hyphens (a few per story), not by testing every word."""
    text, starts, ends, n = story.toks.text, story.toks.starts, story.toks.ends, story.n
    out: list[int] = []
    at = text.find("-")
    while at >= 0:
        k = bisect_left(ends, at)
        if 1 <= k < n - 1 and ends[k] == at and starts[k + 1] == at + 1:
            out.append(k)
        at = text.find("-", at + 1)
    return out


def _find_double_barrelled(story: _Story, out: list[tuple[int, int, int, str | None]]) -> None:
    """A given name and a hyphenated surname of capitalised words, none known as anything
    else ("Callum Osei-Bramwell's shot", "par Théo Marchand-Diallo"): a person, though no
    cue names them. Only that shape: a longer run, an acronym or a lower-case half is left
    to the other finders."""
    if story.caseless or "-" not in story.text:
        return
    words, n = story.toks.words, story.n
    # only the words a hyphen alone joins to the next one: a few per story, not every word
    hyphens = _hyphen_joined(story)
    for k in hyphens:
        if story.gap_before(k) != " ":
            continue
        first = k - 1
        trio = (first, k, k + 1)
        if not all(
            _is_name_word(words[x]) and not words[x].isupper() and len(words[x]) > 1
            and (story.free(x) or PERSON in story.kinds_at(x))
            for x in trio
        ):
            continue
        if first > 0 and story.tight(first - 1) and (
            (_is_name_word(words[first - 1]) and not _names_no_one(story, first - 1))
            or fold(words[first - 1]) in _BEFORE_NOUNS
        ):
            continue  # part of a longer run; "für das Land Nordrhein-Westfalen": a noun
        if k + 2 < n and story.tight(k + 1) and (_is_name_word(words[k + 2]) or story.gap_before(k + 2) == "-"):
            continue
        out.append((first, k + 2, 55, None))


# A determiner, one or two lower-case words (a noun, an adjective) and a capitalised word:
# where "el periodista Rubén Valdez Corrales", "l'ailier Semi Waqanivalu" start.
_LOWER_WORD = "[a-zñáéíóúüàâçèêëîïôûœ]{3,}"
_ROLE_RES = {
    # (the look-ahead lists the alternatives' first letters: see words._opening)
    "es": re.compile(rf"(?=[EeLldaSsUu])(?<!\w)(?:[Ee]l|[Ll]a|del|al|[Ss]u|[Uu]na?) {_LOWER_WORD}"
                     rf"(?: {_LOWER_WORD})? (?=[{_UPPER}])"),
    "fr": re.compile(rf"(?=[LldaSsUu])(?<!\w)(?:[Ll]e |[Ll]a |[Ll]['’]|du |au |[Ss]on |[Ss]a |[Uu]ne? ){_LOWER_WORD}"
                     rf"(?: {_LOWER_WORD})? (?=[{_UPPER}])"),
}
# Words of a full name: a given name and two surnames in Spanish, a given name and a surname in French.
_FULL_NAME = {"es": 3, "fr": 2}
# The nouns before a body's or a ground's name, from the cue tables (lower case, folded):
# "la consultora X", "el estadio Mario Alberto Kempes".
_BODY_NOUNS = {
    lang: frozenset(fold(w) for w in (*_ORG_BEFORE.get(lang, ()), *_ORG_START.get(lang, ()))) | _VENUE_NOUNS
    for lang in _ROLE_RES
}


def _find_role_noun_names(story: _Story, out: list[tuple[int, int, int, str | None]]) -> None:
    """Spanish and French copy name a person in full after an article and a noun of role or
    origin, with no title and no comma ("el gestor Tomás Olmedo Vidal", "l'ailier Semi
    Waqanivalu", "le pasteur zurichois Andreas Kägi"): capitalised words none known as
    anything but a title ("Rey"), as many as a full name has (a given name and two surnames
    in Spanish, two words in French), after a noun that names no body ("el diario", "la
    consultora", "le groupe"), are a person. No acronym opens the name and no word has a
    digit ("l'association UFC-Que Choisir", "un Robin DR400")."""
    role_re = _ROLE_RES.get(story.lang or "")
    if role_re is None or story.caseless:
        return
    words, size, bodies = story.toks.words, _FULL_NAME[story.lang or ""], _BODY_NOUNS[story.lang or ""]
    for m in role_re.finditer(story.text):
        article, k = _token_at(story.toks, m.start()), _token_at(story.toks, m.end())
        if any(fold(words[x]) in bodies or story.kinds_at(x) for x in range(article + 1, k)):
            continue
        if k + size > story.n or words[k].isupper() or not all(
            _is_name_word(words[x]) and words[x].isalpha()  # "UFC-Que Choisir", "un Robin DR400": no names
            and (story.free(x) or (x > k and story.kinds_at(x) == {"title"}))
            and (x == k or story.gap_before(x) in (" ", "-"))
            for x in range(k, k + size)
        ):
            continue
        end = _with_articled_particles(story, max(story.run_forward(k, 4), k + size))
        if end < story.n and (
            (story.tight(end - 1) and _is_name_word(words[end]))
            or (story.gap_before(end) == " (" and words[end].isupper())  # "Estado Mayor Central (EMC)": a body
        ):
            continue
        out.append((k, end, 55, None))


# Prepositions that open a sentence before a full name ("Para Mariana X, analista de …, el
# acuerdo …", "Pour Gilles X, porte-parole du …", "For Dana X, who …"), no given name nor
# particle of a surname (not "De", "Van", "Da"), folded.
_OPENING_PREPOSITIONS = frozenset(fold(w) for w in (
    "Para", "Según", "Desde", "Sobre", "Contra", "Hacia", "Tras", "Pour", "Selon", "Avec", "Chez",
    "Contre", "Après", "Malgré", "For", "With", "Against", "According",
))


def _trim_name(story: _Story, i: int, j: int) -> int:
    """Where the personal name in the capitalised run i..j starts: not at an acronym
    ("SMN Valeria Gómez") nor a preposition opening the sentence ("Para Mariana X"), and
    in Russian three words without a patronymic in the middle are an organisation's
    genitive and a name ("Гидрометцентра Анна Ковалева")."""
    words = story.toks.words
    if i in story.employer_before and j - story.employer_before[i] >= 2:
        return story.employer_before[i]  # "de Funcas Ignacio X Y dijo": the name after the employer
    if j - i >= 3 and len(words[i]) > 1 and words[i].isupper():
        i += 1
    if j - i >= 3 and script_of(words[i]) != script_of(words[i + 1]) == script_of(words[j - 1]):
        i += 1  # "Racing Ольга X", "Group Кирилл X": the end of a brand in another script
    while j - i >= 3 and _common_noun(story, i) and _is_name_word(words[i + 1]):
        i += 1  # "Mediator Hendrik van X", "State Coroner Rachel X": a role the story writes in lower case
    if j - i >= 3 and (_opens_name(story, i) or (
        # "la députée Les Républicains Claire X": the end of a name that opens with an article
        i > 0 and words[i - 1] in _NAME_ARTICLES and story.tight(i - 1)
    )):
        i += 1
    if j - i >= 3 and fold(words[i]) in _OPENING_PREPOSITIONS:
        i += 1  # "Para Mariana X, analista de …", "Pour Gilles X, porte-parole du …": a sentence's opening
    if story.lang in _EMPLOYER_FIRST and j - i == 4 and i > 0 and _employer_before_name(story, i):
        i += 1
    if story.lang == "fr" and j - i >= 3 and i > 0 and story.toks.words[i - 1] in _FR_NOUN_ARTICLES:
        i += 1  # "au Brésilien Thiago Ramalho", "la Marocaine Salma X": no article before a given name
    if story.lang == "ru" and j - i >= 3:
        i = _ru_name_start(story, i, j)
    if story.lang == "tr" and j - i >= 3 and _tr_noun_before_name(fold(words[i])):
        i += 1  # "Adaylar Deniz X", "Afganistanlı Cavid X": a plural or a demonym, no given name
    if story.lang == "bs" and j - i >= 3:
        # a first name and a surname: a title or an employer before them is not part
        # ("Advokatica Amra Begić-Selimović", "Predsjednica Mosta Ivana Kralj-Perić")
        start = bs_name_start(story, i, j)
        if start == j - 2 and start - 1 >= i and story.tight(start - 1) and (
            _pair_recurs(story, start) or _ic_pair(story, start) or _surname_opens_pair(story, start)
        ):
            start -= 1  # "ministrica rada Marija Kovač Jurić ... rekla je Kovač Jurić"
        i = start if start < j else i
    return i


def _common_noun(story: _Story, i: int) -> bool:
    """Word i, capitalised, is written in lower case elsewhere in the story: a common noun
    (a role, a rank), which no given name is."""
    word = story.toks.words[i]
    lower = word.lower()
    return lower != word and lower in story.distinct and not story.caseless


def _surname_opens_pair(story: _Story, k: int) -> bool:
    """Word k, the first of a run's last two, is an "-ić" surname and the word before it is
    not: a surname pair after its given name ("predsjednica Uprave Marta Jelačić Brus"),
    not a given name and a surname."""
    words = story.toks.words
    return fold(words[k]).endswith(_IC) and not fold(words[k - 1]).endswith(_IC) and not story.kinds_at(k - 1)


# Turkish suffixes no given name ends in: the plural ("Adaylar", "Yetkililer") and, on a
# long word, the "-li" of origin ("Afganistanlı", "İzmirli").
_TR_PLURAL = ("lar", "ler")
_TR_ORIGIN = ("li", "lu")
_TR_ORIGIN_MIN = 7


def _tr_noun_before_name(folded: str) -> bool:
    """A Turkish word (folded) that opens a run before a name of two or three words without
    being part of it (right before the name only: "Halkla İlişkiler Müşaviri X Y" names a
    department before its title)."""
    return folded.endswith(_TR_PLURAL) or (len(folded) >= _TR_ORIGIN_MIN and folded.endswith(_TR_ORIGIN))


_RU_PATRONYMIC = ("вич", "вна", "ична", "ич")
_ES_GIVEN_NAMES = 2  # given names looked for before a pair of surnames ("Matías Nicolás X Y")


def es_given_names(
    story: _Story, people: list[tuple[int, int, int, str | None]]
) -> list[tuple[int, int, int, str | None]]:
    """A Spanish pair of surnames found alone (a box score's "Roca Ferrer (19)", "y Olivera Brum
    sentenció") named whole where the story wrote it with its given names ("destacaron Sergi
    Roca Ferrer"): one or two capitalised words right before another mention of the pair."""
    words = story.toks.words
    pairs = {(words[i], words[i + 1]): n for n, (i, j, _c, _t) in enumerate(people) if j - i == 2 and (
        story.gap_before(i + 1) == " " and story.free(i) and story.free(i + 1)
    )}
    if not pairs:
        return people
    firsts = {first for first, _ in pairs}
    out = list(people)
    for k in range(1, story.n - 1):
        n = pairs.get((words[k], words[k + 1])) if words[k] in firsts else None
        if n is None or out[n][0] == k or story.gap_before(k + 1) != " ":
            continue
        start = k
        while k - start < _ES_GIVEN_NAMES and start > 0 and story.gap_before(start) == " " and (
            _is_name_word(words[start - 1]) and not words[start - 1].isupper() and story.free(start - 1)
        ):
            start -= 1
        if start < k and not (start > 0 and story.tight(start - 1) and _is_name_word(words[start - 1])):
            out[n] = (start, k + 2, out[n][2], out[n][3])
    return out


# Words a name can open with that are no part of it and no cue (a cue would cut an
# organisation's name: "High Court of Justice"; "me" is a French pronoun), folded: "Me"
# (maître, a lawyer), "Av." (avukat), "Herr"/"Frau" before a name.
_HONORIFICS = frozenset({"justice", "lord", "lady", "dame", "sir", "me", "av", "herr", "frau"})
# Words that open a capitalised run before a full name without being part of it and that no
# cue table holds, folded: a footballer's or a passenger's role ("Substitute", "Teenager";
# a US candidate's party, "defeating Republican Trent X";
# "Yapımcı", producer; "Vekili" after "Başkan"), a member's or deputy's ("Vorstandsmitglied",
# "Abgeordnete"), the French abbreviated titles "Pr", "Dr", "Dre", and the German-speaking
# armies' ranks (Bundeswehr and Bundesheer, officers' and NCOs', without "Major" and "Hauptmann", surnames).
_NAME_OPENERS = frozenset(fold(w) for w in (
    "Substitute", "Teenager", "Republican", "Democrat", "Yapımcı", "Vekili", "Vorstandsmitglied", "Abgeordnete",
    "Abgeordneter",
    "Pr", "Dr", "Dre", "Gefreiter", "Obergefreiter", "Korporal", "Unteroffizier", "Stabsunteroffizier",
    "Feldwebel", "Oberfeldwebel", "Hauptfeldwebel", "Stabsfeldwebel", "Oberstabsfeldwebel", "Wachtmeister",
    "Vizeleutnant", "Leutnant", "Oberleutnant", "Oberstleutnant", "Oberst", "Brigadier",
    "Brigadegeneral", "Generalmajor", "Generalleutnant", "Flottillenadmiral", "Konteradmiral",
    "Vizeadmiral", "Fregattenkapitän", "Korvettenkapitän", "Kapitänleutnant",
))
# After a title, a party's or an employer's one-word name before a given name and a hyphenated
# surname: "la députée Renaissance Mathilde X-Y", "le météorologue de MétéoSuisse Laurent X-Y",
# "el investigador de Fedea Ignacio X-Y" (in Spanish only after "de": "José Luis X-Y" is a name).
_EMPLOYER_FIRST = {"fr": frozenset(("de", "du", "d")), "es": frozenset(("de", "del"))}


_FR_NOUN_ARTICLES = frozenset(("le", "la", "l", "au", "du", "aux"))
_ES_FR_OF = frozenset(("de", "del", "du", "des", "d"))
_NAME_AFTER_EMPLOYER = 3  # words after a known employer the title's name is looked for in
_APPOSITION_REACH = 3  # lower-case titles between the comma and the title ("economista jefa")


def _named_before_apposition(story: _Story, title: int) -> tuple[int, int] | None:
    """The full name a comma ends right before the title at word ``title`` and the lower-case
    titles before it ("Daniela X Y, analista de …", "Gabriela X Y, economista jefa de …")."""
    words = story.toks.words
    k = title
    while k > 0 and title - k < _APPOSITION_REACH and story.gap_before(k) == " " and words[k - 1].islower() and (
        "title" in story.kinds_at(k - 1)  # "economista jefa", not "junto al secretario"
    ):
        k -= 1
    if k < 2 or story.gap_before(k) != ", ":
        return None
    start = story.run_backward(k)
    named = k - start >= 2 and all(story.free(x) and not words[x].isupper() for x in range(start, k))
    return (start, k) if named else None  # not "Desde CSIF, su responsable de …"


# Titles "de" a person follows, not an employer: "el abogado de Juan Carlos X Y" (folded).
_OF_A_PERSON = frozenset(fold(w) for w in (
    "abogado", "abogada", "defensor", "defensora", "avocat", "avocate", "conseil", "hijo", "hija",
    "padre", "madre", "esposo", "esposa", "viuda", "hermano", "hermana", "fils", "fille", "père",
    "mère", "épouse", "époux", "veuve", "frère", "sœur",
))
_EMPLOYER_AND_NAME = 4  # name words in a run after "title de": a one-word employer, then a name of three


def _employer_then_name(story: _Story, k: int, end: int) -> tuple[int, int]:
    """The run k..end right after "title de" ("el economista de Funcas Ignacio X Y", "le député
    des Alpes-Maritimes Thibault de X"): with four name words or more, its first word (with
    its hyphened halves) is the employer and the name is the run after it, which may go on
    past the four words a run takes ("la analista de XTB María Teresa X Y")."""
    words = story.toks.words
    if sum(1 for x in range(k, end) if _is_name_word(words[x])) < _EMPLOYER_AND_NAME:
        return k, end
    u = k + 1
    while u < end and story.gap_before(u) == "-":
        u += 1
    if u >= end or not story.free(u) or story.gap_before(u) != " ":
        return k, end
    story.employer_before[k] = u  # another finder's run from the employer on starts at u too
    return u, _hyphen_tail(story, story.run_forward(u))


def _employer_before_name(story: _Story, i: int) -> bool:
    """Words i..i+3 are "Employer Given Surname-Surname" after a lower-case word: a title in
    French, "de" in either language."""
    before = story.toks.words[i - 1]
    if fold(story.toks.words[i + 1]) in _PARTICLES:
        return False  # "la cheffe de groupe Yasmina El X-Y": a surname's particle after the given name
    gaps = [story.gap_before(k) for k in range(i, i + 4)]
    return gaps[1:] == [" ", " ", "-"] and gaps[0] in (" ", "'", "’") and before.islower() and (
        fold(before) in _EMPLOYER_FIRST[story.lang or ""] or (story.lang == "fr" and "title" in story.kinds_at(i - 1))
    )


# A surname alone opening a paragraph with an apposition after its comma: an age ("Ferriday,
# 19, was making"), a relative clause ("Holloway, who was endorsed by", "X, qui", "X, quien"),
# an indefinite article ("Whitacre, a small-business owner from"), or an English verb in the
# past or of saying ("Langat denied", "Wolcott thanked"; a word no other capitalised word ever
# follows); matched at each paragraph's start only (no scan of the whole story), the word
# then looked up with the other surnames said alone.
_SURNAME_APPOSITION_RE = re.compile(
    r"([^\W\d_][\w'’-]*)(?:, (?:\d{1,3},|who |whose |a |an |qui |quien |quienes )"
    r"| (?:[a-z]{3,}ed|said|told|says) )"
)


def find_surname_appositions(story: _Story, out: list[tuple[int, int, int, str | None]]) -> None:
    """Append ``(k, k + 1, 55, None)`` for each capitalised word set off by such an apposition,
    no known name nor body, written before right after a capitalised word: a surname alone,
    whose full name that earlier run gives ("defeating businessman Grant Holloway ...
    Holloway, who ...")."""
    if story.caseless:
        return
    toks, words, text = story.toks, story.toks.words, story.text
    at = text.find("\n") + 1  # the headline opens no paragraph of the story
    while at > 0:
        m = _SURNAME_APPOSITION_RE.match(text, at)
        at = text.find("\n", at) + 1
        if m is None:
            continue
        k = _token_at(toks, m.start(1))
        word = words[k]
        if toks.starts[k] != m.start(1) or not word[:1].isupper() or word.isupper() or not story.free(k) or (
            fold(word) in _NAME_OPENERS
        ):
            continue
        if not _after_given_name_before(text, word, m.start(1)):
            continue  # no earlier capitalised run ending in it: nothing to confirm, no lookup
        if text[m.end(1)] == " " and _opens_longer_name(text, word):
            continue  # "Samsung declined" after "Rival Samsung Electronics": a body's first word
        # the whole word: "Ma'an-Kebbi, who" is one surname, not "Ma" (a hyphen alone the
        # name's hyphen tail would have run over)
        out.append((k, max(k + 1, _token_at(toks, m.end(1) - 1) + 1), 55, None))


def _after_given_name_before(text: str, word: str, at: int) -> bool:
    """``word`` is written before ``at`` right after a capitalised word ("Grant Holloway"),
    as a full name the surname alone at ``at`` can confirm."""
    found = text.find(" " + word, 0, at)
    while found > 0:
        start = text.rfind(" ", 0, found) + 1
        if text[start:start + 1].isupper() and text[found - 1].isalpha():
            return True
        found = text.find(" " + word, found + 1, at)
    return False


def _opens_longer_name(text: str, word: str) -> bool:
    """``word`` is followed by another capitalised word somewhere in ``text``."""
    at = text.find(word + " ")
    while at >= 0:
        if text[at + len(word) + 1:at + len(word) + 2].isupper():
            return True
        at = text.find(word + " ", at + 1)
    return False


# "Yolculardan Hatice X" (one of the passengers): a Turkish plural in the ablative
_TR_FROM_AMONG = ("lardan", "lerden")


def opens_name(folded: str, lang: str | None) -> bool:
    """A word (folded) that opens a run before a name without being part of it: an
    honorific, a role (``_NAME_OPENERS``), in Turkish a group in the ablative plural."""
    return folded in _HONORIFICS or folded in _NAME_OPENERS or (lang == "tr" and folded.endswith(_TR_FROM_AMONG))


def _opens_name(story: _Story, k: int) -> bool:
    return opens_name(fold(story.toks.words[k]), story.lang)
# Capitalised articles that open a party's or a paper's name ("Les Républicains", "Die Linke").
_NAME_ARTICLES = frozenset({"Les", "Los", "Las", "Die"})


# Endings of Russian role nouns (an agent's, a player's, a demonym's) that open a sentence
# before a name: "Гроссмейстер", "Шахматист", "Россиянин", "Бразилец". A given name of eight
# letters or more ends so only as a Western one ("Кристофер"), excluded by its ending.
_RU_ROLE_ENDINGS = ("ер", "ор", "ист", "истка", "анин", "янин", "анка", "янка", "ец")
_RU_ROLE_MIN = 8  # letters: "Виктор", "Егор", "Нестор", "Питер" are given names
_RU_GIVEN_ENDINGS = ("офер", "андер")


def _ru_role_noun(folded: str) -> bool:
    return len(folded) >= _RU_ROLE_MIN and folded.endswith(_RU_ROLE_ENDINGS) and not folded.endswith(
        _RU_GIVEN_ENDINGS
    )


def _ru_name_start(story: _Story, i: int, j: int) -> int:
    """Where a Russian name starts in the capitalised run i..j: the given name before a
    patronymic ("экономист Сбербанка Антон Валерьевич Ступин"), else the last two names, a
    hyphenated double surname counting as one ("Газпромбанка Анна Ковалева-Мирная")."""
    units = [k for k in range(i, j) if k == i or story.gap_before(k) != "-"]
    if len(units) <= 2:
        return i
    for p in range(1, len(units) - 1):
        if fold(story.toks.words[units[p]]).endswith(_RU_PATRONYMIC):
            return units[p - 1]
    first = story.toks.words[i]
    if len(units) == 3 and _ru_role_noun(fold(first)):
        return units[1]  # "Гроссмейстер Кирилл X", "Россиянин Рамазан X": a role noun, then the name
    if len(units) == 3 and not first.isupper() and not story.kinds_at(i) and not fold(first).endswith(_RU_GEN_ENDINGS):
        return i  # "Жуан Виктор Силва", "Висенте Арройо Салас": a foreign name of three, no genitive before it
    return units[-2]


# The Arabic article as Latin-script copy writes it before a family name, assimilated or
# not ("es-Suveydi", "el-Mansuri", "al-Thani", "ad-Dosari").
_AR_LATIN_ARTICLES = frozenset(
    {"al", "el", "es", "eş", "et", "ed", "er", "ez", "en", "as", "ash", "ad", "ar", "az", "an", "at"}
)


def _hyphen_tail(story: _Story, end: int) -> int:
    """A name run cut inside a hyphenated surname runs on to its end ("Anna-Lena
    Brückmann-Sezer" is five words, more than a name run takes), and over an Arabic family
    name written with its article ("Nasır bin Hamad es-Suveydi")."""
    words = story.toks.words
    if 1 < end + 1 < story.n and words[end] in _AR_LATIN_ARTICLES and story.gap_before(end) == " " and (
        story.gap_before(end + 1) == "-" and _is_name_word(words[end + 1]) and story.free(end + 1)
        and _is_name_word(words[end - 1])
    ):
        return end + 2
    while 0 < end < story.n and story.gap_before(end) == "-" and _is_name_word(words[end]) and (
        _is_name_word(words[end - 1]) and (story.free(end) or PERSON in story.kinds_at(end))
    ):
        end += 1
    return end


def _candidate_words(story: _Story, surname_of: dict[str, _Acc]) -> list[int]:
    """Indexes of words that may be one of these surnames: found with one regex over the
    text (the stems as prefixes), not a Python loop over every word."""
    prefixes = set()
    for a in surname_of.values():
        for spelling in a.spellings or ([a.entry.name] if a.entry else []):
            last = WORD_RE.findall(spelling)[-1:] if spelling else []
            if last:
                word = last[0]
                prefixes.add(word[: max(3, len(word) - 2)])
    if not prefixes:
        return []
    pattern = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    text = story.text
    # A word start is checked after the match, not by a look-behind in the pattern: that
    # lets the regex engine skip ahead to the prefixes' first letters. (The prefixes are
    # letters only, so a match inside a word never hides one at a word start.)
    found = re.finditer(f"(?:{pattern})", text)
    return sorted({
        _token_at(story.toks, at) for m in found
        if not ((at := m.start()) and text[at - 1].isalnum())
    })


# Honorifics before a person's name in Gulf agency copy ("سعادة", "معالي", "سمو", "فخامة"),
# with a clitic or not ("ومعالي"), and the forms of address that may follow them ("السيد",
# "الأستاذة"; the titles among them, "الدكتور", are cues already), folded.
_AR_HONORIFICS = frozenset(fold(w) for w in ("سعادة", "معالي", "سمو", "فخامة"))
_AR_ADDRESS = frozenset(fold(w) for w in ("السيد", "السيدة", "الأستاذ", "الأستاذة", "الشيخ", "الشيخة"))
_AR_CLITICS = ("و", "ب", "ل")


def _ar_honorific(word: str) -> bool:
    folded = fold(word)
    return folded in _AR_HONORIFICS or (folded[:1] in _AR_CLITICS and folded[1:] in _AR_HONORIFICS)


def _find_ar_honoured(story: _Story, out: list[tuple[int, int, int, str | None]]) -> None:
    """A name after an honorific and a form of address or title ("وأوضح سعادة السيد خالد بن
    حمد العوضي", "ومعالي الأستاذة هيفاء بنت علي المطيري"): a person, though the honorific is
    no cue and "السيد" no title (it is a family name too)."""
    words = story.toks.words
    for k in [k for k, w in enumerate(words) if _ar_honorific(w)]:
        j = k + 1
        while j < story.n and j - k <= 2 and story.tight(j - 1) and (
            fold(words[j]) in _AR_ADDRESS or "title" in story.kinds_at(j)
        ):
            j += 1
        if j >= story.n or not story.tight(j - 1):
            continue
        end = _ar_to_title(story, j, story.arabic_name(j))
        if end - j >= 2:
            out.append((j, end, 65, None))


def _ar_to_title(story: _Story, j: int, end: int) -> int:
    """A name of two words or more runs on to the title or comma after it ("سعادة السيد جان
    بيير موكيندي مستشار الرئيس"): a foreign name's third word has no article to go by."""
    words = story.toks.words
    k = end
    while end - j >= 2 and k < story.n and k - j < _AR_NAME_WORDS - 1 and story.tight(k - 1) and story.free(k) and (
        fold(words[k]) not in _AR_STOP and not words[k].isdigit() and not fold(words[k]).startswith("ال")
    ):
        k += 1
    closed = k < story.n and (
        "title" in story.kinds_at(k) or story.gap_before(k).strip()[:1] in _AR_COMMAS
    ) and (story.tight(k - 1) or story.gap_before(k).strip()[:1] in _AR_COMMAS)
    return k if k > end and closed else end


def _find_people(story: _Story, out: list[tuple[int, int, int, str | None]]) -> None:
    toks, words, lang = story.toks, story.toks.words, story.lang
    if story.caseless and any(h in story.text for h in ("سعادة", "معالي", "سمو", "فخامة")):
        _find_ar_honoured(story, out)
    if lang == "tr" and " ise " in story.text:
        _find_tr_as_for(story, out)
    for m, cues in story.cued:
        if len(cues) != len(m.payloads):
            continue
        # a word can be two cues ("مدرب": a title, and the noun a club's name follows)
        cue = cues[0] if len(cues) == 1 else next(
            (c for c in cues if c.kind in ("title", "say", "say_after")), cues[0]
        )
        if cue.kind == "title":
            title = fold(cue.word)
            j = m.end
            if j < story.n and _sentence_ends_after(story, j, cue.word):
                continue  # "expresó la magistrada.\nEl presidente ...": no name across it
            if story.caseless:
                if j >= story.n or not story.tight(j - 1):
                    continue
                skipped = 0
                while j < story.n and skipped < 5 and story.tight(j - 1):
                    w = fold(words[j])
                    if w.startswith(("ال", "وال", "لل", "بال")) or "place" in story.kinds_at(j) or (
                        "adj" in story.kinds_at(j) or "title" in story.kinds_at(j)
                        or w in _AR_TITLE_FILLERS
                    ) or ORGANISATION in story.kinds_at(j):
                        j += 1
                        skipped += 1
                        continue
                    break
                if j < story.n and not story.tight(j - 1):
                    if story.gap_before(j).strip() in _AR_COMMAS:
                        _ar_name_after_comma(story, m.end, title, out)  # "وقال مدرب الفريق، A B، إن"
                    continue  # "وزير الطاقة الأردني: مشروع الربط": no name across the colon
                j = _after_department(story, m.end, j)
                end = _ar_to_comma(story, j, story.arabic_name(j))
                if end - j >= 2:
                    out.append((j, end, 75, title))
                elif end - j == 1:
                    out.append((j, end, 60, title))
                else:
                    _ar_name_after_comma(story, m.end, title, out)
                continue
            if j < story.n and story.gap_before(j).endswith("«"):
                # "аналитик «Райффайзенбанка» Денис X": the employer in guillemets, then the name
                close = story.text.find("»", toks.starts[j])
                after = _token_at(toks, close) + 1 if close > 0 else j
                if after - j <= 3 and after < story.n and story.gap_before(after).strip() == "»":
                    end = story.run_forward(after)
                    if end - after >= 2:
                        out.append((after, end, 70, title))
                        continue
            if lang in ("es", "fr") and j < story.n and fold(words[j]) in _ES_FR_OF and (
                named := _named_before_apposition(story, m.start)
            ) is not None:
                # "…", dijo Daniela X Y, analista de Grupo Financiero Banorte: the name is before
                # the title, the capitalised words after "de" are the employer
                out.append((*named, 70, title))
                continue
            end = _run_with_ali(story, j)
            if end - j == 1 and end < story.n and story.kinds_at(end) == {"place"} and (
                story.gap_before(end) == " " and story.matches[story.owner[end]].end == end + 1
                and story.free(j) and not story.gap_before(end + 1 if end + 1 < story.n else end).startswith(("'", "’"))
                and not any(isinstance(p, PlaceName) and p.place.kind == "country"
                            for p in story.matches[story.owner[end]].payloads)
            ):
                end += 1  # "Başkanı Elif Sarıkaya": a surname that is also a town's name
                if lang != "bs" and end < story.n and story.tight(end - 1):
                    # "Dr. Elif Sarıkaya Öncel": a second surname after it (not in Bosnian/
                    # Croatian, where a town closes an employer's name: "Elektrodalmacije Split")
                    end = story.run_forward(end, 1)
            if lang == "tr" and 1 <= end - j <= 2:
                end = _tr_place_surname(story, end)
            if end > j and not _employer_opens_after_title(story, j, end):
                out.append((j, end, 75 if end - j >= 2 else 60, title))
                continue
            # skip a portfolio or place: "президент России Владимир Путин",
            # "руководитель дирекции ... Владимир Панов", "ministre des Affaires étrangères X"
            k = j
            limit = min(story.n, j + 7)
            before = len(out)
            while k < limit:
                if k > j and not story.tight(k - 1) and toks.text[
                    toks.ends[k - 1]:toks.starts[k]
                ].strip(" «»\"“”„,"):
                    break
                kinds = story.kinds_at(k)
                if kinds - {"adj", "place", ORGANISATION, PERSON} == set() and kinds:
                    if PERSON in kinds:
                        out.append((k, k + 1, 75, title))
                        break
                    k = story.matches[story.owner[k]].end
                    continue
                if lang == "es" and k + 1 < story.n and fold(words[k]) == "en" and fold(words[k + 1]) == "retiro":
                    k += 2  # "el general en retiro X Y": the rank's qualifier, then the name
                    continue
                if fold(words[k]) in _NOT_ACROSS:
                    break  # "economist at DNB Markets": the name is not after "at"
                if lang == "de" and k > j and words[k - 1] in _DE_GENITIVE and _is_name_word(words[k]):
                    k = max(story.run_forward(k), k + 1)  # "ein Sprecher der Techniker Krankenkasse": the employer
                    continue
                if _is_name_word(words[k]) and k > j and story.in_org(k, k + 1):
                    # "el dirigente de la Cámara Boliviana de Transporte Freddy X Y": past the
                    # employer the organisation finder found, to the name after it
                    k = next((b for a, b in story.org_spans if a <= k < b), k + 1)
                    limit = min(story.n, max(limit, k + _NAME_AFTER_EMPLOYER))
                    continue
                if _is_name_word(words[k]):
                    end = story.run_forward(k)
                    if k == j + 1 and lang in _EMPLOYER_FIRST and fold(words[j]) in _ES_FR_OF and (
                        fold(words[j - 1]) not in _OF_A_PERSON
                    ):
                        k, end = _employer_then_name(story, k, end)
                    if lang == "es" and 2 <= end - k <= 3:
                        end = _town_surname(story, end)  # "Irma Luz Pineda Toledo"
                        end = _with_articled_particles(story, end)  # "José Gallardo de la Rosa"
                    first_ok = not (lang == "ru" and fold(words[k]).endswith(_RU_ADJ_ENDINGS))
                    if end - k >= 2 and first_ok:
                        # "secretario de Estado de Empleo, Lucía Morales": the portfolio, then
                        # the name after the comma
                        after = story.run_forward(end) if end < story.n else end
                        if after - end >= 2 and toks.text[toks.ends[end - 1]:toks.starts[end]] == ", ":
                            k, end = end, after
                        elif lang == "es" and (later := _appositive_later(story, end)) is not None:
                            k, end = later
                        out.append((k, end, 70, title))
                        break
                    k = k + 2 if not first_ok else max(end, k + 1)
                    continue
                if toks.text[toks.ends[k - 1] if k else 0:toks.starts[k]].strip(" ,«»\"") and k > j:
                    break
                k += 1
            if len(out) == before:
                _name_after_portfolio(story, j, title, out)
        elif cue.kind in ("say", "say_after"):
            # speaker after: "said Laura Whitfield", "заявил Путин", "قال ..."
            j = m.end
            if lang in ("bs",) and j < story.n and fold(words[j]) in ("je", "su"):
                j += 1
            if lang == "fr" and j < story.n and words[j] in ("à", "au"):
                j = _past_addressee(story, j)
            if story.caseless:
                if m.start > 0 and fold(words[m.start - 1]) == "قد":
                    continue  # "وكانت الحكومة قد أعلنت اختيار التحالف": the subject came first
                if j < story.n and _ar_honorific(words[j]):
                    continue  # "وأوضح سعادة السيد X": the name is found after the honorific
                if j < story.n and story.tight(j - 1) and "title" not in story.kinds_at(j):
                    end = story.arabic_name(j)
                    if end > j:
                        out.append((j, end, 65, None))
                    elif j < story.n and fold(words[j]).startswith("ال") and story.free(j) and (
                        fold(words[j]) not in _AR_STOP
                    ):
                        out.append((j, j + 1, 50, None))
                continue
            if (j < story.n and story.tight(j - 1)) or (
                j < story.n and toks.text[toks.ends[j - 1]:toks.starts[j]] in (" ", ", ")
            ):
                end = story.run_forward(j)
                if end == j + 1 and end < story.n and story.gap_before(end) == "-" and "title" in story.kinds_at(end):
                    # "sagte Immowelt-Geschäftsführerin Anna X": an employer glued to a title
                    after = story.matches[story.owner[end]].end
                    stop = story.run_forward(after)
                    if stop - after >= 2:
                        out.append((after, stop, 65, fold(words[end])))
                    continue
                if end > j:
                    out.append((j, end, 65, None))
                    i = m.start
                    if lang == "en" and cue.kind == "say" and i > 0 and story.tight(i - 1) and end - j >= 2:
                        # "Judge Ama Boateng said Kofi Mensah had lied": both sides are names
                        start = story.run_backward(i)
                        if i - start >= 2:
                            out.append((start, i, 65, None))
                    continue
            if cue.kind == "say_after":
                continue
            # speaker before: "Bell said", "Путин заявил", "Macron a déclaré"
            i = m.start
            if lang == "bs" and i > 0 and fold(words[i - 1]) in ("je", "su"):
                i -= 1
            if i > 0 and (story.tight(i - 1) or lang == "tr"):
                start = story.run_backward(i)
                if start < i and not (lang == "en" and _after_the(story, start)) and not (
                    lang == "de" and start > 0 and words[start - 1] in _DE_GENITIVE  # "Sprecher des X sagte"
                ):
                    out.append((start, i, 65, None))
            if lang == "tr":
                s = story.sentence_start(m.start)
                end = _run_with_ali(story, s)
                if end > s and end < story.n and toks.text[toks.ends[end - 1]:toks.starts[end]] \
                        .startswith(","):
                    out.append((s, end, 60, None))
                else:
                    _tr_name_before_quote(story, m.start, out)
            elif i > 0 and not story.caseless and toks.text[toks.ends[i - 1]:toks.starts[i]].strip() == ",":
                _appositive_speaker(story, i, out)
                # "Tom Ellis, a professor at the University of Reading, said": the name opens
                # the sentence and an apposition between commas separates it from the verb.
                s = story.sentence_start(m.start)
                end = story.run_forward(s)
                if s < end < i and toks.text[toks.ends[end - 1]:toks.starts[end]].strip() == "," \
                        and fold(words[end]) not in _NOT_A_PERSON_CLAUSE:
                    out.append((s, end, 60, None))


_ES_DEMONYM_ARTICLES = frozenset(("el", "la", "al", "del"))
_NAME_AFTER_ORIGIN = 3  # words of a name after a country's possessive or a demonym


def find_names_after_origin(story: _Story, out: list[tuple[int, int, int, str | None]]) -> None:
    """Names introduced by where the person is from, with no title nor verb: English "Japan's
    Aiko X beat", "Everton's Ilya X pulled one back" (a country's possessive, or a club's in a
    match report), and
    Spanish "del venezolano Yeferson X Y", French "le Kényan Daniel X" (an article and a
    demonym). The
    name is two or three free capitalised words."""
    words = story.toks.words
    if story.lang == "en":
        if "'s " not in story.text and "’s " not in story.text:
            return
        for m in story.matches:
            k = m.end
            if k + 2 >= story.n or words[k] != "s" or story.gap_before(k) not in ("'", "’"):
                continue
            kinds = story.kinds_at(m.start)
            if "place" not in kinds and not (ORGANISATION in kinds and story.has_score):
                continue  # a body's possessive names its bodies and policies ("the WTO's Appellate Body")
            _origin_name(story, k + 1, out)
    elif story.lang == "fr":
        for k in [k for k, w in enumerate(words) if w in _FR_NATIONALITY_ARTICLES]:
            if k + 3 < story.n and _fr_nationality_noun(story, k + 1):
                _origin_name(story, k + 2, out)
    elif story.lang == "es":
        for m in story.matches:
            k = m.start
            if m.end != k + 1 or k == 0 or fold(words[k - 1]) not in _ES_DEMONYM_ARTICLES or not words[k].islower():
                continue
            if "adj" in story.kinds_at(k) and story.tight(k) and story.tight(k - 1):
                # a full name only, a given name and two surnames: two words are left to other
                # cues (tests/enrich/test_round13_people_spanish_role_noun.py)
                _origin_name(story, k + 1, out, least=3)


# Articles before a French nationality noun ("le Kényan", "l'Ougandais", "au Norvégien"), and
# the endings such nouns take (a closed pattern of the language's demonyms).
_FR_NATIONALITY_ARTICLES = frozenset(("le", "la", "l", "au", "Le", "La", "L"))
_FR_DEMONYM_ENDINGS = ("ais", "aise", "ois", "oise", "ien", "ienne", "an", "ane", "and", "ande", "ain", "aine")


def _fr_nationality_noun(story: _Story, k: int) -> bool:
    """Word k, after an article, is a capitalised French nationality noun ("Kényan",
    "Néerlandais", "Norvégien", "Allemande") that no name table knows as anything else."""
    word = story.toks.words[k]
    return _is_name_word(word) and word.endswith(_FR_DEMONYM_ENDINGS) and story.tight(k - 1) and story.tight(k) and (
        story.gap_before(k + 1) == " " and not story.kinds_at(k) - {"adj"}
    )


def _origin_name(story: _Story, start: int, out: list[tuple[int, int, int, str | None]], least: int = 2) -> None:
    words = story.toks.words
    end = story.run_forward(start, _NAME_AFTER_ORIGIN, allow_person=False)
    if end - start < least or not all(story.free(x) and not words[x].isupper() for x in range(start, end)):
        return
    if end < story.n and story.tight(end - 1) and _is_name_word(words[end]):
        return  # a longer capitalised run: a body's or a product's name
    if _portfolio_before_title(story, end):
        return  # "Azerbaijan's Digital Development and Transport Minister X": a ministry's fields
    out.append((start, end, 60, None))


def _portfolio_before_title(story: _Story, end: int) -> bool:
    """The capitalised run ending at ``end`` goes on with "and" into a title within three
    words: the fields of an office ("Digital Development and Transport Minister"), no name."""
    words = story.toks.words
    if end >= story.n or fold(words[end]) not in ("and", "&"):
        return False
    return any("title" in story.kinds_at(x) for x in range(end + 1, min(end + 4, story.n)))


def _employer_opens_after_title(story: _Story, j: int, end: int) -> bool:
    """The one capitalised word after a title opens an organisation's name the organisation
    finder found ("Predstavnica Gradskog vijeća mladih Iva X", "Ravnatelj Hrvatske agencije
    za ... Zdravko X") or a Russian employer's adjective: the employer, no surname; the name
    is looked for after it."""
    return end - j == 1 and (story.in_org(j, end) or _ru_employer_adjective(story, j))


# Oblique endings of a Russian adjective ("Законодательного собрания", "Северной верфи"),
# without "-им"/"-ым" (given names: "Вадим", "Максим").
_RU_OBLIQUE_ADJ = ("ого", "его", "ому", "ему", "ой", "ей", "ых", "их")


def _ru_employer_adjective(story: _Story, j: int) -> bool:
    """The capitalised word j after a Russian title is an adjective in an oblique case with a
    lower-case noun right after it: the employer's name ("депутат Законодательного собрания
    области X Y", "директор Северной верфи X Y"), no surname."""
    words = story.toks.words
    return story.lang == "ru" and j + 1 < story.n and words[j].lower().endswith(_RU_OBLIQUE_ADJ) and (
        words[j + 1].islower() and story.tight(j)
    )


_TR_AS_FOR = "ise"


def _find_tr_as_for(story: _Story, out: list[tuple[int, int, int, str | None]]) -> None:
    """A Turkish name before "ise" ("as for"), after a lower-case word ("velilerden Gülizar
    X ise", "analisti Emre X ise"): news copy turns to a new person with it. Two or three
    capitalised words none of which is a known organisation, place or cue word."""
    words = story.toks.words
    for k in [k for k, w in enumerate(words) if w == _TR_AS_FOR]:
        if not story.tight(k - 1):
            continue
        start = story.run_backward(k, 3)
        if 2 <= k - start <= 3 and start > 0 and words[start - 1][:1].islower() and story.tight(start - 1) and all(
            story.free(x) for x in range(start, k)
        ):
            out.append((start, k, 60, None))


_QUOTE_PAIRS = {'"': '"', "”": "“", "»": "«"}  # closing mark -> opening mark


def _tr_name_before_quote(story: _Story, verb: int, out: list[tuple[int, int, int, str | None]]) -> None:
    """A Turkish verb of saying right after a quotation: the name set off by a comma before
    the quotation, after the clause that describes the person ("Eceabat'tan işe giden Ayşe
    X, "…" dedi"): two or three capitalised words after a lower-case word."""
    text, toks, words = story.text, story.toks, story.toks.words
    before = text[:toks.starts[verb]].rstrip()
    opener = _QUOTE_PAIRS.get(before[-1:]) if before else None
    at = text.rfind(opener, 0, len(before) - 1) if opener else -1
    if at <= 0 or not text[:at].rstrip().endswith(","):
        return
    k = _token_at(toks, at) + 1  # the first word of the quotation
    start = story.run_backward(k, 3)
    if 2 <= k - start <= 3 and start > 0 and words[start - 1][:1].islower() and story.tight(start - 1) and all(
        story.free(x) for x in range(start, k)
    ) and story.sentence_start(start) < start:
        out.append((start, k, 60, None))


_ALI = "Ali"


def _run_with_ali(story: _Story, j: int) -> int:
    """End of the capitalised name at word j, run on over the given name "Ali" (a Bosnian
    "but" among the stop words): "Valisi Mehmet Ali Karakoçan", "Ali Haydar Kılınç"."""
    end = story.run_forward(j)
    if story.lang == "bs":
        return end
    words = story.toks.words
    while end < story.n and words[end] == _ALI and story.free(end) and (end == j or story.tight(end - 1)) and (
        end + 1 < story.n and story.tight(end)
    ):
        after = story.run_forward(end + 1)
        if after == end + 1:
            break
        end = after
    return end


_DE_GENITIVE = frozenset({"der", "des"})  # the article of an employer after a title


def _town_surname(story: _Story, end: int) -> int:
    """A Spanish second surname that is also a town's name ("Pineda Toledo"): one word,
    no country, right after the name and not followed by another capitalised word."""
    if end >= story.n or story.gap_before(end) != " " or story.kinds_at(end) != {"place"}:
        return end
    match = story.matches[story.owner[end]]
    if match.end != end + 1 or any(
        isinstance(p, PlaceName) and p.place.kind == "country" for p in match.payloads
    ) or (end + 1 < story.n and story.tight(end) and _is_name_word(story.toks.words[end + 1])):
        return end
    return end + 1


_TR_ALSO = frozenset({"da", "de"})  # "Başkanı Elif Nur X da, ...": "too"


def _tr_place_surname(story: _Story, end: int) -> int:
    """A Turkish surname that is also a place or its demonym ("Valisi İhsan Selçuk
    Karadağlı,", "Başkanı Elif Nur Karadağ da"): one word right after the titled name,
    closing it before a comma or "da"/"de"."""
    kinds = story.kinds_at(end) if end < story.n else frozenset()
    if end + 1 >= story.n or story.gap_before(end) != " " or "place" not in kinds or not kinds <= {"place", "adj"}:
        return end
    if story.matches[story.owner[end]].end != end + 1:
        return end
    after = story.gap_before(end + 1)
    if after.startswith(",") or (after == " " and story.toks.words[end + 1] in _TR_ALSO):
        return end + 1
    return end


_SENTENCE_MARKS = frozenset(".!?;")


def _sentence_ends_after(story: _Story, j: int, cue: str) -> bool:
    """The gap before word j (right after a title) ends a sentence or a paragraph ("... la
    magistrada.\nEl presidente"), not an abbreviated title ("Dr. X")."""
    gap = story.gap_before(j)
    if "\n" in gap:
        return True
    return not _SENTENCE_MARKS.isdisjoint(gap) and not cue.endswith(".") and (
        fold(story.toks.words[j - 1]) not in _ABBREV
    )


_AR_COMMAS = ("،", ",")
_AR_REACH = 10  # words between a title and the comma before its name ("مدير دائرة صحة البصرة")
_AR_NAME_WORDS = 5


def _ar_to_comma(story: _Story, j: int, end: int) -> int:
    """An Arabic name of two or more words set off by a comma runs on to it ("العقيد A عبد
    الله B، للأناضول": the family name after a compound given name)."""
    if end - j < 2 or end >= story.n or not story.tight(end - 1):
        return end
    words = story.toks.words
    k = end
    while k < story.n and k - j < _AR_NAME_WORDS and story.free(k) and fold(words[k]) not in _AR_STOP and not (
        words[k].isdigit() or ar_preposition_phrase(fold(words[k]))
    ):
        k += 1
        if k < story.n and story.gap_before(k).strip()[:1] in _AR_COMMAS:
            return k
        if k < story.n and not story.tight(k - 1):
            break
    return end


def _ar_name_after_comma(story: _Story, start: int, title: str, out: list[tuple[int, int, int, str | None]]) -> None:
    """An Arabic title, its department or body, then the name between commas ("قال مدير
    دائرة الصحة في المحافظة، سالم كريم الدليمي، إن"): every word up to the next comma, a
    demonym before them left off ("مدرب الفريق، الإسباني خوان لوبيز،")."""
    words = story.toks.words
    for t in range(start + 1, min(story.n, start + _AR_REACH)):
        gap = story.gap_before(t).strip()
        if not gap:
            continue
        if gap not in _AR_COMMAS:
            return
        k = t
        while k < story.n and k - t < 2 and story.tight(k) and (
            "adj" in story.kinds_at(k) or fold(words[k]).startswith("ال")
        ):
            k += 1  # a demonym or another definite word before the name: "البرتغالي"
        end = k
        while end < story.n and end - k <= _AR_NAME_WORDS and (story.free(end) or PERSON in story.kinds_at(end)) and (
            fold(words[end]) not in _AR_STOP and not words[end].isdigit()
        ):
            end += 1
            if end < story.n and not story.tight(end - 1):
                break
        if 2 <= end - k <= _AR_NAME_WORDS and end < story.n and story.gap_before(end).strip()[:1] in _AR_COMMAS:
            out.append((k, end, 65, title))
        return


# Words between a title and the name that are part of the title ("رئيس مجلس إدارة الشركة",
# "مدير عام", "رئيس بلدية المنية", "رئيس قطاع الري"), folded as the words they are compared with.
_AR_TITLE_FILLERS = frozenset(fold(w) for w in ("باسم", "مجلس", "إدارة", "عام", "بلدية", "قطاع"))

_AR_DEPARTMENT, _AR_BOARD, _AR_IN = fold("إدارة"), fold("مجلس"), fold("في")


def _after_department(story: _Story, start: int, j: int) -> int:
    """After "مديرة إدارة" (a department, not "مجلس إدارة", a board) come the department's
    own words, then "في" and its body: the name starts after them ("مديرة إدارة ريادة
    الأعمال في الوزارة مريم علي الظاهري"). ``start`` is where the words after the title
    begin, ``j`` where the name would start without this rule."""
    words = story.toks.words
    if not any(
        fold(words[k]) == _AR_DEPARTMENT and not (k > 0 and fold(words[k - 1]) == _AR_BOARD)
        for k in range(start, j)
    ):
        return j
    for t in range(j, min(story.n - 1, j + 5)):
        if t > j and not story.tight(t - 1):
            return j
        if fold(words[t]) == _AR_IN:
            k = t + 1
            while k < story.n and story.tight(k - 1) and fold(words[k]).startswith("ال"):
                k += 1
            return k if k > t + 1 and k < story.n and story.tight(k - 1) else j
    return j


_PORTFOLIO_WORDS = 14  # "El portavoz del Partido Popular en el Congreso de los Diputados, X"


def _name_after_portfolio(
    story: _Story, j: int, title: str, out: list[tuple[int, int, int, str | None]]
) -> None:
    """A title, its portfolio in any words, then the name set off by commas: "le président
    de l'ordre des médecins, Patrick Delcourt, estime"."""
    toks = story.toks
    for t in range(j + 1, min(story.n, j + _PORTFOLIO_WORDS)):
        gap = story.gap_before(t)
        if gap.strip(" '’-") == "" or gap == " (":
            continue  # "(FEMP)": an acronym in brackets inside the portfolio
        if gap not in (", ", "), "):
            return
        end = _with_articled_particles(story, story.run_forward(t, 4))
        after = toks.text[toks.ends[end - 1]:toks.ends[end - 1] + 1] if end > t else ""
        if end - t >= 2 and (end == story.n or after in (",", ".", "")):
            out.append((t, end, 65, title))
        return


def _appositive_later(story: _Story, end: int) -> tuple[int, int] | None:
    """A capitalised run at ``end`` that does not close the portfolio (the next gap is not a
    comma or a full stop: "de Inclusión, Seguridad Social y Migraciones, Carmen Aldama
    Reyes", "del Instituto de Hidrología, Meteorología y Estudios Ambientales (Ideam), Paula
    Andrea Montoya"): the name set off by a comma later in the same sentence, if any."""
    toks = story.toks
    if end >= story.n or story.gap_before(end)[:1] in (",", ".", "\n"):
        return None
    for t in range(end, min(story.n, end + _PORTFOLIO_WORDS)):
        gap = story.gap_before(t)
        if "." in gap or "\n" in gap or '"' in gap:
            return None
        if gap not in (", ", "), "):
            continue
        stop = _with_articled_particles(story, story.run_forward(t, 4))
        after = toks.text[toks.ends[stop - 1]:toks.ends[stop - 1] + 1] if stop > t else ""
        if stop - t >= 2 and (stop == story.n or after in (",", ".", "")):
            return t, stop
    return None


_ARTICLED = frozenset(("los", "las", "la"))


def _with_articled_particles(story: _Story, end: int) -> int:
    """A name runs on over "de los", "de la" before a capitalised word: "Jaime de los Santos
    Ugarte", "María de la Fuente"; in Spanish copy a Catalan double surname runs on over
    "i" ("Xavier Roig i Ferrer")."""
    words = story.toks.words
    while end + 2 < story.n and words[end] == "de" and words[end + 1] in _ARTICLED and _is_name_word(
        words[end + 2]
    ) and story.tight(end - 1) and story.tight(end) and story.tight(end + 1):
        end = story.run_forward(end + 2, 2)
    if story.lang == "es" and end + 1 < story.n and words[end] == "i" and story.tight(end - 1) and story.tight(
        end
    ) and _is_name_word(words[end + 1]) and story.free(end + 1) and story.run_forward(end + 1, 2) == end + 2:
        end += 2
    return end


def _appositive_speaker(story: _Story, i: int, out: list[tuple[int, int, int, str | None]]) -> None:
    """A name set off by commas before the verb at word i: "the editor of The Guardian,
    Helen Marsh, said" (the name just before the comma), and "…,” Dana Whitcombe, the
    agriculture secretary, said" (a name after a quote or a comma, then an apposition)."""
    toks = story.toks
    start = story.run_backward(i, 3)
    if i - start >= 2 and "," in story.gap_before(start) and not story.in_org(start, i):
        out.append((start, i, 60, None))
        return
    s = story.sentence_start(i)
    for t in range(i - 1, max(s, i - 10), -1):
        if story.gap_before(t).strip() != ",":
            continue
        start = story.run_backward(t, 3)
        gap = story.gap_before(start)
        if t - start >= 2 and start > s and any(c in gap for c in "\"”»'’,") and fold(
            toks.words[t]
        ) not in _NOT_A_PERSON_CLAUSE:
            out.append((start, t, 60, None))
        return


def _past_addressee(story: _Story, j: int) -> int:
    """The word after the agency or medium a French speaker told ("a expliqué à l'AFP
    Marie X", "a déclaré à Reuters Paul Y"), where a name of two words or more follows it;
    j itself otherwise."""
    words = story.toks.words
    k = j + 1
    if k < story.n and words[k] in ("l", "la") and story.tight(k - 1):
        k += 1
    if k >= story.n or not story.tight(k - 1) or not (ORGANISATION in story.kinds_at(k) or words[k].isupper()):
        return j
    end = k + 1 if story.free(k) else story.matches[story.owner[k]].end
    if end < story.n and story.tight(end - 1) and story.run_forward(end) - end >= 2:
        return end
    return j


def _after_the(story: _Story, start: int) -> bool:
    """The capitalised words from ``start`` follow "the": "The Oklahoma Highway Patrol said"
    names a body, never a person (a person's name takes no article)."""
    return start > 0 and story.toks.words[start - 1] in ("The", "the") and story.tight(start - 1)
