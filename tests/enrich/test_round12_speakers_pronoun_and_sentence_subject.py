"""Issue 15, round twelve: a pronoun or a subject-less verb after a quote ("sagte er", "dijo
en rueda de prensa", "a-t-il réagi") refers to the person the sentence before the quote is
about, before the person mentioned last; the subject is not a name in the possessive
("Whitlock's attorney, Linda Furtado") nor a body ("La Cruz Roja abrió …"); one behaviour per
test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_the_subject_of_the_sentence_before_outranks_the_last_mention() -> None:
    text = (
        "Sevilla, 4 dic (EFE).- El Betis y el Sevilla empataron.\n"
        '"Nos vamos con rabia", afirmó el técnico del Betis, Julián Escobedo Marín.\n'
        "Su homólogo sevillista, Andoni Galdós Urrutia, consideró justo el reparto ante Escobedo. "
        '"El punto se queda corto", dijo en rueda de prensa.\n'
    )
    assert speakers(text, "es", ["Julián Escobedo Marín"]) == ["Julián Escobedo Marín", "Andoni Galdós Urrutia"]


def test_a_name_in_the_possessive_is_not_the_subject() -> None:
    text = (
        "SEATTLE (AP) — Darren Whitlock was convicted on Friday.\n"
        "Whitlock's attorney, Linda Furtado, said her client would appeal. "
        '"We respect the jury\'s work," she said.\n'
    )
    assert speakers(text, "en", ["Darren Whitlock", "Linda Furtado"]) == ["Linda Furtado"]


def test_a_body_opening_the_sentence_before_is_no_person() -> None:
    text = (
        "Quito, 4 dic (EFE).- La alcaldesa Rosa Elvira Guamán Lema pidió calma.\n"
        'La Cruz Roja Ecuatoriana abrió un centro de acopio en Riobamba. "Tenemos grietas nuevas", '
        "dijo a la emisora Radio Pichincha.\n"
    )
    assert speakers(text, "es", ["Rosa Elvira Guamán Lema"], ("Cruz Roja Ecuatoriana",)) == ["Rosa Elvira Guamán Lema"]


def test_a_quote_opening_its_paragraph_refers_to_the_subject_of_the_paragraph_above() -> None:
    text = (
        "МОСКВА, 4 декабря. /ТАСС/ - Прошли консультации с Аркадием Воронцовым.\n"
        "Фарход Назаров, в свою очередь, поблагодарил за помощь Аркадия Воронцова.\n"
        "— Более миллиона наших граждан работают в России, — заявил он.\n"
    )
    assert speakers(text, "ru", ["Аркадий Воронцов", "Фарход Назаров"]) == ["Фарход Назаров"]


def test_a_name_after_a_preposition_in_that_sentence_is_a_complement() -> None:
    text = (
        "Lima, 4 dic (EFE).- La candidata ganó en Cusco.\n"
        "Ccorimanya, exrectora de la Universidad Nacional de San Antonio Abad, derrotó al candidato. "
        '"Vamos a gobernar para las comunidades altoandinas", dijo ante sus simpatizantes.\n'
    )
    assert speakers(text, "es", []) == [None]
