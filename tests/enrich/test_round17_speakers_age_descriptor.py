"""Issue 15, round seventeen: a definite descriptor after the verb whose complement is an age
("a raconté le joueur de 19 ans", "a confié la nageuse de 20 ans") describes a person named
before, not an office held by someone the story leaves unnamed ("souligne le directeur
artistique de la compagnie" stays nobody); one behaviour per test, on sentences written for
these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_player_of_an_age_is_the_person_named_before() -> None:
    text = (
        "LYON (AFP) - C'est le jeune ailier Malo Derrien-Fauque qui a marqué le but de la victoire.\n"
        "« J'ai fermé les yeux et j'ai frappé », a raconté le joueur de 19 ans.\n"
    )
    assert speakers(text, "fr", ["Malo Derrien-Fauque"]) == ["Malo Derrien-Fauque"]


def test_a_swimmer_of_an_age_is_the_person_named_before() -> None:
    text = (
        "NANTES (AFP) - La nageuse Elsa Monbrun-Taillade a battu le record de France.\n"
        "« Je n'y croyais plus », a confié la nageuse de 20 ans.\n"
    )
    assert speakers(text, "fr", ["Elsa Monbrun-Taillade"]) == ["Elsa Monbrun-Taillade"]


def test_an_office_and_its_complement_stay_unnamed() -> None:
    text = (
        "LILLE (AFP) - La comédienne Inès Garrel-Moutier a été applaudie jeudi.\n"
        "« Nous jouerons tout l'hiver », souligne le directeur artistique de la compagnie.\n"
    )
    assert speakers(text, "fr", ["Inès Garrel-Moutier"]) == [None]
