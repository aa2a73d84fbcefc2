"""Round fifteen, speakers: a wire agency the speaker told ("sagte … der Deutschen
Presse-Agentur", "ha relatado a Europa Press") is never read as the speaker's name."""

from __future__ import annotations

from quotekit import speakers


def test_german_role_told_the_agency_refers_back() -> None:
    text = (
        "Die Läuferin Anna Berghofer-Kunz fehlt verletzt. „Es tut weh, aber der Körper sagt Nein“, "
        "sagte die 26-Jährige der Deutschen Presse-Agentur. Das Team reist morgen."
    )
    assert speakers(text, "de") == ["Anna Berghofer-Kunz"]


def test_spanish_agency_told_is_not_the_speaker() -> None:
    text = (
        "La alcaldesa Marta Gil Rosell habló ayer. Un vecino de la zona, que ha preferido no dar su nombre, "
        'ha relatado a Europa Press que durante meses "entraban y salían furgonetas sin parar".'
    )
    assert speakers(text, "es") != ["Europa Press"]
