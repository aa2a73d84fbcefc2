"""Issue 15, eighth round: places - Bosnian/Croatian small towns and case forms; invented
sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def places(text: str, lang: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).places]


def test_a_small_croatian_town_in_the_locative_opening_a_sentence() -> None:
    assert places("Bura je jaka. U Senju je zatvorena cesta.", "hr") == ["Senj"]


def test_a_town_named_like_an_adjective_in_the_locative() -> None:
    assert places("Stablo je palo u Makarskoj na parkirane automobile.", "hr") == ["Makarska"]


def test_towns_after_the_noun_of_their_municipality() -> None:
    assert places("Poplave su pogodile i općine Lukavac i Kalesija.", "bs") == ["Lukavac", "Kalesija"]


def test_a_club_in_the_genitive_is_no_town_spelled_with_other_diacritics() -> None:
    # "Borca" (of FK Borac) is not the Belgrade suburb "Borča"
    assert places("Zrinjski je dva boda ispred Borca iz Banje Luke.", "bs") == ["Banja Luka"]


def test_a_spanish_town_followed_by_del_and_a_name_is_a_longer_name() -> None:
    assert places("Los incendios llegaron a San Vicente del Monte y a Bogotá.", "es") == ["Bogotá"]
