"""Cue words by language: titles, speech verbs, organisation heads and the nouns
before media and clubs (each table is matched as one word or phrase in a story).
"""

from __future__ import annotations

import re

from newswire.vocab.places import fold

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
        "economists", "analysts", "strategists",
        "official", "researcher", "scientist", "curator", "captain", "leader", "founder",
        "Deputy", "Vice Chairman", "Commissioner", "Lt.", "Capt.", "Premier", "Lieutenant",
        "Major", "Captain", "Sergeant", "Inspector", "Superintendent", "meteorologist",
        "forecaster", "Chief Justice", "lawyer", "attorney", "barrister", "solicitor",
        "striker", "midfielder", "defender", "goalkeeper", "winger", "supervisor", "glaciologist",
        "volcanologist", "seismologist", "epidemiologist", "climatologist", "historian", "rector",
        "Councillor", "Councilor", "Sheriff", "Detective", "Bishop", "Archbishop", "Cardinal",
        "Rabbi", "Imam", "Pastor", "conductor", "novelist", "campaigner", "activist", "Commodore",
        "Warden", "Chief Financial Officer", "Chief Executive Officer", "Chief Operating Officer",
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
        "Başkanvekili", "Grup Başkanvekili", "Genel Başkanı", "Genel Başkan Yardımcısı",
        "Teknik Direktör", "Rektörü", "Kaymakamı", "Başsavcısı", "Temsilcisi", "Danışmanı",
        "hakemi", "avukatı", "Avukat", "Hakim", "Hâkim", "Savcı", "Savcısı", "yetkilisi", "Müsteşarı",
        "Rektör", "Dekanı", "Başhekimi", "futbolcu", "kaleci", "golcü", "forvet",
        "Yardımcısı", "Genel Müdür Yardımcısı", "Üyesi", "Yönetmen", "Müftüsü", "Müftü",
        "oyuncu", "oyuncusu", "sanatçısı", "öğrencisi", "öğretmen", "öğretmeni",
        "adayı", "tenisçi", "şef",
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
        "наставник", "судья", "прокурор", "адвокат", "дирижер", "дирижёр", "режиссер", "режиссёр",
        "нападающий", "защитник", "вратарь", "форвард", "полузащитник", "главврач", "ректор",
        "следователь", "солист", "солистка", "хоккеист", "футболист",
        "политолог", "социолог", "житель", "жительница",
        "писатель", "писательница", "поэт", "поэтесса", "композитор", "художник", "художница",
    ),
    "ar": (
        "الرئيس", "رئيس", "رئيسة", "رئيس الوزراء", "وزير", "وزيرة", "الوزير", "الملك",
        "الأمير", "ولي العهد", "الشيخ", "أمير", "المتحدث", "المتحدثة", "الناطق",
        "الأمين العام", "السفير", "سفير", "المهندس", "المهندسة", "الدكتور", "الدكتورة",
        "د.", "العقيد", "اللواء", "الفريق أول", "الفريق ركن", "الجنرال", "المستشار", "المستشارة",
        "مستشار", "مستشارة", "نائب",
        "مدير", "مديرة", "المدير", "محافظ", "المحافظ", "رئيس مجلس", "عضو", "الخبير",
        "الخبيرة", "الباحث", "الباحثة", "المدرب", "مدرب", "الأستاذ", "البروفيسور", "المفوض",
        "المسؤول", "المسؤولة", "والي", "المدير العام", "المديرة العامة", "الأمينة العامة",
        "الرئيس التنفيذي", "الرئيسة التنفيذية", "وكيل وزارة", "معاون", "أستاذ", "أستاذة",
        "النائب", "النائبة", "نائبة", "المبعوث", "المبعوثة", "المحلل", "المحللة", "القاضي",
        "القاضية", "المحامي", "المحامية", "المهاجم", "الحارس", "اللاعب", "اللاعبة",
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
        "prévisionniste", "météorologue", "rapporteur", "rapporteure", "professeure", "avocat",
        "avocate", "procureur", "procureure", "juge", "attaquant", "attaquante", "défenseur",
        "gardien", "adjoint", "adjointe", "analyste", "épidémiologiste", "médecin", "docteur",
        "glaciologue", "climatologue", "sismologue", "volcanologue", "historien", "historienne",
        "gouverneur", "gouverneure", "représentant", "représentante", "coordinateur",
        "coordinatrice", "vice-président", "vice-présidente", "recteur", "rectrice", "cheffe",
        "dirigeant", "dirigeante", "syndicaliste", "secrétaire", "chef d'orchestre", "écrivain",
        "écrivaine", "romancier", "romancière", "chef de groupe", "cheffe de groupe",
        "conseiller", "conseillère", "conseiller d'État", "conseillère d'État", "amiral", "vice-amiral",
        "contre-amiral",
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
        "diputada", "jefe de Gabinete", "secretario", "secretaria", "subsecretario",
        "subsecretaria", "viceministro", "viceministra", "superintendente", "intendente",
        "delantero", "delantera", "centrocampista", "portero", "portera", "guardameta",
        "abogado", "abogada", "fiscal", "rector", "rectora", "analista", "juez", "jueza",
        "exalcalde", "exalcaldesa", "exministro", "exministra", "expresidente", "expresidenta",
        "dirigente", "concejal", "concejala", "magistrado", "magistrada", "procurador",
        "procuradora", "defensor", "defensora", "delegado", "delegada", "gerente", "consejero",
        "consejera", "coordinador", "coordinadora", "vocero", "vocera", "novelista", "escritor",
        "escritora", "arqueólogo", "arqueóloga", "antropólogo", "antropóloga", "médico", "médica",
        "epidemiólogo", "epidemióloga", "sismólogo", "sismóloga", "chef",
        "conseller", "consellera", "viceconsejero", "viceconsejera", "candidato", "candidata",
        "homólogo", "homóloga", "interventor", "interventora", "letrado", "letrada",
        "subgobernador", "subgobernadora", "adjunto", "adjunta",
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
        "Regisseurin", "Vizepräsident", "Vizepräsidentin", "Dr.", "Prof.", "Landwirt",
        "Landwirtin", "Richter", "Richterin", "Anwalt", "Anwältin", "Staatssekretär",
        "Staatssekretärin", "Meteorologe", "Meteorologin", "Verhandler", "Verhandlerin", "Jurist",
        "Juristin", "Professor", "Professorin", "Forscher", "Forscherin", "Leiter", "Leiterin",
        "Geschäftsführer", "Geschäftsführerin", "Landrat", "Landrätin", "Coach", "Kommandant",
        "Kommandantin", "Arzt", "Ärztin",
    ),
    "bs": (
        "predsjednik", "predsjednica", "premijer", "premijerka", "ministar", "ministrica",
        "ministrica", "kancelar", "kralj", "papa", "generalni sekretar", "glasnogovornik",
        "glasnogovornica", "ambasador", "gradonačelnik", "gradonačelnica", "načelnik",
        "direktor", "direktorica", "general", "zastupnik", "guverner", "guvernerka",
        "viceguverner", "viceguvernerka", "predsjedavajući", "predsjedavajuća", "direktorka",
        "selektor", "trener", "ekonomist", "ekonomistica", "dr.", "prof.", "ravnatelj",
        "ravnateljica", "župan", "županica", "pročelnik", "pročelnica", "zamjenik", "zamjenica",
        "branitelj", "braniteljica", "napadač", "golman", "vratar",
        "advokat", "advokatica", "tužilac", "tužiteljica", "tužitelj", "sudija", "sutkinja", "sudac",
        "epidemiolog", "epidemiologinja", "šef", "šefica", "bariton", "sopran", "sopranistica",
        "tenor", "dirigent", "dirigentica", "redatelj", "redateljica", "reditelj", "rediteljica",
        "profesor", "profesorica", "liječnik", "liječnica", "ljekar", "meteorolog",
        "meteorologinja", "analitičar", "analitičarka", "poslanik", "poslanica", "zastupnica",
        "vijećnik", "vijećnica", "portparol", "portparolka", "kapiten", "veznjak",
        "predstavnica",
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
        # after a quote in the pool's Spanish copy ("…", contó Rosalba X, una paciente)
        "contó", "relató", "recordó",
    ),
    "de": (
        "sagte", "erklärte", "betonte", "fügte", "sagt", "teilte", "warnte", "kündigte",
        "meinte", "unterstrich", "ergänzte", "bestätigte", "schrieb",
        "sprach", "nannte", "bezeichnete", "forderte", "kritisierte", "verwies", "erläuterte",
        "mahnte", "bekräftigte", "versicherte",
    ),
    "bs": (
        "rekao", "rekla", "kazao", "kazala", "izjavio", "izjavila", "istakao", "istakla",
        "naveo", "navela", "dodao", "dodala", "pojasnio", "pojasnila", "poručio", "poručila",
        "naglasio", "naglasila", "smatra", "kaže", "istaknuo", "istaknula", "priopćio", "priopćila",
        "saopćio", "saopćila", "saopštio", "saopštila", "poručili", "kazali", "rekli",
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
           "radio", "station", "groupe", "constructeur", "opérateur", "syndicat", "assureur",
           "transporteur", "fabricant", "coalition", "ONG", "coopérative"),
    "es": ("diario", "periódico", "cadena", "agencia", "emisora", "canal", "semanario",
           "revista", "club", "calificadora", "consultora", "estatal", "petrolera", "minera",
           "aerolínea", "constructora", "operadora", "farmacéutica", "automotriz", "distribuidora",
           "promotora", "conservera", "ONG", "cooperativa", "empresa"),
    "de": ("Zeitung", "Nachrichtenagentur", "Sender", "Fernsehsender", "Magazin", "Verein", "Organisation"),
    "tr": ("gazetesi", "kanalı", "firma"),
    "bs": ("dnevnik", "list", "agencija", "televizija", "klub"),
    "ar": ("فريق", "صحيفة", "جريدة", "مجلة", "قناة", "مدرب", "المدرب"),
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
# A score: "2-1", "3:0". Written "\d(?<!\w\d)\d{0,2}" rather than "\b\d{1,3}": the same
# matches (no word character before the first digit), but a pattern opening with a digit lets
# the regex engine skip to the story's digits instead of trying every position (twice as fast).
_SCORE_RE = re.compile(r"\d(?<!\w\d)\d{0,2}\s?[-:–]\s?\d{1,3}\b")


