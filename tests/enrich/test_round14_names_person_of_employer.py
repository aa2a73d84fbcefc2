"""Issue 15, fourteenth round: in English an organisation's name found from its last word does
not reach back over "of" or "at" into a person's two-word name ("said Owen X of CIBC Capital
Markets", "my colleague Tomás X-Y at Purdue University"): the person is found and speaks.
Invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def test_an_economist_of_a_bank() -> None:
    text = (
        "\"Nobody at the central bank wants to see this number,\" said Imogen Latchford of Harbour "
        "Capital Markets."
    )
    entities = find_entities(text, "en")
    assert [p.name for p in entities.people] == ["Imogen Latchford"]
    assert not any("Imogen" in (o.name or "") for o in entities.organisations)
    assert speakers(text, "en") == ["Imogen Latchford"]


def test_a_colleague_at_a_university() -> None:
    text = "My colleague Ravi Mendes-Okoro at Lakeshore University has looked at this closely."
    entities = find_entities(text, "en")
    assert not any("Ravi" in (o.name or "") for o in entities.organisations)
