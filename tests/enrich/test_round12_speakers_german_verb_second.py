"""Issue 15, round twelve: German puts the finite verb second, so after a quote in first place
and its comma a lower-case word is the verb of attribution, whatever the verb ("„…“, räumte
Flensburgs Trainer X ein", "«…», fragte die Landesvorsitzende X"); a conjunction or an
article there opens a clause instead; one behaviour per test, on sentences written for these
tests."""

from __future__ import annotations

from newswire.enrich.quotes import find_quotes


def quotes(text: str, people: list[str]) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in find_quotes(text, "de", people=people)]


def test_any_verb_right_after_the_quote_and_its_comma_attributes_it() -> None:
    text = (
        "Kiel (dpa) - Der THW Kiel hat das Nordderby gewonnen.\n"
        "„Das war ein Derby, wie man es sich wünscht“, sagte Club-Trainer Stefan Rehberg-Olsen.\n"
        "„Wir waren 45 Minuten auf Augenhöhe, dann haben uns die Kräfte verlassen“, räumte "
        "Flensburgs Trainer Anders Wiborg Nielsen ein.\n"
    )
    assert [speaker for _, speaker in quotes(text, ["Stefan Rehberg-Olsen", "Anders Wiborg Nielsen"])] == [
        "Stefan Rehberg-Olsen", "Anders Wiborg Nielsen"
    ]


def test_a_question_asked_by_a_named_speaker() -> None:
    text = (
        "Düsseldorf (dpa) - Die Ministerin Henrike Vossberg stellte den Plan vor.\n"
        "«Es fehlen schon heute Tausende Erzieherinnen. Wer soll die Stunden geben?», fragte die "
        "GEW-Landesvorsitzende Aylin Demirel-Kortmann.\n"
    )
    assert quotes(text, ["Henrike Vossberg", "Aylin Demirel-Kortmann"]) == [
        ("Es fehlen schon heute Tausende Erzieherinnen. Wer soll die Stunden geben?", "Aylin Demirel-Kortmann")
    ]


def test_a_conjunction_after_the_comma_is_no_verb() -> None:
    text = (
        "Berlin (dpa) - Der Verband kritisierte den Entwurf.\n"
        "Der Titel „Wohnen für alle Generationen“, und das sei bezeichnend, fehle im Plan.\n"
    )
    assert quotes(text, []) == []
