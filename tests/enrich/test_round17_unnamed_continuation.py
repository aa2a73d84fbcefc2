"""Round seventeen, unnamed speakers: a quote that goes on after an unnamed speaker's ("“…,”
said one commuter, who was waiting at the station. “…”") is still the unnamed speaker's
(null), not the person named before them; after a named speaker it stays theirs."""

from __future__ import annotations

from quotekit import speakers


def test_english_quote_goes_on_after_one_commuter() -> None:
    text = (
        "Transport minister Helga Marrowby said the line would reopen on Friday.\n"
        "\"I waited two hours and nobody told us anything,\" said one commuter, who was "
        "standing on the platform in the rain. \"The boards just kept saying delayed.\""
    )
    assert speakers(text, "en") == [None, None]


def test_french_quote_goes_on_after_a_diplomat() -> None:
    text = (
        "Le ministre Armand Coudray-Villiers a salué un accord « solide et durable ».\n"
        "« Personne ne l'attendait si tôt », a confié à l'AFP un diplomate africain, sous "
        "couvert d'anonymat. « Maintenant il faudra le faire respecter. »"
    )
    assert speakers(text, "fr") == ["Armand Coudray-Villiers", None, None]


def test_named_speaker_goes_on() -> None:
    text = (
        "\"We never expected the water to rise so fast,\" said Rosalind Teague, the town's mayor. "
        "\"By noon the main street was a river.\""
    )
    assert speakers(text, "en") == ["Rosalind Teague", "Rosalind Teague"]
