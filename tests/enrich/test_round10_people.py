"""Issue 15, tenth round: people - Arabic compound names with "الدين" and a third name the
comma closes after the verb of saying; invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


def people(text: str, lang: str = "ar") -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).people]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a compound father's name, then the family name
        ("وقال المحامي طارق نور الدين الحلبي إن الاستئناف سيقدم غدا.", ["طارق نور الدين الحلبي"]),
        # a compound given name, then the family name
        ("وقال المدرب صلاح الدين العمراني إن الفريق جاهز.", ["صلاح الدين العمراني"]),
    ],
)
def test_a_compound_name_with_al_din_is_no_family_name(text: str, expected: list[str]) -> None:
    assert people(text) == expected


def test_a_third_name_the_comma_closes_after_the_verb_of_saying() -> None:
    text = "وقال سامر خليل داود، مدير المبيعات في الشركة، إن الطلب ارتفع."
    assert people(text) == ["سامر خليل داود"]


def test_two_names_before_the_comma_stay_two() -> None:
    assert people("وقال سامر خليل، مدير المبيعات في الشركة، إن الطلب ارتفع.") == ["سامر خليل"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role noun before a name is a title, not a first name
        ("„Wir geben nicht auf“, sagte Schulvorsteher Jörg Albrecht-Wendt.", ["Jörg Albrecht-Wendt"]),
        ("„Mein Mandant schweigt“, sagte Verteidiger Lukas Brenninger.", ["Lukas Brenninger"]),
        # "schrieb" introduces an analyst's note like a verb of saying
        ("„Die Zinsen bleiben hoch“, schrieb Analystin Petra Hollwein.", ["Petra Hollwein"]),
    ],
)
def test_german_role_nouns_and_schrieb(text: str, expected: list[str]) -> None:
    assert people(text, "de") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("« La digue tiendra », a assuré à l'AFP Hélène Kerbrat-Massol, ingénieure.", ["Hélène Kerbrat-Massol"]),
        ("« Rien n'est décidé », a déclaré à Reuters Étienne Vallard.", ["Étienne Vallard"]),
    ],
)
def test_a_french_speaker_after_the_agency_told(text: str, expected: list[str]) -> None:
    assert people(text, "fr") == expected


def test_no_name_after_the_agency_told_is_none() -> None:
    assert people("« Rien n'est décidé », a déclaré à l'AFP un responsable.", "fr") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Nebraska State Patrol said two lorries collided on the bridge.",
        "Schools stayed shut after the Harlow Valley Transit said buses would not run.",
    ],
)
def test_capitalised_words_after_the_before_said_are_no_person(text: str) -> None:
    assert people(text, "en") == []


def test_a_name_before_said_without_the_is_still_a_person() -> None:
    assert people("In the evening Marcus Delaney said the bridge was safe.", "en") == ["Marcus Delaney"]
