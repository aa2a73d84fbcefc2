"""Russian: how far an organisation's genitive chain runs ("Институт экономики
транспорта и транспортной политики") and the adjectives before a lower-case head.
"""

from __future__ import annotations

import re

from newswire.enrich.entities.story import _cased, _Story, _token_at
from newswire.enrich.entities.words import (
    _RU_ADJ_ENDINGS,
    _RU_ADJ_ENDINGS_FOLDED,
    _RU_GEN_ENDINGS,
    _RU_VERB_ENDINGS,
    _STOP_FOLDED,
)
from newswire.vocab.people_orgs import ORGANISATION
from newswire.vocab.places import fold, gazetteer

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

    if k < story.n and words[k].isdigit() and len(words[k]) <= 4 and story.gap_before(k) in (" № ", " №"):
        return k + 1  # "Городская клиническая больница № 25": the number is the name's
    while k < story.n and k - end < 9 and story.tight(k - 1):
        word = words[k]
        folded = fold(word)
        kinds = story.kinds_at(k)
        if "place" in kinds:
            k = _region_noun(story, story.matches[story.owner[k]].end)  # "Российской Федерации", whole
            k = _po_region(story, k)
            break
        if folded == "по":
            region = _po_region(story, k)
            k = region if region > k else _po_field(story, k)
            break
        if word == "Республики" and k + 1 < story.n and story.tight(k) and _cased(words[k + 1]):
            k += 2  # "Народное собрание Республики Дагестан"
            break
        if not _cased(word) and k + 1 < story.n and story.gap_before(k + 1) == "-" and not _cased(
            words[k + 1]
        ) and fold(words[k + 1]).endswith(_RU_GEN_ENDINGS) and folded not in _STOP_FOLDED:
            k += 2  # "Ассоциация компаний интернет-торговли": a hyphenated genitive
            if fold(words[k - 1]).endswith(_RU_ADJ_ENDINGS_FOLDED) and k < story.n and story.tight(k - 1) and not (
                _cased(words[k]) or fold(words[k]) in _STOP_FOLDED or fold(words[k]).endswith(_RU_VERB_ENDINGS)
            ):
                k += 1  # "медико-биологических проблем": a hyphenated adjective and its noun
            continue
        if folded == "и" and k > end and k + 1 < story.n and story.tight(k) and genitive(k + 1):
            k += 1  # "... транспорта и транспортной политики"
            continue
        if word.isupper() and len(word) >= 2 and k + 1 < story.n and story.tight(k) and (
            "place" in story.kinds_at(k + 1) or fold(words[k + 1]) == "по"
        ):
            k += 1  # "Главное управление МЧС России по ...": the ministry's acronym, then its country
            continue
        if folded == "имени":
            named = _namesake_end(story, k + 1)
            if named > k + 1:
                k = _academy_acronyms_end(story, named)
            break
        if folded in _STOP_FOLDED or folded.endswith(_RU_VERB_ENDINGS):
            break
        if genitive(k):
            k += 1
            continue
        if (  # a capitalised genitive adjective before a genitive noun: "Высшей школы",
            # "совета Союзного государства" (right after the head too)
            _cased(word) and folded.endswith(_RU_GEN_ENDINGS)
            and k + 1 < story.n and story.tight(k) and genitive(k + 1)
        ):
            k += 1
            continue
        if (  # a capitalised genitive noun right after the head ends it: "Совет Федерации"
            k == end and _cased(word) and folded.endswith(_RU_GEN_ENDINGS) and kinds <= {"org_start"}
            and not (k + 1 < story.n and story.tight(k) and _cased(words[k + 1]))
        ):
            k = _po_region(story, k + 1)  # "управление Роспотребнадзора по Самарской области"
        break
    if k > end and not _cased(words[k - 1]):
        # "Сибирского отделения РАН", "экологии животных СО РАН": the academy's acronyms
        # (unknown words in capitals) close the chain
        k = _academy_acronyms_end(story, k)
    return k


