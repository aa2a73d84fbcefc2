"""Round eighteen, people and speakers (es, fr): after "title de" a run of four name words or
more opens with the employer - a firm, a town, a department, one word with its hyphened
halves - and the name is the rest, which may run past the four words a run takes ("la
analista de Bursanova María Luisa Arrieta Goñi"). A lawyer's or a relative's "de" is
followed by a person, whose name stays whole."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str, lang: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).people]


def test_a_firm_before_a_spanish_name() -> None:
    text = (
        "Los precios de la vivienda subieron un 6 % en octubre.\n"
        'El economista de Ibercapital Tomás Urquiza Lerma dijo: "El alquiler pesa más que la luz".'
    )
    people = _people(text, "es")
    assert "Tomás Urquiza Lerma" in people
    assert not any(p.startswith("Ibercapital") for p in people)


def test_the_name_runs_past_four_words() -> None:
    text = (
        "La bolsa cerró la semana en rojo.\n"
        "Según la analista de Bursanova María Luisa Arrieta Goñi, la prudencia seguirá en enero.\n"
        '"No hay que sobrerreaccionar", añadió Arrieta Goñi.'
    )
    assert "María Luisa Arrieta Goñi" in _people(text, "es")
    assert speakers(text, "es") == ["María Luisa Arrieta Goñi"]


def test_a_town_before_the_name() -> None:
    text = (
        "El debate duró tres horas.\n"
        '"Aquí nadie se queda atrás", afirmó el exalcalde de Huehuetenango Rubén Xiloj Batz, del partido Luz.'
    )
    assert speakers(text, "es") == ["Rubén Xiloj Batz"]


def test_a_hyphened_department_before_a_french_name() -> None:
    text = (
        "Le débat a réuni quatre candidats.\n"
        "« Il faut tenir les comptes », a dit le député des Hautes-Alpes Arnaud de Valmorel, ancien maire."
    )
    people = _people(text, "fr")
    assert "Arnaud de Valmorel" in people
    assert not any(p.startswith("Hautes") for p in people)


def test_a_lawyers_client_keeps_the_whole_name() -> None:
    text = "El abogado de Juan Carlos Pérez García dijo que su cliente es inocente."
    assert "Carlos Pérez García" not in _people(text, "es")
