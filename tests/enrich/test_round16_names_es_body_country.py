"""Round sixteen, organisations: a Spanish or French body other than a ministry keeps the
"de <country>" that ends its name (the fullest name the story uses: "Cámara ... del
Ecuador", "Instituto ... de Italia"); a ministry's "de <country>" still only says whose
ministry it is."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str, lang: str) -> list[str]:
    return [e.name or "" for e in find_entities(text, lang).organisations]


def test_chamber_keeps_its_country() -> None:
    text = "La Cámara de Comercio Exterior del Paraguay pidió más crédito para los exportadores."
    assert "Cámara de Comercio Exterior del Paraguay" in _orgs(text, "es")


def test_institute_keeps_its_country() -> None:
    text = "El Instituto Nacional de Oceanografía de Portugal publicó el estudio el martes."
    assert "Instituto Nacional de Oceanografía de Portugal" in _orgs(text, "es")


def test_ministry_named_with_its_country_is_the_ministry() -> None:
    text = "La Secretaría de Agricultura y Desarrollo Rural de México anunció nuevas ayudas."
    assert "Secretaría de Agricultura y Desarrollo Rural" in _orgs(text, "es")
