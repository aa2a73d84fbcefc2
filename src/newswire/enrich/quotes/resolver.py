"""The speaker resolver: whose words a quote is, from the attribution after it or before it
(or a caption below it), each kind of reference handed to the part that knows it.
"""

from __future__ import annotations

import re

from newswire.enrich.quotes.arabic import _ArabicReferences
from newswire.enrich.quotes.attribution_openers import (
    _opens_with_de_attribution,
    _opens_with_es_attribution,
    _opens_with_fr_attribution,
)
from newswire.enrich.quotes.names import _past_prepositions
from newswire.enrich.quotes.organisations import _ORG_REFERENCE_LANGS, _ORG_REFERENCES, _past_interview
from newswire.enrich.quotes.unnamed import _UnnamedSpeakers
from newswire.enrich.quotes.verbs import _AR_PARTICIPLES_FOLDED, _PASSIVE_FOLDED, _verb_end
from newswire.enrich.quotes.words import _CLAUSE_CONJUNCTIONS, _NON_NAMES, _ROLE_WORDS, _TITLE_WORDS
from newswire.vocab.places import fold
from newswire.vocab.places import lookup as lookup_place

# "X said in a statement": a body's written word (English copy), and the body's name ending
# the subject ("Port employers' group Deltalinqs", "SpaceX", "Brink's") or before a relative
# clause ("Boeing, which was not accused of wrongdoing,").
_IN_A_STATEMENT_RE = re.compile(r"\s*in an? (?:written |short |brief )?(?:statement|news release|press release)\b")
_BODY_BEFORE_CLAUSE_RE = re.compile(r"^\s*([A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*)*), (?:which|whose)\b[^,]*,\s*$")
_BODY_ENDING_RE = re.compile(r"(?:^|\s)([A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*)*)\s*$")
# French: "Le Conseil régional de Bretagne a dénoncé dans un communiqué « … »", the body the
# subject names after its article (past a short adverbial: "À Pékin, le ministère chinois du
# Commerce a dénoncé dans un communiqué"), without its acronym in brackets.
_DANS_UN_COMMUNIQUE_RE = re.compile(r"\s*dans un communiqué\b")
_FR_BODY_RE = re.compile(r"^\s*(?:Le |La |Les |L'|L’|le |la |les |l'|l’)([^,()]+?)\s*(?:\([^()]*\)\s*)?$")
_FR_BODY_WORDS = 10
# A sentence that opens with a body named in full and defined by its acronym in brackets,
# then its verb ("Der Zentralverband der X (ZDS) nannte den Streik „…“", "Le Département
# fédéral des affaires étrangères (DFAE) a salué « … »", "El Comité para la X (CPJ) exigió una
# investigación "…""): the body speaks, whatever the verb.
_ACRONYM_SUBJECT_RE = re.compile(
    r"\s*(?:(?:Der|Die|Das|Le|La|Les|El|Los|Las|The)\s+|L['’])"
    r"([^\W\d_][^(),;:«»„“”\"]{2,100}?)\s*\(\s*([^\W\d_][\w&.-]{1,11})\s*\)\s+(?=[^\W\d_])"
)
# Russian: a body named in full as the sentence's subject, before its verb and a statement
# it spoke in ("Министерство финансов Чехии в своем заявлении отметило, что «…»", "Союз
# таксистов назвал решение «…»"): the subject holds a noun of a body's kind (its stem).
_RU_BODY_HEADS = frozenset({
    "министерство", "управление", "департамент", "профсоюз", "служба", "комитет", "прокуратура",
    "ведомство", "агентство", "федерация", "ассоциация", "союз", "администрация", "правительство",
    "компания", "банк", "фонд", "комиссия", "инспекция", "палата", "партия", "главк",
})
# where a Russian subject ends: a place or circumstance after "в" ("в своем заявлении", "в
# ответ на запрос ТАСС"), an adverb after it ("также")
_RU_SUBJECT_END_RE = re.compile(r"\s+в\s.*$|\s+(?:также|тоже|же)\s*$", re.S)
_RU_BODY_WORDS = 8
_RU_PAST_ENDINGS = ("ла", "ло", "ли", "л")  # a verb in the past: where the subject ends
# the kind nouns of a body in the genitive after "в сообщении", "в заявлении" (folded stems)
_RU_GENITIVE_KINDS = ("ведомства", "компании", "министерства", "управления", "службы", "пресс-службы",
                      "прокуратуры", "департамента", "агентства", "администрации", "организации")
