"""Round sixteen, names: an acronym joined by a hyphen to the capitalised words after it
("UFC-Que Choisir", "CGT-Cheminots") is one body's name; the words after the acronym are no
person, in a quote's caption or before a verb of saying."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str) -> list[str]:
    return [e.name or "" for e in find_entities(text, "fr").people]


def test_caption_opening_with_a_glued_acronym_is_no_person() -> None:
    text = (
        "Les prix montent.\n« Un foyer sur trois a renoncé à la viande. »\n"
        "(ABC-Vigie Conso, dans une enquête publiée jeudi)"
    )
    assert _people(text) == []


def test_glued_acronym_before_a_verb_is_no_person() -> None:
    text = "L'ABC-Vigie Conso a jugé la réaction « beaucoup trop lente »."
    assert _people(text) == []


def test_a_caption_with_a_person_is_still_found() -> None:
    text = "Les prix montent.\n« Un foyer sur trois a renoncé à la viande. »\n(Claire Montaudon, économiste)"
    assert _people(text) == ["Claire Montaudon"]
