"""Issue 15, round sixteen: in French and Spanish a one-word name that is the whole subject
right before the verb of saying, opening the sentence or its clause after a comma, and is no
person of the story nor a surname the story gave a first name, is a body ("Swisscom a salué
« … »"); a surname with its first name given earlier stays the person; one behaviour per
test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_one_word_body_opening_the_sentence_speaks() -> None:
    text = (
        "BERNE (ATS) - La ComCom a fixé les règles des enchères.\n"
        "Telvaro a salué une procédure « claire, rapide et prévisible pour tous les opérateurs ».\n"
    )
    assert speakers(text, "fr", []) == ["Telvaro"]


def test_a_one_word_body_after_an_adverbial_clause_speaks() -> None:
    text = (
        "RENNES (AFP) - Les éleveurs bloquent la laiterie.\n"
        "Contactée par l'AFP, Lactiva a rappelé que « les prix suivent les marchés mondiaux du lait ».\n"
    )
    assert speakers(text, "fr", []) == ["Lactiva"]


def test_a_surname_with_its_first_name_given_stays_the_person() -> None:
    text = (
        "RENNES (AFP) - L'éleveur Yannick Kerbrat-Le Gall mène la fronde.\n"
        "Plus tard, Kerbrat-Le Gall a rappelé que « les prix ne couvrent plus les coûts de production ».\n"
    )
    assert speakers(text, "fr", ["Yannick Kerbrat-Le Gall"]) == ["Yannick Kerbrat-Le Gall"]
