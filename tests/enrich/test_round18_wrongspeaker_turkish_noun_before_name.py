"""Round eighteen, wrong speakers: a Turkish word with a suffix no given name carries - the
plural ("Adaylar", "Yetkililer") or, on a long word, the "-li" of origin ("Kazaklı",
"Suriyeli") - opening a capitalised run is no part of the name after it."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from newswire.enrich.quotes import find_quotes


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "tr").people]


def test_plural_before_a_name() -> None:
    text = (
        "Bursa (AA) - Kongrede iki aday yarıştı.\n"
        "Adaylar Meltem Karaoğuz ile Ferit Aksungur salonda konuştu. Karaoğuz, \"Bu şehir "
        "değişimi hak ediyor\" dedi."
    )
    people = _people(text)
    assert "Meltem Karaoğuz" in people
    assert not any(p.startswith("Adaylar") for p in people)


def test_word_of_origin_before_a_name() -> None:
    text = (
        "Muğla (AA) - Sahil Güvenlik ekipleri batan bottaki 30 kişiyi kurtardı.\n"
        "Kurtarılanlardan Suriyeli Halid Mansur ise \"Denizde saatlerce bekledik\" dedi."
    )
    assert [q.speaker for q in find_quotes(text, "tr")] == ["Halid Mansur"]


def test_given_names_stay() -> None:
    text = "Ankara (AA) - Genel Müdür Ayşe Nur Kaplan, \"Hedefimize ulaştık\" dedi."
    assert "Ayşe Nur Kaplan" in _people(text)
