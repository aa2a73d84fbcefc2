"""Shared text helpers for the enrichment steps: plain text of an item, paragraphs, words.

The plain text of a body is cached by its HTML (a few dozen entries) because several steps
ask for it in the same pipeline run.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from newswire.formats.sanitize import html_to_text
from newswire.model import Item

# Letters and digits of any script (``\w`` without the underscore), keeping in-word
# apostrophes out: "Ankara'da" -> "ankara", "da".
_WORD_RE = re.compile(r"[^\W_]+")
# Characters that split or pad words: Arabic diacritics (tashkeel), superscript alef and
# tatweel; soft hyphens, zero-width (non-)joiners and spaces, word joiners, BOMs.
_INVISIBLE_RE = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
    "\u00ad\u200b\u200c\u200d\u2060\ufeff]"
)
_TURKIC = frozenset({"tr", "az"})
# Punctuation common in news text; none is ever part of a word.
_SEPARATORS = ",.\"“”«»()'’‘:;!?-–—/%…„[]،؛؟"



def primary_language(lang: str | None) -> str | None:
    """The primary subtag, lower case: ``"pt-BR"`` -> ``"pt"``."""
    if not lang:
        return None
    return lang.split("-", 1)[0].split("_", 1)[0].lower() or None


def lower(text: str, lang: str | None = None) -> str:
    """Lower case, Turkish-aware: in tr/az ``I`` -> ``ı``; ``İ`` -> ``i`` everywhere."""
    if primary_language(lang) in _TURKIC:
        text = text.replace("I", "ı")
    # "İ".lower() would give "i" + a combining dot, which splits words.
    return text.replace("İ", "i").lower()


def words(text: str, lang: str | None = None) -> list[str]:
    """Lower-cased words (letters/digits of any script), Arabic diacritics removed."""
    return _split_words(_prepare(text, lang))


def words_of_lines(lines: Sequence[str], lang: str | None = None) -> list[list[str]]:
    """:func:`words` of each line (lines without line breaks), cleaned in one pass."""
    if len(lines) < 2:
        return [words(line, lang) for line in lines]
    prepared = _prepare("\n".join(lines), lang).split("\n")
    if len(prepared) != len(lines):  # a line had a break after all
        return [words(line, lang) for line in lines]
    return [_split_words(line) for line in prepared]


def _prepare(text: str, lang: str | None) -> str:
    text = lower(_INVISIBLE_RE.sub("", text), lang)
    # The commonest separators become spaces first (str.replace is far cheaper than the
    # regex below), so that most tokens after the split are whole words.
    for mark in _SEPARATORS:
        if mark in text:
            text = text.replace(mark, " ")
    return text


def _split_words(text: str) -> list[str]:
    tokens = text.split()
    if all(map(str.isalnum, tokens)):
        return tokens  # the usual case once the common separators are spaces
    found: list[str] = []
    for token in tokens:
        # str.isalnum() is exactly the regex's "word character but not _": most tokens
        # are whole words, and the regex only runs on those with punctuation inside.
        if token.isalnum():
            found.append(token)
        else:
            found.extend(_WORD_RE.findall(token))
    return found


@lru_cache(maxsize=64)
def _plain(body: str, content_type: str | None) -> str:
    if content_type and "html" not in content_type.lower():
        lines = (" ".join(line.split()) for line in body.splitlines())
        return "\n".join(line for line in lines if line)
    return html_to_text(body)


def body_text(item: Item) -> str:
    """The main body as plain text, one paragraph per line."""
    body = _main_body(item)
    return _plain(body[0], body[1]) if body else ""


def body_paragraphs(item: Item) -> list[str]:
    text = body_text(item)
    return text.split("\n") if text else []


def item_text(item: Item) -> str:
    """Headline, standfirst and body as plain text, one paragraph per line."""
    parts = [item.headline.strip(), (item.standfirst or "").strip(), body_text(item)]
    return "\n".join(p for p in parts if p)


MAX_ENRICHED_CHARS = 50_000  # ten times a long wire story; what the rule-based finders read


def enriched_text(item: Item) -> str:
    """:func:`item_text` up to :data:`MAX_ENRICHED_CHARS`, cut after the last whole paragraph
    (or word) that fits: what the entity, quote and diary finders read. Their many rules are
    linear in a story's length only on copy shaped like stories; on a pasted table or a
    document made to be slow, some grow with its square, and the API takes bodies of 5 MB."""
    text = item_text(item)
    if len(text) <= MAX_ENRICHED_CHARS:
        return text
    head = text[:MAX_ENRICHED_CHARS + 1]
    cut = head.rfind("\n")
    if cut < MAX_ENRICHED_CHARS // 2:  # one huge paragraph: the last whole word
        cut = head.rfind(" ")
    return head[:cut if cut > 0 else MAX_ENRICHED_CHARS].rstrip()


def _main_body(item: Item) -> tuple[str, str | None] | None:
    chosen = None
    for body in item.bodies:
        if body.role == "main":
            chosen = body
            break
    if chosen is None and item.bodies:
        chosen = item.bodies[0]
    if chosen is None:
        return None
    content_type = chosen.content_type
    if content_type is None and "<" not in chosen.value:
        content_type = "text/plain"
    return chosen.value, content_type


# Frequent function words (three letters or more; shorter words are dropped anyway) that
# carry no topic: left out when comparing sentences and matching headlines.
_STOPWORDS: dict[str, str] = {
    "en": "the and for that with from this was were are has have had will would said says "
    "its his her their they them which who whom been being also after before into over "
    "about than not but can could may might our out all one two new more most other such "
    "when where while there these those what",
    "tr": "bir ile için olarak olan daha çok gibi ise her şu dedi söyledi belirtti ancak "
    "kadar sonra önce bu şekilde ayrıca üzere göre olduğu olduğunu yer aldı",
    "ar": "في من على إلى أن إن عن مع التي الذي هذا هذه كان كانت قال وقال ذلك بين بعد قبل "
    "حيث كما وفي عام خلال أيضا",
    "ru": "что это как его она они был была были будет также для при после перед более "
    "или если уже только может этом этого которые который которая заявил сказал года году",
    "fr": "les des une pour que qui dans sur par est avec son ses cette ont été sont aux "
    "plus mais comme tout elle ils elles leur leurs entre selon après avant",
    "es": "los las del una por para con que sus fue como más pero este esta ese esa han "
    "según entre sobre tras también desde hasta muy",
    "de": "der die das und den von mit des dem ein eine einer eines ist für auf sich nicht "
    "auch als bei nach wird wurde sagte sind war haben hat aus über vor zum zur noch",
    "bs": "je da na se za su od sa će koji koja koje iz kao do to ne ali bi kako što ili te "
    "prema rekao kazao nakon godine između već biti bio bila bilo",
}
_STOPWORDS["hr"] = _STOPWORDS["sr"] = _STOPWORDS["bs"]


@lru_cache(maxsize=32)
def stopwords(lang: str | None) -> frozenset[str]:
    """Function words for a language (empty for languages without a list)."""
    return frozenset(_STOPWORDS.get(primary_language(lang) or "", "").split())


def content_words(text: str, lang: str | None = None, min_len: int = 3) -> list[str]:
    """Words without function words, numbers and very short words."""
    stop = stopwords(lang)
    return [w for w in words(text, lang) if len(w) >= min_len and w not in stop and not w.isdigit()]


# -- stemming ----------------------------------------------------------------------------
# Snowball stemmers for the languages where they behave well on news text. Stems are cached
# per language (news vocabulary repeats, so most look-ups are hits); the stemmer objects
# keep state, so each thread gets its own.
SNOWBALL_LANGUAGES: dict[str, str] = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "de": "german",
    "ru": "russian",
    "ar": "arabic",
    "tr": "turkish",
}
MAX_STEM_CACHE = 200_000
_stem_cache: dict[str, dict[str, str]] = {}
_local = threading.local()
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي"})
_ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")


def has_stemmer(lang: str | None) -> bool:
    return primary_language(lang) in SNOWBALL_LANGUAGES


def _stemmer(name: str) -> Any:
    stemmers: dict[str, Any] | None = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    found = stemmers.get(name)
    if found is None:
        import snowballstemmer

        found = stemmers[name] = snowballstemmer.stemmer(name)
    return found


def normalize_arabic(word: str) -> str:
    """Unify alef/ya forms and drop the article with its clitics (و، ب، ك، ف، ل)."""
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix):]
            break
    return word.translate(_ARABIC_LETTERS)


def stem_words(tokens: list[str], lang: str | None) -> list[str]:
    """Snowball stems of lower-cased words (the words themselves without a stemmer)."""
    code = primary_language(lang) or ""
    name = SNOWBALL_LANGUAGES.get(code)
    if name is None:
        return list(tokens)
    cache = _stem_cache.get(code)
    if cache is None:
        cache = _stem_cache[code] = {}
    out: list[str] = []
    stemmer = None
    for token in tokens:
        stem = cache.get(token)
        if stem is None:
            if stemmer is None:
                stemmer = _stemmer(name)
            word = normalize_arabic(token) if code == "ar" else token
            stem = stemmer.stemWord(word)
            if len(cache) >= MAX_STEM_CACHE:
                cache.clear()
            cache[token] = stem
        out.append(stem)
    return out
