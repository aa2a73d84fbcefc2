"""Issue 15, round seventeen: a preposition opening a sentence before a full name ("Para
Mariana X, analista de …", "Pour Gilles X, porte-parole du …") is no part of the name, for the
people finder and so for the speaker of the quote after it; a given name that merely starts
like one stays. Sentences written for these tests."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str, lang: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).people]


def test_para_before_a_spanish_name() -> None:
    text = (
        "México, 2 dic (EFE).- Las ventas de autos crecieron un 4 % en noviembre.\n"
        "Para Renata Olvera Cuesta, analista de la consultora Autometría, el alza refleja el "
        "crédito barato. \"Es un buen año para las marcas chinas\", dijo a EFE.\n"
    )
    assert "Renata Olvera Cuesta" in _people(text, "es")
    assert speakers(text, "es") == ["Renata Olvera Cuesta"]


def test_pour_before_a_french_name() -> None:
    text = (
        "PARIS (AFP) - Les pharmaciens ont baissé le rideau samedi.\n"
        "Pour Hélène Garcin-Ribot, présidente du syndicat des pharmaciens, la colère est "
        "profonde. « Nous ne tiendrons pas un an de plus », prévient-elle.\n"
    )
    assert "Hélène Garcin-Ribot" in _people(text, "fr")
    assert speakers(text, "fr") == ["Hélène Garcin-Ribot"]


def test_a_given_name_that_starts_like_a_preposition_stays() -> None:
    text = (
        "ATENAS (EFE).- Paraskevi Dimou Stavrou, ministra de Turismo, anunció el plan el lunes.\n"
    )
    assert "Paraskevi Dimou Stavrou" in _people(text, "es")
