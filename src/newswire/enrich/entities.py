"""People, organisations and places named in a story (machine-made, never over an editor's).

One pass of a single :class:`~newswire.vocab.places.NameMatcher` over the story's words
finds, longest match first: gazetteer places and demonyms, the people/organisation
vocabulary (seed + agency imports, every language), and cue words - titles ("President",
"Cumhurbaşkanı", "президент", "الرئيس"), attribution verbs ("said", "dedi", "заявил",
"قال", "a déclaré", "dijo", "sagte") and organisation heads ("Ministry", "Bakanlığı",
"министерство", "وزارة", "Ministère"). Then:

* a name after a title, or before/after an attribution verb, is a person; later
  surname-only mentions ("Putin", "Путина", "Erdoğan'ın") resolve to the full name;
* an acronym defined in brackets ("Collective Security Treaty Organization (CSTO)") is one
  organisation under its expansion; later mentions of the acronym count for it. Only
  expansions headed by an organisation word (or known to the vocabulary) are organisations:
  "Trans-Anatolian Pipeline (TANAP)" is a project, not an organisation;
* a capitalised run ending (en, tr, de) or starting (ru, ar, fr, es, bs) with an
  organisation head is an organisation;
* agency copy's other shapes (issue 15): names in quote-list captions, in lists ("Amina
  Rahimi, Tomasz Wielgosz and Hugo Ferrand", scorers with their minutes, Arabic lists after
  "كل من") and in appositions; clubs around a match result, media after their noun ("the
  daily Gazeta Wyborcza"), employers after "economist at"; not from a title-case headline;
* places are countries and settlements only: regions help disambiguation but are not
  tagged, demonyms ("Russian") count as context, not as mentions, and names inside an
  organisation's name are not places. Same-name places are settled by the dateline and
  the story's other places (see :func:`newswire.vocab.places.choose`).

:func:`find_entities` is the pure text API (used by the benchmark); :func:`extract_entities`
is the pipeline step: it replaces earlier machine-made people/organisations/places and
adds new ones after the editor's, skipping any an editor already set (same uri, or same
name or alias, case-insensitive).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from newswire.enrich.text import item_text
from newswire.model import MACHINE_CREATOR, Concept, Item
from newswire.vocab import people_orgs
from newswire.vocab.people_orgs import ORGANISATION, PERSON, VocabEntry
from newswire.vocab.places import (
    CASE_ANY,
    CASE_INITIAL,
    WORD_RE,
    NameMatch,
    NameMatcher,
    Place,
    PlaceName,
    Tokens,
    choose,
    fold,
    gazetteer,
    name_token_keys,
    norm_lang,
    script_of,
    story_tokens,
)

PLACE = "place"
MENTIONED = "mentioned"
DATELINE = "dateline"
EMIT_PLACE_KINDS = frozenset({"country", "city"})

# ---------------------------------------------------------------------------------------
# Cue words, by language
# ---------------------------------------------------------------------------------------
_TITLES: dict[str, tuple[str, ...]] = {
    "en": (
        "President", "Vice President", "Prime Minister", "Deputy Prime Minister", "Minister",
        "Foreign Minister", "Defense Minister", "Defence Minister", "Finance Minister",
        "Interior Minister", "Energy Minister", "Economy Minister", "Trade Minister",
        "Health Minister", "Chancellor", "King", "Queen", "Prince", "Crown Prince", "Emir",
        "Sheikh", "Sultan", "Pope", "Secretary-General", "Secretary General",
        "Secretary of State", "Secretary", "Senator", "Sen.", "Rep.", "Governor", "Mayor",
        "Ambassador", "Envoy", "spokesperson", "spokesman", "spokeswoman", "General", "Gen.",
        "Admiral", "Colonel", "Commander", "CEO", "Chairman", "Chairwoman", "Chair",
        "Director", "Director-General", "Director General", "Speaker", "Judge", "Prosecutor",
        "Mr.", "Mrs.", "Ms.", "Dr.", "Dr", "Professor", "Prof.", "Patriarch", "Coach",
        "head", "chief", "administrator", "executive", "economist", "analyst", "manager",
        "official", "researcher", "scientist", "curator", "captain", "leader", "founder",
        "Deputy", "Vice Chairman", "Commissioner", "Lt.", "Capt.", "Premier", "Lieutenant",
        "Major", "Captain", "Sergeant", "Inspector", "Superintendent", "meteorologist",
        "forecaster",
    ),
    "tr": (
        "Cumhurbaşkanı", "Cumhurbaşkanı Yardımcısı", "Başbakan", "Bakan", "Bakanı",
        "Bakan Yardımcısı", "Sözcüsü", "Başkanı", "Başkan", "Başkan Yardımcısı",
        "Genel Sekreteri", "Genel Müdürü", "Kral", "Kraliçe", "Prens", "Veliaht Prens",
        "Şeyh", "Papa", "Büyükelçisi", "Büyükelçi", "Valisi", "Vali", "Milletvekili",
        "Orgeneral", "Komutanı", "Müdürü", "Direktörü", "Teknik Direktörü", "Başantrenörü",
        "Antrenörü", "Başantrenör", "Antrenör", "Kaptanı", "Prof.", "Dr.", "Doç.", "Uzmanı", "Yöneticisi",
        "Koordinatörü", "Sanat Yönetmeni", "Yönetmeni", "Müdür", "Öğretim Üyesi", "Ekonomist",
        "Albay", "Yarbay", "Binbaşı", "Yüzbaşı", "Korgeneral", "Tümgeneral",
    ),
    "ru": (
        "президент", "премьер-министр", "министр", "глава", "председатель", "вице-премьер",
        "вице-президент", "генеральный секретарь", "генсек", "пресс-секретарь",
        "официальный представитель", "представитель", "посол", "губернатор", "мэр",
        "канцлер", "король", "королева", "принц", "наследный принц", "эмир", "шейх",
        "патриарх", "генерал", "командующий", "руководитель", "директор", "спикер",
        "депутат", "сенатор", "помощник", "капитан", "тренер", "главный тренер",
        "заместитель", "замминистра", "вице-губернатор", "начальник", "управляющий",
        "аналитик", "экономист", "профессор", "куратор", "научный сотрудник", "эксперт",
        "академик", "зампред", "первый зампред", "советник", "советница", "синоптик",
    ),
    "ar": (
        "الرئيس", "رئيس", "رئيسة", "رئيس الوزراء", "وزير", "وزيرة", "الوزير", "الملك",
        "الأمير", "ولي العهد", "الشيخ", "أمير", "المتحدث", "المتحدثة", "الناطق",
        "الأمين العام", "السفير", "سفير", "المهندس", "المهندسة", "الدكتور", "الدكتورة",
        "د.", "العقيد", "اللواء", "الفريق", "الجنرال", "المستشار", "المستشارة", "نائب",
        "مدير", "مديرة", "المدير", "محافظ", "المحافظ", "رئيس مجلس", "عضو", "الخبير",
        "الخبيرة", "الباحث", "الباحثة", "المدرب", "مدرب", "الأستاذ", "البروفيسور", "المفوض",
        "المسؤول", "المسؤولة",
    ),
    "fr": (
        "président", "présidente", "Premier ministre", "ministre", "chancelier",
        "chancelière", "roi", "reine", "prince", "émir", "pape", "secrétaire général",
        "secrétaire générale", "porte-parole", "ambassadeur", "ambassadrice", "maire",
        "général", "directeur", "directrice", "M.", "Mme", "commissaire", "présidente",
        "chef", "économiste", "chercheur", "chercheuse", "entraîneur", "sélectionneur",
        "professeur", "conservateur", "conservatrice", "responsable", "délégué", "déléguée",
        "colonel", "lieutenant-colonel", "capitaine", "commandant", "lieutenant", "adjudant",
        "sergent", "préfet", "préfète", "sénateur", "sénatrice", "député", "députée",
        "prévisionniste", "météorologue",
    ),
    "es": (
        "presidente", "presidenta", "primer ministro", "primera ministra", "ministro",
        "ministra", "canciller", "rey", "reina", "príncipe", "papa", "secretario general",
        "secretaria general", "portavoz", "embajador", "embajadora", "alcalde", "alcaldesa",
        "general", "director", "directora", "jefe", "jefa", "gobernador", "gobernadora",
        "vicepresidente", "vicepresidenta", "economista", "investigador", "investigadora",
        "meteorólogo", "meteoróloga", "técnico", "director técnico",
        "entrenador", "vulcanólogo", "vulcanóloga", "experto", "experta", "responsable",
        "coronel", "capitán", "comandante", "teniente", "senador", "senadora", "diputado",
        "diputada", "jefe de Gabinete", "secretario", "secretaria",
    ),
    "de": (
        "Präsident", "Präsidentin", "Bundeskanzler", "Bundeskanzlerin", "Kanzler",
        "Kanzlerin", "Bundespräsident", "Bundespräsidentin", "Ministerpräsident",
        "Ministerpräsidentin", "Außenminister", "Außenministerin", "Minister", "Ministerin",
        "Verteidigungsminister", "Finanzminister", "Innenminister", "Wirtschaftsminister",
        "König", "Königin", "Papst", "Generalsekretär", "Sprecher", "Sprecherin",
        "Botschafter", "Bürgermeister", "Bürgermeisterin", "Regierungschef", "Chef", "Chefin",
        "Vorsitzende", "Vorsitzender", "Direktor", "Direktorin", "Intendant", "Intendantin",
        "Trainer", "Ökonom", "Ökonomin", "Dirigent", "Dirigentin", "Regisseur",
        "Regisseurin", "Vizepräsident", "Vizepräsidentin", "Dr.", "Prof.",
    ),
    "bs": (
        "predsjednik", "predsjednica", "premijer", "premijerka", "ministar", "ministrica",
        "ministrica", "kancelar", "kralj", "papa", "generalni sekretar", "glasnogovornik",
        "glasnogovornica", "ambasador", "gradonačelnik", "gradonačelnica", "načelnik",
        "direktor", "direktorica", "general", "zastupnik", "guverner", "guvernerka",
        "viceguverner", "viceguvernerka", "predsjedavajući", "predsjedavajuća", "direktorka",
        "selektor", "trener", "ekonomist", "ekonomistica", "dr.", "prof.",
    ),
}

# Attribution verbs: the speaker stands before or after them.
_SAY: dict[str, tuple[str, ...]] = {
    "en": (
        "said", "says", "told", "added", "stated", "noted", "stressed", "explained", "warned",
        "announced", "asked", "argued", "insisted", "emphasized", "emphasised", "underlined",
        "declared", "wrote", "remarked", "observed", "commented", "recalled", "confirmed",
    ),
    "tr": (
        "dedi", "söyledi", "belirtti", "ifade etti", "kaydetti", "vurguladı", "açıkladı",
        "bildirdi", "dile getirdi", "aktardı", "konuştu", "ekledi", "sordu", "uyardı",
        "ifadelerini kullandı", "diye konuştu", "şeklinde konuştu", "anlattı", "değerlendirdi",
    ),
    "ru": (
        "заявил", "заявила", "сказал", "сказала", "отметил", "отметила", "добавил",
        "добавила", "подчеркнул", "подчеркнула", "сообщил", "сообщила", "пояснил",
        "пояснила", "рассказал", "рассказала", "указал", "указала", "уточнил", "уточнила",
        "признал", "признала", "предупредил", "предупредила", "заверил", "заверила",
        "считает", "говорит", "заявляет", "пообещал", "пообещала", "признался", "призналась",
        "подчеркивает", "отмечает", "сообщает", "посетовал", "посетовала",
    ),
    "ar": (
        "قال", "قالت", "أضاف", "أضافت", "أكد", "أكدت", "أوضح", "أوضحت", "صرح", "صرحت",
        "أعلن", "أعلنت", "أشار", "أشارت", "ذكر", "ذكرت", "لفت", "لفتت", "تابع", "تابعت",
    ),
    "fr": (
        "a déclaré", "a dit", "a affirmé", "a ajouté", "a souligné", "a expliqué",
        "a indiqué", "a estimé", "a assuré", "a précisé", "a rappelé", "a insisté",
        "a averti", "a annoncé", "a salué", "déclare", "estime", "explique", "souligne",
        "a martelé", "martèle", "a regretté", "regrette", "a reconnu", "reconnaît", "a prévenu",
        "prévient", "a répondu", "répond", "a confié", "confie", "a dénoncé", "dénonce",
        "a lancé", "a jugé", "a poursuivi", "a résumé", "résume", "a plaidé", "plaide",
        "a réagi", "réagit", "a commenté", "commente", "a raconté", "raconte", "a témoigné",
    ),
    "es": (
        "dijo", "afirmó", "añadió", "agregó", "señaló", "explicó", "aseguró", "indicó",
        "declaró", "subrayó", "advirtió", "precisó", "destacó", "sostuvo", "afirma", "dice",
        "expresó", "manifestó", "remarcó", "enfatizó", "apuntó", "insistió", "reconoció",
        "admitió", "lamentó", "aseveró", "puntualizó", "comentó",
    ),
    "de": (
        "sagte", "erklärte", "betonte", "fügte", "sagt", "teilte", "warnte", "kündigte",
        "meinte", "unterstrich", "ergänzte", "bestätigte",
    ),
    "bs": (
        "rekao", "rekla", "kazao", "kazala", "izjavio", "izjavila", "istakao", "istakla",
        "naveo", "navela", "dodao", "dodala", "pojasnio", "pojasnila", "poručio", "poručila",
        "naglasio", "naglasila", "smatra", "kaže",
    ),
}
# The speaker follows: "according to X", "по словам X", "selon X".
_SAY_AFTER: dict[str, tuple[str, ...]] = {
    "en": ("according to",),
    "ru": ("по словам", "по мнению"),
    "fr": ("selon", "a déclaré", "a ajouté", "a dit"),
    "es": ("según",),
    "de": ("laut", "so"),
    "bs": ("prema riječima",),
}
# Nouns that a newspaper's, broadcaster's, agency's or club's name follows ("the Polish
# daily Gazeta Wyborcza", "el diario Clarín", "la chaîne Arte"): the name is an organisation.
_ORG_BEFORE: dict[str, tuple[str, ...]] = {
    "en": ("newspaper", "daily", "broadcaster", "channel", "agency", "news agency", "weekly",
           "magazine", "tabloid", "club", "network", "rating agency", "ratings agency"),
    "fr": ("quotidien", "journal", "hebdomadaire", "chaîne", "agence", "magazine", "club",
           "radio", "station"),
    "es": ("diario", "periódico", "cadena", "agencia", "emisora", "canal", "semanario",
           "revista", "club", "calificadora"),
    "de": ("Zeitung", "Nachrichtenagentur", "Sender", "Fernsehsender", "Magazin", "Verein"),
    "tr": ("gazetesi", "kanalı"),
    "bs": ("dnevnik", "list", "agencija", "televizija", "klub"),
    "ar": ("فريق", "صحيفة", "قناة", "مدرب", "المدرب"),
}
# Sport roles between a club and a person: "Galatasaray coach Mehmet Aydinli".
_CLUB_ROLES = frozenset(fold(w) for w in (
    "coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "captain",
    "forward", "winger", "entraîneur", "entrenador", "trainer", "Teknik Direktörü",
    "Antrenörü", "Başantrenörü", "Kaptanı",
))
# Verbs of a match result: the teams stand before and after them in a sentence with a score
# ("River Plate goleó 3-0 a Boca Juniors", "Galatasaray beat Fenerbahce 3-1").
_RESULT_VERB_WORDS = frozenset(w.lower() for w in (
    "beat", "beats", "defeated", "thrashed", "edged", "drew", "goleó", "venció", "derrotó",
    "empató", "superó", "battu", "bat", "yendi", "mağlup", "gewann", "besiegte", "schlug",
    "обыграл", "обыграла", "победил", "победила",
))
_SCORE_RE = re.compile(r"\b\d{1,3}\s?[-:–]\s?\d{1,3}\b")
# Titles of people who work at an organisation named after "at": "economist at Rabobank".
_WORKPLACE_TITLES = frozenset(fold(w) for w in (
    "economist", "analyst", "strategist", "researcher", "scientist", "professor", "director",
    "chief", "head", "manager", "executive", "économiste", "analyste", "chercheur",
    "chercheuse", "directeur", "directrice", "Ökonom", "Ökonomin", "Analyst", "Analystin",
))
_AT_WORK = frozenset({"at", "with", "chez", "bei"})
_ARTICLES = frozenset({"the", "el", "la", "le", "les", "los", "las", "die", "der", "das", "il"})
# Buildings that stand for their occupants; "в Кремле", "at the White House" are places.
_SEATS = frozenset({"Kremlin", "White House", "Pentagon"})
_LOCATIVES = frozenset({"в", "во", "in", "at", "inside", "au", "à", "dans", "en", "im", "am"})
# Organisation heads that end a name (en, tr, de) or start it (the others).
_ORG_END: dict[str, tuple[str, ...]] = {
    "en": (
        "Ministry", "Bank", "Party", "Council", "Agency", "Union", "Corp", "Corp.",
        "Corporation", "Organization", "Organisation", "Association", "Committee",
        "Commission", "Fund", "Court", "Parliament", "Assembly", "Authority", "Company",
        "Group", "Institute", "University", "Federation", "Foundation", "Inc", "Inc.", "Ltd",
        "Airlines", "Bureau", "Office", "Department", "Directorate", "Administration",
        "Service", "Survey", "Museum", "Club", "League", "Exchange", "Board", "Secretariat",
        "Programme", "Network", "Holding", "Holdings", "Observatory", "Academy", "Police",
        "Guard", "Navy", "Army", "Forces", "Municipality", "Community", "Railways", "Railway",
        "Airways", "Orchestra", "Philharmonic", "Cooperative", "Chamber", "Senate", "Congress",
        "Herald", "Gazette", "Press", "Confederation", "Society", "Capital", "Securities", "Ratings",
        "Partners", "Investments", "Advisors",
    ),
    "tr": (
        "Bakanlığı", "Bankası", "Partisi", "Konseyi", "Ajansı", "Birliği", "Örgütü",
        "Meclisi", "Kurumu", "Başkanlığı", "Derneği", "Şirketi", "Holding", "Üniversitesi",
        "Komisyonu", "Teşkilatı", "Vakfı", "Federasyonu", "Kulübü", "Mahkemesi",
        "Müdürlüğü", "Belediyesi", "Odası", "Borsası", "Enstitüsü", "Komitesi", "Kurulu",
        "Sendikası", "Konfederasyonu", "Müzesi", "Valiliği", "Ofisi", "Hastanesi",
        "Genel Müdürlüğü", "Grubu", "Ajans", "Vakıf", "Kooperatifi", "Akademisi",
    ),
    "de": (
        "Bank", "Partei", "Union", "Bahn", "Kommission", "Agentur", "Gewerkschaft",
        "Institut", "Universität", "Stiftung", "Verband", "Amt", "Oper", "Staatsoper",
        "Behörde", "Gericht", "Gerichtshof", "Rat", "Bund", "AG", "GmbH", "Orchester",
        "Philharmoniker", "Kammer", "Senat", "Zeitung", "Rundschau", "Nachrichten",
    ),
}
# Words that open a sports club's name in any language ("VfB Stuttgart", "Real Madrid").
_CLUB_PREFIXES = (
    "FC", "AC", "SC", "SV", "VfB", "VfL", "TSV", "TSG", "SpVgg", "Borussia", "Eintracht",
    "Real", "Atlético", "Sporting", "Dynamo", "Dinamo", "Olympique", "Racing", "Deportivo",
)
_ORG_START: dict[str, tuple[str, ...]] = {
    "ru": (
        "министерство", "минобороны", "минфин", "банк", "партия", "совет", "агентство",
        "союз", "организация", "комитет", "комиссия", "фонд", "суд", "служба", "ведомство",
        "госкорпорация", "корпорация", "компания", "институт", "университет", "академия",
        "музей", "федерация", "дирекция", "управление", "министерства", "Минэкономразвития",
        "МИД", "Центробанк", "Росгидромет", "Минэнерго", "Минпромторг",
    ),
    "ar": (
        "وزارة", "بنك", "البنك", "حزب", "مجلس", "المجلس", "وكالة", "اتحاد", "الاتحاد",
        "منظمة", "شركة", "هيئة", "الهيئة", "جامعة", "لجنة", "اللجنة", "صندوق", "محكمة",
        "المحكمة", "مؤسسة", "جمعية", "مصرف", "المصرف", "مركز", "المركز", "متحف", "المتحف",
        "مطار", "نادي", "النادي", "الشركة", "معهد", "المعهد", "بورصة", "سوق",
    ),
    "fr": (
        "ministère", "Ministère", "Banque", "Parti", "Conseil", "Agence", "Union",
        "Organisation", "Commission", "Assemblée", "Cour", "Comité", "Fonds", "Fédération",
        "Office", "Société", "Groupe", "Institut", "Université", "Direction", "Centre",
        "Musée", "musée", "Observatoire", "Syndicat", "Confédération", "Tribunal",
        "Autorité", "Haut-Commissariat", "Compagnie", "Communauté", "Mairie", "Ville",
        "Orchestre", "Chambre", "Sénat", "Radio", "Grand port maritime", *_CLUB_PREFIXES,
    ),
    "es": (
        "Ministerio", "ministerio", "Banco", "Partido", "Consejo", "Agencia", "Unión",
        "Organización", "Comisión", "Asamblea", "Corte", "Tribunal", "Comité", "Fondo",
        "Federación", "Instituto", "Universidad", "Observatorio", "Congreso", "Servicio",
        "Centro", "Museo", "Registraduría", "Confederación", "Sindicato", "Secretaría",
        "Autoridad", "Oficina", "Junta", "Empresa", "Compañía", "Comunidad", "Ayuntamiento",
        "Orquesta", "Cámara", "Senado", "Comisiones", "Radio", "Sociedad", "Diario", "Cadena",
        *_CLUB_PREFIXES,
    ),
    "en": _CLUB_PREFIXES,
    "de": _CLUB_PREFIXES,
    "bs": (
        "ministarstvo", "banka", "stranka", "vijeće", "agencija", "unija", "organizacija",
        "komisija", "skupština", "sud", "savez", "fond", "federacija", "institut",
        "univerzitet", "sveučilište", "vlada", "zavod", "ured", "udruženje", "udruga",
        "komora", "društvo", "muzej", "zajednica", "orkestar", "kazalište", "pozorište",
        "direkcija", "uprava",
    ),
}
# German compound heads: "Außenministerium", "Bundesbank", "Verfassungsgericht".
_DE_ORG_SUFFIXES = (
    "ministerium", "bank", "partei", "agentur", "kommission", "gericht", "gerichtshof",
    "behörde", "verband", "gewerkschaft", "konzern", "institut", "universität", "stiftung",
    "amt", "oper", "rat", "bahn", "werke",
)
_DE_TITLE_SUFFIXES: tuple[str, ...] = (
    "direktor", "direktorin", "präsident", "präsidentin", "minister", "ministerin",
    "sprecher", "sprecherin", "chef", "chefin", "trainer", "trainerin", "leiter", "leiterin",
    "ökonom", "ökonomin", "kanzler", "kanzlerin", "intendant", "intendantin",
)
# compared with folded words, which have lost their umlauts ("präsidentin" -> "prasidentin")
_DE_TITLE_SUFFIXES = tuple(dict.fromkeys(fold(s) for s in _DE_TITLE_SUFFIXES))
# Words that can head an organisation's expansion ("... Organization (XYZ)"), folded.
_ORG_HEADS = frozenset(
    fold(w)
    for table in (_ORG_END, _ORG_START)
    for words in table.values()
    for w in words
) | frozenset(
    fold(w)
    for w in (
        "organisation", "organization", "administration", "agency", "council", "union",
        "office", "organizacion", "organisation", "örgütü", "kurumu", "ajansı", "organizacija",
        "организация", "агентство", "منظمة", "agence", "gewerkschaft", "verband",
        "forum", "alliance", "coalition", "league", "movement", "front", "society",
        "centre", "center", "programme", "service", "commission", "committee", "institute",
        "bank", "fund", "federation", "association", "authority", "board", "ministry",
    )
)


def _cue_words(folded: frozenset[str]) -> frozenset[str]:
    """The title-table spellings whose folded form is in ``folded`` (cues carry the table's
    spelling, so they are compared without folding each time)."""
    return frozenset(w for table in _TITLES.values() for w in table if fold(w) in folded)


_WORKPLACE_TITLE_WORDS = _cue_words(_WORKPLACE_TITLES)
_CLUB_ROLE_WORDS = _cue_words(_CLUB_ROLES)


def _split(text: str) -> list[str]:
    return text.split()


# Connectors inside names (folded): "Bank of England", "Organisation des Nations unies".
_CONNECTORS = frozenset(
    _split(
        "of for and the on in at de des du la le les l d et del los las y e i o za na für der "
        "die das und von vom zur zum ve ile и в о по при di da van pour por para "
    )
)
_PARTICLES = frozenset(_split(
    "bin bint ibn al el de da van von der di du le la abu ben dos del "
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
_SENTENCE_GAP_RE = re.compile(r"[.!?…][\"”»’']?\s")
_ACRONYM_RE = re.compile(r"\(\s*([^\W\d_][^\s()]{1,11})\s*\)")
_RU_GUILLEMET_RE = re.compile(r"«([^«»\n]{2,40})»")
_RU_THING_NOUNS = frozenset(
    fold(w)
    for w in (
        "спутник", "спутника", "спутники", "ракета", "ракеты", "ледокол", "ледокола", "корабль",
        "корабля", "фильм", "фильма", "выставка", "выставки", "выставку", "проект", "проекта",
        "программа", "программы", "операция", "операции", "серии", "самолет", "самолета",
        "судно", "судна", "спектакль", "опера", "оперы", "книга", "книги", "песня", "роман",
        "премия", "премии", "фестиваль", "фестиваля", "конкурс", "форум", "форума", "марка",
        "сорт", "модель", "модели", "аппарат", "аппарата", "станция", "станции", "миссия",
        "миссии", "зал", "зале", "комната", "комнатой", "экспозиция", "экспозиции",
    )
)
_RU_ORG_NOUNS = frozenset(
    fold(w)
    for w in (
        "компания", "компании", "авиакомпания", "авиакомпании", "банк", "банка", "клуб",
        "клуба", "госкорпорация", "госкорпорации", "корпорация", "корпорации", "холдинг",
        "холдинга", "концерн", "концерна", "партия", "партии", "команда", "команды",
        "группа", "группы", "общество", "общества", "ао", "пао", "ооо", "оао", "фонд", "фонда",
        "завод", "завода", "заводе", "издательство", "газета", "газеты", "газете", "телеканал",
        "телеканала", "телеканале", "радиостанция", "радиостанции", "агентство", "агентства",
        "журнал", "журнала", "издание", "издания", "фонд", "фонду",
    )
)


@dataclass(frozen=True, slots=True)
class _Cue:
    kind: str  # "title" | "say" | "say_after" | "org_end" | "org_start"
    word: str


@dataclass(frozen=True, slots=True)
class _VocabName:
    entry: VocabEntry
    spelling: str


Payload = PlaceName | _VocabName | _Cue


# ---------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Entity:
    """One person, organisation or place found in a text."""

    kind: str  # "person" | "organisation" | "place"
    name: str
    uri: str | None = None
    confidence: int = 50
    rel: str = MENTIONED
    literal: str | None = None  # an organisation's acronym, when it has one
    aliases: tuple[str, ...] = ()  # other spellings seen in the text (or known)
    mentions: int = 1
    titles: tuple[str, ...] = ()  # title words seen before a person's name (folded)
    place: Place | None = field(default=None, compare=False)

    def names(self) -> set[str]:
        out = {self.name, *self.aliases}
        if self.literal:
            out.add(self.literal)
        return out

    def concept(self) -> Concept:
        return Concept(
            name=self.name,
            uri=self.uri,
            rel=self.rel,
            literal=self.literal,
            creator=MACHINE_CREATOR,
            confidence=self.confidence,
        )


@dataclass(frozen=True, slots=True)
class Entities:
    people: tuple[Entity, ...] = ()
    organisations: tuple[Entity, ...] = ()
    places: tuple[Entity, ...] = ()

    def __iter__(self) -> Iterator[Entity]:
        yield from self.people
        yield from self.organisations
        yield from self.places


# ---------------------------------------------------------------------------------------
# The matcher (built once per vocabulary)
# ---------------------------------------------------------------------------------------
_matcher_cache: list[tuple[people_orgs.Vocabulary, NameMatcher[Payload]]] = []


def _build(vocab: people_orgs.Vocabulary) -> NameMatcher[Payload]:
    matcher: NameMatcher[Payload] = NameMatcher()
    for place in gazetteer().places:
        for spelling, lang, adjective in place.all_names():
            matcher.add(spelling, PlaceName(place, adjective, spelling), lang)
    for entry in vocab:
        for alias in entry.spellings():
            matcher.add(alias.text, _VocabName(entry, alias.text), alias.lang)
    for table, kind, case in (
        (_TITLES, "title", CASE_ANY),
        (_SAY, "say", CASE_ANY),
        (_SAY_AFTER, "say_after", CASE_ANY),
        (_ORG_END, "org_end", CASE_INITIAL),
        (_ORG_START, "org_start", None),
        (_ORG_BEFORE, "org_before", None),
    ):
        for lang, words in table.items():
            for word in words:
                matcher.add(word, _Cue(kind, word), lang, case=case)
    return matcher


def _matcher() -> NameMatcher[Payload]:
    vocab = people_orgs.load_vocab()
    if _matcher_cache and _matcher_cache[0][0] is vocab:
        return _matcher_cache[0][1]
    matcher = _build(vocab)
    _matcher_cache[:] = [(vocab, matcher)]
    return matcher


# ---------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------
@dataclass
class _Acc:
    """An entity being gathered: spellings seen, first position, evidence."""

    kind: str
    key: tuple[str, ...]
    first: int
    spellings: list[str] = field(default_factory=list)
    confidence: int = 0
    mentions: int = 0
    uri: str | None = None
    entry: VocabEntry | None = None
    literal: str | None = None
    titles: set[str] = field(default_factory=set)
    place: Place | None = None
    full: bool = False  # seen with two or more words (a person)

    def add(self, spelling: str, confidence: int, position: int) -> None:
        self.spellings.append(spelling)
        self.confidence = max(self.confidence, confidence)
        self.mentions += 1
        self.first = min(self.first, position)


_AccFn = Callable[[str, tuple[str, ...], int], _Acc]
_NO_KINDS: frozenset[str] = frozenset()


def _cased(word: str) -> bool:
    return word[:1].isupper()


@lru_cache(maxsize=1 << 16)
def _is_name_word(word: str) -> bool:
    return _cased(word) and fold(word) not in _STOP_FOLDED and not word.isdigit()


class _Story:
    """State of one extraction: tokens, matches, and what each word belongs to."""

    def __init__(self, text: str, lang: str | None) -> None:
        self.text = text
        self.lang = norm_lang(lang)
        self.toks: Tokens = story_tokens(text)
        self.n = len(self.toks)
        self.matches: list[NameMatch[Payload]] = _matcher().scan(self.toks, self.lang)
        # the matches that carry cue words, with their cues: one pass shared by the finders
        self.cued: list[tuple[NameMatch[Payload], list[_Cue]]] = [
            (m, cues) for m in self.matches if (cues := [p for p in m.payloads if type(p) is _Cue])
        ]
        self.owner: list[int] = [-1] * self.n
        for idx, m in enumerate(self.matches):
            for k in range(m.start, m.end):
                self.owner[k] = idx
        self.caseless = self.lang == "ar" or (
            self.lang is None and bool(text) and script_of(text.lstrip()[:1]) == "arab"
        )
        self.org_spans: list[tuple[int, int]] = []
        self.match_kinds: dict[int, frozenset[str]] = {}
        self.org_mask = bytearray()
        self.absorbed: dict[int, _Acc] = {}
        self.person_spans: list[tuple[int, int]] = []

    # -- token helpers -------------------------------------------------------------------
    def tight(self, i: int) -> bool:
        """Words i and i+1 are written as parts of one name."""
        toks = self.toks
        gap = toks.text[toks.ends[i]:toks.starts[i + 1]]
        if gap in (" ", "-", "\u00a0", "'", "’", "‑"):
            return True
        word = toks.words[i]
        if gap == "." and len(word) == 1 and word.isupper():
            nxt = toks.words[i + 1]
            return len(nxt) == 1 and nxt.isupper()  # "U.S.", "U.K."
        return gap == ". " and ((len(word) == 1 and word.isupper()) or fold(word) in _ABBREV)

    def initial(self, i: int) -> bool:
        """Word i is a capital letter with a full stop ("U.S.", "J. Smith")."""
        toks = self.toks
        word = toks.words[i]
        return len(word) == 1 and word.isupper() and toks.text.startswith(".", toks.ends[i])

    def plural_possessive(self, i: int) -> bool:
        """Word i is a plural possessive inside a name ("Nurses and Midwives' Association")."""
        toks = self.toks
        return self.lang == "en" and toks.words[i].endswith("s") and toks.text[
            toks.ends[i]:toks.starts[i + 1]
        ] in ("' ", "’ ")

    def ampersand(self, i: int) -> bool:
        """Words i and i+1 are joined by "&" ("Bill & Melinda Gates Foundation")."""
        toks = self.toks
        return toks.text[toks.ends[i]:toks.starts[i + 1]] in (" & ", "&")

    def kinds_at(self, i: int) -> frozenset[str]:
        idx = self.owner[i]
        if idx < 0:
            return _NO_KINDS
        kinds = self.match_kinds.get(idx)
        if kinds is None:
            out = set()
            for p in self.matches[idx].payloads:
                if isinstance(p, PlaceName):
                    out.add("adj" if p.adjective else "place")
                elif isinstance(p, _VocabName):
                    out.add(p.entry.kind)
                else:
                    out.add(p.kind)
            kinds = self.match_kinds[idx] = frozenset(out)
        return kinds

    def free(self, i: int) -> bool:
        return self.owner[i] < 0

    def in_org(self, i: int, j: int) -> bool:
        mask = self.org_mask
        if len(mask) != self.n:
            mask = self.org_mask = bytearray(self.n)
            for a, b in self.org_spans:
                mask[a:b] = b"\x01" * (b - a)
        return any(mask[i:j])

    def add_org_spans(self, spans: Iterable[tuple[int, int]]) -> None:
        self.org_spans.extend(spans)
        self.org_mask = bytearray()

    def gap_before(self, i: int) -> str:
        toks = self.toks
        return toks.text[toks.ends[i - 1]:toks.starts[i]] if i > 0 else toks.text[: toks.starts[0]]

    def sentence_start(self, i: int) -> int:
        k = i
        while k > 0:
            gap = self.gap_before(k)
            if ("\n" in gap or _SENTENCE_GAP_RE.search(gap)) and fold(
                self.toks.words[k - 1]
            ) not in _ABBREV:
                break
            k -= 1
        return k

    # -- name runs -----------------------------------------------------------------------
    def run_forward(self, j: int, max_words: int = 4, allow_person: bool = True) -> int:
        """End of a capitalised name starting at word j (j itself when there is none)."""
        words = self.toks.words
        if j >= self.n or not _is_name_word(words[j]):
            return j
        k = j
        count = 0
        while k < self.n and count < max_words:
            word = words[k]
            kinds = self.kinds_at(k)
            if kinds - {PERSON, "adj"} and not (allow_person and PERSON in kinds) and not (
                # a double-barrelled surname ending in a place name: "Gago-Medina"
                k > j and kinds == {"place"} and self.toks.text[self.toks.ends[k - 1]:self.toks.starts[k]] == "-"
                and self.matches[self.owner[k]].end == k + 1
            ):
                break
            if _is_name_word(word):
                count += 1
            elif fold(word) in _PARTICLES and k + 1 < self.n and self.tight(k) and _is_name_word(
                words[k + 1]
            ):
                pass
            elif k > j and word.isalpha() and word.islower() and len(word) <= _NAME_TAIL and self.toks.text[
                self.toks.ends[k - 1]:self.toks.starts[k]
            ] == "-" and (k + 1 >= self.n or not self.tight(k) or not words[k + 1][:1].isupper()):
                pass  # "Kim Jung-kwan": the lower-case half of a hyphenated given name
            else:
                break
            k += 1
            if k < self.n and not self.tight(k - 1):
                break
        while k > j and not _is_name_word(words[k - 1]) and not (
            words[k - 1].islower() and self.toks.text[self.toks.ends[k - 2]:self.toks.starts[k - 1]] == "-"
        ):
            k -= 1
        return k

    def run_backward(self, i: int, max_words: int = 4) -> int:
        """Start of a capitalised name ending just before word i (i when there is none)."""
        words = self.toks.words
        k = i
        count = 0
        while k > 0 and count < max_words:
            word = words[k - 1]
            if k < i and not self.tight(k - 1):
                break
            kinds = self.kinds_at(k - 1)
            if kinds - {PERSON}:
                break
            if _is_name_word(word):
                count += 1
            elif fold(word) in _PARTICLES and k < i:
                pass
            else:
                break
            k -= 1
        while k < i and not _is_name_word(words[k]):
            k += 1
        return k

    def arabic_name(self, j: int) -> int:
        """End of an Arabic personal name starting at word j (no capitals to go by)."""
        words = self.toks.words
        if j >= self.n:
            return j
        first = fold(words[j])
        if first in _AR_STOP or first.startswith("ال") or not self.free(j):
            return j
        k = j + 1
        after_bin = False
        while k < self.n and k - j < 5:
            if not self.tight(k - 1):
                break
            word = fold(words[k])
            if word in _AR_STOP or (not self.free(k) and PERSON not in self.kinds_at(k)):
                break
            if word in ("بن", "ابن", "بنت", "عبد", "ابو", "ابي"):
                after_bin = True
                k += 1
                continue
            if k - j >= 2 and not after_bin:
                break
            k += 1
            after_bin = False
        return k


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


def _person_key(story: _Story, i: int, j: int) -> tuple[str, ...]:
    return tuple(min(name_token_keys(w, story.lang)) for w in story.toks.words[i:j])


def _display(spellings: Sequence[str]) -> str:
    """The fullest spelling; among those, the shortest (nominative) and then the first."""
    best = max(len(s.split()) for s in spellings)
    full = [s for s in spellings if len(s.split()) == best]
    return min(full, key=len)


def find_entities(text: str, lang: str | None = None, located: str | None = None) -> Entities:
    """People, organisations and places named in ``text`` (pure).

    ``located`` is the dateline place as written, if known: it is tagged with rel
    ``"dateline"`` and decides between same-name places. The last few results are cached
    (the quotes step asks again for the same story).
    """
    return _find_cached(text, norm_lang(lang), located, id(people_orgs.load_vocab()))


@lru_cache(maxsize=16)
def _find_cached(text: str, lang: str | None, located: str | None, _vocab: int) -> Entities:
    return _find(text, lang, located)


def _find(text: str, lang: str | None, located: str | None) -> Entities:
    story = _Story(text, lang)
    toks, words, matches = story.toks, story.toks.words, story.matches
    accs: dict[tuple[str, ...], _Acc] = {}

    def acc(kind: str, key: tuple[str, ...], position: int) -> _Acc:
        a = accs.get(key)
        if a is None:
            a = accs[key] = _Acc(kind, key, position)
        return a

    # 1. Dateline agency: not an organisation mention.
    skip_until = _dateline_span(text)

    # 2. Organisations by cue words and guillemets; acronym definitions.
    _find_cue_orgs(story, acc, skip_until)
    acronyms = _find_acronyms(story, acc, accs)

    # 3. Vocabulary people and organisations.
    place_mentions: list[tuple[int, int, list[PlaceName]]] = []
    own_agency: set[int] = set()  # vocabulary entries named in the dateline
    dateline_from = text.rfind("\n", 0, skip_until) + 1 if skip_until else 0
    for m in matches:
        vocab = [p for p in m.payloads if isinstance(p, _VocabName)]
        if vocab and toks.starts[m.start] < skip_until:
            if toks.starts[m.start] >= dateline_from:
                own_agency.add(id(vocab[0].entry))
            continue
        if vocab and id(vocab[0].entry) in own_agency:
            continue  # "AA muhabirine": the wire's own agency, as in the dateline
        if vocab:
            entry = vocab[0].entry
            if entry.name in _SEATS and _after_locative(story, m.start):
                continue  # "в Кремле", "at the White House": the building
            absorbing = story.absorbed.get(id(entry))
            if absorbing is not None:
                absorbing.mentions += 1
                continue
            spelling = max((p.spelling for p in vocab), key=len)
            if (
                entry.kind == ORGANISATION
                and story.in_org(m.start, m.end)
                and not any(a == m.start and b == m.end for a, b in story.org_spans)
            ):
                continue
            if entry.kind == ORGANISATION and story.text.startswith("+", toks.ends[m.end - 1]):
                # "OPEC+" is the group with its allies, not OPEC
                a = acc(ORGANISATION, ("o", fold(spelling) + "+"), toks.starts[m.start])
                a.add(spelling + "+", 85, toks.starts[m.start])
                continue
            a = acc(entry.kind, ("v", str(id(entry))), toks.starts[m.start])
            a.entry, a.uri = entry, entry.uri
            a.add(spelling, 90, toks.starts[m.start])
            if entry.kind == PERSON and m.end - m.start >= 2:
                a.full = True
            continue
        names = [p for p in m.payloads if isinstance(p, PlaceName)]
        if names and not vocab:
            place_mentions.append((m.start, m.end, names))

    # 4. People: after titles, around attribution verbs.
    people: list[tuple[int, int, int, str | None]] = []  # (start, end, confidence, title)
    _find_people(story, people)
    _find_captions(story, people)
    _find_name_lists(story, people)
    surname_of: dict[str, _Acc] = {}
    singles: list[tuple[int, int, int, str | None]] = []
    people = [(_trim_name(story, i, j), j, c, t) for i, j, c, t in people]
    if story.lang == "de":
        people = [(i2, j2, c, t2) for i, j, c, t in people for i2, j2, t2 in [_de_title(story, i, j, t)]]
    headline_end = _title_case_headline(text)
    for i, j, confidence, title in people:
        if story.in_org(i, j) or toks.starts[i] < headline_end or _hyphen_only(story, i, j):
            continue
        story.person_spans.append((i, j))
        kinds = set().union(*(story.kinds_at(k) for k in range(i, j)))
        if PERSON in kinds:
            idx = story.owner[next(k for k in range(i, j) if PERSON in story.kinds_at(k))]
            entry = next(p.entry for p in matches[idx].payloads if isinstance(p, _VocabName))
            a = acc(PERSON, ("v", str(id(entry))), toks.starts[i])
            a.confidence = min(99, max(a.confidence, 90) + 3)
            if title:
                a.titles.add(title)
            continue
        if j - i >= 2:
            key = ("p", *_person_key(story, i, j))
            a = acc(PERSON, key, toks.starts[i])
            a.add(toks.span(i, j), confidence, toks.starts[i])
            a.full = True
            if title:
                a.titles.add(title)
        else:
            singles.append((i, j, confidence, title))
    for a in accs.values():
        if a.kind == PERSON and a.full:
            last = a.key[-1] if a.key[0] == "p" else None
            if last:
                surname_of.setdefault(last, a)
            elif a.entry is not None:
                for alias in a.entry.spellings():
                    parts = alias.text.split()
                    if len(parts) >= 2:
                        surname_of.setdefault(min(name_token_keys(parts[-1], story.lang)), a)
    # Surname-only mentions (from cues, or any capitalised word) of known full names.
    if surname_of:
        owner, caseless, slang = story.owner, story.caseless, story.lang
        for k in _candidate_words(story, surname_of):
            word = words[k]
            if owner[k] >= 0 or not (caseless or word[0].isupper()):
                continue
            for skey in name_token_keys(word, slang):
                target = surname_of.get(skey)
                if target is None:
                    continue
                if not caseless and k > 0 and words[k - 1][0].isupper() and story.tight(k - 1):
                    break  # part of another name
                target.mentions += 1
                if target.key[0] == "p":
                    target.confidence = min(99, target.confidence + 3)
                break
    unresolved: list[tuple[int, str | None]] = []
    for i, _j, _confidence, title in singles:
        for skey in name_token_keys(words[i], story.lang):
            target = surname_of.get(skey)
            if target is not None:
                if title:
                    target.titles.add(title)
                break
        else:
            unresolved.append((i, title))
    # A surname quoted or titled alone confirms an earlier capitalised run ending in it:
    # "Nico Baumann ... sagte Baumann".
    if unresolved and not story.caseless:
        wanted: dict[str, tuple[int, str | None]] = {}
        for i, title in unresolved:
            for skey in name_token_keys(words[i], story.lang):
                wanted.setdefault(skey, (i, title))
        # each distinct capitalised word is looked up once; then only its positions
        hits: dict[str, tuple[int, str | None]] = {}
        for word in set(words):
            if word[0].isupper():
                found = next((wanted[x] for x in name_token_keys(word, story.lang) if x in wanted), None)
                if found is not None:
                    hits[word] = found
        for k in [k for k, word in enumerate(words) if word in hits]:
            hit = hits[words[k]]
            if story.owner[k] >= 0 or hit[0] == k:
                continue
            start = _trim_name(story, story.run_backward(k + 1, 3), k + 1)
            if story.lang == "de":
                start = _de_title(story, start, k + 1, None)[0]
            if k + 1 - start < 2 or story.in_org(start, k + 1) or _hyphen_only(
                story, start, k + 1
            ) or any(
                story.owner[x] >= 0 for x in range(start, k + 1)
            ):
                continue
            a = acc(PERSON, ("p", *_person_key(story, start, k + 1)), toks.starts[start])
            a.add(toks.span(start, k + 1), 60, toks.starts[start])
            a.full = True
            if hit[1]:
                a.titles.add(hit[1])
    del acronyms

    if story.caseless:
        _arabic_name_lists(story, acc)

    # 5. Places.
    _add_places(story, place_mentions, located, acc)

    return _finish(story, accs)


def _de_title(story: _Story, i: int, j: int, title: str | None) -> tuple[int, int, str | None]:
    """A German compound title glued before a name ("Landtagspräsidentin Hollerbach") is a
    title, not a first name."""
    if j - i >= 2 and fold(story.toks.words[i]).endswith(_DE_TITLE_SUFFIXES):
        return i + 1, j, fold(story.toks.words[i])
    return i, j, title


def _hyphen_only(story: _Story, i: int, j: int) -> bool:
    """Words joined only by hyphens are one compound word ("Grünen-Politikerin",
    "CDU-Fraktion"), not a first name and a surname."""
    toks = story.toks
    return j - i >= 2 and all(toks.text[toks.ends[k]:toks.starts[k + 1]] == "-" for k in range(i, j - 1))


_MIN_TITLE_CASE_WORDS = 4


def _title_case_headline(text: str) -> int:
    """Where the first line ends when it is a headline in title case ("Premier Says Talks
    Will Resume"), whose capitals say nothing about names; else 0."""
    line = text.split("\n", 1)[0]
    words = [w for w in WORD_RE.findall(line) if not w.isdigit()]
    if len(words) < _MIN_TITLE_CASE_WORDS or "\n" not in text:
        return 0
    capitalised = sum(1 for w in words if w[:1].isupper())
    return len(line) if capitalised == len(words) else 0


# A paragraph that is only a bracketed caption opening with a name, as quote lists print
# the speaker: "(Kari Vestby, chief economist at DNB Markets)".
_CAPTION_RE = re.compile(r"^\(([^\W\d_][^(),\n]{2,60})[,)]", re.M)


def _find_captions(story: _Story, out: list[tuple[int, int, int, str | None]]) -> None:
    if story.caseless or "\n(" not in story.text:
        return
    toks = story.toks
    for m in _CAPTION_RE.finditer(story.text):
        i = _token_at(toks, m.start(1))
        end = story.run_forward(i, 4, allow_person=True)
        if end - i >= 2 and toks.ends[end - 1] == m.end(1):
            out.append((i, end, 65, None))


_LIST_GAP_RE = re.compile(r"^(?:\s*\([^()\n]{1,20}\))?\s*(?:,\s*(?:and\s+|et\s+|y\s+|und\s+|и\s+)?"
                          r"|\s+(?:and|et|y|und|ve|и|e|i)\s+)$")
_MIN_LIST = 3
_LIST_REACH = 12  # words around a list separator looked at for the names of the list
# A cheap look for the shape before any work: two capitalised words, a list separator, two
# more ("Amina Rahimi, Tomasz Wielgosz", "Ivan Kostic (12, 58), Emre Tasdelen").
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞİŁŃŇŐŒŘŚŞŠŢŤŮŰŹŻŽА-ЯЁ"
_LIST_SHAPE_RE = re.compile(
    rf"[{_UPPER}]\w+[ -][{_UPPER}][\w-]*(?: \([^()\n]{{1,20}}\))?(?:,| and| und| et| y| ve| и| e| i) "
    rf"[{_UPPER}]\w+[ -][{_UPPER}]"
)
# Two names of two words each joined by "and" are a pair of people too ("trafen Jonas
# Hofmeister und Karim Adeyemi-Brandt").
_AND_RE = re.compile(r"\s(?:and|et|y|und|ve|и|e|i)\s")


def _find_name_lists(story: _Story, out: list[tuple[int, int, int, str | None]]) -> None:
    """Three or more names of two or three capitalised words in a row, joined by commas and
    "and" ("Amina Rahimi, Tomasz Wielgosz and Hugo Ferrand"; scorers with their minutes,
    "Ivan Kostic (12, 58), Emre Tasdelen (66)"): people, though no cue names them."""
    if story.caseless:
        return
    toks, words = story.toks, story.toks.words
    # only around the places the list shape occurs: a list is a few names long
    reach: list[tuple[int, int]] = []
    for hit in _LIST_SHAPE_RE.finditer(story.text):
        low = max(0, _token_at(toks, hit.start()) - _LIST_REACH)
        high = min(story.n, _token_at(toks, hit.end()) + _LIST_REACH)
        if reach and low <= reach[-1][1]:
            reach[-1] = (reach[-1][0], high)
        else:
            reach.append((low, high))
    if not reach:
        return
    runs: list[tuple[int, int]] = []
    owner = story.owner
    after = 0
    for k in (k for low, high in reach for k in range(low, high)):
        if k < after or owner[k] >= 0 or not _is_name_word(words[k]):
            continue
        end = story.run_forward(k, 4, allow_person=True)
        if end - k >= 2 and all(owner[x] < 0 or PERSON in story.kinds_at(x) for x in range(k, end)):
            runs.append((k, end))
        after = end
    if len(runs) < 2:
        return
    group: list[tuple[int, int]] = []
    paired = False  # the last two runs are joined by "and"
    for run in [*runs, (story.n, story.n)]:
        gap = toks.text[toks.ends[group[-1][1] - 1]:toks.starts[run[0]]] if group and run[0] < story.n else ""
        if group and _LIST_GAP_RE.match(gap):
            group.append(run)
            paired = bool(_AND_RE.search(gap))
            continue
        if len(group) >= _MIN_LIST or (len(group) == 2 and paired and all(j - i <= 3 for i, j in group)):
            first, second = group[0], group[1]
            size = second[1] - second[0]
            if first[1] - first[0] > size and story.sentence_start(first[0]) == first[0]:
                group[0] = (first[1] - size, first[1])  # "Photographers Amina Rahimi, ..."
            out.extend((i, j, 60, None) for i, j in group if 2 <= j - i <= 3)
        group = [run]


# Words that open a list of names in Arabic copy: "كل من" (each of), "بينهم" (among them),
# "رجال الأعمال" (the businessmen) ...; the names after them are joined by the clitic "و".
_AR_LIST_PHRASES = ("كل من", "بينهم", "وهم", "رجال الأعمال", "اللاعبين", "اللاعبون", "الوزراء")
_AR_LIST_OPENERS = tuple(tuple(fold(w) for w in phrase.split()) for phrase in _AR_LIST_PHRASES)
_AR_LIST_FIRST = frozenset(o[0] for o in _AR_LIST_OPENERS)
_AR_AND = "و"


def _arabic_name_lists(story: _Story, acc: _AccFn) -> None:
    """Two or more Arabic names after a list opener, the second and later ones written with
    "و" ("كل من سالم الدوسري ومالكوم فيليبي وعبد الله الحمدان"): people."""
    if not any(phrase in story.text for phrase in _AR_LIST_PHRASES):
        return
    toks, words = story.toks, story.toks.words
    folded = [fold(w) for w in words]
    for k in [k for k, w in enumerate(folded) if w in _AR_LIST_FIRST]:
        opener = next((o for o in _AR_LIST_OPENERS if tuple(folded[k:k + len(o)]) == o), None)
        if opener is None:
            continue
        names: list[tuple[int, int]] = []
        j = k + len(opener)
        while j < story.n and len(names) < _AR_MAX_LIST:
            if names and not (
                story.tight(j - 1) and folded[j].startswith(_AR_AND) and len(folded[j]) > 2
            ):
                break
            end = story.arabic_name(j) if not names else _arabic_name_after_and(story, j)
            if end - j < 2:
                break
            names.append((j, end))
            j = end
        if len(names) < 2:
            continue
        for number, (i, j) in enumerate(names):
            parts = list(words[i:j])
            if number:
                parts[0] = parts[0][len(_AR_AND):]
            spelling = " ".join(parts)
            key = ("p", *(min(name_token_keys(w, story.lang)) for w in parts))
            a = acc(PERSON, key, toks.starts[i])
            a.add(spelling, 60, toks.starts[i])
            a.full = True


_AR_MAX_LIST = 8


def _arabic_name_after_and(story: _Story, j: int) -> int:
    """End of an Arabic name whose first word carries the clitic "و" ("وفهد القحطاني")."""
    words = story.toks.words
    first = fold(words[j])[len(_AR_AND):]
    if not first or first.startswith("ال") or first in _AR_STOP or not story.free(j):
        return j
    if first == "عبد" and j + 2 < story.n:  # "وعبد الله الحمدان"
        return j + 3 if story.tight(j) and story.tight(j + 1) else j
    return j + 2 if j + 1 < story.n and story.tight(j) and story.free(j + 1) else j


def _after_locative(story: _Story, i: int) -> bool:
    """Word i follows "in"/"at"/"в" (an article between allowed)."""
    words = story.toks.words
    for k in (i - 1, i - 2):
        if k < 0:
            return False
        folded = fold(words[k])
        if folded in _LOCATIVES:
            return True
        if folded not in ("the", "le", "la", "l", "el", "der", "dem"):
            return False
    return False


def _trim_name(story: _Story, i: int, j: int) -> int:
    """Where the personal name in the capitalised run i..j starts: not at an acronym
    ("SMN Valeria Gómez"), and in Russian three words without a patronymic in the middle
    are an organisation's genitive and a name ("Гидрометцентра Анна Ковалева")."""
    words = story.toks.words
    if j - i >= 3 and len(words[i]) > 1 and words[i].isupper():
        i += 1
    if story.lang == "ru" and j - i >= 3 and not fold(words[i + 1]).endswith(
        ("вич", "вна", "ична", "ич")
    ) and story.gap_before(j - 1) != "-":  # "Александр Козлов-Новиков": a double surname
        i = j - 2
    return i


def _candidate_words(story: _Story, surname_of: dict[str, _Acc]) -> list[int]:
    """Indexes of words that may be one of these surnames: found with one regex over the
    text (the stems as prefixes), not a Python loop over every word."""
    prefixes = set()
    for a in surname_of.values():
        for spelling in a.spellings or ([a.entry.name] if a.entry else []):
            last = WORD_RE.findall(spelling)[-1:] if spelling else []
            if last:
                word = last[0]
                prefixes.add(word[: max(3, len(word) - 2)])
    if not prefixes:
        return []
    pattern = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    text = story.text
    # A word start is checked after the match, not by a look-behind in the pattern: that
    # lets the regex engine skip ahead to the prefixes' first letters. (The prefixes are
    # letters only, so a match inside a word never hides one at a word start.)
    found = re.finditer(f"(?:{pattern})", text)
    return sorted({
        _token_at(story.toks, at) for m in found
        if not ((at := m.start()) and text[at - 1].isalnum())
    })


def _dateline_span(text: str) -> int:
    """Offset where the dateline (with its agency) ends in the first lines, else 0."""
    from newswire.enrich.dateline import parse_dateline

    offset = 0
    for line_no, line in enumerate(text.split("\n", 4)[:4]):
        # an agency is written in brackets or slashes: other lines need no parsing
        if line_no >= 1 and ("(" in line or "/" in line):
            found = parse_dateline(line)
            if found is not None and found.source:
                return offset + len(line) - len(found.remainder)
        offset += len(line) + 1
    return 0


def _find_cue_orgs(story: _Story, acc: _AccFn, skip_until: int) -> None:
    toks, words = story.toks, story.toks.words
    lang = story.lang
    spans: list[tuple[int, int, int]] = []
    canonical: dict[tuple[int, int], str] = {}
    for m, cued in story.cued:
        cues = [p for p in cued if p.kind in ("org_end", "org_start")]
        if not cues or any(isinstance(p, _VocabName) for p in m.payloads):
            continue
        if cues[0].kind == "org_end":
            start = m.start
            while start > 0 and (
                story.tight(start - 1) or story.ampersand(start - 1) or story.plural_possessive(start - 1)
            ):
                prev = words[start - 1]
                # not across a connector into another organisation's head ("Gates
                # Foundation and Procter & Gamble Company" are two)
                # German capitalises every noun: "Pult der Wiener Philharmoniker" is not one
                # name, so no connector is crossed there.
                if _is_name_word(prev) or story.initial(start - 1) or prev == "New" or (
                        _cased(prev) and "place" in story.kinds_at(start - 1)) or (
                        fold(prev) in _CONNECTORS and start - 2 >= 0
                                           and lang != "de"
                                           and _is_name_word(words[start - 2])
                                           and story.tight(start - 2)
                                           and "org_end" not in story.kinds_at(start - 2)):
                    start -= 1
                else:
                    break
            while start < m.start and not (
                _is_name_word(words[start]) or story.initial(start) or words[start] == "New"
            ):
                start += 1
            end = m.end
            # "Bank of England", "Ministry of Foreign Affairs"
            if end + 1 < story.n and fold(words[end]) in ("of", "for") and story.tight(end - 1):
                stop = story.run_forward(end + 1, 4)
                if stop > end + 1:
                    end = stop
            if end - start >= 2 or (start < m.start):
                spans.append((start, end, 70))
                if end == m.end and fold(words[m.end - 1]) != fold(cues[0].word.split()[-1]):
                    canonical[(start, end)] = (
                        toks.text[toks.starts[start]:toks.starts[m.end - 1]] + cues[0].word.split()[-1]
                    )
        else:
            start, end = m.start, m.end
            if story.caseless:
                end = _arabic_org_tail(story, end)
            elif lang == "ru":
                end = _russian_org_tail(story, end)
                start = _ru_org_head_start(story, start)
                if not any(_cased(w) for w in words[start:end]):
                    continue  # "совета директоров", "пресс-службе музея": no name
            else:
                if lang == "bs":
                    start = _bs_org_head_start(story, start)
                    if not _cased(words[start]):
                        # names open with a capital ("Upravno vijeće", "Ministarstvo"): a
                        # lower-case head is a common noun ("skupština Hrvatske turističke ...")
                        continue
                end = _romance_org_tail(story, end)
                if not any(_cased(w) for w in words[start:end]):
                    continue
            if end - start >= 2 or (words[start].isupper() and len(words[start]) >= 3):
                spans.append((start, end, 65 if _cased(words[start]) or story.caseless else 55))
    spans.extend(_media_and_club_spans(story))
    if lang == "de":
        for k, word in enumerate(words):
            if not _cased(word) or not story.free(k):
                continue
            folded = fold(word)
            if folded.endswith(_DE_ORG_SUFFIXES) and any(
                folded.endswith(s) and len(folded) > len(s) + 2 for s in _DE_ORG_SUFFIXES
            ):
                start = k
                if k > 0 and story.tight(k - 1) and _cased(words[k - 1]) and fold(
                    words[k - 1]
                ).endswith(("e", "er", "es", "en")) and fold(words[k - 1]) not in _STOP_FOLDED:
                    start = k - 1
                spans.append((start, k + 1, 60))
    if lang == "ru":
        for gm in _RU_GUILLEMET_RE.finditer(story.text):
            inner = gm.group(1).strip()
            if len(inner.split()) > 3 or not inner[:1].isupper():
                continue
            i = _token_at(toks, gm.start(1))
            j = _token_at(toks, gm.end(1) - 1) + 1
            prev = fold(words[i - 1]) if i > 0 else ""
            after = story.text[gm.end(): gm.end() + 2]
            if prev in _RU_ORG_NOUNS:
                spans.append((i, j, 65))
            elif (
                prev not in _RU_THING_NOUNS and len(inner.split()) <= 2 and not after.startswith("-")
                and "-" not in inner and not any(c.isdigit() for c in inner)
            ):
                spans.append((i, j, 55))
    taken: list[tuple[int, int]] = []
    for start, end, confidence in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if toks.starts[start] < skip_until or any(a < end and start < b for a, b in taken):
            continue
        taken.append((start, end))
        name = canonical.get((start, end)) or toks.span(start, end).strip("«»\"' ")
        if story.caseless and fold(words[start])[:1] in "وفبلك":
            name = _strip_ar_clitic(words[start]) + name[len(words[start]):]
        key = ("o", *_person_key(story, start, end))
        a = acc(ORGANISATION, key, toks.starts[start])
        a.add(name, confidence, toks.starts[start])
    story.add_org_spans(taken)


def _media_and_club_spans(story: _Story) -> list[tuple[int, int, int]]:
    """Names after a media/club noun ("the daily Gazeta Wyborcza", "el diario Clarín") and a
    club before a sport role and a person ("Galatasaray coach Mehmet Aydinli")."""
    words = story.toks.words
    out: list[tuple[int, int, int]] = []
    cues = [(m, p) for m, cued in story.cued for p in cued if (
        p.kind == "org_before" or p.word in _WORKPLACE_TITLE_WORDS or p.word in _CLUB_ROLE_WORDS
    )]
    for m, p in cues:
        if story.caseless and m.end < story.n and story.tight(m.end - 1):
            # "فريق الهلال", "مدرب الهلال خورخي خيسوس": the definite word after the noun
            if fold(words[m.end]).startswith("ال") and story.free(m.end):
                out.append((m.end, m.end + 1, 55))
            continue
        if p.kind == "org_before" and m.end < story.n and story.tight(m.end - 1):
            # an article that is part of the name: "el diario El País"
            first = m.end + (fold(words[m.end]) in _ARTICLES and _cased(words[m.end]))
            end = story.run_forward(first, 4, allow_person=False)
            if end > first:
                out.append((m.end, end, 60))
        elif p.kind == "title" and p.word in _WORKPLACE_TITLE_WORDS and m.end + 1 < story.n:
            # "an economist at Rabobank", "analyste chez Natixis": the employer
            # "head of commodities research at Lindqvist Capital": "at" a few words on
            at = next((k for k in range(m.end, min(story.n - 1, m.end + 5))
                       if fold(words[k]) in _AT_WORK), None)
            if at is not None and all(story.tight(k) for k in range(m.end - 1, at + 1)):
                end = story.run_forward(at + 1, 4, allow_person=False)
                if end > at + 1:
                    out.append((at + 1, end, 60))
        elif p.kind == "title" and p.word in _CLUB_ROLE_WORDS and m.start > 0:
            start = story.run_backward(m.start, 2)
            if (
                start < m.start and story.run_forward(m.end) - m.end >= 2
                and not any(story.kinds_at(k) for k in range(start, m.start))
            ):
                out.append((start, m.start, 60))
    if story.lang == "en":
        out.extend(_named_by_kind(story))
    if not _RESULT_VERB_WORDS.isdisjoint(words):  # verbs are written in lower case
        out.extend(_teams(story))
    if story.lang == "tr":
        # Turkish clubs named "<Town>spor": "Trabzonspor", "Kasımpaşaspor"
        for k, word in enumerate(words):
            if len(word) > 6 and word.endswith("spor") and _cased(word) and story.free(k):
                out.append((k, k + 1, 60))
    if story.lang == "en" and " The " in story.text:
        # "The" capitalised inside a sentence opens a title: "the editor of The Guardian"
        for hit in _MID_THE_RE.finditer(story.text):
            k = _token_at(story.toks, hit.start(1))
            end = story.run_forward(k + 1, 3, allow_person=False)
            if end > k + 1 and story.free(k + 1):
                out.append((k, end, 55))
    return out


# Lower-case nouns that say what kind of organisation a name stands for: "the FNV union",
# "the employers' association, Deltalinqs, said".
_ORG_KIND_NOUNS = frozenset({
    "union", "association", "party", "company", "group", "regulator", "operator", "airline",
    "lender", "insurer", "carrier", "federation", "watchdog", "consortium", "firm",
})
_KIND_ARTICLES = frozenset({"the", "its", "a", "an"})


def _named_by_kind(story: _Story) -> list[tuple[int, int, int]]:
    """An acronym right before a kind noun ("the FNV union"), or a name set off by commas
    right after one ("the employers' association, Deltalinqs, said")."""
    toks, words = story.toks, story.toks.words
    out: list[tuple[int, int, int]] = []
    if _ORG_KIND_NOUNS.isdisjoint(words):
        return out
    for noun in [k for k, word in enumerate(words) if word in _ORG_KIND_NOUNS]:
        # an article at most three words before: "the FNV union", "the employers' association"
        if not any(words[k].lower() in _KIND_ARTICLES for k in range(max(0, noun - 3), noun)):
            continue
        before = noun - 1
        if before >= 0 and words[before].isupper() and len(words[before]) >= 2 and story.free(before) \
                and story.tight(before):
            out.append((before, noun, 55))
            continue
        if story.gap_before(noun + 1 if noun + 1 < story.n else noun) == ", " and noun + 1 < story.n:
            end = story.run_forward(noun + 1, 4, allow_person=False)
            if end > noun + 1 and toks.text.startswith(",", toks.ends[end - 1]) and not any(
                story.kinds_at(k) for k in range(noun + 1, end)
            ):
                out.append((noun + 1, end, 55))
    return out


def _teams(story: _Story) -> list[tuple[int, int, int]]:
    """The teams around a result verb in a sentence with a score: not places (national
    teams are not organisations) and not people."""
    toks, words = story.toks, story.toks.words
    out: list[tuple[int, int, int]] = []
    for k in [k for k, word in enumerate(words) if word in _RESULT_VERB_WORDS]:
        s = story.sentence_start(k)
        sentence_end = toks.text.find(".", toks.ends[k])
        sentence = toks.text[toks.starts[s]:sentence_end if sentence_end > 0 else len(toks.text)]
        if not _SCORE_RE.search(sentence):
            continue
        candidates = [(story.run_backward(k, 3), k)]  # the subject, right before the verb
        for t in range(k + 1, min(story.n, k + 7)):  # the object, a few words after it
            if "\n" in story.gap_before(t) or _SENTENCE_GAP_RE.search(story.gap_before(t)):
                break
            if _is_name_word(words[t]) and story.free(t) and not (
                words[t].isupper() and len(words[t]) <= 3  # "ХК «Ак Барс»"
            ):
                candidates.append((t, story.run_forward(t, 3, allow_person=False)))
                break
        for i, j in candidates:
            if j > i and not any(story.kinds_at(x) for x in range(i, j)) and not _hyphen_only(
                story, i, j
            ) and not toks.text.startswith("-", toks.ends[j - 1]):  # "Sarı-lacivertliler"
                out.append((i, j, 55))
    return out


_MID_THE_RE = re.compile(r"[a-z,] (The) (?=[A-Z])")


def _strip_ar_clitic(word: str) -> str:
    for cue in _ORG_START["ar"]:
        if word.endswith(cue) and len(word) > len(cue):
            return cue
    return word


def _token_at(toks: Tokens, offset: int) -> int:
    """The last word starting at or before ``offset`` (0 when there is none)."""
    return max(0, bisect_right(toks.starts, offset) - 1)


def _arabic_org_tail(story: _Story, end: int) -> int:
    words = story.toks.words
    definite = fold(words[end - 1]).startswith(("ال", "وال"))
    k = end
    while k < story.n and k - end < 6 and story.tight(k - 1):
        word = fold(words[k])
        kinds = story.kinds_at(k)
        if word in _AR_STOP or kinds & {"title", PERSON, "say"}:
            break
        if word.startswith(("ال", "وال", "لل")):
            k += 1
            continue
        if (word.startswith("ل") or word.startswith("و")) and k + 1 < story.n and fold(
            words[k + 1]
        ).startswith("ال") and k > end:
            k += 1
            continue
        if k == end and not definite and len(word) > 2:
            k += 1  # construct state: "هيئة تنمية الصادرات", "بنك قطر"
            continue
        break
    if definite and k - end < 2:
        return end
    return k


_RU_GEN_ENDINGS = ("ы", "и", "а", "я", "ого", "его", "ой", "ей", "ых", "их", "ов", "ев", "дел")
_RU_VERB_ENDINGS = ("ла", "ло", "ли", "ет", "ит", "ют", "ят", "ал", "ил", "ел", "ся", "сь")


def _russian_org_tail(story: _Story, end: int) -> int:
    """The genitive chain after a Russian head, kept whole: "Институт экономики транспорта
    и транспортной политики Высшей школы экономики"."""
    words = story.toks.words
    k = end

    def genitive(at: int) -> bool:
        folded = fold(words[at])
        return (
            at < story.n and not _cased(words[at]) and folded not in _STOP_FOLDED
            and not folded.endswith(_RU_VERB_ENDINGS) and folded.endswith(_RU_GEN_ENDINGS)
        )

    while k < story.n and k - end < 9 and story.tight(k - 1):
        word = words[k]
        folded = fold(word)
        kinds = story.kinds_at(k)
        if "place" in kinds:
            k = story.matches[story.owner[k]].end  # "Российской Федерации", whole
            break
        if folded == "и" and k > end and k + 1 < story.n and story.tight(k) and genitive(k + 1):
            k += 1  # "... транспорта и транспортной политики"
            continue
        if folded in _STOP_FOLDED or folded.endswith(_RU_VERB_ENDINGS):
            break
        if genitive(k):
            k += 1
            continue
        if (  # a capitalised genitive adjective before a genitive noun: "Высшей школы"
            k > end and _cased(word) and folded.endswith(_RU_GEN_ENDINGS)
            and k + 1 < story.n and story.tight(k) and genitive(k + 1)
        ):
            k += 1
            continue
        break
    return k


_LATIN_ADJ_ENDINGS: tuple[str, ...] = (
    "ère", "ères", "ique", "iques", "al", "ale", "ales", "aux", "ain", "aine", "ien", "ienne",
    "ais", "aise", "aire", "aires", "if", "ive", "elle", "ée", "ées", "ano", "ana", "ico",
    "ica", "ista", "nal", "eo", "ea", "ski", "ska", "sko", "čki", "čka", "čko", "ni", "na",
)
_LATIN_ADJ_ENDINGS = tuple(dict.fromkeys(fold(e) for e in _LATIN_ADJ_ENDINGS))


_CONJUNCTIONS = frozenset(["et", "y", "i", "e", "and", "und", "ve", "и"])


def _romance_org_tail(story: _Story, end: int) -> int:
    """Words after an organisation head in fr/es/bs: capitalised words, connectors, a noun
    right after the head or a connector, adjectives ("Institut national de la statistique")."""
    words = story.toks.words
    k = end
    last_good = end
    lower_ok = story.lang == "bs"
    lower_noun = False  # the last word taken was a lower-case noun ("turizma")
    while k < story.n and k - end < 8 and story.tight(k - 1):
        word = words[k]
        folded = fold(word)
        kinds = story.kinds_at(k)
        if kinds & {"title", "say", "say_after", PERSON} and not (
            # "Vijeće ministara": a lower-case title noun as the head's genitive complement
            k == end and lower_ok and kinds == {"title"} and not _cased(word)
        ):
            break
        if folded in _CONNECTORS:
            k += 1
            # "Ministarstvo turizma i sporta": a conjunction joins a second noun like the first
            lower_ok = folded not in _CONJUNCTIONS or lower_noun
            lower_noun = False
            continue
        if folded in _STOP_FOLDED:
            break
        if k > end and _cased(word) and not _cased(words[k - 1]) and fold(
            words[k - 1]
        ) not in _CONNECTORS and _person_follows(story, k):
            break  # "Predsjedavajući Vijeća ministara Mirza Kovačević": the name is not part
        if _cased(word) or lower_ok or folded.endswith(_LATIN_ADJ_ENDINGS):
            lower_noun = lower_ok and not _cased(word) and not folded.endswith(_LATIN_ADJ_ENDINGS)
            k += 1
            last_good = k
            lower_ok = False
            continue
        break
    return last_good


def _ru_org_head_start(story: _Story, start: int) -> int:
    """Two or more adjectives, the first capitalised, before a lower-case Russian head are
    part of the name: "Объединённая авиастроительная корпорация"."""
    words = story.toks.words
    if _cased(words[start]):
        return start
    k = start
    while k > 0 and start - k < 3 and story.tight(k - 1) and story.free(k - 1):
        prev = fold(words[k - 1])
        if prev in _STOP_FOLDED or not prev.endswith(_RU_ADJ_ENDINGS) or prev.endswith(
            ("ние", "тие")  # "заседание совета": a verbal noun, not an adjective
        ):
            break
        k -= 1
        if _cased(words[k]):
            return k if start - k >= 2 else start
    return start


def _person_follows(story: _Story, k: int) -> bool:
    """Words k and k+1 are capitalised, tight and no place: a personal name."""
    words = story.toks.words
    return (
        k + 1 < story.n and _is_name_word(words[k]) and _is_name_word(words[k + 1])
        and story.tight(k) and not (story.kinds_at(k) | story.kinds_at(k + 1)) & {"place", "adj"}
    )


def _bs_org_head_start(story: _Story, start: int) -> int:
    """Adjectives before a Bosnian/Croatian head: "Državni zavod", "Hrvatska turistička
    zajednica"."""
    words = story.toks.words
    k = start
    while k > 0 and start - k < 2 and story.tight(k - 1):
        prev = words[k - 1]
        if fold(prev).endswith(_LATIN_ADJ_ENDINGS) and fold(prev) not in _STOP_FOLDED:
            k -= 1
        else:
            break
    while k < start and not _cased(words[k]):
        k += 1
    return k


def _find_acronyms(
    story: _Story, acc: _AccFn, accs: dict[tuple[str, ...], _Acc]
) -> dict[str, _Acc]:
    """"Long Name (ACRO)": the expansion is the organisation; returns acronym -> entity."""
    toks, words = story.toks, story.toks.words
    found: dict[str, _Acc] = {}
    text = story.text
    for m in _ACRONYM_RE.finditer(text):
        acro = m.group(1)
        letters = [c for c in acro if c.isalpha()]
        if len(letters) < 2:
            continue
        # An acronym written as a word ("Cedeao", "Unesco") must spell its expansion.
        as_word = sum(1 for c in letters if c.isupper()) < 2
        if as_word and not (len(letters) >= 4 and acro.istitle() and acro.isalpha()):
            continue
        end = _token_at(toks, m.start()) + 1
        if end <= 0 or toks.ends[end - 1] > m.start():
            end -= 1
        if end <= 0:
            continue
        start = _expansion_start(story, end, fold("".join(letters)))
        from_cue = False
        if start is None and as_word:
            continue
        if start is None:
            # A translated expansion found by its head word: "Uluslararası Basketbol
            # Federasyonu (FIBA)".
            start = next((a for a, b in story.org_spans if b == end), None)
            from_cue = start is not None
            if start is None:
                continue
        expansion = toks.span(start, end)
        heads = {fold(w) for w in words[start:end]}
        vocab_entry = None
        for k in range(start, end):
            for p in story.matches[story.owner[k]].payloads if story.owner[k] >= 0 else ():
                if isinstance(p, _VocabName) and p.entry.kind == ORGANISATION:
                    vocab_entry = p.entry
        acro_tok = _token_at(toks, m.start(1))
        acro_vocab = [
            p.entry for p in (story.matches[story.owner[acro_tok]].payloads
                              if story.owner[acro_tok] >= 0 else ())
            if isinstance(p, _VocabName) and p.entry.kind == ORGANISATION
        ]
        if vocab_entry is None and acro_vocab:
            vocab_entry = acro_vocab[0]
        if vocab_entry is None and not (heads & _ORG_HEADS):
            continue
        if any(
            "place" in story.kinds_at(k) and story.matches[story.owner[k]].start == start
            and story.matches[story.owner[k]].end == end for k in range(start, end)
        ):
            continue
        if from_cue:
            a = acc(ORGANISATION, ("o", *_person_key(story, start, end)), toks.starts[start])
            if acro_vocab:
                a.uri = acro_vocab[0].uri
                story.absorbed[id(acro_vocab[0])] = a
        elif vocab_entry is not None:
            a = acc(ORGANISATION, ("v", str(id(vocab_entry))), toks.starts[start])
            a.entry, a.uri = vocab_entry, vocab_entry.uri
        else:
            a = acc(ORGANISATION, ("o", *_person_key(story, start, end)), toks.starts[start])
        if not from_cue and expansion not in a.spellings:
            a.add(expansion, 85, toks.starts[start])
        else:
            a.confidence = max(a.confidence, 80)
        a.literal = acro
        found[acro] = a
        # Drop a cue-made organisation that was only part of this expansion.
        for key, other in list(accs.items()):
            if other is not a and other.kind == ORGANISATION and other.entry is None and any(
                s in expansion for s in other.spellings
            ):
                del accs[key]
        story.add_org_spans([(start, end)])
    # Later (and earlier) mentions of a defined acronym.
    for acro, a in found.items():
        # The acronym first, then "no letter or digit before it" as a look-behind over it:
        # the same matches, and the regex engine can skip to the acronym's first letter.
        escaped = re.escape(acro)
        for hit in re.finditer(rf"{escaped}(?<![^\W_]{escaped})(?![^\W_])", story.text):
            k = _token_at(story.toks, hit.start())
            if story.free(k) and not story.gap_before(k).endswith("("):
                a.mentions += 1
    return found


def _expansion_start(story: _Story, end: int, acro: str) -> int | None:
    words = story.toks.words
    lowest = end - 1
    while lowest > 0 and end - lowest < 12 and story.tight(lowest - 1):
        lowest -= 1
    for start in range(end - 1, lowest - 1, -1):
        first = words[start]
        if fold(first) in _CONNECTORS or not (story.caseless or _cased(first)):
            continue
        folded = [fold(w) for w in words[start:end]]
        if folded[0][:1] != acro[:1]:
            continue
        if _fits(acro, folded):
            return start
    return None


def _fits(acro: str, words: Sequence[str]) -> bool:
    """Each significant word gives the acronym at least its first letter (in order);
    connectors may give theirs or nothing."""

    @cache
    def go(ai: int, wi: int) -> bool:
        if wi == len(words):
            return ai == len(acro)
        word = words[wi]
        connector = word in _CONNECTORS
        if connector and go(ai, wi + 1):
            return True
        if ai >= len(acro) or word[:1] != acro[ai]:
            return False
        # take the first letter, then optionally more letters of the same word in order
        pos = 1
        a = ai + 1
        if go(a, wi + 1):
            return True
        while a < len(acro):
            found = word.find(acro[a], pos)
            if found < 0:
                break
            pos, a = found + 1, a + 1
            if go(a, wi + 1):
                return True
        return False

    return go(0, 0)


def _find_people(story: _Story, out: list[tuple[int, int, int, str | None]]) -> None:
    toks, words, lang = story.toks, story.toks.words, story.lang
    for m, cues in story.cued:
        if len(cues) != len(m.payloads):
            continue
        # a word can be two cues ("مدرب": a title, and the noun a club's name follows)
        cue = next((c for c in cues if c.kind in ("title", "say", "say_after")), cues[0])
        if cue.kind == "title":
            title = fold(cue.word)
            j = m.end
            if story.caseless:
                if j >= story.n or not story.tight(j - 1):
                    continue
                skipped = 0
                while j < story.n and skipped < 5 and story.tight(j - 1):
                    w = fold(words[j])
                    if w.startswith(("ال", "وال", "لل", "بال")) or "place" in story.kinds_at(j) or (
                        "adj" in story.kinds_at(j) or "title" in story.kinds_at(j)
                        or w in ("باسم", "مجلس", "إدارة", "عام")
                    ) or ORGANISATION in story.kinds_at(j):
                        j += 1
                        skipped += 1
                        continue
                    break
                if j < story.n and not story.tight(j - 1):
                    continue  # "وزير الطاقة الأردني: مشروع الربط": no name across the colon
                end = story.arabic_name(j)
                if end - j >= 2:
                    out.append((j, end, 75, title))
                elif end - j == 1:
                    out.append((j, end, 60, title))
                continue
            end = story.run_forward(j)
            if end > j:
                out.append((j, end, 75 if end - j >= 2 else 60, title))
                continue
            # skip a portfolio or place: "президент России Владимир Путин",
            # "руководитель дирекции ... Владимир Панов", "ministre des Affaires étrangères X"
            k = j
            limit = min(story.n, j + 7)
            before = len(out)
            while k < limit:
                if k > j and not story.tight(k - 1) and toks.text[
                    toks.ends[k - 1]:toks.starts[k]
                ].strip(" «»\"“”„,"):
                    break
                kinds = story.kinds_at(k)
                if kinds - {"adj", "place", ORGANISATION, PERSON} == set() and kinds:
                    if PERSON in kinds:
                        out.append((k, k + 1, 75, title))
                        break
                    k = story.matches[story.owner[k]].end
                    continue
                if fold(words[k]) in _NOT_ACROSS:
                    break  # "economist at DNB Markets": the name is not after "at"
                if _is_name_word(words[k]):
                    end = story.run_forward(k)
                    first_ok = not (lang == "ru" and fold(words[k]).endswith(_RU_ADJ_ENDINGS))
                    if end - k >= 2 and first_ok:
                        # "secretario de Estado de Empleo, Lucía Morales": the portfolio, then
                        # the name after the comma
                        after = story.run_forward(end) if end < story.n else end
                        if after - end >= 2 and toks.text[toks.ends[end - 1]:toks.starts[end]] == ", ":
                            k, end = end, after
                        out.append((k, end, 70, title))
                        break
                    k = k + 2 if not first_ok else max(end, k + 1)
                    continue
                if toks.text[toks.ends[k - 1] if k else 0:toks.starts[k]].strip(" ,«»\"") and k > j:
                    break
                k += 1
            if len(out) == before:
                _name_after_portfolio(story, j, title, out)
        elif cue.kind in ("say", "say_after"):
            # speaker after: "said Laura Whitfield", "заявил Путин", "قال ..."
            j = m.end
            if lang in ("bs",) and j < story.n and fold(words[j]) in ("je", "su"):
                j += 1
            if story.caseless:
                if m.start > 0 and fold(words[m.start - 1]) == "قد":
                    continue  # "وكانت الحكومة قد أعلنت اختيار التحالف": the subject came first
                if j < story.n and story.tight(j - 1) and "title" not in story.kinds_at(j):
                    end = story.arabic_name(j)
                    if end > j:
                        out.append((j, end, 65, None))
                    elif j < story.n and fold(words[j]).startswith("ال") and story.free(j) and (
                        fold(words[j]) not in _AR_STOP
                    ):
                        out.append((j, j + 1, 50, None))
                continue
            if (j < story.n and story.tight(j - 1)) or (
                j < story.n and toks.text[toks.ends[j - 1]:toks.starts[j]] in (" ", ", ")
            ):
                end = story.run_forward(j)
                if end > j:
                    out.append((j, end, 65, None))
                    continue
            if cue.kind == "say_after":
                continue
            # speaker before: "Bell said", "Путин заявил", "Macron a déclaré"
            i = m.start
            if lang == "bs" and i > 0 and fold(words[i - 1]) in ("je", "su"):
                i -= 1
            if i > 0 and (story.tight(i - 1) or lang == "tr"):
                start = story.run_backward(i)
                if start < i:
                    out.append((start, i, 65, None))
            if lang == "tr":
                s = story.sentence_start(m.start)
                end = story.run_forward(s)
                if end > s and end < story.n and toks.text[toks.ends[end - 1]:toks.starts[end]] \
                        .startswith(","):
                    out.append((s, end, 60, None))
            elif i > 0 and not story.caseless and toks.text[toks.ends[i - 1]:toks.starts[i]].strip() == ",":
                _appositive_speaker(story, i, out)
                # "Tom Ellis, a professor at the University of Reading, said": the name opens
                # the sentence and an apposition between commas separates it from the verb.
                s = story.sentence_start(m.start)
                end = story.run_forward(s)
                if s < end < i and toks.text[toks.ends[end - 1]:toks.starts[end]].strip() == "," \
                        and fold(words[end]) not in _NOT_A_PERSON_CLAUSE:
                    out.append((s, end, 60, None))


def _name_after_portfolio(
    story: _Story, j: int, title: str, out: list[tuple[int, int, int, str | None]]
) -> None:
    """A title, its portfolio in any words, then the name set off by commas: "le président
    de l'ordre des médecins, Patrick Delcourt, estime"."""
    toks = story.toks
    for t in range(j + 1, min(story.n, j + 10)):
        gap = story.gap_before(t)
        if gap.strip(" '’-") == "":
            continue
        if gap != ", ":
            return
        end = story.run_forward(t, 3)
        after = toks.text[toks.ends[end - 1]:toks.ends[end - 1] + 1] if end > t else ""
        if end - t >= 2 and (end == story.n or after in (",", ".", "")):
            out.append((t, end, 65, title))
        return


def _appositive_speaker(story: _Story, i: int, out: list[tuple[int, int, int, str | None]]) -> None:
    """A name set off by commas before the verb at word i: "the editor of The Guardian,
    Helen Marsh, said" (the name just before the comma), and "…,” Dana Whitcombe, the
    agriculture secretary, said" (a name after a quote or a comma, then an apposition)."""
    toks = story.toks
    start = story.run_backward(i, 3)
    if i - start >= 2 and "," in story.gap_before(start) and not story.in_org(start, i):
        out.append((start, i, 60, None))
        return
    s = story.sentence_start(i)
    for t in range(i - 1, max(s, i - 10), -1):
        if story.gap_before(t).strip() != ",":
            continue
        start = story.run_backward(t, 3)
        gap = story.gap_before(start)
        if t - start >= 2 and start > s and any(c in gap for c in "\"”»'’,") and fold(
            toks.words[t]
        ) not in _NOT_A_PERSON_CLAUSE:
            out.append((start, t, 60, None))
        return


def _add_places(
    story: _Story,
    mentions: list[tuple[int, int, list[PlaceName]]],
    located: str | None,
    acc: _AccFn,
) -> None:
    toks, words = story.toks, story.toks.words
    kept: list[tuple[int, int, list[PlaceName]]] = []
    for i, j, names in mentions:
        if story.in_org(i, j) or toks.starts[i] < 0 or any(
            a < j and i < b for a, b in story.person_spans
        ):
            continue
        # "Israel Katz", "Jordan Bardella": a one-word place before an unknown capitalised
        # word is a first name (not in German, where every noun is capitalised).
        if (
            j - i == 1 and story.lang != "de" and j < story.n and story.tight(i)
            and toks.text[toks.ends[i]:toks.starts[j]] == " " and _is_name_word(words[j])
            and story.free(j) and not all(n.adjective for n in names)
        ):
            continue
        kept.append((i, j, names))
    context: dict[str, int] = {}
    for _i, _j, names in kept:
        countries = {n.place.country for n in names}
        if len(countries) == 1:
            c = next(iter(countries))
            context[c] = context.get(c, 0) + 1
    located_place: Place | None = None
    if located:
        candidates = gazetteer().lookup(located, story.lang)
        if not candidates:  # "ISTANBUL, Türkiye", "FRANKFURT/MAIN"
            head = re.split(r"[,/(]", located, maxsplit=1)[0].strip()
            candidates = gazetteer().lookup(head, story.lang) if head else []
        if candidates:
            located_place, _ = choose(candidates, context, for_dateline=True)
    by_pos: dict[int, Place] = {}
    for index, (i, j, names) in enumerate(kept):
        places = list(dict.fromkeys(n.place for n in names))
        adjacent = None
        for other in (kept[index - 1] if index else None,
                      kept[index + 1] if index + 1 < len(kept) else None):
            if other is None:
                continue
            oi, oj, onames = other
            gap = toks.text[toks.ends[oj - 1]:toks.starts[i]] if oj <= i else toks.text[
                toks.ends[j - 1]:toks.starts[oi]]
            if gap.strip() == "," and len({n.place.id for n in onames}) == 1:
                adjacent = onames[0].place
        if len(places) == 1:
            place, decided = places[0], False
        else:
            place, decided = choose(places, context, located_place, adjacent=adjacent)
        by_pos[i] = place
        adjective = all(n.adjective for n in names if n.place is place)
        if adjective or place.kind not in EMIT_PLACE_KINDS:
            continue
        own = [n.spelling for n in names if n.place is place and not n.adjective]
        # The vocabulary's spelling of the name as written ("Montréal" in a French story,
        # not the English "Montreal"), else its first one that matched (the base form of
        # an inflected "Москве").
        written = toks.span(i, j).lower()
        spelling = next((s for s in own if s.lower() == written), own[0] if own else None)
        if spelling is None:
            spelling = place.name_in(story.lang)
        confidence = 85 if len(places) == 1 else (80 if decided else 60)
        a = acc(PLACE, ("g", place.id), toks.starts[i])
        a.place, a.uri = place, place.uri
        a.add(spelling, confidence, toks.starts[i])
    if located_place is not None and located_place.kind in EMIT_PLACE_KINDS:
        a = acc(PLACE, ("g", located_place.id), -1)
        a.place, a.uri = located_place, located_place.uri
        spelling = _spelling_for(located_place, located, story.lang)
        if spelling is None:
            # the dateline is not a spelling of the place ("FRANKFURT/MAIN"): the story's own
            # spelling, else the vocabulary's name in its language
            spelling = _display(a.spellings) if a.spellings else located_place.name_in(story.lang)
        a.add(spelling, 95, -1)
        a.literal = DATELINE  # marks the rel; cleared in _finish


def _spelling_for(place: Place, written: str | None, lang: str | None) -> str | None:
    """The vocabulary's spelling of a place as the dateline writes it: the same letters in
    any case ("WIEN" -> "Wien"), else one equal once folded (the story's language's first),
    else None."""
    if not written:
        return None
    written = written.strip()
    spellings = [s for names in place.names.values() for s in names]
    low = written.lower()
    for s in spellings:
        if s.lower() == low:
            return s
    target = fold(written)
    for s in (*place.names.get(norm_lang(lang) or "", ()), *spellings):
        if fold(s) == target:
            return s
    return None


def _finish(story: _Story, accs: dict[tuple[str, ...], _Acc]) -> Entities:
    people: list[tuple[int, Entity]] = []
    orgs: list[tuple[int, Entity]] = []
    places: list[tuple[int, Entity]] = []
    lang = story.lang
    for a in accs.values():
        if not a.spellings:
            continue
        boost = min(9, 3 * (a.mentions - 1))
        confidence = min(99, a.confidence + boost)
        if a.kind == PERSON:
            if a.entry is None and not a.full:
                continue
            name = _display([s for s in a.spellings if len(s.split()) >= 2] or a.spellings)
            if a.entry is not None:
                name = _vocab_display(a.entry, a.spellings, lang)
            people.append((a.first, Entity(
                PERSON, name, a.uri, confidence, MENTIONED, None,
                tuple(sorted(set(a.spellings) - {name})), a.mentions, tuple(sorted(a.titles)),
            )))
        elif a.kind == ORGANISATION:
            if a.entry is not None:
                name = _vocab_display(a.entry, a.spellings, lang)
                if a.literal and a.literal != name and len(a.literal) < len(name):
                    literal: str | None = a.literal
                else:
                    literal = None
                    long_forms = [s for s in a.spellings if len(s) > len(name)]
                    if long_forms and name.isupper():
                        literal, name = name, _display(long_forms)
            else:
                name = _display(a.spellings)
                literal = a.literal
            orgs.append((a.first, Entity(
                ORGANISATION, name, a.uri, confidence, MENTIONED, literal,
                tuple(sorted(set(a.spellings) - {name})), a.mentions,
            )))
        else:
            rel = DATELINE if a.literal == DATELINE else MENTIONED
            seen = a.spellings[:-1] if rel == DATELINE and len(a.spellings) > 1 else a.spellings
            name = a.spellings[-1] if rel == DATELINE else _display(seen)
            if rel == DATELINE:
                confidence = 95
            places.append((a.first, Entity(
                PLACE, name, a.uri, confidence, rel, None,
                tuple(sorted(set(a.spellings) - {name})), a.mentions, (), a.place,
            )))
    return Entities(
        tuple(e for _, e in sorted(people, key=lambda x: x[0])),
        _fold_short_forms([e for _, e in sorted(orgs, key=lambda x: x[0])]),
        tuple(e for _, e in sorted(places, key=lambda x: x[0])),
    )


def _fold_short_forms(orgs: list[Entity]) -> tuple[Entity, ...]:
    """An organisation found (not from the vocabulary) under a name of two or more words
    that begins or ends another one's name is that organisation in short: "مجلس التنسيق"
    in a headline, "مجلس التنسيق السعودي التركي" in the body."""
    keys = [tuple(fold(w) for w in WORD_RE.findall(e.name)) for e in orgs]
    into: dict[int, int] = {}
    for a, short in enumerate(keys):
        if orgs[a].uri is not None or len(short) < 2:
            continue
        for b, full in enumerate(keys):
            if len(full) > len(short) and (
                full[:len(short)] == short or full[-len(short):] == short
            ):
                into[a] = b
                break
    if not into:
        return tuple(orgs)
    merged = list(orgs)
    for a in sorted(into, key=lambda k: len(keys[k])):  # shortest first, into the longest
        b = into[a]
        while b in into:  # names only ever go into longer ones: no cycles
            b = into[b]
        part, whole = merged[a], merged[b]
        merged[b] = replace(
            whole,
            literal=whole.literal or part.literal,
            aliases=tuple(sorted({*whole.aliases, part.name, *part.aliases} - {whole.name})),
            mentions=whole.mentions + part.mentions,
            confidence=max(whole.confidence, part.confidence),
        )
    return tuple(e for k, e in enumerate(merged) if k not in into)


def _vocab_display(entry: VocabEntry, seen: Sequence[str], lang: str | None) -> str:
    """The fullest spelling the story used (as the vocabulary writes it)."""
    best = max(seen, key=lambda s: (len(s.split()), len(s))) if seen else entry.name
    if len(best.split()) >= 2 or not seen:
        return best
    for alias in entry.spellings():
        if alias.lang == lang and len(alias.text.split()) >= 2:
            return alias.text
    return entry.name if script_of(fold(best)) == script_of(fold(entry.name)) else best


# ---------------------------------------------------------------------------------------
# The pipeline step
# ---------------------------------------------------------------------------------------
def _editor_keys(concepts: Iterable[Concept]) -> tuple[set[str], set[str]]:
    uris, names = set(), set()
    for c in concepts:
        if c.uri:
            uris.add(c.uri)
        for value in (c.name, c.literal):
            if value:
                names.add(value.casefold())
    return uris, names


def _merge(existing: tuple[Concept, ...], found: Sequence[Entity]) -> tuple[Concept, ...]:
    editor = tuple(c for c in existing if not c.machine_made)
    uris, names = _editor_keys(editor)
    added: list[Concept] = []
    for e in found:
        if e.uri and e.uri in uris:
            continue
        if any(n.casefold() in names for n in e.names()):
            continue
        if e.place is not None and any(n.casefold() in names for s in e.place.names.values()
                                       for n in s):
            continue
        added.append(e.concept())
        if e.uri:
            uris.add(e.uri)
        names.update(n.casefold() for n in e.names())
    return editor + tuple(added)


def extract_entities(item: Item) -> Item:
    """Pipeline step: machine-made people, organisations and places (pure).

    Editor-set concepts stay first and untouched; earlier machine-made ones are replaced;
    a found entity an editor already set (same uri, or a name/alias equal ignoring case)
    is not added again.
    """
    text = item_text(item)
    if not text:
        return item
    found = find_entities(text, item.language, item.located)
    # the agency of the dateline is the wire itself, also where the body names it ("AA
    # muhabirine açıklama yapan ...")
    agency = {c.name.casefold() for c in item.info_sources if c.rel == "source" and c.name}
    organisations = [o for o in found.organisations if not any(n.casefold() in agency for n in o.names())]
    return item.evolve(
        people=_merge(item.people, found.people),
        organisations=_merge(item.organisations, organisations),
        places=_merge(item.places, found.places),
    )
