"""Round seventeen, unnamed speakers in Russian: the noun of an unnamed speaker after the verb
may stand past whom they told ("рассказала корреспонденту ТАСС студентка"); a student, a
pensioner and the agency's anonymous source ("сказал собеседник агентства") are unnamed
speakers like a resident or a passenger; a descriptive role refers back ("отметил
литовский специалист" is no unnamed speaker)."""

from __future__ import annotations

from quotekit import speakers


def test_student_past_the_recipient() -> None:
    text = (
        "Аналитик Зинаида Крутоярова ожидает роста цен на аренду.\n"
        "«Хозяин поднял цену на три тысячи, пришлось переезжать», — рассказала корреспонденту "
        "ТАСС студентка, снимающая комнату в центре."
    )
    assert speakers(text, "ru")[-1] is None


def test_pensioner_and_source() -> None:
    text = (
        "Министр Аркадий Полуэктов-Ржевский заявил о переносе сроков.\n"
        "«Пришла утром - закрыто, пришла вечером - закрыто», - рассказала пенсионерка у "
        "дверей центра.\n"
        "«Для льготников порядок останется прежним», - сказал собеседник агентства."
    )
    assert speakers(text, "ru") == [None, None]


def test_named_role_after_the_verb_still_speaks() -> None:
    text = (
        "«Мы проиграли подборы и игру», - отметил главный тренер Витаутас Жемайтис-Ланг."
    )
    assert speakers(text, "ru") == ["Витаутас Жемайтис-Ланг"]


def test_descriptive_role_refers_back() -> None:
    text = (
        "«Мы проиграли подборы и игру», - отметил главный тренер Витаутас Жемайтис-Ланг. "
        "«С такой статистикой финалы не выигрывают», - добавил литовский специалист."
    )
    assert speakers(text, "ru") == ["Витаутас Жемайтис-Ланг", "Витаутас Жемайтис-Ланг"]