# Titles of people who work at an organisation named after "at": "economist at Rabobank".
_WORKPLACE_TITLES = frozenset(fold(w) for w in (
    "economist", "analyst", "strategist", "researcher", "scientist", "professor", "director",
    "economists", "analysts", "strategists",
    "chief", "head", "manager", "executive", "économiste", "analyste", "chercheur",
    "chercheuse", "directeur", "directrice", "Ökonom", "Ökonomin", "Analyst", "Analystin",
))
_AT_WORK = frozenset({"at", "with", "chez", "bei"})
_ARTICLES = frozenset({"the", "el", "la", "le", "les", "los", "las", "die", "der", "das", "il"})


# Buildings and seats of government that stand for their occupants ("the White House said",
# "в Кремле", "à Matignon"): neither organisations nor places. Vocabulary entries by name;
# the others are matched as words of their own (any language: agencies quote them as written).
_SEATS = frozenset({"Kremlin", "White House", "Pentagon"})
_SEAT_NAMES: tuple[str, ...] = (
    "State House", "Downing Street", "Élysée", "Elysée", "Matignon", "Bercy", "Quai d'Orsay",
    "Casa Rosada", "Casa Blanca", "Moncloa", "La Moneda", "Palacio Nacional", "Palacio de Nariño",
    "Miraflores", "Planalto", "Malacañang", "Bundeshaus", "Hofburg", "Bellevue",
    "Banski dvori", "Banskih dvora", "Banskim dvorima", "Beştepe", "Cumhurbaşkanlığı Külliyesi",
    "Dolmabahçe", "Дом правительства", "Белый дом", "السراي الحكومي", "قصر بعبدا",
    "قصر الاتحادية", "قصر قرطاج", "قصر رغدان", "قصر اليمامة",
)
_LOCATIVES = frozenset({"в", "во", "in", "at", "inside", "au", "à", "dans", "en", "im", "am"})