# Nouns after "по" that open an adverbial phrase, not a body's field: "суд по делу",
# "комиссия по итогам проверки".
_RU_PO_NOT_FIELDS = frozenset(fold(w) for w in (
    "делу", "итогам", "словам", "данным", "поводу", "факту", "сравнению", "мнению", "информации",
    "оценке", "оценкам", "результатам", "прогнозу", "просьбе", "решению", "приглашению", "причине",
    "случаю", "линии", "адресу", "телефону", "месту", "времени", "сути", "счету", "меньшей", "крайней",
    "всей", "всему", "всем", "отношению", "итогу", "ходу", "мере", "сей", "этому", "той",
))
_RU_DATIVE_ADJ = tuple(fold(w) for w in ("ому", "ему", "ой", "ей", "ым", "им"))
_RU_DATIVE_NOUN = tuple(fold(w) for w in ("у", "ю", "ам", "ям", "ии", "е", "и"))
_MAX_FIELD_WORDS = 8


def _po_field(story: _Story, k: int) -> int:
    """A body's field after "по" at word k, in the dative, belongs to its name: "Федеральное
    агентство по рыболовству", "Российский совет по международным делам", "комитет по науке
    и высшему образованию", "Федеральная служба по надзору в сфере образования и науки";
    k when none follows (or the phrase is an adverbial one: "суд по делу")."""
    words = story.toks.words
    end = k

    def dative_phrase(j: int) -> int:
        """End of (adjectives and) a dative noun from word j, else j."""
        x = j
        while x < story.n and x - j < 2 and story.tight(x - 1) and not _cased(words[x]) and fold(
            words[x]
        ).endswith(_RU_DATIVE_ADJ) and fold(words[x]) not in _STOP_FOLDED:
            x += 1
        if x < story.n and story.tight(x - 1) and (
            (not _cased(words[x]) and fold(words[x]).endswith(_RU_DATIVE_NOUN)
             and fold(words[x]) not in _STOP_FOLDED and not fold(words[x]).endswith(_RU_VERB_ENDINGS))
            or (x > j and words[x].isupper() and len(words[x]) >= 2)
        ) and fold(words[x]) not in _RU_PO_NOT_FIELDS and fold(words[j]) not in _RU_PO_NOT_FIELDS:
            return x + 1
        return j

    j = dative_phrase(k + 1)
    if j == k + 1 or not story.tight(k):
        return end
    end = j
    while end < story.n and end - k < _MAX_FIELD_WORDS and story.tight(end - 1):
        folded = fold(words[end])
        if folded == "и" and end + 1 < story.n:
            nxt = dative_phrase(end + 1)
            if nxt == end + 1 and words[end + 1].isupper() and len(words[end + 1]) >= 2:
                nxt = end + 2  # "по строительству и ЖКХ"
            if nxt == end + 1:
                break
            end = nxt
            continue
        if folded == "в" and end + 2 < story.n and fold(words[end + 1]) == "сфере" and story.tight(end):
            x = end + 2
            while x < story.n and story.tight(x - 1) and not _cased(words[x]) and (
                fold(words[x]).endswith(_RU_GEN_ENDINGS) or fold(words[x]) == "и"
            ) and fold(words[x]) not in _STOP_FOLDED - {"и"} and not fold(words[x]).endswith(_RU_VERB_ENDINGS):
                x += 1
            if x > end + 2 and fold(words[x - 1]) != "и":
                end = x
            break
        if not _cased(words[end]) and folded.endswith(_RU_GEN_ENDINGS) and folded not in _STOP_FOLDED and (
            not folded.endswith(_RU_VERB_ENDINGS)
        ):
            end += 1  # "по гидрометеорологии и мониторингу окружающей среды"
            continue
        if "place" in story.kinds_at(end) and story.matches[story.owner[end]].start == end:
            end = _region_noun(story, story.matches[story.owner[end]].end)  # "... Санкт-Петербурга"
        break
    return end


