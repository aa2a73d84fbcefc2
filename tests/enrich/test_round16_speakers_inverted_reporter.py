"""Issue 15, round sixteen: a pronoun after the quote ("- сказала она", "she said") whose
sentence before names its known person after a verb of saying set off by a comma ("…,
сообщила … Анна Ветрова.") means that person, not a capitalised place among the sentence's
first words; a known person before the verb stays the subject; one behaviour per test, on
sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_russian_pronoun_means_the_person_after_the_inverted_verb() -> None:
    text = (
        "ТОМСК, 4 декабря. /ТАСС/. Первая очередь Северо-Восточной развязки откроется 20 декабря, "
        "сообщила журналистам заместитель мэра Анна Ветрова-Лесная.\n"
        '"Движение запустим сразу по всем шести полосам, ограничений не будет", - сказала она.\n'
    )
    assert speakers(text, "ru", ["Анна Ветрова-Лесная"]) == ["Анна Ветрова-Лесная"]


def test_an_english_pronoun_means_the_person_after_the_inverted_verb() -> None:
    text = (
        "Port Ellery's new ferry terminal opens on Monday, said harbour master Colin Draycott-Vane.\n"
        '"We have waited ten years for this terminal," he said.\n'
    )
    assert speakers(text, "en", ["Colin Draycott-Vane"]) == ["Colin Draycott-Vane"]


def test_a_known_person_before_the_verb_stays_the_subject() -> None:
    text = (
        "Mayor Ruth Okello-Baines, speaking on Monday, said Colin Draycott-Vane would run the port.\n"
        '"He has waited ten years for this job," she said.\n'
    )
    assert speakers(text, "en", ["Ruth Okello-Baines", "Colin Draycott-Vane"]) == ["Ruth Okello-Baines"]
