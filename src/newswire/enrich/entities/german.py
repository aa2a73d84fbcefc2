"""German: compound titles glued to names ("Landtagspräsidentin X") and organisation
compounds ("Außenministerium", "Bundesbank").
"""

from __future__ import annotations

import re

from newswire.enrich.entities.cues import _DE_ORG_SUFFIXES, _DE_TITLE_SUFFIXES
from newswire.enrich.entities.story import _cased, _Story, _token_at
from newswire.enrich.entities.words import _STOP_FOLDED
from newswire.vocab.geonames import weak_index
from newswire.vocab.people_orgs import ORGANISATION
from newswire.vocab.places import fold


def _de_title(story: _Story, i: int, j: int, title: str | None) -> tuple[int, int, str | None]:
    """A German compound title glued before a name ("Landtagspräsidentin Hollerbach",
    "Ihr Bundesvorsitzender X Y", "Stahl-Vorstandschef X Y-Z") is a title, not a first
    name: the name starts after the last title word and runs on over a double surname."""
    words = story.toks.words
    last = next((k for k in range(j - 2, i - 1, -1) if _de_title_word(fold(words[k]))), None)
    if last is None and j - i >= 3 and story.gap_before(i + 1) != "-" and _de_agent_noun(fold(words[i])):
        last = i  # "Skispringer Moritz X", "Jurorin Anne-Sophie X": an agent noun opens the run
    if last is None:
        return i, j, title
    return last + 1, max(j, story.run_forward(last + 1, 3)), fold(words[last])


# Compound heads of a body's name besides the organisation suffixes: "Deutsch-Polnische
# Gesellschaft", "Wirtschaftsvereinigung".
_DE_BODY_ENDINGS = (*_DE_ORG_SUFFIXES, "gesellschaft", "organisation")


def de_body_word(word: str) -> bool:
    """A capitalised word a run before a verb opens is a body's name when it ends like one
    ("Wirtschaftsvereinigung Stahl verwies", "Gesellschaft Bundesverband sprach"): no person."""
    folded = fold(word)
    return any(folded.endswith(s) and len(folded) >= len(s) for s in _DE_BODY_ENDINGS)


def _de_title_word(folded: str) -> bool:
    """A role noun written before a name: a title's ending ("Landtagspräsidentin") or a
    player's or lawyer's role ("Verteidiger Thomas X", "Kapitän X")."""
    return folded.endswith(_DE_TITLE_ENDINGS) or folded in _DE_ROLES


# The agent nouns German writes as a role before a name: "-er" of a doer ("Skispringer",
# "Großmeister", "Rennfahrer"), "-mann" ("Schlagmann", "Hauptmann"), a woman's "-orin"
# ("Jurorin", "Autorin"). Long enough to be no given name ("Peter", "Werner", "Hermann"),
# and not a given name's own ending ("Alexander", "Christopher").
_DE_AGENT_ENDINGS = ("er", "mann", "orin")
_DE_AGENT_MIN = 8
_DE_GIVEN_ENDINGS = ("ander", "opher", "ofer")


def _de_agent_noun(folded: str) -> bool:
    if folded.endswith("orin"):
        return len(folded) >= _DE_AGENT_MIN - 1  # "Autorin", "Jurorin"
    return len(folded) >= _DE_AGENT_MIN and folded.endswith(_DE_AGENT_ENDINGS) and not folded.endswith(
        _DE_GIVEN_ENDINGS
    )


def de_titled_names(story: _Story) -> list[tuple[int, int, int, str | None]]:
    """Names of two or three words right after a compound title ("Bundesinnenministerin Katrin
    Albers-Weidner will ...", "Landtagspräsidentin X Y begrüßte"), with no verb of saying."""
    words = story.toks.words
    out: list[tuple[int, int, int, str | None]] = []
    for k, word in enumerate(words[:-2]):
        folded = fold(word)
        if folded in _DE_ROLES and story.tight(k):
            pass  # "Kapitän Joshua X traf", "Torhüter X hielt"
        elif not _cased(word) or not folded.endswith(_DE_TITLE_ENDINGS) or not story.tight(k) or not (
            any(folded.endswith(s) and len(folded) >= len(s) + 3 for s in _DE_TITLE_ENDINGS)
            or _bare_role(story, k)
        ):
            continue  # a compound only ("Bundesinnenministerin", "Commerzbank-Chefvolkswirt")
        end = story.run_forward(k + 1, 3, allow_person=True)
        if end - (k + 1) >= 2:
            out.append((k + 1, end, 60, folded))
    return out


