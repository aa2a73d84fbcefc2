"""Issue 15, round thirteen: German copy reports a speaker's words in indirect speech, names
the speaker after the verb ("…, sagte Geschäftsführerin X Y.") and goes on in the same
paragraph with a quote that has no attribution of its own. That quote is the speaker's of the
sentence before it, not the last speaker's. One behaviour per test, on sentences written for
these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_quote_after_reported_speech_is_the_reported_speaker_s() -> None:
    text = (
        "«Wir bauen nicht ab, um bei der nächsten Krise bei null anzufangen», betonte Minister Jens Brodersen.\n"
        "Der Flüchtlingsrat kritisierte die Pläne. Schon jetzt seien die Unterkünfte in Neumünster "
        "zeitweise überbelegt, sagte "
        "Geschäftsführerin Astrid Paulsen-Reimers. «Sinkende Zahlen sind kein Grund, Standards zu senken.»\n"
    )
    assert speakers(text, "de", ["Jens Brodersen", "Astrid Paulsen-Reimers"]) == [
        "Jens Brodersen", "Astrid Paulsen-Reimers",
    ]


def test_a_quote_after_a_sentence_opening_with_its_subject_keeps_that_subject() -> None:
    text = (
        "«Wir bauen nicht ab», betonte Minister Jens Brodersen.\n"
        "Astrid Paulsen-Reimers besuchte am Freitag die Unterkunft. "
        "«Sinkende Zahlen sind kein Grund, Standards zu senken.»\n"
    )
    assert speakers(text, "de", ["Jens Brodersen", "Astrid Paulsen-Reimers"])[1] == "Astrid Paulsen-Reimers"
