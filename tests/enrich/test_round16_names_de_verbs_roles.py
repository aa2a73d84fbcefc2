"""Round sixteen, German names: more verbs of attribution from dpa copy ("sprach von",
"kritisierte", "verwies auf", "forderte", ...) find the person before or after them; a
role noun capitalised before a name is no given name ("Astrophysiker", "Landesparteiobmann",
"Aufbauspieler", "Biathletin", "Bewerber"); and a run opening with a body's compound head
("Wirtschaftsvereinigung Stahl verwies") is no person."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str) -> list[str]:
    return [e.name or "" for e in find_entities(text, "de").people]


def test_speaker_in_apposition_before_sprach_von() -> None:
    text = "Der SPD-Fraktionschef im Landtag, Tobias Hallwachs, sprach von einer «Notoperation kurz vor der Wahl»."
    assert _people(text) == ["Tobias Hallwachs"]
    assert speakers(text, "de") == ["Tobias Hallwachs"]


def test_person_before_kritisierte() -> None:
    text = "Die Grünen-Abgeordnete Ilka Brommers kritisierte den Plan als «völlig überhastet»."
    assert _people(text) == ["Ilka Brommers"]


def test_role_noun_before_a_name_is_left_off() -> None:
    text = "Bester Werfer war Aufbauspieler Malte Ostendorp mit 19 Punkten."
    assert _people(text) == ["Malte Ostendorp"]
    text = "Astrophysikerin Carla Wendelin sprach von einer «großen Chance»."
    assert _people(text) == ["Carla Wendelin"]


def test_body_before_verb_is_no_person() -> None:
    text = "Die Wirtschaftsvereinigung Aluminium verwies auf die hohen Strompreise."
    assert _people(text) == []
    text = "Die Organisation Grenzenlos Helfen kritisierte die Entscheidung scharf."
    assert _people(text) == []
    assert "Grenzenlos Helfen" in [e.name for e in find_entities(text, "de").organisations]
