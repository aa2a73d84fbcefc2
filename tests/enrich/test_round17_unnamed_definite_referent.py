"""Round seventeen, unnamed speakers: a definite role ("the spokesperson said", "ha afirmado
el agente") whose noun the sentence before brought in with an indefinite article and no name
("A spokesperson for the port authority said …", "declaró un agente de Aduanas …") is that
unnamed person (null), not the last person named; with a name it is that person."""

from __future__ import annotations

from quotekit import speakers


def test_english_the_spokesperson_after_a_spokesperson() -> None:
    text = (
        "Harbour master Ingrid Solvang-Pike closed the port at noon.\n"
        "A spokesperson for the Coastal Safety Agency, which runs the lighthouses, said crews "
        "had been warned. \"The swell rose faster than any model predicted,\" the spokesperson said."
    )
    assert speakers(text, "en")[-1] is None


def test_spanish_el_agente_after_un_agente() -> None:
    text = (
        "El fiscal Gonzalo Ybarra Llanos pidió penas de diez años.\n"
        "Durante el juicio declaró un agente de la Guardia Civil, que relató la persecución en "
        "la ría. \"Nos embistieron sin frenar\", ha afirmado el agente."
    )
    assert speakers(text, "es") == [None]


def test_named_spokesperson_is_the_referent() -> None:
    text = (
        "A spokesperson, Delphine Arkwright, said the company would cooperate. \"We have "
        "nothing to hide,\" the spokesperson said."
    )
    assert speakers(text, "en") == ["Delphine Arkwright"]
