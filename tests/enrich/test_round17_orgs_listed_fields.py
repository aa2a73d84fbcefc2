"""Round seventeen: a name whose complement goes on as a list closed by a conjunction keeps
the whole list: Croatian/Bosnian fields after "u" ("Agencija za potpore u ribarstvu, lovstvu
i šumskom gospodarstvu") and French capitalised items after a lower-case adjective
("ministère de la Culture populaire, de la Jeunesse et des Sports")."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str, lang: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, lang).organisations]


def test_bcs_fields_listed_after_u_belong_to_the_name() -> None:
    text = "Agencija za potpore u ribarstvu, lovstvu i šumskom gospodarstvu objavila je natječaj."
    assert "Agencija za potpore u ribarstvu, lovstvu i šumskom gospodarstvu" in _orgs(text, "hr")


def test_bcs_adjectives_listed_before_one_noun() -> None:
    text = "Agencija za ispitivanje nezgoda u cestovnom, riječnom i zračnom prometu pokrenula je postupak."
    assert "Agencija za ispitivanje nezgoda u cestovnom, riječnom i zračnom prometu" in _orgs(text, "hr")


def test_a_place_after_u_is_still_a_seat_not_a_list() -> None:
    text = "Agencija za potpore u Zagrebu objavila je natječaj."
    assert not any("," in o for o in _orgs(text, "hr"))


def test_french_capitalised_items_after_a_lower_case_adjective() -> None:
    text = "Le ministère de la Culture populaire, de la Jeunesse et des Sports a publié un communiqué."
    assert "ministère de la Culture populaire, de la Jeunesse et des Sports" in _orgs(text, "fr")
