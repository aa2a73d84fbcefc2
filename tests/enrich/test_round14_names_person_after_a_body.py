"""Issue 15, fourteenth round: in Spanish a body's name does not run on over the full name of the
person after it, a given name and two surnames ("la investigadora del Real Instituto Elcano X Y
Z", "el politólogo de la Universidad de Chile X Y Z"): the body and the person are each found,
and the person is the speaker; a hospital or a school named after a person keeps its namesake.
Invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def test_a_researcher_after_her_institute() -> None:
    text = (
        "Según la investigadora de la Universidad de Sevilla Aurora Beltrán Quesada, \"el contrato llega "
        "con cinco años de retraso\"."
    )
    entities = find_entities(text, "es")
    assert [p.name for p in entities.people] == ["Aurora Beltrán Quesada"]
    assert not any("Aurora" in (o.name or "") for o in entities.organisations)
    assert speakers(text, "es") == ["Aurora Beltrán Quesada"]


def test_a_hospital_keeps_its_namesake() -> None:
    text = "Los pacientes fueron trasladados al Hospital de Clínicas José Antonio Mendoza en la capital."
    assert [p.name for p in find_entities(text, "es").people] == []
