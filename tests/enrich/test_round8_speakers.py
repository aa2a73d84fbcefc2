"""Issue 15, eighth round: quote speakers in Bosnian/Croatian and German agency copy, on
sentences written for these tests."""

from __future__ import annotations

from newswire.enrich.quotes import find_quotes

HINA = (
    "Cijene goriva ponovno rastu\n"
    "ZAGREB, 3. ožujka (Hina) - Vlada je u četvrtak odlučila ograničiti cijene goriva.\n"
    "Ministar gospodarstva Ante Perković-Jurić obrazložio je odluku na sjednici Vlade.\n"
    "- Cijene nafte na svjetskom tržištu rastu već treći mjesec zaredom - rekao je Perković-Jurić.\n"
    "- Ova mjera - kako su nam rekli prijevoznici - spašava stotine radnih mjesta - istaknuo je ministar.\n"
)


def test_hyphen_speech_closed_by_a_verb_of_saying_without_a_comma() -> None:
    quotes = find_quotes(HINA, "hr")
    assert [q.text for q in quotes][:1] == ["Cijene nafte na svjetskom tržištu rastu već treći mjesec zaredom"]
    assert quotes[0].speaker == "Ante Perković-Jurić"


def test_an_aside_between_hyphens_does_not_close_the_speech() -> None:
    quotes = find_quotes(HINA, "hr")
    assert len(quotes) == 2
    assert quotes[1].text.startswith("Ova mjera - kako su nam rekli prijevoznici - spašava")
