"""People named by the minute they scored or by the clause that follows them: sports copy
lists scorers with their minutes ("Théo Marchetti (34e)", "Mason Greenwood-Hall à la 23e
minute", "34. dakikada Kerem Aktürkoğlu"), and a relative clause about a person follows a
name ("Tom Ellis, who ...", "Bernd Reichle, der ...").
"""

from __future__ import annotations

import re

from newswire.enrich.entities.story import _Story, _token_at
from newswire.enrich.entities.words import _opening

_MINUTE = r"\d{1,3}(?:e|'|’|\.|th|st|nd|rd|-й)?"
# After a name: "(34e)", "(12, 58)", "(12 y 40)", "à la 23e minute", "in the 71st minute",
# "in der 67. Minute", "u 28. minuti", "на 15-й минуте".
_MINUTE_AFTER_RE = re.compile(
    rf" (?:\({_MINUTE}(?:(?:, ?| y | et | and | und | i | ve | и ){_MINUTE})*\)"
    rf"|(?:à la|in the|in der|u|na|на) {_MINUTE} (?:minute|Minute|minuti|minuta|минуте))"
)
# Before a name: Turkish "34. dakikada", Russian "на 15-й минуте".
_MINUTE_BEFORE_RE = re.compile(rf"\b(?:{_MINUTE} dakikada|на {_MINUTE} минуте) (?=\w)")
# Words each of its matches holds: looking for them spares most stories the costlier scan.
_MINUTE_BEFORE_WORDS = ("dakikada", "минуте")
# A relative clause about a person right after a name set off by a comma.
_WHO_RE = {"en": re.compile(r", who "), "de": re.compile(r", der ")}
_MAX_NAME = 3
# A scoring verb or noun right before the scorer's name: "descontó Iker X", "verkürzte Nils
# X", "отличился Никита X", "des buts d'X et de Y", "tek golünü Cenk X attı", "goals from X".
_SCORED_WORDS: dict[str, frozenset[str]] = {lang: frozenset(words.split()) for lang, words in {
    "es": "descontó marcó anotó igualó empató sentenció amplió firmó",
    "de": "verkürzte erzielte traf glich köpfte erhöhte vollendete",
    "ru": "отличился отличилась отличились забил забила сравнял сравняла удвоил оформил",
    "fr": "but buts réalisation doublé égalisation",
    "tr": "golünü gollerini golü golleri",
    "en": "goal goals strike header",
    # "a za Osijek je pogodio X", "Golove su postigli X i Y"
    "bs": "pogodio pogodila zabio zabila postigao postigla strijelac zabili_su postigli_su",
}.items()}
# A scoring verb right after the scorer's name: "mientras que Juan Ignacio Quintero descontó".
_SCORED_AFTER_NAME_RE = {
    "es": re.compile(r" (?<=\w )(?=(?:descontó|marcó|anotó|igualó|sentenció|amplió) )"),
}
_SCORED_FIRST = {lang: frozenset(w.split("_")[0] for w in words) for lang, words in _SCORED_WORDS.items()}
_SCORED_AFTER = {"fr": r" (?:d['’]|de\s+)", "en": r" from\s+"}
_SCORED_BEFORE_RE = {
    lang: re.compile(
        _opening(words) + r"(?<!\w)(?:" + "|".join(w.replace("_", " ") for w in sorted(words, key=len, reverse=True))
        + ")" + _SCORED_AFTER.get(lang, r"\s+")
        + r"(?=\w)"
    )
    for lang, words in _SCORED_WORDS.items()
}
# Between two scorers of one list: "X et de Y", "X y Y", "X, Y".
_NEXT_SCORER_RE = re.compile(
    rf"(?: u {_MINUTE}| \({_MINUTE}\))?(?:,| and| y| e| et de| et d['’]| und| ve| и| i)(?![^\W\d_]) ?"
)


