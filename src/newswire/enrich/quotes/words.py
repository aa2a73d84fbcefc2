"""Word tables of attributions other than verbs: pronouns, role words, articles and
complements, words that never open a name, title words, prepositions, clause conjunctions.
"""

from __future__ import annotations

from newswire.enrich.entities.cues import _TITLES
from newswire.vocab.places import WORD_RE, fold

_PRONOUNS: dict[str, frozenset[str]] = {
    "en": frozenset({"he", "she", "they"}),
    "tr": frozenset({"o"}),
    "ru": frozenset({"он", "она", "они", "его", "ее", "её"}),
    "fr": frozenset({"il", "elle", "ils", "elles"}),
    "es": frozenset({"el", "ella"}),
    "de": frozenset({"er", "sie"}),
    "bs": frozenset({"on", "ona", "oni", "njegovim", "njezinim", "njenim", "njihovim"}),
    "ar": frozenset(),
}
_ALL_PRONOUNS = frozenset().union(*_PRONOUNS.values())
# Role nouns that, after a definite article, stand for a person named before: the one-word
# titles of the entity cues (lower case in every language but German), folded.
_ROLE_WORDS = frozenset(
    fold(title) for titles in _TITLES.values() for title in titles
    if " " not in title and "." not in title and len(title) > 3
) - frozenset({"head", "chief", "leader", "executive", "official", "deputy"})
_SUBJECT_WORDS = 8  # a sentence's subject is named within its first words
_DEFINITE = frozenset({"the", "el", "la", "le", "der", "die"})
_COMPLEMENT = frozenset({"de", "of", "du", "des", "del", "d", "der"})


# Languages that put a person in the genitive between a title and the speaker's name.
_GENITIVE_FIRST = frozenset({"ru", "bs", "hr", "sr"})


_NON_NAMES_TEXT = (
        "The A An This That It He She They We I You His Her Their But And Or In On At As If "
        "When While After Before However Meanwhile Also Speaking According Asked Earlier Later "
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Yesterday Tomorrow "
        "O Bu Он Она Они Мы Я Il Elle Ils Le La Les Un Une El Ella Los Las Er Sie Es Der Die "
        "Das Ein Eine On Ona Oni"
)
_NON_NAMES = frozenset(fold(w) for w in _NON_NAMES_TEXT.split())


# Every word of a capitalised title ("Grup Başkanvekili", "Teknik Direktörü"), folded.
_TITLE_WORDS = frozenset(fold(w) for titles in _TITLES.values() for title in titles for w in WORD_RE.findall(title))


# Prepositions (and the articles after them) before a place, a medium or an employer named
# after a verb of saying: "a Radio Mitre", "en la Casa Rosada", "à la radio RTL", "to the BBC".
_PREPOSITIONS = frozenset({
    "a", "al", "en", "ante", "desde", "durante", "tras", "con", "para", "por", "sobre", "de", "del",
    "à", "au", "aux", "dans", "pendant", "lors", "devant", "chez", "avec", "pour", "par", "du", "des", "d", "sur",
    "to", "in", "at", "on", "during", "from", "with", "for", "by", "of",
    "im", "am", "beim", "bei", "vor", "gegenuber", "nach", "auf", "mit", "von", "vom", "zum", "zur", "dem",
})
_PREPOSITION_REACH = 3  # lower-case words between the preposition and the name


# Coordinating conjunctions that open a new clause (its verb is not the attribution of the
# quote before it), folded.
_CLAUSE_CONJUNCTIONS = frozenset({
    "y", "e", "pero", "aunque", "mientras", "and", "but", "while", "et", "mais", "tandis", "und", "aber",
    "sondern", "ali", "ama", "fakat", "и", "но",
    "i", "te",  # Bosnian "and": "kazao je da je budžet „…“, te najavio amandmane"
})
