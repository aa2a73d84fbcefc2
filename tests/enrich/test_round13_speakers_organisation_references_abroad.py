"""Issue 15, round thirteen: the organisation reference of round twelve ("it said", "the
company said") in German, French and Spanish: a definite article and a noun for a kind of body
after the verb ("teilte das Unternehmen mit", "a indiqué la société", "señaló la empresa")
stands for the body the sentence before opens with or names - never the last person named.
An article, a kind noun and a name ("la société Veolia") is that name, not a reference. One
behaviour per test, on sentences written for these tests. A French body after the verb may
follow an adverbial ("a de son côté assuré le ministère des Transports"), never a preposition."""

from __future__ import annotations

from quotekit import speakers


def test_a_german_company_after_the_verb_is_the_body_the_sentence_before_opens_with() -> None:
    text = (
        "„Man lässt uns keine Wahl“, sagte VC-Tarifvorstand Marcel Kühnert.\n"
        "Eurowings kündigte einen Sonderflugplan an. „Wir werden alles tun, um die Auswirkungen gering "
        "zu halten“, teilte das Unternehmen mit.\n"
    )
    assert speakers(text, "de", ["Marcel Kühnert"], ["Eurowings"]) == ["Marcel Kühnert", "Eurowings"]


def test_a_german_association_refers_to_the_body_named_in_the_sentence_before() -> None:
    text = (
        "Auch der Bundesverband der Luftsicherheitsunternehmen zeigte sich nur teilweise zufrieden. Die "
        "Frist sei «für tagesaktuelle Berichterstattung viel zu lang», erklärte der Verband.\n"
    )
    assert speakers(text, "de", [], ["Bundesverband der Luftsicherheitsunternehmen"]) == [
        "Bundesverband der Luftsicherheitsunternehmen"
    ]


def test_a_spanish_company_after_the_verb_is_the_body_of_the_sentence_before() -> None:
    text = (
        'El ministro Julián Roca Ferrer celebró el acuerdo. "Es una buena noticia para todos", dijo.\n'
        'Iberdrola confirmó la inversión. "Vamos a crear dos mil empleos en la región", señaló la empresa.\n'
    )
    assert speakers(text, "es", ["Julián Roca Ferrer"], ["Iberdrola"]) == ["Julián Roca Ferrer", "Iberdrola"]


def test_a_french_body_after_an_adverbial_and_the_participle_speaks() -> None:
    text = (
        "« Nous ne céderons pas », a prévenu le délégué syndical Thomas Garnier.\n"
        "« Tout sera fait pour que les Français puissent partir en vacances », a de son côté assuré "
        "le ministère des Transports.\n"
    )
    assert speakers(text, "fr", ["Thomas Garnier"], ["ministère des Transports"]) == [
        "Thomas Garnier", "ministère des Transports",
    ]


def test_a_medium_after_a_preposition_is_not_the_body_that_speaks() -> None:
    text = (
        "« Nous ne céderons pas », a prévenu le délégué syndical Thomas Garnier.\n"
        "« Le mouvement sera suivi partout », a assuré à l'AFP le délégué.\n"
    )
    assert speakers(text, "fr", ["Thomas Garnier"], ["AFP"])[1] != "AFP"