_ACRONYM_SUBJECT_WORDS = 10
_ACRONYM_SUBJECT_LANGS = frozenset({"de", "fr", "es", "en"})
_TR_SUBJECT_WORDS = 3  # a Turkish office before the quote and the word after it: "Mahkeme başkanı, kararı"
# Subject pronouns that can follow an inverted verb of saying ("sagte sie", "сказал он").
_SUBJECT_PRONOUNS = frozenset({"er", "sie", "он", "она", "они", "on", "ona", "oni"})


class _Resolver(_UnnamedSpeakers, _ArabicReferences):
    """Who said each quote of one story; ``last`` and ``spoken`` carry the speakers found so
    far from one quote to the next."""

    def caption(self, caption: str) -> str | None:
        """The speaker a bracketed caption names: its first part, before any comma."""
        head = caption.split(",", 1)[0]
        toks = self._tokens(head)
        # a caption names its speaker in full ("(Sheikh Fahad bin Nasser Al-Thani, …)"): the
        # longest person of the story written out in it, before any key of a surname
        written = max((p.name for p in self.people if p.name in head), key=len, default=None)
        return written or self._person_in(toks) or self._new_name(head, toks) or self._caption_org(head)

    @staticmethod
    def _passive(toks: list[tuple[str, str, int]], verb: int) -> bool:
        """The attribution at ``verb`` is in the passive ("ifadesine yer verildi")."""
        return toks[verb][1] in _PASSIVE_FOLDED or (
            verb + 1 < len(toks) and f"{toks[verb][1]} {toks[verb + 1][1]}" in _PASSIVE_FOLDED
        )

    def _nobody_named(self, window: str, subject: list[tuple[str, str, int]]) -> bool:
        """An indefinite subject naming no person of the story, past a leading clause ("Asked
        about the pound, a Treasury spokesperson said: “…”"): an unnamed speaker."""
        return bool(subject) and self._unnamed_opening(window, subject) and not self._names_someone(window, subject)

    def _body_in_statement(self, window: str, toks: list[tuple[str, str, int]], verb: int) -> str | None:
        """The body a subject that is no person of the story names when it speaks in a
        statement, which the organisation finder may not know: in French "a dénoncé dans un
        communiqué" (:meth:`_fr_body_in_communique`), in English "Port employers' group
        Deltalinqs said in a statement that the strike was "…"", "Boeing, which was not accused
        of wrongdoing, said in a statement it had "…""."""
        if self.lang == "fr":
            return self._fr_body_in_communique(window, toks, verb)
        raw, _, at = toks[verb]
        if self.lang != "en" or not _IN_A_STATEMENT_RE.match(window, at + len(raw)):
            return None
        subject = window[:at]
        found = _BODY_BEFORE_CLAUSE_RE.match(subject) or _BODY_ENDING_RE.search(subject)
        if found is None:
            return None
        name = found.group(1)
        words = name.split()
        if fold(words[0]) in _NON_NAMES or any(self._person_of(w) is not None for w in words):
            return None
        return name

    def _fr_body_in_communique(self, window: str, toks: list[tuple[str, str, int]], verb: int) -> str | None:
        """The body a French subject names when it "a dénoncé dans un communiqué" (the clause
        opening with an article, before any apposition: "Le Centre du cinéma … de la Fédération
        Wallonie-Bruxelles, principal financeur des films nommés, a salué …"); not a role
        ("Le directeur général du CERN, Mark Thomson, a salué …") nor a pronoun."""
        end = _verb_end(toks, verb)
        raw, _, at = toks[end]
        if not _DANS_UN_COMMUNIQUE_RE.match(window, at + len(raw)):
            return None
        clause = next((part for part in window[:toks[verb][2]].split(",") if _FR_BODY_RE.match(part)), None)
        found = _FR_BODY_RE.match(clause) if clause is not None else None
        if found is None:
            return None
        name = found.group(1)
        words = self._tokens(name)
        if not words or len(words) > _FR_BODY_WORDS or not (
            words[0][0][:1].isupper() or words[0][1] in _ORG_REFERENCES
        ) or any(folded in _ROLE_WORDS or folded in self.pronouns for _, folded, _ in words) or self._person_in(words):
            return None
        return name

    def _acronym_subject(self, window: str, toks: list[tuple[str, str, int]]) -> str | None:
        """The body a sentence opens with, named in full with its acronym in brackets and
        followed by its verb in lower case, when no person of the story is named in the
        sentence before the quote (a person with a party's acronym speaks for themself)."""
        if "(" not in window or self.lang not in _ACRONYM_SUBJECT_LANGS:
            return None
        found = _ACRONYM_SUBJECT_RE.match(window)
        if found is None or not window[found.end():found.end() + 1].islower():
            return None
        name = found.group(1).strip()
        words = self._tokens(name)
        if not name[:1].isupper() or len(words) > _ACRONYM_SUBJECT_WORDS or any(
            folded in _ROLE_WORDS or folded in _TITLE_WORDS for _, folded, _ in words
        ) or self._person_in(toks):
            return None  # "La delegada de la Agencia X (AEMET) ha dicho": a person's role
        return name

    def _ru_body_genitive(self, toks: list[tuple[str, str, int]]) -> bool:
        """A Russian statement attributed to a body by its kind in the genitive ("говорится в
        сообщении ведомства", "в заявлении компании"): the body named last before speaks."""
        return self.lang == "ru" and any(folded.startswith(_RU_GENITIVE_KINDS) for _, folded, _ in toks)

    def _acronym_lead(self, lead: str) -> str | None:
        """The body the sentence before opens with, named in full with its acronym ("Der
        Deutsche Schachbund (DSB) zeigte sich zufrieden. … „…“, teilte der Verband mit"), for
        a kind noun that refers back to a body the organisation finder did not know."""
        return self._named_body(self._acronym_subject(lead, self._tokens(lead))) if lead else None

    def _named_body(self, body: str | None) -> str | None:
        """``body``, remembered as a body the resolver read off an attribution."""
        if body is not None:
            self.named_bodies.add(body)
        return body

    def _ru_lead_body(self, sentence: str) -> str | None:
        """The body the sentence before a Russian statement opens with as its subject
        ("Хабаровская транспортная прокуратура организовала проверку. «…», - говорится в
        сообщении ведомства"): its kind noun after at most two adjectives, or one capitalised
        word of its own ("Рособрнадзор сообщил"), no person of the story; else None."""
        toks = self._tokens(sentence)
        head = next((k for k, (_, folded, _) in enumerate(toks[:3]) if folded in _RU_BODY_HEADS), None)
        if head is not None and all(raw[:1].isupper() == (k == 0) for k, (raw, _, _) in enumerate(toks[:head])):
            verb = next((
                k for k in range(head + 1, min(len(toks), head + _RU_BODY_WORDS))
                if toks[k][0][:1].islower() and toks[k][1].endswith(_RU_PAST_ENDINGS)
            ), None)
            if verb is None or self._person_in(toks[:verb]) or any(
                raw in "«»\"" for raw in sentence[:toks[verb - 1][2]]
            ):
                return None
            return _RU_SUBJECT_END_RE.sub("", sentence[:toks[verb - 1][2] + len(toks[verb - 1][0])].strip()).strip(" ,")
        if len(toks) > 1 and toks[0][0][:1].isupper() and not toks[0][0].isupper() and toks[1][0][:1].islower() and (
            self._person_of(toks[0][0]) is None and toks[0][1] not in _NON_NAMES
            and sentence[len(toks[0][0]):].startswith(" ") and not lookup_place(toks[0][0], self.lang)
        ):
            return toks[0][0]  # not a place: "Москва ввела …" is no body's statement
        return None

    def _ru_body_subject(self, window: str, toks: list[tuple[str, str, int]], verb: int) -> str | None:
        """The body a Russian sentence opens with as the subject of its verb of saying (before
        "в своем заявлении", "также"): a few words opening with a body's kind noun in the
        nominative, or one adjective and that noun, naming no person of the story."""
        subject = _RU_SUBJECT_END_RE.sub("", window[:toks[verb][2]].strip()).strip(" ,")
        words = self._tokens(subject)
        if not words or not words[0][0][:1].isupper() or len(words) > _RU_BODY_WORDS or "«" in subject or (
            '"' in subject
        ):
            return None
        # the kind noun opens the subject, or follows its one adjective ("Российский профсоюз")
        head = 0 if words[0][1] in _RU_BODY_HEADS else 1
        if len(words) <= head or words[head][1] not in _RU_BODY_HEADS or self._person_in(words) or any(
            folded in self.pronouns or folded in _ROLE_WORDS or folded in _TITLE_WORDS for _, folded, _ in words
        ):
            return None
        return subject

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
        before_toks: list[tuple[str, str, int]] | None = None

        def before_words() -> list[tuple[str, str, int]]:
            """The words before the quote, read only on the paths that need them (an
            attribution after the quote that names its speaker does not)."""
            nonlocal before_toks
            if before_toks is None:
                before_toks = self._tokens(before)
            return before_toks

        if verb_after >= 0 and self._passive(after_toks, verb_after):
            # "Togg'dan yapılan açıklamada, "…" ifadesine yer verildi"; "Açıklamada, "…"" after a
            # sentence naming the body so
            return self._tr_statement_body(before) or (
                self._tr_statement_body(lead) if "çıklamada" in before else None
            ) or self._org_in(before) or self._org_in(after) or self._org_written_in(
                after_toks[verb_after + 1:verb_after + 9]
            ) or self._org_named_by(
                after_toks[verb_after + 1:verb_after + 7], at
            ) or self._statement_body(before_words(), lead, at) or (
                self._named_body(self._ru_lead_body(lead)) or self._last_named_org(at)
                if self._ru_body_genitive(after_toks[verb_after + 1:verb_after + 5]) else None
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
            found = self._before_speaker(before, before_words(), at, lead)
            if found[1]:
                return found
            same_subject = self._ungoverned_person(before_words()) or self._person_in(before_words())
            if verb_after > 0 and same_subject:
                # "X ha avanzado que su partido "…", aunque ha criticado …": the clause before
                # has the same subject, whatever its verb
                return same_subject, True
        if verb_after >= 0 and after_toks[verb_after][1] == "told":
            # whoever follows "told" was told ("she told The Associated Press", "one resident
            # told DZMM radio"): the speaker stands before the verb
            raw, _, at_verb = after_toks[verb_after]
            after, after_toks = after[:at_verb + len(raw)], after_toks[:verb_after + 1]
        if verb_after >= 0 and self.lang in _ORG_REFERENCE_LANGS and self._org_reference(after_toks, verb_after):
            # "The Ministry of Health welcomed the ruling. “…,” it said": the body the sentence
            # before opens with, else an organisation left unnamed (never the last person)
            return self.org_subject(lead) or self._kind_named_in(lead, after_toks) or self._es_body_opening(
                lead, after
            ) or self._de_body_of_kind(lead, after_toks) or self._referred_body(
                after_toks[:_verb_end(after_toks, verb_after) + 3], at
            ) or self._acronym_lead(lead), True
        if verb_after >= 0 and not after_toks[:verb_after] and self._unnamed_office_holder(
            after, after_toks, verb_after, at
        ):
            return None, True  # "…", dijo en Radio Nacional el secretario de Estado de Trabajo
        if verb_after >= 0:
            named_toks = after_toks
            pronoun_at = verb_after + 1
            pronoun_subject = not after_toks[:verb_after] and pronoun_at < len(after_toks) and (
                after_toks[pronoun_at][1] in _SUBJECT_PRONOUNS and after_toks[pronoun_at][0].islower()
            )
            if pronoun_subject:
                # "„…“, sagte sie der „Stuttgarter Zeitung“", "— сказал он «Коммерсанту»": the
                # pronoun is the subject; a name after it is whom or where it was said
                named_toks = after_toks[:pronoun_at + 1]
            elif self._anaphor(after_toks, verb_after):
                # "dijo el funcionario a Radio Mitre", "expresó el mandatario en el Teatro X":
                # the role refers back; a name after a preposition is where or whom it told
                named_toks = _past_prepositions(after, after_toks, _verb_end(after_toks, verb_after) + 3)
            # a new name after a preposition is where the speaker spoke or whom they told
            # ("dijo a la emisora Radio Pichincha"), a known person anywhere is the speaker
            # an indefinite subject is nobody, whatever the capitalised words after it name
            # ("sagte ein Sprecher der Techniker Krankenkasse")
            unnamed_at = None if after_toks[:verb_after] else self._unnamed_after(
                after_toks, _verb_end(after_toks, verb_after)
            )
            unnamed = unnamed_at is not None
            if unnamed_at is not None and unnamed_at[1]:
                # a name after an indefinite article's noun is whose or where they are ("jedna
                # stanovnica Alipašinog Polja", "a spokesman for X"), unless a comma sets it
                # off ("said one resident, Jane Doe,"); a name before it is the speaker ("said
                # Jane Doe, a resident"); a bare noun is a name's apposition ("rekao je putnik X")
                comma = after.find(",", unnamed_at[0])
                named_toks = [t for t in named_toks if t[2] < unnamed_at[0] or 0 <= comma < t[2]]
            name = self._person_in(named_toks) or (None if unnamed else self._new_name(
                after, _past_prepositions(after, named_toks, _verb_end(named_toks, verb_after) + 1)
            ))
            if name:
                return name, True
            referent = self._definite_referent(after_toks, verb_after)
            if referent and self._introduced_unnamed(referent, previous or lead):
                return None, True  # "A spokesperson for X said … “…,” the spokesperson said"
            if not after_toks[:verb_after] and self._unnamed_official_after(after_toks, verb_after):
                return None, True  # "« … », souligne le directeur artistique de la compagnie"
            if self._anaphor(after_toks, verb_after):
                named = self.subject(previous)
                if named:
                    return named, True
            # a title after an indefinite article is a new person's ("sagte ein Sprecher von X",
            # "ha indicado una portavoz de X"), not the known person it is the title of
            role = self._title_in(named_toks if unnamed_at is not None and unnamed_at[1] else after_toks, at)
            if role:
                return role, True
            subject = after_toks[:verb_after]
            if not subject and self._possessive_after(after_toks, verb_after):
                return None, True  # "El sindicato X ha reclamado más medios: "…", ha dicho su portavoz"
            # Turkish lower-case words before the verb are its object, not a subject ("…"
            # değerlendirmesinde bulundu): the speaker stands before the quote
            object_only = not subject or (self.lang == "tr" and not any(raw[:1].isupper() for raw, _, _ in subject))
            if unnamed or (object_only and self._unnamed_before(before_words())) or self._nobody_named(after, subject):
                return None, True  # "…", contó a EFE una vecina de Shilla
            body = self._body_after(after, after_toks, verb_after) if not subject and not pronoun_subject else None
            if body:
                return body, True  # "« … », a réagi la Ligue de football professionnel"
            if subject and self._described_person(subject):
                # "the Swede said", "the 26-year-old told reporters": the person named just before
                return self.recent_near(at), True
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
                named = self._person_last(before_words()) or self._new_name(
                    before, before_words(), last=True
                ) or self._tr_topic_surname(before, before_words())
                if not named and self.lang == "tr" and self._office_introduced(
                    before, before_words()[:_TR_SUBJECT_WORDS], at
                ):
                    return None, True  # "Mahkeme başkanı, kararı açıklarken "…" dedi"
                if not named and self._unnamed_sentence(previous or lead):
                    return None, True  # "Ein Sprecher des Ministeriums sagte, … „…“, sagte er."
                if not named and self._anaphor(after_toks, verb_after):
                    named = self.subject(previous)
                # no one known to refer back to: the person the sentence before is about
                # ("Die Grünen-Politikerin X Y kritisierte den Plan. „…“, sagte sie.")
                return named or self.inverted_reporter(previous or lead) or self.subject(
                    previous or lead
                ) or self.appositive_name(previous or lead) or self.topic_above(at) or self.recent(at), True
            if self._anaphor(after_toks, verb_after):
                return self.subject(previous) or self.topic_above(at) or self.recent(at), True
            org = self._org_in(after)
            if org:
                return org, True
            if "," in after[:after_toks[verb_after][2]] and (
                found := self._before_speaker(before, before_words(), at, lead)
            )[0]:
                # "X reconoció que su rival "…" al que …, pero aseguró que …", "X сообщила, что
                # … «…», поэтому театр добавил …": the verb after a comma opens a clause of its
                # own; the quote's speaker is the one its sentence names before it
                return found
            return None, True  # "one delegate said", "the ministry said"
        return self._before_speaker(before, before_words(), at, lead)

    def _before_speaker(
        self, before: str, before_toks: list[tuple[str, str, int]], at: int, lead: str = ""
    ) -> tuple[str | None, bool]:
        """``(speaker, attributed)`` from the words before a quote ("X said: “…”", "X ha
        advertido de que “…”")."""
        masked = _past_interview(before, before_toks)
        if masked is not before:
            before, before_toks = masked, self._tokens(masked)
        verb_before = self._has_say(before_toks, len(before_toks))
        if verb_before > 0 and (body := self._acronym_subject(before, before_toks)) is not None:
            self.named_bodies.add(body)
            return body, True  # "Der Zentralverband der X (ZDS) nannte den Streik „…“"
        if verb_before > 0 and self.lang == "ru" and (body := self._ru_body_subject(before, before_toks, verb_before)):
            self.named_bodies.add(body)
            return body, True  # "Министерство финансов Чехии в своем заявлении отметило, что «…»"
        if verb_before > 0 and (body_from := self._bs_body_from(before_toks, verb_before, at)):
            return body_from, True  # "Iz Ministarstva mora … poručili su da „…“"
        if verb_before > 0 and self._nobody_named(before, before_toks[:verb_before]):
            return None, True  # "Un représentant de la BCEAO a jugé le calendrier « … »"
        if verb_before == 0 and self._nobody_named(before, before_toks):
            return None, True  # "Asked about the pound, a Treasury spokesperson said: “…”"
        if verb_before > 0 and self._office_introduced(before, before_toks[:verb_before], at):
            return None, True  # "Der Intendant der Semperoper sagte, die Produktion sei „…“"
        if verb_before < 0 and before.rstrip().endswith(":") and self._nobody_named(before, before_toks):
            return None, True  # "En Cúcuta, un líder comunitario consultado por EFE fue escéptico: “…”"
        if verb_before > 0 and not self._person_in(before_toks[:verb_before]) and (
            body := self.org_subject(before)
            or self.org_subject_past_adverbial(before, before_toks[verb_before][2])
        ):
            # "The National Police Service said in a statement that Kamau was questioned over
            # the “…”": the body the sentence opens with speaks, not the person after the verb
            return body, True
        if verb_before > 0 and self._described_body(before_toks[:verb_before]) and (
            body := self._last_of_kind(before_toks[:verb_before], at) or self.org_subject(lead)
            or self._referred_body(before_toks[:verb_before], at) or self._acronym_lead(lead)
        ):
            # "Le Conseil d'État a suspendu … La plus haute juridiction administrative a estimé
            # qu'il existait « … »": a body described by its kind refers back
            return body, True
        if verb_before > 0 and not self._person_in(before_toks[:verb_before]) and (
            body := self._body_in_statement(before, before_toks, verb_before)
        ):
            return body, True
        if verb_before > 0 and (body := self._body_by_kind(before, before_toks[:verb_before])) and (
            not self._person_in(before_toks[:verb_before])
        ):
            return body, True  # "L'association Anticor, qui suit le dossier, a salué « … »"
        if self.lang == "ar" and verb_before >= 0 and self._ar_unnamed(before_toks, verb_before):
            return None, True  # "وقال أحد المزارعين لـ(كونا):": one of a group, unnamed
        if self.lang == "ar" and verb_before >= 0 and (
            found := self._ar_reference(before, before_toks, verb_before, at)
        ):
            return found, True
        if self.lang == "ar" and verb_before >= 0 and self._ar_indefinite_subject(before, before_toks, verb_before):
            return None, True  # "وقال فلاح من المنطقة، فضّل عدم ذكر اسمه:": nobody named
        if verb_before >= 0 or before.rstrip().endswith(":"):
            name = self._ungoverned_person(before_toks[:verb_before]) or self._person_in(
                self._past_possessors(before, before_toks)
            ) or self._new_name(
                before, before_toks
            ) or (
                self._surname_subject(before_toks, verb_before)
            )
            if name:
                return name, True
            role = self._title_in(before_toks, at)
            if role:
                return role, True
            body = self._one_word_body(before, before_toks, verb_before)
            if body:
                return body, True  # "Contactée par l'AFP, Sodiaal a rappelé que « … »"
            if self.lang == "ar" and verb_before >= 0:
                # "وقالت شبكة أطباء السودان، في بيان:": the body right after the verb speaks
                raw, _, at_verb = before_toks[verb_before]
                org = self._org_at(before[at_verb + len(raw):].lstrip())
                if org:
                    return org, True
            if self._pronoun_in(before_toks[:3]) or verb_before == 0 or (
                verb_before > 0 and before_toks[verb_before - 1][1] in self.pronouns
            ) or all(
                folded in _CLAUSE_CONJUNCTIONS for _, folded, _ in before_toks[:verb_before]
            ):
                # "…, pero ha advertido de que “…”": the subject is the one named before
                return self.recent(at), True
            org = self._org_in(before)
            if org:
                return org, True
            return None, True
        return None, False
