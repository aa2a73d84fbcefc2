"""Direct quotations and who said them.

Quotes are found per paragraph in every style the wire uses - “…”, ‘…’, «…», »…«, „…“,
"…" and '…' - taking the outermost marks (nested marks stay in the text). A straight or
curly single mark only opens after a non-letter and only closes before a non-letter, so
apostrophes ("don't", "Moscow's", "leaders' summit", "Strauss’ Oper") are not quotes.
Fewer than three words between the marks is a name or a scare quote, not a quotation;
the trailing comma that belongs to the attribution is dropped, a final . ? ! is kept.

The speaker comes from the attribution after the quote (“…,” X said / — заявил Путин /
" dedi / a-t-il ajouté) or before it (X said: “…” / وقال البلوشي: "…" / Aksoy, "…" dedi):

* a person named there, normalised to the full name seen in the story ("Putin" ->
  "Vladimir Putin", "Путина" -> "Владимир Путин");
* a pronoun or a subject-less verb ("he added", "o dedi", "добавил он", "وأضاف",
  "diye ekledi", "dodala je") -> the last named speaker, or the only person named so far;
* a role ("the Russian president said") -> the one person seen with that title;
* an organisation named in the attribution ("the agency said" is not named) -> its name;
* a role after the verb with a definite article ("expresó el mandatario", "afirmó la
  legisladora") -> the person the sentence before the quote is about; a role with the
  article before the verb ("the minister added") -> the person last named;
* Turkish names its speaker before the quote, whatever stands between the quote and the verb
  ("…" görüşünü dile getirdi, açıklamasını yaptı, bilgisini verdi, uyarısında bulundu);
  Arabic puts its verb first ("…"، على حد قوله); a passive or impersonal attribution
  ("ifadesine yer verildi", "heißt es in einer Mitteilung") names an organisation or nobody;
* a new name in capitals loses the titles it opens with ("Grup Başkanvekili X Y") and, in
  languages that put the title and employer first, a long run keeps its last two words
  ("Premijerka Vlade Kantona Sarajevo X Y-Z");
* a quote list's bracketed caption below the quote ("(Kari Vestby, chief economist at DNB
  Markets)") -> the person it names (the longest person of the story written out in it);
* the verb right after the quote and its comma is recognised by its shape, whatever it is:
  Spanish preterite or perfect ("…", criticó X / ha explicado X), French passé composé or
  present before its subject ("« … », a savouré X", "s'est félicité X", "assure le
  coauteur X"), German verb-second ("„…“, räumte X ein"); verbs that label a partial quote
  (nannte, sprach von, a qualifié de, ocijenilo je, назвал) attribute it to their subject;
* after the verb, a new name after a preposition or "told", or inside quotation marks, is a
  venue, medium or thing, not the speaker; an indefinite subject ("contó a EFE una vecina")
  is nobody; "it said" / "the company said" -> the organisation the sentence before opens with;
* a quote with no attribution of its own that follows a quote of the previous or same
  paragraph continues that speaker (“A,” X said. “B.”), and one that follows a sentence about a
  person ("Rahimi spoke at the ceremony. “When we arrived …”") is that person's; otherwise the
  speaker is unknown.

A quotation that runs over paragraphs (each reopening the mark, only the last closing it) is
one quote.

A quote whose words lie inside a longer one (a standfirst quoting part of a body quote, the
same words quoted twice) is merged into it: :func:`merge_contained`.

:func:`find_quotes` is pure; :func:`extract_quotes` is the pipeline step (sets
``item.quotes`` unless an editor already set them, each marked as the machine's, in the
story's language, with the speaker's URI when the story's people or organisations give one).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from newswire.enrich.entities import Entity, find_entities
from newswire.enrich.entities.cues import _ARTICLES, _ORG_START, _SAY, _SAY_AFTER, _TITLES
from newswire.enrich.text import item_text
from newswire.model import MACHINE_CREATOR, Item, Quote
from newswire.vocab.places import WORD_RE, fold, name_token_keys, norm_lang, story_tokens, text_token_keys

MIN_WORDS = 3
_AFTER_CHARS = 160
_BEFORE_CHARS = 220

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
# German: »…« first (and the Swiss «…» after it).
_PATTERNS_DE = (_PATTERNS_DEFAULT[3], *_PATTERNS_DEFAULT[:3], *_PATTERNS_DEFAULT[4:])
_SENTENCE_END_RE = re.compile(r"[.!?…](?=[\"”»’']?(?:\s|$))")

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
# Arabic circumstantial participles that carry a quote after a first verb ("دعا الحزب …،
# معتبرا أن "…"", "مؤكدا أن "…"", "مضيفة: "…""): their subject is the first verb's.
_AR_PARTICIPLES = (
    "معتبرا", "معتبرة", "مؤكدا", "مؤكدة", "مشيرا", "مشيرة", "موضحا", "موضحة", "مضيفا", "مضيفة",
    "لافتا", "لافتة", "منوها", "منوهة", "محذرا", "محذرة",
)
# Subject-less or pronoun-carrying attribution forms not among the entity cue verbs.
_EXTRA_SAY = (
    "ekledi", "diye ekledi", "diye konuştu", "sözlerini kullandı", "ifadesini kullanan",
    "ifadelerini kullanan", "ifadesini kullandı", "sözlerini kullanan", "a t il ajouté",
    "a t elle ajouté", "a t il dit", "a t elle dit", "a t il déclaré", "a t elle déclaré",
    "a t il expliqué", "a t elle expliqué", "a t il souligné", "a t elle souligné",
    "ajoute", "poursuit", "précise", "hinzu", "so", "sagte er", "sagte sie", "wa adaf",
    "وأضاف", "وأضافت", "وتابع", "وتابعت", "وأكد", "وأكدت", "وقال", "وقالت", "أضاف",
    "continued", "went on", "tweeted", "wrote", "replied", "told reporters",
    "called the", "called it",  # called the result "a clear signal"
    "продолжил", "продолжила", "добавил", "добавила", "отметил", "отметила", "спросил",
    "спросила", "ответил", "ответила",
    "añadió", "agregó", "continuó", "dodao je", "dodala je", "rekao je", "rekla je",
    # Turkish attributions that end the sentence after the quote ("…" ifadelerine yer verdi,
    # uyarısında bulundu, açıklamasında bulundu) or open the speaker's name ("…" diyen X),
    # and "X'e göre"
    "yer verdi", "bulundu", "diyen", "diyerek", "göre",
    # Arabic verbs of saying beyond the entity cues (their clitic forms are matched too)
    "أردف", "أردفت", "قائلا", "قائلة", "شدد", "شددت", "نوه", "نوهت", "بين", "بينت", "اعتبر",
    "اعتبرت", "رأى", "رأت", "أفاد", "أفادت", "أعرب", "أعربت", "حذر", "حذرت", "كشف", "كشفت",
    "بحسب", "حسب", "وفقا", "قوله", "قولها",
    *_AR_PARTICIPLES,
    # Spanish verbs of saying beyond the entity cues, and "de acuerdo con X"
    "escribió", "sentenció", "concluyó", "resaltó", "recalcó", "detalló", "planteó", "opinó",
    "respondió", "aclaró", "reiteró", "alegó", "acusó", "acuerdo con",
    # Bosnian/Croatian verbs of saying beyond the entity cues, and "prema njegovim riječima"
    "ocijenio", "ocijenila", "upozorio", "upozorila", "odgovorio", "odgovorila", "zaključio",
    "zaključila", "objasnio", "objasnila", "napomenuo", "napomenula", "podsjetio", "podsjetila",
    "najavio", "najavila", "priznao", "priznala", "upitao", "upitala", "tvrdi", "ističe",
    "navodi", "dodaje", "pojašnjava", "ocjenjuje", "poručuje", "njegovim riječima",
    "njezinim riječima", "njenim riječima", "его словам", "ее словам", "её словам",
    # verbs that label what is quoted, the partial quotes of reported speech (ANNOTATION 6:
    # "nannte den Streik „völlig unverhältnismäßig …“", "a qualifié le résultat de « … »")
    "nannte", "nennt", "bezeichnete", "bezeichnet", "sprach", "spricht", "a qualifié", "qualifie",
    "ocijenilo", "ocijenili", "ocijenile", "nazvao", "nazvala", "nazvali", "оценил", "оценила",
    "оценили", "назвал", "назвала", "назвали",
)
# Passive attributions: the statement is quoted, nobody is named ("Açıklamada, "…" ifadesine
# yer verildi"): the organisation named around it, or no speaker.
_PASSIVE_SAY = frozenset({
    "yer verildi", "belirtildi", "denildi", "ifade edildi", "kaydedildi", "vurgulandı", "kullanıldı",
    "heißt es",  # "„…“, heißt es in einer Mitteilung des Deutschen Wetterdienstes"
    "hieß es",
    # "„…“, navodi se u priopćenju policije", "stoji u saopćenju", "говорится в сообщении"
    "navodi se", "ističe se", "naglašava se", "poručuje se", "stoji u", "navedeno je", "istaknuto je",
    "говорится",
})


# Spanish copy from Spain (Europa Press, EFE's Madrid desk) attributes in the perfect: "…",
# ha explicado X / han advertido / ha valorado el plan como "…". The participles of the
# verbs of saying, each after "ha" and "han".
_ES_PARTICIPLES = (
    "dicho", "afirmado", "añadido", "agregado", "señalado", "explicado", "asegurado", "indicado",
    "declarado", "subrayado", "advertido", "precisado", "destacado", "sostenido", "expresado",
    "manifestado", "remarcado", "enfatizado", "apuntado", "insistido", "reconocido", "admitido",
    "lamentado", "aseverado", "puntualizado", "comentado", "escrito", "sentenciado", "concluido",
    "resaltado", "recalcado", "detallado", "planteado", "opinado", "respondido", "aclarado",
    "reiterado", "criticado", "denunciado", "alertado", "valorado", "reclamado", "pedido",
    "defendido", "anunciado", "confirmado", "recordado", "considerado", "calificado", "celebrado",
    "agradecido", "contado", "relatado", "confesado", "exigido", "argumentado", "mantenido",
    "incidido", "apostillado", "avisado", "augurado", "vaticinado", "pronosticado", "revelado",
    "garantizado", "prometido", "reprochado", "replicado", "lanzado", "zanjado", "alegado", "acusado",
)
_ES_PERFECT = tuple(f"{aux} {participle}" for aux in ("ha", "han") for participle in _ES_PARTICIPLES)


def _say_words() -> tuple[frozenset[str], frozenset[str]]:
    words: set[str] = set()
    phrases: set[str] = set()
    for table in (_SAY, _SAY_AFTER):
        for verbs in table.values():
            for verb in verbs:
                parts = [fold(w) for w in WORD_RE.findall(verb)]
                (phrases if len(parts) > 1 else words).add(" ".join(parts))
    for verb in (*_EXTRA_SAY, *_PASSIVE_SAY, *_ES_PERFECT):
        parts = [fold(w) for w in WORD_RE.findall(verb)]
        (phrases if len(parts) > 1 else words).add(" ".join(parts))
    return frozenset(words), frozenset(phrases)


_SAY_WORDS, _SAY_PHRASES = _say_words()
_AR_PARTICIPLES_FOLDED = frozenset(fold(w) for w in _AR_PARTICIPLES)
# Turkish labels a quote with a noun in the possessive and a light verb: "…" açıklamasını
# yaptı, değerlendirmesini yaptı, bilgisini verdi, müjdesini verdi, çağrısı yaptı.
_TR_LIGHT_VERBS = frozenset(fold(w) for w in ("yaptı", "verdi", "paylaştı", "iletti", "yineledi", "yöneltti"))
_TR_LABEL_ENDINGS = ("ını", "ini", "unu", "ünü", "sı", "si", "su", "sü")
# Languages that put a person in the genitive between a title and the speaker's name.
_GENITIVE_FIRST = frozenset({"ru", "bs", "hr", "sr"})
# Particles that set off a Turkish subject as the topic ("bir vatandaş ise", "bir yolcu da").
_TR_TOPIC_PARTICLES = frozenset({"ise", "de", "da"})


def _tr_label(word: str) -> bool:
    """A lower-case noun in the possessive (accusative): the name of what was said."""
    return word[:1].islower() and len(word) > 5 and word.endswith(_TR_LABEL_ENDINGS)


_PASSIVE_FOLDED = frozenset(" ".join(fold(w) for w in WORD_RE.findall(p)) for p in _PASSIVE_SAY)
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


def _after_titles(run: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """A capitalised run without the title words it opens with ("Grup Başkanvekili Aylin
    Özkaraca" -> "Aylin Özkaraca"), when two words at least are left."""
    last = max((k for k, tok in enumerate(run[:-2]) if tok[1] in _TITLE_WORDS), default=-1)
    return run[last + 1:]


_LONGEST_NAME = 4  # words
_NAME_MARKS = frozenset("«\"„“")
_ORG_START_FOLDED = {lang: frozenset(fold(w) for w in heads) for lang, heads in _ORG_START.items()}
_NAME_LAST = frozenset({"ru", "de", "bs", "tr"})  # languages whose titles go before the name


_PATRONYMIC_ENDINGS = ("вич", "вна", "ична", "чна", "ьич")


def _patronymic(folded: str) -> bool:
    """A Russian patronymic ("Николаевич", "Игоревна"): the name has three words."""
    return folded.endswith(_PATRONYMIC_ENDINGS)


def _last_two(window: str, run: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """The last two words of a run, a double name joined by a hyphen counting as one
    ("Energieexpertin Sabine Oettl-Brunner" -> "Sabine Oettl-Brunner")."""
    cut, spaces = len(run), 0
    while cut > 1 and spaces < 2:
        cut -= 1
        spaces += window[run[cut - 1][2] + len(run[cut - 1][0]):run[cut][2]] == " "
    return run[cut:] if spaces == 2 else run


@lru_cache(maxsize=1 << 15)
def _all_keys(word: str, lang: str | None) -> frozenset[str]:
    return text_token_keys(word, lang) | name_token_keys(word, lang)


@dataclass
class _Person:
    name: str
    keys: frozenset[str]  # keys of the surname (and of other spellings' last words)
    titles: frozenset[str]
    first: int  # offset of the first mention, -1 if unknown


def _people_index(text: str, people: Iterable[Entity | str], lang: str | None = None) -> list[_Person]:
    out: list[_Person] = []
    aliases: tuple[str, ...]
    for p in people:
        if isinstance(p, str):
            name, aliases, titles = p, (), frozenset[str]()
        else:
            name, aliases, titles = p.name, p.aliases, frozenset(p.titles)
        keys: set[str] = set()
        first = -1
        for spelling in (name, *aliases):
            words = WORD_RE.findall(spelling)
            if not words:
                continue
            keys |= name_token_keys(words[-1])
            if lang == "es" and len(words) == 3 and words[1][:1].isupper():
                keys |= name_token_keys(words[1])  # "Hugo Carrasco Díaz": "dijo Carrasco"
            at = text.find(spelling)
            if at >= 0 and (first < 0 or at < first):
                first = at
        if first < 0:
            words = WORD_RE.findall(name)
            at = text.find(words[-1]) if words else -1
            first = at
        out.append(_Person(name, frozenset(keys), titles, first))
    return out


@dataclass(frozen=True)
class _Span:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark
    text: str


_OPENERS = {id(p): c for p, c in zip(_PATTERNS_DEFAULT, "“„«»‘\"'", strict=True)}


def _find_spans(paragraph: str, lang: str | None) -> list[_Span]:
    patterns = _PATTERNS_DE if lang == "de" else _PATTERNS_DEFAULT
    taken: list[_Span] = []
    for pattern in patterns:
        if _OPENERS[id(pattern)] not in paragraph:
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


class _Resolver:
    def __init__(self, text: str, lang: str | None, people: list[_Person],
                 organisations: Sequence[Entity]) -> None:
        self.text = text
        self.lang = norm_lang(lang)
        self.people = people
        self.by_key: dict[str, _Person | None] = {}
        for p in people:
            for key in p.keys:
                self.by_key[key] = None if key in self.by_key and self.by_key[key] is not p else p
        self.by_title: dict[str, _Person | None] = {}
        for p in people:
            for t in p.titles:
                self.by_title[t] = None if t in self.by_title else p
        self.orgs = [
            (o.name, tuple(n for n in (o.name, o.literal, *o.aliases) if n)) for o in organisations
        ]
        self.pronouns = _PRONOUNS.get(self.lang or "", _ALL_PRONOUNS) if self.lang else (
            _ALL_PRONOUNS
        )
        self.last: str | None = None
        self.mentions: list[tuple[int, str]] | None = None
        self.spoken: list[tuple[int, str]] = []

    # -- window analysis -------------------------------------------------------------------
    def _tokens(self, window: str) -> list[tuple[str, str, int]]:
        return [(m.group(), fold(m.group()), m.start()) for m in WORD_RE.finditer(window)]

    def _has_say(self, toks: list[tuple[str, str, int]], limit: int) -> int:
        """Index of the first attribution verb among the first ``limit`` words, or -1."""
        for i, (raw, folded, _) in enumerate(toks[:limit]):
            if folded in _SAY_WORDS or (text_token_keys(raw, self.lang) & _SAY_WORDS):
                return i
            if self.lang == "tr" and i and folded in _TR_LIGHT_VERBS and _tr_label(toks[i - 1][0]):
                return i - 1  # "…" açıklamasını yaptı, bilgisini verdi, çağrısı yaptı
            if i + 1 < len(toks) and f"{folded} {toks[i + 1][1]}" in _SAY_PHRASES:
                return i
            if i + 3 < len(toks) and " ".join(t[1] for t in toks[i:i + 4]) in _SAY_PHRASES:
                return i
        return -1

    def _person_in(self, toks: list[tuple[str, str, int]]) -> str | None:
        for i, (raw, _, _) in enumerate(toks):
            person = self._person_of(raw)
            if person is not None:
                # a double surname is known by its last word ("Bell-Moreau" is not the
                # "Delacroix-Bell" its first word names); in the genitive languages a name
                # may follow the client's ("адвокат Коржикова Олег Мирский")
                reach = 2 if self.lang in _GENITIVE_FIRST else 1
                following = self._genitive_owner_of(toks, i, person, reach)
                return (following or person).name
        return None

    def _ungoverned_person(self, toks: list[tuple[str, str, int]]) -> str | None:
        """The first person of a subject not governed by a preposition, when one that is
        comes first: "An attorney for Ollivander-Price, Janelle Koster, said" (the client
        after "for" is not the speaker)."""
        governed = False
        for i, (raw, _, _) in enumerate(toks):
            person = self._person_of(raw) if raw[:1].isupper() else None
            if person is None:
                continue
            start = i  # back to the first word of the name ("for Ollivander-Price")
            while start and toks[start - 1][0][:1].isupper() and (
                toks[start][2] - toks[start - 1][2] - len(toks[start - 1][0]) == 1
            ):
                start -= 1
            if start and toks[start - 1][1] in _PREPOSITIONS:
                governed = True
            elif governed:
                return person.name
        return None

    def _person_of(self, raw: str) -> _Person | None:
        for key in _all_keys(raw, self.lang):
            person = self.by_key.get(key)
            if person is not None:
                return person
        return None

    def _genitive_owner_of(
        self, toks: list[tuple[str, str, int]], at: int, person: _Person, reach: int = 2
    ) -> _Person | None:
        """Another person named right after the one at ``at`` (only spaces between): the
        first is in the genitive, the client or employer of the title before it ("адвокат
        Коржикова-Дымова Олег Мирский", "пресс-секретарь Путина Дмитрий Песков")."""
        end = toks[at][2] + len(toks[at][0])
        for raw, _, start in toks[at + 1:at + 1 + reach]:
            if start != end + 1 or not raw[:1].isupper():
                return None
            other = self._person_of(raw)
            if other is not None and other is not person:
                return other
            end = start + len(raw)
        return None

    def _new_name(
        self, window: str, toks: list[tuple[str, str, int]], last: bool = False
    ) -> str | None:
        """A capitalised name of two or more words (the first one, or the last one)."""
        if self.lang == "ar":
            return None
        runs: list[list[tuple[str, str, int]]] = []
        run: list[tuple[str, str, int]] = []
        for tok in toks:
            raw, folded, at = tok
            if (
                raw[:1].isupper() and folded not in _NON_NAMES and not raw.isupper()
                and (not run or window[run[-1][2] + len(run[-1][0]):at] in (" ", "-"))
            ):
                run.append(tok)
                continue
            if len(run) >= 2:
                runs.append(run)
            run = [tok] if raw[:1].isupper() and folded not in _NON_NAMES and not raw.isupper() else []
        if len(run) >= 2:
            runs.append(run)
        # a run opening inside quotation marks names a thing ("директор курорта «Большой
        # Вудъявр» Константин Лопатин"), not a person
        runs = [r for r in runs if window[r[0][2] - 1:r[0][2]] not in _NAME_MARKS]
        # in languages whose organisations open with their head, a run opening with one is
        # an organisation's name ("Comisiones Obreras", "Cámara de Comercio"), not a person's
        heads = _ORG_START_FOLDED.get(self.lang or "", frozenset())
        runs = [r for r in map(_after_titles, runs) if r[0][1] not in heads]
        if self.lang in _NAME_LAST:
            # a title and its employer in capitals end with the name: "Premijerka Vlade
            # Kantona Sarajevo Amra Babić-Hodžić"
            runs = [_last_two(window, r) if len(r) > _LONGEST_NAME else r for r in runs]
        runs = [r for r in runs if 2 <= len(r) <= _LONGEST_NAME]
        if self.lang in _NAME_LAST and len(runs) > 1 and len(runs[0]) == 2 and runs[0][0][1] in _TITLE_WORDS:
            # a title and the employer's first word before the name ("Глава Заларинского
            # района Виктор Черемных"): the name is the run after it
            runs = runs[1:]
        if not runs:
            return None
        chosen = runs[-1] if last else runs[0]
        if self.lang in ("ru", "de", "bs") and len(chosen) >= 3 and not _patronymic(chosen[-2][1]):
            chosen = _last_two(window, chosen)
        start = chosen[0][2]
        end = chosen[-1][2] + len(chosen[-1][0])
        name = window[start:end]
        return self._with_first_name(name) if " " not in name else name

    def _surname_subject(self, toks: list[tuple[str, str, int]], verb: int) -> str | None:
        """A surname alone as the subject right before the verb ("Brandstätter bezeichnete
        die Partitur als »…«"), with the first name the story gave it; None when the story
        gave it none (a body's one-word name: "Sodiaal a rappelé que « … »")."""
        if verb != 1 or not toks[0][0][:1].isupper() or toks[0][0].isupper() or toks[0][1] in _NON_NAMES:
            return None
        surname = toks[0][0]
        if any(surname in spellings for _, spellings in self.orgs):
            return None
        named = self._with_first_name(surname)
        return named if named != surname else None

    def _with_first_name(self, surname: str) -> str:
        """A double surname said alone ("Okafor-Hayes told supporters") with the first name
        the story gave it where it named the person ("Democrat Marisol Okafor-Hayes won"):
        the capitalised word right before its first such mention, when that is no title."""
        for m in re.finditer(rf"(?<![\w-])([^\W\d_][\w'’]*) {re.escape(surname)}(?![\w-])", self.text):
            first = m.group(1)
            folded = fold(first)
            if first[:1].isupper() and not first.isupper() and folded not in _NON_NAMES and (
                folded not in _TITLE_WORDS
            ):
                return f"{first} {surname}"
        return surname

    def _person_last(self, toks: list[tuple[str, str, int]]) -> str | None:
        found = None
        for raw, _, _ in toks:
            for key in _all_keys(raw, self.lang):
                person = self.by_key.get(key)
                if person is not None:
                    found = person.name
                    break
        return found

    def recent(self, at: int) -> str | None:
        """The person mentioned last before offset ``at`` (else the last speaker, or the
        only person named so far)."""
        if self.mentions is None:
            self.mentions = self._mentions()
        best: tuple[int, str] | None = None
        for offset, name in [*self.mentions, *self.spoken]:
            if offset < at and (best is None or offset > best[0]):
                best = (offset, name)
        if best is not None:
            return best[1]
        return self._fallback(at)

    def _mentions(self) -> list[tuple[int, str]]:
        """``(offset, full name)`` of every word that names one of the story's people."""
        toks = story_tokens(self.text)
        caseless = self.lang == "ar"
        named: dict[str, str] = {}  # each distinct word is looked up once
        for raw in set(toks.words):
            if not (caseless or raw[:1].isupper()):
                continue
            for key in _all_keys(raw, self.lang):
                person = self.by_key.get(key)
                if person is not None:
                    named[raw] = person.name
                    break
        if not named:
            return []
        return [(at, named[w]) for w, at in zip(toks.words, toks.starts, strict=True) if w in named]

    def _pronoun_in(self, toks: list[tuple[str, str, int]]) -> bool:
        return any(folded in self.pronouns for _, folded, _ in toks)

    def _title_in(self, toks: list[tuple[str, str, int]]) -> str | None:
        folded = [t[1] for t in toks]
        for i, word in enumerate(folded):
            for candidate in (word, f"{word} {folded[i + 1]}" if i + 1 < len(folded) else ""):
                person = self.by_title.get(candidate)
                if person is not None:
                    return person.name
        return None

    def _org_in(self, window: str) -> str | None:
        for name, spellings in self.orgs:
            if any(s in window and not self._addressee(window, window.find(s)) for s in spellings):
                return name
        return None

    def _org_at(self, text: str) -> str | None:
        """The organisation whose name opens ``text``."""
        return next((name for name, spellings in self.orgs if any(text.startswith(x) for x in spellings)), None)

    def _addressee(self, window: str, at: int) -> bool:
        """The organisation at ``at`` is whom the speaker told, not the speaker: "sagte dem
        Deutschlandfunk", "sagte gegenüber der Zeitung X" ("sagte der X" may be either)."""
        if self.lang != "de":
            return False
        words = [fold(w) for w in WORD_RE.findall(window[max(0, at - 40):at])][-3:]
        return len(words) >= 2 and (
            (words[-1] == "dem" and words[-2] in _SAY_WORDS)
            or (words[-1] in _DE_DATIVE and words[-2] == "gegenuber")
        )

    def _org_named_by(self, toks: list[tuple[str, str, int]], at: int) -> str | None:
        """The organisation named before ``at`` that a word after a passive attribution
        stands for ("navodi se u priopćenju policije" -> the "Policijska uprava ..." named
        before; "u saopćenju Ministarstva" -> the "Ministarstvo za ..."): one of its words
        opens with the same five letters; the last one named wins."""
        stems = {folded[:_STEM] for _, folded, _ in toks if len(folded) > _STEM}
        return self._last_named_org(at, lambda spellings: any(
            fold(w)[:_STEM] in stems for s in spellings for w in WORD_RE.findall(s)
        ))

    def _last_named_org(self, at: int, admits: Callable[[tuple[str, ...]], bool] = lambda _: True) -> str | None:
        """The organisation (among those ``admits``) named last before ``at``."""
        best: tuple[int, str] | None = None
        for name, spellings in self.orgs:
            if not admits(spellings):
                continue
            last = max((self.text.rfind(s, 0, at) for s in spellings), default=-1)
            if last < 0 and len(name.split()) >= 2 and len(name.split()[0]) > _STEM + 1:
                # named in another case ("Iz Ministarstva za ...", "В Главном управлении
                # МЧС"): its first word's stem
                last = self.text.rfind(name.split()[0][:-2], 0, at)
            if last >= 0 and (best is None or last > best[0]):
                best = (last, name)
        return best[1] if best else None

    def _fallback(self, at: int) -> str | None:
        """Whom a pronoun or subject-less verb means: the last speaker, or the only person
        named so far."""
        if self.last is not None:
            return self.last
        named = [p for p in self.people if 0 <= p.first < at]
        if len(named) == 1:
            return named[0].name
        return None

    def caption(self, caption: str) -> str | None:
        """The speaker a bracketed caption names: its first part, before any comma."""
        head = caption.split(",", 1)[0]
        toks = self._tokens(head)
        # a caption names its speaker in full ("(Sheikh Fahad bin Nasser Al-Thani, …)"): the
        # longest person of the story written out in it, before any key of a surname
        written = max((p.name for p in self.people if p.name in head), key=len, default=None)
        return written or self._person_in(toks) or self._new_name(head, toks) or self._caption_org(head)

    def _caption_org(self, head: str) -> str | None:
        """An organisation heading a caption ("(Department for Health, in a statement)",
        "(Acme, the parents' charity)"): the organisation found in it, or the head itself
        when it is a name (capitalised, a few words, no clause)."""
        org = self._org_in(head)
        if org:
            return org
        words = head.split()
        if 1 <= len(words) <= _CAPTION_ORG_WORDS and words[0][:1].isupper() and words[-1][:1].isupper() and (
            fold(words[0]) not in _NON_NAMES
        ):
            return head.strip()
        return None

    def _ar_reference(
        self, before: str, toks: list[tuple[str, str, int]], verb: int, at: int
    ) -> str | None:
        """Arabic references to a speaker named before: an honorific with a pronoun ("وقال
        سعادته" -> the person the story first introduced with "سعادة"), or a relative pronoun right
        before the verb ("سهم الدار العقارية التي قالت" -> the body it follows)."""
        words = [folded for _, folded, _ in toks[verb + 1:verb + 3]]
        honorific = next((_AR_HONORIFIC_PRONOUNS[w] for w in words if w in _AR_HONORIFIC_PRONOUNS), None)
        if honorific is not None:
            # the story's subject: agencies (QNA, WAM) open with the official the honorific
            # introduces ("اجتمع سعادة الدكتور X مع … سعادة السيد Y") and refer back to them
            title_at = self.text.find(honorific, 0, at)
            if self.mentions is None:
                self.mentions = self._mentions()
            after_title = (name for offset, name in sorted(self.mentions) if 0 <= title_at < offset < at)
            return next(after_title, None)
        if verb and toks[verb - 1][1] in _AR_RELATIVES:
            ante = before[:toks[verb - 1][2]].rstrip()
            return next((name for name, spellings in self.orgs if any(ante.endswith(s) for s in spellings)), None)
        return None

    def interviewee(self) -> str | None:
        """The person an interview is with: the one the story names first (in its standfirst
        or first line, before the questions)."""
        named = [p for p in self.people if p.first >= 0]
        return min(named, key=lambda p: p.first).name if named else None

    def canonical(self, speaker: str) -> str:
        """A speaker read off the attribution as an organisation's acronym, part or other
        case ("BDLS", "Foreign Affairs" of "Ministry of Foreign Affairs", "Deutsche
        Journalisten-Verband"): the organisation's name as the story's organisations give it.
        A person of the story stays as named."""
        if any(p.name == speaker for p in self.people):
            return speaker
        stems = _word_stems(speaker)
        for name, spellings in self.orgs:
            if speaker in spellings or (
                " " in speaker and f" {speaker} " in f" {name} "
            ) or _word_stems(name) == stems:
                return name
        return speaker

    def reported_by(self, sentence: str) -> str | None:
        """The known person a sentence of reported speech names after its verb of saying
        ("Schon jetzt seien die Unterkünfte überbelegt, sagte Geschäftsführerin X Y. «…»"):
        the quote that follows goes on in their words."""
        toks = self._tokens(sentence)
        verb = self._has_say(toks, len(toks))
        return self._person_in(toks[verb + 1:]) if verb >= 0 else None

    def subject(self, sentence: str) -> str | None:
        """A person named at the start of ``sentence`` (within its first words: "La senadora
        Lucía Ferreira pidió ...", "El técnico de Boca, Fernando Gago-Medina, reconoció")."""
        sentence = sentence.strip()
        toks = self._tokens(sentence)
        if not toks or not toks[0][0][:1].isupper():
            return None
        # a name in the possessive is not the subject: "Whitlock's attorney, Linda Furtado, said"
        toks = [t for k, t in enumerate(toks) if k + 1 == len(toks) or toks[k + 1][0] != "s" or (
            sentence[t[2] + len(t[0]):toks[k + 1][2]] not in ("'", "’")
        )]
        # a new name after a preposition is a complement ("exrectora de la Universidad
        # Nacional de San Antonio Abad"), not the subject
        name = self._person_in(toks[:_SUBJECT_WORDS]) or self._new_name(
            sentence, _past_prepositions(sentence, _name_read_on(sentence, toks), 1)
        )
        body = self.org_subject(sentence)
        if name and body and name.split()[0] == body.split()[0]:
            return None  # "La Cruz Roja Ecuatoriana abrió un centro …": a body is the subject
        return name

    # -- one quote -----------------------------------------------------------------------
    @staticmethod
    def _passive(toks: list[tuple[str, str, int]], verb: int) -> bool:
        """The attribution at ``verb`` is in the passive ("ifadesine yer verildi")."""
        return toks[verb][1] in _PASSIVE_FOLDED or (
            verb + 1 < len(toks) and f"{toks[verb][1]} {toks[verb + 1][1]}" in _PASSIVE_FOLDED
        )

    def _ru_impersonal(self, toks: list[tuple[str, str, int]]) -> bool:
        """A Russian plural past verb and "в" with a bare lower-case noun: the impersonal
        attribution to a body named before ("сообщили в ведомстве", "сказали в пресс-службе";
        not "в пресс-службе Министерства …", which names it in the genitive)."""
        return (
            self.lang == "ru" and len(toks) > 2 and toks[0][1].endswith("ли") and toks[1][1] in ("в", "во")
            and not any(raw[:1].isupper() for raw, _, _ in toks[2:])
        )

    def _role_subject(self, subject: list[tuple[str, str, int]]) -> bool:
        """The words before the verb are a definite article and a title ("the minister",
        "the coach", "der Minister"): a role standing for a person already named."""
        if not 2 <= len(subject) <= 3 or subject[0][1] not in _DEFINITE:
            return False
        return subject[-1][1] in _ROLE_WORDS and not any(raw[:1].isupper() for raw, _, _ in subject[1:-1])

    def _anaphor(self, toks: list[tuple[str, str, int]], verb: int) -> bool:
        """A definite article and a bare role noun right after the verb refer back to a
        person already named: "expresó el mandatario", "afirmó la legisladora" (not "le
        ministre de l'Économie", an unnamed official)."""
        verb = _verb_end(toks, verb)
        tail = toks[verb + 1:verb + 4]
        return (
            len(tail) >= 2 and tail[0][1] in _DEFINITE and tail[1][0][:1].islower()
            and (len(tail) == 2 or tail[2][1] not in _COMPLEMENT)
        )

    def _body_after(self, window: str, toks: list[tuple[str, str, int]], verb: int) -> str | None:
        """An organisation named right after the verb, past an article: the inverted
        attribution of a body ("« … », a réagi la Ligue de football professionnel (LFP)",
        "“…”, said the Met Office")."""
        rest = toks[_verb_end(toks, verb) + 1:]
        # past an adverbial between the auxiliary and the participle or after the verb ("a de
        # son côté assuré le ministère des Transports"): the first article not after a
        # preposition ("à l'AFP" is whom the speaker told)
        article = next((
            k for k, (raw, folded, _) in enumerate(rest[:_ADVERBIAL_WORDS + 1])
            if folded in _ARTICLES_BEFORE_BODY and (k == 0 or rest[k - 1][1] not in _PREPOSITIONS)
        ), None)
        if article is not None and len(rest) > article + 1 and all(
            raw[:1].islower() for raw, _, _ in rest[:article]
        ):
            return self._org_at(window[rest[article + 1][2]:]) or (
                self._org_at(window[rest[0][2]:]) if article == 0 else None
            )
        return self._org_at(window[rest[0][2]:]) if rest else None

    def _unnamed_after(self, toks: list[tuple[str, str, int]], verb: int) -> bool:
        """An indefinite article and a lower-case noun right after the verb (past whom the
        speaker told) is an unnamed speaker: "contó a EFE una vecina", "a confié un
        habitant", "said a resident" (not "dijo en una rueda de prensa": after a preposition)."""
        articles = _INDEFINITE.get(self.lang or "", frozenset())
        tail = toks[verb + 1:verb + 1 + _UNNAMED_REACH]
        # German writes its nouns in capitals: "sagte ein Sprecher der X", "schilderte eine
        # Passagierin" (ANNOTATION 6: an unnamed speaker is null)
        noun_cased = self.lang == "de"
        return any(
            folded in articles and k + 1 < len(tail) and (noun_cased or tail[k + 1][0][:1].islower())
            and (k == 0 or tail[k - 1][1] not in _PREPOSITIONS)
            for k, (_, folded, _) in enumerate(tail)
        )

    @staticmethod
    def _unnamed_official_after(toks: list[tuple[str, str, int]], verb: int) -> bool:
        """A definite article, a lower-case role and its complement right after the verb, with
        no name anywhere after it, is an unnamed official: "souligne le directeur artistique
        de la compagnie", "said the head of the agency" (ANNOTATION 6: null, not the last
        person named; a bare role - "expresó el mandatario" - refers back instead)."""
        tail = toks[_verb_end(toks, verb) + 1:]
        if len(tail) < 4 or tail[0][1] not in _DEFINITE:
            return False
        complement = next((k for k in (2, 3) if k + 1 < len(tail) and tail[k][1] in _COMPLEMENT), None)
        return complement is not None and all(raw[:1].islower() for raw, _, _ in tail[1:complement]) and not any(
            raw[:1].isupper() for raw, _, _ in tail[complement + 1:]
        )

    def _unnamed_before(self, toks: list[tuple[str, str, int]]) -> bool:
        """Turkish names an unnamed speaker with "bir" and a lower-case noun right before the
        quote ("izleyen bir vatandaş ise "…" dedi", "bir yolcu da"): nobody to look back to."""
        if self.lang != "tr":
            return False
        words = [raw for raw, _, _ in toks[-4:]]
        if words and words[-1] in _TR_TOPIC_PARTICLES:
            words = words[:-1]
        if "bir" not in words[-3:]:
            return False
        noun = words[len(words) - 1 - words[::-1].index("bir") + 1:]
        return 1 <= len(noun) <= 2 and all(w[:1].islower() for w in noun)

    def _org_reference(self, toks: list[tuple[str, str, int]], verb: int) -> bool:
        """The attribution refers to an organisation without naming it: "it said", "the club
        said in a statement", "said the company"."""
        subject = [folded for _, folded, _ in toks[:verb]]
        if subject == ["it"] or (
            len(subject) == 2 and subject[0] in _ARTICLES_BEFORE_BODY and subject[1] in _ORG_REFERENCES
        ):
            return True
        end = _verb_end(toks, verb)
        tail = [folded for _, folded, _ in toks[end + 1:end + 4]]
        # "the company said", "teilte das Unternehmen mit" - not "la société X" (a name)
        return not subject and len(tail) >= 2 and tail[0] in _ARTICLES_BEFORE_BODY and tail[1] in _ORG_REFERENCES and (
            len(toks) <= end + 3 or not toks[end + 3][0][:1].isupper()
        )

    @staticmethod
    def _described_body(subject: list[tuple[str, str, int]]) -> bool:
        """A subject that is a definite article and lower-case words around a kind of body
        ("la plus haute juridiction administrative", "la sala", "the company")."""
        return (
            2 <= len(subject) <= _DESCRIPTION_WORDS and subject[0][1] in _ARTICLES_BEFORE_BODY
            and all(raw[:1].islower() for raw, _, _ in subject[1:])
            and any(folded in _ORG_REFERENCES for _, folded, _ in subject[1:])
        )

    def _last_of_kind(self, subject: list[tuple[str, str, int]], at: int) -> str | None:
        """The organisation named last before ``at`` whose name holds the kind noun of a
        description ("El ministerio señaló" -> the "Ministerio para la Transformación …")."""
        kinds = {folded for _, folded, _ in subject if folded in _ORG_REFERENCES}
        return self._last_named_org(at, lambda spellings: any(kind in fold(spellings[0]) for kind in kinds))

    def _kind_named_in(self, sentence: str, toks: list[tuple[str, str, int]]) -> str | None:
        """The organisation named in ``sentence`` whose name holds the kind noun the
        attribution refers to it by ("Auch der Deutsche Journalisten-Verband …", "erklärte
        der Verband"); a body of another kind is not meant ("the club said" after the Met Office)."""
        kinds = {folded for _, folded, _ in toks if folded in _ORG_REFERENCES}
        return next((
            name for name, spellings in self.orgs
            if any(s in sentence for s in spellings) and any(kind in fold(name) for kind in kinds)
        ), None)

    def org_subject(self, sentence: str) -> str | None:
        """The organisation a sentence opens with ("Celtic said the derby …", "The Ministry
        of Health welcomed the ruling.")."""
        words = sentence.strip().split(" ", 1)
        if len(words) == 2 and fold(words[0]) in _DEFINITE:
            return self._org_at(words[1])
        return self._org_at(sentence.strip())

    def speaker(
        self, before: str, after: str, at: int, previous: str = "", lead: str = ""
    ) -> tuple[str | None, bool]:
        """``(speaker, attributed)`` for a quote with these windows around it; ``previous``
        is the sentence before the quote in its paragraph, ``lead`` the sentence before it
        (in the paragraph above when the quote opens its own)."""
        after_toks = self._tokens(after)
        verb_after = self._has_say(after_toks, len(after_toks))
        if verb_after < 0 and (
            (self.lang == "es" and _opens_with_es_attribution(after, after_toks))
            or (self.lang == "fr" and _opens_with_fr_attribution(after, after_toks))
            or (self.lang == "de" and _opens_with_de_attribution(after, after_toks))
        ):
            verb_after = 0
        before_toks = self._tokens(before)
        if verb_after >= 0 and self._passive(after_toks, verb_after):
            return self._org_in(before) or self._org_in(after) or self._org_named_by(
                after_toks[verb_after + 1:verb_after + 7], at
            ), True
        if verb_after == 0 and self._ru_impersonal(after_toks):
            # "«…», — сообщили в ведомстве / отметили в пресс-службе": a Russian plural verb
            # without a subject stands for the body named last before
            return self._last_named_org(at), True
        if (verb_after > 0 and after_toks[0][1] in _CLAUSE_CONJUNCTIONS) or (
            verb_after >= 0 and after_toks[verb_after][1] in _AR_PARTICIPLES_FOLDED
        ):
            # "… como "un paso en la buena dirección", pero ha advertido de que "…"": the verb
            # after the conjunction opens the next clause; this quote's verb is before it
            found = self._before_speaker(before, before_toks, at, lead)
            if found[1]:
                return found
        if verb_after >= 0 and after_toks[verb_after][1] == "told":
            # whoever follows "told" was told ("she told The Associated Press", "one resident
            # told DZMM radio"): the speaker stands before the verb
            raw, _, at_verb = after_toks[verb_after]
            after, after_toks = after[:at_verb + len(raw)], after_toks[:verb_after + 1]
        if verb_after >= 0 and self.lang in _ORG_REFERENCE_LANGS and self._org_reference(after_toks, verb_after):
            # "The Ministry of Health welcomed the ruling. “…,” it said": the body the sentence
            # before opens with, else an organisation left unnamed (never the last person)
            return self.org_subject(lead) or self._kind_named_in(lead, after_toks), True
        if verb_after >= 0:
            named_toks = after_toks
            if self._anaphor(after_toks, verb_after):
                # "dijo el funcionario a Radio Mitre", "expresó el mandatario en el Teatro X":
                # the role refers back; a name after a preposition is where or whom it told
                named_toks = _past_prepositions(after, after_toks, _verb_end(after_toks, verb_after) + 3)
            # a new name after a preposition is where the speaker spoke or whom they told
            # ("dijo a la emisora Radio Pichincha"), a known person anywhere is the speaker
            # an indefinite subject is nobody, whatever the capitalised words after it name
            # ("sagte ein Sprecher der Techniker Krankenkasse")
            unnamed = not after_toks[:verb_after] and self._unnamed_after(
                after_toks, _verb_end(after_toks, verb_after)
            )
            name = self._person_in(named_toks) or (None if unnamed else self._new_name(
                after, _past_prepositions(after, named_toks, _verb_end(named_toks, verb_after) + 1)
            ))
            if name:
                return name, True
            if not after_toks[:verb_after] and self._unnamed_official_after(after_toks, verb_after):
                return None, True  # "« … », souligne le directeur artistique de la compagnie"
            if self._anaphor(after_toks, verb_after):
                named = self.subject(previous)
                if named:
                    return named, True
            role = self._title_in(after_toks)
            if role:
                return role, True
            subject = after_toks[:verb_after]
            if unnamed or (not subject and self._unnamed_before(before_toks)):
                return None, True  # "…", contó a EFE una vecina de Shilla
            body = self._body_after(after, after_toks, verb_after) if not subject else None
            if body:
                return body, True  # "« … », a réagi la Ligue de football professionnel"
            if self._role_subject(subject):
                # "the minister added", "la ministra agregó": a role with the definite
                # article stands for the person last named
                return self.recent(at), True
            if not subject or self._pronoun_in(after_toks[: verb_after + 3]) or self.lang == "ar" or (
                self.lang == "tr" and not any(raw[:1].isupper() for raw, _, _ in subject)
            ):
                # Turkish names its speaker before the quote: words between the quote and
                # the verb are its object ("…" görüşünü dile getirdi, uyarısında bulundu);
                # Arabic puts the verb first, so words before it are no subject ("على حد قوله")
                # "..." dedi / he added / — добавил он: the subject is before the quote,
                # or the last person named.
                named = self._person_last(before_toks) or self._new_name(
                    before, before_toks, last=True
                )
                if not named and self._anaphor(after_toks, verb_after):
                    named = self.subject(previous)
                # no one known to refer back to: the person the sentence before is about
                # ("Die Grünen-Politikerin X Y kritisierte den Plan. „…“, sagte sie.")
                return named or self.subject(previous or lead) or self.recent(at), True
            if self._anaphor(after_toks, verb_after):
                return self.subject(previous) or self.recent(at), True
            org = self._org_in(after)
            if org:
                return org, True
            return None, True  # "one delegate said", "the ministry said"
        return self._before_speaker(before, before_toks, at, lead)

    def _before_speaker(
        self, before: str, before_toks: list[tuple[str, str, int]], at: int, lead: str = ""
    ) -> tuple[str | None, bool]:
        """``(speaker, attributed)`` from the words before a quote ("X said: “…”", "X ha
        advertido de que “…”")."""
        verb_before = self._has_say(before_toks, len(before_toks))
        if verb_before > 0 and not self._person_in(before_toks[:verb_before]) and (
            body := self.org_subject(before)
        ):
            # "The National Police Service said in a statement that Kamau was questioned over
            # the “…”": the body the sentence opens with speaks, not the person after the verb
            return body, True
        if verb_before > 0 and self._described_body(before_toks[:verb_before]) and (
            body := self._last_of_kind(before_toks[:verb_before], at) or self.org_subject(lead)
        ):
            # "Le Conseil d'État a suspendu … La plus haute juridiction administrative a estimé
            # qu'il existait « … »": a body described by its kind refers back
            return body, True
        if self.lang == "ar" and verb_before >= 0 and (
            found := self._ar_reference(before, before_toks, verb_before, at)
        ):
            return found, True
        if verb_before >= 0 or before.rstrip().endswith(":"):
            name = self._ungoverned_person(before_toks[:verb_before]) or self._person_in(before_toks) or self._new_name(
                before, before_toks
            ) or (
                self._surname_subject(before_toks, verb_before)
            )
            if name:
                return name, True
            role = self._title_in(before_toks)
            if role:
                return role, True
            if self.lang == "ar" and verb_before >= 0:
                # "وقالت شبكة أطباء السودان، في بيان:": the body right after the verb speaks
                raw, _, at_verb = before_toks[verb_before]
                org = self._org_at(before[at_verb + len(raw):].lstrip())
                if org:
                    return org, True
            if self._pronoun_in(before_toks[:3]) or verb_before == 0 or all(
                folded in _CLAUSE_CONJUNCTIONS for _, folded, _ in before_toks[:verb_before]
            ):
                # "…, pero ha advertido de que “…”": the subject is the one named before
                return self.recent(at), True
            org = self._org_in(before)
            if org:
                return org, True
            return None, True
        return None, False


# Prepositions (and the articles after them) before a place, a medium or an employer named
# after a verb of saying: "a Radio Mitre", "en la Casa Rosada", "à la radio RTL", "to the BBC".
_PREPOSITIONS = frozenset({
    "a", "al", "en", "ante", "desde", "durante", "tras", "con", "para", "por", "sobre", "de", "del",
    "à", "au", "aux", "dans", "pendant", "lors", "devant", "chez", "avec", "pour", "par", "du", "des", "d",
    "to", "in", "at", "on", "during", "from", "with", "for", "by", "of",
    "im", "am", "beim", "bei", "vor", "gegenuber", "nach", "auf", "mit", "von", "vom", "zum", "zur", "dem",
})
_PREPOSITION_REACH = 3  # lower-case words between the preposition and the name
# Indefinite articles that open an unnamed speaker after the verb ("dijo un vecino").
_INDEFINITE: dict[str, frozenset[str]] = {
    "es": frozenset({"un", "una"}), "fr": frozenset({"un", "une"}), "en": frozenset({"a", "an", "one"}),
    "de": frozenset({"ein", "eine"}),
}
_UNNAMED_REACH = 4  # words after the verb: "contó a EFE una vecina"


def _verb_end(toks: list[tuple[str, str, int]], verb: int) -> int:
    """The last word of the verb of saying at ``verb`` ("a déclaré": the participle)."""
    if verb + 1 < len(toks) and (
        f"{toks[verb][1]} {toks[verb + 1][1]}" in _SAY_PHRASES or toks[verb][1] in _ES_AUXILIARIES
    ):
        return verb + 1
    return verb


def _name_read_on(window: str, toks: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """A sentence's first words (where its subject is named), and the rest of a name that
    starts among them ("La consellera de Emergencias e Interior, Marta Ribelles Climent")."""
    end = min(_SUBJECT_WORDS, len(toks))
    while end < len(toks) and toks[end][0][:1].isupper() and toks[end - 1][0][:1].isupper() and window[
        toks[end - 1][2] + len(toks[end - 1][0]):toks[end][2]
    ] in (" ", "-"):
        end += 1
    return toks[:end]


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


# Coordinating conjunctions that open a new clause (its verb is not the attribution of the
# quote before it), folded.
_CLAUSE_CONJUNCTIONS = frozenset({
    "y", "e", "pero", "aunque", "mientras", "and", "but", "while", "et", "mais", "und", "aber",
    "sondern", "ali", "ama", "fakat", "и", "но",
})


# Articles before a body named right after the verb, folded ("l'" is "l").
# the articles before a name (the cue tables'), with French elided "l'" and without "il", a pronoun here
_ARTICLES_BEFORE_BODY = (_ARTICLES - {"il"}) | {"l"}


# Nouns that, after "the", stand for an organisation named before ("the club said", "said the
# company"), folded.
_ORG_REFERENCES = frozenset({
    "club", "company", "ministry", "department", "union", "group", "bank", "party", "association",
    "federation", "agency", "council", "firm", "airline", "carrier", "operator", "regulator",
    "league", "authority", "board", "commission", "committee", "organisation", "organization",
    "insurer", "lender", "utility", "watchdog", "consortium", "charity", "foundation", "institute",
    "university", "court", "government", "team", "network", "broadcaster", "newspaper",
    # the same nouns after the article in German, French and Spanish ("teilte das Unternehmen
    # mit", "a indiqué la société", "señaló la empresa"), folded
    "unternehmen", "konzern", "fluggesellschaft", "gesellschaft", "verband", "ministerium", "behorde",
    "gewerkschaft", "partei", "verein", "regierung", "gericht", "stadt", "klinik",
    "societe", "entreprise", "groupe", "ministere", "compagnie", "syndicat", "parti", "gouvernement",
    "tribunal", "juridiction", "prefecture", "mairie", "banque",
    "empresa", "compania", "ministerio", "sindicato", "partido", "grupo", "gobierno", "federacion",
    "aerolinea", "banco", "asociacion", "entidad", "organismo", "sala", "corte", "camara",
})
_ORG_REFERENCE_LANGS = frozenset({"en", "de", "fr", "es"})
_DESCRIPTION_WORDS = 6  # "la plus haute juridiction administrative"
_ADVERBIAL_WORDS = 4  # "de son côté assuré" before the body after the verb


# Spanish perfect auxiliaries ("ha explicado", "han advertido").
_ES_AUXILIARIES = frozenset({"ha", "han"})
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


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _past_prepositions(window: str, toks: list[tuple[str, str, int]], start: int) -> list[tuple[str, str, int]]:
    """The words of an attribution without the capitalised runs from ``start`` on that follow
    a preposition (and an article or a noun): those name a place, a medium or an employer."""
    kept = toks[:start]
    dropping = False
    for i in range(start, len(toks)):
        raw = toks[i][0]
        if not raw[:1].isupper() or "," in window[toks[i - 1][2]:toks[i][2]] or _acronym(toks[i - 1][0]):
            # a name set off by a comma is an apposition ("..., Jean X"), and one after the
            # medium's acronym is the speaker ("a commenté auprès de l'AFP Agathe X")
            dropping = False
        elif not dropping:
            # up to three lower-case words back: "a Radio X", "en la Casa X", "à la radio X";
            # a case ending after a hyphen is no preposition ("ravnatelj KBC-a Split X")
            back = i - 1
            while back >= start and i - back <= _PREPOSITION_REACH and not toks[back][0][:1].isupper():
                if toks[back][1] in _PREPOSITIONS and window[toks[back][2] - 1:toks[back][2]] != "-":
                    dropping = True
                    break
                back -= 1
        if not dropping:
            kept.append(toks[i])
    return kept


_STEM = 5  # letters of a word compared with an organisation's words


def _word_stems(name: str) -> tuple[str, ...]:
    """The first letters of each word of a name, to match it in another case."""
    return tuple(fold(w)[:_STEM] for w in WORD_RE.findall(name))
_DE_DATIVE = frozenset(("der", "dem"))
_CAPTION_ORG_WORDS = 6
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


def _sentence_ends(text: str) -> list[re.Match[str]]:
    """The sentence ends in ``text``, not the full stop of an abbreviation ("Mrd.", "Dr.")."""
    ends = []
    for m in _SENTENCE_END_RE.finditer(text):
        word = _WORD_BEFORE_RE.search(text, 0, m.start())
        if m.group() == "." and word and (word.group(1) in _ABBREVIATIONS or word.group(1) in _AMOUNT_ABBREVIATIONS):
            continue
        ends.append(m)
    return ends


def _attribution_end(after: str) -> int | None:
    """Where the sentence that follows a quote ends (past any title abbreviation)."""
    for stop in _SENTENCE_END_RE.finditer(after):
        word = _WORD_BEFORE_RE.search(after[max(0, stop.start() - _LONGEST_ABBREVIATION):stop.start()])
        if stop.group() == "." and word is not None and (
            word.group(1) in _ABBREVIATIONS or (len(word.group(1)) == 1 and word.group(1).isupper())
        ):
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


# Arabic honorifics with a pronoun ("سعادته", his excellency) and the honorific that
# introduced the person they refer to, folded; relative pronouns ("الدار العقارية التي قالت").
_AR_HONORIFIC_PRONOUNS = {
    fold(pronoun): honorific for honorific, pronouns in (
        ("سعادة", ("سعادته", "سعادتها")), ("معالي", ("معاليه", "معاليها")), ("سمو", ("سموه", "سموها")),
        ("فخامة", ("فخامته",)),
    ) for pronoun in pronouns
}
_AR_RELATIVES = frozenset(fold(w) for w in ("التي", "الذي", "الذين"))
# An interview's answer paragraph ("A: …", "R: …", "О: …", "C: …"), and the first-person
# pronouns of an attribution in it ("We told them: “…”"), folded.
_ANSWER_RE = re.compile(r"^\s*(?:A|R|О|C|Y|Odgovor|Ответ|Cevap)\s?:")
_FIRST_PERSON = frozenset({
    "i", "we", "je", "nous", "yo", "nosotros", "ich", "wir", "я", "мы", "ben", "biz", "ja", "mi",
})


def _first_person(attribution: str) -> bool:
    return any(fold(w) in _FIRST_PERSON for w in WORD_RE.findall(attribution))


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


def _paragraph_quotes(
    text: str, lang: str | None, resolver: _Resolver
) -> list[Quote]:
    out: list[Quote] = []
    last_paragraph = -2
    paragraphs = _paragraphs(text)
    for number, (paragraph, offset) in enumerate(paragraphs):
        spans = _find_spans(paragraph, lang)
        dashed = [d for d in _dash_spans(paragraph) if not any(s.start < d.end and d.start < s.end for s in spans)]
        if dashed:
            spans = sorted([*spans, *dashed], key=lambda s: s.start)
        caption = None
        if number + 1 < len(paragraphs):
            caption = _CAPTION_RE.match(paragraphs[number + 1][0])
        for index, span in enumerate(spans):
            prev_end = spans[index - 1].end if index else 0
            next_start = spans[index + 1].start if index + 1 < len(spans) else len(paragraph)
            before = paragraph[prev_end:span.start]
            if _after_work_noun(before):
                continue  # por su novela "La casa de las nueve lluvias": a title
            ends = _sentence_ends(before)
            previous = ""
            if ends:
                cut = ends[-1].end()
                start = ends[-2].end() if len(ends) > 1 else 0
                before, previous = before[cut:], before[start:cut]
            before = before[-_BEFORE_CHARS:]
            after = paragraph[span.end:next_start][:_AFTER_CHARS]
            if span.text.endswith(".") and after.lstrip()[:1].isupper():
                after = ""  # called the result "a clear signal." The party said …: a new sentence
            stop = _attribution_end(after)
            if stop is not None:
                after = after[:stop]
            sentence_before = previous
            if not sentence_before and not ends and number:
                # a quote opening its paragraph: the sentence before it ends the paragraph above
                above = paragraphs[number - 1][0]
                above_ends = _sentence_ends(above.rstrip())
                sentence_before = above[above_ends[-2].end():] if len(above_ends) > 1 else above
            speaker, attributed = resolver.speaker(before, after, offset + span.start, previous, sentence_before)
            if dashed and span is dashed[0] and not attributed:
                continue  # dash speech is a quotation only with its attribution
            if not attributed and caption is not None and index == len(spans) - 1:
                speaker = resolver.caption(caption.group(1))
                attributed = speaker is not None
            if not attributed and number and not before.strip() and not after.strip(" .") and (
                lead := _introduction(paragraphs[number - 1][0])
            ):
                # "Yıldırım şunları söyledi:", "Siemons told reporters:", "وقال الجاسر:" and the
                # quotation in the paragraph below
                speaker, attributed = resolver.speaker(lead, "", offset + span.start)
            if not attributed and previous and not before.strip() and not after.strip(" ."):
                # "Rahimi spoke at the ceremony. “When we arrived …”": the quote goes on
                # from the person the sentence before it is about.
                speaker = resolver.subject(previous) or resolver.reported_by(previous)
                attributed = speaker is not None
            if not attributed and out and number - last_paragraph <= 1 and not before.strip(
                " \t—–-"
            ):
                speaker, attributed = resolver.last, True
            if not attributed and not (before.strip() == "" and after.strip(" .") == ""):
                continue
            quote_text = _clean(span.text)
            if len(quote_text.split()) < MIN_WORDS:
                continue
            if speaker is None and attributed and _ANSWER_RE.match(paragraph) and _first_person(before + after):
                # "A: … We told them what we tell everyone: “…”": the interviewee speaks
                speaker = resolver.interviewee()
            if speaker is not None:
                speaker = resolver.canonical(speaker)
            out.append(Quote(quote_text, speaker))
            if speaker is not None and not any(speaker == name for name, _ in resolver.orgs):
                resolver.last = speaker
                resolver.spoken.append((offset + span.start, speaker))
            last_paragraph = number
    return out


def find_quotes(
    text: str,
    lang: str | None = None,
    *,
    people: Iterable[Entity | str] | None = None,
    organisations: Sequence[Entity] = (),
) -> list[Quote]:
    """Direct quotations in ``text`` (one paragraph per line) with their speakers (pure).

    ``people``: the story's people (entities or full names); found with
    :func:`~newswire.enrich.entities.find_entities` when not given.
    """
    # Not a bare dash: nearly every dateline has one (" - "), which would let every story by.
    if not any(mark in text for mark in "“”„«»‘’\"'") and not _DASH_LINE_RE.search(text) and (
        not _DASH_MID_OPEN_RE.search(text)
    ):
        return []
    if people is None:
        found = find_entities(text, lang)
        people, organisations = found.people, found.organisations
    resolver = _Resolver(text, lang, _people_index(text, people, norm_lang(lang)), organisations)
    return merge_contained(_paragraph_quotes(text, lang, resolver))


def extract_quotes(item: Item) -> Item:
    """Pipeline step: ``item.quotes`` from the text, unless an editor already set quotes."""
    if item.quotes:
        return item
    text = item_text(item)
    if not text:
        return item
    found = find_entities(text, item.language, item.located)
    known: list[Entity | str] = list(found.people)
    names = {e.name.casefold() for e in found.people}
    known.extend(
        c.name for c in item.people if c.name and not c.machine_made
        and c.name.casefold() not in names
    )
    # the wire's own agency ("sagte der APA", "told Reuters") is whom a speaker told, never
    # the speaker, as it is no organisation of the story
    agency = {c.name.casefold() for c in item.info_sources if c.rel == "source" and c.name}
    organisations = [o for o in found.organisations if not any(n.casefold() in agency for n in o.names())]
    quotes = find_quotes(text, item.language, people=known, organisations=organisations)
    if not quotes:
        return item
    uris = {c.name.casefold(): c.uri for c in (*item.people, *item.organisations) if c.name and c.uri}
    return item.evolve(quotes=tuple(
        replace(q, speaker_uri=uris.get(q.speaker.casefold()) if q.speaker else None,
                language=item.language, creator=MACHINE_CREATOR)
        for q in quotes
    ))


def _words(text: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in WORD_RE.findall(text))


_WORD_SEP = "\x00"  # between the words of a quote's key (no word holds it)


def _key(words: tuple[str, ...]) -> str:
    """The words as one string, each closed by a separator: whether one quote's words lie
    in order and side by side in another's is then a substring test, done in C."""
    return _WORD_SEP + _WORD_SEP.join(words) + _WORD_SEP


def merge_contained(quotes: Sequence[Quote]) -> list[Quote]:
    """One quotation per utterance: a quote whose words (case and punctuation aside) lie,
    in order, inside another quote's is dropped - a standfirst quoting part of a body quote,
    or the same words quoted twice (the first is kept). The longer quote keeps its speaker;
    when it has none, it takes the speaker of the first part that had one."""
    words = [_words(q.text) for q in quotes]
    keys = [_key(w) for w in words]

    def inside(i: int, j: int) -> bool:
        """Quote i's words appear in quote j's, in order and side by side."""
        return 0 < len(words[i]) <= len(words[j]) and keys[i] in keys[j]

    kept: list[Quote] = []
    for i, quote in enumerate(quotes):
        if any(
            j != i and inside(i, j)
            and (len(words[j]) > len(words[i]) or j < i)
            for j in range(len(quotes))
        ):
            continue
        if quote.speaker is None:
            speaker = next((
                q.speaker for j, q in enumerate(quotes)
                if j != i and q.speaker is not None and inside(j, i)
            ), None)
            if speaker is not None:
                quote = replace(quote, speaker=speaker)
        kept.append(quote)
    return kept
