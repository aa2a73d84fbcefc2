"""Speakers the story does not name: an indefinite subject after the verb ("contó a EFE una
vecina", "said a resident"), an official by role alone ("souligne le directeur artistique
de la compagnie"), a Turkish "bir" and a noun before the quote; and the interviewee who
answers in the first person in an interview's answer paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from newswire.enrich.quotes.names import _past_prepositions
from newswire.enrich.quotes.story import _StoryReader
from newswire.enrich.quotes.verbs import _verb_end
from newswire.enrich.quotes.words import _COMPLEMENT, _DEFINITE, _PREPOSITIONS, _ROLE_WORDS
from newswire.vocab.places import WORD_RE, fold

# Indefinite articles that open an unnamed speaker after the verb ("dijo un vecino").
_INDEFINITE: dict[str, frozenset[str]] = {
    # "uno"/"einer" only open "one of" ("relató uno de los jóvenes", "sagte einer der Fahrer")
    "es": frozenset({"un", "una", "uno"}), "fr": frozenset({"un", "une"}), "en": frozenset({"a", "an", "one"}),
    "de": frozenset({"ein", "eine", "einer"}),
    # Bosnian, Croatian and Serbian (one code, "bs") have no article: the numeral "one" in its
    # three genders sets off an unnamed speaker ("kazala je za AA jedna mještanka")
    "bs": frozenset({"jedan", "jedna", "jedno"}),
    # Russian has no article either: "one of" ("сказала ТАСС одна из пассажирок")
    "ru": frozenset({"один", "одна", "одно"}),
}
# Russian and Bosnian, without articles, name an unnamed speaker by the noun of what they are
# to the story: a resident, passenger, driver, witness, fan, parent, injured party ("Жительница
# посёлка рассказала", "Stanovnica naselja kazala je", "rekla je putnica"); folded stems.
_UNNAMED_NOUNS: dict[str, tuple[str, ...]] = {
    "ru": tuple(fold(w) for w in (
        "житель", "жительниц", "пассажир", "водител", "очевид", "болельщик", "прохож", "покупател",
        # a student, a pensioner; the agency's anonymous source ("сказал собеседник агентства")
        "студент", "пенсионер", "собеседник", "источник",
    )),
    "bs": tuple(fold(w) for w in (
        "stanovni", "mještan", "putni", "vozač", "svjedo", "oštećen", "majka", "otac", "sugrađan",
    )),
}
# Possessives before the noun of an unnamed speaker after the verb ("ha dicho su portavoz"),
# folded.
_POSSESSIVES = frozenset({
    "su", "sus", "son", "sa", "leur", "its", "his", "her", "their", "sein", "seine", "ihr", "ihre",
})
# "One of" in a subject that names nobody makes it an unnamed speaker wherever it stands ("The
# mother of one of the victims said", "La hermana de una de las víctimas"): the numeral
# "one" and the word of "of" after it, folded.
_ONE_OF: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "en": (frozenset({"one"}), frozenset({"of"})),
    "es": (frozenset({"uno", "una"}), frozenset({"de"})),
    "fr": (frozenset({"un", "une"}), frozenset({"des", "d", "de"})),
    "de": (frozenset({"einer", "eine", "eines", "einem", "einen"}), frozenset({"der", "den"})),
    "ru": (frozenset({"один", "одна", "одного", "одной", "одним", "одному"}), frozenset({"из"})),
    "bs": (frozenset({"jedan", "jedna", "jednog", "jedne", "jednom", "jednu"}), frozenset({"od"})),
}
_QUOTE_MARKS = "\"“”„«»"
_ONE_OF_REACH = 8  # words of the subject: "The mother of one of", "Стоявшая рядом с одной из"
# Whom the speaker told, before an unnamed noun after the verb: capitalised words (an agency)
# and lower-case datives ("корреспонденту", "журналистам").
_RECIPIENT_REACH = 3
_DATIVE_ENDINGS: dict[str, tuple[str, ...]] = {"ru": ("у", "ю", "ам", "ям")}
_UNNAMED_REACH = 5  # words after the verb: "contó a EFE una vecina", "a raconté à l'AFP un paysan"


# Words that join the capitalised words of an office's portfolio ("secretario de Estado de
# Trabajo", "ministre de l'Agriculture et de l'Alimentation"), folded.
_PORTFOLIO_JOINS = _COMPLEMENT | _DEFINITE | frozenset({"l", "y", "e", "et", "and", "und", "des", "del"})
_OFFICE_REACH = 8  # words after the verb before the office: "dijo en Radio Nacional de España el"
_OFFICE_WORDS = 7  # an office and its body as a subject: "Der Intendant der Sächsischen Staatsoper"


# Particles that set off a Turkish subject as the topic ("bir vatandaş ise", "bir yolcu da").
_TR_TOPIC_PARTICLES = frozenset({"ise", "de", "da"})
_TR_ONE_OF_REACH = 4  # words: "Liman çalışanlarından biri", "Yolda kalan sürücülerden biri"
_TR_ABLATIVE_PLURAL = ("larından", "lerinden", "lardan", "lerden")
_TR_DATIVE_ENDINGS = ("ine", "ına", "une", "üne", "ye", "ya")
_NOUN_REACH = 4  # an indefinite article and its noun: "A European Union negotiator"

# Phrases by which a story keeps a speaker anonymous, lower case: any word for anonymity
# ("on condition of anonymity", "qui a requis l'anonymat", "sous couvert d'anonymat",
# "que pidió el anonimato", "der anonym bleiben wollte", "koji je želio ostati anoniman",
# "пожелавшая остаться анонимной"), a name withheld ("who asked not to be named", "asked
# that his surname not be used", "who declined to give her name", "qui n'a pas souhaité
# donner son nom", "que prefirió no dar su nombre", "пожелавшая остаться неназванной",
# "der nicht namentlich genannt werden wollte", "koja nije željela da joj se objavi ime",
# "adını vermek istemeyen").
_ANONYMOUS_RE = re.compile(
    r"anonym|anónim|anonim|аноним|not be (?:named|identified|used)|(?:give|gave|giving) (?:his|her|their) "
    r"(?:full |last )?name|donner (?:son|leur) nom|(?:dar|decir) su nombre|no ser identificad"
    r"|пожелавш\w* остаться (?:неназванн|неизвестн)|попросивш\w* не называть|nicht namentlich genannt"
    r"|nije (?:želio|željela|htio|htjela) da (?:mu|joj) se (?:objavi|navede) ime|adını vermek istemeyen"
)


def _tr_one_of(words: list[str]) -> bool:
    """Turkish "one of the …": a plural noun in the ablative and "biri" ("yolculardan biri")."""
    return any(
        word in ("biri", "birisi") and k and words[k - 1].endswith(_TR_ABLATIVE_PLURAL)
        for k, word in enumerate(words)
    )


_ADVERBIAL_REACH = 12  # words before the comma of a leading clause: "At a polling site on the city's West Side,"


# Words before capitalised words that make them a place or body, not a name a comma sets off
# an apposition to ("on the city's West Side,", "At Calgary International Airport,").
_AFTER_NAME_START = _PREPOSITIONS | _DEFINITE | frozenset({"s", "les", "los", "las", "l", "das", "den"})


def _past_adverbial(window: str, subject: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """A subject without the clause it opens with, up to its first comma: an adverbial ("A
    l'aéroport de Nice, une voyageuse …", "Outside a shop, one shopkeeper"), a participle
    ("Asked about the vote, a spokesperson", "Venu de Lyon, un retraité") or a lone given
    name ("Samir, a 24-year-old from Sudan"); not a name in apposition, two capitalised
    words side by side that open no adverbial ("Gong Tae-hyun, a professor of robotics, said")."""
    if len(subject) > 1 and subject[0][1] not in _PREPOSITIONS and subject[0][0][:1].isupper() and (
        subject[1][0][:1].isupper()
    ):
        return subject
    for k, (raw, _, at) in enumerate(subject[:_ADVERBIAL_REACH]):
        if not window.startswith(",", at + len(raw)):
            continue
        start = k
        while start > 0 and subject[start - 1][0][:1].isupper():
            start -= 1
        if k > start > 0 and subject[start - 1][1] not in _AFTER_NAME_START:
            return subject  # "Entre los primeros estaba Álvaro Gil Ruiz, un esquiador …": his apposition
        return subject[k + 1:]
    return subject


# An interview's answer paragraph ("A: …", "R: …", "О: …", "C: …"), and the first-person
# pronouns of an attribution in it ("We told them: “…”"), folded.
_ANSWER_RE = re.compile(r"^\s*(?:A|R|О|C|Y|Odgovor|Ответ|Cevap)\s?:")
_FIRST_PERSON = frozenset({
    "i", "we", "je", "nous", "yo", "nosotros", "ich", "wir", "я", "мы", "ben", "biz", "ja", "mi",
})


def _first_person(attribution: str) -> bool:
    return any(fold(w) in _FIRST_PERSON for w in WORD_RE.findall(attribution))


class _UnnamedSpeakers(_StoryReader):
    """Attributions to nobody the story names, and the interviewee of a Q&A."""

    # the person a subject names, from the part of the resolver that knows the story's people
    _person_in: Callable[[list[tuple[str, str, int]]], str | None]

    def interviewee(self) -> str | None:
        """The person an interview is with: the one the story names first (in its standfirst
        or first line, before the questions)."""
        named = [p for p in self.people if p.first >= 0]
        return min(named, key=lambda p: p.first).name if named else None

    def _unnamed_after(self, toks: list[tuple[str, str, int]], verb: int) -> tuple[int, bool] | None:
        """An indefinite article and a lower-case noun right after the verb (past whom the
        speaker told) is an unnamed speaker: "contó a EFE una vecina", "a confié un
        habitant", "said a resident" (not "dijo en una rueda de prensa": after a preposition).
        The offset of its first word and whether it is an article, or None."""
        articles = _INDEFINITE.get(self.lang or "", frozenset())
        # the reach counts up to the article; its noun may be the word after ("relató a Radio
        # Bío-Bío una vecina")
        tail = toks[verb + 1:verb + 2 + _UNNAMED_REACH]
        # German writes its nouns in capitals: "sagte ein Sprecher der X", "schilderte eine
        # Passagierin" (ANNOTATION 6: an unnamed speaker is null)
        noun_cased = self.lang == "de"
        # past whom the speaker told, in the dative or by name ("рассказала корреспонденту
        # ТАСС студентка", "kazala je za FENA-u majka"): the noun may come a few words on
        told = 0
        while told < min(len(tail) - 1, _RECIPIENT_REACH) and (
            tail[told][0][:1].isupper() or tail[told][1].endswith(_DATIVE_ENDINGS.get(self.lang or "", ("\0",)))
        ):
            told += 1
        for k, (raw, folded, at) in enumerate(tail[:told + 2]):
            if raw[:1].islower() and self._unnamed_noun(folded) and (k == 0 or tail[k - 1][1] not in _PREPOSITIONS):
                return at, False  # "rekla je putnica u zračnoj luci", "kazala je majka dvoje djece"
        for k, (_, folded, at) in enumerate(tail[:_UNNAMED_REACH]):
            if folded in articles and k + 1 < len(tail) and (noun_cased or tail[k + 1][0][:1].islower()) and (
                k == 0 or tail[k - 1][1] not in _PREPOSITIONS
            ):
                return at, True
        return None

    def _indefinite_subject(self, window: str, subject: list[tuple[str, str, int]]) -> bool:
        """A subject that opens with an indefinite article and a lower-case noun, with no name
        set off by commas (the resolver checks it names no person), is an unnamed speaker: "one
        OPEC delegate said", "Un représentant de la BCEAO a jugé", "Ein Sprecher der EKD
        sagte" (ANNOTATION 6: null, not the body nor the last person named)."""
        articles = _INDEFINITE.get(self.lang or "", frozenset())
        if self.lang == "es" and len(subject) >= 3 and subject[0][1] == "fuentes" and subject[1][1] in ("de", "del"):
            return True  # "Fuentes del Ministerio de … han señalado que": sources, unnamed
        if len(subject) >= 2 and self._unnamed_noun(subject[0][1]):
            # "Жительница посёлка Молдовка рассказала", "Oštećenica iz Sinja kazala je": no
            # name after the noun (two capitalised words side by side)
            return not any(a[0][:1].isupper() and b[0][:1].isupper() for a, b in pairwise(subject[1:]))
        if len(subject) < 2 or subject[0][1] not in articles:
            return False
        return not self._named_apposition(window, subject) and any(
            self.lang == "de" or raw[:1].islower() for raw, _, _ in subject[1:_NOUN_REACH]
        )

    def _definite_referent(self, toks: list[tuple[str, str, int]], verb: int) -> str | None:
        """The noun of a definite subject of one role word ("the spokesperson said") or of a
        definite role after the verb ("ha afirmado el agente"), folded."""
        if verb == 2 and toks[0][1] in _DEFINITE and (self.lang == "de" or toks[1][0][:1].islower()):
            return toks[1][1]
        tail = toks[_verb_end(toks, verb) + 1:_verb_end(toks, verb) + 3]
        if not toks[:verb] and len(tail) == 2 and tail[0][1] in _DEFINITE and (
            self.lang == "de" or tail[1][0][:1].islower()
        ):
            return tail[1][1]
        return None

    def _introduced_unnamed(self, noun: str, sentence: str) -> bool:
        """The sentence before brings in, with an indefinite article, the person a definite
        role refers back to ("A spokesperson for the port said … “…,” the spokesperson said",
        "declaró un agente de Aduanas … “…”, ha afirmado el agente"), and names nobody: the
        role is that unnamed person (ANNOTATION 6: null, not the last person named)."""
        articles = _INDEFINITE.get(self.lang or "", frozenset())
        if not articles or noun not in sentence.lower():
            return False  # the cheap test first
        toks = self._tokens(sentence)
        return any(
            folded in articles and noun in (toks[k + 1][1], toks[k + 2][1] if k + 2 < len(toks) else "")
            # no name with it ("A spokesman, John Smith, said", "un agente, Juan Gil Ros,", "a
            # spokesman John Smith"; "a spokesperson for the Alaska …" is whose)
            and not (k + 2 < len(toks) and toks[k + 2][1] not in _PREPOSITIONS and self._person_in(toks[k + 2:k + 4]))
            and not self._named_apposition(sentence, toks[k:k + 6])
            for k, (_, folded, _) in enumerate(toks[:-1])
        )

    @staticmethod
    def _possessive_after(toks: list[tuple[str, str, int]], verb: int) -> bool:
        """A possessive and a noun right after the verb, with no name after them, is someone
        of a body or person, unnamed: "ha dicho su portavoz", "a indiqué son porte-parole",
        "said its spokesman", "sagte seine Sprecherin" (ANNOTATION 6: null)."""
        tail = toks[_verb_end(toks, verb) + 1:]
        return len(tail) >= 2 and tail[0][1] in _POSSESSIVES and not any(
            raw[:1].isupper() for raw, _, _ in tail[2 if tail[1][0][:1].isupper() else 1:]
        )

    def _one_of(self, window: str, subject: list[tuple[str, str, int]]) -> bool:
        """"One of" among a subject's first words, and no name after the first word ("The
        mother of one of the festivalgoers", "Uno de los heridos"; not "One of Smith's aides,
        Jane Doe,", nor words of a quote: "“Uno de ellos ya …”, ha explicado X")."""
        ones, ofs = _ONE_OF.get(self.lang or "", (frozenset(), frozenset()))
        head = subject[:_ONE_OF_REACH]
        return any(a[1] in ones and b[1] in ofs for a, b in pairwise(head)) and (
            self.lang == "de" or not any(raw[:1].isupper() for raw, _, _ in head[1:])
        ) and not any(mark in window[:head[-1][2]] for mark in _QUOTE_MARKS)

    def _names_someone(self, window: str, subject: list[tuple[str, str, int]]) -> bool:
        """A subject names a known person: before its indefinite part ("Hanna de Vries, an
        analyst at ING, said") or in it, but not after a preposition, where or whose the
        speaker is ("A fan from X, … was more interested in Y", "a spokesman for Y")."""
        opening = _past_adverbial(window, subject)
        return bool(self._person_in(subject[:len(subject) - len(opening)])) or bool(
            opening and self._person_in(_past_prepositions(window, opening, 1))
        )

    def _unnamed_noun(self, folded: str) -> bool:
        return folded.startswith(_UNNAMED_NOUNS.get(self.lang or "", ()) or ("\0",))

    @staticmethod
    def _named_apposition(window: str, subject: list[tuple[str, str, int]]) -> bool:
        """A name set off by a comma in a subject: two capitalised words right after the comma
        ("A spokesman, John Smith, said"; not "One customer, a retired teacher from Staten
        Island, said", "Ein Ehepaar aus Stuttgart, das in Davos Ferien macht")."""
        return any(
            window.startswith(",", subject[k][2] + len(subject[k][0]))
            and subject[k + 1][0][:1].isupper() and subject[k + 2][0][:1].isupper()
            for k in range(len(subject) - 2)
        )

    def _unnamed_sentence(self, sentence: str) -> bool:
        """The sentence before a pronoun's quote has an unnamed subject naming no person: an
        indefinite one, past a leading adverbial ("Ein Sprecher des Ministeriums sagte, … „…“,
        sagte er", "At the airport, a traveller said she … “…,” she said"), one the story
        keeps anonymous ("Жительница X, пожелавшая остаться неназванной, рассказала …"), or
        a Turkish "one of the …" ("Liman çalışanlarından biri ise … söyledi. "…" dedi"): the
        pronoun is that unnamed speaker (ANNOTATION 6: null)."""
        sentence = sentence.strip()
        if sentence[:1] in _QUOTE_MARKS:
            return False  # its words before the verb are a quote's: "“Uno de ellos …”, dijo X."
        articles = _INDEFINITE.get(self.lang or "", frozenset())
        anonymous = _ANONYMOUS_RE.search(sentence.lower())
        if not anonymous and not (
            (self.lang == "tr" and "biri" in sentence)
            or any(fold(w) in articles for w in sentence.split(" ", _ADVERBIAL_REACH + 1)[:_ADVERBIAL_REACH + 1])
            or self._unnamed_noun(fold(sentence.split(" ", 1)[0]))
        ):
            return False  # no anonymity, no indefinite subject: the cheap test first
        toks = self._tokens(sentence)
        verb = self._has_say(toks, len(toks))
        subject = toks[:verb] if verb > 0 else toks
        if not subject:
            return False
        if anonymous and anonymous.start() < subject[-1][2] + len(subject[-1][0]):
            return True  # whatever the people finder took for a name in it
        if self._names_someone(sentence, subject):
            return False
        if self.lang == "tr":
            return _tr_one_of([raw for raw, _, _ in subject[:_TR_ONE_OF_REACH]])
        return self._unnamed_opening(sentence, subject)

    def _unnamed_opening(self, window: str, subject: list[tuple[str, str, int]]) -> bool:
        """The subject, or the subject past a leading clause, is indefinite ("Fuentes del
        Ministerio de Pesca, Agricultura y …", "Outside a shop, one shopkeeper said"), or is
        someone of "one of" a group ("The mother of one of the victims said")."""
        if self._indefinite_subject(window, subject) or self._one_of(window, subject):
            return True
        if subject[0][1] in _INDEFINITE.get(self.lang or "", ()):
            return False
        opening = _past_adverbial(window, subject)
        return opening is not subject and bool(opening) and self._indefinite_subject(window, opening)

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
        if complement is not None and tail[complement + 1][0][:1].isdigit():
            return False  # "a raconté le joueur de 19 ans": an age describes someone named before
        return complement is not None and all(raw[:1].islower() for raw, _, _ in tail[1:complement]) and not any(
            raw[:1].isupper() for raw, _, _ in tail[complement + 1:]
        )

    def _unnamed_office_holder(self, window: str, toks: list[tuple[str, str, int]], verb: int, at: int) -> bool:
        """A definite article, a role and its portfolio in capitals right after the verb
        (past where the speaker spoke), with no name after it and the office not mentioned
        before in the story, is an unnamed official: "dijo en Radio Nacional de España el
        secretario de Estado de Trabajo", "a déclaré la ministre de l'Agriculture"
        (ANNOTATION 6: null; an office named before may have come with its holder's name)."""
        rest = toks[_verb_end(toks, verb) + 1:]
        article = next((
            k for k, (_, folded, _) in enumerate(rest[:_OFFICE_REACH])
            if folded in _DEFINITE and (k == 0 or rest[k - 1][1] not in _PREPOSITIONS)
        ), None)
        if article is None or len(rest) < article + 4:
            return False
        role, complement = rest[article + 1], rest[article + 2]
        if role[1] not in _ROLE_WORDS or not role[0][:1].islower() or complement[1] not in _COMPLEMENT:
            return False
        # the portfolio: capitalised words joined by "de", "y", "et", up to the first other
        # word; two capitalised words side by side ("… de l'Intérieur Jean Dupont") may be a name
        portfolio: list[str] = []
        joined, gap = True, True
        for raw, folded, _ in rest[article + 3:]:
            if folded in _PORTFOLIO_JOINS:
                gap = True
                continue
            if not raw[:1].isupper() and not raw[:1].isdigit():  # "de Renta 4 Banco X Y"
                break
            joined, gap = joined and gap, False
            portfolio.append(raw)
        if not portfolio or not joined or "," in window[role[2]:]:
            return False
        office = window[role[2]:window.index(portfolio[-1], role[2]) + len(portfolio[-1])]
        return self.text.find(office, 0, at) < 0

    def _office_introduced(self, window: str, subject: list[tuple[str, str, int]], at: int) -> bool:
        """A subject that is an office of a body, brought in here for the first time, with no
        name: "Der Intendant der Semperoper sagte", "Министр спорта Республики Татарстан
        назвал", "Mahkeme başkanı, kararı açıklarken "…" dedi" - an unnamed official (ANNOTATION
        6: null). A role mentioned before may have come with its holder's name and refers
        back ("Die Kanzlerin sagte"); a name right after the role is the speaker's
        ("Intendant Peter X"). ``at`` is where ``window`` ends in the story."""
        if subject and subject[0][1] in _DEFINITE:
            subject = subject[1:]
        if len(subject) < 2 or len(subject) > _OFFICE_WORDS:
            return False
        role = next((k for k, (_, folded, _) in enumerate(subject[:2]) if folded in _ROLE_WORDS), None)
        if role is None or (role + 1 < len(subject) and subject[role + 1][0][:1].isupper() and self.lang != "de") or (
            self.lang == "de" and role + 1 < len(subject) and subject[role + 1][1] not in _COMPLEMENT
            and subject[role + 1][1] not in _PREPOSITIONS
        ) or (role == 1 and self.lang != "tr"):
            return False
        if role == 0 and not any(w[:1].isupper() for w, _, _ in subject[2:]):
            return False  # no body: "El entrenador bético destacó" refers back
        raw, _, offset = subject[role]
        if raw.lower() in self.text[:at - len(window) + offset].lower():
            return False  # the office was named before
        return not self._person_in(subject)

    def _unnamed_before(self, toks: list[tuple[str, str, int]]) -> bool:
        """Turkish names an unnamed speaker with "bir" and a lower-case noun right before the
        quote ("izleyen bir vatandaş ise "…" dedi", "bir yolcu da"): nobody to look back to."""
        if self.lang != "tr":
            return False
        if len(toks) > 2 and toks[-2][0][:1].isupper() and toks[-1][0][:1].islower() and (
            toks[-1][0].endswith(_TR_DATIVE_ENDINGS)
        ):
            toks = toks[:-2]  # whom they told: "bir vatandaş, AA muhabirine, "…" dedi"
        words = [raw.lower() for raw, _, _ in toks[-4:]]
        if words and words[-1] in _TR_TOPIC_PARTICLES:
            words = words[:-1]
        if _tr_one_of(words[-2:]):
            return True  # "tır şoförlerinden biri, "…" diye konuştu"
        if "bir" not in words[-3:]:
            return False
        noun = words[len(words) - 1 - words[::-1].index("bir") + 1:]
        return 1 <= len(noun) <= 2 and all(w[:1].islower() for w in noun)
