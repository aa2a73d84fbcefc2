"""Round eighteen, wrong speakers: after a title, a given name and a surname that is also a
town's name ("Sarıkaya", "Albuquerque") may be followed by a second surname, which belongs
to the name ("Doç. Dr. Zeynep Sarıkaya Erten"); in Bosnian/Croatian a town after a title
closes an employer's name instead and no name runs on over it."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from newswire.enrich.quotes import find_quotes


def _people(text: str, lang: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).people]


def test_second_surname_after_a_town_surname() -> None:
    text = (
        "Ankara (AA) - Kira artışlarının yavaşladığını belirten Hacettepe Üniversitesi öğretim "
        "üyesi Doç. Dr. Zeynep Sarıkaya Erten, \"Piyasa dengeye geliyor\" dedi."
    )
    assert "Zeynep Sarıkaya Erten" in _people(text, "tr")
    assert [q.speaker for q in find_quotes(text, "tr")] == ["Zeynep Sarıkaya Erten"]


def test_town_surname_alone_still_closes_the_name() -> None:
    text = "Ankara (AA) - Belediye Başkanı Elif Sarıkaya, yeni parkın açıldığını söyledi."
    assert "Elif Sarıkaya" in _people(text, "tr")
