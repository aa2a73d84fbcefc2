"""Issue 15, round fourteen: a definite article, a role and its portfolio in capitals right
after the verb ("dijo en Radio Nacional el secretario de Estado de Empleo", "a déclaré la
ministre de l'Agriculture") is an unnamed official (null), when no name follows and the
office was not named before in the story (then it may have come with its holder's name). One
behaviour per test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_spanish_secretary_of_state_after_the_medium_is_nobody() -> None:
    text = (
        "Madrid, 4 dic (EFE).- \"Vamos a seguir negociando\", dijo la sindicalista Marta Ríos Pardo.\n"
        '"Los datos confirman la tendencia", afirmó en Cadena COPE el secretario de Estado de Empleo.\n'
    )
    assert speakers(text, "es", ["Marta Ríos Pardo"], []) == ["Marta Ríos Pardo", None]


def test_a_french_minister_by_portfolio_is_nobody() -> None:
    text = (
        "PARIS (AFP) - « C'est un texte d'affichage », a ironisé la députée Claire Vasseur-Roy.\n"
        "« Nous soutiendrons la proposition », a déclaré la ministre de l'Agriculture.\n"
    )
    assert speakers(text, "fr", ["Claire Vasseur-Roy"], []) == ["Claire Vasseur-Roy", None]


def test_an_office_named_before_with_its_holder_refers_back() -> None:
    text = (
        "PARIS (AFP) - La ministre de l'Agriculture, Claire Vasseur-Roy, a présenté le plan.\n"
        "« Nous soutiendrons les éleveurs », a déclaré la ministre de l'Agriculture.\n"
    )
    assert speakers(text, "fr", ["Claire Vasseur-Roy"], []) == ["Claire Vasseur-Roy"]


def test_a_name_after_the_portfolio_speaks() -> None:
    text = (
        'Madrid, 4 dic (EFE).- "El mercado ya lo descuenta", ha explicado a EFE el analista de '
        "Renta 4 Banco Pablo Núñez Gil.\n"
    )
    assert speakers(text, "es", ["Pablo Núñez Gil"], []) == ["Pablo Núñez Gil"]
