"""The planning diary: future dated events a story announces.

What counts as a diary entry (the desk's rule, see bench/data/enrich_eval/README.md):
a calendar date with a day and a month (a year optional) that falls **after the story's
own date** (``version_created``, else ``first_created``, else ``content_created``) and is
tied to something scheduled. In practice:

* a date with an explicit year after the story date is an entry in any context - unless
  the sentence says it was called off ("originally planned for Dec. 4 but postponed") or
  only approximates a forecast ("примерно к 18 января", "hacia el 31 de enero");
* a date without a year takes its first occurrence after the story date (``Feb. 9`` in a
  story of 2026-11-20 is 2027-02-09). When that moves it into the next year - the day has
  already passed this year - it is kept only if the sentence is not told in the past
  ("el pasado 4 de noviembre", "avait été remportée le 26 juillet", "17 Ocak'ta sona
  ermişti") and either looks forward ("will", "-acak", "состоится", "se celebrará",
  "المقبل") or lies within ~200 days. A date without a year that fell on the story date or
  within the 60 days before it (``RECENT_DAYS``) is the story's own or one just past, never
  next year's: "Wednesday, Dec. 2" in a story of Dec. 2, "Nov. 20" in a story of Dec. 2,
  "Dec. 28" in a story of Jan. 5;
* "tomorrow" and "next Tuesday" (in every wire language) resolve against the story date:
  "next <weekday>" is the first such weekday after the story date. Bare weekdays ("on
  Friday") are not entries, nor are month-only or year-only mentions (``month_only=True``
  adds "in December" as ``YYYY-MM``), dates inside names ("July 15 Martyrs Bridge") and
  the dateline's date.

Without a story date relative dates are skipped, and explicit dates count only when the
sentence looks forward.

``PlannedEvent.literal`` is the date as written (day, month, year and connectors; not
"on"/"le"/"am", "года"/"godine", a Turkish suffix or trailing punctuation);
``name`` is the clause around the date, with the date taken out; ``start`` is ISO.
A multi-day span ("18 et 19 septembre") is one entry at its first day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from newswire.enrich.text import enriched_text
from newswire.model import MACHINE_CREATOR, Item, PlannedEvent
from newswire.vocab.places import WORD_RE, fold, norm_lang

MAX_NAME_CHARS = 120
NEAR_DAYS = 200
RECENT_DAYS = 60  # a year-less date this close before the story date is past, not next year's

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_EASTERN_DIGIT_RE = re.compile("[٠-٩۰-۹]")
_DIGIT_RE = re.compile(r"\d")

_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("January", "Jan", "Ocak", "января", "январь", "январе", "janvier", "janv", "enero",
        "Januar", "Jänner", "januar", "januara", "siječanj", "siječnja", "يناير", "كانون الثاني",
        "جانفي"),
    2: ("February", "Feb", "Şubat", "февраля", "февраль", "феврале", "février", "févr",
        "febrero", "Februar", "februar", "februara", "veljača", "veljače", "فبراير", "شباط",
        "فيفري"),
    3: ("March", "Mar", "Mart", "марта", "март", "марте", "mars", "marzo", "März", "mart",
        "marta", "ožujak", "ožujka", "مارس", "آذار"),
    4: ("April", "Apr", "Nisan", "апреля", "апрель", "апреле", "avril", "abril", "april",
        "aprila", "travanj", "travnja", "أبريل", "إبريل", "أفريل", "نيسان"),
    5: ("May", "Mayıs", "мая", "май", "мае", "mai", "mayo", "Mai", "maj", "maja", "svibanj",
        "svibnja", "مايو", "ماي", "أيار"),
    6: ("June", "Jun", "Haziran", "июня", "июнь", "июне", "juin", "junio", "Juni", "juni",
        "juna", "lipanj", "lipnja", "يونيو", "جوان", "حزيران"),
    7: ("July", "Jul", "Temmuz", "июля", "июль", "июле", "juillet", "juil", "julio", "Juli",
        "juli", "jula", "srpanj", "srpnja", "يوليو", "يوليوز", "جويلية", "تموز"),
    8: ("August", "Aug", "Ağustos", "августа", "август", "августе", "août", "agosto",
        "august", "augusta", "kolovoz", "kolovoza", "أغسطس", "غشت", "أوت", "آب"),
    9: ("September", "Sept", "Sep", "Eylül", "сентября", "сентябрь", "сентябре", "septembre",
        "sept", "septiembre", "setiembre", "septembar", "septembra", "rujan", "rujna", "سبتمبر",
        "شتنبر", "أيلول"),
    10: ("October", "Oct", "Ekim", "октября", "октябрь", "октябре", "octobre", "oct",
         "octubre", "Oktober", "oktobar", "oktobra", "listopad", "listopada", "أكتوبر",
         "تشرين الأول"),
    11: ("November", "Nov", "Kasım", "ноября", "ноябрь", "ноябре", "novembre", "nov",
         "noviembre", "novembar", "novembra", "studeni", "studenoga", "studenog", "نوفمبر",
         "نونبر", "تشرين الثاني"),
    12: ("December", "Dec", "Aralık", "декабря", "декабрь", "декабре", "décembre", "déc",
         "diciembre", "Dezember", "decembar", "decembra", "prosinac", "prosinca", "ديسمبر",
         "دجنبر", "كانون الأول"),
}
# Month forms that only say a month (not used after a day): "в декабре", "im Dezember".
_MONTH_ONLY_FORMS = frozenset(fold(w) for w in (
    "январь", "январе", "февраль", "феврале", "март", "марте", "апрель", "апреле", "май", "мае",
    "июнь", "июне", "июль", "июле", "август", "августе", "сентябрь", "сентябре", "октябрь",
    "октябре", "ноябрь", "ноябре", "декабрь", "декабре",
))
_MONTH_OF = {fold(name): month for month, names in _MONTHS.items() for name in names}
# English short words that are also verbs ("may", "march") must be capitalised.
_CASED_ONLY = frozenset({"may", "march", "mar", "jan", "jun", "jul", "aug", "sep", "oct",
                         "nov", "dec", "sept", "feb", "apr"})
_ALL_MONTHS = sorted({n for names in _MONTHS.values() for n in names}, key=len, reverse=True)
_MONTH_ALT = "|".join(re.escape(n) for n in _ALL_MONTHS)
_JOIN = r"(?:-|–|—|/|et|and|ve|и|y|und|i|a|au|al|do|to|bis|ile|و)"
_AR_SECOND = r"(?:\s+(?:الثاني|الأول))?"
# Month words are matched as any word and looked up in _MONTH_OF (a regex alternation of
# 200 month names is much slower).
_DMY_RE = re.compile(
    rf"(?<![\w.])(?P<d>[0-3]?\d)(?:er|st|nd|rd|th|\.)?"
    rf"(?:\s*{_JOIN}\s*(?P<d2>[0-3]?\d)(?:er|\.)?)?"
    rf"\s+(?:de\s+)?(?P<m>[^\W\d_]+{_AR_SECOND})\.?"
    rf"(?:\s*/\s*[^\W\d_]+{_AR_SECOND})?"
    rf"(?:,?\s+(?:de\s+|del\s+)?(?P<y>(?:19|20)\d\d)(?!\d))?"
)
_MDY_RE = re.compile(
    r"(?<![\w])(?=[JFMASOND])(?P<m>[A-Z][a-z]{2,8})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
    r"(?:\s*(?:-|–|and|to)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d))?"
    r"(?:,?\s+(?P<y>(?:19|20)\d\d)(?!\d))?"
)
# A one- or two-digit number not after a letter, digit or dot. The look-behinds come after
# the digits (same matches as ones before them), and the pattern opens with one plain digit
# class (the first digit of "[0-3]\d" is checked behind it): that is the shape the regex
# engine skips ahead to in C, where a choice of two openings made it try every position.
_NUMBER_RE = re.compile(r"\d(?:(?<=[0-3])\d(?<![\w.]..)|(?<![\w.].))(?!\d)")
_MONTH_BEFORE_RE = re.compile(r"(?<![\w])[A-Z][a-z]{2,8}\.?\s+$")
_EN_MONTHS = frozenset(
    fold(n) for m in _MONTHS.values() for n in m[:3] if n.isascii() and n[0].isupper()
)
_MONTH_ONLY_RE = re.compile(
    rf"(?<![\w\d])(?:in|en|im|в|во|u|في|el mes de|au mois de)\s+(?P<m>{_MONTH_ALT})"
    rf"(?![^\W\d_])(?:\s+(?P<y>(?:19|20)\d\d))?(?!\s*\d)",
    re.IGNORECASE,
)

_WEEKDAYS: dict[int, tuple[str, ...]] = {
    0: ("Monday", "Pazartesi", "понедельник", "lundi", "lunes", "Montag", "ponedjeljak",
        "الاثنين", "الإثنين"),
    1: ("Tuesday", "Salı", "вторник", "mardi", "martes", "Dienstag", "utorak", "الثلاثاء"),
    2: ("Wednesday", "Çarşamba", "среду", "среда", "mercredi", "miércoles", "Mittwoch",
        "srijedu", "srijeda", "الأربعاء"),
    3: ("Thursday", "Perşembe", "четверг", "jeudi", "jueves", "Donnerstag", "četvrtak",
        "الخميس"),
    4: ("Friday", "Cuma", "пятницу", "пятница", "vendredi", "viernes", "Freitag", "petak",
        "الجمعة"),
    5: ("Saturday", "Cumartesi", "субботу", "суббота", "samedi", "sábado", "Samstag", "subotu",
        "subota", "السبت"),
    6: ("Sunday", "Pazar", "воскресенье", "dimanche", "domingo", "Sonntag", "nedjelju",
        "nedjelja", "الأحد"),
}
_WEEKDAY_OF = {fold(n): d for d, names in _WEEKDAYS.items() for n in names}
_NEXT_TAIL_RE = re.compile(r"[^\W\d_]*\s+([^\W\d_]+)")
_WEEKDAY_NEXT_RE = re.compile(r"(?P<w2>[^\W\d_]+)\s+(?:prochain|المقبل|القادم)(?![^\W\d_])")
# The words after a weekday that make it the next one. No two occurrences of them can overlap
# (none ends with the start of one of them), so every occurrence is a match of their
# alternation, and str.find, which skips ahead far faster than the regex engine, finds them.
_WEEKDAY_CUES = ("prochain", "المقبل", "القادم")
_NEXT_WORDS = ("next", "coming", "gelecek", "önümüzdeki", "следующ", "próximo", "proximo",
               "nächsten", "kommenden", "sljedeć", "naredn")
_TOMORROW_WORDS = ("tomorrow", "yarın", "завтра", "demain", "mañana", "morgen", "sutra", "غدا")


def _morning(low: str, pos: int) -> bool:
    """True when "la", "por la" or "esta" and white space come before ``low[pos]`` ("la
    mañana" is the morning): what searching ``low[:pos]`` for ``\\b(?:la|por la|esta)\\s+$``
    finds, read back from ``pos`` instead of scanning all the text before it."""
    end = pos
    while end and low[end - 1].isspace():
        end -= 1
    if end == pos:
        return False
    for article in ("la", "esta"):
        start = end - len(article)
        if start >= 0 and low.startswith(article, start):
            return start == 0 or not (low[start - 1].isalnum() or low[start - 1] == "_")
    return False


def _occurrences(haystack: str, needle: str) -> list[int]:
    """Offsets where ``needle`` starts a word in ``haystack``."""
    out = []
    pos = haystack.find(needle)
    while pos >= 0:
        if pos == 0 or not haystack[pos - 1].isalnum():
            out.append(pos)
        pos = haystack.find(needle, pos + 1)
    return out


def _opening(alternatives: str) -> str:
    """A look-ahead for the first letters of ``alternatives`` (words or word patterns, each
    opening with a letter, joined by ``|``), put before their group: the same matches, but
    the regex engine drops at once the positions where no alternative can start, instead
    of trying each alternative there (the case-blind alternations below took 20-30 us a
    sentence)."""
    firsts = sorted({alternative[0] for alternative in alternatives.split("|")})
    assert all(first.isalpha() for first in firsts), firsts
    return f"(?=[{''.join(firsts)}])(?:{alternatives})"


_CALLED_OFF = re.compile(
    r"\b" + _opening(
        r"postponed|originally|cancel+ed|called off|scrapped|ertelendi|iptal|"
        r"перенесен\w*|перенес\w*|отмен\w*|reporté\w*|annulé\w*|aplazad\w*|cancelad\w*|"
        r"verschoben|abgesagt|odgođen\w*|otkazan\w*"
    ) + r"\b",
    re.IGNORECASE,
)
# Arabic, looked for apart (an alternation beside the words above was tried at every
# position): caseless letters, which IGNORECASE matches only as themselves (every code
# point checked), so a substring test finds what the case-blind pattern did.
_CALLED_OFF_AR = ("تأجيل", "أرجئ", "ألغي", "إلغاء")
_APPROXIMATE = re.compile(
    _opening(
        r"around|approximately|roughly|примерно|около|hacia|vers|gegen|yaklaşık|حوالي|نحو|"
        r"oko|podría|could|might|pourrait|könnte"
    ) + r"\W*(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)
_LEAD_WORDS = re.compile(
    r"(?:\b" + _opening(
        r"on|from|by|until|le|du|au|el|del|am|vom|bis|den|dne|na|od|do|в|с|до|к|في|يوم|"
        r"starting|beginning"
    ) + r"\s*)+$",
    re.IGNORECASE,
)
_RELATIVE_START = re.compile(
    r"^(?:which|who|that|where|when|où|qui|que|quand|que|cuando|donde|wo|die|der|das|"
    r"который|которая|которое|которые|где|когда|koji|koja|koje|gdje|التي|الذي)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…](?<!\b[A-Z].)(?<!\b[A-Z][a-z].)(?<!\bSept.)(?=\s+[^\W\d_\"“«„]|\s*$)")
_CLAUSE_SPLIT = re.compile(r"[,;:()—–]|\s-\s")


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    day: int
    month: int
    year: int | None
    literal: str
    relative: bool = False


def _dateline_end(text: str) -> int:
    from newswire.enrich.dateline import parse_dateline

    offset = 0
    for line in text.split("\n", 4)[:4]:
        # a dateline's date has digits: other lines need no parsing
        if _DIGIT_RE.search(line):
            found = parse_dateline(line)
            if found is not None and found.date:
                return offset + len(line) - len(found.remainder)
        offset += len(line) + 1
    return 0


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind("\n", 0, start), -1) + 1
    for m in _SENTENCE_END.finditer(text, left, start):
        left = m.end()
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    stop = _SENTENCE_END.search(text, end, right)
    if stop is not None:
        right = stop.end()
    return left, right


def _clause(text: str, start: int, end: int) -> str:
    """The clause around text[start:end], the date itself taken out."""
    left, right = _sentence(text, start, end)
    before = text[left:start]
    after = text[end:right]
    parts_before = _CLAUSE_SPLIT.split(before)
    parts_after = _CLAUSE_SPLIT.split(after)
    head = parts_before[-1]
    tail = parts_after[0]
    head_text = _LEAD_WORDS.sub("", head).strip()
    if (_RELATIVE_START.match(head_text) or len((head_text + tail).split()) < 3) and len(
        parts_before
    ) > 1:
        head_text = (parts_before[-2].strip() + ", " + head_text).strip(", ")
    tail = re.sub(r"^(?:'|’)?\w{0,4}\b", "", tail) if tail[:1] in ("'", "’") else tail
    tail = re.sub(r"^\s*(?:года|godine|г\.)", "", tail)
    name = " ".join(f"{head_text} {tail.strip()}".split()).strip(" ,.;")
    if len(name) > MAX_NAME_CHARS:
        name = name[:MAX_NAME_CHARS].rsplit(" ", 1)[0] + "…"
    return name


def _matches(text: str) -> list[_Found]:
    found: list[_Found] = []
    hits: list[tuple[re.Pattern[str], re.Match[str]]] = []
    # Anchor on the (few) one- and two-digit numbers rather than scanning every position.
    for num in _NUMBER_RE.finditer(text):
        p = num.start()
        dmy = _DMY_RE.match(text, p)
        if dmy is not None:
            hits.append((_DMY_RE, dmy))
        back = _MONTH_BEFORE_RE.search(text, max(0, p - 14), p)
        if back is not None:
            mdy = _MDY_RE.match(text, back.start())
            if mdy is not None:
                hits.append((_MDY_RE, mdy))
    for regex, m in hits:
        month_word = m.group("m")
        if regex is _MDY_RE and fold(month_word) not in _EN_MONTHS:
            continue
        if fold(month_word) in _CASED_ONLY and not month_word[0].isupper():
            continue
        if fold(month_word) in _MONTH_ONLY_FORMS:
            continue
        month = _MONTH_OF.get(fold(month_word))
        if month is None:
            continue
        day = int(m.group("d"))
        year = int(m.group("y")) if m.group("y") else None
        literal = m.group().rstrip(" .,")
        found.append(_Found(m.start(), m.start() + len(literal), day, month, year, literal))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[_Found] = []
    for f in found:
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out


def _inside_name(text: str, f: _Found) -> bool:
    """"July 15 Martyrs Bridge", "15 Temmuz Şehitler Köprüsü": a capitalised word follows."""
    rest = text[f.end:f.end + 30]
    m = re.match(r" ([^\W\d_][\w-]*)", rest)
    if m is None:
        return False
    word = m.group(1)
    return word[0].isupper() and fold(word) not in _WEEKDAY_OF and not word.isupper()


_STRONG_PAST_BEFORE = re.compile(
    _opening(
        r"pasado|pasada|last|geçen|geçtiğimiz|dernier|dernière|prošlog|prošle|прошлого|"
        r"прошлой|vergangenen|letzten"
    ) + r"\W+(?:\w+\W+)?$",
    re.IGNORECASE,
)
_STRONG_PAST_AFTER = re.compile(
    r"^\W*(?:\d{4}\W+)?(?:الماضي|الماضية|الفائت|dernier|dernière|pasado|passé)", re.IGNORECASE
)


def _words(text: str) -> list[str]:
    return text.split()


_F_WORDS = frozenset(_words(
    "will shall scheduled upcoming planned next önümüzdeki gelecek planlanan planlanıyor "
    "будет будут состоится пройдет пройдёт откроется стартует doit doivent va vont será serán "
    "comenzará wird werden soll sollen findet geplant će سوف المقبل المقبلة القادم القادمة "
    "المقرر المرتقب "
))
_F_PREFIXES = (
    "планиру", "намерен", "следующ", "предстоящ", "начн", "prochain", "prévu", "próxim",
    "previst", "kommend", "naredn", "sljedeć", "planiran",
)
_F_PHRASES = frozenset({
    "to be held", "due to", "is due", "are due", "plans to", "plan to", "is set", "are set",
    "expected to", "aura lieu", "se tiendra", "se celebrará", "tendrá lugar", "održat će",
})
_P_WORDS = frozenset(_words(
    "last ago previous previously earlier geçen geçtiğimiz önceki был была было были dernier "
    "dernière avait avaient était pasado pasada anterior fue había war wurde hatte bio bila "
    "الماضي الماضية السابق الفائت "
))
_P_PREFIXES = ("прошл", "прошедш", "состоявш", "précédent", "vergangen", "prošl", "održan")
_P_PHRASES = frozenset({"was held", "were held", "took place", "a eu lieu"})
_PASSIVE_AUX = frozenset({"be", "been", "being"})
_TR_FUTURE_PARTS = ("acak", "ecek", "acağ", "eceğ")
_TR_PAST_PARTS = ("mış", "miş", "muş", "müş")
_TR_PAST_ENDS = ("dı", "di", "du", "dü", "tı", "ti", "tu", "tü")


_PHRASE_STARTS = frozenset(p.split()[0] for p in _F_PHRASES | _P_PHRASES)
# lang -> word -> (a future cue by itself, a past cue by itself, what the later word rules say)
_WORD_CUES: dict[str | None, dict[str, tuple[bool, bool, str | None]]] = {}
_MAX_WORD_CUES = 100_000


def _word_cue(word: str, lang: str | None) -> tuple[bool, bool, str | None]:
    """The parts of :func:`_cue` that depend on the word alone, remembered per language."""
    table = _WORD_CUES.get(lang)
    if table is None:
        table = _WORD_CUES[lang] = {}
    found = table.get(word)
    if found is None:
        if len(table) > _MAX_WORD_CUES:
            table.clear()
        found = table[word] = (
            word in _F_WORDS or word.startswith(_F_PREFIXES),
            word in _P_WORDS or word.startswith(_P_PREFIXES),
            _late_cue(word, lang),
        )
    return found


def _late_cue(word: str, lang: str | None) -> str | None:
    if word[:1] == "س" and len(word) >= 4 and word[:2] != "سن":
        return "f"  # Arabic future prefix: ستعقد, سيزور
    if lang in (None, "tr") and len(word) > 4:
        if any(part in word[2:] for part in _TR_FUTURE_PARTS):
            return "f"
        if any(part in word[2:] for part in _TR_PAST_PARTS) or (
            lang == "tr" and word.endswith(_TR_PAST_ENDS)
        ):
            return "p"
    if lang in (None, "fr") and len(word) > 5 and word.endswith(("era", "eront", "ira", "iront")):
        return "f"
    if lang in (None, "es") and len(word) > 4 and word.endswith(("rá", "rán")):
        return "f"
    if lang in (None, "en") and len(word) > 4 and word.endswith("ed") and word not in (
        "scheduled", "planned", "expected", "needed", "indeed", "red", "speed"
    ):
        return "p"
    return None


def _cue(words: list[str], k: int, lang: str | None) -> str | None:
    """"f" (future), "p" (past) or None for the word at ``k`` (lower case)."""
    word = words[k]
    future, past, late = _word_cue(word, lang)
    if future:
        return "f"
    if late == "p" and not past and k and words[k - 1] in _PASSIVE_AUX:
        return None  # "will be connected", "would be announced": a participle, not a past
    if word in _PHRASE_STARTS and k + 1 < len(words):
        pair = f"{word} {words[k + 1]}"
        if pair in _F_PHRASES:
            return "f"
        if k + 2 < len(words) and f"{pair} {words[k + 2]}" in _F_PHRASES:
            return "f"
        if pair in _P_PHRASES:
            return "p"
    if past:
        return "p"
    return late


# lang -> (the words classified so far, those among them that are a future cue whatever
# follows them)
_AHEAD: dict[str | None, tuple[set[str], set[str]]] = {}


def looks_ahead(words: list[str], lang: str | None) -> bool:
    """True when any of these lower-case words is a future cue ("will", "-acak", "состоится",
    "se celebrará", "المقبل"): the sentence says what is scheduled. (The same verdict as
    :func:`_cue` giving "f" for one of the words, mostly decided by set operations.)"""
    lang = norm_lang(lang)
    sets = _AHEAD.get(lang)
    if sets is None:
        sets = _AHEAD[lang] = (set(), set())
    known, ahead = sets
    distinct = set(words)
    unknown = distinct - known
    if unknown:
        if len(known) > _MAX_WORD_CUES:
            known.clear()
            ahead.clear()
            unknown = distinct
        for word in unknown:
            future, past, late = _word_cue(word, lang)
            if future or (late == "f" and not past and word not in _PHRASE_STARTS):
                ahead.add(word)
            known.add(word)
    if not ahead.isdisjoint(distinct):
        return True
    if _PHRASE_STARTS.isdisjoint(distinct):
        return False
    # a phrase ("due to", "aura lieu") or a cue a following word may cancel ("was held")
    return any(word in _PHRASE_STARTS and _cue(words, k, lang) == "f" for k, word in enumerate(words))


def _tense(
    text: str, left: int, start: int, end: int, right: int, lang: str | None
) -> str | None:
    """"past", "future" or None for the date at text[start:end] in its sentence: a marker
    right next to the date, else the nearest tense cue (after the date in Turkish, before
    it in the other languages, then the other side)."""
    if _STRONG_PAST_BEFORE.search(text[max(left, start - 30):start]) or _STRONG_PAST_AFTER.match(
        text[end:end + 24]
    ):
        return "past"
    left, right = max(left, start - 160), min(right, end + 160)

    def after() -> str | None:  # the nearest cue after the date
        words = WORD_RE.findall(text[end:right].lower())
        return next((c for k in range(len(words)) if (c := _cue(words, k, lang))), None)

    def before() -> str | None:  # the nearest cue before it
        words = WORD_RE.findall(text[left:start].lower())
        return next((c for k in range(len(words) - 1, -1, -1) if (c := _cue(words, k, lang))), None)

    # The second side is only read when the first has no cue.
    found = (after() or before()) if lang == "tr" else (before() or after())
    return None if found is None else ("future" if found == "f" else "past")


def _looks_ahead(sentence: str, lang: str | None) -> bool:
    return looks_ahead(WORD_RE.findall(sentence.lower()), lang)


def _just_past(when: date, story_date: date) -> bool:
    """True when a day and month without a year (``when``, in the story's year) fell on the
    story date or within :data:`RECENT_DAYS` before it - this year's or, for a story early in
    January, last year's ("Dec. 28" in a story of Jan. 5). Such a date is the story's own or
    one just past, never next year's."""
    last = when if when <= story_date else _safe_date(when.year - 1, when.month, when.day)
    return last is not None and (story_date - last).days <= RECENT_DAYS


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_planned(
    text: str,
    lang: str | None = None,
    story_date: date | None = None,
    *,
    month_only: bool = False,
) -> list[PlannedEvent]:
    """Future dated events in ``text`` relative to ``story_date`` (pure)."""
    lang = norm_lang(lang)
    work = text.translate(_DIGITS) if _EASTERN_DIGIT_RE.search(text) else text
    skip_until = _dateline_end(work)
    out: list[PlannedEvent] = []
    seen: set[str] = set()

    def add(start: str, literal: str, s: int, e: int) -> None:
        if start in seen:
            return
        seen.add(start)
        out.append(PlannedEvent(name=_clause(work, s, e) or literal, start=start,
                                literal=text[s:e], creator=MACHINE_CREATOR))

    candidates: list[tuple[int, int, str, str]] = []  # start, end, iso, literal
    for f in _matches(work):
        if f.start < skip_until:
            continue
        # The date itself first (cheap): past explicit dates need no further look.
        rolled = False
        if f.year is not None:
            when = _safe_date(f.year, f.month, f.day)
            if when is None or (story_date is not None and when <= story_date):
                continue
        else:
            if story_date is None:
                continue
            when = _safe_date(story_date.year, f.month, f.day)
            if when is None or _just_past(when, story_date):
                continue
            if when <= story_date:
                when = _safe_date(story_date.year + 1, f.month, f.day)
                if when is None:
                    continue
                rolled = True
        if _inside_name(work, f):
            continue
        left, right = _sentence(work, f.start, f.end)
        sentence = work[left:right]
        if (
            _CALLED_OFF.search(sentence)
            or any(word in sentence for word in _CALLED_OFF_AR)
            or _APPROXIMATE.search(work[max(left, f.start - 60):f.start])
        ):
            continue
        if f.year is not None:
            if story_date is None and not _looks_ahead(sentence, lang):
                continue
        else:
            past = _tense(work, left, f.start, f.end, right, lang) == "past"
            if past:
                continue
            far = story_date is not None and (when - story_date).days > NEAR_DAYS
            if rolled and far and not _looks_ahead(sentence, lang):
                continue
        candidates.append((f.start, f.end, when.isoformat(), f.literal))
    if story_date is not None:
        low = work.lower()
        if len(low) != len(work):  # a rare letter whose lower case is longer
            low = work
        relative: list[tuple[int, int, str, str]] = []  # start, end, weekday word, literal
        for cue_word in _NEXT_WORDS:
            for pos in _occurrences(low, cue_word):
                tail = _NEXT_TAIL_RE.match(work, pos + len(cue_word))
                if tail is not None:
                    relative.append((pos, tail.end(), tail.group(1), work[pos:tail.end()]))
        for cue_word in _WEEKDAY_CUES:  # (relative is sorted below with the other candidates)
            pos = work.find(cue_word)
            while pos >= 0:
                end = pos + len(cue_word)
                back = _WEEKDAY_NEXT_RE.search(work, max(0, pos - 30), end)
                if back is not None:
                    relative.append((back.start(), back.end(), back.group(1), back.group()))
                pos = work.find(cue_word, end)
        for start, end, word, literal in relative:
            if start < skip_until:
                continue
            weekday = _WEEKDAY_OF.get(fold(word))
            if weekday is None:
                continue
            ahead = (weekday - story_date.weekday()) % 7 or 7
            when = story_date + timedelta(days=ahead)
            candidates.append((start, end, when.isoformat(), literal))
        for tomorrow in _TOMORROW_WORDS:
            for pos in _occurrences(low, tomorrow):
                end = pos + len(tomorrow)
                if pos < skip_until or (end < len(low) and low[end].isalpha()):
                    continue
                if tomorrow == "morgen" and work[pos] == "M":
                    continue  # "Morgen" is the morning
                if tomorrow == "mañana" and _morning(low, pos):
                    continue
                when = story_date + timedelta(days=1)
                candidates.append((pos, end, when.isoformat(), work[pos:end]))
        if month_only:
            for m in _MONTH_ONLY_RE.finditer(work):
                month = _MONTH_OF.get(fold(m.group("m")))
                if month is None or m.start() < skip_until:
                    continue
                year = int(m.group("y")) if m.group("y") else story_date.year
                if not m.group("y") and month <= story_date.month:
                    left, right = _sentence(work, m.start(), m.end())
                    if not _looks_ahead(work[left:right], lang):
                        continue
                    year += 1
                if (year, month) <= (story_date.year, story_date.month):
                    continue
                candidates.append((m.start(), m.end(), f"{year:04d}-{month:02d}", m.group()))
    candidates.sort()
    for s, e, iso, _literal in candidates:
        add(iso, _literal, s, e)
    return out


def story_date(item: Item) -> date | None:
    """The date the story speaks from: its version, else first, else content creation."""
    stamp: datetime | None = item.version_created or item.first_created or item.content_created
    return stamp.date() if stamp is not None else None


def extract_planning(item: Item) -> Item:
    """Pipeline step: add the story's diary entries to ``item.planning`` (pure).

    Entries already there (an editor's, or an earlier run's) stay; a found entry with the
    same start date as one of them is not added again.
    """
    text = enriched_text(item)
    if not text:
        return item
    found = find_planned(text, item.language, story_date(item))
    have = {p.start for p in item.planning}
    new = tuple(p for p in found if p.start not in have)
    if not new:
        return item
    return item.evolve(planning=item.planning + new)
