"""Issue 15, round twelve: French inverted attribution puts the verb first after the closing
guillemet and its comma, whatever the verb - "a" and a participle, "a-t-il" and one, "s'est"
and one, or the present followed by its subject - so the quote is found with its speaker
(ANNOTATION 6: "« … », explique le colonel X"); one behaviour per test, on sentences written
for these tests."""

from __future__ import annotations

from newswire.enrich.quotes import find_quotes


def quotes(text: str, people: list[str]) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in find_quotes(text, "fr", people=people)]


def test_any_participle_after_a_attributes_the_quote() -> None:
    text = (
        "MARSEILLE (AFP) - L'OM a battu Lyon vendredi.\n"
        "« Ce soir, le Vélodrome nous a portés », a savouré l'entraîneur Fabrice Lamarque.\n"
    )
    assert quotes(text, ["Fabrice Lamarque"]) == [("Ce soir, le Vélodrome nous a portés", "Fabrice Lamarque")]


def test_a_reflexive_verb_attributes_the_quote() -> None:
    text = (
        "TOULOUSE (AFP) - L'instrument a été livré.\n"
        "« C'est une belle démonstration de savoir-faire », s'est félicité le directeur du centre, "
        "Rémi Fabrègue-Olivier.\n"
    )
    assert quotes(text, ["Rémi Fabrègue-Olivier"]) == [
        ("C'est une belle démonstration de savoir-faire", "Rémi Fabrègue-Olivier")
    ]


def test_any_verb_in_the_present_before_its_subject_attributes_the_quote() -> None:
    text = (
        "LIÈGE (Belga) - Trois planètes ont été découvertes.\n"
        "« Si cette atmosphère existe, Webb la verra », assure le coauteur Jonas Demeulemeester.\n"
    )
    assert quotes(text, ["Jonas Demeulemeester"]) == [
        ("Si cette atmosphère existe, Webb la verra", "Jonas Demeulemeester")
    ]


def test_a_present_verb_before_where_the_speaker_spoke() -> None:
    text = (
        "BORDEAUX (AFP) - Une législative partielle aura lieu en février.\n"
        "« Une partielle en plein hiver, c'est d'abord une affaire de mobilisation », analyse dans "
        "Sud Ouest le politologue Arnaud Pelletier-Saint-Yves.\n"
    )
    assert quotes(text, ["Arnaud Pelletier-Saint-Yves"]) == [
        ("Une partielle en plein hiver, c'est d'abord une affaire de mobilisation", "Arnaud Pelletier-Saint-Yves")
    ]


def test_a_word_of_the_sentence_after_the_comma_is_no_verb() -> None:
    text = (
        "PARIS (AFP) - Le festival ouvre ses portes.\n"
        "Le film « Les Terrils du nord », une coproduction belge, ouvrira la soirée.\n"
    )
    assert quotes(text, []) == []
