"""Round seventeen, unnamed speakers: a title after an indefinite article after the verb
("sagte ein Sprecher von X", "ha indicado una portavoz de X") is a new, unnamed person (null),
even when the story's people finder took the body for a person with that title; a title
with the definite article still refers back to the known person."""

from __future__ import annotations

from newswire.enrich.entities import Entity
from newswire.enrich.quotes import find_quotes


def _speakers(text: str, lang: str, people: list[Entity]) -> list[str | None]:
    return [q.speaker for q in find_quotes(text, lang, people=people)]


def test_german_ein_sprecher_von_a_body_taken_for_a_person() -> None:
    text = "„Alle Server sind vom Netz“, sagte ein Sprecher von Datenwerk Niederrhein."
    body = Entity("person", "Datenwerk Niederrhein", titles=("sprecher",))
    assert _speakers(text, "de", [body]) == [None]


def test_spanish_una_portavoz_de() -> None:
    text = (
        "Rescate Costero ha enviado una lancha.\n"
        "\"Los dos tripulantes están bien\", ha indicado una portavoz de Rescate Costero."
    )
    body = Entity("person", "Rescate Costero", titles=("portavoz",))
    assert _speakers(text, "es", [body]) == [None]


def test_definite_title_refers_back() -> None:
    text = (
        "Die Sprecherin Dorothea Wendelstein-Aue bestätigte den Ausfall.\n"
        "„Wir arbeiten mit Hochdruck daran“, sagte die Sprecherin."
    )
    person = Entity("person", "Dorothea Wendelstein-Aue", titles=("sprecherin",))
    assert _speakers(text, "de", [person]) == ["Dorothea Wendelstein-Aue"]
