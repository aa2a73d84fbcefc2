"""Round eighteen, wrong speakers: a Croatian/Bosnian run of three ending in a surname pair
whose first is an "-ić" surname ("Marta Jelačić Brus") keeps its given name; a given name
and a surname after an employer's genitive ("statistiku Ivan Horvatić") stay two words."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str, lang: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).people]


def test_given_name_before_an_ic_surname_pair() -> None:
    text = (
        "Luka će proširiti terminal\n"
        "RIJEKA, 2. prosinca (Hina) - Luka gradi novi terminal, rekla je predsjednica uprave "
        "luke Marta Jelačić Brus."
    )
    people = _people(text, "hr")
    assert "Marta Jelačić Brus" in people
    assert "Jelačić Brus" not in people


def test_employer_before_a_name_stays_out() -> None:
    text = (
        "SARAJEVO, 2. decembra (Fena) - Cijene će rasti, rekao je direktor Agencije za "
        "statistiku Ivan Horvatić.\n„Nema razloga za paniku“, kazao je Horvatić."
    )
    people = _people(text, "bs")
    assert "Ivan Horvatić" in people
    assert not any(p.startswith("Agencije") for p in people)
