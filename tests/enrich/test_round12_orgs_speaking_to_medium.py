"""Issue 15, twelfth round: in the reactions format a medium after "speaking to" / "talking
to" is an organisation when its name looks like a medium's ("(Ahmed Ali, director, speaking to
Gulf News)"); a person there is not; invented texts."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def test_the_medium_after_speaking_to_is_an_organisation() -> None:
    text = "(Ahmed Ali, director of the water authority, speaking to Gulf News)\n\"The grid must come first.\""
    assert "Gulf News" in [o.name for o in find_entities(text, "en").organisations]


def test_a_person_after_speaking_to_is_no_medium() -> None:
    text = "(Jane Doe, a teacher, speaking to John Smith)\n\"Yes.\""
    assert find_entities(text, "en").organisations == ()
