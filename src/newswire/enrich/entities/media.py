"""Broadcasters, newspapers and agencies named in an attribution: "told Sky Sports", "said
on DZMM radio", "a-t-elle déclaré sur BFMTV", "au micro de Canal+", "declaró a Win Sports",
"sagte dem Deutschlandfunk", "rekao je za N1", "beIN Sports'a konuşan".

Agency copy names the medium a person spoke to right after the speech verb. The name there
is an organisation (never the speaker), but a person can stand in the same place ("told
Maria Lopez"), so a name is taken only with a sign that it is a medium: a word in capitals
(ABC, HRT, N1), a camel-case word (beIN), a "+" after it (Canal+), a media word ending it
(Sky Sports, Radio Mitre, Deutschlandfunk) or following it ("ABC radio").
"""

from __future__ import annotations

import re

from newswire.enrich.entities.cues import _SAY
from newswire.enrich.entities.story import _cased, _Story, _token_at
from newswire.enrich.entities.words import _opening
from newswire.vocab.places import fold

# What stands between the speech verb and the medium's name, by language (as written; any case).
_MEDIA_PREPOSITIONS: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (("told",), ("on",), ("in", "an", "interview", "with"), ("speaking", "to"), ("talking", "to")),
    "fr": (("au", "micro", "de"), ("sur",), ("à", "l", "antenne", "de"), ("dans", "un", "entretien", "à")),
    "es": (("a",), ("en", "declaraciones", "a"), ("en", "entrevista", "con")),
    "de": (("dem",), ("der",), ("im",), ("bei",)),
    "bs": (("za",),),
}
_PREPOSITION_RE = {
    lang: re.compile(
        _opening(p[0] for p in phrases)
        + r"(?<!\w)(?:" + "|".join(r"[\s'’]+".join(map(re.escape, p)) for p in phrases) + r")(?=\s)",
        re.IGNORECASE,
    )
    for lang, phrases in _MEDIA_PREPOSITIONS.items()
}
# Lower-case nouns allowed between the preposition and the name ("told broadcaster beIN
# Sports", "sur la chaîne BFMTV") and after it ("ABC radio").
_MEDIA_NOUNS = frozenset(fold(w) for w in (
    "broadcaster", "channel", "radio", "television", "tv", "newspaper", "daily", "station",
    "public", "la", "le", "chaîne", "cadena", "emisora", "canal", "radija", "televiziji",
    "sender", "television", "televisión", "télévision",
))
# Words that open a medium's name, whatever follows: "Radio Sarajevo", "Radio Mitre".
_MEDIA_HEADS = frozenset(fold(w) for w in ("Radio", "Radija", "Televizija", "Télé"))
# Words that end a medium's name (folded): "Sky Sports", "Radio Mitre" (a head), "BBC News".
_MEDIA_ENDINGS = ("sports", "sport", "news", "tv", "radio", "fm", "times", "post", "journal",
                  "herald", "funk", "zeitung", "blatt", "info", "haber", "deportes", "television",
                  "network", "channel", "kanal")
_SAY_LAST = frozenset(fold(verb.split()[-1]) for verbs in _SAY.values() for verb in verbs) | frozenset(
    fold(w) for w in ("told", "déclaré", "dit", "ajouté", "expliqué", "affirmé", "réagi", "raconté", "dijo",
                      "declaró", "rekao", "rekla", "izjavio", "izjavila", "kazao", "kazala", "sagte", "sagt")
)
_SAY_REACH = 8  # words between the speech verb and the medium
_SPEECH_PREPOSITIONS = frozenset(("told", "speaking", "talking"))
# "X'a konuşan", "X'e açıklama yapan", "X'e verdiği demeçte": the medium in the dative
_TR_SPOKE_RE = re.compile(r"['’](?:a|e|ya|ye|na|ne) (?:konuşan|konuştu|açıklama|açıklamada|verdiği|demecinde)\b")


def _camel(word: str) -> bool:
    return word[:1].islower() and any(c.isupper() for c in word[1:])


