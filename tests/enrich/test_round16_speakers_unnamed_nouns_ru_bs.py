"""Issue 15, round sixteen: Russian and Bosnian, without articles, name an unnamed speaker by
the noun of what they are to the story - a resident, passenger, driver, witness, fan, parent,
injured party - opening the sentence before ("Жительница посёлка рассказала …", "Putnica iz
Mostara kazala je …") or right after the verb ("rekla je putnica"), or by "one of" ("одна из
пассажирок"): null (ANNOTATION 6), not the last person named; a name after the noun still
speaks; one behaviour per test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_russian_resident_opening_the_sentence_before_is_unnamed() -> None:
    text = (
        "Глава района Петр Селиверстов-Ручьев заявил, что воду откачают к утру. "
        "«Насосы работают всю ночь», - сказал он.\n"
        "Жительница поселка Заречный рассказала, что вода поднялась за час. "
        "«Успели вынести только документы», - сказала она.\n"
    )
    assert speakers(text, "ru", ["Петр Селиверстов-Ручьев"]) == ["Петр Селиверстов-Ручьев", None]


def test_a_russian_one_of_after_the_verb_is_unnamed() -> None:
    text = (
        "Глава района Петр Селиверстов-Ручьев заявил, что поезда задерживаются.\n"
        "«Стояли в поле почти три часа, потом пришли автобусы», - сказала ТАСС одна из пассажирок.\n"
    )
    assert speakers(text, "ru", ["Петр Селиверстов-Ручьев"]) == [None]


def test_a_bosnian_passenger_right_after_the_verb_is_unnamed() -> None:
    text = (
        "Direktorica aerodroma Amra Hadžić-Tokić najavila je nove letove.\n"
        "- Nadam se da neću morati mijenjati let za Beč - rekla je putnica u zračnoj luci.\n"
    )
    assert speakers(text, "bs", ["Amra Hadžić-Tokić"]) == [None]


def test_a_bosnian_injured_party_opening_the_sentence_before_is_unnamed() -> None:
    text = (
        "Tužiteljica Amra Hadžić-Tokić kazala je da je grupa djelovala dvije godine.\n"
        "Oštećenica iz Zenice kazala je da je izgubila 5.000 maraka. \"Mislila sam da mi piše banka\", rekla je.\n"
    )
    assert speakers(text, "bs", ["Amra Hadžić-Tokić"]) == [None]


def test_a_name_after_the_noun_still_speaks() -> None:
    text = (
        "Житель Казани Олег Семенов-Ларин рассказал, что ждал автобус два часа. "
        "«Никто ничего не объяснял», - сказал он.\n"
    )
    assert speakers(text, "ru", ["Олег Семенов-Ларин"]) == ["Олег Семенов-Ларин"]