# Words that end a club's name in English copy ("Sydney FC", "Leeds United").
_CLUB_SUFFIXES = ("FC", "United", "Rovers", "Wanderers", "Hotspur", "Albion")
# League heads a number may follow ("Ligue 1", "Liga 1"), folded.
_LEAGUE_HEADS = frozenset({"ligue", "liga", "lig"})


# Heads that are common words too ("energy", "water", "the Government"): a name ends with
# one only when no capitalised word goes on after it ("Payment Systems Regulator" is named by
# its last word), and opens with one only before a capital or "de" and a capital ("Gobierno
# de Canarias", "Gobierno Vasco"; not "el Gobierno quiere").
_EN_NAMED_HEADS = (
    "Center", "Centre", "Force", "Hospital", "Library", "Schools", "Networks",
    "Systems", "Electronics", "Ferries", "Consortium", "Energy", "Water", "Power", "Markets",
    "Institution",
)
_ES_NAMED_HEADS = (
    "Gobierno", "Grupo", "Departamento", "Corporación", "Conferencia", "Legislatura", "Coordinadora",
    "Alianza", "Fundación", "Dirección", "Hospital",
)
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
        *_EN_NAMED_HEADS, *_CLUB_SUFFIXES,
    ),
    "tr": (
        "Bakanlığı", "Bankası", "Partisi", "Konseyi", "Ajansı", "Birliği", "Örgütü",
        "Meclisi", "Kurumu", "Başkanlığı", "Derneği", "Şirketi", "Holding", "Üniversitesi",
        "Komisyonu", "Teşkilatı", "Vakfı", "Federasyonu", "Kulübü", "Mahkemesi",
        "Müdürlüğü", "Belediyesi", "Odası", "Borsası", "Enstitüsü", "Komitesi", "Kurulu",
        "Sendikası", "Konfederasyonu", "Müzesi", "Valiliği", "Ofisi", "Hastanesi",
        "Genel Müdürlüğü", "Grubu", "Ajans", "Vakıf", "Kooperatifi", "Akademisi", "Ligi", "Lig",
        "Başsavcılığı", "Savcılığı", "İdaresi", "Komutanlığı",
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
    "RC", "RB", "FK", "NK", "HNK", "SK", "LOSC", "AS", "OGC", "CF", "CD", "UD", "SD", "RCD",
    "PSV", "KRC",
)
# Russian heads that are common nouns too ("в школах Самары", "Школа закрыта"): a name
# with one opens with a capital that is no sentence's first word, or with its adjectives.
_RU_NAMED_HEADS = (
    "ассоциация", "школа", "дума", "больница", "театр", "профсоюз", "оркестр", "консерватория",
    "филармония", "библиотека", "центр", "общество", "собрание", "прокуратура", "таможня",
    "епархия", "верфь", "флот", "метрополитен", "диспансер", "отряд",
)
_ORG_START: dict[str, tuple[str, ...]] = {
    "ru": (
        "министерство", "минобороны", "минфин", "банк", "партия", "совет", "агентство",
        "союз", "организация", "комитет", "комиссия", "фонд", "суд", "служба", "ведомство",
        "госкорпорация", "корпорация", "компания", "институт", "университет", "академия",
        "музей", "федерация", "дирекция", "управление", "министерства", "Минэкономразвития",
        "МИД", "Центробанк", "Росгидромет", "Минэнерго", "Минпромторг", "железная дорога",
        "лига",
        # round 17: heads named with their adjectives in any case ("Российского зернового
        # союза", "Высшей школы экономики", "Екатеринбургской городской думы")
        *_RU_NAMED_HEADS,
    ),
    "ar": (
        "وزارة", "بنك", "البنك", "مستشفى", "المستشفى", "حزب", "مجلس", "المجلس", "وكالة", "اتحاد", "الاتحاد",
        "منظمة", "شركة", "هيئة", "الهيئة", "جامعة", "لجنة", "اللجنة", "صندوق", "محكمة",
        "المحكمة", "مؤسسة", "جمعية", "مصرف", "المصرف", "مركز", "المركز", "متحف", "المتحف",
        "نادي", "النادي", "الشركة", "سلطة", "الخطوط", "معهد", "المعهد", "بورصة", "سوق",
        "الدوري", "دوري", "المندوبية", "مندوبية", "الديوان", "ديوان", "جهاز", "الجهاز",
        "مديرية", "المديرية", "دائرة", "مكتب", "المؤسسة", "المنظمة", "الجامعة", "الوكالة",
        # round 18: a union, a municipality ("أمانة عمان"), a secretariat of state ("كتابة
        # الدولة"), a league, a group; not "حركة"/"شبكة"/"غرفة" (traffic, a network, a room)
        "نقابة", "النقابة", "أمانة", "كتابة", "رابطة", "الرابطة", "مجموعة",
    ),
    "fr": (
        "ministère", "Ministère", "Banque", "Parti", "Conseil", "Agence", "Union",
        "Organisation", "Commission", "Assemblée", "Cour", "Comité", "Fonds", "Fédération",
        "Office", "Société", "Groupe", "Institut", "Université", "Direction", "Centre",
        "Musée", "musée", "Observatoire", "Syndicat", "Confédération", "Tribunal",
        "Autorité", "Haut-Commissariat", "Compagnie", "Communauté", "Mairie", "Ville",
        "Orchestre", "Chambre", "Sénat", "Radio", "Grand port maritime", "Ligue", "Club",
        *_CLUB_PREFIXES,
    ),
    "es": (
        "Ministerio", "ministerio", "Banco", "Partido", "Consejo", "Agencia", "Unión",
        "Organización", "Comisión", "Asamblea", "Corte", "Tribunal", "Comité", "Fondo",
        "Federación", "Instituto", "Universidad", "Observatorio", "Congreso", "Servicio",
        "Centro", "Museo", "Registraduría", "Confederación", "Sindicato", "Secretaría",
        "Autoridad", "Oficina", "Junta", "Empresa", "Compañía", "Comunidad", "Ayuntamiento",
        "Orquesta", "Cámara", "Senado", "Comisiones", "Radio", "Sociedad", "Diario", "Cadena",
        "Liga", "Club",
        *_ES_NAMED_HEADS, *_CLUB_PREFIXES,
    ),
    "en": _CLUB_PREFIXES,
    "de": _CLUB_PREFIXES,
    "bs": (
        "ministarstvo", "banka", "stranka", "vijeće", "agencija", "unija", "organizacija",
        "komisija", "skupština", "sud", "savez", "fond", "federacija", "institut",
        "univerzitet", "sveučilište", "vlada", "zavod", "ured", "udruženje", "udruga",
        "komora", "društvo", "muzej", "zajednica", "orkestar", "kazalište", "pozorište",
        "direkcija", "uprava", "predsjedništvo", "parlament", "dom", *_CLUB_PREFIXES,
    ),
    "tr": _CLUB_PREFIXES,
}