def _academy_acronyms_end(story: _Story, k: int) -> int:
    words = story.toks.words
    while k < story.n and story.tight(k - 1) and words[k].isupper() and len(words[k]) >= 2 and story.free(k):
        k += 1
    return k


def _namesake_end(story: _Story, k: int) -> int:
    """The person a body is named after, from word k after "имени": initials and a surname
    ("имени П. П. Ширшова", "имени Г.И. Будкера") or a first name and a surname ("имени Мусы
    Джалиля"); k itself when no name follows."""
    toks, words = story.toks, story.toks.words
    j = k
    while j + 1 < story.n and len(words[j]) == 1 and words[j].isupper() and (
        toks.text[toks.ends[j]:toks.starts[j + 1]] in (".", ". ")
    ):
        j += 1
    if j >= story.n or not _cased(words[j]) or words[j].isupper():
        return k
    if j == k and j + 1 < story.n and story.tight(j) and _cased(words[j + 1]) and not words[j + 1].isupper():
        j += 1  # a first name before the surname
    return j + 1


# A region's noun after its adjective, in the genitive or dative: "Новосибирской области",
# "по Хабаровскому краю".
_RU_REGION_NOUNS = frozenset(fold(w) for w in (
    "области", "края", "краю", "республики", "республике", "округа", "округу", "района", "району",
))


def _po_region(story: _Story, k: int) -> int:
    """ "по Иркутской области" at word k belongs to a name ("Главное управление МЧС России по
    Иркутской области"): the end after it, else k."""
    words = story.toks.words
    if k + 2 < story.n and fold(words[k]) == "по" and story.tight(k - 1) and story.tight(k) and _cased(
        words[k + 1]
    ) and fold(words[k + 1]).endswith(_RU_ADJ_ENDINGS_FOLDED) and story.tight(k + 1) and (
        fold(words[k + 2]) in _RU_REGION_NOUNS
    ):
        return k + 3
    if k + 1 < story.n and fold(words[k]) == "по" and story.tight(k - 1) and story.tight(k) and (
        story.kinds_at(k + 1) == {"place"} and story.matches[story.owner[k + 1]].start == k + 1
    ):
        return story.matches[story.owner[k + 1]].end  # "... СК России по Санкт-Петербургу": a city
    return _po_republic(story, k)


def _po_republic(story: _Story, k: int) -> int:
    """ "по Республике Дагестан" at word k belongs to a name ("Главное управление МЧС России по
    Республике Дагестан"): the end after the republic's name (one word, or two joined by a
    hyphen), else k."""
    words = story.toks.words
    if k + 2 < story.n and fold(words[k]) == "по" and story.tight(k - 1) and story.tight(k) and (
        fold(words[k + 1]) == "республике" and story.gap_before(k + 2) == " " and _cased(words[k + 2])
    ):
        end = k + 3
        if end + 1 < story.n and story.gap_before(end) == "-" and _cased(words[end]):
            end += 1  # "по Республике Кабардино-Балкария": one name
        return end
    return k


def _region_noun(story: _Story, end: int) -> int:
    """After a place written as an adjective, its region noun belongs to the name too."""
    if end < story.n and story.tight(end - 1) and fold(story.toks.words[end]) in _RU_REGION_NOUNS:
        return end + 1
    return end


def _ru_org_head_start(story: _Story, start: int, tailed: bool = False) -> int:
    """Two or more adjectives, the first capitalised, before a lower-case Russian head are
    part of the name: "Объединённая авиастроительная корпорация"; so is one singular
    adjective before a head with a genitive chain ("Федерального агентства морского и
    речного транспорта"), with the first half of a hyphenated one ("Санкт-Петербургский
    городской суд")."""
    k = _ru_adjectives_before(story, start, tailed)
    words = story.toks.words
    if k < start and k > 0 and story.gap_before(k) == "-" and _cased(words[k - 1]):
        k -= 1
    return k


