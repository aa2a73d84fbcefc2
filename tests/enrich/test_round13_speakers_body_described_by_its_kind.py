"""Issue 15, round thirteen: a body named in one sentence and described by its kind in the
next ("Le Conseil d'État a suspendu … / La plus haute juridiction administrative a estimé qu'il
existait « … »", "El ministerio señaló que la subasta "…"") is the speaker of the quote the
description introduces: the organisation of that kind named last, else the body the sentence
before opens with - also across a paragraph break when the quote's sentence opens its
paragraph. One behaviour per test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_described_court_refers_back_to_the_body_opening_the_paragraph_above() -> None:
    text = (
        "Le Conseil d'État a suspendu vendredi la hausse des tarifs, saisi par la FNAUT.\n"
        "La plus haute juridiction administrative a estimé qu'il existait « un doute sérieux sur la "
        "légalité » de la délibération.\n"
    )
    assert speakers(text, "fr", [], ["Conseil d'État", "FNAUT"]) == ["Conseil d'État"]


def test_a_described_ministry_is_the_ministry_named_before_not_the_last_body() -> None:
    text = (
        "El Ministerio de Transformación Digital convocó la subasta. La Comisión Nacional de los "
        "Mercados ya ha dado su visto bueno.\n"
        'El ministerio señaló en un comunicado que la subasta "permitirá situar a España en la '
        'vanguardia" del 5G.\n'
    )
    bodies = ["Ministerio de Transformación Digital", "Comisión Nacional de los Mercados"]
    assert speakers(text, "es", [], bodies) == ["Ministerio de Transformación Digital"]


def test_a_named_speaker_of_the_paragraph_above_still_speaks_in_turkish() -> None:
    text = (
        "BTK Kurul Üyesi Hakan Özyurt, açıklamada kapsama zorunluluğu bulunduğunu belirtti.\n"
        'Özyurt, "Operatörlerimiz ilk yıl sonunda nüfusun yüzde 45\'ine 5G ulaştırmakla yükümlü." '
        "ifadelerini kullandı.\n"
    )
    assert speakers(text, "tr", ["Hakan Özyurt"], []) == ["Hakan Özyurt"]
