"""Round fifteen, speakers: Spanish "…", señaló la compañía / el departamento en un comunicado
quotes the body the sentence before opens with, even one the organisation finder does not know."""

from __future__ import annotations

from quotekit import speakers


def test_company_in_a_statement_is_the_body_opening_the_sentence_before() -> None:
    text = (
        "Mientras tanto, Talleres Urquijo confirmó que cerrará la planta de Vitoria en marzo. "
        '"Es una decisión dolorosa pero inevitable", señaló la compañía en un comunicado.'
    )
    assert speakers(text, "es") == ["Talleres Urquijo"]


def test_management_of_the_company_opens_the_sentence_before() -> None:
    text = (
        "La dirección de Conservas Albarrán Norte ha anunciado que recurrirá el fallo. "
        '"Acatamos la sentencia, pero no la compartimos", ha indicado la empresa en un comunicado.'
    )
    assert speakers(text, "es") == ["Conservas Albarrán Norte"]


def test_department_refers_to_the_ministry_named_before() -> None:
    text = (
        "La presidenta del sindicato, Elena Prieto Gómez, ha convocado la huelga. "
        'El Ministerio de Cultura ha lamentado la convocatoria. "El acuerdo recoge casi todas las demandas", '
        "ha señalado el departamento en un comunicado."
    )
    assert speakers(text, "es", organisations=["Ministerio de Cultura"]) == ["Ministerio de Cultura"]
