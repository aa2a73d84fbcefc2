"""Issue 15, round seventeen: a Turkish passive attribution ("… ifadesine yer verildi",
"… denildi") quotes the body named in the ablative before "yapılan (yazılı) açıklama" or in
the genitive before "açıklamasında", in the same sentence or, after "Açıklamada,", in the
sentence before: the body without its case ending, or the name an acronym it is written by
stands for; a one-word common noun ("Şirketten") or a title names no body. One behaviour per
test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_body_in_the_ablative_before_yapilan_aciklama_speaks() -> None:
    text = (
        "ANKARA (AA) - Elektrikli otomobil satışları kasımda arttı.\n"
        "Vokra'dan yapılan açıklamada ise, \"Üretimimizi iki katına çıkarıyoruz.\" ifadesine yer verildi.\n"
    )
    assert speakers(text, "tr", []) == ["Vokra"]


def test_a_body_of_two_words_with_a_glued_ablative_speaks() -> None:
    text = (
        "ANKARA (AA) - Yeni sezonun programı belli oldu.\n"
        "Halk Operaları yazılı açıklama yapmadı. Şehir Orkestralarından yapılan yazılı açıklamada ise "
        "\"Turneye bahar aylarında çıkacağız.\" ifadesine yer verildi.\n"
    )
    assert speakers(text, "tr", []) == ["Şehir Orkestraları"]


def test_aciklamada_quotes_the_body_the_sentence_before_names() -> None:
    text = (
        "İZMİR (AA) - Göçmen teknesi battı.\n"
        "Sahil Güvenlik Marmara Bölge Komutanlığından yapılan açıklamaya göre, bölgeye iki bot gönderildi.\n"
        "Açıklamada, \"Teknedeki herkes kurtarılmıştır.\" ifadesine yer verildi.\n"
    )
    assert speakers(text, "tr", []) == ["Sahil Güvenlik Marmara Bölge Komutanlığı"]


def test_an_acronym_in_the_genitive_stands_for_the_name_it_defines() -> None:
    text = (
        "BURSA (AA) - Bursa Kent Ulaşım İdaresi (BUKİ) seferleri artırdı.\n"
        "BUKİ'nin açıklamasında, \"Yeni hatlar pazartesi açılacak.\" denildi.\n"
    )
    assert speakers(text, "tr", []) == ["Bursa Kent Ulaşım İdaresi"]


def test_a_common_noun_in_the_ablative_names_no_body() -> None:
    text = (
        "İSTANBUL (AA) - Fırınlar ekmek fiyatını artırdı.\n"
        "Şirketten yapılan yazılı açıklamada, \"Fiyatlar sabit kalacak.\" ifadesine yer verildi.\n"
    )
    assert speakers(text, "tr", []) != ["Şirket"]
