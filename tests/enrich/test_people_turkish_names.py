"""Turkish names with the given name "Ali" inside ("Mehmet Ali X", "Ali Haydar X"), which
the stop words hold as the Bosnian "but"; one behaviour per test."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def people(text: str, lang: str) -> list[str]:
    return sorted(p.name for p in find_entities(text, lang).people)


def test_ali_in_the_middle_of_a_titled_name() -> None:
    text = "Sivas Valisi Mehmet Ali Kocabaş, kriz masasında açıklama yaptı.\n"
    assert people(text, "tr") == ["Mehmet Ali Kocabaş"]


def test_ali_opening_a_titled_name() -> None:
    text = "Belediye Başkanı Ali Haydar Gündoğdu, çalışmaların süreceğini söyledi.\n"
    assert people(text, "tr") == ["Ali Haydar Gündoğdu"]


def test_bosnian_ali_stays_a_conjunction() -> None:
    text = "Ministar Senad Hodžić je rekao da je plan spreman. Ali Vlada nije odlučila.\n"
    assert "Ali Vlada" not in " ".join(people(text, "bs"))


def test_name_after_a_describing_clause_before_the_quotation() -> None:
    text = (
        'Her sabah Bodrum\'a işe giden Selma Yörük, "Üç gündür karşıya geçemiyorum, ne yapacağımı '
        'bilmiyorum" dedi.\n'
    )
    assert people(text, "tr") == ["Selma Yörük"]


def test_place_before_the_quotation_is_no_person() -> None:
    text = 'Vatandaşlar sabah erkenden Kuzey Marmara\'ya, "Yollar kapalı, dikkatli olun" diyerek seslendi.\n'
    assert people(text, "tr") == []


def test_name_before_ise_turns_to_a_new_person() -> None:
    text = "Yürüyüşe katılan velilerden Nermin Oktay ise okulun açık kalması gerektiğini söyledi.\n"
    assert people(text, "tr") == ["Nermin Oktay"]


def test_body_before_ise_is_no_person() -> None:
    text = "Açıklamayı yapan Ulaştırma ve Altyapı Bakanlığı ise yolların açıldığını bildirdi.\n"
    assert people(text, "tr") == []


def test_arabic_family_name_with_its_article_in_latin_script() -> None:
    text = "Anlaşmayı Enerji Direktörü Şeyh Halid bin Salim es-Sulaiti imzaladı.\n"
    assert people(text, "tr") == ["Halid bin Salim es-Sulaiti"]


def test_spanish_article_after_a_name_is_no_family_name() -> None:
    text = "La ministra Lucía Prieto Vaz presentó el plan el lunes en Madrid.\n"
    assert people(text, "es") == ["Lucía Prieto Vaz"]
