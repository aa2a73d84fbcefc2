"""Round fifteen, speakers: German "teilte der Verband mit", "erklärte die Gesellschaft" quote
the body the sentence before names by a compound ending in that kind noun, even one the
organisation finder does not know."""

from __future__ import annotations

from quotekit import speakers


def test_association_refers_to_the_compound_named_before() -> None:
    text = (
        "Der Landesverband der Sächsischen Holz- und Möbelindustrie (LSHM) lobte den Beschluss. "
        "„Verlässliche Aufträge sind für unsere Betriebe entscheidend“, teilte der Verband mit."
    )
    assert speakers(text, "de") == ["Landesverband der Sächsischen Holz- und Möbelindustrie"]


def test_society_refers_to_the_hyphenated_compound_named_before() -> None:
    text = (
        "Den Preis erhält die Lyrikerin Jana Kolbe-Iversen, teilte die Annette-von-Droste-Gesellschaft "
        "am Montag mit. Ihre Gedichte seien „mutig und genau“, erklärte die Gesellschaft."
    )
    assert speakers(text, "de")[-1] == "Annette-von-Droste-Gesellschaft"
