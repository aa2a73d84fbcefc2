"""Issue 15, round fourteen: a passive attribution that names no body after its verb
("Açıklamada, "…" ifadesine yer verildi", "«…», - говорится в сообщении министерства", "„…“,
navodi se u priopćenju", "«…», hiess es in einer Mitteilung") quotes the statement of the body
the words before the quote stand for ("Bankanın … metninde"), else of the body the sentence
before names. One behaviour per test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_turkish_statement_is_the_body_the_sentence_before_names() -> None:
    text = (
        "ANKARA (AA) - Vergi oranlarındaki değişiklik pazartesi yürürlüğe girdi.\n"
        "Türkiye Esnaf Konfederasyonu (TEK) ise yaptığı açıklamada kararın geç kaldığını vurguladı. "
        'Açıklamada, "Küçük işletmeler bu yükü daha fazla taşıyamaz" ifadelerine yer verildi.\n'
    )
    assert speakers(text, "tr", [], ["Türkiye Esnaf Konfederasyonu"]) == ["Türkiye Esnaf Konfederasyonu"]


def test_a_turkish_statement_named_by_a_word_of_the_body_before_the_quote() -> None:
    text = (
        "ANKARA (AA) - Türkiye Kalkınma Bankası kredi faizlerini indirdi.\n"
        'Bankanın sitesinde yayımlanan duyuruda, "Yatırımcılara destek kesintisiz sürecek" '
        "ifadesine yer verildi.\n"
    )
    assert speakers(text, "tr", [], ["Türkiye Kalkınma Bankası"]) == ["Türkiye Kalkınma Bankası"]


def test_a_russian_message_of_the_ministry_named_in_the_sentence_before() -> None:
    text = (
        "Москва. 4 декабря. ИНТЕРФАКС - Экспорт зерна в ноябре вырос на 8%.\n"
        "В Минсельхозе подтвердили рост поставок. «Порты работают без перебоев», - говорится в "
        "сообщении министерства.\n"
    )
    assert speakers(text, "ru", [], ["Минсельхоз"]) == ["Минсельхоз"]


def test_a_german_communique_of_the_body_the_sentence_before_names() -> None:
    text = (
        "Zürich (sda) - Die Preise für Heizöl sind im November gestiegen.\n"
        "Der Hauseigentümerverband HEV zeigte sich besorgt. «Viele Mieter werden die Nachzahlung "
        "spüren», hiess es in einer Mitteilung.\n"
    )
    assert speakers(text, "de", [], ["HEV"]) == ["HEV"]


def test_a_passive_quote_with_no_body_anywhere_stays_unattributed_to_a_body() -> None:
    text = (
        "Zagreb (Hina) - Radovi na obali počinju u ožujku.\n"
        "„Promet će biti preusmjeren na dva mjeseca“, navodi se u priopćenju.\n"
    )
    assert speakers(text, "hr", [], []) == [None]
