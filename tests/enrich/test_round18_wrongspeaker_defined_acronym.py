"""Round eighteen, wrong speakers: a body the story names by an acronym it defines in
brackets speaks by the expansion (ANNOTATION §4: "an acronym defined in brackets gives the
expansion"), whether the expansion is one compound, has lower-case words inside it or is
followed by more of the acronym ("(DIK BiH)"); an acronym the story never expands stays."""

from __future__ import annotations

from newswire.enrich.quotes import find_quotes
from newswire.enrich.quotes.organisations import defined_expansion


def test_compound_expansion() -> None:
    text = (
        "Berlin (dpa) - Auch die Studierendenvertretung (SVT) warnte vor Kürzungen.\n"
        "Die SVT nannte den Plan „einen Schlag ins Gesicht der Hochschulen“."
    )
    assert [q.speaker for q in find_quotes(text, "de")] == ["Studierendenvertretung"]


def test_expansion_with_lower_case_words() -> None:
    assert defined_expansion(
        "Mostar - Prema podacima koje je objavila Državna izborna komisija BiH (DIK BiH), izlaznost je pala.",
        "DIK",
    ) == "Državna izborna komisija BiH"
    assert defined_expansion(
        "Köln (dpa) - Verhandelt wird mit dem Bundesverband der Sicherheitsfirmen (BVSF) in Köln.", "BVSF"
    ) == "Bundesverband der Sicherheitsfirmen"


def test_undefined_acronym_stays() -> None:
    assert defined_expansion("Köln (dpa) - Die BVSF lehnte ab.", "BVSF") is None
    assert defined_expansion("Ein Satz, (BVSF) ohne Namen davor.", "BVSF") is None
