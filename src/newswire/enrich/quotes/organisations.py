"""Organisations as speakers: named in an attribution or a caption, after the verb ("a
réagi la Ligue …"), referred to without a name ("it said", "the club said", "la plus
haute juridiction administrative a estimé"), by a passive or a Russian impersonal verb
(the body named last before), and a speaker's spelling turned into the organisation's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from newswire.enrich.entities.agencies import _by_name as _agencies
from newswire.enrich.entities.cues import _ARTICLES
from newswire.enrich.quotes.story import _all_keys, _StoryReader
from newswire.enrich.quotes.verbs import _SAY_WORDS, _verb_end
from newswire.enrich.quotes.words import _DEFINITE, _NON_NAMES, _PREPOSITIONS, _ROLE_WORDS, _TITLE_WORDS
from newswire.vocab.places import WORD_RE, fold

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
    "departamento",  # "ha señalado el departamento en un comunicado": the ministry named before
    "dependencia",  # "La dependencia federal señaló": a government agency (Mexico)
})
_ORG_REFERENCE_LANGS = frozenset({"en", "de", "fr", "es"})
_DESCRIPTION_WORDS = 6  # "la plus haute juridiction administrative"
_ADVERBIAL_WORDS = 4  # "de son côté assuré" before the body after the verb


# Nouns after which a medium is named where the speaker spoke ("In an interview with The
# Baltimore Sun, she said", "в интервью «Матч ТВ» признался"), folded.
_INTERVIEW_WORDS = frozenset({"interview", "entretien", "entrevista", "интервью", "intervju", "intervjuu"})


def _past_interview(window: str, toks: list[tuple[str, str, int]]) -> str:
    """``window`` with the medium named after an interview noun blanked out, up to the next
    comma or verb of saying: it is where the speaker spoke, never the speaker (ANNOTATION 6)."""
    at = next((k for k, (_, folded, _) in enumerate(toks) if folded in _INTERVIEW_WORDS), None)
    if at is None or at + 1 == len(toks):
        return window
    start = toks[at + 1][2]
    end = next((
        offset for _, folded, offset in toks[at + 1:]
        if folded in _SAY_WORDS or "," in window[start:offset]
    ), len(window))
    return window[:start] + " " * (end - start) + window[end:]


_STEM = 5  # letters of a word compared with an organisation's words


@lru_cache(maxsize=4096)
def _word_stems(name: str) -> tuple[str, ...]:
    """The first letters of each word of a name, to match it in another case (each of the
    story's organisations is compared with every speaker: remembered, names are short)."""
    return tuple(fold(w)[:_STEM] for w in WORD_RE.findall(name))
_DE_DATIVE = frozenset(("der", "dem"))
_EN_UN_COMUNICADO = " en un comunicado"
# A German capitalised compound and the genitive or "für" complement of its name
# ("Bundesverband der Deutschen Sicherheits- und Verteidigungsindustrie").
_DE_COMPOUND_RE = re.compile(r"\b([A-ZÄÖÜ][\w-]*\w)((?: (?:der|des|für)(?: (?:[A-ZÄÖÜ][\w-]*|und))+)?)")
# The words right before a wire agency that make it whom the speaker told, folded.
_TOLD_AGENCY: dict[str, frozenset[str]] = {
    "de": _DE_DATIVE, "es": frozenset({"a"}), "fr": frozenset({"a"}), "en": frozenset({"to", "told"}),
}
# A Spanish sentence opening with a body's name: past a short adverbial and a description
# ("La dirección de"), the capitalised words (joined by "de", "del", "y") before a lower-case verb.
_ES_BODY_OPENING_RE = re.compile(
    r"^(?:[A-ZÁÉÍÓÚ][\w ]{0,20}, )?(?:(?:La|El|Los|Las) [a-záéíóúñ]+ (?:de|del) )?"
    r"([A-ZÁÉÍÓÚÑ][\w&.-]*(?: (?:de |del |y )?[A-ZÁÉÍÓÚÑ][\w&.-]*)*) (?:ha |han )?[a-záéíóúñ]+(?:ó|aron|ieron)?\b"
)


_EXPANSION_WORDS = 6  # words of an acronym's expansion looked back over
_EXPANSION_STOP = frozenset(",.;:!?\"«»„“”()")


def defined_expansion(text: str, acronym: str) -> str | None:
    """The name an acronym stands for where the story defines it in brackets after it ("die
    Hochschulrektorenkonferenz (HRK)", "Centralna izborna komisija BiH (CIK BiH)",
    "Bundesverband der Luftsicherheitsunternehmen (BDLS)"): back from the bracket to the
    nearest capitalised word with the acronym's first letter, over words of the same clause;
    None when the acronym is no acronym or the story defines none. (Annotation: an acronym
    defined in brackets gives the expansion.)"""
    if not (2 <= len(acronym) <= 8 and acronym.isupper() and acronym.isalpha()):
        return None
    at = text.find(f" ({acronym}")
    if at < 0 or text[at + 2 + len(acronym):at + 3 + len(acronym)] not in (")", " "):
        return None
    words = text[max(0, text.rfind("\n", 0, at)):at].split()[-_EXPANSION_WORDS:]
    initial = fold(acronym[0])
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        if any(c in _EXPANSION_STOP for c in word):
            return None
        if word[:1].isupper() and fold(word[:1]) == initial and words[-1][:1].isupper():
            name = " ".join(words[k:])
            return name if len(name) > len(acronym) + 2 else None
    return None


def _is_agency(name: str) -> bool:
    """``name`` is a wire agency's ("Europa Press"), also in the German weak inflection
    ("der Deutschen Presse-Agentur"): whom a speaker told, never a person."""
    folded = name.casefold()
    agencies = _agencies()
    return folded in agencies or (folded.startswith("deutschen ") and "deutsche " + folded[10:] in agencies)
_CAPTION_ORG_WORDS = 6


# Kind nouns by which a subject introduces a body next to its name, before it ("l'association
# Anticor", "la distribuidora Edesur", "kompanija Bingo", "consumer organisation BEUC") or after
# it in apposition ("Febelfin, la fédération du secteur financier"), folded.
_BODY_KINDS = _ORG_REFERENCES | frozenset({
    "ong", "ngo", "cooperative", "collectif", "organisme", "charity", "lobby",
    "distribuidora", "promotora", "constructora", "aseguradora", "operadora",
    "kompanija", "udruga", "udruzenje", "sindikat", "koalicija", "organizacija",
})
# Kind nouns of a business, which its name seldom holds ("Vueling", "Novo Nordisk"), folded.
_BUSINESS_KINDS = frozenset({
    "company", "firm", "carrier", "airline", "insurer", "lender", "unternehmen", "konzern",
    "fluggesellschaft", "societe", "entreprise", "compagnie", "groupe", "empresa", "compania", "aerolinea",
})
_BODY_KIND_LANGS = frozenset({"en", "fr", "es", "bs"})
_KIND_REACH = 3  # words before the kind noun: "Pharma.be, la fédération", "La Fugea, autre syndicat"
_BODY_NAME_WORDS = 6
# Words that join the capitalised words of a body's name ("SAMU-Urgences de France"), folded.
_NAME_JOINS = frozenset({"de", "del", "des", "du", "of", "for", "za"})
_NAME_GAPS = frozenset({" ", "-", ".", " & "})


# Turkish: the body whose statement a passive attribution quotes, named in the ablative before
# "yapılan (yazılı) açıklama" ("Togg'dan yapılan açıklamada", "Devlet Tiyatrolarından yapılan
# yazılı açıklamada") or in the genitive before "açıklamasında" ("ASAT'ın açıklamasında"): a
# capitalised run, its case ending after an apostrophe, or glued to a run of two words or more
# (a one-word common noun, "Şirketten", names no body).
_TR_UPPER = "A-ZÇĞİÖŞÜ"
_TR_BODY_WORDS = 8
_TR_BODY_STATEMENT_RE = re.compile(
    rf"(?<![\w'’])([{_TR_UPPER}][\w.&-]*(?: (?:ve )?[{_TR_UPPER}][\w.&-]*)*?)"
    r"(?:['’](?:n?d[ae]n|n?t[ae]n|n?[ıiuü]n)|(nd[ae]n)) "
    r"(?:yapılan (?:yazılı |ortak )?açıklama|(?:yazılı )?açıklamasında)"
)


class _OrganisationReferences(_StoryReader):
    """Which organisation speaks, or is meant, in an attribution."""

    def _org_in(self, window: str) -> str | None:
        for name, spellings in self.orgs:
            if any(s in window and not self._addressee(window, window.find(s), s) for s in spellings):
                return name
        return None

    def _first_org_in(self, window: str) -> str | None:
        """The organisation named first in ``window``."""
        found = [(at, name) for name, spellings in self.orgs for s in spellings if (at := window.find(s)) >= 0]
        return min(found)[1] if found else None

    def _statement_body(self, before: list[tuple[str, str, int]], lead: str, at: int) -> str | None:
        """The body whose statement a passive attribution quotes when it names none after
        the verb: the one a capitalised word before the quote stands for ("Bankanın … karar
        metninde, "…" ifadesine yer verildi"), else the one the sentence before names ("TTB
        ise yazılı açıklamasında … Açıklamada, "…" ifadesine yer verildi"; "В Минэнерго
        подтвердили … «…», - говорится в сообщении министерства"; "Der Industrieverband
        Swissmem zeigte sich enttäuscht. «…», hiess es in einer Mitteilung")."""
        named = [tok for tok in before if tok[0][:1].isupper()]
        return (self._org_named_by(named, at) if named else None) or self._first_org_in(lead) or (
            self._org_named_by([tok for tok in self._tokens(lead) if tok[0][:1].isupper()], at)
        )

    def _tr_statement_body(self, window: str) -> str | None:
        """The body a Turkish window names in the ablative before "yapılan açıklama" or in
        the genitive before "açıklamasında": the organisation of the story spelled so (an
        acronym it defines: "İDO'dan" -> "İstanbul Deniz Otobüsleri"), else the name as
        written without its case ending ("Avrupa Birliği Türkiye Delegasyonu'ndan" ->
        "Avrupa Birliği Türkiye Delegasyonu")."""
        if self.lang != "tr" or "açıklama" not in window:
            return None
        found = _TR_BODY_STATEMENT_RE.search(window)
        if found is None:
            return None
        name = found.group(1)
        words = name.split()
        if fold(words[0]) in _NON_NAMES or (found.group(2) and len(words) < 2) or any(
            fold(w) in _TITLE_WORDS for w in words
        ):
            return None  # "Bakanlığından", "Bakanlığı Sözcüsü X'nın açıklamasında": no body
        defined = self.text.find(f" ({name})")
        before = self.text[:defined] if defined > 0 else ""
        known = next((
            org for org, spellings in self.orgs
            if name in spellings or (before and any(before.endswith(s) for s in spellings))
        ), None)
        if known or not before:
            return known or name
        # an acronym the story defines in brackets after the body's name: the capitalised
        # words (joined by "ve") right before the brackets ("Antalya Su ve Atık Su İdaresi (ASAT)")
        written = before.rsplit("\n", 1)[-1].split()[-_TR_BODY_WORDS:]
        start = len(written)
        while start and (written[start - 1][:1].isupper() or (written[start - 1] == "ve" and start < len(written))):
            start -= 1
        while start < len(written) and written[start] == "ve":
            start += 1
        expanded = written[start:]
        return " ".join(expanded) if len(expanded) >= 2 else name

    def _bs_body_from(self, before: list[tuple[str, str, int]], verb: int, at: int) -> str | None:
        """Bosnian and Croatian name a body that speaks with "iz" and its genitive opening
        the clause ("Iz Ministarstva mora, prometa i infrastrukture poručili su da …"): the
        organisation of the story those words stand for (not "Iz Ministarstva")."""
        if self.lang != "bs" or verb < 2:
            return None
        opener = next((k for k in range(verb - 1) if before[k][1] == "iz" and before[k][0][:1].isupper()), None)
        if opener is None or not before[opener + 1][0][:1].isupper():
            return None
        return self._org_named_by(before[opener + 1:verb], at)

    def _es_body_opening(self, lead: str, after: str) -> str | None:
        """The body a Spanish sentence opens with when the quote after it is "la compañía"'s
        "en un comunicado" and the organisation finder does not know it: its capitalised run,
        past a short adverbial ("Entre tanto, SEAT confirmó que …") and a lower-case
        description ("La dirección de Cerámicas Mijares Levante ha anunciado que recurrirá");
        not a person of the story."""
        if self.lang != "es" or _EN_UN_COMUNICADO not in after:
            return None
        found = _ES_BODY_OPENING_RE.match(lead.strip())
        if found is None:
            return None
        name = found.group(1)
        if fold(name.split()[0]) in _NON_NAMES or any(
            k in self.by_key for w in name.split() for k in _all_keys(w, self.lang)
        ):
            return None
        return name

    def _de_body_of_kind(self, lead: str, toks: list[tuple[str, str, int]]) -> str | None:
        """The body the German sentence before names by a compound ending in the kind noun the
        attribution refers to it by, when the organisation finder does not know it: "Der
        Bundesverband der Deutschen Sicherheits- und Verteidigungsindustrie (BDSV) begrüßte
        das Vorhaben. „…“, teilte der Verband mit"; "…, teilte die Heinrich-von-Kleist-
        Gesellschaft mit. … „…“, erklärte die Gesellschaft"."""
        if self.lang != "de":
            return None
        for _, folded, _ in toks:
            if folded not in _ORG_REFERENCES:
                continue
            for found in _DE_COMPOUND_RE.finditer(lead):
                head, tail = found.group(1), found.group(2) or ""
                if fold(head).endswith(folded) and len(head) > len(folded):
                    return (head + tail).removesuffix(" und")
        return None

    def _org_at(self, text: str) -> str | None:
        """The organisation whose name opens ``text``; in German not the first half of a
        compound, whose head is a person's role ("sagte die SPD-Politikerin", "Der
        CDU-Fraktionschef im Landtag, X Y, sprach von …")."""
        return next((
            name for name, spellings in self.orgs
            if any(text.startswith(x) and not self._compound_head(text, len(x)) for x in spellings)
        ), None)

    def _compound_head(self, text: str, end: int) -> bool:
        """A German capitalised head joined by a hyphen at ``end`` ("SPD-Politikerin")."""
        return self.lang == "de" and text.startswith("-", end) and text[end + 1:end + 2].isupper()

    def _addressee(self, window: str, at: int, spelling: str = "") -> bool:
        """The organisation at ``at`` is whom the speaker told, not the speaker: "sagte dem
        Deutschlandfunk", "sagte gegenüber der Zeitung X" ("sagte der X" may be either); a
        wire agency after a dative word ("ha relatado a Europa Press que")."""
        agency = _is_agency(spelling)
        if self.lang != "de" and not (agency and self.lang in _TOLD_AGENCY):
            return False
        words = [fold(w) for w in WORD_RE.findall(window[max(0, at - 40):at])][-3:]
        if agency and words and words[-1] in _TOLD_AGENCY[self.lang or ""]:
            return True
        if self.lang != "de":
            return False
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

    def _org_written_in(self, toks: list[tuple[str, str, int]]) -> str | None:
        """The organisation of the story whose every word ``toks`` write, in any case (the
        first five letters of each; a short word whole): "говорится в сообщении Федерации
        спортивной борьбы России" -> "Федерация спортивной борьбы России", even when the story
        names it there first; the one of the most words."""
        written = {folded[:_STEM] for _, folded, _ in toks}
        best: tuple[int, str] | None = None
        for name, _spellings in self.orgs:
            words = _word_stems(name)
            if len(words) >= 2 and all(w in written for w in words) and (best is None or len(words) > best[0]):
                best = (len(words), name)
        return best[1] if best else None

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
            kinds = [w for w in name.split()[1:] if w[:1].islower() and len(w) > _STEM + 1]
            if last < 0 and kinds:
                # a short first word ("Южное таможенное управление" named "в Южном таможенном
                # управлении", "HŽ Putnički prijevoz" as "Iz HŽ Putničkog prijevoza"): the
                # stem of its longest lower-case word (a kind, never a place's name)
                last = self.text.rfind(max(kinds, key=len)[:-2], 0, at)
            if last >= 0 and (best is None or last > best[0]):
                best = (last, name)
        return best[1] if best else None

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

    def canonical(self, speaker: str) -> str:
        """A speaker read off the attribution as an organisation's acronym, part or other
        case ("BDLS", "Foreign Affairs" of "Ministry of Foreign Affairs", "Deutsche
        Journalisten-Verband"): the organisation's name as the story's organisations give it.
        A person of the story stays as named, or takes the one fuller spelling of the story's
        people that continues it ("Emiliano Varela" -> "Emiliano Varela Cota": the finder
        listed both, the quote's surname keys the shorter one)."""
        if any(p.name == speaker for p in self.people):
            fuller = {p.name for p in self.people if p.name.startswith(f"{speaker} ")}
            return fuller.pop() if len(fuller) == 1 else speaker
        stems = _word_stems(speaker)
        for name, spellings in self.orgs:
            if speaker in spellings or (
                " " in speaker and f" {speaker} " in f" {name} "
            ) or _word_stems(name) == stems:
                # an acronym the story defines speaks by its expansion
                return (defined_expansion(self.text, name) or name) if name == speaker else name
        return speaker

    def _ru_impersonal(self, toks: list[tuple[str, str, int]]) -> bool:
        """A Russian plural past verb and "в" with a bare lower-case noun: the impersonal
        attribution to a body named before ("сообщили в ведомстве", "сказали в пресс-службе";
        not "в пресс-службе Министерства …", which names it in the genitive)."""
        return (
            self.lang == "ru" and len(toks) > 2 and toks[0][1].endswith("ли") and toks[1][1] in ("в", "во")
            and not any(raw[:1].isupper() for raw, _, _ in toks[2:])
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

    def _referred_body(self, toks: list[tuple[str, str, int]], at: int) -> str | None:
        """The body a kind noun refers back to when the sentence before does not name it (a
        paragraph of its own, or a sentence cut short at "Jan."): the one named last before
        ``at`` whose name holds the noun ("Oman's Ministry of Foreign Affairs said … “…,” the
        ministry said"); for a business ("the company", "la compañía", "la société"), whose
        name seldom says what it is, the one named last whose name holds no kind noun of a
        body ("Vueling", "Novo Nordisk"; not the "Ramsey County District Court"), never a
        wire agency: the one named most often, the story's own business, before one a source
        was only quoted from ("según fuentes de Aena"), else the one named last."""
        kinds = {folded for _, folded, _ in toks if folded in _ORG_REFERENCES}
        if not kinds:
            return None
        found = self._last_of_kind(toks, at)
        if found or kinds.isdisjoint(_BUSINESS_KINDS):
            return found
        best: tuple[int, int, str] | None = None
        for name, spellings in self.orgs:
            if _is_agency(name) or any(fold(w) in _BODY_KINDS for w in WORD_RE.findall(name)):
                continue
            seen = (
                sum(self.text.count(x, 0, at) for x in spellings), max(self.text.rfind(x, 0, at) for x in spellings)
            )
            if seen[0] and (best is None or seen > best[:2]):
                best = (*seen, name)
        return best[2] if best else None

    def _kind_named_in(self, sentence: str, toks: list[tuple[str, str, int]]) -> str | None:
        """The organisation named in ``sentence`` whose name holds the kind noun the
        attribution refers to it by ("Auch der Deutsche Journalisten-Verband …", "erklärte
        der Verband"); a body of another kind is not meant ("the club said" after the Met Office)."""
        kinds = {folded for _, folded, _ in toks if folded in _ORG_REFERENCES}
        return next((
            name for name, spellings in self.orgs
            if any(s in sentence for s in spellings) and any(kind in fold(name) for kind in kinds)
        ), None)

    def _body_by_kind(self, window: str, subject: list[tuple[str, str, int]]) -> str | None:
        """The body a subject names next to the kind noun that introduces it, which the
        organisation finder may not know: after it ("L'association Anticor, qui suit le dossier,
        a salué « … »", "La promotora, Metrovacesa, ha asegurado que", "Investitor, kompanija
        Bingo, u saopćenju je naveo") or before it, set off by a comma ("Febelfin, la fédération
        du secteur financier, a rappelé qu'« … »"); not a body governed by a preposition or a
        role ("Le président de l'association X a dit": the president speaks)."""
        if self.lang not in _BODY_KIND_LANGS or len(subject) < 2:
            return None
        kind = next((
            k for k, (raw, folded, _) in enumerate(subject[:_KIND_REACH + 1])
            if folded in _BODY_KINDS and (raw[:1].islower() or raw.isupper())  # "L'ONG Oxfam"
        ), None)
        if kind is None or any(folded in _PREPOSITIONS or folded in _ROLE_WORDS for _, folded, _ in subject[:kind]):
            return None
        after = kind + 1
        if after + 2 < len(subject) and subject[after][1] in _NAME_JOINS and subject[after + 1][0][:1].islower():
            after += 2  # "l'association de consommateurs UFC-Que Choisir"
        named = self._body_name_at(window, subject, after)
        if named or not kind:
            return named
        start = 1 if subject[0][1] in _ARTICLES_BEFORE_BODY and kind > 1 else 0  # "La Fugea, autre syndicat"
        named = self._body_name_at(window, subject[:kind], start)
        return named if named and "," in window[subject[start][2]:subject[kind][2]] else None

    def _body_name_at(self, window: str, toks: list[tuple[str, str, int]], at: int) -> str | None:
        """The capitalised name that opens at word ``at`` ("Pharma.be", "SAMU-Urgences de
        France", "UFC-Que Choisir"), when it is no person of the story."""
        if at >= len(toks) or not toks[at][0][:1].isupper() or toks[at][1] in _NON_NAMES:
            return None
        end = at
        while end + 1 < len(toks):
            gap = window[toks[end][2] + len(toks[end][0]):toks[end + 1][2]]
            if gap in ("-", ".") or (gap in _NAME_GAPS and toks[end + 1][0][:1].isupper()):
                end += 1
            elif gap == " " and toks[end + 1][1] in _NAME_JOINS and end + 2 < len(toks) and (
                toks[end + 2][0][:1].isupper()
            ):
                end += 2
            else:
                break
        run = toks[at:end + 1]
        if len(run) > _BODY_NAME_WORDS or any(
            k in self.by_key for raw, _, _ in run for k in _all_keys(raw, self.lang)
        ):
            return None
        return window[run[0][2]:run[-1][2] + len(run[-1][0])]

    def org_subject_past_adverbial(self, sentence: str, verb_at: int) -> str | None:
        """The organisation that opens a sentence's clause after a short adverbial set off by
        a comma, before its verb ("En France, le Syndicat national des journalistes (SNJ) a
        dénoncé …", "À l'extérieur de l'Assemblée nationale, la FNSEA a salué …")."""
        comma = sentence.find(",")
        if comma < 0 or comma > verb_at or len(sentence[:comma].split()) > _ADVERBIAL_WORDS + 2:
            return None
        return self.org_subject(sentence[comma + 1:])

    def org_subject(self, sentence: str) -> str | None:
        """The organisation a sentence opens with ("Celtic said the derby …", "The Ministry
        of Health welcomed the ruling.")."""
        sentence = sentence.strip()
        if sentence[:2] in ("l'", "L'", "l’", "L’"):
            return self._org_at(sentence[2:])  # "L'Association des journalistes professionnels a …"
        words = sentence.split(" ", 1)
        if len(words) == 2 and fold(words[0]) in _DEFINITE:
            return self._org_at(words[1])
        return self._org_at(sentence)
