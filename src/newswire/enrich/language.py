"""Language detection: set ``item.language`` (BCP 47 primary subtag) when an editor did not.

py3langid (which ships its model) is restricted to the wire's languages
(:data:`SUPPORTED_LANGUAGES`); below :data:`MIN_CONFIDENCE`, or if the model cannot be
loaded, the writing system decides (Arabic script -> ``ar``, Cyrillic -> ``ru`` or ``sr``),
and otherwise :data:`FALLBACK_LANGUAGE`.

Before the model, letters decide the languages the wire carries but does not enrich
(:data:`IDENTIFIED_ONLY`), which share a script with a supported one and which a model
restricted to the supported set would call by its neighbour's name: Persian writes the
letters پ چ ژ گ and its own yeh and keheh (ی ک) where Arabic has ي ك; Kazakh Cyrillic has
ә ғ қ ң ө ұ ү һ і; Azerbaijani Latin has ə. A handful of these letters in the first
:data:`MAX_CHARS` settles it (a quoted name alone does not). :func:`supported` tells the
pipeline which steps may run.

Bosnian, Croatian and Serbian (Latin script) are one language system with small, regular
differences, and statistical identifiers confuse them on short texts. Our choice: once the
model says "one of bs/hr/sr", lexical cues decide -

* Cyrillic script, or ekavian forms (``vreme``, ``predsednik``, ``gde``) outnumbering
  ijekavian ones (``vrijeme``, ``predsjednik``, ``gdje``): ``sr``;
* Croatian-only words (month names ``siječanj``..``prosinac``, ``tko``, ``tisuća``,
  ``tjedan``, ``zrakoplov``, ``nogomet``, ...) outnumbering Bosnian-only ones (``hiljada``,
  ``sedmica``, ``historija``, ``januar``..``decembar``, ``kanton``, ...): ``hr``, and the
  reverse: ``bs``;
* no cue either way: the model's pick if it holds :data:`SOUTH_SLAVIC_SHARE` of the
  group's probability, else :data:`SOUTH_SLAVIC_DEFAULT` (``bs``, the language of the
  agency's regional desk).

The confidence reported for the group is the model's combined probability for bs+hr+sr,
since the group itself is what the model is sure about.
"""

from __future__ import annotations

import logging
import re
from array import array
from collections import Counter
from functools import cache
from typing import Any

from newswire.enrich import mapped
from newswire.enrich.text import item_text, words
from newswire.model import MACHINE_CREATOR, Item

log = logging.getLogger(__name__)

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "tr", "ar", "ru", "fr", "es", "de", "bs", "hr", "sr")
IDENTIFIED_ONLY: tuple[str, ...] = ("fa", "az", "kk")  # identified, not enriched
FALLBACK_LANGUAGE = "en"
MIN_CONFIDENCE = 0.5
MAX_CHARS = 500  # the model reads this much (its cost grows with the bytes it walks)
CUE_CHARS = 4000  # the bs/hr/sr word cues read this much
SOUTH_SLAVIC: frozenset[str] = frozenset({"bs", "hr", "sr"})
SOUTH_SLAVIC_DEFAULT = "bs"
SOUTH_SLAVIC_SHARE = 0.6

