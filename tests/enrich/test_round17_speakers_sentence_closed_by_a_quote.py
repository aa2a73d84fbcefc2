"""Issue 15, round seventeen: a quote that follows a sentence closed by another quote ("Pour X,
les salariés « paient … ». « … », a-t-elle dénoncé") takes as the sentence before it the one
the first quote closed, from its start (not the lone full stop between them); and a name
after the French "sur" is a medium ("Interrogée sur France Inter, la ministre …"), never the
subject. One behaviour per test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_the_sentence_closed_by_a_quote_is_the_sentence_before() -> None:
    text = (
        "DOUAI (AFP) - Le constructeur supprime une équipe de nuit, a annoncé le directeur du site, "
        "Marc Vautrelle.\n"
        "Pour Nadia Berrabah-Leclerc, déléguée syndicale, les salariés « paient la note de Marc "
        "Vautrelle ». « On "
        "nous a promis l'avenir, et on coupe une équipe », a-t-elle dénoncé.\n"
    )
    people = ["Marc Vautrelle", "Nadia Berrabah-Leclerc"]
    assert speakers(text, "fr", people)[-1] == "Nadia Berrabah-Leclerc"


def test_a_name_after_sur_is_a_medium() -> None:
    text = (
        "PARIS (AFP) - Les syndicats appellent à la grève le 15 décembre.\n"
        "« Nous serons dans la rue », a prévenu Paul Ferrandi-Roux, de la CGT.\n"
        "Interrogée sur Radio Lumière, la ministre du Travail, Agnès Delorme-Vidal, a défendu une "
        "mesure temporaire. « Les petites pensions seront protégées », a-t-elle assuré.\n"
    )
    # the people finder left the minister out: her name is read off the sentence
    assert speakers(text, "fr", ["Paul Ferrandi-Roux"])[-1] == "Agnès Delorme-Vidal"
