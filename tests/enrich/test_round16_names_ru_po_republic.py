"""Round sixteen, organisations: a Russian federal body's regional branch "по Республике X"
is part of its name, as "по X области" already was."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str) -> list[str]:
    return [e.name or "" for e in find_entities(text, "ru").organisations]


def test_branch_in_a_republic_is_named_whole() -> None:
    text = "Пограничное управление ФСБ России по Республике Адыгея сообщило о задержании двух человек."
    assert _orgs(text) == ["Пограничное управление ФСБ России по Республике Адыгея"]


def test_branch_in_a_republic_named_in_the_genitive_takes_its_base_form() -> None:
    text = "По данным Главного управления МЧС России по Республике Тыва, пострадавших нет."
    assert _orgs(text) == ["Главное управление МЧС России по Республике Тыва"]


def test_republic_with_a_hyphenated_name() -> None:
    text = "Следственное управление СК России по Республике Кабардино-Балкария возбудило уголовное дело."
    assert _orgs(text) == ["Следственное управление СК России по Республике Кабардино-Балкария"]
