"""Russian organisation names in oblique cases, boards of organisations, Arabic heads.

Sample texts are written for these tests.
"""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities
from newswire.enrich.entities.russian import _ru_nominative


def _orgs(text: str, lang: str = "ru") -> list[str]:
    return [o.name for o in find_entities(text, lang).organisations]


@pytest.mark.parametrize(("words", "nominative"), [
    ("Федерального агентства морского транспорта", "Федеральное агентство морского транспорта"),
    ("Российского фонда прямых инвестиций", "Российский фонд прямых инвестиций"),
    ("Центрального банка", "Центральный банк"),
    ("Белорусской железной дороги", "Белорусская железная дорога"),
    ("Федеральной налоговой службе", "Федеральная налоговая служба"),
])
def test_oblique_names_back_in_the_nominative(words: str, nominative: str) -> None:
    assert " ".join(_ru_nominative(words.split()) or []) == nominative


def test_a_nominative_name_or_one_without_a_known_head_is_left_alone() -> None:
    assert _ru_nominative(["Министерство", "транспорта"]) is None
    assert _ru_nominative(["Газпром", "нефти"]) is None


def test_one_adjective_before_a_head_with_a_genitive_chain_opens_the_name() -> None:
    text = "Руководитель Федерального агентства морского и речного транспорта Захар Игнатьев рассказал о планах."
    assert _orgs(text) == ["Федеральное агентство морского и речного транспорта"]
    assert _orgs("Крупные банки страны снизили ставки.") == []
    assert _orgs("Российская компания закрыла завод.") == []


def test_a_board_names_the_organisation_it_belongs_to() -> None:
    assert _orgs("Совет директоров Российского фонда прямых инвестиций соберётся 12 декабря.") == [
        "Российский фонд прямых инвестиций"
    ]


def test_railways_with_a_national_adjective_but_not_the_common_noun() -> None:
    assert _orgs("Грузы перевезла Белорусская железная дорога.") == ["Белорусская железная дорога"]
    assert _orgs("Железная дорога закрыта.") == []


def test_arabic_authorities_and_lines_are_organisations_and_airports_are_not() -> None:
    text = "أعلنت سلطة الطيران المدني السودانية إعادة فتح مطار الخرطوم الدولي."
    assert _orgs(text, "ar") == ["سلطة الطيران المدني السودانية"]
    assert _orgs("أوضحت الخطوط الحديدية السعودية أن العمل سيبدأ قريبا.", "ar") == ["الخطوط الحديدية السعودية"]


def test_a_capitalised_genitive_right_after_the_head_belongs_to_the_name() -> None:
    orgs = [o.name for o in find_entities("Документ теперь рассмотрит Совет Федерации.", "ru").organisations]
    assert orgs == ["Совет Федерации"]
    text = "Соглашение подпишут на заседании Высшего государственного совета Союзного государства."
    orgs = [o.name for o in find_entities(text, "ru").organisations]
    assert orgs == ["Высший государственный совет Союзного государства"]