_MIN_BARE_ROLE = 5  # letters of a whole role noun, not a bare ending ("erin", "loge")


def _bare_role(story: _Story, k: int) -> bool:
    """A title ending written as a whole word is a role when nothing could make it a name:
    the last half of a hyphenated compound ("Jefferies-Analystin X Y", "Raiffeisen-Research-
    Analyst X Y") or the word opening its sentence ("Analyst X Y von der DZ Bank")."""
    if len(story.toks.words[k]) < _MIN_BARE_ROLE:
        return False
    return (k > 0 and story.gap_before(k) == "-") or story.sentence_start(k) == k


# Title endings beyond the cue list's: "Chefvolkswirt", "Verbandsgeschäftsführer".
_DE_TITLE_ENDINGS = _DE_TITLE_SUFFIXES + tuple(fold(w) for w in (
    "volkswirt", "volkswirtin", "führer", "führerin", "richter", "richterin", "anwalt", "anwältin",
    "analyst", "analystin", "experte", "expertin", "referent", "referentin",
    # round 7: "Landeshauptmann-Stellvertreterin", "PRO-GE-Chefverhandler", "SP-Nationalrätin",
    # "DWD-Meteorologe"; a woman's role noun ends in "-erin" (no given name does)
    "vertreter", "verhandler", "rätin", "loge", "login", "erin",
    # round 8: "Klimaforscher", "Generalvikar", "Landesbischof", "Wirtschaftswissenschaftler"
    "forscher", "vikar", "bischof", "pfarrer", "wissenschaftler", "mediziner", "politiker",
    "aktivist", "aktivistin", "historiker", "ingenieur", "kommandant", "berater", "manager",
    # round 10: "Kirchenvorsteher", "Schulvorsteher", "Strafverteidiger"
    "vorsteher", "verteidiger",
    # round 16: "Astrophysiker", "Landesparteiobmann", "Aufbauspieler", "Biathletin", "Bewerber"
    "physiker", "physikerin", "obmann", "obfrau", "spieler", "spielerin", "athlet", "athletin",
    "bewerber", "bewerberin",
))


# Players' roles a German sports story writes before a name, as titles.
_DE_ROLES = frozenset(fold(w) for w in (
    "Kapitän", "Kapitänin", "Torhüter", "Torhüterin", "Torwart", "Stürmer", "Stürmerin", "Verteidiger",
    "Verteidigerin", "Mittelfeldspieler", "Mittelfeldspielerin", "Angreifer", "Angreiferin", "Abwehrchef",
    "Neuzugang", "Nationalspieler", "Nationalspielerin", "Jungprofi",
))


