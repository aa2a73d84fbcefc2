"""Issue 15, round sixteen: a body the subject before the quote names next to the kind noun
that introduces it - after it ("l'association X", "la promotora, X,", "kompanija X",
"consumer group X") or before it in apposition ("X, la fédération du secteur, a jugé") - is
the speaker, even when the organisation finder does not know it; a kind noun governed by a
preposition or a role leaves the person speaking; one behaviour per test, on sentences
written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_body_after_its_kind_noun_speaks() -> None:
    text = (
        "PARIS (AFP) - Le procès s'est ouvert lundi.\n"
        "L'association Vigilis, qui suit le dossier depuis 2019, a salué « une audience attendue depuis des années ».\n"
    )
    assert speakers(text, "fr", []) == ["Vigilis"]


def test_a_body_before_its_kind_noun_in_apposition_speaks() -> None:
    text = (
        "BRUXELLES (Belga) - Le gouvernement a présenté sa réforme.\n"
        "Cardiobel, la fédération des cardiologues, a jugé la mesure « beaucoup trop tardive pour les patients ».\n"
    )
    assert speakers(text, "fr", []) == ["Cardiobel"]


def test_an_acronym_kind_noun_introduces_a_body() -> None:
    text = (
        "PARIS (AFP) - Le sommet s'est achevé dimanche.\n"
        "L'ONG Terravia a pour sa part estimé que les promesses restaient « largement insuffisantes pour le climat ».\n"
    )
    assert speakers(text, "fr", []) == ["Terravia"]


def test_a_spanish_body_set_off_after_its_kind_speaks() -> None:
    text = (
        "Toledo, 4 dic (EFE).- Las obras se han detenido.\n"
        'La constructora, Obralia, ha asegurado que "colaborará con las autoridades en todo momento".\n'
    )
    assert speakers(text, "es", []) == ["Obralia"]


def test_a_bosnian_body_after_its_kind_speaks() -> None:
    text = (
        "SARAJEVO, 4. decembra (FENA) - Sud je donio odluku.\n"
        'Investitor, kompanija Gradnja Plus, u saopćenju je naveo da će "nastaviti sve radove u skladu sa zakonom".\n'
    )
    assert speakers(text, "bs", []) == ["Gradnja Plus"]


def test_a_role_of_the_body_leaves_the_person_speaking() -> None:
    text = (
        "PARIS (AFP) - Le procès s'est ouvert lundi.\n"
        "Le président de l'association Vigilis, Marc Delorme-Vasseur, a salué "
        "« une audience attendue depuis des années ».\n"
    )
    assert speakers(text, "fr", ["Marc Delorme-Vasseur"]) == ["Marc Delorme-Vasseur"]
