"""Word lists the finders consult: stop words, connectors and particles inside names,
abbreviations, and word endings (Russian adjectives and genitives, Latin-script adjectives).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newswire.vocab.places import fold


def _split(text: str) -> list[str]:
    return text.split()


def _opening(alternatives: Iterable[str]) -> str:
    """``(?=[...])`` of the alternatives' first characters (as written: a pattern's flags
    apply to it as to them). Put before a pattern each of whose matches opens with one of
    them, it finds the same matches, and at every other position of the story the regex
    engine fails at one character-class test instead of trying the whole pattern (a
    look-behind first); it does not jump ahead as it does for a pattern opening with a literal."""
    return "(?=[" + "".join(sorted({re.escape(a[0]) for a in alternatives})) + "])"


# Connectors inside names (folded): "Bank of England", "Organisation des Nations unies".
_CONNECTORS = frozenset(
    _split(
        "of for and the on in at de des du la le les l d et del los las y e i o za na für der "
        "die das und von vom zur zum ve ile и в о по при di da van pour por para "
    )
)
_PARTICLES = frozenset(_split(
    "bin bint ibn al el de da van von der den ter di du le la abu ben dos del "
))


# Capitalised words that do not start or end a name (folded).
_STOP = frozenset(
    _split(
        "he she it they we i you the this that these those a an in on at but and or if when "
        "while as after before however meanwhile also his her their its our my there here what "
        "which who whom why how all some many most several both each other another such no not "
        "yes mr mrs ms dr prof sir madam according speaking asked earlier later last next new "
        "monday tuesday wednesday thursday friday saturday sunday january february march april "
        "may june july august september october november december jan feb mar apr jun jul aug "
        "sep sept oct nov dec today yesterday tomorrow o bu şu bunu bunun ayrıca ancak ise ve "
        "ile de da için gibi daha çok en pazartesi salı çarşamba perşembe cuma cumartesi pazar "
        "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık он она они "
        "мы я вы это этот эта эти его ее их в на по из с и но а что как также однако при для "
        "после до от за понедельник вторник среда четверг пятница суббота воскресенье il elle "
        "ils elles nous je le la les un une des au aux ce cette ces selon mais et ou lundi "
        "mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin "
        "juillet août septembre octobre novembre décembre el ella ellos ellas los las un una "
        "unos unas este esta estos estas pero y según lunes martes miércoles jueves viernes "
        "sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre "
        "noviembre diciembre er sie es wir ich der die das ein eine einen dem den des und aber "
        "laut nach vor im am montag dienstag mittwoch donnerstag freitag samstag sonntag januar "
        "februar märz juni juli oktober dezember on ona oni mi ja vi taj ta to u na i ali prema "
        "je su ponedjeljak utorak srijeda četvrtak petak subota nedjelja "
    )
)
_STOP_FOLDED = frozenset(fold(w) for w in _STOP)
_AR_STOP = frozenset(
    fold(w)
    for w in _split(
        "في من إلى على عن أن إن إنه أنه قال وقال خلال مع بعد قبل الذي التي هذا هذه ذلك تلك كما "
        "أو ثم حيث لدى عند منذ حتى بين يوم أمس اليوم غدا وأن وإن بأن لأن كان كانت قد لقد ما لا "
        "لم لن هو هي هم نحو عبر ضمن وفق وفقا أيضا بينما فيما إذ إذا كل بعض جميع عام العام "
        "الماضي المقبل "
    )
)
_RU_ADJ_ENDINGS = (
    "ого", "его", "ому", "ему", "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ых",
    "их", "ым", "им", "ую", "юю", "ской", "ского",
)
# The same endings after fold(), which writes й as и ("Арбитражный" -> "арбитражныи"): not
# a bare "ии", the ending of nouns in the genitive ("компании"), and for organisations'
# adjectives only ("Алексей" folds to "алексеи").
_RU_ADJ_ENDINGS_FOLDED = (*_RU_ADJ_ENDINGS, "ыи", "ои", "еи", "скии")
_SENTENCE_GAP_RE = re.compile(r"[.!?…][\"”»’']?\s")


# An apposition opening with these describes a thing, not a person ("Lockheed Martin,
# which built the satellite, said").
_NOT_A_PERSON_CLAUSE = frozenset({"which", "that", "lequel", "laquelle", "welches"})


# Words a title's name never comes after ("economist at DNB Markets").
_NOT_ACROSS = frozenset({"at", "from", "with", "for", "in", "chez", "bei", "en"})
_NAME_TAIL = 5  # longest lower-case half of a hyphenated name ("Jung-kwan")
_ABBREV = frozenset(
    fold(w)
    for w in _split(
        "mr mrs ms dr prof st gen col lt capt sen rep gov jan feb mar apr jun jul aug sep sept "
        "oct nov dec no vs jr sr inc corp co ltd u s m mme doç av "
    )
)
_RU_GEN_ENDINGS = ("ы", "и", "а", "я", "ого", "его", "ой", "ей", "ых", "их", "ов", "ев", "дел")
_RU_VERB_ENDINGS = ("ла", "ло", "ли", "ет", "ит", "ют", "ят", "ал", "ил", "ел", "ся", "сь")
_LATIN_ADJ_ENDINGS: tuple[str, ...] = (
    "ère", "ères", "ique", "iques", "al", "ale", "ales", "aux", "ain", "aine", "ien", "ienne",
    "ais", "aise", "aire", "aires", "if", "ive", "elle", "ée", "ées", "ano", "ana", "ico",
    "ica", "ista", "nal", "eo", "ea", "ski", "ska", "sko", "čki", "čka", "čko", "ni", "na",
    # "Conseil constitutionnel"; Bosnian/Croatian genitives "visokog", "vanjskih"
    "el", "kog", "nog", "vog", "ih",
    # round 7: "protection civile", "Nations unies", "horlogère suisse", "Cour européenne"
    "ile", "iles", "isse", "isses", "enne", "ennes", "unies", "unis", "belge", "belges",
)
_LATIN_ADJ_ENDINGS = tuple(dict.fromkeys(fold(e) for e in _LATIN_ADJ_ENDINGS))
_CONJUNCTIONS = frozenset(["et", "y", "i", "e", "and", "und", "ve", "и"])
