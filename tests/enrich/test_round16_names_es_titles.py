"""Round sixteen, names: Spanish titles a name follows, from the closed class of the
language's titles - a regional minister ("conseller/a", "viceconsejero/a"), a candidate, a
coach's counterpart ("homólogo/a"), a state administrator ("interventor/a"), a lawyer
("letrado/a"), a deputy governor ("subgobernador/a"), a deputy ("adjunto/a")."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str) -> list[str]:
    return [e.name or "" for e in find_entities(text, "es").people]


def test_regional_minister_in_apposition() -> None:
    text = '"La alerta sigue activa", insistió la consellera de Medio Ambiente, Laia Ferrer Bosch, en Valencia.'
    assert _people(text) == ["Laia Ferrer Bosch"]


def test_candidate_of_a_party_in_apposition() -> None:
    text = "El candidato de Nueva Fuerza, Ramiro Quispe Mamani, ganó en Puno con el 51 % de los votos."
    assert _people(text) == ["Ramiro Quispe Mamani"]


def test_counterpart_in_apposition() -> None:
    text = "Su homólogo visitante, Andrés Larrañaga Ibarra, consideró justo el empate."
    assert _people(text) == ["Andrés Larrañaga Ibarra"]


def test_lawyer_before_the_name() -> None:
    text = "La defensa, ejercida por el letrado Borja Almendros, pidió la absolución."
    assert _people(text) == ["Borja Almendros"]
