"""A title or form of address written in capitals before a name is no part of it: "Me"
(a French lawyer), "Av." (a Turkish lawyer), "Herr"/"Frau", a naval rank, a Turkish deputy's
title; one behaviour per test."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def people(text: str, lang: str) -> list[str]:
    return sorted(p.name for p in find_entities(text, lang).people)


def test_french_lawyer_me_is_not_part_of_the_name() -> None:
    text = "« Mon client est innocent », a plaidé son avocate, Me Claire Dufour-Arnaud.\n"
    assert people(text, "fr") == ["Claire Dufour-Arnaud"]


def test_turkish_av_abbreviation_is_not_part_of_the_name() -> None:
    text = "Sanık avukatı Av. Kerem Yıldızoğlu, kararı istinafa taşıyacaklarını söyledi.\n"
    assert people(text, "tr") == ["Kerem Yıldızoğlu"]


def test_german_address_before_a_surname_alone_is_no_person() -> None:
    text = (
        "Ein Gespräch mit Ausbildungsleiter Jonas Wieser-Brandl.\n"
        "Frage: Herr Wieser-Brandl, warum ist der Dezember gefährlich?\n"
    )
    assert people(text, "de") == ["Jonas Wieser-Brandl"]


def test_naval_rank_is_a_title() -> None:
    text = '"We are still searching," navy spokesperson Commodore Alma Reyes-Tan told reporters.\n'
    assert people(text, "en") == ["Alma Reyes-Tan"]


def test_turkish_deputy_general_manager_title() -> None:
    text = (
        'Şirketin Genel Müdür Yardımcısı Derya Akman Sezer, "Yeni hatlar hızlı doldu" dedi.\n'
    )
    assert people(text, "tr") == ["Derya Akman Sezer"]


def test_german_employer_after_a_title_and_genitive_article_is_no_person() -> None:
    text = (
        "Auf der A3 standen Lastwagen stundenlang still, wie ein Sprecher des Polizeipräsidiums "
        "Niederbayern Nord in Passau sagte.\n"
    )
    assert people(text, "de") == []


def test_german_name_after_a_title_still_found() -> None:
    text = "Polizeisprecherin Veronika Halbritter sagte, die Straßen seien gesperrt.\n"
    assert people(text, "de") == ["Veronika Halbritter"]


def test_german_employer_before_the_verb_is_no_person() -> None:
    text = "Ein Sprecher des Polizeipräsidiums Niederbayern Nord sagte, die Straßen seien gesperrt.\n"
    assert people(text, "de") == []
