"""Issue 15, round twelve: what stands after the verb of saying and is not the speaker - a
broadcaster, agency or venue after a preposition ("dijo a la emisora Radio X"), an unnamed
speaker with an indefinite article ("contó a EFE una vecina") - and what is: a name right
after the medium's acronym ("a commenté auprès de l'AFP Agathe X"), a name after a case
ending ("ravnatelj KBC-a Split X"); one behaviour per test, on sentences written for these
tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_broadcaster_after_a_preposition_is_whom_the_speaker_told() -> None:
    text = (
        "Quito, 4 dic (EFE).- La alcaldesa de Alausí, Rosa Elvira Guamán Lema, pidió calma. "
        '"Tenemos grietas nuevas en la parte alta", dijo a la emisora Radio Pichincha.\n'
    )
    assert speakers(text, "es", ["Rosa Elvira Guamán Lema"]) == ["Rosa Elvira Guamán Lema"]


def test_a_venue_after_a_preposition_is_where_the_speaker_spoke() -> None:
    text = (
        "The mayor, Ruth Okello-Baines, opened the bridge on Friday.\n"
        '"This bridge joins two towns that waited forty years", she said at Kingsway Hall.\n'
    )
    assert speakers(text, "en", ["Ruth Okello-Baines"]) == ["Ruth Okello-Baines"]


def test_a_name_after_the_medium_s_acronym_is_the_speaker() -> None:
    text = (
        "PARIS (AFP) - La Bourse de Paris a terminé en hausse.\n"
        "« Le marché a désormais intégré une baisse des taux », a commenté auprès de l'AFP "
        "Agathe Rouvier-Delmas, gérante chez Mandarine Gestion.\n"
    )
    assert speakers(text, "fr", []) == ["Agathe Rouvier-Delmas"]


def test_a_case_ending_after_a_hyphen_is_no_preposition() -> None:
    text = (
        "SPLIT, 4. prosinca (Hina) - Bolnica dobiva novi hitni prijem.\n"
        "- Novi prostor omogućit će da pacijent ne čeka dulje od sat vremena - izjavio je "
        "ravnatelj KBC-a Split Tomislav Bilić-Roje.\n"
    )
    assert speakers(text, "hr", []) == ["Tomislav Bilić-Roje"]


def test_an_indefinite_speaker_after_the_verb_is_unnamed() -> None:
    text = (
        "Lima, 4 dic (EFE).- El jefe del Indeci, Carlos Yupanqui Mendoza, visitó la zona.\n"
        '"Perdimos todo, la casa, los animales, la chacra", contó a EFE una vecina de Shilla.\n'
    )
    assert speakers(text, "es", ["Carlos Yupanqui Mendoza"]) == [None]


def test_an_indefinite_noun_after_a_preposition_is_no_speaker() -> None:
    text = (
        "La ministra Elena Ruiz Ortega presentó el informe.\n"
        '"Los datos son los mejores de la década", dijo en una rueda de prensa.\n'
    )
    assert speakers(text, "es", ["Elena Ruiz Ortega"]) == ["Elena Ruiz Ortega"]


def test_a_french_unnamed_source_after_the_verb_is_nobody() -> None:
    text = (
        "ABIDJAN (AFP) - Le ministre Kouadio Yao a présidé la réunion.\n"
        "« Certains États membres veulent des garanties », explique une source diplomatique.\n"
    )
    assert speakers(text, "fr", ["Kouadio Yao"]) == [None]


def test_a_name_in_quotation_marks_after_the_verb_is_a_thing_not_the_speaker() -> None:
    text = (
        "МУРМАНСК, 4 декабря. /ТАСС/ - Лавина сошла на закрытом склоне.\n"
        "— Склон был закрыт с утра из-за лавинной опасности, — рассказал ТАСС директор "
        "горнолыжного курорта «Большой Вудъявр» Константин Лопатин.\n"
    )
    assert speakers(text, "ru", []) == ["Константин Лопатин"]
