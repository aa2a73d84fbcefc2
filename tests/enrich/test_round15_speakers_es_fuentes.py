"""Round fifteen, speakers: Spanish "Fuentes de/del X han señalado que "…"" quotes unnamed
sources (ANNOTATION 6: null), not the body X."""

from __future__ import annotations

from quotekit import speakers


def test_sources_of_a_ministry_are_unnamed() -> None:
    text = (
        "La patronal pidió más ayudas. Fuentes del Ministerio de Industria y Turismo han señalado que "
        '"el plan tiene fondos suficientes" para este año.'
    )
    assert speakers(text, "es", organisations=["Ministerio de Industria y Turismo"]) == [None]


def test_sources_of_a_company_are_unnamed() -> None:
    text = 'Fuentes de Iberdrola han explicado que la compañía "ya cumple con todas las normas vigentes".'
    assert speakers(text, "es", organisations=["Iberdrola"]) == [None]