def _ru_adjectives_before(story: _Story, start: int, tailed: bool) -> int:
    words = story.toks.words
    if _cased(words[start]):
        return start
    k = start
    # a national adjective the gazetteer knows ("Белорусская") may open the name
    while k > 0 and start - k < 3 and story.tight(k - 1) and (
        story.free(k - 1) or story.kinds_at(k - 1) == {"adj"}
    ):
        prev = fold(words[k - 1])
        if prev in _STOP_FOLDED or not prev.endswith(_RU_HEAD_ADJ_ENDINGS) or prev.endswith(
            ("ние", "тие")  # "заседание совета": a verbal noun, not an adjective
        ):
            break
        k -= 1
        if _cased(words[k]):
            # one adjective will do before a head with a genitive chain, or before a head
            # that is an adjective and a noun itself ("Белорусская железная дорога")
            one = (tailed or fold(words[start]).endswith(_RU_ADJ_ENDINGS)) and not fold(
                words[k]
            ).endswith(_RU_PLURAL_ADJ)
            return k if start - k >= 2 or one else start
    return start


_RU_PLURAL_ADJ = ("ые", "ие", "ых", "их", "ыми", "ими")
# Adjective endings before a head, with the prepositional "-ом"/"-ем" ("в Главном управлении").
_RU_HEAD_ADJ_ENDINGS = (*_RU_ADJ_ENDINGS_FOLDED, "ом", "ем")

# Russian organisation heads: each inflected form -> (nominative, gender).
_RU_HEADS: dict[str, tuple[str, str]] = {}
for _nom, _gender, _stem, _endings in (
    ("министерство", "n", "министерств", "а у ом е"),
    ("агентство", "n", "агентств", "а у ом е"),
    ("ведомство", "n", "ведомств", "а у ом е"),
    ("управление", "n", "управлени", "я ю ем и"),
    ("объединение", "n", "объединени", "я ю ем и"),
    ("общество", "n", "обществ", "а у ом е"),
    ("банк", "m", "банк", "а у ом е"),
    ("фонд", "m", "фонд", "а у ом е"),
    ("комитет", "m", "комитет", "а у ом е"),
    ("совет", "m", "совет", "а у ом е"),
    ("союз", "m", "союз", "а у ом е"),
    ("институт", "m", "институт", "а у ом е"),
    ("университет", "m", "университет", "а у ом е"),
    ("центр", "m", "центр", "а у ом е"),
    ("суд", "m", "суд", "а у ом е"),
    ("департамент", "m", "департамент", "а у ом е"),
    ("завод", "m", "завод", "а у ом е"),
    ("служба", "f", "служб", "ы е у ой"),
    ("компания", "f", "компани", "и ю ей"),
    ("корпорация", "f", "корпораци", "и ю ей"),
    ("организация", "f", "организаци", "и ю ей"),
    ("федерация", "f", "федераци", "и ю ей"),
    ("комиссия", "f", "комисси", "и ю ей"),
    ("академия", "f", "академи", "и ю ей"),
    ("дирекция", "f", "дирекци", "и ю ей"),
    ("инспекция", "f", "инспекци", "и ю ей"),
    ("палата", "f", "палат", "ы е у ой"),
    ("биржа", "f", "бирж", "и е у ей"),
    ("дорога", "f", "дорог", "и е у ой"),
    ("лига", "f", "лиг", "и е у ой"),
    ("партия", "f", "парти", "и ю ей"),
    ("ассоциация", "f", "ассоциаци", "и ю ей"),
    ("школа", "f", "школ", "ы е у ой"),
    ("дума", "f", "дум", "ы е у ой"),
    ("больница", "f", "больниц", "ы е у ей"),
    ("театр", "m", "театр", "а у ом е"),
    ("профсоюз", "m", "профсоюз", "а у ом е"),
    ("оркестр", "m", "оркестр", "а у ом е"),
    ("консерватория", "f", "консерватори", "и ю ей"),
    ("филармония", "f", "филармони", "и ю ей"),
    ("библиотека", "f", "библиотек", "и е у ой"),
    ("собрание", "n", "собрани", "я ю ем и"),
    ("прокуратура", "f", "прокуратур", "ы е у ой"),
    ("таможня", "f", "таможн", "и е ю ей"),
    ("епархия", "f", "епархи", "и ю ей"),
    ("верфь", "f", "верф", "и ью"),
    ("флот", "m", "флот", "а у ом е"),
    ("метрополитен", "m", "метрополитен", "а у ом е"),
    ("диспансер", "m", "диспансер", "а у ом е"),
    ("отряд", "m", "отряд", "а у ом е"),
):
    for _ending in _endings.split():
        _RU_HEADS.setdefault(_stem + _ending, (_nom, _gender))
