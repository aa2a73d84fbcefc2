"""The site's own words in the wire's languages: interface strings, dates, section names.

Stories keep their own language; these are the words around them. A language without
strings here gets English; a language without section names gets the IPTC label.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

from newswire.vocab import mediatopics

# Native names, in the order the language chooser lists them.
KNOWN_LANGUAGES: dict[str, str] = {
    "en": "English", "tr": "Türkçe", "ar": "العربية", "ru": "Русский", "fr": "Français",
    "es": "Español", "de": "Deutsch", "bs": "Bosanski", "hr": "Hrvatski", "sr": "Српски",
    "pt": "Português", "it": "Italiano", "nl": "Nederlands",
}
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb"})

_EN: dict[str, str] = {
    "skip": "Skip to content",
    "home": "Home",
    "latest": "Latest news",
    "live": "Live",
    "live_label": "Latest headlines, updated live",
    "sections": "Sections",
    "languages": "Languages",
    "search": "Search",
    "search_label": "Search stories",
    "search_button": "Search",
    "results_for": "Results for “{q}”",
    "no_results": "No public story matches your search.",
    "empty": "No stories yet.",
    "older": "Older stories",
    "newer": "Newer stories",
    "page": "Page {n}",
    "published": "Published",
    "updated": "Updated",
    "corrected": "Corrected",
    "summary": "Summary",
    "notice_title": "Full story for subscribers",
    "notice_text": "This page carries a summary. The full story is available to subscribers "
                   "of the {site} wire service.",
    "subscribe": "How to subscribe",
    "topics": "Topics",
    "people": "People",
    "organisations": "Organisations",
    "places": "Places",
    "also_in": "Also available in",
    "feeds": "Feeds",
    "gone_title": "This story has been withdrawn",
    "gone_text": "The story you are looking for was withdrawn by the editors and is no longer available.",
    "not_found_title": "Page not found",
    "not_found_text": "There is no public story or page at this address.",
    "back_home": "Back to the front page",
    "tagline": "News agency · public edition",
    "footer": "This website carries a selection of the stories offered to subscribers of the wire, "
              "in summarized form.",
    "person": "Person", "org": "Organisation", "place": "Place", "topic": "Topic", "section": "Section",
}

_STRINGS: dict[str, dict[str, str]] = {
    "en": _EN,
    "tr": {
        "skip": "İçeriğe geç", "home": "Ana sayfa", "latest": "Son haberler", "live": "Canlı",
        "live_label": "Son başlıklar, canlı güncellenir", "sections": "Bölümler",
        "languages": "Diller", "search": "Ara", "search_label": "Haberlerde ara",
        "search_button": "Ara", "results_for": "“{q}” için sonuçlar",
        "no_results": "Aramanızla eşleşen haber bulunamadı.", "empty": "Henüz haber yok.",
        "older": "Daha eski haberler", "newer": "Daha yeni haberler", "page": "Sayfa {n}",
        "published": "Yayımlandı", "updated": "Güncellendi", "corrected": "Düzeltildi",
        "summary": "Özet",
        "notice_title": "Haberin tamamı abonelere özel",
        "notice_text": "Bu sayfada haberin özeti yer alıyor. Haberin tamamı {site} haber servisi "
                       "abonelerine sunulmaktadır.",
        "subscribe": "Nasıl abone olunur", "topics": "Konular", "people": "Kişiler",
        "organisations": "Kurumlar", "places": "Yerler", "also_in": "Diğer dillerde",
        "feeds": "Akışlar", "gone_title": "Bu haber geri çekildi",
        "gone_text": "Aradığınız haber editörler tarafından geri çekildi ve artık yayında değil.",
        "not_found_title": "Sayfa bulunamadı",
        "not_found_text": "Bu adreste yayımlanmış bir haber ya da sayfa yok.",
        "back_home": "Ana sayfaya dön", "tagline": "Haber ajansı · herkese açık baskı",
        "footer": "Bu site, abonelere sunulan haberlerin bir bölümünü özet hâlinde yayımlar.",
        "person": "Kişi", "org": "Kurum", "place": "Yer", "topic": "Konu", "section": "Bölüm",
    },
    "ar": {
        "skip": "انتقل إلى المحتوى", "home": "الرئيسية", "latest": "آخر الأخبار", "live": "مباشر",
        "live_label": "آخر العناوين، تُحدَّث مباشرة", "sections": "الأقسام", "languages": "اللغات",
        "search": "بحث", "search_label": "ابحث في الأخبار", "search_button": "بحث",
        "results_for": "نتائج البحث عن «{q}»", "no_results": "لا توجد أخبار تطابق بحثك.",
        "empty": "لا توجد أخبار بعد.", "older": "أخبار أقدم", "newer": "أخبار أحدث",
        "page": "الصفحة {n}", "published": "نُشر", "updated": "حُدّث", "corrected": "صُحّح",
        "summary": "ملخص",
        "notice_title": "النص الكامل للمشتركين",
        "notice_text": "تعرض هذه الصفحة ملخصًا للخبر. النص الكامل متاح لمشتركي خدمة {site} الإخبارية.",
        "subscribe": "كيفية الاشتراك", "topics": "المواضيع", "people": "أشخاص",
        "organisations": "مؤسسات", "places": "أماكن", "also_in": "متوفر أيضًا بلغات أخرى",
        "feeds": "الخلاصات", "gone_title": "سُحب هذا الخبر",
        "gone_text": "سحب المحررون الخبر الذي تبحث عنه ولم يعد متاحًا.",
        "not_found_title": "الصفحة غير موجودة",
        "not_found_text": "لا يوجد خبر أو صفحة منشورة على هذا العنوان.",
        "back_home": "العودة إلى الصفحة الرئيسية", "tagline": "وكالة أنباء · النسخة العامة",
        "footer": "ينشر هذا الموقع مختارات من الأخبار المقدمة لمشتركي الخدمة، في صيغة ملخصة.",
        "person": "شخص", "org": "مؤسسة", "place": "مكان", "topic": "موضوع", "section": "قسم",
    },
    "ru": {
        "skip": "Перейти к содержанию", "home": "Главная", "latest": "Последние новости",
        "live": "Онлайн", "live_label": "Последние заголовки в реальном времени",
        "sections": "Рубрики", "languages": "Языки", "search": "Поиск",
        "search_label": "Поиск по новостям", "search_button": "Найти",
        "results_for": "Результаты по запросу «{q}»",
        "no_results": "По вашему запросу ничего не найдено.", "empty": "Новостей пока нет.",
        "older": "Более ранние новости", "newer": "Более свежие новости", "page": "Страница {n}",
        "published": "Опубликовано", "updated": "Обновлено", "corrected": "Исправлено",
        "summary": "Кратко",
        "notice_title": "Полный текст — для подписчиков",
        "notice_text": "На этой странице — краткое изложение. Полный текст новости доступен "
                       "подписчикам ленты {site}.",
        "subscribe": "Как оформить подписку", "topics": "Темы", "people": "Персоны",
        "organisations": "Организации", "places": "Места", "also_in": "На других языках",
        "feeds": "Ленты", "gone_title": "Новость отозвана",
        "gone_text": "Редакция отозвала эту новость, и она больше недоступна.",
        "not_found_title": "Страница не найдена",
        "not_found_text": "По этому адресу нет опубликованной новости или страницы.",
        "back_home": "Вернуться на главную", "tagline": "Информационное агентство · открытая версия",
        "footer": "Этот сайт публикует часть новостей, предлагаемых подписчикам ленты, "
                  "в кратком изложении.",
        "person": "Персона", "org": "Организация", "place": "Место", "topic": "Тема",
        "section": "Рубрика",
    },
    "fr": {
        "skip": "Aller au contenu", "home": "Accueil", "latest": "Dernières dépêches",
        "live": "En direct", "live_label": "Derniers titres, mis à jour en direct",
        "sections": "Rubriques", "languages": "Langues", "search": "Recherche",
        "search_label": "Rechercher dans les dépêches", "search_button": "Rechercher",
        "results_for": "Résultats pour « {q} »",
        "no_results": "Aucune dépêche ne correspond à votre recherche.",
        "empty": "Aucune dépêche pour le moment.", "older": "Dépêches plus anciennes",
        "newer": "Dépêches plus récentes", "page": "Page {n}", "published": "Publié",
        "updated": "Mis à jour", "corrected": "Corrigé", "summary": "Résumé",
        "notice_title": "Dépêche complète réservée aux abonnés",
        "notice_text": "Cette page présente un résumé. La dépêche complète est disponible pour "
                       "les abonnés du fil {site}.",
        "subscribe": "Comment s’abonner", "topics": "Thèmes", "people": "Personnalités",
        "organisations": "Organisations", "places": "Lieux", "also_in": "Disponible aussi en",
        "feeds": "Flux", "gone_title": "Cette dépêche a été retirée",
        "gone_text": "La dépêche que vous cherchez a été retirée par la rédaction et n’est plus "
                     "disponible.",
        "not_found_title": "Page introuvable",
        "not_found_text": "Aucune dépêche ni page publique à cette adresse.",
        "back_home": "Retour à l’accueil", "tagline": "Agence de presse · édition publique",
        "footer": "Ce site publie une sélection des dépêches proposées aux abonnés du fil, "
                  "sous forme résumée.",
        "person": "Personnalité", "org": "Organisation", "place": "Lieu", "topic": "Thème",
        "section": "Rubrique",
    },
    "es": {
        "skip": "Ir al contenido", "home": "Portada", "latest": "Últimas noticias",
        "live": "En directo", "live_label": "Últimos titulares, actualizados en directo",
        "sections": "Secciones", "languages": "Idiomas", "search": "Buscar",
        "search_label": "Buscar noticias", "search_button": "Buscar",
        "results_for": "Resultados para «{q}»",
        "no_results": "Ninguna noticia coincide con su búsqueda.",
        "empty": "Todavía no hay noticias.", "older": "Noticias anteriores",
        "newer": "Noticias más recientes", "page": "Página {n}", "published": "Publicado",
        "updated": "Actualizado", "corrected": "Corregido", "summary": "Resumen",
        "notice_title": "Noticia completa para suscriptores",
        "notice_text": "Esta página ofrece un resumen. La noticia completa está disponible para "
                       "los suscriptores del servicio {site}.",
        "subscribe": "Cómo suscribirse", "topics": "Temas", "people": "Personas",
        "organisations": "Organizaciones", "places": "Lugares",
        "also_in": "También disponible en", "feeds": "Sindicación",
        "gone_title": "Esta noticia ha sido retirada",
        "gone_text": "La redacción ha retirado la noticia que busca y ya no está disponible.",
        "not_found_title": "Página no encontrada",
        "not_found_text": "No hay ninguna noticia ni página pública en esta dirección.",
        "back_home": "Volver a la portada", "tagline": "Agencia de noticias · edición pública",
        "footer": "Este sitio publica una selección de las noticias que reciben los suscriptores "
                  "del servicio, en forma resumida.",
        "person": "Persona", "org": "Organización", "place": "Lugar", "topic": "Tema",
        "section": "Sección",
    },
    "de": {
        "skip": "Zum Inhalt springen", "home": "Startseite", "latest": "Neueste Meldungen",
        "live": "Live", "live_label": "Neueste Schlagzeilen, live aktualisiert",
        "sections": "Ressorts", "languages": "Sprachen", "search": "Suche",
        "search_label": "Meldungen durchsuchen", "search_button": "Suchen",
        "results_for": "Ergebnisse für „{q}“",
        "no_results": "Keine Meldung entspricht Ihrer Suche.", "empty": "Noch keine Meldungen.",
        "older": "Ältere Meldungen", "newer": "Neuere Meldungen", "page": "Seite {n}",
        "published": "Veröffentlicht", "updated": "Aktualisiert", "corrected": "Korrigiert",
        "summary": "Zusammenfassung",
        "notice_title": "Vollständige Meldung für Abonnenten",
        "notice_text": "Diese Seite zeigt eine Zusammenfassung. Die vollständige Meldung erhalten "
                       "Abonnenten des Dienstes {site}.",
        "subscribe": "So abonnieren Sie", "topics": "Themen", "people": "Personen",
        "organisations": "Organisationen", "places": "Orte", "also_in": "Auch verfügbar auf",
        "feeds": "Feeds", "gone_title": "Diese Meldung wurde zurückgezogen",
        "gone_text": "Die gesuchte Meldung wurde von der Redaktion zurückgezogen und ist nicht "
                     "mehr verfügbar.",
        "not_found_title": "Seite nicht gefunden",
        "not_found_text": "Unter dieser Adresse gibt es keine öffentliche Meldung und keine Seite.",
        "back_home": "Zurück zur Startseite", "tagline": "Nachrichtenagentur · öffentliche Ausgabe",
        "footer": "Diese Website veröffentlicht eine Auswahl der Meldungen für Abonnenten des "
                  "Dienstes in zusammengefasster Form.",
        "person": "Person", "org": "Organisation", "place": "Ort", "topic": "Thema",
        "section": "Ressort",
    },
    "bs": {
        "skip": "Preskoči na sadržaj", "home": "Naslovna", "latest": "Najnovije vijesti",
        "live": "Uživo", "live_label": "Najnoviji naslovi, ažurirani uživo",
        "sections": "Rubrike", "languages": "Jezici", "search": "Pretraga",
        "search_label": "Pretraži vijesti", "search_button": "Traži",
        "results_for": "Rezultati za „{q}“",
        "no_results": "Nijedna vijest ne odgovara vašoj pretrazi.", "empty": "Još nema vijesti.",
        "older": "Starije vijesti", "newer": "Novije vijesti", "page": "Stranica {n}",
        "published": "Objavljeno", "updated": "Ažurirano", "corrected": "Ispravljeno",
        "summary": "Sažetak",
        "notice_title": "Cijela vijest za pretplatnike",
        "notice_text": "Na ovoj stranici je sažetak. Cijela vijest dostupna je pretplatnicima "
                       "servisa {site}.",
        "subscribe": "Kako se pretplatiti", "topics": "Teme", "people": "Osobe",
        "organisations": "Organizacije", "places": "Mjesta", "also_in": "Dostupno i na",
        "feeds": "RSS i Atom", "gone_title": "Ova vijest je povučena",
        "gone_text": "Vijest koju tražite povukla je redakcija i više nije dostupna.",
        "not_found_title": "Stranica nije pronađena",
        "not_found_text": "Na ovoj adresi nema javne vijesti ni stranice.",
        "back_home": "Nazad na naslovnu", "tagline": "Novinska agencija · javno izdanje",
        "footer": "Ova stranica objavljuje izbor vijesti koje dobijaju pretplatnici servisa, "
                  "u skraćenom obliku.",
        "person": "Osoba", "org": "Organizacija", "place": "Mjesto", "topic": "Tema",
        "section": "Rubrika",
    },
    "hr": {
        "skip": "Preskoči na sadržaj", "home": "Naslovnica", "latest": "Najnovije vijesti",
        "live": "Uživo", "live_label": "Najnoviji naslovi, ažurirani uživo",
        "sections": "Rubrike", "languages": "Jezici", "search": "Pretraživanje",
        "search_label": "Pretraži vijesti", "search_button": "Traži",
        "results_for": "Rezultati za „{q}“",
        "no_results": "Nijedna vijest ne odgovara vašem pretraživanju.",
        "empty": "Još nema vijesti.", "older": "Starije vijesti", "newer": "Novije vijesti",
        "page": "Stranica {n}", "published": "Objavljeno", "updated": "Ažurirano",
        "corrected": "Ispravljeno", "summary": "Sažetak",
        "notice_title": "Cijela vijest za pretplatnike",
        "notice_text": "Na ovoj je stranici sažetak. Cijela vijest dostupna je pretplatnicima "
                       "servisa {site}.",
        "subscribe": "Kako se pretplatiti", "topics": "Teme", "people": "Osobe",
        "organisations": "Organizacije", "places": "Mjesta", "also_in": "Dostupno i na",
        "feeds": "RSS i Atom", "gone_title": "Ova je vijest povučena",
        "gone_text": "Vijest koju tražite povuklo je uredništvo i više nije dostupna.",
        "not_found_title": "Stranica nije pronađena",
        "not_found_text": "Na ovoj adresi nema javne vijesti ni stranice.",
        "back_home": "Natrag na naslovnicu", "tagline": "Novinska agencija · javno izdanje",
        "footer": "Ova stranica objavljuje izbor vijesti koje dobivaju pretplatnici servisa, "
                  "u sažetom obliku.",
        "person": "Osoba", "org": "Organizacija", "place": "Mjesto", "topic": "Tema",
        "section": "Rubrika",
    },
}

_MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "tr": ("Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül",
           "Ekim", "Kasım", "Aralık"),
    "ar": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
           "أكتوبر", "نوفمبر", "ديسمبر"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"),
    "bs": ("januara", "februara", "marta", "aprila", "maja", "juna", "jula", "augusta",
           "septembra", "oktobra", "novembra", "decembra"),
    "hr": ("siječnja", "veljače", "ožujka", "travnja", "svibnja", "lipnja", "srpnja",
           "kolovoza", "rujna", "listopada", "studenoga", "prosinca"),
}
# {d} day, {m} month name, {y} year, {t} HH:MM; every format names the zone (UTC).
_DATE_FORMATS: dict[str, str] = {
    "en": "{d} {m} {y}, {t} UTC",
    "tr": "{d} {m} {y}, {t} UTC",
    "ar": "{d} {m} {y}، الساعة {t} (UTC)",
    "ru": "{d} {m} {y}, {t} UTC",
    "fr": "{d} {m} {y} à {t} UTC",
    "es": "{d} de {m} de {y}, {t} UTC",
    "de": "{d}. {m} {y}, {t} Uhr UTC",
    "bs": "{d}. {m} {y}. u {t} UTC",
    "hr": "{d}. {m} {y}. u {t} UTC",
}

# Top-level Media Topics as site sections: a stable URL slug and short names per language.
_SECTION_ORDER = (
    ("medtop:11000000", "politics"), ("medtop:04000000", "business"),
    ("medtop:16000000", "conflict"), ("medtop:02000000", "crime-justice"),
    ("medtop:03000000", "disasters"), ("medtop:06000000", "environment"),
    ("medtop:13000000", "science-technology"), ("medtop:07000000", "health"),
    ("medtop:05000000", "education"), ("medtop:09000000", "labour"),
    ("medtop:14000000", "society"), ("medtop:12000000", "religion"),
    ("medtop:01000000", "arts-culture"), ("medtop:10000000", "lifestyle"),
    ("medtop:08000000", "human-interest"), ("medtop:15000000", "sport"),
    ("medtop:17000000", "weather"),
)
_SECTION_NAMES: dict[str, tuple[str, ...]] = {
    # politics, business, conflict, crime, disasters, environment, science, health,
    # education, labour, society, religion, arts, lifestyle, human interest, sport, weather
    "en": ("Politics", "Business", "Conflict", "Crime & justice", "Disasters", "Environment",
           "Science & tech", "Health", "Education", "Labour", "Society", "Religion",
           "Arts & culture", "Lifestyle", "Human interest", "Sport", "Weather"),
    "tr": ("Politika", "Ekonomi", "Çatışma", "Asayiş ve yargı", "Afet ve kaza", "Çevre",
           "Bilim-teknoloji", "Sağlık", "Eğitim", "Çalışma hayatı", "Toplum", "Din",
           "Kültür-sanat", "Yaşam", "İnsan hikâyeleri", "Spor", "Hava durumu"),
    "ar": ("سياسة", "اقتصاد", "نزاعات", "جريمة وقضاء", "كوارث وحوادث", "بيئة",
           "علوم وتكنولوجيا", "صحة", "تعليم", "عمل", "مجتمع", "دين", "ثقافة وفنون", "منوعات",
           "قضايا إنسانية", "رياضة", "طقس"),
    "ru": ("Политика", "Экономика", "Конфликты", "Право и криминал", "Происшествия", "Экология",
           "Наука и технологии", "Здоровье", "Образование", "Труд", "Общество", "Религия",
           "Культура", "Стиль жизни", "Истории", "Спорт", "Погода"),
    "fr": ("Politique", "Économie", "Conflits", "Justice", "Catastrophes", "Environnement",
           "Sciences et techno", "Santé", "Éducation", "Travail", "Société", "Religion",
           "Culture", "Art de vivre", "Portraits", "Sport", "Météo"),
    "es": ("Política", "Economía", "Conflictos", "Justicia", "Catástrofes", "Medio ambiente",
           "Ciencia y tecnología", "Salud", "Educación", "Trabajo", "Sociedad", "Religión",
           "Cultura", "Estilo de vida", "Gente", "Deportes", "Tiempo"),
    "de": ("Politik", "Wirtschaft", "Konflikte", "Justiz", "Unglücke", "Umwelt",
           "Wissenschaft & Technik", "Gesundheit", "Bildung", "Arbeit", "Gesellschaft",
           "Religion", "Kultur", "Leben", "Menschen", "Sport", "Wetter"),
    "bs": ("Politika", "Ekonomija", "Sukobi", "Pravosuđe", "Nesreće", "Okoliš",
           "Nauka i tehnologija", "Zdravlje", "Obrazovanje", "Rad", "Društvo", "Religija",
           "Kultura", "Životni stil", "Ljudi", "Sport", "Vrijeme"),
    "hr": ("Politika", "Gospodarstvo", "Sukobi", "Pravosuđe", "Nesreće", "Okoliš",
           "Znanost i tehnologija", "Zdravlje", "Obrazovanje", "Rad", "Društvo", "Religija",
           "Kultura", "Životni stil", "Ljudi", "Sport", "Vrijeme"),
}
SECTION_SLUGS: dict[str, str] = dict(_SECTION_ORDER)
SECTION_CODES: dict[str, str] = {slug: code for code, slug in _SECTION_ORDER}


def primary(lang: str | None) -> str:
    return (lang or "").split("-", 1)[0].split("_", 1)[0].lower()


def strings(lang: str) -> dict[str, str]:
    """Every interface string in ``lang``, English where a translation is missing."""
    return _merged(primary(lang))


@cache
def _merged(lang: str) -> dict[str, str]:
    return {**_EN, **_STRINGS.get(lang, {})}


def text_direction(lang: str | None) -> str:
    return "rtl" if primary(lang) in RTL_LANGUAGES else "ltr"


def language_name(lang: str) -> str:
    return KNOWN_LANGUAGES.get(primary(lang), lang)


def month_name(month: int, lang: str) -> str:
    """A month's name (1-12) in a language, English where it has none here."""
    return _MONTHS.get(primary(lang), _MONTHS["en"])[month - 1]


