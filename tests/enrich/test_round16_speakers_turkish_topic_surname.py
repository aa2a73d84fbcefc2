"""Issue 15, round sixteen: Turkish names its speaker before the quote by a surname alone, as
the topic of the words before it ("Karademir, AA muhabirine … belirterek, "…" dedi",
"Aktaşlı ise … "…" diye konuştu") or right before the quote ("… konuşan Karademir, "…"
dedi"), with the given names the story wrote before it; a name in the locative or ablative
("İzmir Fuarı'nda", "Ankara Park'ta") is a place, never the speaker; one behaviour per test,
on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_surname_right_before_the_quote_past_a_place_in_the_locative() -> None:
    text = (
        "İSTANBUL (AA) - Milli sürücü Emre Kaan Karademir, Dakar Rallisi'ne katılacak.\n"
        "Ankara Park'ta düzenlenen tanıtım toplantısında konuşan Karademir, "
        '"Hedefimiz yarışı ilk denemede bitirmek" dedi.\n'
    )
    assert speakers(text, "tr", []) == ["Emre Kaan Karademir"]


def test_a_surname_opening_the_words_before_the_quote_with_a_comma() -> None:
    text = (
        "LEFKOŞA (AA) - Seçimde Ulusal Parti'nin adayı Mertkan Oğuzalp ile Yeni Parti'nin adayı yarışacak.\n"
        'Oğuzalp, AA muhabirine yaptığı açıklamada, "Şehrin altyapısını baştan kuracağız." diye konuştu.\n'
    )
    assert speakers(text, "tr", []) == ["Mertkan Oğuzalp"]


def test_a_surname_with_a_topic_particle_opening_the_words_before_the_quote() -> None:
    text = (
        "İSTANBUL (AA) - Yardımcı pilot olarak deneyimli navigatör Ceyda Aktaşlı görev yapacak.\n"
        'Aktaşlı ise yarışta navigasyonun belirleyici olacağını vurgulayarak, '
        '"Çölde bir yanlış yol saatler kaybettirebilir" diye konuştu.\n'
    )
    assert speakers(text, "tr", []) == ["Ceyda Aktaşlı"]
