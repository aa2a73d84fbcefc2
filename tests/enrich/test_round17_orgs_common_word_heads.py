"""Round seventeen, organisations whose head is a common word too: English names that end
with one ("Harbour Energy", "Tulsa Public Schools", "Goddard Space Flight Center") unless a
capital goes on after it, Spanish names that open with one ("Gobierno de Canarias",
"Corporación Nacional Forestal") only before a capital or "de" and a capital (a territory
for a government), Turkish "İdaresi"/"Komutanlığı" names; a head of this kind inside a
complement does not cut it, and a name cut by the tail's length is none."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str, lang: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, lang).organisations]


def test_english_names_ending_with_a_common_word_head() -> None:
    text = (
        "Investors sold Brackwater Energy after the results, while Lyndon Public Schools closed for "
        "the day and engineers at the Lowell Flight Center watched the launch."
    )
    orgs = _orgs(text, "en")
    assert "Brackwater Energy" in orgs
    assert "Lyndon Public Schools" in orgs
    assert "Lowell Flight Center" in orgs


def test_a_capital_after_the_common_word_means_the_name_goes_on() -> None:
    text = "The complaint went to the Fenwick Water Rights Tribunal on Monday."
    assert "Fenwick Water" not in _orgs(text, "en")


def test_a_common_word_head_inside_a_complement_does_not_cut_it() -> None:
    text = (
        "The Ministry of Transport and Water Affairs said it would act, and doctors at the "
        "University of Norland Medical Center agreed."
    )
    orgs = _orgs(text, "en")
    assert "Ministry of Transport and Water Affairs" in orgs
    assert "University of Norland Medical Center" in orgs


def test_a_place_after_a_preposition_does_not_join_the_name_after_and() -> None:
    text = "Trains stopped west of Manchester and Wyndham Ferries cancelled all sailings."
    orgs = _orgs(text, "en")
    assert "Wyndham Ferries" in orgs
    assert not any(o.startswith("Manchester") for o in orgs)


def test_spanish_names_opening_with_a_common_word_head() -> None:
    text = (
        "El portavoz del Gobierno de Chile dijo que la Coordinadora Estatal de Pescadores y el Grupo "
        "Andino de Inversiones firmaron el acuerdo con el Departamento de Comercio de Estados Unidos."
    )
    orgs = _orgs(text, "es")
    assert "Gobierno de Chile" in orgs
    assert "Coordinadora Estatal de Pescadores" in orgs
    assert "Grupo Andino de Inversiones" in orgs
    assert "Departamento de Comercio de Estados Unidos" in orgs


def test_a_spanish_government_without_a_territory_is_no_name() -> None:
    text = "El Gobierno quiere aprobar la ley y el Gobierno y los sindicatos negociarán en enero."
    assert not any(o.startswith("Gobierno") for o in _orgs(text, "es"))


def test_a_head_of_this_kind_second_in_a_name_stays_in_it() -> None:
    text = "La Secretaría de Transparencia y Buen Gobierno abrió un expediente."
    assert "Secretaría de Transparencia y Buen Gobierno" in _orgs(text, "es")


def test_a_name_longer_than_the_tail_takes_is_not_given_cut() -> None:
    text = (
        "Lo confirmó el director del Departamento Administrativo del Sistema de Alertas, Vigilancia "
        "y Respuesta de Emergencias de Caldas, Pedro Gil."
    )
    assert not any(o.startswith("Departamento Administrativo") for o in _orgs(text, "es"))


def test_a_head_before_para_and_a_capital_names_a_body() -> None:
    text = "La Fundación para la Defensa del Litoral advirtió ayer del riesgo."
    assert "Fundación para la Defensa del Litoral" in _orgs(text, "es")


def test_turkish_administrations_and_commands() -> None:
    text = "Kentte Devlet Hava Meydanları İdaresi ile Deniz Kuvvetleri Komutanlığı ortak tatbikat yaptı."
    orgs = _orgs(text, "tr")
    assert "Devlet Hava Meydanları İdaresi" in orgs
    assert "Deniz Kuvvetleri Komutanlığı" in orgs
