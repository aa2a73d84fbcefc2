"""Issue 15, round sixteen: in German an organisation joined by a hyphen to a capitalised head
("die SPD-Politikerin", "der CDU-Fraktionschef") names a person's role, not the body: after
the verb it refers back to the person named before, and as a subject it leaves the name in
apposition speaking; one behaviour per test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_party_role_compound_after_the_verb_refers_back() -> None:
    text = (
        "Hannover (dpa) - Umweltministerin Jana Krollmann-Heide kündigte neue Messstellen an. "
        "„Wir wollen jede Belastung früh erkennen“, sagte die SPD-Politikerin.\n"
    )
    assert speakers(text, "de", ["Jana Krollmann-Heide"], ["SPD"]) == ["Jana Krollmann-Heide"]


def test_a_party_role_compound_as_subject_leaves_the_name_speaking() -> None:
    text = (
        "Hannover (dpa) - Die Landesregierung stellt ihr Kabinett um.\n"
        "Der CDU-Fraktionschef im Landtag, Tobias Wendlingen, sprach von einer «Flucht nach vorn vor der Wahl».\n"
    )
    assert speakers(text, "de", [], ["CDU"]) == ["Tobias Wendlingen"]


def test_a_body_after_the_verb_still_speaks() -> None:
    text = (
        "Berlin (dpa) - Die Bahn sperrt die Strecke.\n"
        "„Fahrgäste müssen mit Ersatzbussen rechnen“, teilte die Deutsche Bahn mit.\n"
    )
    assert speakers(text, "de", [], ["Deutsche Bahn"]) == ["Deutsche Bahn"]
