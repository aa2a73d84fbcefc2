"""Sentence splitting in every wire language, and the shared word tokenizer."""

from __future__ import annotations

import pytest

from newswire.enrich.sentences import split_sentences
from newswire.enrich.text import body_paragraphs, item_text, lower, words
from newswire.model import Item, Text


def test_english_titles_months_and_initialisms_do_not_end_sentences() -> None:
    text = (
        "Mr. Kaya met Dr. Lund on Jan. 5 at the U.S. Senate. "
        "Talks ended at 5 p.m. on Friday, Nov. 3. Both left."
    )
    assert split_sentences(text, "en") == [
        "Mr. Kaya met Dr. Lund on Jan. 5 at the U.S. Senate.",
        "Talks ended at 5 p.m. on Friday, Nov. 3.",
        "Both left.",
    ]


def test_an_initialism_can_still_end_a_sentence_before_a_typical_opener() -> None:
    text = "New tariffs came from the U.S. The ministry said it would respond."
    assert split_sentences(text, "en") == [
        "New tariffs came from the U.S.",
        "The ministry said it would respond.",
    ]


def test_numbers_with_dots_and_commas_stay_whole() -> None:
    text = "Inflation rose 1.5 points. The plant cost 2.000 million lira. Output was 3,5 tonnes."
    assert len(split_sentences(text, "en")) == 3


def test_quotes_end_after_the_full_stop() -> None:
    text = 'He said: "The line opens in May." Officials agreed. She wrote: “We are ready.” Fine.'
    assert split_sentences(text, "en") == [
        'He said: "The line opens in May."',
        "Officials agreed.",
        "She wrote: “We are ready.”",
        "Fine.",
    ]


def test_a_quotation_that_goes_on_is_not_cut_inside() -> None:
    text = '"We tested every train. Now we are counting the days," the director said. Work goes on.'
    assert split_sentences(text, "en") == [
        '"We tested every train. Now we are counting the days," the director said.',
        "Work goes on.",
    ]


def test_question_and_exclamation_marks_before_lower_case_do_not_split() -> None:
    text = '"Why now?" she asked. "Because!" he replied. Who knows? Nobody.'
    assert split_sentences(text, "en") == [
        '"Why now?" she asked.',
        '"Because!" he replied.',
        "Who knows?",
        "Nobody.",
    ]


def test_turkish_titles_lists_and_ordinals() -> None:
    text = (
        "Prof. Dr. Selin Arslan açıklama yaptı. Elma, armut vb. meyveler satıldı. "
        "2. Dünya Savaşı sonrası kuruldu. Fiyat 2.000 lira oldu."
    )
    assert split_sentences(text, "tr") == [
        "Prof. Dr. Selin Arslan açıklama yaptı.",
        "Elma, armut vb. meyveler satıldı.",
        "2. Dünya Savaşı sonrası kuruldu.",
        "Fiyat 2.000 lira oldu.",
    ]


def test_russian_abbreviations_initials_and_the_year_mark() -> None:
    text = (
        "В. Иванов прибыл в г. Казань. Завод открыли в 2025 г. Директор, т.е. глава "
        "предприятия, выступил на ул. Пушкина. Школа им. Толстого закрыта."
    )
    assert split_sentences(text, "ru") == [
        "В. Иванов прибыл в г. Казань.",
        "Завод открыли в 2025 г.",
        "Директор, т.е. глава предприятия, выступил на ул. Пушкина.",
        "Школа им. Толстого закрыта.",
    ]


def test_arabic_punctuation() -> None:
    text = (
        "قال الوزير إن الاجتماع انتهى، وإن النتائج جيدة. هل سيستمر الحوار؟ نعم! "
        "بلغت النسبة 2.5 بالمئة۔ انتهى الاجتماع"
    )
    assert split_sentences(text, "ar") == [
        "قال الوزير إن الاجتماع انتهى، وإن النتائج جيدة.",
        "هل سيستمر الحوار؟",
        "نعم!",
        "بلغت النسبة 2.5 بالمئة۔",
        "انتهى الاجتماع",
    ]


