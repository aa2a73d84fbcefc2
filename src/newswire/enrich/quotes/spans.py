"""Where a quotation stands in a paragraph: between quotation marks of every style the
wire uses, or after a dash (Russian, BCS, Spanish dialogue).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newswire.enrich.quotes.verbs import _SAY_WORDS
from newswire.vocab.places import fold

MIN_WORDS = 3

_LETTER = r"[^\W\d_]"
# A single mark opens only after a non-letter: checked by a look-behind placed after the
# mark (not before it), so the regex engine can skip ahead to the marks.
_PATTERNS_DEFAULT: tuple[re.Pattern[str], ...] = (
    re.compile(r"“([^“”\n]+)”"),
    re.compile(r"„([^„“”\n]+)[“”]"),
    re.compile(r"«([^«»\n]+)»"),
    # »…« opens after a non-letter and closes before one, so the gap between two «…»
    # names ("«Росконгресс». Его … «Россия 24»") is not a quotation.
    re.compile(r"»(?<![^\W_]»)([^«»\n]+)«(?![^\W_])"),
    re.compile(rf"‘(?<!{_LETTER}‘)(?=\S)(.+?)(?<=\S)’(?!{_LETTER})"),
    re.compile(r'"([^"\n]+)"'),
    re.compile(rf"'(?<!{_LETTER}')(?=[^\W\d_\"“])(.+?)(?<=\S)'(?!{_LETTER})"),
)


class _Span(NamedTuple):
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark
    text: str


# Each pattern with its opening mark: a paragraph without the mark needs no search.
_OPENED_DEFAULT = tuple(zip(_PATTERNS_DEFAULT, "“„«»‘\"'", strict=True))
# German: »…« first (and the Swiss «…» after it).
_OPENED_DE = (_OPENED_DEFAULT[3], *_OPENED_DEFAULT[:3], *_OPENED_DEFAULT[4:])
_Opened = tuple[tuple[re.Pattern[str], str], ...]


def _mark_patterns(text: str, lang: str | None) -> _Opened:
    """The patterns (in their order) of the opening marks that ``text`` holds: a story's
    paragraphs need try no others."""
    return tuple(pair for pair in (_OPENED_DE if lang == "de" else _OPENED_DEFAULT) if pair[1] in text)


def _find_spans(paragraph: str, lang: str | None, patterns: _Opened | None = None) -> list[_Span]:
    """The quotations between marks in ``paragraph``; ``patterns``: those of
    :func:`_mark_patterns` for the whole story, when known."""
    taken: list[_Span] = []
    for pattern, opener in _mark_patterns(paragraph, lang) if patterns is None else patterns:
        if opener not in paragraph:
            continue
        for m in pattern.finditer(paragraph):
            start, end = m.start(), m.end()
            if any(s.start < end and start < s.end for s in taken):
                continue
            inner = m.group(1).strip()
            if len(inner.split()) < MIN_WORDS:
                continue
            taken.append(_Span(start, end, inner))
    taken.sort(key=lambda s: s.start)
    return taken


# Speech after a dash (Russian, BCS, Spanish dialogue): a paragraph opens with a dash, and
# a dash after the speech opens its attribution, which starts in lower case ("— Текст, —
# сказал Иванов.", "- Tekst, - rekao je ministar.", "—Texto —dijo el técnico—.").
_DASH_OPEN_RE = re.compile(r"^\s*(?:[—–]\s*|-\s+)(?=\S)")
_DASH_SAY_RE = re.compile(
    r"([,!?…])\s*[—–]\s*(?=[^\W\d_])|([,!?…])\s+-\s+(?=[^\W\d_])|\s[—–](?=[^\W\d_])"
    # Hina's and FENA's hyphen with no comma before it ("- Tekst - rekao je X."): only before
    # a verb of saying, since a hyphen also sets off an aside inside the speech.
    r"|\s-\s+(?=(?P<verb>[^\W\d_]+))"
)
# The speech going on after its attribution: "…, — сказал он. — Продолжение" / "…, — сказал
# он, — продолжение".
_DASH_RESUME_RE = re.compile(r"[.,]\s*[—–]\s*(?=[^\W\d_])|[.,]\s+-\s+(?=[^\W\d_])")


_DASH_LINE_RE = re.compile(r"^\s*[—–-]", re.M)
# Dash speech opening after a sentence of the paragraph ("X kazao je da je bod zaslužen. -
# Drugo poluvrijeme ... - rekao je X."): taken only with its attribution, as at the start.
_DASH_MID_OPEN_RE = re.compile(r"(?<=\w)[.!?] (?:[—–] ?|- )(?=[^\W\d_])")


def _dash_spans(paragraph: str) -> list[_Span]:
    """Dash speech in a paragraph: each stretch of speech that an attribution follows or
    interrupts (a dash paragraph with no attribution of its own, an interview's questions
    and answers, is not a quotation)."""
    opening = _DASH_OPEN_RE.match(paragraph) or (
        _DASH_MID_OPEN_RE.search(paragraph) if " - " in paragraph or "—" in paragraph or "–" in paragraph else None
    )
    if opening is None:
        return []
    out: list[_Span] = []
    start = opening.start() + opening.group().index(opening.group().lstrip(" .!?")[0])
    pos = opening.end()
    while True:
        close = next((m for m in _DASH_SAY_RE.finditer(paragraph, pos) if paragraph[m.end()].islower()
                      and (m["verb"] is None or fold(m["verb"]) in _SAY_WORDS)), None)
        if close is None:
            if out:  # the speech resumed after its attribution runs to the paragraph's end
                out.append(_Span(start, len(paragraph), paragraph[pos:].strip()))
            return out
        mark = close.group(1) or close.group(2) or ""
        out.append(_Span(start, close.end(), paragraph[pos:close.start()].strip() + (mark if mark in "!?…" else "")))
        resume = _DASH_RESUME_RE.search(paragraph, close.end())
        if resume is None:
            return out
        start, pos = resume.start() + 1, resume.end()


def _clean(text: str) -> str:
    text = text.strip()
    while text and text[-1] in ",،;:—–-":
        text = text[:-1].rstrip()
    return text