# Oblique adjective endings -> nominative, by the head's gender (longest first).
_RU_ADJ_NOMINATIVE = {
    "m": (("ого", "ый"), ("его", "ий"), ("ому", "ый"), ("ему", "ий"), ("ым", "ый"), ("им", "ий"),
          ("ом", "ый"), ("ем", "ий")),
    "n": (("ого", "ое"), ("его", "ее"), ("ому", "ое"), ("ему", "ее"), ("ым", "ое"), ("им", "ее"),
          ("ом", "ое"), ("ем", "ее")),
    "f": (("ой", "ая"), ("ей", "яя"), ("ую", "ая"), ("юю", "яя")),
}
_RU_SOFT_STEMS = ("к", "г", "х", "ж", "ш", "щ", "ч")  # "Российского" -> "Российский"
# First halves of hyphenated adjectives, which do not inflect.
_RU_COMPOUND_FIRSTS = frozenset(fold(w) for w in (
    "санкт", "ханты", "усть", "нижне", "верхне", "северо", "юго", "южно", "западно", "восточно",
    "ново", "старо", "горно", "научно", "военно", "финансово", "топливно", "историко",
))
# After a hushing consonant a feminine "-ей" is a hard ending: "генерирующей" -> "генерирующая".
_RU_HUSHING = ("ж", "ш", "щ", "ч", "ц")
# Adjectives of courts and bodies stressed on the ending, "-ой" in the nominative:
# "областного суда" -> "областной суд", "городского суда" -> "городской суд".
_RU_STRESSED_STEMS = frozenset((
    "областн", "городск", "краев", "окружн", "миров", "войсков", "полев",
    # round 17: "Российского зернового союза" -> "Российский зерновой союз"
    "зернов", "пищев", "грузов", "делов",
))


def _ru_nominative(words: list[str]) -> list[str] | None:
    """A Russian organisation's name in the nominative when it opens with adjectives and a
    head in an oblique case ("Федерального агентства морского транспорта" -> "Федеральное
    агентство морского транспорта"); None when there is nothing to change."""
    head = next((k for k, w in enumerate(words[:4]) if w.lower() in _RU_HEADS), None)
    if head is None:
        return None
    nominative, gender = _RU_HEADS[words[head].lower()]
    out = list(words)
    out[head] = nominative.capitalize() if words[head][:1].isupper() else nominative
    for k in range(head):
        word = words[k]
        if k + 1 < head and fold(word) in _RU_COMPOUND_FIRSTS:
            continue  # "Санкт-Петербургском", "Северо-Западного": the first half stays
        for oblique, ending in _RU_ADJ_NOMINATIVE[gender]:
            if word.endswith(oblique):
                stem = word[: -len(oblique)]
                if gender == "m" and stem.lower() in _RU_STRESSED_STEMS:
                    ending = "ой"
                elif gender == "m" and ending == "ый" and stem.endswith(_RU_SOFT_STEMS):
                    ending = "ий"
                elif gender == "f" and ending == "яя" and stem.endswith(_RU_HUSHING):
                    ending = "ая"
                out[k] = stem + ending
                break
        else:
            return None  # not an adjective in an oblique case: leave the name as written
    return out


