"""Issue 15, round fourteen: a subject that opens with an indefinite article and a
lower-case noun ("one OPEC delegate said", "Un représentant de la BCEAO a jugé", "Ein
Sprecher der EKD sagte") is an unnamed speaker (null), not the body it names nor the person
named last; a name set off by commas in it still speaks. One behaviour per test, on
sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_an_english_indefinite_subject_after_the_quote_is_nobody() -> None:
    text = (
        "VIENNA (Reuters) - The Organization of the Petroleum Exporting Countries (OPEC) kept "
        "output unchanged, its president Hamid Karimov said.\n"
        '"Nobody in the room wanted a fight over quotas," one OPEC delegate said.\n'
    )
    assert speakers(text, "en", ["Hamid Karimov"], ["OPEC"]) == [None]


def test_a_french_indefinite_subject_before_the_quote_is_nobody() -> None:
    text = (
        "DAKAR (AFP) - La ministre Awa Ndiaye-Sarr a présenté le plan.\n"
        "Un représentant de la Banque ouest-africaine de développement (BOAD) a qualifié le plan "
        "d'« ambitieux mais finançable ».\n"
    )
    assert speakers(text, "fr", ["Awa Ndiaye-Sarr"], ["Banque ouest-africaine de développement"]) == [None]


def test_a_german_spokesman_of_a_body_before_the_quote_is_nobody() -> None:
    text = (
        "Erfurt (dpa) - Gewerkschaftschefin Anke Böhme-Ritter begrüßte das Urteil.\n"
        "Ein Sprecher der Landeskirche Thüringen sagte, man werde „die Begründung in Ruhe lesen“.\n"
    )
    assert speakers(text, "de", ["Anke Böhme-Ritter"], ["Landeskirche Thüringen"]) == [None]


def test_a_named_speaker_set_off_by_commas_still_speaks() -> None:
    text = (
        "VIENNA (Reuters) - Oil prices fell on Friday.\n"
        '"We see no reason to change course," a senior delegate, Hamid Karimov, said.\n'
    )
    assert speakers(text, "en", ["Hamid Karimov"], []) == ["Hamid Karimov"]
