"""Round fifteen, speakers: Bosnian and Croatian name a speaking body with "iz" and its
genitive ("Iz Ministarstva … poručili su da „…“"): the organisation, not "Iz Ministarstva"."""

from __future__ import annotations

from quotekit import speakers


def test_iz_genitive_names_the_known_ministry() -> None:
    text = (
        "Ministarstvo turizma i sporta objavilo je novi natječaj. Sindikat traži povećanje plaća.\n"
        "Iz Ministarstva turizma i sporta poručili su da su zahtjevi \"preuranjeni i neutemeljeni\" te da "
        "pregovori traju."
    )
    assert speakers(text, "hr", organisations=["Ministarstvo turizma i sporta"]) == ["Ministarstvo turizma i sporta"]
