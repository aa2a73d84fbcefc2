"""Issue 15, fourteenth round: a Spanish pair of surnames found alone (in a box score, "Roca Ferrer
(19)", or after a conjunction) is the person the story named whole elsewhere with one or two given
names before it ("secundado por Sergi Roca Ferrer", "Matías Nicolás Olivera Brum"). Invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "es").people]


def test_a_box_score_surname_pair_takes_the_given_name() -> None:
    text = (
        "El equipo local, bien secundado por Iñaki Berrocal Sanz (21 puntos), ganó el derbi.\n"
        "- Ficha técnica: 88 - Bilbao Basket (20+22+25+21): Berrocal Sanz (21), Urdangarín Pozo (12), "
        "Lekue Arana (9)."
    )
    assert "Iñaki Berrocal Sanz" in people(text)
    assert "Berrocal Sanz" not in people(text)


def test_two_given_names_before_the_pair() -> None:
    text = (
        "Marcaron Julián Andrés Cabrera Núñez y Tomás Felipe Rosales Vidal.\n"
        "Cabrera Núñez abrió el marcador a los 12 minutos y Rosales Vidal sentenció de penalti."
    )
    found = people(text)
    assert "Tomás Felipe Rosales Vidal" in found
    assert "Rosales Vidal" not in found