def find_scorers_and_relatives(story: _Story, out: list[tuple[int, int, int, str | None]]) -> None:
    """Append ``(start, end, confidence, None)`` for each such name of two or three words."""
    if story.caseless:
        return
    toks, text = story.toks, story.text
    ends = [m.start() for m in _MINUTE_AFTER_RE.finditer(text)]
    who = _WHO_RE.get(story.lang or "")
    if who is not None:
        ends.extend(m.start() for m in who.finditer(text))
    # German capitalises the nouns before a name ("der Österreicher Julian Steiner"): two words
    longest = 2 if story.lang == "de" else _MAX_NAME
    for at in ends:
        k = _token_at(toks, at - 1) + 1
        start = story.run_backward(k, longest)
        if k - start >= 2 and toks.ends[k - 1] == at and _free(story, start, k):
            out.append((start, k, 60, None))
    minutes = any(word in text for word in _MINUTE_BEFORE_WORDS)
    for m in _MINUTE_BEFORE_RE.finditer(text) if minutes else ():
        k = _token_at(toks, m.end())
        end = story.run_forward(k, _MAX_NAME, allow_person=True)
        if end - k >= 2 and _free(story, k, end):
            out.append((k, end, 60, None))
    # against the set of distinct words, the few point and scoring words are looked up, not every word
    if not _POINT_WORDS.isdisjoint(story.distinct):
        for m in _POINTS_RE.finditer(text):
            _points_list(story, m.start(), out)
    after = _SCORED_AFTER_NAME_RE.get(story.lang or "")
    if after is not None:
        for m in after.finditer(text):
            k = _token_at(toks, m.start())
            start = story.run_backward(k + 1, _MAX_NAME)
            if k + 1 - start >= 2 and _free(story, start, k + 1):
                out.append((start, k + 1, 60, None))
    scored = _SCORED_BEFORE_RE.get(story.lang or "")
    if scored is not None and not _SCORED_FIRST[story.lang or ""].isdisjoint(story.distinct):
        for m in scored.finditer(text):
            _scorer_list(story, _token_at(toks, m.end()), out)


# Basketball copy lists players with their points: "Tarık X 22, Devon Y 18 ve Mert Z 14
# sayıyla oynadı", "X had 22 points", "X 22 Punkte".
_POINT_WORDS = frozenset(("sayıyla", "sayı", "points", "Punkte", "Punkten", "puntos", "очков", "очка", "poena"))
_POINTS_RE = re.compile(r"(?<=\d) (?:" + "|".join(sorted(_POINT_WORDS, key=len, reverse=True)) + r")(?!\w)")


def _points_list(story: _Story, at: int, out: list[tuple[int, int, int, str | None]]) -> None:
    """The names before each number of the list that ends at offset ``at``."""
    toks = story.toks
    k = _token_at(toks, at - 1)  # the last number
    first = story.sentence_start(k)
    for n in range(k, first, -1):
        word = toks.words[n]
        if not word.isdigit() or len(word) > 3:
            continue
        start = story.run_backward(n, _MAX_NAME)
        if n - start >= 2 and toks.text[toks.ends[n - 1]:toks.starts[n]] == " " and _free(story, start, n):
            out.append((start, n, 60, None))


def _scorer_list(story: _Story, k: int, out: list[tuple[int, int, int, str | None]]) -> None:
    """The names from word k on, joined as a list ("X et de Y", "X, Y y Z")."""
    toks, text = story.toks, story.text
    for _ in range(4):
        end = story.run_forward(k, _MAX_NAME, allow_person=True)
        if end - k < 2 or not _free(story, k, end):
            return
        out.append((k, end, 60, None))
        joined = _NEXT_SCORER_RE.match(text, toks.ends[end - 1])
        if joined is None or end >= story.n or joined.end() == toks.ends[end - 1] or (
            toks.starts[end] > joined.end() + 1
        ):
            return
        k = _token_at(toks, joined.end()) if toks.starts[end] < joined.end() else end


def _free(story: _Story, i: int, j: int) -> bool:
    """No word of i..j is a place, organisation or cue the matcher knows (a known person is
    fine)."""
    return all(story.kinds_at(k) <= {"person"} for k in range(i, j))
