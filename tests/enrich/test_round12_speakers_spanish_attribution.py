"""Issue 15, round twelve: how Spanish agency copy attributes a quote - in the perfect
("ha explicado", Europa Press and EFE's desk in Spain), with any verb in the preterite right
after the quote and its comma ("…", criticó X), and with a second clause opened by a
conjunction (", pero ha advertido de que “…”"); one behaviour per test, on sentences
written for these tests."""

from __future__ import annotations

from newswire.enrich.quotes import find_quotes


def quotes(text: str, people: list[str] | None = None) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in find_quotes(text, "es", people=people)]


def test_the_perfect_after_the_quote_attributes_it() -> None:
    text = (
        "MADRID, 4 (EUROPA PRESS)\n"
        '"El plan llega con dinero y con plazos", ha subrayado el ministro Tomás Arrieta Sanz.\n'
    )
    assert quotes(text) == [("El plan llega con dinero y con plazos", "Tomás Arrieta Sanz")]


def test_the_perfect_before_a_partial_quote_attributes_it() -> None:
    text = (
        "MADRID, 4 (EUROPA PRESS)\n"
        "La portavoz de la patronal, Elena Ruiz Ortega, ha advertido de que la medida "
        '"no creará ni un solo empleo".\n'
    )
    assert quotes(text) == [("no creará ni un solo empleo", "Elena Ruiz Ortega")]


def test_a_role_after_the_perfect_refers_back_to_the_person_named() -> None:
    text = (
        "La investigadora Nuria Campos Vela presentó el hallazgo en La Laguna.\n"
        '"Ahora necesitamos tiempo en los grandes telescopios", ha añadido la investigadora.\n'
    )
    assert quotes(text, ["Nuria Campos Vela"]) == [
        ("Ahora necesitamos tiempo en los grandes telescopios", "Nuria Campos Vela")
    ]


def test_any_verb_in_the_preterite_right_after_the_comma_attributes_the_quote() -> None:
    text = (
        "Bruselas, 4 dic (EFE).- Las organizaciones agrarias mantienen sus reservas.\n"
        '"Seguimos sin cláusulas de salvaguardia que funcionen", criticó la vicepresidenta '
        "del sindicato, Amandine Roche-Vidal.\n"
    )
    assert quotes(text, ["Amandine Roche-Vidal"]) == [
        ("Seguimos sin cláusulas de salvaguardia que funcionen", "Amandine Roche-Vidal")
    ]


def test_a_title_in_marks_followed_by_a_verb_without_a_comma_is_no_quote() -> None:
    text = 'Lima, 4 dic (EFE).- "La ciudad y los perros sin dueño" ganó el premio del público.\n'
    assert quotes(text) == []


def test_a_verb_after_a_conjunction_opens_the_next_clause() -> None:
    text = (
        "MADRID, 4 (EUROPA PRESS)\n"
        "La presidenta de la sociedad médica, Lucía Arregui Mendaza, ha valorado el plan como "
        '"un paso en la buena dirección", pero ha advertido de que "sin cambiar las condiciones '
        'las plazas seguirán vacías".\n'
    )
    assert quotes(text, ["Lucía Arregui Mendaza"]) == [
        ("un paso en la buena dirección", "Lucía Arregui Mendaza"),
        ("sin cambiar las condiciones las plazas seguirán vacías", "Lucía Arregui Mendaza"),
    ]


def test_a_middle_word_of_particles_is_no_key_to_a_person() -> None:
    # "Estado de Trabajo" (a three-word run taken for a person) must not claim every "de"
    text = (
        "Madrid, 2 dic (EFE).- El paro subió en noviembre.\n"
        "La secretaria de Empleo, Ana Corrochano Ruiz, advirtió de que "
        '"la temporalidad sigue siendo muy alta".\n'
    )
    assert quotes(text, ["Estado de Trabajo", "Ana Corrochano Ruiz"]) == [
        ("la temporalidad sigue siendo muy alta", "Ana Corrochano Ruiz")
    ]


def test_a_run_opening_with_an_organisation_head_is_not_the_speaker() -> None:
    text = (
        "Madrid, 2 dic (EFE).- El paro subió en noviembre.\n"
        "La secretaria de Empleo de Comisiones Obreras, Ana Belén Corrochano Ruiz, advirtió de que "
        '"la temporalidad sigue siendo muy alta".\n'
    )
    assert quotes(text, []) == [("la temporalidad sigue siendo muy alta", "Ana Belén Corrochano Ruiz")]