def _ru_nominative_as_written(story: _Story, start: int, end: int, nominative: list[str]) -> str | None:
    """The name of words start..end with its opening words in the nominative and the gaps as
    written ("Санкт-Петербургском городском суде"); the words after the last one changed stay
    as written, initials too ("Института катализа имени Г. К. Борескова" -> "Институт ...").
    None when a changed word is joined by anything but a space or a hyphen."""
    toks, words = story.toks, story.toks.words
    changed = max((k for k, w in enumerate(nominative) if w != words[start + k]), default=0)
    gaps = [story.gap_before(start + k) for k in range(1, changed + 1)]
    if not all(g in (" ", "-") for g in gaps):
        return None
    rebuilt = nominative[0] + "".join(g + w for g, w in zip(gaps, nominative[1:changed + 1], strict=True))
    return rebuilt + toks.text[toks.ends[start + changed]:toks.ends[end - 1]]


# A board of an organisation opens the name of the organisation it belongs to: "Совет
# директоров Российского фонда прямых инвестиций" is the fund's board.
_RU_BOARDS = frozenset(("совет", "совета", "совету", "совете", "советом"))


def _ru_board_of(words: list[str]) -> int:
    """How many words of a board ("совет директоров") open the name, else 0."""
    if len(words) >= 4 and words[0].lower() in _RU_BOARDS and words[1].lower() == "директоров" and (
        words[2][:1].isupper()
    ):
        return 2
    return 0


# Stems Russian company names are compounded of, inside the word ("Сургутнефтегаз",
# "Норникель", "Ростелеком", "Аэрофлот", "Северсталь", "Сбербанк"); a word opening with one
# is a common noun at a sentence's start ("Газета", "Транспорт").
_RU_COMPANY_STEMS = tuple(fold(w) for w in (
    "нефт", "газ", "пром", "энерг", "никел", "телеком", "банк", "металл", "стал", "авиа", "флот",
    "строй", "хим", "агро", "лизинг", "сбыт", "транс", "трейд", "инвест",
))
# "Вымпелком", "Ростелеком": at the end only (not "Межправкомиссия", "Арктическом").
_RU_COMPANY_ENDS = (fold("ком"),)
_RU_NOT_COMPANY_ENDS = tuple(fold(w) for w in ("ском", "цком", "ским"))
# Ministries written short: "Минэнерго", "Минфин", "Минобороны".
_RU_MINISTRY_RE = re.compile(
    "^мин(?:энерго|фин|обороны|транс|здрав|промторг|экономразвития|юст|просвещения|обрнауки|"
    "сельхоз|природы|цифры|строй|труд|культуры|спорт|вуз)"
)
# Lower-case words that continue a company's name: "Газпром нефть", "Газпром межрегионгаз".
_RU_NAME_TAILS = tuple(fold(w) for w in ("нефт", "межрегионгаз", "энергохолдинг", "трансгаз", "добыча"))
_RU_CASE_ENDINGS = ("ом", "ем", "ой", "а", "я", "у", "ю", "е", "и")
_MIN_COMPANY = 6


