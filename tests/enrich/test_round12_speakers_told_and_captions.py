"""Issue 15, round twelve: whoever follows "told" was told, not the speaker ("she told The
Associated Press", "one resident told DZMM radio": ANNOTATION 6, a broadcaster after the verb
is never the speaker); a quote list's bracketed caption names its speaker in full, so the
longest person of the story written out in it is the speaker ("(Sheikh Fahad bin Nasser
Al-Thani, …)" where "Nasser Al-Thani" was also taken for a person); one behaviour per test, on
sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_medium_after_told_is_whom_the_speaker_told() -> None:
    text = (
        "BERGEN (AP) — A violin stolen 30 years ago has been found in an attic.\n"
        "Ingrid Solheim-Aasen, 58, found it while clearing out her late uncle's house. "
        '"I thought it was a toy at first," she told The Associated Press.\n'
    )
    assert speakers(text, "en", ["Ingrid Solheim-Aasen"]) == ["Ingrid Solheim-Aasen"]


def test_an_unnamed_resident_who_told_a_radio_is_nobody() -> None:
    text = (
        "MANILA (AP) — The typhoon toll rose to 40, spokesperson Ramon Dizon-Alcaraz said.\n"
        '"We lost the roof and the rice we stored for Christmas," one resident told DZMM radio.\n'
    )
    assert speakers(text, "en", ["Ramon Dizon-Alcaraz"]) == [None]


def test_a_caption_names_its_speaker_in_full() -> None:
    text = (
        "Gulf states agreed to link their desalination plants. Here are reactions:\n"
        '"No plant in the Gulf will stand alone in a crisis again."\n'
        "(Sheikh Fahad bin Nasser Al-Thani, Qatar's minister of state for energy affairs, in a statement)\n"
    )
    assert speakers(text, "en", ["Fahad bin Nasser Al-Thani", "Nasser Al-Thani"]) == ["Fahad bin Nasser Al-Thani"]
