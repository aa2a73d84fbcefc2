"""Issue 15, round sixteen: a pronoun after the quote whose sentence before names no person of
the story at its start but sets a new name off by commas ("Der Obmann des Verbands, Anton
Reisinger-Moll, sieht …") means that name, not the person mentioned last; a person of the
story in the apposition keeps their full name; one behaviour per test, on sentences written
for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_german_name_in_apposition_is_whom_the_pronoun_means() -> None:
    text = (
        "Wien (APA) - Hotelierpräsidentin Gerlinde Aschbacher warnte vor steigenden Kosten.\n"
        "Der Obmann des Fachverbands Gastronomie in der Wirtschaftskammer, Anton Reisinger-Moll, "
        "sieht vor allem kleine Betriebe unter Druck. «Wer nicht investiert, verliert seine Gäste», sagte er.\n"
    )
    assert speakers(text, "de", ["Gerlinde Aschbacher"]) == ["Anton Reisinger-Moll"]


def test_a_french_name_in_apposition_is_whom_the_pronoun_means() -> None:
    text = (
        "GENÈVE (ATS) - Le directeur de l'aéroport, Luc Vernier-Amsler, a présenté ses excuses.\n"
        "Le conseiller d'État chargé des infrastructures, Paul-Henri Ducret-Moser, a exigé un rapport. "
        "« Un tel incident ne doit jamais se reproduire », a-t-il déclaré.\n"
    )
    assert speakers(text, "fr", ["Luc Vernier-Amsler"]) == ["Paul-Henri Ducret-Moser"]


def test_a_known_person_in_apposition_keeps_the_full_name() -> None:
    text = (
        "PARIS (AFP) - L'avocate Me Claire Dumarest-Olivier plaide l'acquittement.\n"
        "Son conseil, Me Dumarest-Olivier, a dénoncé un dossier vide. "
        "« Mon client n'a rien préparé du tout », a-t-elle dit.\n"
    )
    assert speakers(text, "fr", ["Claire Dumarest-Olivier"]) == ["Claire Dumarest-Olivier"]
