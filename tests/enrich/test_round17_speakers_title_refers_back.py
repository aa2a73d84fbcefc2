"""Issue 15, round seventeen: a title in an attribution ("añadió la economista", "a déclaré la
nouvelle ministre") stands for the person the story gave that title only when it has named
them before the quote: a title refers back, never to someone the story names further down.
One behaviour per test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_title_does_not_reach_a_person_named_after_the_quote() -> None:
    text = (
        "Lima, 3 dic (EFE).- La gerenta de estudios del banco, Lorena Quispe Aranda, explicó "
        "que el emisor prefiere esperar.\n"
        "\"No tenemos prisa\", añadió la economista.\n"
        "Para el economista jefe de Banco Andino, Tomás Ríos Olaya, la decisión era la esperada.\n"
    )
    assert speakers(text, "es") == ["Lorena Quispe Aranda"]


def test_a_title_still_reaches_a_person_named_before() -> None:
    text = (
        "PARIS (AFP) - Le ministre des Transports, Bastien Morel-Aubry, a reçu les syndicats lundi.\n"
        "Les discussions reprendront jeudi.\n"
        "« Nous avons avancé », a assuré le ministre à la sortie.\n"
    )
    assert speakers(text, "fr") == ["Bastien Morel-Aubry"]
