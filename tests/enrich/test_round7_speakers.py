"""Issue 15, seventh round: quote speakers in quote lists whose caption names an
organisation, or carries a bracket of its own; on invented texts."""

from __future__ import annotations

from newswire.enrich.quotes import find_quotes
from newswire.model import Quote

REACTIONS = (
    "Reactions to the new rail timetable\n"
    "LONDON (PA) - The operator published its winter timetable on Friday. Following are reactions:\n"
    "“Fewer trains at peak hours will push commuters back into their cars.”\n"
    "(Ruth Amberley-Cole, director of the Passenger Rights Alliance (PRA), in a statement)\n"
    "“We will review every cancelled service with the operator before January.”\n"
    "(Department for Transport, in a statement)\n"
    "“Our members were not consulted at all.”\n"
    "(Railfolk, the commuters' group, in a statement)\n"
)


def test_caption_with_a_bracket_of_its_own_names_the_speaker() -> None:
    assert find_quotes(REACTIONS, "en")[0] == Quote(
        "Fewer trains at peak hours will push commuters back into their cars.", "Ruth Amberley-Cole"
    )


def test_caption_headed_by_an_organisation_names_it_as_the_speaker() -> None:
    speakers = [q.speaker for q in find_quotes(REACTIONS, "en")]
    assert speakers[1:] == ["Department for Transport", "Railfolk"]
