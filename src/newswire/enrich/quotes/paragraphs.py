"""A story's paragraphs and sentences as quotations need them: quotations that run over
paragraphs joined into one, bracketed captions, sentence ends past abbreviations, the
paragraph that introduces the quotation below it, and the titles of works in marks.
"""

from __future__ import annotations

import re

from newswire.vocab.places import fold

_SENTENCE_END_RE = re.compile(r"[.!?…](?=[\"”»’']?(?:\s|$))")


# A paragraph that is only a bracketed caption naming the speaker of the quote above it,
# as quote lists print them: "(Kari Vestby, chief economist at DNB Markets)".
_CAPTION_RE = re.compile(r"^\s*\(((?:[^()]|\([^()\n]{1,40}\)){3,200})\)\s*\.?\s*$")
# Opening mark -> closing marks, for quotations that run over several paragraphs.
_RUN_ON = {"“": "”", '"': '"', "«": "»", "„": "“”"}
# Marks that reopen a quotation in the next paragraph: French prints « or » there.
_REOPENERS = {"«": ("«", "»")}


# Abbreviations whose full stop does not end the attribution ("Dr. Farid Noorzai said").
_ABBREVIATIONS = frozenset({
    "Dr", "Mr", "Mrs", "Ms", "Prof", "St", "Gen", "Col", "Lt", "Capt", "Sen", "Rep", "Gov",
    "Jr", "Sr", "M", "Mme", "Dra", "Sra", "Hr", "Fr", "Doç", "Av",
})
_WORD_BEFORE_RE = re.compile(r"(?<!\w)(\w+)$")
_LONGEST_ABBREVIATION = 5  # letters looked at before a full stop


# Abbreviations of amounts and the like that a full stop follows inside a sentence ("1,8
# Mrd. Euro", "2 Mio. Kunden", "1,5 млрд. рублей").
_AMOUNT_ABBREVIATIONS = frozenset({"Mrd", "Mio", "Tsd", "bzw", "Nr", "ca", "млн", "млрд", "тыс", "mld", "mil"})
# Months abbreviated before a day ("on Jan. 12", "le 4 déc. 2026" is a year: "déc. 2026"),
# whose full stop ends no sentence when a number follows.
_MONTH_ABBREVIATIONS = frozenset({
    "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "ene", "dic",
})


def _last_word(tail: str) -> str | None:
    """The word ``tail`` ends with, None when it ends with no word character (a word alone
    is itself, with no search)."""
    if tail.isalnum():
        return tail
    found = _WORD_BEFORE_RE.search(tail)
    return found.group(1) if found else None


def _sentence_ends(text: str) -> list[re.Match[str]]:
    """The sentence ends in ``text``, not the full stop of an abbreviation ("Mrd.", "Dr.")."""
    ends = []
    for m in _SENTENCE_END_RE.finditer(text):
        if m.group() != ".":
            ends.append(m)
            continue
        end = m.start()
        # The word before the mark has no space in it, so the search starts after the last
        # space before it (what a search from 0 finds, without the walk over the text before).
        word = _last_word(text[text.rfind(" ", 0, max(0, end - 1)) + 1:end])
        if word and (word in _ABBREVIATIONS or word in _AMOUNT_ABBREVIATIONS):
            continue
        if word and ((len(word) == 1 and "A" <= word <= "Z") or (
            word in _MONTH_ABBREVIATIONS and text[m.end():m.end() + 2].strip()[:1].isdigit()
        )):
            # "William E. Donaldson", "U.S. Ski", "on Jan. 12 to discuss": no end (a Latin
            # initial; Cyrillic ones, "имени И. Т. Трубилина", are left as they were)
            continue
        if word and word[:1].isdigit() and text[m.end():m.end() + 3].lstrip()[:1].islower():
            continue  # "sastati 20. januara 2027. u Prištini", "am 3. März": an ordinal, a date
        ends.append(m)
    return ends


def _attribution_end(after: str) -> int | None:
    """Where the sentence that follows a quote ends (past any title abbreviation)."""
    for stop in _SENTENCE_END_RE.finditer(after):
        if stop.group() != ".":
            return stop.start()
        word = _last_word(after[max(0, stop.start() - _LONGEST_ABBREVIATION):stop.start()])
        if word is not None and (word in _ABBREVIATIONS or (len(word) == 1 and word.isupper())):
            continue
        return stop.start()
    return None


def _open_mark(paragraph: str) -> str | None:
    """The quotation mark this paragraph leaves open at its end, if any."""
    for opener, closers in _RUN_ON.items():
        if opener not in paragraph:
            continue
        if opener in closers:
            if paragraph.count(opener) % 2:
                return opener
        elif paragraph.count(opener) > sum(paragraph.count(c) for c in closers):
            return opener
    return None


def _paragraphs(text: str) -> list[tuple[str, int]]:
    """``(paragraph, offset)``; a quotation that runs over paragraphs (each one reopening
    the mark, only the last closing it) is joined into one paragraph without the
    reopening marks."""
    out: list[tuple[str, int]] = []
    offset = 0
    pending: str | None = None
    for paragraph in text.split("\n"):
        stripped = paragraph.lstrip()
        if pending is not None and out and stripped.startswith(_REOPENERS.get(pending, pending)):
            joined, start = out[-1]
            out[-1] = (f"{joined} {stripped[1:].lstrip()}", start)
        else:
            out.append((paragraph, offset))
        pending = _open_mark(out[-1][0])
        offset += len(paragraph) + 1
    return out


# Kinds of work whose title follows in marks ("su novela “…”", "le film « … »", "the album
# '…'"): what stands in the marks right after one is a title, never a quotation. Folded.
_WORK_NOUNS = frozenset(fold(w) for w in (
    "novela", "película", "filme", "cinta", "libro", "obra", "serie", "canción", "disco", "álbum",
    "documental", "cortometraje", "largometraje", "poemario", "ópera", "exposición", "ensayo",
    "roman", "film", "livre", "album", "chanson", "série", "documentaire", "spectacle",
    "exposition", "pièce", "opéra", "essai", "métrage",
    "novel", "movie", "book", "song", "series", "documentary", "play", "exhibition", "opera",
    "Roman", "Buch", "Lied", "Serie", "Stück", "Oper", "Ausstellung", "Dokumentarfilm",
    "knjiga", "pjesma", "serija", "predstava", "izložba", "opera",
    "фильм", "роман", "книга", "альбом", "спектакль", "сериал", "выставка", "опера", "песня",
    "فيلم", "رواية", "كتاب", "مسلسل", "معرض", "ألبوم",
))
_ELISIONS = "'’"


def _after_work_noun(before: str) -> bool:
    """The words before a quotation end with the kind of a work: the marks hold its title."""
    tail = before[-30:].rstrip()
    if not tail or not tail[-1].isalpha():
        return False
    word = tail.split()[-1]
    for mark in _ELISIONS:
        word = word.rpartition(mark)[2]  # "l'album"
    return fold(word) in _WORK_NOUNS


def _introduction(paragraph: str) -> str | None:
    """The last sentence of a paragraph that ends with a colon (it introduces the quotation
    below it), else None."""
    paragraph = paragraph.rstrip()
    if not paragraph.endswith(":"):
        return None
    ends = list(_SENTENCE_END_RE.finditer(paragraph))
    return paragraph[ends[-1].end():] if ends else paragraph
