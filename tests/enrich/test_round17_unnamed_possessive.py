"""Round seventeen, unnamed speakers: a possessive and a noun right after the verb, with no
name after them ("ha dicho su portavoz", "a indiqué son porte-parole", "said its
spokeswoman"), are someone of a body or person the story does not name (null), not the last
person named; a name after them is the speaker."""

from __future__ import annotations

from quotekit import speakers


def test_spanish_su_portavoz() -> None:
    text = (
        "La jefa de Aduanas, Remedios Alcántara Vidal, ha explicado la operación.\n"
        "El sindicato Ucoa ha reclamado más medios: \"Trabajamos con lanchas de hace veinte "
        "años\", ha dicho su portavoz."
    )
    assert speakers(text, "es")[-1] is None


def test_french_son_porte_parole() -> None:
    text = (
        "« Le chantier a révélé un mur du XIIIe siècle », a expliqué l'archéologue Hortense "
        "Delacroix-Moreau.\n"
        "Le promoteur, Batiroc, a accepté de modifier ses plans. « C'est une chance pour le "
        "quartier », a indiqué son porte-parole."
    )
    assert speakers(text, "fr") == ["Hortense Delacroix-Moreau", None]


def test_english_its_spokeswoman_named() -> None:
    text = (
        "\"We will appeal the ruling,\" said its spokeswoman, Marisol Enwright, outside the court."
    )
    assert speakers(text, "en") == ["Marisol Enwright"]
