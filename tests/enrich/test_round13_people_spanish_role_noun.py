"""Issue 15, thirteenth round: Spanish copy names a person in full - a given name and two
surnames - right after an article and a noun of role or origin, with no title and no comma
("el gestor Tomás Olmedo Vidal", "del central bético Adrián Cobos Rey"). Three capitalised
words none known as anything else are then a person; after the noun of a body or a ground,
or before an acronym in brackets, they are not. Invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "es").people]


def test_a_full_name_after_a_role_noun_is_a_person() -> None:
    assert people("Uno de los acusados, el gestor Tomás Olmedo Vidal, ha reconocido los hechos.") == [
        "Tomás Olmedo Vidal"
    ]


def test_an_adjective_may_follow_the_noun() -> None:
    text = "La película, dirigida por la cineasta valenciana Irene Caballud Ferrer, lidera las nominaciones."
    assert people(text) == ["Irene Caballud Ferrer"]


def test_a_surname_that_is_also_a_title_ends_the_name() -> None:
    text = "La expulsión del central bético Adrián Cobos Rey por doble amarilla cambió el partido."
    assert people(text) == ["Adrián Cobos Rey"]


def test_articled_particles_run_on() -> None:
    text = "Obtuvo el 46 %, frente al 33 % del exconcejal Juan Sebastián Olaya de la Torre."
    assert people(text) == ["Juan Sebastián Olaya de la Torre"]


def test_two_words_are_left_to_other_cues() -> None:
    assert people("Recortó distancias el ucraniano Oleksandr Hrytsenko en el minuto 77.") == []


def test_a_ground_named_after_a_person_is_no_person() -> None:
    assert people("La final se jugará en el estadio Mario Alberto Kempes de Córdoba.") == []


def test_a_body_named_by_its_noun_is_no_person() -> None:
    assert people("Según la consultora Kantar Media Spain, el consumo cayó.") == []


def test_a_name_defined_by_an_acronym_is_a_body() -> None:
    assert people("El ataque fue obra del autodenominado Estado Mayor Central (EMC), según el Ejército.") == []
