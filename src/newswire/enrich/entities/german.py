"""German: compound titles glued to names ("Landtagspräsidentin X") and organisation
compounds ("Außenministerium", "Bundesbank").
"""

from __future__ import annotations

import re

from newswire.enrich.entities.cues import _DE_ORG_SUFFIXES, _DE_TITLE_SUFFIXES
from newswire.enrich.entities.story import _cased, _Story, _token_at
from newswire.enrich.entities.words import _STOP_FOLDED
from newswire.vocab.people_orgs import ORGANISATION
from newswire.vocab.places import fold


def _de_title(story: _Story, i: int, j: int, title: str | None) -> tuple[int, int, str | None]:
    """A German compound title glued before a name ("Landtagspräsidentin Hollerbach",
    "Ihr Bundesvorsitzender X Y", "Stahl-Vorstandschef X Y-Z") is a title, not a first
    name: the name starts after the last title word and runs on over a double surname."""
    words = story.toks.words
    last = next((k for k in range(j - 2, i - 1, -1) if fold(words[k]).endswith(_DE_TITLE_ENDINGS)), None)
    if last is None:
        return i, j, title
    return last + 1, max(j, story.run_forward(last + 1, 3)), fold(words[last])


def de_titled_names(story: _Story) -> list[tuple[int, int, int, str | None]]:
    """Names of two or three words right after a compound title ("Bundesinnenministerin Katrin
    Albers-Weidner will ...", "Landtagspräsidentin X Y begrüßte"), with no verb of saying."""
    words = story.toks.words
    out: list[tuple[int, int, int, str | None]] = []
    for k, word in enumerate(words[:-2]):
        folded = fold(word)
        if folded in _DE_ROLES and story.tight(k):
            pass  # "Kapitän Joshua X traf", "Torhüter X hielt"
        elif not _cased(word) or not folded.endswith(_DE_TITLE_ENDINGS) or not story.tight(k) or not any(
            folded.endswith(s) and len(folded) >= len(s) + 3 for s in _DE_TITLE_ENDINGS
        ):
            continue  # a compound only ("Bundesinnenministerin", "Commerzbank-Chefvolkswirt")
        end = story.run_forward(k + 1, 3, allow_person=True)
        if end - (k + 1) >= 2:
            out.append((k + 1, end, 60, folded))
    return out


# Title endings beyond the cue list's: "Chefvolkswirt", "Verbandsgeschäftsführer".
_DE_TITLE_ENDINGS = _DE_TITLE_SUFFIXES + tuple(fold(w) for w in (
    "volkswirt", "volkswirtin", "führer", "führerin", "richter", "richterin", "anwalt", "anwältin",
    "analyst", "analystin", "experte", "expertin", "referent", "referentin",
    # round 7: "Landeshauptmann-Stellvertreterin", "PRO-GE-Chefverhandler", "SP-Nationalrätin",
    # "DWD-Meteorologe"; a woman's role noun ends in "-erin" (no given name does)
    "vertreter", "verhandler", "rätin", "loge", "login", "erin",
))


# Players' roles a German sports story writes before a name, as titles.
_DE_ROLES = frozenset(fold(w) for w in (
    "Kapitän", "Kapitänin", "Torhüter", "Torhüterin", "Torwart", "Stürmer", "Stürmerin", "Verteidiger",
    "Verteidigerin", "Mittelfeldspieler", "Mittelfeldspielerin", "Angreifer", "Angreiferin", "Abwehrchef",
    "Neuzugang", "Nationalspieler", "Nationalspielerin", "Jungprofi",
))


_DE_ARTICLES = frozenset({"der", "des", "dem", "den"})


def _de_nominative(story: _Story, start: int, end: int, name: str) -> str:
    """An organisation's adjective declined after an article back in the nominative: "der
    Deutschen Presse-Agentur" -> "Deutsche Presse-Agentur", "der Europäischen Zentralbank"
    -> "Europäische Zentralbank" (the weak ending, as after "die"/"der" in the nominative)."""
    words = story.toks.words
    if end - start >= 3 and start > 0 and _DE_TOWN_ADJECTIVE_RE.match(words[start]) and fold(
        words[start - 1]
    ) in _DE_NOMINATIVE_ARTICLES and name.startswith(words[start] + " "):
        # "der Frankfurter Allgemeinen Zeitung": a town's adjective does not decline; the
        # adjective after it does
        first_word = words[start] + " "
        rest = _de_nominative_from(story, start + 1, end, name[len(first_word):], start - 1)
        return first_word + rest
    return _de_nominative_from(story, start, end, name, start - 1)


_DE_TOWN_ADJECTIVE_RE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+er$")