def _capitals(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def media_after_speech(story: _Story) -> list[tuple[int, int, int]]:
    """``(start, end, confidence)`` of media names after a speech verb (and, in Turkish,
    before "konuşan")."""
    if story.lang == "tr":
        return _turkish_media(story)
    found = _PREPOSITION_RE.get(story.lang or "")
    if found is None:
        return []
    words = story.toks.words
    out: list[tuple[int, int, int]] = []
    for hit in found.finditer(story.text):
        k = _token_at(story.toks, hit.start())
        start = _token_at(story.toks, hit.end() - 1) + 1
        # the speech verb a few words before, in the same sentence ("told", "speaking to" are
        # one themselves: the reactions format's "(Name, title, speaking to Gulf News)")
        told = hit.group().split()[0].lower() in _SPEECH_PREPOSITIONS
        low = max(0, k - _SAY_REACH)
        # the nearest such verb (looked for backwards, from the preposition)
        said = k if told else next((v for v in range(k - 1, low - 1, -1) if fold(words[v]) in _SAY_LAST), None)
        if said is None or said < story.sentence_start(k):
            continue
        while start < story.n and fold(words[start]) in _MEDIA_NOUNS and not _cased(words[start]):
            start += 1
        span = _medium_at(story, start)
        if span is not None:
            out.append((*span, 55))
    return out


def _medium_at(story: _Story, start: int) -> tuple[int, int] | None:
    words, toks = story.toks.words, story.toks
    if start >= story.n or not (_cased(words[start]) or _camel(words[start])):
        return None
    end = start + 1
    while end < story.n and end - start < 4 and story.tight(end - 1) and _cased(words[end]):
        end += 1
    if fold(words[start]) in _MEDIA_HEADS and end - start >= 2:
        # "za Radio Sarajevo": a broadcaster named after its town
        if any(story.kinds_at(x) - {"org_end", "org_start", "org_before", "place"} for x in range(start, end)):
            return None
        return start, end
    if any(story.kinds_at(x) - {"org_end", "org_start", "org_before"} for x in range(start, end)):
        return None  # a person, place or title the matcher knows
    name = words[start:end]
    if end < story.n and words[end].isdigit() and len(words[end]) <= 3 and story.gap_before(end) == " ":
        end += 1  # "Network 10", "Channel 4": the number is part of the name
    after = toks.text[toks.ends[end - 1]:toks.ends[end - 1] + 1]
    noun_after = end < story.n and story.tight(end - 1) and fold(words[end]) in _MEDIA_NOUNS
    if (
        any(_capitals(w) or _camel(w) for w in name) or after == "+" or noun_after
        or fold(name[-1]).endswith(_MEDIA_ENDINGS)
    ):
        return start, end
    return None


def _turkish_media(story: _Story) -> list[tuple[int, int, int]]:
    """"beIN Sports'a konuşan", "TRT Haber'e açıklama yapan": the name before the dative
    suffix."""
    words, toks = story.toks.words, story.toks
    out: list[tuple[int, int, int]] = []
    for hit in _TR_SPOKE_RE.finditer(story.text):
        end = _token_at(toks, hit.start())
        if end >= story.n or toks.ends[end] != hit.start():
            continue
        end += 1
        start = end - 1
        while start > 0 and end - start < 3 and story.tight(start - 1) and (
            _cased(words[start - 1]) or _camel(words[start - 1])
        ):
            start -= 1
        if _camel(words[start]) or _cased(words[start]):
            span = _medium_at(story, start)
            if span is not None and span[1] == end:
                out.append((start, end, 55))
    return out


# -- journals a study is published in ------------------------------------------------------
# "published in the journal Nature Astronomy", "dans la revue Physical Review Letters", "in
# der Fachzeitschrift «The Lancet Regional Health – Europe»": the journal's name follows its
# kind noun, whole (a journal's title runs over "of", "and", "the" and a dash).
_JOURNAL_NOUNS = frozenset(fold(w) for w in (
    "journal", "revue", "Fachzeitschrift", "Zeitschrift", "Fachjournal", "Fachmagazin", "revista",
    "dergisi",
))
_JOURNAL_STEMS = ("journal", "revue", "zeitschrift", "revista", "dergisi", "fachmagazin")
_JOURNAL_NOUN_RE = re.compile(
    _opening(_JOURNAL_NOUNS) + r"(?<!\w)(?:" + "|".join(sorted(_JOURNAL_NOUNS, key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)
_TITLE_JOINS = frozenset(("of", "and", "the", "&", "–", "-", "de", "du", "des", "und", "für"))
_OPENING_QUOTES = ("«", "„", "“", '"')
_MAX_TITLE_WORDS = 7


def journals_after_kind(story: _Story) -> list[tuple[int, int, int]]:
    """``(start, end, confidence)`` of the journals named after their kind noun (above)."""
    toks, words = story.toks, story.toks.words
    out: list[tuple[int, int, int]] = []
    lowered = story.text.lower()
    if not any(noun in lowered for noun in _JOURNAL_STEMS):
        return out  # most stories name no journal: a substring test is five times cheaper
    for hit in _JOURNAL_NOUN_RE.finditer(story.text):
        k = _token_at(toks, hit.start())
        if k + 1 >= story.n or toks.starts[k] != hit.start() or (story.lang != "de" and _cased(words[k])):
            continue
        gap = story.gap_before(k + 1)
        if gap.strip() in _OPENING_QUOTES and gap.startswith(" "):
            close = next((i for i, c in enumerate(story.text[toks.starts[k + 1]:], toks.starts[k + 1])
                          if c in "»“”\"\n"), None)
            if close is not None and story.text[close] != "\n":
                out.append((k + 1, _token_at(toks, close - 1) + 1, 60))
            continue
        if gap != " " or not _cased(words[k + 1]) or not story.free(k + 1):
            continue
        end = k + 2
        while end < min(story.n, k + 1 + _MAX_TITLE_WORDS) and story.gap_before(end) in (" ", " – ", "-") and (
            _cased(words[end]) or (words[end] in _TITLE_JOINS and end + 1 < story.n and _cased(words[end + 1]))
        ):
            end += 1
        out.append((k + 1, end, 60))
    return out
