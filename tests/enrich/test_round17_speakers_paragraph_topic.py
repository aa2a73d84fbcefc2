"""Issue 15, round seventeen: a quote that opens its paragraph with an attribution naming
nobody ("a-t-elle déclaré", "declaró la autora", "she said") is the words of the person the
paragraph above opens with as its subject, not of someone its last sentence mentions in
passing; a person of the story only. One behaviour per test, on sentences written for
these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_pronoun_goes_back_to_the_subject_of_the_paragraph_above() -> None:
    text = (
        "BERNE (ATS) - Le synode a élu mardi sa nouvelle présidente.\n"
        "Claudine Vuilleumier a obtenu 51 voix, face au pasteur bâlois Markus Sutterlin. "
        "Diacre à Neuchâtel depuis 2010, elle a dirigé le conseil synodal.\n"
        "« Nous devons écouter avant de parler », a-t-elle déclaré après le vote.\n"
    )
    people = ["Claudine Vuilleumier", "Markus Sutterlin"]
    assert speakers(text, "fr", people) == ["Claudine Vuilleumier"]


def test_a_descriptor_goes_back_to_the_subject_of_the_paragraph_above() -> None:
    text = (
        "Madrid, 3 dic (EFE).- El jurado concedió el premio por mayoría.\n"
        "Ferrer Campoamor, de 81 años, es el cuarto autor chileno premiado, tras Gabriela "
        "Mistral y Nicanor Parra.\n"
        "\"No me lo esperaba a esta edad\", declaró el autor a EFE desde Santiago.\n"
    )
    people = ["Ramón Ferrer Campoamor", "Gabriela Mistral", "Nicanor Parra"]
    assert speakers(text, "es", people) == ["Ramón Ferrer Campoamor"]


def test_the_subject_of_the_sentence_before_still_comes_first() -> None:
    text = (
        "LONDON (Reuters) - Nadia Holloway-Price won the vote on Tuesday.\n"
        "Her rival Owen Treharne-Lewis conceded. \"It was a fair fight,\" he said.\n"
    )
    people = ["Nadia Holloway-Price", "Owen Treharne-Lewis"]
    assert speakers(text, "en", people) == ["Owen Treharne-Lewis"]
