"""Issue 15, fourteenth round: after a title, a party's or an employer's one-word name before a
given name and a hyphenated surname is no part of the person ("la députée Renaissance X Y-Z",
"le prévisionniste de MeteoNews X Y-Z", "el analista de Funcas X Y-Z"); in Spanish only after
"de", since two given names before a surname are common there. Invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def people(text: str, lang: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).people]


def test_a_party_after_a_french_title() -> None:
    text = (
        "« Ce texte protège enfin les éleveurs », a déclaré la députée Horizons Clémence Lagardière-Puech "
        "devant l'hémicycle."
    )
    assert people(text, "fr") == ["Clémence Lagardière-Puech"]
    assert speakers(text, "fr") == ["Clémence Lagardière-Puech"]


def test_an_employer_after_de_in_french() -> None:
    text = "Selon le prévisionniste de MeteoNews Arnaud Pellissier-Gay, « la neige tiendra jusqu'à dimanche »."
    assert people(text, "fr") == ["Arnaud Pellissier-Gay"]


def test_an_employer_after_de_in_spanish() -> None:
    text = "\"La reforma llega tarde\", afirmó el analista de Funcas Rodrigo Estévez-Laguna en Madrid."
    assert people(text, "es") == ["Rodrigo Estévez-Laguna"]
    assert speakers(text, "es") == ["Rodrigo Estévez-Laguna"]


def test_two_spanish_given_names_after_a_title_stay() -> None:
    text = "\"No habrá recortes\", aseguró el ministro José Luis Ortega-Vidal en rueda de prensa."
    assert people(text, "es") == ["José Luis Ortega-Vidal"]
