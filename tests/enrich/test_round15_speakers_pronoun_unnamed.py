"""Round fifteen, speakers: a pronoun's quote ("„…“, sagte er") right after a sentence whose
subject is an unnamed speaker ("Ein Sprecher des Ministeriums sagte, …") is that unnamed
speaker's (null), not the last person or body named."""

from __future__ import annotations

from quotekit import speakers


def test_german_spokesman_then_er() -> None:
    text = (
        "Die Ministerin Hanna Vogtländer-Brix kündigte eine Reform an.\n"
        "Ein Sprecher des Umweltministeriums sagte, die Stadtwerke Leipzig seien informiert worden. "
        "„Die Betreiber kennen die Pläne seit Monaten“, sagte er."
    )
    assert speakers(text, "de") == [None]


def test_named_spokesman_still_speaks() -> None:
    text = (
        "Ein Sprecher des Ministeriums, Jonas Halbritter, sagte, die Pläne seien bekannt. "
        "„Niemand wurde überrascht“, sagte er."
    )
    assert speakers(text, "de") == ["Jonas Halbritter"]
