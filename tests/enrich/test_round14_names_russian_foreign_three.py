"""Issue 15, fourteenth round: in Russian a capitalised run of three names with no patronymic is
kept whole when its first word is no genitive (a foreign player's given name and two surnames:
"Жуан Виктор Силва"); an employer's genitive before a name ("Газпромбанка Анна Ковалева") is
still left off. Invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ru").people]


def test_a_foreign_footballer_of_three_names() -> None:
    text = "На 57-й минуте счет сравнял нападающий Жоэл Рикардо Мендонса, замкнув передачу с фланга."
    assert people(text) == ["Жоэл Рикардо Мендонса"]


def test_an_employer_in_the_genitive_is_left_off() -> None:
    text = "Об этом сообщил аналитик Промсвязьбанка Олег Тарасенко журналистам."
    assert people(text) == ["Олег Тарасенко"]
