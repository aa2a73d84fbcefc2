"""People as speakers: a known person or a new name in an attribution (not one governed by
a preposition, nor a client in the genitive), a surname alone with the first name the
story gave it, a pronoun, a title or a role referring back, the subject of the sentence
before the quote, and the person mentioned last.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress

from newswire.enrich.quotes.names import (
    _LONGEST_NAME,
    _NAME_LAST,
    _NAME_MARKS,
    _ORG_START_FOLDED,
    _after_titles,
    _hyphen_tail_end,
    _last_two,
    _name_read_on,
    _past_prepositions,
    _patronymic,
)
from newswire.enrich.quotes.organisations import _is_agency, _OrganisationReferences
from newswire.enrich.quotes.paragraphs import _sentence_ends
from newswire.enrich.quotes.story import _all_keys, _Person
from newswire.enrich.quotes.verbs import _verb_end
from newswire.enrich.quotes.words import (
    _COMPLEMENT,
    _DEFINITE,
    _GENITIVE_FIRST,
    _NON_NAMES,
    _PREPOSITIONS,
    _ROLE_WORDS,
    _TITLE_WORDS,
)
from newswire.vocab.places import fold, story_tokens
from newswire.vocab.places import lookup as lookup_place

_OPENING_PREPOSITION_LANGS = frozenset({"es", "fr", "en", "de"})  # the languages of _PREPOSITIONS
_APOSTROPHES = frozenset("'’")
_WORD_CHAR_RE = re.compile(r"\w")
_TR_PLACE_CASE_RE = re.compile(r"['’](?:d|t)(?:a|e)(?:n)?(?![^\W\d_])")  # 'da 'de 'ta 'te 'dan 'den 'tan 'ten
_TR_TOPIC_WORDS = frozenset({"ise", "de", "da", "ayrica"})  # after a Turkish topic: "Sarıgül ise"
_PART_OF_BODY_LANGS = frozenset({"en", "fr", "es"})  # Turkish reads a body's speaker off its run
_ONE_WORD_BODY_LANGS = frozenset({"fr", "es"})  # a body's one-word name as the subject: "Sodiaal a rappelé"
# English nouns of nationality that are no country's adjective in the gazetteer ("the Swede
# said"); the adjectives used as nouns ("the Japanese", "the Swiss") are read off the gazetteer.
_NATIONALITY_NOUNS = frozenset(fold(w) for w in (
    "Swede", "Dane", "Finn", "Pole", "Scot", "Turk", "Briton", "Brit", "Spaniard", "Czech", "Slovak",
    "Dutchman", "Dutchwoman", "Frenchman", "Frenchwoman", "Englishman", "Englishwoman", "Irishman",
    "Irishwoman", "Welshman", "Welshwoman", "Scotsman", "Scotswoman", "Icelander", "Kiwi", "Aussie",
    "Croat", "Serb", "Bosnian", "Slovene", "Swiss",
))
# the endings of a country's adjective ("Japanese", "Brazilian", "Kenyan", "Thai", "Greek"),
# not of a country's own name ("the Congo", "the Gambia")
_ADJECTIVE_ENDINGS = ("ese", "ish", "ian", "an", "ss", "i", "ch", "ek", "ic")


def _word_before_mentions(text: str, surname: str) -> Iterator[re.Match[str]]:
    r"""What ``re.finditer(r"(?<![\w-])([^\W\d_][\w'’]*) SURNAME(?![\w-])", text)`` finds,
    the pattern run only at each mention of the surname, not over all the text: a match
    starts in the run of word characters and apostrophes right before " SURNAME", and
    the lookbehind and the lookahead still read the characters around that stretch."""
    pattern = re.compile(rf"(?<![\w-])([^\W\d_][\w'’]*) {re.escape(surname)}(?![\w-])")
    needle = f" {surname}"
    pos = 0  # where the next match may start (after the last one, as finditer goes on)
    while (at := text.find(needle, pos)) >= 0:
        start = at
        while start and (text[start - 1] in _APOSTROPHES or _WORD_CHAR_RE.match(text, start - 1)):
            start -= 1
        m = pattern.search(text, max(pos, start), at + len(needle) + 1)
        if m is None:
            pos = at + 1
            continue
        yield m
        pos = m.end()


class _PersonReferences(_OrganisationReferences):
    """Which person speaks in an attribution, or is meant by a pronoun or a role."""

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
        """The person of the story a word names (each distinct word looked up once)."""
        if raw in self.person_of_word:
            return self.person_of_word[raw]
        found = None
        for key in _all_keys(raw, self.lang):
            person = self.by_key.get(key)
            if person is not None:
                found = person
                break
        self.person_of_word[raw] = found
        return found

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
        if self.lang == "tr":
            # a Turkish name in the locative or ablative is a place, never the subject
            # ("İstanbul Park'ta düzenlenen toplantıda konuşan X", "Lefkoşa'da")
            runs = [r for r in runs if not _TR_PLACE_CASE_RE.match(window, r[-1][2] + len(r[-1][0]))]
        if self.lang in _OPENING_PREPOSITION_LANGS:
            # a capitalised preposition opening the sentence is no given name ("Desde Junts,
            # Jordi X Y ha justificado": Junts alone is no name; "Para Mauricio X, economista
            # de …": the name after it); short ones are left, they can be particles ("De Bruyne")
            runs = [r[1:] if len(r[0][1]) > 3 and r[0][1] in _PREPOSITIONS else r for r in runs]
        # in languages whose organisations open with their head, a run opening with one is
        # an organisation's name ("Comisiones Obreras", "Cámara de Comercio"), not a person's
        heads = _ORG_START_FOLDED.get(self.lang or "", frozenset())
        runs = [r for r in (_after_titles(r, self.lang) for r in runs) if r[0][1] not in heads]
        if self.lang in _NAME_LAST:
            # a title and its employer in capitals end with the name: "Premijerka Vlade
            # Kantona Sarajevo Amra Babić-Hodžić"
            runs = [_last_two(window, r) if len(r) > _LONGEST_NAME else r for r in runs]
        # a wire agency is whom the speaker told ("sagte sie der Deutschen Presse-Agentur")
        runs = [
            r for r in runs
            if 2 <= len(r) <= _LONGEST_NAME and not _is_agency(window[r[0][2]:r[-1][2] + len(r[-1][0])])
        ]
        if self.lang in _NAME_LAST and len(runs) > 1 and len(runs[0]) == 2 and runs[0][0][1] in _TITLE_WORDS:
            # a title and the employer's first word before the name ("Глава Заларинского
            # района Виктор Черемных"): the name is the run after it
            runs = runs[1:]
        if runs and self.orgs and self.lang in _PART_OF_BODY_LANGS:
            # a run inside the name of one of the story's organisations is no person ("Meanwhile,
            # Malaysian Association of Tour and Travel Agents (MATTA) president Loh Mei Ling said")
            runs = [r for r in runs if not self._in_org_name(window, window[r[0][2]:r[-1][2] + len(r[-1][0])])]
        if not runs:
            return None
        chosen = runs[-1] if last else runs[0]
        if self.lang in ("ru", "de", "bs") and len(chosen) >= 3 and not _patronymic(chosen[-2][1]):
            chosen = _last_two(window, chosen)
        start = chosen[0][2]
        end = _hyphen_tail_end(window, chosen[-1][2] + len(chosen[-1][0]))
        name = window[start:end]
        if " " not in name or (self.lang == "es" and len(chosen) == 2 and "-" not in name):
            # a double surname said alone ("ha asegurado Arribas Pelayo") takes the given name
            # the story wrote before it ("…, Gonzalo Arribas Pelayo, cuyo debate")
            return self._with_first_name(name)
        return name

    def _in_org_name(self, window: str, run: str) -> bool:
        """``run`` is part of the longer name of one of the story's organisations, written out
        whole in ``window`` (not the whole name: a body named in full may speak; nor a part
        written alone, "Indonesia's Foreign Affairs called", which stands for the body)."""
        return any(
            run in spelling and run != spelling and spelling in window
            for _, spellings in self.orgs for spelling in spellings
        )

    def _tr_topic_surname(self, window: str, toks: list[tuple[str, str, int]]) -> str | None:
        """A Turkish surname alone as the topic of the words before the quote, opening them
        with a comma or a topic particle ("Özkırımlı, AA muhabirine … belirterek, "…" diye
        konuştu", "Sarıkaya ayrıca, … "…" ifadelerini kullandı"), or right before the quote
        ("… konuşan Yalçınkaya, "…" dedi"), with the given names the story wrote before it."""
        if self.lang != "tr" or not toks:
            return None
        candidates = []
        raw, _, at = toks[0]
        end = at + len(raw)
        if window.startswith(",", end) or (
            len(toks) > 1 and toks[1][1] in _TR_TOPIC_WORDS and window[end:toks[1][2]] == " "
        ):
            candidates.append(raw)
        if window.rstrip().endswith(",") and window[toks[-1][2] + len(toks[-1][0]):].strip() == ",":
            candidates.append(toks[-1][0])
        for surname in candidates:
            if surname[:1].isupper() and not surname.isupper() and fold(surname) not in _NON_NAMES:
                named = self._tr_given_names(surname)
                if named:
                    return named
        return None

    def _tr_given_names(self, surname: str) -> str | None:
        """The surname with the one or two capitalised given names before its first mention
        ("Galatasaray'dan Kuzey Ata Bilgin" -> "Kuzey Ata Bilgin", "Mahmut Ekinci'ye")."""
        for m in re.finditer(rf"((?:[^\W\d_][\w'’]* ){{1,2}}){re.escape(surname)}(?![\w-])", self.text):
            given: list[str] = []
            for word in reversed(m.group(1).split()):
                folded = fold(word)
                if not word[:1].isupper() or word.isupper() or any(a in word for a in _APOSTROPHES) or (
                    folded in _NON_NAMES or folded in _TITLE_WORDS
                ):
                    break
                given.insert(0, word)
            if given:
                return " ".join([*given, surname])
        return None

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

    def _one_word_body(self, window: str, toks: list[tuple[str, str, int]], verb: int) -> str | None:
        """A one-word name that is the whole subject right before the verb, opening the
        sentence or its clause after a comma, no person of the story nor a surname the story
        gave a first name: a body ("Swisscom a salué une procédure « … »", "Contactée par
        l'AFP, Sodiaal a rappelé que « … »")."""
        if self.lang not in _ONE_WORD_BODY_LANGS or verb < 1:
            return None
        raw, folded, at = toks[verb - 1]
        if verb > 1 and not window[:at].rstrip().endswith(","):
            return None
        if not raw[:1].isupper() or folded in _NON_NAMES or folded in _TITLE_WORDS or self._person_of(raw):
            return None
        end = at + len(raw)
        if window[end:end + 1] in ("-", "'", "’", "."):
            return None  # part of a longer word
        return raw if self._with_first_name(raw) == raw else None

    def _with_first_name(self, surname: str) -> str:
        """A double surname said alone ("Okafor-Hayes told supporters") with the first name
        the story gave it where it named the person ("Democrat Marisol Okafor-Hayes won"):
        the capitalised word right before its first such mention, when that is no title."""
        for m in _word_before_mentions(self.text, surname):
            first = m.group(1)
            folded = fold(first)
            if first[:1].isupper() and not first.isupper() and folded not in _NON_NAMES and (
                folded not in _TITLE_WORDS and folded not in _PREPOSITIONS
            ):
                return f"{first} {surname}"
        return surname

    def _person_last(self, toks: list[tuple[str, str, int]]) -> str | None:
        found = None
        for raw, _, _ in toks:
            person = self._person_of(raw)
            if person is not None:
                found = person.name
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
            person = self._person_of(raw)
            if person is not None:
                named[raw] = person.name
        if not named:
            return []
        # the few words that name someone picked out in C, then their names looked up
        found = compress(zip(toks.words, toks.starts, strict=True), map(named.__contains__, toks.words))
        return [(at, named[w]) for w, at in found]

    def _pronoun_in(self, toks: list[tuple[str, str, int]]) -> bool:
        return any(folded in self.pronouns for _, folded, _ in toks)

    def _title_in(self, toks: list[tuple[str, str, int]], at: int) -> str | None:
        """The one person of the story a title in ``toks`` stands for ("añadió la economista"),
        when the story has named them before ``at``: a title refers back, never to someone
        the story only names further down ("… el economista jefe de BBVA, Hugo X")."""
        folded = [t[1] for t in toks]
        for i, word in enumerate(folded):
            for candidate in (word, f"{word} {folded[i + 1]}" if i + 1 < len(folded) else ""):
                person = self.by_title.get(candidate)
                if person is not None and person.first < at:
                    return person.name
        return None

    def _fallback(self, at: int) -> str | None:
        """Whom a pronoun or subject-less verb means: the last speaker, or the only person
        named so far."""
        if self.last is not None:
            return self.last
        named = [p for p in self.people if 0 <= p.first < at]
        if len(named) == 1:
            return named[0].name
        return None

    def reported_by(self, sentence: str) -> str | None:
        """The known person a sentence of reported speech names after its verb of saying
        ("Schon jetzt seien die Unterkünfte überbelegt, sagte Geschäftsführerin X Y. «…»"):
        the quote that follows goes on in their words."""
        toks = self._tokens(sentence)
        verb = self._has_say(toks, len(toks))
        return self._person_in(toks[verb + 1:]) if verb >= 0 else None

    def inverted_reporter(self, sentence: str) -> str | None:
        """The known person a sentence names after a verb of saying set off by a comma, when
        no known person stands before it ("Участок откроется 26 декабря, сообщила РИА Новости
        первый заместитель руководителя департамента Ирина Самохвалова."): whom the pronoun of
        the quote after it means, not a capitalised place among the sentence's first words."""
        if ", " not in sentence:
            return None  # no verb set off by a comma: the cheap test first
        toks = self._tokens(sentence)
        verb = self._has_say(toks, len(toks))
        if verb <= 0 or not sentence[:toks[verb][2]].rstrip().endswith(",") or self._person_in(toks[:verb]):
            return None
        return self._person_in(toks[verb + 1:])

    def appositive_name(self, sentence: str) -> str | None:
        """A new name of two to four capitalised words set off by commas in ``sentence`` ("Der
        Obmann des Fachverbands Hotellerie in der WKÖ, Bernhard Oberwalder, sieht …"): whom a
        pronoun after it means when no person of the story is named at its start (a person
        of the story it names by surname: that person)."""
        toks = self._tokens(sentence)
        for k, (raw, folded, at) in enumerate(toks):
            if not sentence[:at].endswith(", ") or not raw[:1].isupper() or raw.isupper() or folded in _NON_NAMES:
                continue
            end = k
            while end + 1 < len(toks) and toks[end + 1][0][:1].isupper() and sentence[
                toks[end][2] + len(toks[end][0]):toks[end + 1][2]
            ] in (" ", "-"):
                end += 1
            stop = toks[end][2] + len(toks[end][0])
            words = len(sentence[at:stop].split())
            if 2 <= words <= _LONGEST_NAME and sentence.startswith(",", stop) and not any(
                t[1] in _TITLE_WORDS or t[0].isupper() for t in toks[k:end + 1]
            ):
                return self._person_in(toks[k:end + 1]) or sentence[at:stop]
        return None

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
        # and so is one the possessive writes with a bare apostrophe or a glued "s" before a
        # role noun: "Krasniqi-Voss' Verteidigerin X Y", "Leitgebs Anwalt X Y"
        toks = self._past_possessors(sentence, toks)
        # a new name after a preposition is a complement ("exrectora de la Universidad
        # Nacional de San Antonio Abad"), not the subject
        # a known name that starts among the first words counts whole ("Zapovjednik Hrvatskog
        # ratnog zrakoplovstva, general-bojnik Davor Kralj-Petričević": a double surname is
        # known by its last word, the ninth)
        head = _name_read_on(sentence, toks)
        name = self._person_in(head) or self._new_name(sentence, _past_prepositions(sentence, head, 1))
        body = self.org_subject(sentence)
        if name and body and name.split()[0] == body.split()[0]:
            return None  # "La Cruz Roja Ecuatoriana abrió un centro …": a body is the subject
        return name

    def _past_possessors(self, window: str, toks: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
        """``toks`` without the words naming a person in the possessive (:meth:`_possessor`)."""
        return [t for k, t in enumerate(toks) if k + 1 == len(toks) or not self._possessor(window, toks, k)]

    def _possessor(self, sentence: str, toks: list[tuple[str, str, int]], k: int) -> bool:
        """Word k names a person of the story in the possessive before a capitalised noun:
        an apostrophe after a final s ("Voss' Anwältin"), or German's glued genitive "s"
        ("Leitgebs Verteidiger"), the surname's written form without it."""
        raw, _, at = toks[k]
        following = toks[k + 1][0]
        if not raw[:1].isupper() or not following[:1].isupper():
            return False
        gap = sentence[at + len(raw):toks[k + 1][2]]
        if gap in ("' ", "’ ") and raw.endswith(("s", "x", "z")):
            return self._person_of(raw) is not None
        if self.lang != "de" or gap != " " or not raw.endswith("s"):
            return False
        person = self._person_of(raw)
        return person is not None and raw not in person.name.replace("-", " ").split()

    def topic_above(self, at: int) -> str | None:
        """The person the paragraph above is about, when the quote at ``at`` opens its own
        paragraph: the subject of that paragraph's first sentence ("Martina X a obtenu 48 voix
        … face au pasteur Andreas Y. … / « … », a-t-elle déclaré"; "Barrios X, de 78 años, es
        la tercera autora …, tras Juan Carlos Y e Ida Z. … / "…", declaró la autora"), not
        whoever its last sentence mentions in passing."""
        start = self.text.rfind("\n", 0, at) + 1
        if start <= 1 or self.text[start:at].strip(" \t\"“”«»„—–-"):
            return None
        above = self.text[self.text.rfind("\n", 0, start - 1) + 1:start - 1]
        ends = _sentence_ends(above)
        named = self.subject(above[:ends[0].end()] if ends else above)
        return named if any(p.name == named for p in self.people) else None  # a person of the story only

    def _role_subject(self, subject: list[tuple[str, str, int]]) -> bool:
        """The words before the verb are a definite article and a title ("the minister",
        "the coach", "der Minister"): a role standing for a person already named."""
        if not 2 <= len(subject) <= 3 or subject[0][1] not in _DEFINITE:
            return False
        return subject[-1][1] in _ROLE_WORDS and not any(raw[:1].isupper() for raw, _, _ in subject[1:-1])

    def _described_person(self, subject: list[tuple[str, str, int]]) -> bool:
        """The words before the verb are a definite article and a nationality ("the Swede",
        "the Japanese") or an age ("the 26-year-old"): a description of a person named just
        before."""
        if subject[:1] and subject[0][1] not in _DEFINITE:
            return False
        if len(subject) == 4 and subject[1][0].isdigit() and (subject[2][1], subject[3][1]) == ("year", "old"):
            return True  # "the 26-year-old told reporters"
        return len(subject) == 2 and self._nationality(subject[1][0])  # "the Swede said"

    def recent_near(self, at: int) -> str | None:
        """The person mentioned last before ``at`` in its paragraph or the one above (a
        description refers no further back)."""
        start = self.text.rfind("\n", 0, self.text.rfind("\n", 0, at)) + 1
        if self.mentions is None:
            self.mentions = self._mentions()
        best = max(((o, n) for o, n in [*self.mentions, *self.spoken] if start <= o < at), default=None)
        return best[1] if best is not None else None

    def _nationality(self, word: str) -> bool:
        """A capitalised word that names a person by their country ("Swede", "Japanese",
        "Swiss") and no person or body of the story."""
        if not word[:1].isupper() or word.isupper() or self._person_of(word) is not None or any(
            word in spelling.split() for _, spellings in self.orgs for spelling in spellings
        ):
            return False
        return fold(word) in _NATIONALITY_NOUNS or (word.endswith(_ADJECTIVE_ENDINGS) and any(
            place.kind == "country" and fold(place.name) != fold(word) for place in lookup_place(word, self.lang)
        ))

    def _anaphor(self, toks: list[tuple[str, str, int]], verb: int) -> bool:
        """A definite article and a bare role noun right after the verb refer back to a
        person already named: "expresó el mandatario", "afirmó la legisladora", "a raconté le
        joueur de 19 ans" (not "le ministre de l'Économie", an unnamed official)."""
        verb = _verb_end(toks, verb)
        tail = toks[verb + 1:verb + 4]
        # an age is no office's complement: "a confié le coureur de 27 ans" refers back too
        return (
            len(tail) >= 2 and tail[0][1] in _DEFINITE and tail[1][0][:1].islower()
            and (len(tail) == 2 or tail[2][1] not in _COMPLEMENT or (
                verb + 4 < len(toks) and toks[verb + 4][0][:1].isdigit()
            ))
        )