def _de_nominative_from(story: _Story, start: int, end: int, name: str, article: int) -> str:
    words = story.toks.words
    first = words[start]
    if end - start < 2 or start == 0 or fold(words[article]) not in _DE_NOMINATIVE_ARTICLES or not (
        first[:1].isupper() and first.endswith(("en", "e")) and first[-3:-2].islower()
    ) or not name.startswith(first):
        return name
    if first.endswith("en") and fold(words[article]) not in _DE_ARTICLES:
        return name  # "die Deutschen Bank"? no: a plural, left as written
    weak = first[:-1] if first.endswith("en") else first
    # listed without its article, a masculine or neuter head takes the strong ending:
    # "Der Schweizerische Gewerkschaftsbund" -> "Schweizerischer Gewerkschaftsbund" (the
    # head is the last word before a place or an acronym: "Arbeitgeberverband Bayern")
    head = next((fold(words[k]) for k in range(end - 1, start, -1) if not (
        words[k].isupper() or "place" in story.kinds_at(k)
    )), fold(words[end - 1]))
    if head.endswith(_DE_MASCULINE_HEADS):
        weak += "r"
    elif head.endswith(_DE_NEUTER_HEADS):
        weak += "s"
    return weak + name[len(first):]


_DE_NOMINATIVE_ARTICLES = _DE_ARTICLES | frozenset({"die", "das"})
_DE_MASCULINE_HEADS = tuple(fold(w) for w in (
    "bund", "verband", "rat", "konzern", "verein", "rundfunk", "gerichtshof", "dienst", "fonds",
    "klub", "club", "kreis", "senat", "landtag", "bundestag",
))
_DE_NEUTER_HEADS = tuple(fold(w) for w in (
    "ministerium", "gericht", "institut", "amt", "komitee", "zentrum", "büro", "parlament",
    "forum", "kommissariat", "werk",
))


# Kind nouns a German name stands after, as compounds or alone: "der Industriekonzern
# Thyssenkrupp", "die Gewerkschaft Verdi", "der Flughafenverband ADV", "der Bezahlsender Sky".
_DE_KIND_ENDINGS = tuple(fold(w) for w in (
    "konzern", "verband", "gewerkschaft", "bauer", "versicherer", "hersteller", "betreiber",
    "versorger", "sender", "partei", "klub", "verein", "unternehmen", "gesellschaft", "bank",
    "agentur", "institut", "zeitung", "magazin", "kette", "riese", "behörde",
))
# Boards every organisation has: no name of their own ("Der Aufsichtsrat soll entscheiden").
_DE_GENITIVE_KINDS = tuple(e + "s" for e in _DE_KIND_ENDINGS if not e.endswith(("s", "e", "t")))
_DE_COMMON_BODIES = frozenset(fold(w) for w in (
    "Aufsichtsrat", "Betriebsrat", "Verwaltungsrat", "Beirat", "Stadtrat", "Gemeinderat",
    "Personalrat", "Vorstand", "Präsidium", "Ältestenrat", "Elternrat", "Sachverständigenrat",
))
_DE_KIND_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})


def de_named_after_kind(story: _Story, k: int) -> tuple[int, int] | None:
    """The name standing after a kind noun at word k that follows an article ("der
    Industriekonzern Thyssenkrupp" -> "Thyssenkrupp"), or None."""
    words = story.toks.words
    if k == 0 or fold(words[k - 1]) not in _DE_KIND_ARTICLES or k + 1 >= story.n:
        return None
    kind = fold(words[k])
    if not (kind.endswith(_DE_KIND_ENDINGS) or kind.endswith(_DE_GENITIVE_KINDS)) or not story.tight(k):
        return None  # "der Industriekonzern", "des Eigentümerverbands"
    first = k + 1
    if story.text.startswith(" (", story.toks.ends[first]):
        return None  # "des Weltverbands FIS (Internationaler ...)": the expansion names it
    if not _cased(words[first]) or fold(words[first]) in _STOP_FOLDED:
        return None
    if ORGANISATION in story.kinds_at(first):
        known = story.matches[story.owner[first]]
        # "der Energietechnikkonzern Siemens Energy": a known company after its kind noun
        return (first, known.end) if known.start == first else None
    if story.kinds_at(first) - {"org_end"}:
        return None
    end = first + 1
    # a second word only when it is part of the name ("IG Metall"), not the verb's subject noun
    if end < story.n and story.tight(first) and _cased(words[end]) and story.free(end) and (
        words[first].isupper() or fold(words[end]) in _DE_DESIGNATORS
    ):
        end += 1  # "die IG Metall", "der Energietechnikkonzern Siemens Energy"
    elif end + 1 < story.n and story.gap_before(end) == " & " and _cased(words[end]):
        end += 1  # "des Eigentümerverbands Haus & Grund"
    return first, end


# Words that end a company's name after its first: "Siemens Energy", "Porsche SE".
_DE_DESIGNATORS = frozenset(fold(w) for w in (
    "AG", "SE", "GmbH", "KGaA", "Group", "Holding", "Energy", "Mobility", "Healthineers", "Logistics",
    "Airlines", "Motors", "Technologies", "Capital", "Partners", "Systems",
))