# German compound heads: "Außenministerium", "Bundesbank", "Verfassungsgericht".
_DE_ORG_SUFFIXES = (
    "ministerium", "bank", "partei", "agentur", "kommission", "gericht", "gerichtshof",
    "behörde", "verband", "gewerkschaft", "konzern", "institut", "universität", "stiftung",
    "amt", "oper", "rat", "bahn", "werke", "bund", "vereinigung", "polizei", "kammer",
)
_DE_TITLE_SUFFIXES: tuple[str, ...] = (
    "direktor", "direktorin", "präsident", "präsidentin", "minister", "ministerin",
    "sprecher", "sprecherin", "chef", "chefin", "trainer", "trainerin", "leiter", "leiterin",
    "ökonom", "ökonomin", "kanzler", "kanzlerin", "intendant", "intendantin",
    "vorsitzender", "vorsitzende", "sekretär", "sekretärin", "botschafter", "botschafterin",
    "bürgermeister", "bürgermeisterin", "kommissar", "kommissarin", "senator", "senatorin",
    "vorstand", "vorständin", "experte", "expertin",
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


# Lower-case nouns that say what kind of organisation a name stands for: "the FNV union",
# "the employers' association, Deltalinqs, said".
_ORG_KIND_NOUNS = frozenset({
    "union", "association", "party", "company", "group", "regulator", "operator", "airline",
    "lender", "insurer", "carrier", "federation", "watchdog", "consortium", "firm",
})
_KIND_ARTICLES = frozenset({"the", "its", "a", "an"})
