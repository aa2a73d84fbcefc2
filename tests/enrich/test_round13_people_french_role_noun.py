"""Issue 15, thirteenth round: French copy, like Spanish, names a person right after an
article and a noun of role or origin, with no title and no comma ("l'ailier Semi Waqanivalu",
"le pasteur zurichois Andreas Kägi"): two capitalised words none known as anything else are
then a person; after the noun of a body, or with an acronym first or a digit in a word, they
are not. Invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "fr").people]


def test_a_name_after_an_elided_article_and_a_role() -> None:
    assert people("Pour Clermont, l'ailier Semi Waqanivalu a marqué un doublé.") == ["Semi Waqanivalu"]


def test_an_adjective_may_follow_the_noun() -> None:
    text = "Elle a obtenu 48 voix, face au pasteur zurichois Andreas Kägi, au deuxième tour."
    assert people(text) == ["Andreas Kägi"]


def test_a_hyphenated_surname_runs_on() -> None:
    text = "Les jeunes restent chez eux, analyse le politologue Arnaud Pelletier-Saint-Yves, de Sciences Po."
    assert people(text) == ["Arnaud Pelletier-Saint-Yves"]


def test_a_body_named_after_its_noun_is_no_person() -> None:
    assert people("Le titre du groupe Crédit Mutuel a reculé vendredi.") == []


def test_an_acronym_opening_the_run_is_no_name() -> None:
    assert people("Selon l'association UFC-Que Choisir, les prix ont monté.") == []


def test_a_word_with_a_digit_is_no_name() -> None:
    assert people("Le pilote d'un Robin DR400 a été blessé samedi.") == []