# Heads of German organisation compounds beyond the cue list's: "Verkehrsgesellschaft".
_DE_HEADS = tuple(dict.fromkeys(fold(w) for w in (
    *_DE_ORG_SUFFIXES, "gesellschaft", "genossenschaft", "anstalt", "börse", "anwaltschaft", "zentrale",
)))
# Compounds that name a kind, not an organisation: "die Notenbank" is the central bank
# named before.
_DE_KIND_ALONE = frozenset(fold(w) for w in (
    "Notenbank", "Zentralbank", "Großbank", "Hausbank", "Förderbank", "Landesbank", "Geschäftsbank",
    "Bundesregierung", "Landesregierung", "Regierungspartei", "Oppositionspartei", "Partei",
    "Gewerkschaft", "Behörde", "Aufsichtsbehörde", "Verwaltungsgericht", "Tochtergesellschaft",
    "Gesellschaft", "Muttergesellschaft", "Weltverband", "Dachverband", "Spitzenverband", "Branchenverband",
    "Fachverband", "Landesverband", "Bundesverband", "Verband", "Konzern", "Mutterkonzern", "Amt", "Gericht",
    "Institut", "Ministerium",
))


def de_name_tail(story: _Story, end: int, seat: bool = False) -> int:
    """Words after a German organisation head that belong to its name: "für" and its
    object ("Bundesagentur für Arbeit", "Bundesamt für Migration und Flüchtlinge") or a
    region or town right after it ("Kommunaler Arbeitgeberverband Bayern"; after a head
    named by its seat, ``seat``, any capitalised word: "Universität Erlangen-Nürnberg")."""
    words = story.toks.words
    if end + 1 < story.n and fold(words[end]) == "fur" and story.tight(end - 1) and _cased(words[end + 1]):
        k = end + 2
        if k + 1 < story.n and words[k] == "und" and _cased(words[k + 1]) and story.tight(k - 1):
            k += 2
        return k
    if end < story.n and story.gap_before(end) == " " and "place" in story.kinds_at(end) and (
        story.matches[story.owner[end]].end == end + 1
    ):
        if end + 2 <= story.n - 1 and story.tight(end) and words[end + 1] in _ROMAN:
            return end + 2  # "Landgericht München I"
        if end + 1 < story.n and story.gap_before(end + 1) == "-" and _cased(words[end + 1]):
            return end + 2  # "Universität Erlangen-Nürnberg"
        if end + 1 >= story.n or not _cased(words[end + 1]) or not story.tight(end):
            return end + 1
    if seat and end < story.n and story.gap_before(end) == " " and _cased(words[end]) and story.free(end):
        k = end + 1
        while k < story.n and story.gap_before(k) == "-" and _cased(words[k]):
            k += 1  # "Erlangen-Nürnberg"
        if k >= story.n or not _cased(words[k]) or not story.tight(k - 1):
            return k
    return end


_ROMAN = frozenset(("I", "II", "III", "IV"))


def de_acronym_before_title(story: _Story) -> list[tuple[int, int, int]]:
    """An acronym glued to a title compound is the title-holder's organisation:
    "FPÖ-Budgetsprecher X" -> "FPÖ"."""
    words = story.toks.words
    out: list[tuple[int, int, int]] = []
    for m in _ACRONYM_HYPHEN_RE.finditer(story.text):
        k = _token_at(story.toks, m.start())
        if k + 1 < story.n and story.free(k) and fold(words[k + 1]).endswith(_DE_TITLE_ENDINGS):
            out.append((k, k + 1, 55))
    return out


_ACRONYM_HYPHEN_RE = re.compile(r"(?<![\w-])[A-ZÄÖÜ]{2,}(?=-\w)")


def de_genitive_head(folded: str) -> int:
    """How many letters of a genitive ending a German organisation compound carries
    ("bundeskartellamts", "bundesverfassungsgerichts": 1), 0 when none."""
    for ending in ("es", "s"):
        if folded.endswith(ending) and folded[: -len(ending)].endswith(_DE_GENITIVE_HEADS):
            return len(ending)
    return 0


# Heads whose genitive adds -s/-es (masculine and neuter): "-amts", "-gerichts", "-verbands".
_DE_GENITIVE_HEADS = tuple(fold(w) for w in (
    "amt", "gericht", "gerichtshof", "ministerium", "institut", "verband", "bund", "rat", "konzern",
))


def de_party_after_name(story: _Story) -> list[tuple[int, int, int]]:
    """A party in brackets right after a surname: "Innenminister X Y (CSU) sagte"."""
    out: list[tuple[int, int, int]] = []
    words = story.toks.words
    for m in _PARTY_AFTER_NAME_RE.finditer(story.text):
        k = _token_at(story.toks, m.start(1))
        # a first name and a surname before it, not an organisation's last word ("Gewerkschaft
        # der Polizei (GdP)" defines its acronym)
        if k >= 2 and story.free(k) and all(
            _cased(words[x]) and story.free(x) and fold(words[x]) not in _STOP_FOLDED for x in (k - 2, k - 1)
        ) and story.gap_before(k - 1) in (" ", "-") and not fold(words[k - 1]).endswith(_DE_HEADS):
            out.append((k, k + 1, 55))
    return out


_PARTY_AFTER_NAME_RE = re.compile(r"(?<=[a-zäöüß]) \(([A-ZÄÖÜ]{2,5}|[A-Z][a-z]+[A-Z]|Grüne|Linke)\)")
