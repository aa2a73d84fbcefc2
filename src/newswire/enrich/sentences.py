"""Sentence splitting for the wire's languages (en, tr, ar, ru, fr, es, de, bs/hr/sr).

Rule based and fast: a paragraph break always ends a sentence; inside a paragraph a run
of ``.`` ``!`` ``?`` ``…`` ``؟`` ``۔`` (with any closing quotes or brackets after it, so
``."`` and ``.”`` and ``. »`` end after the quote) followed by white space is a boundary
unless

* the next word starts with a lower-case letter (``"Why?" he asked``, ``e.g. this``);
* the word before the full stop is a known abbreviation - titles and other words that
  never end a sentence (``Mr.``, ``Prof.``, ``Dr.``, ``M.``, ``Sr.``, ``z.B.``, ``Nr.``,
  ``т.е.``, ``им.``, ...) - or an ambiguous one (``U.S.``, ``EE.UU.``, ``vb.``, ``usw.``,
  ``т.д.``, ...) that ends a sentence only before a typical sentence opener (``The``,
  ``El``, ...) or, in languages without such a list, before a capital;
* the word before is one letter (an initial, ``В. Путин``, ``J. Smith``, Arabic ``د.``);
* in Turkish, German and Bosnian/Croatian/Serbian, it is a number of one or two digits
  (an ordinal: ``3. Oktober``, ``2. Dünya Savaşı``); four-digit years still end sentences;
* Russian ``г.`` ends a sentence only after a year (``в 2024 г. Президент``), never before
  a city (``г. Москва``).

A full stop inside a quotation that goes on (``"We won. We are happy," he said.``) does
not end the sentence, so quoted passages stay whole (up to :data:`MAX_QUOTE_CHARS`).
Numbers with dots (``1.5``, ``2.000``) and the Arabic comma ``،`` never split: there is
no space after the dot, and a comma is not a terminator. Scripts without case (Arabic)
split at every terminator followed by a space.
"""

from __future__ import annotations

import re
from functools import cache

_TERMINATORS = ".!?…؟۔"
# Terminator run, then closing quotes/brackets (a French guillemet may follow a space).
_CANDIDATE_RE = re.compile(r"[.!?…؟۔]+(?:[\"'“”’»)\]]|[\u00a0\u202f ]»)*(?=\s)")
_NEXT_WORD_RE = re.compile(r"\s*[\"'“‘«„(\[¿¡]*(\w*)")
_TOKEN_STOP = frozenset("\"'“‘«„([")
_QUOTE_RE = re.compile("[\"“”«»„]")
_QUOTE_CLOSERS = {'"': '"', "“": "”", "«": "»", "„": "“”"}
MAX_QUOTE_CHARS = 600  # a longer quotation is split into its sentences after all
_ORDINAL_DOT_LANGS = frozenset({"tr", "de", "bs", "hr", "sr"})

