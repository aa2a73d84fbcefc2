"""Attributions whose verb comes first after the quote and its comma, recognised by the
verb's shape whatever the verb: French inverted (passé composé or present), German
verb-second, Spanish preterite or perfect.
"""

from __future__ import annotations

from newswire.enrich.quotes.verbs import _ES_AUXILIARIES

# French inverted attribution: after the closing guillemet and its comma comes the verb, in
# the passé composé ("», a savouré l'entraîneur X", "», a-t-il averti", "», s'est félicité
# X") or the present ("», assure le coauteur X", "», analyse dans Sud Ouest le politologue X").
_FR_PARTICIPLE_ENDINGS = ("e", "i", "u", "t", "s")
_FR_SUBJECT_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "on"})
_FR_AFTER_PRESENT = frozenset({
    "le", "la", "l", "les", "un", "une", "sa", "son", "ses", "leur", "cet", "cette", "t",
    "dans", "a", "au", "aux", "sur", "devant", "aupres", "lors", "pendant", "chez",
})
_FR_FUNCTION_WORDS = frozenset({
    "comme", "cette", "elle", "entre", "notre", "votre", "chaque", "contre", "avant", "apres",
    "pendant", "depuis", "surtout", "tout", "toute", "toutes", "mais", "puis", "quelque", "sauf",
    "notamment", "avec", "dont", "lorsque", "parce", "presque", "meme", "encore", "alors", "une",
})


def _opens_with_fr_attribution(after: str, toks: list[tuple[str, str, int]]) -> bool:
    """French puts the verb of an inverted attribution first after the quote and its comma,
    whatever the verb: "a" and a participle, "a-t-il" and one, "s'est" and one, or a verb in
    the present followed by its subject (an article, a possessive, a name) or where it spoke."""
    if not after.lstrip().startswith(",") or len(toks) < 2 or not toks[0][0][:1].islower():
        return False
    first, second = toks[0][1], toks[1]
    if first == "a":
        if second[1] == "t":
            return len(toks) > 2 and toks[2][1] in _FR_SUBJECT_PRONOUNS
        return second[0][:1].islower() and second[1] != "ete" and second[1].endswith(_FR_PARTICIPLE_ENDINGS)
    if first in ("s", "se"):
        return second[0][:1].islower()
    return (
        len(first) > 3 and first.endswith(("e", "t")) and first not in _FR_FUNCTION_WORDS
        and (second[1] in _FR_AFTER_PRESENT or second[0][:1].isupper())
    )


# German puts the finite verb second: after a quote in first place and its comma, a lower-case
# word (nouns are capitalised) is the verb of attribution, whatever it is ("„…“, räumte
# Flensburgs Trainer X ein", "«…», fragte die Landesvorsitzende X") - unless it opens a clause.
_DE_CLAUSE_OPENERS = frozenset({
    "und", "aber", "doch", "oder", "denn", "sondern", "weil", "dass", "da", "wie", "wenn", "als",
    "ob", "obwohl", "wahrend", "nachdem", "bevor", "damit", "die", "der", "das", "den", "dem",
    "ein", "eine", "einen", "einem", "einer", "was", "wo", "wobei", "womit", "so", "sowie",
})


def _opens_with_de_attribution(after: str, toks: list[tuple[str, str, int]]) -> bool:
    """A lower-case word right after the quote and its comma: the verb of German V2 order."""
    return after.lstrip().startswith(",") and bool(toks) and toks[0][0][:1].islower() and (
        toks[0][1] not in _DE_CLAUSE_OPENERS
    )


# The participle endings after the Spanish perfect's auxiliary.
_ES_PARTICIPLE_ENDINGS = ("ado", "ido", "cho", "to")


def _opens_with_es_attribution(after: str, toks: list[tuple[str, str, int]]) -> bool:
    """Spanish sets the verb of attribution right after the quote and its comma, in the
    preterite or the perfect ("…", criticó la vicepresidenta / "…", ha alertado X): a
    lower-case word there ending in an accented -ó, or "ha"/"han" and a participle, is one
    whatever the verb (a title in marks as a subject takes no comma: "…" ganó el premio)."""
    if not after.lstrip().startswith(",") or not toks:
        return False
    first = toks[0][0]
    if first[:1].islower() and len(first) > 3 and first.endswith("ó"):
        return True
    return len(toks) > 1 and toks[0][1] in _ES_AUXILIARIES and toks[1][0][:1].islower() and (
        toks[1][1].endswith(_ES_PARTICIPLE_ENDINGS)
    )
