"""Issue 15, fourteenth round: in French an article does not stand before a given name, so the
capitalised word right after "le", "la", "l'", "au", "du" or "aux" that opens a run of three is a
noun (a demonym: "au Brésilien Thiago X", "la Liégeoise Salomé X"), not part of the person.
Invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "fr").people]



def test_a_demonym_after_au_among_scorers() -> None:
    text = (
        "Nantes a mené grâce à Loïc Vandevelde (20e) et au Portugais Duarte Fonsequinha (41e), avant que "
        "Rennes ne revienne par Malik Ouattara-Benoît (70e). Rennes reste troisième avec 30 points."
    )
    found = people(text)
    assert "Duarte Fonsequinha" in found
    assert not any(name.startswith("Portugais") for name in found)
