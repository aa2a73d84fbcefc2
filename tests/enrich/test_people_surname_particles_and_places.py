"""Surnames the name finders stopped short of: Spanish "de la" and Catalan "i" inside a
double surname, and a Turkish surname that is also a place or its demonym; one behaviour
per test."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def people(text: str, lang: str) -> list[str]:
    return sorted(p.name for p in find_entities(text, lang).people)


def test_spanish_surname_with_de_la_after_a_title() -> None:
    text = "El portavoz socialista Luis Miguel Herrera de la Cruz ha criticado las cuentas.\n"
    assert people(text, "es") == ["Luis Miguel Herrera de la Cruz"]


def test_catalan_double_surname_joined_by_i() -> None:
    text = "El juicio terminó ayer, según el abogado de la defensa, Jordi Puig i Vidal.\n"
    assert people(text, "es") == ["Jordi Puig i Vidal"]


def test_two_people_joined_by_y_stay_apart() -> None:
    text = "El portavoz Jordi Puig y la concejala Marta Vidal Soler presentaron la moción.\n"
    assert people(text, "es") == ["Jordi Puig", "Marta Vidal Soler"]


def test_turkish_demonym_surname_before_a_comma() -> None:
    text = "Rize Valisi Ahmet Kemal Karadağlı, bölgede incelemelerde bulundu.\n"
    assert people(text, "tr") == ["Ahmet Kemal Karadağlı"]


def test_turkish_place_surname_before_da() -> None:
    text = "Belediye Başkanı Ayşe Nur Karadağ da hasar tespitinin süreceğini bildirdi.\n"
    assert people(text, "tr") == ["Ayşe Nur Karadağ"]


def test_turkish_place_after_a_name_with_a_case_ending_is_a_place() -> None:
    text = "Dışişleri Bakanı Mehmet Aydın Karadağ'a gitti.\n"
    assert people(text, "tr") == ["Mehmet Aydın"]