def ru_companies(story: _Story) -> list[tuple[int, int, int, str]]:
    """``(start, end, confidence, nominative)`` of Russian companies written without
    guillemets: a capitalised word compounded of an industry stem, a brand in camel case
    ("МегаФон"), a ministry written short ("Минэнерго"), with a lower-case continuation
    ("Газпром нефти" -> "Газпром нефть"), back in the form the text names them by."""
    words, text = story.toks.words, story.text
    out: list[tuple[int, int, int, str]] = []
    text_words: set[str] | None = None
    # a headline names a body short ("Глава Росморречфлота", "Минприроды предложило") that
    # the story names in full: the body's mentions are the ones counted
    first = text.find("\n") + 1
    for m in _RU_CAPITALISED_RE.finditer(text):
        word = m.group()
        tail = _RU_TAIL_RE.match(text, m.end()) is not None
        if m.start() < first and not tail:
            continue
        folded = fold(word)
        camel = not word.isupper() and any(c.isupper() for c in word[1:])
        compound = len(word) >= _MIN_COMPANY and (_RU_STEM_RE.search(folded, 2) is not None or (
            folded.endswith(_RU_COMPANY_ENDS) and not folded.endswith(_RU_NOT_COMPANY_ENDS)
        ))
        if not (camel or compound or tail or _RU_MINISTRY_RE.match(folded)):
            continue
        k = _token_at(story.toks, m.start())
        if not (story.free(k) or story.kinds_at(k) == {"org_start"} or (tail and story.kinds_at(k) == {ORGANISATION})):
            continue  # a known company only with its continuation: "Газпром нефти"
        end = k + 2 if tail else k + 1
        if text_words is None:
            text_words = set(words)
        name = " ".join(_ru_base(w, text_words) for w in words[k:end])
        out.append((k, end, 55, name))
    if "-" in text:
        out.extend(_ru_hyphen_banks(story))
    if "бирж" in text:
        out.extend(_ru_exchanges(story))
    out.extend(_ru_bodies_of_a_territory(story))
    return out


# Bodies named by the territory they serve, in the genitive after them: "мэрия
# Новосибирска", "прокуратура Мурманской области", "правительство РФ".
_RU_TERRITORY_HEADS: dict[str, str] = {
    form: nominative
    for nominative, forms in (
        ("мэрия", ("мэрия", "мэрии", "мэрию", "мэрией")),
        ("прокуратура", ("прокуратура", "прокуратуры", "прокуратуре", "прокуратуру", "прокуратурой")),
        ("правительство", ("правительство", "правительства", "правительству", "правительством",
                           "правительстве")),
    )
    for form in forms
}
_RU_TERRITORY_NOUNS = frozenset(("области", "края", "республики", "округа"))
_RU_COUNTRY_SHORT = frozenset(("РФ", "России"))


def _ru_bodies_of_a_territory(story: _Story) -> list[tuple[int, int, int, str]]:
    """A city's hall, a region's prosecutors or a country's government named by their
    territory: the head in the nominative, the territory as written ("мэрии Екатеринбурга"
    -> "мэрия Екатеринбурга")."""
    words = story.toks.words
    out: list[tuple[int, int, int, str]] = []
    for k, word in enumerate(words[:-1]):
        nominative = _RU_TERRITORY_HEADS.get(word.lower())
        if nominative is None or not story.tight(k) or not _cased(words[k + 1]):
            continue
        end = _ru_territory_end(story, k + 1)
        if end > k + 1:
            head = nominative.capitalize() if word[:1].isupper() else nominative
            out.append((k, end, 60, " ".join((head, *words[k + 1:end]))))
    return out


def _ru_territory_end(story: _Story, k: int) -> int:
    """End of a territory in the genitive at word ``k``: "РФ", a city the gazetteer knows in
    the genitive ("Новосибирска"), or an adjective and "области"/"края" ("Мурманской
    области"); ``k`` when there is none."""
    words = story.toks.words
    if words[k] in _RU_COUNTRY_SHORT:
        return k + 1
    lower = words[k].lower()
    if k + 1 < story.n and lower.endswith(("ской", "цкой", "ого", "ой", "ей")) and story.tight(k) and (
        words[k + 1] in _RU_TERRITORY_NOUNS
    ):
        return k + 2
    if "place" in story.kinds_at(k) and lower.endswith(("а", "я", "ы", "и")):
        return k + 1
    return k


