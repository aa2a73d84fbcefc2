"""A Russian organisation named in an oblique case is listed in the nominative, with the
endings Russian gives adjectives stressed on the ending, after a hushing consonant, and in
hyphenated adjectives whose first half does not inflect.

Sample texts are written for these tests.
"""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str) -> list[str]:
    return [o.name for o in find_entities(text, "ru").organisations]


def test_an_adjective_stressed_on_the_ending_takes_oi() -> None:
    assert _orgs("Решение Свердловского областного суда обжаловано.") == ["Свердловский областной суд"]
    assert _orgs("Заседание Московского городского суда перенесли на январь.") == ["Московский городской суд"]


def test_a_feminine_adjective_after_a_hushing_consonant_takes_aya() -> None:
    text = "Авария произошла на сетях Уральской теплоснабжающей компании, сообщили в мэрии."
    assert _orgs(text) == ["Уральская теплоснабжающая компания"]


def test_a_hyphenated_adjective_keeps_its_first_half_and_its_hyphen() -> None:
    text = "Дело передано в Санкт-Петербургском городском суде.\nЗащита обжалует арест."
    assert _orgs(text) == ["Санкт-Петербургский городской суд"]
    text = "Сотрудники Северо-Западного таможенного управления задержали груз."
    assert _orgs(text) == ["Северо-Западное таможенное управление"]


def test_a_body_named_by_its_territory_in_the_genitive() -> None:
    assert _orgs("Мэрия Томска отменила занятия в школах.") == ["Мэрия Томска"]
    assert _orgs("Гражданский иск мэрии Томска удовлетворен частично.") == ["мэрия Томска"]
    assert _orgs("Проверку начала прокуратура Томской области.") == ["прокуратура Томской области"]
    assert _orgs("Законопроект внесло правительство РФ в понедельник.") == ["правительство РФ"]


def test_a_head_without_a_territory_after_it_is_no_name() -> None:
    assert _orgs("Правительство продлило запрет на экспорт бензина.") == []


def test_a_club_named_like_its_city_is_listed_in_its_base_form() -> None:
    text = "«Сочи» обыграл «Урал» 2:1.\nГлавный тренер «Урала» похвалил игроков. «Сочи» сыграет с «Краснодаром»."
    orgs = _orgs(text)
    assert "Урал" in orgs and "Урала" not in orgs
    assert "Краснодар" in orgs and "Краснодаром" not in orgs
