"""Where an organisation's name begins and ends, in the shapes agency copy writes them.

Sample texts are written for these tests.
"""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _found(text: str, lang: str) -> tuple[list[str], list[str]]:
    found = find_entities(text, lang)
    return [o.name for o in found.organisations], [p.name for p in found.places]


def test_a_country_after_of_belongs_to_the_name_and_is_no_place_there() -> None:
    orgs, places = _found("Inflation eased to 7.9% in November, the Central Bank of Uzbekistan said.", "en")
    assert orgs == ["Central Bank of Uzbekistan"] and places == []


def test_a_final_de_country_after_a_complement_is_the_country_not_the_name() -> None:
    text = "La Secretaría de Hacienda y Crédito Público de México prevé un crecimiento de 1,8 %."
    orgs, places = _found(text, "es")
    assert orgs == ["Secretaría de Hacienda y Crédito Público"] and places == ["México"]
    assert _found("El Banco de España publicó su informe anual.", "es")[0] == ["Banco de España"]


def test_turkish_body_of_an_institution_is_a_second_name_but_two_heads_in_a_row_are_one() -> None:
    orgs, _ = _found("Türkiye Cumhuriyet Merkez Bankası Para Politikası Kurulu, kararını açıklayacak.", "tr")
    assert orgs == ["Türkiye Cumhuriyet Merkez Bankası", "Para Politikası Kurulu"]
    assert _found("Eğitimciler Birliği Sendikası açıklama yaptı.", "tr")[0] == ["Eğitimciler Birliği Sendikası"]


def test_german_adjective_after_an_article_is_named_in_the_nominative() -> None:
    orgs, _ = _found("Florian Kessler sagte der Deutschen Presse-Agentur, die Lage sei ernst.", "de")
    assert orgs == ["Deutsche Presse-Agentur"]


def test_bosnian_head_stops_before_a_verb_but_keeps_its_genitive() -> None:
    orgs, _ = _found("Očekujem da Parlamentarna skupština usvoji budžet prije kraja godine.", "bs")
    assert orgs == ["Parlamentarna skupština"]
    assert _found("Ministarstvo pravde je objavilo izvještaj.", "bs")[0] == ["Ministarstvo pravde"]
