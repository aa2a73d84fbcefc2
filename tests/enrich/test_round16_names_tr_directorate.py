"""Round sixteen, organisations: a Turkish state body's directorate or department written
right after the body's head is one organisation, by the fullest name the story uses
("X Emniyet Müdürlüğü Y Şube Müdürlüğü", "X Bakanlığı Y Genel Müdürlüğü"); two bodies
joined by "ile" or a comma stay two, and a board of a bank stays its own name."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str, lang: str) -> list[str]:
    return [e.name or "" for e in find_entities(text, lang).organisations]


def test_police_branch_is_named_with_its_directorate() -> None:
    text = (
        "Kayseri Emniyet Müdürlüğü Kaçakçılık ve Organize Suçlarla Mücadele Şube Müdürlüğü ekipleri, "
        "sahte içki üretilen bir depoya baskın düzenledi."
    )
    assert _orgs(text, "tr") == ["Kayseri Emniyet Müdürlüğü Kaçakçılık ve Organize Suçlarla Mücadele Şube Müdürlüğü"]


def test_general_directorate_is_named_with_its_ministry() -> None:
    text = "Tarım ve Orman Bakanlığı Gıda ve Kontrol Genel Müdürlüğü, denetim sonuçlarını açıkladı."
    assert _orgs(text, "tr") == ["Tarım ve Orman Bakanlığı Gıda ve Kontrol Genel Müdürlüğü"]


def test_two_bodies_joined_by_ile_stay_two() -> None:
    text = "Enerji Bakanlığı ile Gelir Denetim Başkanlığı arasında protokol imzalandı."
    found = _orgs(text, "tr")
    assert "Enerji Bakanlığı ile Gelir Denetim Başkanlığı" not in found
    assert "Gelir Denetim Başkanlığı" in found
