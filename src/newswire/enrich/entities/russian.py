"""Russian: how far an organisation's genitive chain runs ("Институт экономики
транспорта и транспортной политики") and the adjectives before a lower-case head.
"""

from __future__ import annotations

import re

from newswire.enrich.entities.story import _cased, _Story
from newswire.enrich.entities.words import _RU_ADJ_ENDINGS, _RU_GEN_ENDINGS, _RU_VERB_ENDINGS, _STOP_FOLDED
from newswire.vocab.places import fold

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