def format_datetime(value: datetime, lang: str) -> str:
    """A reader's date and time in UTC, named as such: ``24 November 2026, 14:05 UTC``."""
    utc = value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    code = primary(lang)
    months = _MONTHS.get(code)
    if months is None:
        return utc.strftime("%Y-%m-%d %H:%M UTC")
    day = "1er" if code == "fr" and utc.day == 1 else str(utc.day)
    return _DATE_FORMATS[code].format(d=day, m=months[utc.month - 1], y=utc.year, t=utc.strftime("%H:%M"))


def section_codes() -> list[str]:
    """Top-level Media Topics in the order the navigation lists them."""
    known = set(mediatopics.top_levels())
    return [code for code, _ in _SECTION_ORDER if code in known]


def section_slug(code: str) -> str:
    code = mediatopics.normalize(code)
    return SECTION_SLUGS.get(code) or code.removeprefix(mediatopics.PREFIX)


def section_code(slug: str) -> str | None:
    if slug in SECTION_CODES:
        return SECTION_CODES[slug]
    if slug.isascii() and slug.isdigit() and len(slug) <= 8:
        code = mediatopics.normalize(slug)
        return code if code in mediatopics.top_levels() else None
    return None


def section_name(code: str, lang: str) -> str:
    code = mediatopics.normalize(code)
    names = _SECTION_NAMES.get(primary(lang))
    codes = [c for c, _ in _SECTION_ORDER]
    if names is not None and code in codes:
        return names[codes.index(code)]
    label = mediatopics.label(code, primary(lang) or "en") or code
    return label[:1].upper() + label[1:]


def topic_name(code: str, lang: str) -> str:
    """A subject's label in the reader's language (sections use their short names)."""
    code = mediatopics.normalize(code)
    if code in SECTION_SLUGS:
        return section_name(code, lang)
    label = mediatopics.label(code, primary(lang) or "en") or code
    return label[:1].upper() + label[1:]
