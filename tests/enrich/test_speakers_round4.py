"""Issue 15, fourth round: quote speakers in the shapes of Turkish, Arabic, German, Spanish
and English agency copy (bench/data/enrich_dev4_speakers), one behaviour per test."""

from __future__ import annotations

from newswire.enrich.quotes import find_quotes
from newswire.model import Quote


def test_turkish_attribution_phrases_after_the_quote_attribute_it_to_the_name_before() -> None:
    text = (
        "AFAD Başkanı Okay Memiş açıklama yaptı.\n"
        'Memiş, açıklamasında, "Şu ana kadar can kaybı bildirimi almadık" ifadelerine yer verdi.\n'
        'Vali Seda Karaaslan ise, "Vatandaşlarımız hasarlı binalara girmesin" uyarısında bulundu.\n'
    )
    assert find_quotes(text, "tr") == [
        Quote("Şu ana kadar can kaybı bildirimi almadık", "Okay Memiş"),
        Quote("Vatandaşlarımız hasarlı binalara girmesin", "Seda Karaaslan"),
    ]


def test_turkish_object_before_the_verb_is_not_its_subject() -> None:
    # "görüşünü dile getirdi": the words between the quote and the verb are its object,
    # the speaker is named before the quote
    text = 'Teknik Direktör Erkan Dönmez ise, "Hakem kararları oyunun dengesini bozdu" görüşünü dile getirdi.\n'
    assert find_quotes(text, "tr") == [Quote("Hakem kararları oyunun dengesini bozdu", "Erkan Dönmez")]


def test_turkish_diyen_names_the_speaker_after_the_quote() -> None:
    text = (
        "Bakan Cevdet Yılmazer ve Aylin Özkaraca komisyonda konuştu.\n"
        '"Vergi düzenlemelerini önümüzdeki ay sunacağız" diyen Yılmazer, açıklamalarını sürdürdü.\n'
    )
    assert find_quotes(text, "tr") == [Quote("Vergi düzenlemelerini önümüzdeki ay sunacağız", "Cevdet Yılmazer")]


def test_a_role_with_the_definite_article_before_the_verb_is_the_person_last_named() -> None:
    text = (
        'The interior minister, Mazen Farrayeh, told reporters: "Security checks will be faster."\n'
        '"Trade with Syria will benefit first," the minister added.\n'
    )
    assert [q.speaker for q in find_quotes(text, "en", people=["Mazen Farrayeh"])] == [
        "Mazen Farrayeh", "Mazen Farrayeh",
    ]


def test_an_unnamed_official_with_an_indefinite_article_stays_unnamed() -> None:
    text = (
        'Mazen Farrayeh opened the crossing. "We expect long queues at first," a customs officer said.\n'
    )
    assert find_quotes(text, "en", people=["Mazen Farrayeh"]) == [
        Quote("We expect long queues at first", None),
    ]


def test_a_german_double_surname_after_a_compound_title_is_kept_whole() -> None:
    text = (
        "Die Grünen halten die Summe für zu gering. „Damit kommen wir nicht weit“, sagte ihre "
        "Energieexpertin Sabine Oettl-Brunner.\n"
    )
    assert find_quotes(text, "de", people=[]) == [
        Quote("Damit kommen wir nicht weit", "Sabine Oettl-Brunner"),
    ]
