"""Issue 15, round seventeen: a passive attribution naming the body after its verb in another
case ("«…», — говорится в сообщении Федерации парусного спорта России") quotes that body,
also when the story names it there for the first time: every word of one of the story's
organisations is written after the verb (by its first five letters). One behaviour per test,
on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_russian_body_named_in_the_genitive_after_govoritsya_speaks() -> None:
    text = (
        "СОЧИ, 3 мар - РИА Новости. Регата завершилась победой экипажа из Казани.\n"
        "«Гонки прошли при сильном ветре», — говорится в сообщении Федерации парусного спорта России.\n"
    )
    body = "Федерация парусного спорта России"
    assert speakers(text, "ru", [], [body]) == [body]


def test_a_body_only_some_words_of_which_are_written_is_not_taken_so() -> None:
    text = (
        "СОЧИ, 3 мар - РИА Новости. Регата завершилась победой экипажа из Казани.\n"
        "«Гонки прошли при сильном ветре», — говорится в сообщении Федерации гребли.\n"
    )
    assert speakers(text, "ru", [], ["Федерация парусного спорта России"]) == [None]
