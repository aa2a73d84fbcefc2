"""Issue 15, thirteenth round: a German role noun written whole before a name - the last half
of a hyphenated compound ("Jefferies-Analystin", "Raiffeisen-Research-Analyst") or the word
opening the sentence ("Analyst X Y von der DZ Bank") - is a title like the glued compounds
("Commerzbank-Chefvolkswirt"); the name after it is found. Invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "de").people]


def test_the_last_half_of_a_compound_is_a_role() -> None:
    text = "Die Aktie fiel. Die Jefferies-Analystin Chloé Marchand bemängelte dagegen den Ausblick."
    assert people(text) == ["Chloé Marchand"]


def test_a_role_of_three_halves() -> None:
    text = "Die Aktie fiel. Raiffeisen-Research-Analyst Bernhard Zeiselmair bezeichnete den Rückgang als übertrieben."
    assert people(text) == ["Bernhard Zeiselmair"]


def test_a_role_opening_the_sentence() -> None:
    text = "Die Aktie stieg. Analyst Tobias Kramer von der DZ Bank sprach von einem starken Abschluss."
    assert people(text) == ["Tobias Kramer"]


def test_a_bare_ending_is_no_role() -> None:
    text = "Die Aktie stieg. Erin Tobias Kramer kaufte nach."
    assert "Tobias Kramer" not in people(text)
