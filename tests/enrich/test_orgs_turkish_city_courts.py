"""Turkish courts and provincial offices are named by their city and number or level, and a
sentence's opening word in the locative is no part of the name after it.

Sample texts are written for these tests.
"""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str) -> list[str]:
    return [o.name for o in find_entities(text, "tr").organisations]


def test_a_numbered_court_keeps_its_city_and_number() -> None:
    text = "Sanıklar hakkında açılan dava, Eskişehir 5. Ağır Ceza Mahkemesinde görüldü."
    assert _orgs(text) == ["Eskişehir 5. Ağır Ceza Mahkemesi"]


def test_a_provincial_directorate_keeps_its_city_and_the_word_for_province() -> None:
    text = "Denetimleri Samsun İl Tarım ve Orman Müdürlüğü ekipleri yürüttü."
    assert _orgs(text) == ["Samsun İl Tarım ve Orman Müdürlüğü"]


def test_a_number_without_a_city_before_it_is_not_taken() -> None:
    text = "Dosya 3. Ağır Ceza Mahkemesine gönderildi."
    assert _orgs(text) == ["Ağır Ceza Mahkemesi"]


def test_a_locative_sentence_opening_is_no_part_of_the_ministry_named_after_it() -> None:
    text = "Sanıklar tutuklandı. Soruşturmada Ticaret Bakanlığı da şikayetçi oldu."
    assert _orgs(text) == ["Ticaret Bakanlığı"]


def test_a_unit_named_after_its_university_is_one_name() -> None:
    assert _orgs("Yaralılar, Ege Üniversitesi Tıp Fakültesi Hastanesine kaldırıldı.") == [
        "Ege Üniversitesi Tıp Fakültesi Hastanesi"
    ]