_HR_PREFIXES = (
    "siječ", "veljač", "ožuj", "travanj", "travnj", "svibanj", "svibnj", "lipanj", "lipnj",
    "srpanj", "srpnj", "kolovoz", "rujan", "rujn", "listopad", "prosinac", "prosinc",
    "studenog", "tisuć", "tjedan", "tjedn", "zrakoplov", "nogomet", "izvješ", "glazb",
    "obitelj", "povijest", "kruh", "gospodarst", "tvrtk", "županij", "ravnatelj", "sveučiliš",
    "kazališ", "europ", "financij", "suradnj", "zaklad", "redatelj", "točn", "točk", "uvjet",
)
_HR_WORDS = frozenset({"tko", "studeni", "projekt", "vlak", "vlaka", "vlakovi"})
_BS_PREFIXES = (
    "hiljad", "historij", "sedmic", "januar", "februar", "august", "septemb", "oktob",
    "novemb", "decemb", "kanton", "entitet", "bošnja", "fudbal", "evrop", "finansi",
    "saradnj", "fondacij", "reditelj", "pozorišt", "univerzitet", "porodic", "tačn", "tačk",
)
_BS_WORDS = frozenset(
    {"bih", "mart", "marta", "maj", "maja", "juni", "juna", "juli", "jula", "projekat", "šta"}
)
# Ekavian (Serbian standard) against ijekavian (Bosnian, Croatian) reflexes of old "ě".
_EKAVIAN_PREFIXES = (
    "predsedn", "predlog", "opštin", "mlek", "mesec", "mesto", "mesta", "mestu", "vesti",
)
_EKAVIAN_WORDS = frozenset({
    "gde", "ovde", "hteo", "dete", "deca", "dece", "deci", "ceo", "cela", "celu", "celog", "pre",
    "posle", "reka", "reke", "reč", "reči", "svet", "svetu", "lepo", "lepa", "nedelja",
    "nedelje", "vreme", "dve", "sever", "severu",
})
_IJEKAVIAN_PREFIXES = (
    "vrijem", "predsjedn", "mlijek", "mjesec", "mjest", "rijek", "riječ", "djec", "djet",
    "svijet", "sjednic", "poslije", "lijep", "cijel", "sjever", "vijest", "vijeć", "bijel",
    "prijedlog",
)
_IJEKAVIAN_WORDS = frozenset({"gdje", "ovdje", "htio", "prije", "dvije"})


# Letters only the unsupported neighbour writes, against letters only the supported one does.
_PERSIAN_LETTERS = frozenset("پچژگیک")
_ARABIC_LETTERS = frozenset("يكة")
_KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_AZERBAIJANI_LETTERS = frozenset("əƏ")
_OWN_LETTERS = _PERSIAN_LETTERS | _KAZAKH_LETTERS | _AZERBAIJANI_LETTERS
# The same letters as a character class: one regex scan finds whether a sample holds any,
# where ``_OWN_LETTERS.isdisjoint(sample)`` hashed each of its 500 characters in turn.
_OWN_LETTER_RE = re.compile("[" + "".join(sorted(_OWN_LETTERS)) + "]")
MIN_OWN_LETTERS = 3  # fewer is a quoted name, not the language of the text
MIN_OWN_SHARE = 0.01  # of the letters in the sample


def supported(language: str | None) -> bool:
    """True when the enrichment steps that read the words can run on ``language`` (a BCP 47
    tag: ``en-GB`` is ``en``)."""
    return language is not None and language.split("-")[0].lower() in SUPPORTED_LANGUAGES


def _by_letters(sample: str) -> tuple[str, float] | None:
    """A language of :data:`IDENTIFIED_ONLY` its own letters give away, with their share."""
    if _OWN_LETTER_RE.search(sample) is None:
        return None  # the common case, decided without a loop in Python
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return None
    counts = dict.fromkeys(("fa", "ar", "kk", "az"), 0)
    for ch in letters:
        if ch in _PERSIAN_LETTERS:
            counts["fa"] += 1
        elif ch in _ARABIC_LETTERS:
            counts["ar"] += 1
        elif ch in _KAZAKH_LETTERS:
            counts["kk"] += 1
        elif ch in _AZERBAIJANI_LETTERS:
            counts["az"] += 1
    for language in ("fa", "kk", "az"):
        own = counts[language]
        rival = counts["ar"] if language == "fa" else 0
        if own >= MIN_OWN_LETTERS and own / len(letters) >= MIN_OWN_SHARE and own > rival:
            return language, max(_script_guess(sample)[1], 0.5)
    return None


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = _walking_in_numpy(LanguageIdentifier).from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(SUPPORTED_LANGUAGES))
    _rows_together(identifier)
    _forget_other_languages(identifier)
    _compact_tables(identifier)
    _share_transitions(identifier)
    identifier.walk_tables = _walk_tables(identifier)
    return identifier


# How many bytes back the model's state depends on (its longest feature, 6 bytes): the state
# after each byte is found by walking only that many bytes from the start state, for all
# positions at once; :func:`_visited_features` checks the answer against the model's own
# transitions, so a model that remembers further back is walked byte by byte as before.
_WALK_CONTEXT = 6


