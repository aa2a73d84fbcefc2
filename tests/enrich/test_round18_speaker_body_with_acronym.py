"""Round eighteen, a body named in full as the subject: a sentence that opens with the
article, a body's name and its acronym in brackets, then its verb ("Der Landesverband der
Imker (LVI) nannte den Plan „…“", "La Fédération des pêcheurs côtiers (FPC) a jugé « … »")
gives the body as the speaker even when the organisation finder does not know it; a role
before the name ("La portavoz de la Agencia X (AX)") is a person's, and a sentence naming a
known person is left to the person rules."""

from __future__ import annotations

from newswire.enrich.quotes import find_quotes


def _speakers(text: str, lang: str, people: list[str] | None = None) -> list[str | None]:
    return [q.speaker for q in find_quotes(text, lang, people=people or [], organisations=[])]


def test_german_body_with_acronym_names_a_partial_quote() -> None:
    text = "Der Landesverband der Imker in Thüringen (LVI) nannte den Plan „einen Schlag ins Gesicht der Betriebe“.\n"
    assert _speakers(text, "de") == ["Landesverband der Imker in Thüringen"]


def test_french_body_with_acronym() -> None:
    text = "La Fédération des pêcheurs côtiers (FPC) a jugé le texte « largement insuffisant pour les petits ports ».\n"
    assert _speakers(text, "fr") == ["Fédération des pêcheurs côtiers"]


def test_a_role_before_the_body_is_no_body() -> None:
    text = (
        "La portavoz de la Agencia Regional del Agua (ARA) ha dicho que "
        "\"el embalse está al límite de su capacidad\".\n"
    )
    assert _speakers(text, "es") != ["portavoz de la Agencia Regional del Agua"]


def test_a_known_person_with_a_party_acronym_speaks() -> None:
    text = "Die Abgeordnete Helga Brunnmeier-Voss (SPD) sagte, das sei „ein schlechter Tag für das Land“.\n"
    assert _speakers(text, "de", ["Helga Brunnmeier-Voss"]) == ["Helga Brunnmeier-Voss"]


def test_a_body_read_off_the_subject_is_no_later_pronoun() -> None:
    text = (
        "Die Abgeordnete Helga Brunnmeier-Voss sprach von einem Fehler.\n"
        "Der Landesverband der Imker in Thüringen (LVI) nannte den Plan „einen Schlag ins Gesicht der Betriebe“.\n"
        "„Wir werden klagen“, sagte sie.\n"
    )
    assert _speakers(text, "de", ["Helga Brunnmeier-Voss"])[-1] == "Helga Brunnmeier-Voss"
