"""Round sixteen, names: Turkish and Bosnian/Croatian copy writes a person's whole name once
and then the last two words of it (a double given name's second half and the surname, or a
compound surname); the pair found alone takes the given name written before it elsewhere,
as Spanish pairs of surnames already did."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str, lang: str) -> list[str]:
    return [e.name or "" for e in find_entities(text, lang).people]


def test_turkish_compound_surname_takes_its_given_name() -> None:
    text = (
        "Festivale katılacak isimler arasında bulunan Selin Ormanlı Yavuzer, yeni filmini tanıttı.\n"
        'Ormanlı Yavuzer, şunları söyledi: "Bu film köyümüzün hikayesini anlatıyor."'
    )
    assert _people(text, "tr") == ["Selin Ormanlı Yavuzer"]
    assert speakers(text, "tr") == ["Selin Ormanlı Yavuzer"]


def test_bosnian_double_surname_takes_its_given_name() -> None:
    text = (
        "Sporazum su potpisali načelnik Općine Dario Kovač i direktor federacije Joaquim Ferreira Lobo.\n"
        "- Ovo je veliki dan za grad - rekao je Ferreira Lobo."
    )
    assert "Joaquim Ferreira Lobo" in _people(text, "bs")
    assert "Ferreira Lobo" not in _people(text, "bs")


def test_pair_without_a_given_name_elsewhere_stays_as_written() -> None:
    text = 'Ormanlı Yavuzer, şunları söyledi: "Bu film köyümüzün hikayesini anlatıyor."'
    assert _people(text, "tr") == ["Ormanlı Yavuzer"]