def test_french_titles_and_guillemets() -> None:
    text = "M. Durand a reçu Mme Petit. « Nous avancerons. » Le maire est parti."
    assert split_sentences(text, "fr") == [
        "M. Durand a reçu Mme Petit.",
        "« Nous avancerons. »",
        "Le maire est parti.",
    ]


def test_spanish_titles_and_eeuu() -> None:
    text = "El Sr. Ruiz viajó a EE.UU. el lunes. ¿Qué pasará? Nadie lo sabe. Sra. Gómez habló."
    assert split_sentences(text, "es") == [
        "El Sr. Ruiz viajó a EE.UU. el lunes.",
        "¿Qué pasará?",
        "Nadie lo sabe.",
        "Sra. Gómez habló.",
    ]


def test_german_abbreviations_and_ordinal_dates() -> None:
    text = "Der Vertrag, z.B. Nr. 5, wurde am 3. Oktober unterzeichnet. Das war 2024. Die Bahn streikt."
    assert split_sentences(text, "de") == [
        "Der Vertrag, z.B. Nr. 5, wurde am 3. Oktober unterzeichnet.",
        "Das war 2024.",
        "Die Bahn streikt.",
    ]


@pytest.mark.parametrize("lang", ["bs", "hr", "sr"])
def test_south_slavic_dates_and_titles(lang: str) -> None:
    text = "Sastanak je održan 28. novembra u Mostaru. Dr. Begić je rekao da će se nastaviti."
    assert split_sentences(text, lang) == [
        "Sastanak je održan 28. novembra u Mostaru.",
        "Dr. Begić je rekao da će se nastaviti.",
    ]


def test_new_lines_always_end_sentences_and_blank_lines_vanish() -> None:
    assert split_sentences("First line without stop\n\nSecond line.", "en") == [
        "First line without stop",
        "Second line.",
    ]
    assert split_sentences("", "en") == []
    assert split_sentences("   \n ", "tr") == []


def test_unknown_language_uses_generic_rules() -> None:
    assert split_sentences("Una frase. Due frasi.", "it") == ["Una frase.", "Due frasi."]
    assert split_sentences("One. Two.", None) == ["One.", "Two."]


def test_long_text_is_split_quickly() -> None:
    paragraph = "The council met on Monday. It approved the plan, Dr. Ali said. " * 400
    sentences = split_sentences(paragraph, "en")
    assert len(sentences) == 800


# -- the word tokenizer (newswire.enrich.text) ----------------------------------------


def test_words_lowercase_any_script() -> None:
    assert words("Путин и Erdoğan, 2026!") == ["путин", "и", "erdoğan", "2026"]
    assert words("كَتَبَ الوزيرُ") == ["كتب", "الوزير"]  # diacritics removed


def test_turkish_casing_is_language_aware() -> None:
    assert words("ILIK İstanbul", "tr") == ["ılık", "istanbul"]
    assert words("ILIK İstanbul", "en") == ["ilik", "istanbul"]
    assert lower("DİYARBAKIR", "tr") == "diyarbakır"


def test_apostrophe_suffixes_are_separate_words() -> None:
    assert words("Ankara'da toplantı", "tr") == ["ankara", "da", "toplantı"]


def test_item_text_and_paragraphs() -> None:
    item = Item(
        uri="urn:test:text",
        headlines=(Text("Headline"),),
        descriptions=(Text("Stand first", "standfirst"),),
        bodies=(Text("<p>One &amp; two.</p><p>Three.</p>", content_type="text/html"),),
    )
    assert body_paragraphs(item) == ["One & two.", "Three."]
    assert item_text(item) == "Headline\nStand first\nOne & two.\nThree."
    plain = Item(uri="urn:test:plain", bodies=(Text("Line one.\n\nLine two.", content_type="text/plain"),))
    assert body_paragraphs(plain) == ["Line one.", "Line two."]
