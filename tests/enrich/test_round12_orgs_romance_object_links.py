"""Issue 15, twelfth round: Spanish and French names run on over a preposition of the object
("ante Desastres") and over an article after a conjunction ("y el Desarrollo Sostenible"), but
not into a second body ("y el Ayuntamiento de Granada") nor into a purpose clause ("para
solicitar ..."); invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La Fundación para la Conservación y el Desarrollo Sostenible advirtió ayer.",
         ["Fundación para la Conservación y el Desarrollo Sostenible"]),
        ("El Servicio Nacional de Prevención y Respuesta ante Desastres informó que no hubo daños.",
         ["Servicio Nacional de Prevención y Respuesta ante Desastres"]),
        ("La Junta de Andalucía y el Ayuntamiento de Granada acordaron el plan.",
         ["Junta de Andalucía", "Ayuntamiento de Granada"]),
        ("Los vecinos acudieron al Ayuntamiento de Gandia para solicitar la declaración de zona catastrófica.",
         ["Ayuntamiento de Gandia"]),
    ],
)
def test_where_a_spanish_name_runs_on(text: str, expected: list[str]) -> None:
    assert [o.name for o in find_entities(text, "es").organisations] == expected