# A capitalised Cyrillic word of four letters or more, not part of a hyphenated word.
_RU_CAPITALISED_RE = re.compile(r"(?=[А-ЯЁ])(?<![\w-])[А-ЯЁ][а-яёА-ЯЁ]{3,}(?![\w-])")
_RU_STEM_RE = re.compile("|".join(_RU_COMPANY_STEMS))
_RU_TAIL_RE = re.compile(" (?:" + "|".join(_RU_NAME_TAILS) + ")")


def _ru_hyphen_banks(story: _Story) -> list[tuple[int, int, int, str]]:
    """"Альфа-Банка" -> "Альфа-Банк": a name joined to a capitalised head by a hyphen."""
    words = story.toks.words
    out: list[tuple[int, int, int, str]] = []
    for m in _RU_HYPHEN_HEAD_RE.finditer(story.text):
        head = _RU_HEADS.get(fold(m.group(1)))
        if head is None:
            continue
        k = _token_at(story.toks, m.start(1))
        if k < 1 or not _cased(words[k - 1]):
            continue
        nominative = head[0][0].upper() + head[0][1:]
        out.append((k - 1, k + 1, 55, words[k - 1] + "-" + nominative))
    return out


_RU_HYPHEN_HEAD_RE = re.compile(r"-(?<=\w-)([А-ЯЁ][а-яё]+)")  # "-" first: the engine skips to hyphens
# Heads the cue list does not carry: "на Московской бирже" -> "Московская биржа".
_RU_MORE_HEADS = frozenset(fold(w) for w in ("биржа", "биржи", "бирже", "биржу", "биржей"))


def _ru_exchanges(story: _Story) -> list[tuple[int, int, int, str]]:
    words = story.toks.words
    out: list[tuple[int, int, int, str]] = []
    for k in range(1, story.n):
        if fold(words[k]) not in _RU_MORE_HEADS or not _cased(words[k - 1]) or not story.tight(k - 1) or not (
            fold(words[k - 1]).endswith(_RU_ADJ_ENDINGS_FOLDED) and story.free(k - 1)
        ):
            continue
        nominative = _ru_nominative(words[k - 1:k + 1])
        out.append((k - 1, k + 1, 55, " ".join(nominative or words[k - 1:k + 1])))
    return out


def _ru_base(word: str, text_words: set[str]) -> str:
    """``word`` without a case ending when the story writes it so elsewhere (or with a soft
    sign: "Норникеля" -> "Норникель", "нефти" -> "нефть")."""
    for ending in _RU_CASE_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            base = word[: -len(ending)]
            for candidate in (base, base + "ь", base + "а"):
                if candidate != word and candidate in text_words:
                    return candidate
            if ending in _RU_MASCULINE_CASES and fold(base).endswith(_RU_HARD_STEM_ENDS):
                return base  # "Райффайзенбанка" -> "Райффайзенбанк", "Сургутнефтегаза"
    return word


# A company named after one of these stems is a masculine noun with a hard ending: its
# genitive, dative and instrumental lose their ending ("Вымпелкомом" -> "Вымпелком").
_RU_HARD_STEM_ENDS = tuple(fold(w) for w in ("банк", "газ", "пром", "флот", "ком", "трейд", "строй", "хим"))
_RU_MASCULINE_CASES = frozenset(("а", "у", "ом", "е"))


def ru_named_like_a_city(word: str, text_words: set[str]) -> str:
    """A one-word Russian name in an oblique case back in its base form, as the story writes
    it elsewhere or as the city a club is named after: "«Ростова»" -> "Ростов",
    "«Краснодаром»" -> "Краснодар" (``word`` when neither is known)."""
    base = _ru_base(word, text_words)
    if base != word:
        return base
    for ending in _RU_CASE_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 3:
            stem = word[: -len(ending)]
            if any(p.kind == "city" and p.name_in("ru") == stem for p in gazetteer().lookup(stem, "ru")):
                return stem
    return word

