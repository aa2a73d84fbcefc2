"""Speech after a dash (Russian agency copy, BCS, Spanish dialogue) as quotations.

Sample texts are written for these tests.
"""

from __future__ import annotations

from newswire.enrich.quotes import find_quotes
from newswire.model import Quote

LEAD = "МОСКВА, 2 декабря. /ТАСС/. Министр энергетики Олег Ларионов заявил, что добыча вырастет.\n"


def test_tass_hyphen_speech_with_its_attribution_is_a_quote_of_the_full_name() -> None:
    text = LEAD + "- Мы выходим на новый уровень добычи, - сказал Ларионов журналистам.\n"
    assert find_quotes(text, "ru") == [Quote("Мы выходим на новый уровень добычи", "Олег Ларионов")]


def test_em_dash_speech_and_a_pronoun_attribution_mean_the_last_person_named() -> None:
    text = LEAD + "— Без новых скважин этого роста не будет, — добавил он.\n"
    assert find_quotes(text, "ru") == [Quote("Без новых скважин этого роста не будет", "Олег Ларионов")]


def test_speech_resumed_after_the_attribution_is_a_second_quote_of_the_same_speaker() -> None:
    text = LEAD + "— Сроки не сдвинутся, — сказал Ларионов. — Контракты уже подписаны все.\n"
    assert find_quotes(text, "ru") == [
        Quote("Сроки не сдвинутся", "Олег Ларионов"),
        Quote("Контракты уже подписаны все.", "Олег Ларионов"),
    ]


def test_an_attribution_inside_the_speech_splits_it_in_two() -> None:
    text = LEAD + "— Работа идёт по плану, — сказал он, — но зима будет трудной.\n"
    assert find_quotes(text, "ru") == [
        Quote("Работа идёт по плану", "Олег Ларионов"),
        Quote("но зима будет трудной.", "Олег Ларионов"),
    ]


def test_a_question_keeps_its_mark() -> None:
    text = LEAD + "— Кто оплатит новые буровые установки? — спросил Ларионов.\n"
    assert find_quotes(text, "ru") == [Quote("Кто оплатит новые буровые установки?", "Олег Ларионов")]


def test_interview_questions_and_answers_without_attribution_are_not_quotes() -> None:
    text = (
        "Глава Росморречфлота Захар Игнатьев рассказал о зимнем сезоне.\n"
        "— Почему навигацию продлили?\n"
        "— Осень тёплая, уровень воды позволяет работать дольше.\n"
    )
    assert find_quotes(text, "ru") == []


def test_a_guillemet_quote_after_a_dash_is_one_quote() -> None:
    text = LEAD + "— «Мы готовы к холодной зиме», — сказал Ларионов.\n"
    assert find_quotes(text, "ru") == [Quote("Мы готовы к холодной зиме", "Олег Ларионов")]


def test_a_dash_list_item_with_no_speech_verb_is_not_a_quote() -> None:
    text = "The plan has three parts.\n- New schools in the north, - a first for the region.\n"
    assert find_quotes(text, "en") == []


def test_bosnian_and_spanish_dash_speech() -> None:
    bs = "Ministar finansija Adnan Mujkić predstavio je budžet.\n- Budžet je razvojni i održiv, - rekao je Mujkić.\n"
    assert find_quotes(bs, "bs") == [Quote("Budžet je razvojni i održiv", "Adnan Mujkić")]
    es = "El técnico Hernán Villalba habló tras el partido.\n—Fue el partido perfecto para nosotros —dijo Villalba—.\n"
    assert find_quotes(es, "es") == [Quote("Fue el partido perfecto para nosotros", "Hernán Villalba")]
