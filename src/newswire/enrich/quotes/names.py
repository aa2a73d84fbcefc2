"""The shape of a person's name in an attribution: a capitalised run without the titles it
opens with, its last two words, a Russian patronymic, the words of a sentence where its
subject is named, and the words left once names after a preposition (a place, a medium,
an employer) are dropped.
"""

from __future__ import annotations

from newswire.enrich.entities.cues import _ORG_START
from newswire.enrich.entities.people import _tr_noun_before_name, opens_name
from newswire.enrich.entities.words import _NAME_TAIL
from newswire.enrich.quotes.words import _PREPOSITION_REACH, _PREPOSITIONS, _SUBJECT_WORDS, _TITLE_WORDS
from newswire.vocab.places import fold

_LONGEST_TR_NAME = 3  # words of a Turkish name after a word that opens it ("Ayşe Nur X")


def _after_titles(run: list[tuple[str, str, int]], lang: str | None = None) -> list[tuple[str, str, int]]:
    """A capitalised run without the title words it opens with ("Grup Başkanvekili Aylin
    Özkaraca" -> "Aylin Özkaraca"; a role the people finder leaves off too: "Yolculardan
    Hatice X"), when two words at least are left."""
    last = max(
        (k for k, tok in enumerate(run[:-2]) if tok[1] in _TITLE_WORDS or opens_name(tok[1], lang) or (
            # "Afganistanlı Cavid X": a plural or a word of origin right before a name
            lang == "tr" and len(run) - k <= _LONGEST_TR_NAME + 1 and _tr_noun_before_name(tok[1])
        )),
        default=-1,
    )
    return run[last + 1:]


_LONGEST_NAME = 4  # words


def _hyphen_tail_end(window: str, end: int) -> int:
    """The end of a name at ``end`` taken on over the lower-case half of a hyphenated given
    name ("Hwang Dae-sung", "Gong Tae-hyun": the run stops at the lower-case word)."""
    if not window.startswith("-", end):
        return end
    stop = end + 1
    while stop < len(window) and window[stop].isalpha() and window[stop].islower():
        stop += 1
    letters = stop - end - 1
    if not 2 <= letters <= _NAME_TAIL or (stop < len(window) and (window[stop].isalnum() or window[stop] == "-")):
        return end
    return stop
_NAME_MARKS = frozenset("«\"„“")
_ORG_START_FOLDED = {lang: frozenset(fold(w) for w in heads) for lang, heads in _ORG_START.items()}
_NAME_LAST = frozenset({"ru", "de", "bs", "tr"})  # languages whose titles go before the name


_PATRONYMIC_ENDINGS = ("вич", "вна", "ична", "чна", "ьич")


def _patronymic(folded: str) -> bool:
    """A Russian patronymic ("Николаевич", "Игоревна"): the name has three words."""
    return folded.endswith(_PATRONYMIC_ENDINGS)


def _last_two(window: str, run: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """The last two words of a run, a double name joined by a hyphen counting as one
    ("Energieexpertin Sabine Oettl-Brunner" -> "Sabine Oettl-Brunner")."""
    cut, spaces = len(run), 0
    while cut > 1 and spaces < 2:
        cut -= 1
        spaces += window[run[cut - 1][2] + len(run[cut - 1][0]):run[cut][2]] == " "
    return run[cut:] if spaces == 2 else run


def _name_read_on(window: str, toks: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """A sentence's first words (where its subject is named), and the rest of a name that
    starts among them ("La consellera de Emergencias e Interior, Marta Ribelles Climent")."""
    end = min(_SUBJECT_WORDS, len(toks))
    while end < len(toks) and toks[end][0][:1].isupper() and toks[end - 1][0][:1].isupper() and window[
        toks[end - 1][2] + len(toks[end - 1][0]):toks[end][2]
    ] in (" ", "-"):
        end += 1
    return toks[:end]


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _past_prepositions(window: str, toks: list[tuple[str, str, int]], start: int) -> list[tuple[str, str, int]]:
    """The words of an attribution without the capitalised runs from ``start`` on that follow
    a preposition (and an article or a noun): those name a place, a medium or an employer."""
    kept = toks[:start]
    dropping = False
    for i in range(start, len(toks)):
        raw = toks[i][0]
        if not raw[:1].isupper() or "," in window[toks[i - 1][2]:toks[i][2]] or _acronym(toks[i - 1][0]):
            # a name set off by a comma is an apposition ("..., Jean X"), and one after the
            # medium's acronym is the speaker ("a commenté auprès de l'AFP Agathe X")
            dropping = False
        elif not dropping:
            # up to three lower-case words back: "a Radio X", "en la Casa X", "à la radio X";
            # a case ending after a hyphen is no preposition ("ravnatelj KBC-a Split X")
            back = i - 1
            while back >= start and i - back <= _PREPOSITION_REACH and not toks[back][0][:1].isupper():
                if toks[back][1] in _PREPOSITIONS and window[toks[back][2] - 1:toks[back][2]] != "-":
                    dropping = True
                    break
                back -= 1
        if not dropping:
            kept.append(toks[i])
    return kept
