"""Round eighteen, wrong speakers: a person of the story named in the possessive before a
role noun - with a bare apostrophe after a final s ("Voss' Anwältin") or German's glued
genitive "s" ("Brandts Verteidiger") - is not the subject; the person named after the role
is ("Brandts Verteidiger Paul Ohlmeier ... sagte er")."""

from __future__ import annotations

from newswire.enrich.quotes import find_quotes

_TEXT = (
    "Kassel (dpa) - Vor dem Landgericht hat der Prozess gegen zwei Anlageberater begonnen.\n"
    "Die Anklage wirft Timo Brandt und Lars Wiegand-Voss vor, Sparer getäuscht zu haben.\n"
    "Wiegand-Voss' Anwältin Dr. Carla Hemmerich nannte die Vorwürfe «frei erfunden und durchsichtig».\n"
    "Brandts Verteidiger Paul Ohlmeier wies die Anklage zurück. «Mein Mandant sagt die Wahrheit», sagte er."
)


def test_apostrophe_possessive_is_not_the_speaker() -> None:
    quotes = {q.text[:10]: q.speaker for q in find_quotes(_TEXT, "de")}
    assert quotes["frei erfun"] == "Carla Hemmerich"


def test_glued_genitive_is_not_the_subject() -> None:
    quotes = {q.text[:10]: q.speaker for q in find_quotes(_TEXT, "de")}
    assert quotes["Mein Manda"] == "Paul Ohlmeier"


def test_a_person_speaking_is_still_found() -> None:
    text = (
        "Kassel (dpa) - Im Prozess hat Timo Brandt gestanden.\n"
        "Brandt sagte vor Gericht: «Ich bereue alles.»"
    )
    assert [q.speaker for q in find_quotes(text, "de")] == ["Timo Brandt"]
