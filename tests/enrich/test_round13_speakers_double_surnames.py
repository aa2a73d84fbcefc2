"""Issue 15, round thirteen: a double surname is known by its last word. When its first word
is another person's surname ("Bell-Moreau" in a story about "Marguerite Delacroix-Bell"), the
speaker is the person the whole name stands for. One behaviour per test, on sentences written
for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_double_surname_whose_first_word_is_another_surname_is_its_own_person() -> None:
    text = (
        "The pianist Marguerite Delacroix-Bell died on Tuesday. She is survived by a daughter, "
        "Celeste Bell-Moreau.\n"
        '"Mama would want a band, not a speech," Bell-Moreau said.\n'
    )
    assert speakers(text, "en", ["Marguerite Delacroix-Bell", "Celeste Bell-Moreau"]) == ["Celeste Bell-Moreau"]


def test_the_single_surname_still_names_its_person() -> None:
    text = (
        "The pianist Marguerite Delacroix-Bell died on Tuesday.\n"
        '"She never cared who you were," Delacroix-Bell once said of her teacher.\n'
    )
    assert speakers(text, "en", ["Marguerite Delacroix-Bell", "Celeste Bell-Moreau"]) == ["Marguerite Delacroix-Bell"]
