"""Round fifteen, speakers: a vocabulary person's one-word surname alias written inside
another capitalised name is a namesake, not the vocabulary's person."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str, lang: str) -> list[str]:
    return [e.name or "" for e in find_entities(text, lang).people]


def test_surname_between_given_name_and_second_surname_is_no_vocabulary_person() -> None:
    text = (
        'La diputada regional Noelia Rubio Carrasco ha calificado el plan de "insuficiente y tardío", '
        "durante un pleno en Toledo."
    )
    assert "Marco Rubio" not in _people(text, "es")
    assert speakers(text, "es") != ["Marco Rubio"]


def test_second_surname_after_given_name_is_no_vocabulary_person() -> None:
    text = '"Hemos cumplido el calendario", aseguró el consejero de Hacienda, Tomás Ibarra Rubio, en Mérida.'
    assert "Marco Rubio" not in _people(text, "es")


def test_surname_alone_is_still_the_vocabulary_person() -> None:
    text = '"We will not negotiate under threat," Rubio told reporters in Washington on Monday.'
    assert "Marco Rubio" in _people(text, "en")
