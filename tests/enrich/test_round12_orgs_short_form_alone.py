"""Issue 15, twelfth round: an organisation of the vocabulary that a story names only by its
short form keeps that short form as its literal (ANNOTATION section 4: an organisation only
ever named by a short name is listed that way); invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def organisation(text: str, lang: str, name: str) -> tuple[str | None, str | None]:
    found = next(o for o in find_entities(text, lang).organisations if o.name == name)
    return found.name, found.literal


def test_the_fed_said_alone_keeps_its_short_form() -> None:
    text = "An der Börse warteten Anleger auf die Zinsentscheidung der Fed am Mittwoch."
    assert organisation(text, "de", "Federal Reserve") == ("Federal Reserve", "Fed")


def test_an_acronym_said_alone_is_still_the_literal() -> None:
    text = "Türkiye, NATO zirvesinde savunma harcamalarını artırma sözü verdi."
    assert organisation(text, "tr", "Kuzey Atlantik Antlaşması Örgütü")[1] == "NATO"


def test_the_full_name_written_needs_no_literal() -> None:
    text = "The Federal Reserve held rates on Wednesday, and the Fed chair spoke later."
    assert organisation(text, "en", "Federal Reserve") == ("Federal Reserve", None)