# Articles (and prepositions fused with the dative article) after which an adjective takes
# the weak "-en" in the singular: "des Bundesamts", "vom Niedersächsischen Landesamt".
_DE_ARTICLES = frozenset({"der", "des", "dem", "den", "vom", "beim", "zum", "zur", "im", "am"})


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
    if first.casefold() in _DE_SEATED_HEADS:
        return name  # "der Flughafen Köln/Bonn": a noun, not an adjective
    if end - start >= 2 and first.endswith("em") and first[:1].isupper() and name.startswith(first) and (
        start == 0 or fold(words[start - 1]) not in _DE_NOMINATIVE_ARTICLES
    ):
        # the strong dative with no article: "laut Statistischem Bundesamt" -> "Statistisches"
        head = _de_head(story, start, end)
        if head.endswith(_DE_MASCULINE_HEADS):
            return first[:-2] + "er" + name[len(first):]
        if head.endswith(_DE_NEUTER_HEADS):
            return first[:-2] + "es" + name[len(first):]
        return name
    if end - start < 2 or start == 0 or fold(words[article]) not in _DE_NOMINATIVE_ARTICLES or not (
        first[:1].isupper() and first.endswith(("en", "e")) and first[-3:-2].islower()
    ) or not name.startswith(first):
        return name
    if first.endswith("en") and fold(words[article]) not in _DE_ARTICLES:
        return name  # "die Deutschen Bank"? no: a plural, left as written
    # listed without its article, a masculine or neuter head takes the strong ending:
    # "Der Schweizerische Gewerkschaftsbund" -> "Schweizerischer Gewerkschaftsbund" (the
    # head is the last word before a place or an acronym: "Arbeitgeberverband Bayern");
    # every adjective before the head declines alike ("der Europäischen Geowissenschaftlichen
    # Union")
    head = _de_head(story, start, end)
    ending = "r" if head.endswith(_DE_MASCULINE_HEADS) else "s" if head.endswith(_DE_NEUTER_HEADS) else ""
    adjectives = [first]
    for word in words[start + 1:_de_head_index(story, start, end)]:
        if not (word[:1].isupper() and word.endswith("en") and name[len(" ".join(adjectives)):].startswith(
            " " + word + " "
        )):
            break
        adjectives.append(word)
    written = " ".join(adjectives)
    nominative = " ".join((a[:-1] if a.endswith("en") else a) + ending for a in adjectives)
    return nominative + name[len(written):]


def _de_head(story: _Story, start: int, end: int) -> str:
    """The head noun of a name, folded and without a genitive ending: the last word before a
    seat or an acronym ("Arbeitgeberverband" of "Kommunaler Arbeitgeberverband Bayern")."""
    head = fold(story.toks.words[_de_head_index(story, start, end)])
    genitive = de_genitive_head(head)
    return head[:-genitive] if genitive else head


def _de_head_index(story: _Story, start: int, end: int) -> int:
    """Where the head noun of a name stands: the last word before a seat, an acronym or the
    complement with "für" ("Landesamt" of "Niedersächsisches Landesamt für Denkmalpflege")."""
    words = story.toks.words
    seat = next((k for k in range(start + 1, end) if words[k].isupper() or fold(words[k]) == "fur" or (
        _seat_size(story, k)
    )), end)
    return seat - 1


