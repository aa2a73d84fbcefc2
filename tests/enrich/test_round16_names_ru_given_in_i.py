"""Round sixteen, names: a Russian man's given name ending in "-й" ("Андрей", "Аркадий",
"Геннадий") first written in an oblique case ("Андрея", "Аркадию", "Андреем") is named in
the nominative the story also writes."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str) -> list[str]:
    return [e.name or "" for e in find_entities(text, "ru").people]


def test_genitive_name_takes_the_nominative_written_later() -> None:
    text = (
        "Суд арестовал бывшего директора завода Валерия Кондрашовского. "
        "По версии следствия, Валерий Кондрашовский получил взятку в 2024 году."
    )
    assert _people(text) == ["Валерий Кондрашовский"]


def test_genitive_double_surname_takes_the_nominative() -> None:
    text = (
        "Прокурор запросил срок для Андрея Лыкова-Озерского. "
        "В 2023 году Андрей Лыков-Озерский подписал договор, сообщил суд."
    )
    assert "Андрей Лыков-Озерский" in _people(text)
    assert "Андрея Лыкова-Озерского" not in _people(text)


def test_a_name_never_written_in_the_nominative_stays_as_written() -> None:
    text = "Суд арестовал бывшего директора завода Валерия Кондрашовского на два месяца."
    assert _people(text) == ["Валерия Кондрашовского"]
