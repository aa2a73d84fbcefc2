"""Issue 15, round seventeen: a surname alone opening a paragraph with an apposition after
its comma (an age, "who", "a/an") or an English verb in the past or of saying is a person the
story named in full before, in a capitalised run the people finder found no cue for
("defeating businessman Grant X ... X, who conceded"); the full name is a person, and the
speaker of a pronoun's quote after it. A US candidate's party before the name is no part of
it. Sentences written for these tests."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "en").people]


RUNOFF = (
    "Harlan wins Tucson mayoral runoff\n"
    "TUCSON, Ariz. (AP) — Councilwoman Dolores Harlan-Vega won the mayor's race on Tuesday, "
    "defeating businessman Curtis Pembrook with 54% of the vote.\n"
    "\"Tucson chose water and buses,\" Harlan-Vega told supporters.\n"
    "Pembrook, who was backed by the chamber of commerce, conceded shortly before midnight.\n"
    "\"The voters have spoken, and I wish her well,\" he said in a statement.\n"
)


def test_the_full_name_of_a_surname_in_apposition_is_a_person() -> None:
    assert "Curtis Pembrook" in _people(RUNOFF)


def test_the_pronoun_after_it_is_that_person() -> None:
    assert speakers(RUNOFF, "en")[-1] == "Curtis Pembrook"


def test_an_age_in_apposition() -> None:
    text = (
        "LEEDS, England (AP) — Ollie Brantwood scored twice as Leeds beat Hull 3-1 on Saturday.\n"
        "Brantwood, 20, was making his first start.\n"
    )
    assert "Ollie Brantwood" in _people(text)


def test_a_party_before_the_name_is_no_part_of_it() -> None:
    text = (
        "RICHMOND, Va. (AP) — Democrat Ellen Marsh-Cody won the seat, defeating Republican "
        "Dale Whitcombe by 2,000 votes.\n"
        "Whitcombe, a farmer from Louisa, conceded on Wednesday.\n"
    )
    people = _people(text)
    assert "Dale Whitcombe" in people
    assert not any(p.startswith(("Republican", "Democrat ")) for p in people)


def test_a_surname_opening_a_sentence_before_its_verb() -> None:
    text = (
        "NAIROBI, Kenya (AP) — Kenyan sprinter Mercy Wanjiru Odhiambo has been suspended for "
        "two years.\n"
        "Odhiambo denied wrongdoing. \"I will clear my name,\" she told reporters.\n"
    )
    assert "Mercy Wanjiru Odhiambo" in _people(text)
    assert speakers(text, "en") == ["Mercy Wanjiru Odhiambo"]


def test_the_first_word_of_a_longer_name_before_a_verb_is_no_surname() -> None:
    text = (
        "SEOUL (Reuters) - Shares of Kumho Tires rose 3% on Monday.\n"
        "Rival Daesan Motors plans its own launch next month. Daesan declined to comment.\n"
    )
    assert not any("Daesan" in p for p in _people(text))
