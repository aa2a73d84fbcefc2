"""Round seventeen, Russian organisations: a head that is a common noun too ("школа",
"ассоциация", "дума", "больница", "театр") names a body when capitalised adjectives open
the name, whatever its case, and is given back in the nominative; the body's field after
"по" ("по рыболовству", "по надзору в сфере ..."), its number ("№ 12"), a hyphenated
genitive ("интернет-торговли") and "Республики X" belong to the name."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "ru").organisations]


def test_adjectives_and_a_common_head_in_the_genitive_give_the_nominative() -> None:
    text = "Доцент Северной высшей школы менеджмента Игорь Сомов считает, что цены вырастут."
    assert "Северная высшая школа менеджмента" in _orgs(text)


def test_an_association_and_a_duma_in_oblique_cases() -> None:
    text = (
        "Об этом сообщили в Уральской медицинской ассоциации. Депутат Тверской городской думы "
        "Анна Лосева поддержала проект."
    )
    orgs = _orgs(text)
    assert "Уральская медицинская ассоциация" in orgs
    assert "Тверская городская дума" in orgs


def test_a_common_head_without_adjectives_is_no_name() -> None:
    text = "Занятия в школах Самары отменены. Школа закрыта до понедельника. В больницах Омска нет мест."
    assert _orgs(text) == []


def test_a_shareholders_meeting_is_no_body() -> None:
    text = "Внеочередное собрание акционеров банка пройдет в марте."
    assert _orgs(text) == []


def test_the_field_after_po_belongs_to_the_name() -> None:
    text = (
        "Решение принял Северный совет по водным ресурсам и мелиорации. Его поддержала "
        "Федеральная служба по надзору в сфере связи и транспорта."
    )
    orgs = _orgs(text)
    assert "Северный совет по водным ресурсам и мелиорации" in orgs
    assert "Федеральная служба по надзору в сфере связи и транспорта" in orgs


def test_an_adverbial_po_phrase_is_no_field() -> None:
    text = "Приговор вынес Ленинский районный суд по делу о мошенничестве."
    orgs = _orgs(text)
    assert "Ленинский районный суд" in orgs
    assert not any("делу" in o for o in orgs)


def test_a_number_a_hyphenated_genitive_and_a_republic_close_the_name() -> None:
    text = (
        "Главврач Областной детской больницы № 12 Олег Ким рассказал об этом. Эксперт Ассоциации "
        "компаний онлайн-торговли Петр Орлов не согласен. Депутат Народного собрания Республики "
        "Ингушетия Руслан Евлоев выступил против."
    )
    orgs = _orgs(text)
    assert "Областная детская больница № 12" in orgs
    assert "Ассоциация компаний онлайн-торговли" in orgs
    assert "Народное собрание Республики Ингушетия" in orgs


def test_an_adjective_stressed_on_its_ending_takes_oi_in_the_nominative() -> None:
    text = "Аналитик Сибирского зернового союза Петр Лосев считает, что цены снизятся."
    assert "Сибирский зерновой союз" in _orgs(text)
