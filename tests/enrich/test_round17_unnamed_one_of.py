"""Round seventeen, unnamed speakers: "one of" a group in a subject that names nobody makes it
an unnamed speaker, before the verb or after it, wherever it stands in the subject ("The
father of one of the missing hikers said he …", "relató uno de los supervivientes"); not the
words of a quote that opens the sentence ("“Uno de ellos …”, ha explicado el sargento X")."""

from __future__ import annotations

from quotekit import speakers


def test_english_the_father_of_one_of() -> None:
    text = (
        "Police chief Marguerite Okonkwo-Hale said the search would resume at dawn.\n"
        "The father of one of the missing hikers said he had not slept. \"Every hour out there "
        "matters,\" he told a local radio station."
    )
    assert speakers(text, "en") == [None]


def test_spanish_uno_de_after_the_verb() -> None:
    text = (
        "\"Llegaron exhaustos tras una semana en el mar\", explicó a EFE la coordinadora, "
        "Amparo Belmonte Ríos.\n"
        "\"No teníamos comida desde el martes\", relató uno de los supervivientes, de origen "
        "senegalés."
    )
    assert speakers(text, "es") == ["Amparo Belmonte Ríos", None]


def test_one_of_inside_a_quote_is_no_subject() -> None:
    text = (
        "\"Cuando llegamos, uno de ellos ya estaba fuera de la nieve\", ha explicado el "
        "sargento Ramiro Olmedo Sanz.\n"
        "\"Hicimos el rescate en el límite\", ha añadido el guardia civil."
    )
    assert speakers(text, "es") == ["Ramiro Olmedo Sanz", "Ramiro Olmedo Sanz"]