# Words that never end a sentence when written with a full stop (lower case, no dot).
_NONFINAL_COMMON = {
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "gov", "sen", "rep", "lt",
    "col", "sgt", "capt", "cmdr", "adm", "rev", "hon", "messrs", "mme", "mlle", "mgr", "no",
    "nos", "vol", "pp", "ca", "cf", "fig", "approx", "e.g", "i.e", "vs", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
_NONFINAL: dict[str, set[str]] = {
    "en": {"pres", "supt", "insp", "gov", "atty", "ft", "mt", "ave", "blvd", "dept", "est"},
    "tr": {
        "doç", "av", "yrd", "alb", "org", "korg", "tuğg", "tümg", "bkz", "örn", "sn", "hz", "mah",
        "cad", "sok", "tel", "s",
    },
    "ru": {
        "им", "т.е", "т.к", "т.н", "т.ч", "см", "ул", "д", "пр", "акад", "проф", "ст", "тыс", "руб",
        "пос", "обл", "р", "с", "о", "гл", "зам", "ген", "тов", "г-н", "г-жа",
    },
    "fr": {"m", "mm", "me", "ste", "av", "bd", "env", "p", "hab", "boul", "dép"},
    "es": {
        "sra", "srta", "d", "dña", "dra", "lic", "ing", "arq", "av", "avda", "núm", "pág", "p.ej",
        "gral", "excmo", "excma", "ud", "uds", "vd", "vds",
    },
    "de": {
        "z.b", "nr", "hr", "fr", "bzw", "vgl", "d.h", "u.a", "str", "abs", "inkl", "ggf", "evtl",
        "s", "mio", "mrd", "tsd", "jh", "zzgl", "ca", "dipl", "ing", "o.ä", "u.ä", "z.t",
    },
    "bs": {"sv", "br", "tzv", "npr", "tj", "odn", "str", "ul", "gđa", "g", "gosp", "mil", "mlrd"},
    "ar": set(),
}
_NONFINAL["hr"] = _NONFINAL["sr"] = _NONFINAL["bs"]

# Abbreviations that may end a sentence: split only before a sentence opener / capital.
_AMBIGUOUS_COMMON = {"etc", "u.s", "u.k", "u.n", "e.u", "inc", "ltd", "corp", "co", "a.m", "p.m"}
_AMBIGUOUS: dict[str, set[str]] = {
    "tr": {"vb", "vs", "a.ş", "şti", "yy", "ltd"},
    "ru": {"г", "гг", "т.д", "т.п", "др", "млн", "млрд", "в", "вв"},
    "es": {"ee.uu", "etc", "ud"},
    "de": {"usw", "etc", "u.ä", "bzw"},
    "fr": {"etc"},
    "bs": {"itd", "god", "sl"},
}
_AMBIGUOUS["hr"] = _AMBIGUOUS["sr"] = _AMBIGUOUS["bs"]

# Typical sentence openers: after an ambiguous abbreviation these mean "new sentence".
def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_OPENERS: dict[str, frozenset[str]] = {
    "en": _wordset(
        "the a an he she it they we i in on at but and this that these those his her its their "
        "there after before when while however meanwhile officials police according"
    ),
    "es": _wordset("el la los las un una en pero y este esta estos estas su sus según"),
    "fr": _wordset("le la les un une en mais et ce cette ces il elle ils elles selon"),
    "de": _wordset("der die das ein eine er sie es wir in im am aber und dies diese nach"),
}


@cache
def _abbreviations(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    nonfinal = _NONFINAL_COMMON | _NONFINAL.get(lang, set())
    ambiguous = (_AMBIGUOUS_COMMON | _AMBIGUOUS.get(lang, set())) - nonfinal
    return frozenset(nonfinal), frozenset(ambiguous)


def _primary(lang: str | None) -> str:
    return (lang or "en").split("-", 1)[0].lower()


def split_sentences(text: str, lang: str | None = "en") -> list[str]:
    """Sentences in reading order; paragraph breaks (new lines) always end one."""
    code = _primary(lang)
    nonfinal, ambiguous = _abbreviations(code)
    openers = _OPENERS.get(code)
    sentences: list[str] = []
    for paragraph in text.split("\n"):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        start = 0
        quotes = _quote_spans(paragraph) if _QUOTE_RE.search(paragraph) else []
        for match in _CANDIDATE_RE.finditer(paragraph):
            end = match.end()
            if quotes and _inside(quotes, match.start(), end):
                continue
            if _is_boundary(paragraph, match.start(), end, match.group(), code, nonfinal,
                            ambiguous, openers):
                piece = paragraph[start:end].strip()
                if piece:
                    sentences.append(piece)
                start = end
        rest = paragraph[start:].strip()
        if rest:
            sentences.append(rest)
    return sentences


def _is_boundary(
    text: str,
    pos: int,
    end: int,
    punct: str,
    lang: str,
    nonfinal: frozenset[str],
    ambiguous: frozenset[str],
    openers: frozenset[str] | None,
) -> bool:
    following = _NEXT_WORD_RE.match(text, end)
    next_word = following.group(1) if following else ""
    if not next_word:
        return True  # a quote, dash or bracket opens what follows: treat as a new sentence
    first = next_word[0]
    if first.islower():
        return False
    if not punct.startswith("."):
        return True  # ! ? … ؟ ۔ before a capital, a digit or a caseless script
    if punct.startswith(".."):
        return True  # an ellipsis before a capital
    word_start = _token_start(text, pos)
    word = text[word_start:pos].lower()
    if not word:
        return True
    if word in nonfinal:
        return False
    dotted = "." in word and all(len(part) <= 3 for part in word.split("."))
    if first.isdigit() and (word in ambiguous or dotted):
        return False
    if len(word) == 1 and word.isalpha():
        # an initial: "В. Путин", "J. Smith" - or Russian "г." (year / city) and "в." (century)
        if lang == "ru" and word in ambiguous:
            return _after_number(text, word_start) and first.isupper()
        return False
    if word.isdigit():
        return not (lang in _ORDINAL_DOT_LANGS and len(word) <= 2)
    if word in ambiguous or dotted:
        if not first.isupper():
            return False
        return openers is None or next_word.lower() in openers
    return True


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) positions of balanced quotations in one paragraph."""
    spans: list[tuple[int, int]] = []
    opener = ""
    start = 0
    for match in _QUOTE_RE.finditer(text):
        char = match.group()
        if not opener:
            if char in _QUOTE_CLOSERS:
                opener, start = char, match.start()
        elif char in _QUOTE_CLOSERS[opener]:
            if match.start() - start <= MAX_QUOTE_CHARS:
                spans.append((start, match.start()))
            opener = ""
    return spans


def _inside(spans: list[tuple[int, int]], pos: int, end: int) -> bool:
    """True when a terminator at ``pos`` sits inside a quotation that goes on after it."""
    return any(open_ < pos and end <= close for open_, close in spans)


def _token_start(text: str, pos: int) -> int:
    """Where the word ending at ``pos`` starts (after white space or an opening quote)."""
    i = pos
    while i > 0 and not text[i - 1].isspace() and text[i - 1] not in _TOKEN_STOP:
        i -= 1
    return i


def _after_number(text: str, start: int) -> bool:
    """True when the token before the one starting at ``start`` is a number."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end < start and text[_token_start(text, end):end].rstrip(",").isdigit()
