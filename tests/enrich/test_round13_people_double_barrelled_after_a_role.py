"""Issue 15, thirteenth round: a given name and a hyphenated surname are a person also when
the capitalised word before them cannot be a second given name: an acronym or a compound's
last half ("ÖGK-Obmann"), a place the story knows, the word opening the sentence (a role:
"Substitute", "Analyst", "Optuženi"), or in German a noun after a lower-case word ("der
Schauspieler"); a bracketed caption still opens with the whole name. Invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def people(text: str, lang: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).people]


def test_a_role_opening_the_sentence_is_no_given_name() -> None:
    text = "Leeds won late. Substitute Kaito Hashimura-Blake sealed the win in stoppage time."
    assert people(text, "en") == ["Kaito Hashimura-Blake"]


def test_a_german_noun_after_an_article_is_no_given_name() -> None:
    text = "In den Hauptrollen ist der Schauspieler Dominik Vrabec-Holzer zu sehen."
    assert people(text, "de") == ["Dominik Vrabec-Holzer"]


def test_a_compound_title_is_no_given_name() -> None:
    text = "Die Börse schloss fester, schrieb Helaba-Analystin Carolin Meißner-Stoll am Abend."
    assert people(text, "de") == ["Carolin Meißner-Stoll"]


def test_an_acronym_is_no_given_name() -> None:
    text = "Le marché attend la BCE, a commenté auprès de l'AFP Agathe Rouvier-Delmas, gérante chez Mandarine."
    assert people(text, "fr") == ["Agathe Rouvier-Delmas"]


def test_a_known_place_is_no_given_name() -> None:
    text = "Prijem će biti veći, izjavio je ravnatelj bolnice u Splitu, Split Tomislav Bilić-Roje danas."
    assert "Tomislav Bilić-Roje" in people(text, "hr")


def test_a_caption_keeps_its_first_given_name() -> None:
    text = "Experts spoke.\n(Mariam Yousef Al-Kandari, marine scientist at Kuwait University)\n"
    assert "Yousef Al-Kandari" not in people(text, "en")


def test_two_given_names_in_running_english_text_are_left_alone() -> None:
    text = "The award went to Mary Ann Smith-Jones of Ohio on Friday."
    assert "Ann Smith-Jones" not in people(text, "en")