@cache
def _walking_in_numpy(base: type) -> Any:
    """The model's class, scoring with :func:`_visited_features` (the same features in the
    same order as its byte-by-byte walk in Python, which was most of the language step)."""

    class NumpyWalk(base):
        __slots__ = ("walk_tables",)

        def _raw_score(self, text: bytes) -> Any:
            visits = _visited_features(getattr(self, "walk_tables", None), text)
            if visits is None:  # no feature, or no tables to walk: the model's own answer
                return super()._raw_score(text)
            return self._sparse_score(visits, self.nb_ptc)

    return NumpyWalk


def _walk_tables(identifier: Any) -> tuple[Any, Any, Any] | None:
    """The model's transition, row-offset and output tables as numpy views (no copy), or
    None when they are not flat int buffers."""
    import numpy as np  # here, not at import: a server that has enriched nothing holds no numpy

    tables = (identifier.tk_nextmove, identifier._rowbase, identifier.tk_output)
    if not all(isinstance(table, array | memoryview) for table in tables):
        return None
    return tuple(np.asarray(table) for table in tables)  # type: ignore[return-value]


def _visited_features(tables: tuple[Any, Any, Any] | None, text: bytes) -> Counter[int] | None:
    """The features the model's walk over ``text`` emits, counted in the order it first
    meets them (as ``py3langid.langid.visit_counts`` does), or None when it meets none, when
    there are no tables, or when the walk back over :data:`_WALK_CONTEXT` bytes disagrees with
    the model's transitions anywhere (then the caller walks byte by byte)."""
    if tables is None or not text:
        return None
    import numpy as np

    nextmove, rowbase, output = tables
    letters = np.frombuffer(text, dtype=np.uint8).astype(np.intp)
    n = len(letters)
    states = np.zeros(n, dtype=np.intp)  # the state after each byte, from the start state
    for back in range(min(_WALK_CONTEXT, n) - 1, -1, -1):  # walked from the byte `back` before
        states[back:] = nextmove[rowbase[states[back:]] + letters[: n - back]]
    if states[0] != nextmove[rowbase[0] + letters[0]] or not np.array_equal(
        nextmove[rowbase[states[:-1]] + letters[1:]], states[1:]
    ):
        return None  # each state is not the one its predecessor leads to: walk byte by byte
    features = output[states]
    found = features[features >= 0]
    return Counter(found.tolist()) if len(found) else None


def _share_transitions(identifier: Any) -> None:
    """Read the model's byte-transition table (39 MB, the largest thing a server holds)
    from a file every process maps and shares (:mod:`newswire.enrich.mapped`), not from a
    copy in each process. Left alone if this version of the model does not have it as an
    int array."""
    table = getattr(identifier, "tk_nextmove", None)
    if isinstance(table, array) and table.typecode in "HIL":
        identifier.tk_nextmove = mapped.shared(table, "langid-transitions")


def _rows_together(identifier: Any) -> None:
    """Hold the wire's feature-by-language weights row by row. ``set_languages`` leaves them
    column by column (each language's weights together), so the model's look-up of the
    features a text meets (``nb_ptc[features]``) read each feature's eleven weights (one a
    column) from eleven places 200 KB apart, where one read will do. The look-up returns a
    new row-major array either way: the same values, so the same scores. Left alone if this
    version of the model has no such array."""
    import numpy as np

    table = getattr(identifier, "nb_ptc", None)
    if isinstance(table, np.ndarray) and table.ndim == 2:
        identifier.nb_ptc = np.ascontiguousarray(table)


def _forget_other_languages(identifier: Any) -> None:
    """Let go of the model's weights for the languages :func:`_identifier` restricted it
    away from. ``set_languages`` copies the wire's columns out of the full feature-by-
    language table and keeps the full one (28 MB for 142 languages, against 2 MB for the
    wire's ten) only so it can be restricted again, which the wire never does. Left alone
    if this version of the model does not keep it."""
    if hasattr(identifier, "_full_model"):
        identifier._full_model = (identifier.nb_ptc, identifier.nb_pc, identifier.nb_classes)


