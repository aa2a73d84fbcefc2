"""Round seventeen: a known organisation whose name holds a slash ("Bündnis 90/Die Grünen")
is named whole when the story writes it whole; the part after the slash alone stays as
written."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "de").organisations]


def test_a_slashed_name_written_whole_is_named_whole() -> None:
    text = "Für den Antrag stimmten am Donnerstag auch die Abgeordneten von Bündnis 90/Die Grünen."
    assert "Bündnis 90/Die Grünen" in _orgs(text)


def test_the_part_after_the_slash_alone_stays_as_written() -> None:
    text = "Für den Antrag stimmten am Donnerstag auch die Abgeordneten der Grünen."
    orgs = _orgs(text)
    assert "Bündnis 90/Die Grünen" not in orgs
    assert any("Grünen" in o for o in orgs)
