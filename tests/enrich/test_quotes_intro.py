"""A paragraph ending with a colon introduces the quotation in the paragraph below it.

Sample texts are written for these tests.
"""

from __future__ import annotations

from newswire.enrich.quotes import find_quotes
from newswire.model import Quote


def test_the_person_named_in_the_introduction_speaks_the_quote_paragraphs_below() -> None:
    text = (
        "ANKARA (Newswire) - Tarım Bakanı Ahmet Yıldırım fiyatların ocakta açıklanacağını bildirdi.\n"
        "Yıldırım, toplantıda şunları söyledi:\n"
        "\"Üreticimizin maliyetlerini yakından takip ediyoruz.\"\n"
        "\"Depolama kapasitemizi de yüzde 20 artıracağız.\"\n"
    )
    assert find_quotes(text, "tr") == [
        Quote("Üreticimizin maliyetlerini yakından takip ediyoruz.", "Ahmet Yıldırım"),
        Quote("Depolama kapasitemizi de yüzde 20 artıracağız.", "Ahmet Yıldırım"),
    ]


def test_english_and_arabic_introductions() -> None:
    en = (
        "Volumes fell 4% in November.\nChief executive Boudewijn Siemons told reporters:\n"
        "\"We are seeing fewer calls from Asia.\"\n"
    )
    assert find_quotes(en, "en") == [Quote("We are seeing fewer calls from Asia.", "Boudewijn Siemons")]
    ar = (
        "أعلن الوزير صالح الجاسر بدء المشروع.\nوقال الجاسر خلال مؤتمر صحفي:\n"
        "\"المشروع سيختصر زمن الرحلة إلى ساعتين\".\n"
    )
    assert find_quotes(ar, "ar") == [Quote("المشروع سيختصر زمن الرحلة إلى ساعتين", "صالح الجاسر")]


def test_an_introduction_naming_nobody_gives_no_speaker_and_a_caption_wins_over_it() -> None:
    text = "The ministry issued a statement on Monday.\nThe statement read:\n\"All schools will reopen on Thursday.\"\n"
    assert find_quotes(text, "en") == [Quote("All schools will reopen on Thursday.", None)]
    listed = (
        "Rescuers reached the town on Sunday.\nVoices from the shelters:\n"
        "\"Our house is gone, we took only the children.\"\n(Elena Bautista, a fish vendor)\n"
    )
    assert find_quotes(listed, "en") == [Quote("Our house is gone, we took only the children.", "Elena Bautista")]