_DE_NOMINATIVE_ARTICLES = _DE_ARTICLES | frozenset({"die", "das"})
_DE_MASCULINE_HEADS = tuple(fold(w) for w in (
    "bund", "verband", "rat", "konzern", "verein", "rundfunk", "gerichtshof", "dienst", "fonds",
    "klub", "club", "kreis", "senat", "landtag", "bundestag", "flughafen", "zoo",
))
_DE_NEUTER_HEADS = tuple(fold(w) for w in (
    "ministerium", "gericht", "institut", "amt", "komitee", "zentrum", "büro", "parlament",
    "forum", "kommissariat", "werk", "museum", "bistum", "spital", "klinikum", "theater", "präsidium",
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
    if end < story.n and story.tight(first) and _cased(words[end]) and (
        (story.free(end) and (words[first].isupper() or fold(words[end]) in _DE_DESIGNATORS))
        or story.kinds_at(end) == {"org_end"}  # "der Fahrgastverband Pro Bahn"
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
        k = _de_listed_fields(story, end + 2)
        if k + 1 < story.n and words[k] == "und" and _cased(words[k + 1]) and story.tight(k - 1):
            k += 2
        if k < story.n and story.gap_before(k) == " " and _seat_size(story, k) == 1 and (
            k + 1 >= story.n or not _cased(words[k + 1]) or not story.tight(k)
        ):
            k += 1  # "Landesgericht für Strafsachen Wien"
        return k
    size = _seat_size(story, end) if end < story.n and story.gap_before(end) == " " else 0
    if size:
        after = end + size
        while after + 1 <= story.n - 1 and story.gap_before(after) == "/" and _seat_size(story, after) == 1:
            after += 1  # "Flughafen Köln/Bonn"
        if after + 1 <= story.n - 1 and story.tight(after - 1) and words[after] in _ROMAN:
            return after + 1  # "Landgericht München I"
        if after < story.n and story.gap_before(after) == "-" and _cased(words[after]):
            return after + 1  # "Universität Erlangen-Nürnberg"
        if after >= story.n or not _cased(words[after]) or not story.tight(after - 1):
            return after
    if seat and end < story.n and story.gap_before(end) == " " and _cased(words[end]) and story.free(end):
        k = end + 1
        while k < story.n and story.gap_before(k) == "-" and _cased(words[k]):
            k += 1  # "Erlangen-Nürnberg"
        if k >= story.n or not _cased(words[k]) or not story.tight(k - 1):
            return k
    return end


_ROMAN = frozenset(("I", "II", "III", "IV"))


def _de_listed_fields(story: _Story, k: int) -> int:
    """After the first field of a "für" complement at word ``k - 1``, the fields listed with
    commas up to the last one's "und" ("für Wald, Schnee und Landschaft"): the end before that
    "und", else ``k``."""
    words = story.toks.words
    j = k
    while j + 1 < story.n and story.gap_before(j) == ", " and _cased(words[j]) and story.free(j):
        j += 1
    if j > k and j + 1 < story.n and words[j] == "und" and story.gap_before(j) == " " and _cased(words[j + 1]):
        return j
    return k


def _seat_size(story: _Story, k: int) -> int:
    """How many words at ``k`` name a seat: a town or country of one word (the curated
    gazetteer's or GeoNames'), or a German, Austrian or Swiss state, canton or Bavarian
    district ("Nordrhein-Westfalen", "Tirol", "Niederbayern"); 0 when none."""
    words = story.toks.words
    if not _cased(words[k]):
        return 0
    if "place" in story.kinds_at(k):
        return 1 if story.matches[story.owner[k]].end == k + 1 else 0
    if fold(words[k]) in _DE_REGION_FIRST:
        if k + 1 < story.n and story.gap_before(k + 1) == "-" and (
            fold(words[k]) + "-" + fold(words[k + 1])
        ) in _DE_REGIONS:
            return 2
        if fold(words[k]) in _DE_REGIONS:
            return 1
    if story.free(k):
        found = weak_index().at(words, k, story.lang)
        if found is not None and len(found.words) == 1:
            return 1
    return 0


# The states of Germany and Austria, the cantons of Switzerland (German names) and the
# Bavarian government districts: the regions a German-speaking body is named after
# ("Verbraucherzentrale Nordrhein-Westfalen", "Lawinenwarndienst Tirol").
_DE_REGIONS = frozenset(fold(w) for w in (
    "Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hessen",
    "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz", "Saarland",
    "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen",
    "Burgenland", "Kärnten", "Niederösterreich", "Oberösterreich", "Salzburg", "Steiermark", "Tirol",
    "Vorarlberg", "Wien",
    "Aargau", "Appenzell", "Basel-Stadt", "Basel-Landschaft", "Bern", "Freiburg", "Genf", "Glarus",
    "Graubünden", "Jura", "Luzern", "Neuenburg", "Nidwalden", "Obwalden", "Schaffhausen", "Schwyz",
    "Solothurn", "St. Gallen", "Tessin", "Thurgau", "Uri", "Waadt", "Wallis", "Zug", "Zürich",
    "Oberbayern", "Niederbayern", "Oberpfalz", "Oberfranken", "Mittelfranken", "Unterfranken",
    "Schwaben",
))
# Nouns that name a body only with its seat after them: "Flughafen Düsseldorf", "Erzbistum
# Köln", "Feuerwehr Hamburg", "Stadt Görlitz" (alone they are a thing or a kind).
_DE_SEATED_HEADS = frozenset(w.casefold() for w in (
    "Flughafen", "Erzbistum", "Bistum", "Feuerwehr", "Berufsfeuerwehr", "Polizeipräsidium",
    "Polizeidirektion", "Landespolizeidirektion", "Kantonspolizei", "Stadtpolizei", "Universitätsspital",
    "Kantonsspital", "Universitätsklinikum", "Uniklinik", "Klinikum", "Verbraucherzentrale",
    "Bergrettung", "Wasserwacht", "Bildungsdirektion", "Amtsgericht", "Landgericht", "Landesgericht",
    "Oberlandesgericht", "Verwaltungsgericht", "Staatsanwaltschaft", "Landratsamt", "Bezirksregierung",
    "Handwerkskammer", "Lawinenwarndienst", "Stadtwerke", "Zoo", "Museum", "Stadt", "Gemeinde",
    "Landkreis", "ETH", "Messe", "Staatstheater", "Stadttheater", "Schauspiel", "Kunsthalle",
))
# "in der Stadt Görlitz" is the town; "die Stadt Görlitz teilte mit" the body.
_DE_TOWN_BODIES = frozenset(w.casefold() for w in ("Stadt", "Gemeinde", "Landkreis", "Messe"))
_DE_LOCATIVE = frozenset(fold(w) for w in ("in", "aus", "nach", "bei", "nahe", "im", "ins", "zur"))


def de_seated_body(story: _Story, k: int) -> tuple[int, int] | None:
    """The body a seated head at word ``k`` names with its seat ("Flughafen Köln/Bonn",
    "Erzbistum Köln", "Kulturhistorisches Museum Görlitz"), as (start, end), or None. The
    head is compared as written: "die Flughäfen Hamburg und München" are two airports."""
    words = story.toks.words
    head = words[k].casefold()
    if head not in _DE_SEATED_HEADS and not (head.endswith("s") and head[:-1] in _DE_SEATED_HEADS):
        return None  # "des Universitätsspitals Zürich": the genitive too
    if k + 1 >= story.n:
        return None
    if head in _DE_TOWN_BODIES and (
        (k >= 2 and fold(words[k - 2]) in _DE_LOCATIVE) or (k >= 1 and fold(words[k - 1]) in _DE_LOCATIVE)
    ):
        return None
    end = de_name_tail(story, k + 1)
    if end == k + 1:
        return None
    start = k
    if k > 0 and story.tight(k - 1) and _DE_ADJECTIVE_RE.match(words[k - 1]) and (
        fold(words[k - 1]) not in _STOP_FOLDED
    ):
        start = k - 1  # "Kulturhistorisches Museum Görlitz"
    return start, end


_DE_ADJECTIVE_RE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:e|er|es|en|em)$")


_DE_REGION_FIRST = frozenset(r.split("-")[0] for r in _DE_REGIONS)


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


_ACRONYM_HYPHEN_RE = re.compile(r"(?=[A-ZÄÖÜ])(?<![\w-])[A-ZÄÖÜ]{2,}(?=-\w)")


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


# (" (" first, the letter before it looked behind: the regex engine skips to " (")
_PARTY_AFTER_NAME_RE = re.compile(r" \((?<=[a-zäöüß] \()([A-ZÄÖÜ]{2,5}|[A-Z][a-z]+[A-Z]|Grüne|Linke)\)")


# -- a body named with its state --------------------------------------------------------------
_DE_MIN_BODY_NOUN = 8
_DE_STATE_ACRONYMS = frozenset(("NRW", "BW"))


def de_body_of_state(story: _Story, k: int) -> tuple[int, int] | None:
    """A German compound at word ``k`` written right before a German, Austrian or Swiss state
    is a body named with it ("Bergwacht Bayern", "Städtetag Nordrhein-Westfalen",
    "Arbeitsmarktservice Steiermark", "Landeselternkonferenz NRW"): German puts no noun before
    a state's name otherwise. Returns (start, end) or None."""
    words = story.toks.words
    word = words[k]
    if len(word) < _DE_MIN_BODY_NOUN or not word[:1].isupper() or word.isupper() or not story.free(k) or (
        k + 1 >= story.n or story.gap_before(k + 1) != " " or fold(word) in _STOP_FOLDED
    ):
        return None
    state = k + 1
    size = 1 if words[state] in _DE_STATE_ACRONYMS else 0
    if not size and fold(words[state]) in _DE_REGION_FIRST:
        hyphened = state + 1 < story.n and story.gap_before(state + 1) == "-"
        if hyphened and fold(words[state]) + "-" + fold(words[state + 1]) in _DE_REGIONS:
            size = 2
        elif not hyphened and fold(words[state]) in _DE_REGIONS:
            size = 1
    end = state + size
    if not size or (end < story.n and story.tight(end - 1) and _cased(words[end])):
        return None  # more capitalised words: another construction
    if end < story.n and (words[end] in ("und", "oder") or story.gap_before(end).startswith(",")) and (
        end + 1 < story.n and _cased(words[end + 1])
    ):
        return None  # "die Flughäfen Hamburg und München": several places, a plural noun
    if k > 0 and story.tight(k - 1) and _DE_ADJECTIVE_RE.match(words[k - 1]) and (
        fold(words[k - 1]) not in _STOP_FOLDED
    ):
        return None  # "Pädagogische Hochschule Zürich": an adjective opens a longer name
    return k, end


# Bodies a German story names by their kind alone, every state has one ("im Landtag", "der
# Bundesrechnungshof"); a state's adjective before them or "von" and the state after them
# belong to the name ("Der Hessische Landtag", "Landtag von Mecklenburg-Vorpommern").
_DE_BODIES_BY_KIND = frozenset(fold(w) for w in (
    "Landtag", "Abgeordnetenhaus", "Rechnungshof", "Bundesrechnungshof", "Landesrechnungshof",
))
_DE_STATE_ADJECTIVE_ENDINGS = ("ische", "ischen", "ischer", "isches", "ischem")


def de_body_by_kind(story: _Story, k: int) -> tuple[int, int, str | None] | None:
    """``(start, end, name)`` of a body named by its kind at word k ("Landtag", "des
    Landtags" -> "Landtag"); ``name`` None when the words as written are the name."""
    words = story.toks.words
    folded = fold(words[k])
    genitive = 0
    if folded not in _DE_BODIES_BY_KIND:
        genitive = next(
            (len(g) for g in ("es", "s") if folded.endswith(g) and folded[: -len(g)] in _DE_BODIES_BY_KIND), 0
        )
        if not genitive:
            return None
    start, end = k, k + 1
    before = words[k - 1] if k > 0 else ""
    if before and story.tight(k - 1) and _cased(before) and story.sentence_start(k - 1) != k - 1 and (
        before.endswith(_DE_STATE_ADJECTIVE_ENDINGS) or _DE_TOWN_ADJECTIVE_RE.match(before)
    ) and fold(before) not in _STOP_FOLDED and story.kinds_at(k - 1) <= {"place", "adj"}:
        start = k - 1  # "Der Schleswig-Holsteinische Landtag", "vor den Hessischen Landtag"
    if k + 2 < story.n and words[k + 1] == "von" and story.tight(k) and story.tight(k + 1) and (
        "place" in story.kinds_at(k + 2) and story.matches[story.owner[k + 2]].start == k + 2
    ):
        end = story.matches[story.owner[k + 2]].end  # "Landtag von Thüringen"
    elif k + 3 < story.n and words[k + 1] == "von" and story.tight(k) and story.tight(k + 1) and _cased(
        words[k + 2]
    ) and story.gap_before(k + 3) == "-" and _cased(words[k + 3]):
        end = k + 4  # "Landtag von Mecklenburg-Vorpommern": a state of two names
    if not genitive:
        return start, end, None
    toks = story.toks
    written = story.text[toks.starts[start]:toks.ends[k] - genitive]
    return start, end, written + story.text[toks.ends[k]:toks.ends[end - 1]]
