"""Issue 15, round fourteen: a body that opens its clause after a short adverbial set off by
a comma ("En France, le Syndicat national des journalistes a dénoncé un « … »", "À l'extérieur
de l'Assemblée, la FNSEA a salué « … »") speaks, not the place read as a name nor the body the
adverbial names; and a clause after "tandis que" is the next clause, not this quote's
attribution. One behaviour per test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_body_after_a_place_adverbial_speaks() -> None:
    text = (
        "PARIS (AFP) - Le rapport annuel paraît jeudi.\n"
        "En Belgique, l'Association des journalistes professionnels (AJP) a dénoncé un « recul "
        "inquiétant de la protection des sources » cette année.\n"
    )
    assert speakers(text, "fr", [], ["Association des journalistes professionnels"]) == [
        "Association des journalistes professionnels"
    ]


def test_the_body_the_adverbial_names_does_not_speak() -> None:
    text = (
        "PARIS (AFP) - Les députés ont adopté le texte.\n"
        "Devant le Sénat, la Coordination rurale a salué « un premier pas pour les campagnes ».\n"
    )
    assert speakers(text, "fr", [], ["Sénat", "Coordination rurale"]) == ["Coordination rurale"]


def test_a_clause_after_tandis_que_is_not_the_attribution() -> None:
    text = (
        "ABIDJAN (AFP) - La commission électorale a publié le calendrier.\n"
        "Le Rassemblement des républicains (RDR) a salué « un calendrier tenable », tandis que le "
        "Front populaire ivoirien (FPI) dénonce une liste électorale incomplète.\n"
    )
    assert speakers(text, "fr", [], ["Rassemblement des républicains", "Front populaire ivoirien"]) == [
        "Rassemblement des républicains"
    ]
