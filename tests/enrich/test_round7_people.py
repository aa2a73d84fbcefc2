"""Issue 15, seventh round: people whose names are longer than a name run takes (a
patronymic, a hyphenated double surname), titles the tables lacked, and titles left on a
name; one behaviour per test, on invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def people(text: str, lang: str) -> list[str]:
    return [p.name for p in find_entities(text, lang).people]


def test_russian_name_starts_at_the_given_name_before_the_patronymic() -> None:
    text = "Инфляция замедлится, - считает главный аналитик Промсвязьбанка Олег Игоревич Лунин.\n"
    assert people(text, "ru") == ["Олег Игоревич Лунин"]


def test_russian_patronymic_and_hyphenated_surname_kept_whole() -> None:
    text = "Руководитель отдела Росбанка Марина Олеговна Белова-Ручьева полагает, что рынок устоял.\n"
    assert people(text, "ru") == ["Марина Олеговна Белова-Ручьева"]


def test_hyphenated_given_name_and_surname_not_cut_at_four_words() -> None:
    text = "„Das Gesetz ist klar“, sagte Rechtsreferentin Eva-Maria Kolbeck-Arndt nach der Sitzung.\n"
    assert people(text, "de") == ["Eva-Maria Kolbeck-Arndt"]
