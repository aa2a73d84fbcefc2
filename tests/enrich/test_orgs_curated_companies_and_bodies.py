"""Organisations agency copy names without a head word that would give them away: companies,
exchanges, unions, regional governments and a country's ministries whose names join two
fields, listed in the curated vocabulary.

Sample texts are written for these tests.
"""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str, lang: str) -> list[str]:
    return [o.name for o in find_entities(text, lang).organisations]


def test_shipping_lines_named_in_an_english_market_story() -> None:
    text = "Shares in Hapag-Lloyd fell 3% after Maersk cut its forecast on Tuesday."
    assert _orgs(text, "en") == ["Hapag-Lloyd", "Maersk"]


def test_a_turkish_ministry_joining_two_fields_is_one_name() -> None:
    text = "Deprem bölgesinde çalışmalar sürüyor.\nÇevre, Şehircilik ve İklimlendirme Bakanlığı, açıklama yaptı."
    assert _orgs(text, "tr") == ["Çevre, Şehircilik ve İklimlendirme Bakanlığı"]
    assert _orgs("Hazine ve Maliye Bakanlığının verilerine göre açık azaldı.", "tr") == [
        "Hazine ve Maliye Bakanlığı"
    ]


def test_a_foreign_ministry_keeps_its_country_before_the_head() -> None:
    text = "Umman Dışişleri Bakanlığı heyeti görüşmeye katıldı."
    assert _orgs(text, "tr") == ["Umman Dışişleri Bakanlığı"]


def test_a_turkish_list_of_fields_before_a_head_belongs_to_the_name_but_not_a_person_before_it() -> None:
    assert _orgs("Açıklamayı Gıda, Tarım ve Hayvancılık Bakanlığı yaptı.", "tr") == [
        "Gıda, Tarım ve Hayvancılık Bakanlığı"
    ]
    text = "Toplantıya Bakan Yılmaz, Gıda ve Yem Kurumu yetkilileri katıldı."
    assert _orgs(text, "tr") == ["Gıda ve Yem Kurumu"]


def test_french_unions_and_a_rail_operator_are_named_by_their_acronyms() -> None:
    text = "La CGT et SUD-Rail ont déposé un préavis de grève contre SNCF Réseau."
    assert _orgs(text, "fr") == ["CGT", "SUD-Rail", "SNCF Réseau"]


def test_a_spanish_regional_government_and_its_police() -> None:
    text = "La Generalitat de Catalunya pidió a los Mossos d'Esquadra reforzar los controles."
    assert _orgs(text, "es") == ["Generalitat de Catalunya", "Mossos d'Esquadra"]


def test_an_exchange_written_in_turkish_and_in_english_copy() -> None:
    assert _orgs("Borsa İstanbul'da BIST 100 endeksi günü yükselişle tamamladı.", "tr") == ["Borsa İstanbul"]
    found = find_entities("The gas will be carried by BOTAS through the pipeline.", "en").organisations
    assert [o.literal for o in found] == ["BOTAS"]  # as written, with the name in Turkish


def test_russian_theatres_in_any_case_and_the_weather_centre_as_written() -> None:
    found = find_entities("Премьеру покажут на Новой сцене Большого театра, сообщил Гидрометцентр.", "ru")
    assert [o.name for o in found.organisations] == ["Большой театр", "Гидрометцентр"]