def _compact_tables(identifier: Any) -> None:
    """Hold the model's per-state tables (row offsets, output feature) as flat int arrays
    instead of lists of int objects: the same values, read the same way by the model's byte
    walk, but a fraction of the memory, so far fewer cache misses per byte (the walk is the
    costliest part of the language step once other steps have run). Left alone if this
    version of the model does not have them."""
    try:
        rows, output = identifier._rowbase, identifier.tk_output
        compact_rows, compact_output = array("i", rows), array("i", output)
    except (AttributeError, TypeError, OverflowError):
        return
    identifier._rowbase, identifier.tk_output = compact_rows, compact_output


def _script_guess(text: str) -> tuple[str | None, float]:
    """The language a writing system implies, with the share of letters in that script."""
    arabic = cyrillic = latin = serbian = 0
    for ch in text:
        if not ch.isalpha():
            continue
        if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f":
            arabic += 1
        elif "\u0400" <= ch <= "\u04ff":
            cyrillic += 1
            if ch in "ђћџљњјЂЋЏЉЊЈ":
                serbian += 1
        else:
            latin += 1
    total = arabic + cyrillic + latin
    if not total:
        return None, 0.0
    if arabic / total > 0.5:
        return "ar", arabic / total
    if cyrillic / total > 0.5:
        return ("sr" if serbian else "ru"), cyrillic / total
    return None, latin / total


def _south_slavic(text: str, probs: dict[str, float]) -> str:
    script, _ = _script_guess(text[:MAX_CHARS])
    if script in ("sr", "ru"):
        return "sr"
    hr = bs = ekavian = ijekavian = 0
    for w in words(text):
        if w in _HR_WORDS or w.startswith(_HR_PREFIXES):
            hr += 1
        if w in _BS_WORDS or w.startswith(_BS_PREFIXES):
            bs += 1
        if w in _EKAVIAN_WORDS or w.startswith(_EKAVIAN_PREFIXES):
            ekavian += 1
        if w in _IJEKAVIAN_WORDS or w.startswith(_IJEKAVIAN_PREFIXES):
            ijekavian += 1
    if ekavian > ijekavian:
        return "sr"
    if hr != bs:
        return "hr" if hr > bs else "bs"
    group = {lang: probs.get(lang, 0.0) for lang in sorted(SOUTH_SLAVIC)}
    best = max(group, key=group.__getitem__)
    if group[best] >= SOUTH_SLAVIC_SHARE * sum(group.values()):
        return best
    return SOUTH_SLAVIC_DEFAULT


def detect(text: str) -> tuple[str, float]:
    """``(language, confidence 0..1)`` among :data:`SUPPORTED_LANGUAGES` and
    :data:`IDENTIFIED_ONLY`."""
    sample = text[:MAX_CHARS]
    if not any(ch.isalpha() for ch in text[:CUE_CHARS]):
        return FALLBACK_LANGUAGE, 0.0
    outside = _by_letters(sample)
    if outside is not None:
        return outside
    try:
        ranking: list[tuple[str, float]] = _identifier().rank(sample)
    except Exception:  # the model could not load: the script is all we have
        log.warning("py3langid unavailable; guessing the language from the script")
        ranking = []
    if ranking:
        best, confidence = ranking[0]
        probs = dict(ranking)
        if best in SOUTH_SLAVIC:
            confidence = min(sum(probs.get(lang, 0.0) for lang in SOUTH_SLAVIC), 1.0)
            if confidence >= MIN_CONFIDENCE:
                return _south_slavic(text[:CUE_CHARS], probs), float(confidence)
        elif confidence >= MIN_CONFIDENCE:
            return best, float(confidence)
    script, share = _script_guess(sample)
    if script is not None:
        return script, share
    return FALLBACK_LANGUAGE, 0.0


def detect_language(item: Item) -> Item:
    """Set ``language`` when the item has none (an editor's or parser's value wins)."""
    if item.language:
        return item
    text = item_text(item)
    if not text.strip():
        return item
    language, confidence = detect(text)
    enriched = dict(item.extra.get("enriched", {}) or {})  # type: ignore[call-overload]
    enriched["language"] = {"creator": MACHINE_CREATOR, "confidence": round(confidence * 100)}
    return item.evolve(language=language, extra={**item.extra, "enriched": enriched})
