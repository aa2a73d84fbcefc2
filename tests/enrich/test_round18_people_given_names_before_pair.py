"""Round eighteen, people and speakers: a person the finders catch only as two words ("Barreto
Lins, who ...", "said Barreto Lins") whose last word the story never writes without the
first - two surnames - and whom the story names once in mid-sentence after one or two given
names without a cue ("signed 19-year-old Joana Barreto Lins") is that longer name. A given
name and a surname ("Whitfield" written alone too) and a run a finder bounded (a role before
it) stay as they are."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str, lang: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).people]


def test_given_names_written_once_before_two_surnames() -> None:
    text = (
        "Club signs teenage striker\n"
        "LONDON (AP) — Arsenal Women signed 19-year-old Joana Barreto Lins from Santos on Friday.\n"
        "Barreto Lins, who scored 14 goals last season, joins in January.\n"
        '"I have dreamed of this since I was six," Barreto Lins said.'
    )
    people = _people(text, "en")
    assert "Joana Barreto Lins" in people
    assert "Barreto Lins" not in people
    assert speakers(text, "en") == ["Joana Barreto Lins"]


def test_two_given_names_before_the_surnames() -> None:
    text = (
        "Police named the detained man as Juan Pablo Ocaña Ríos, 38, on Monday.\n"
        "The prosecutor said Ocaña Ríos would appear before a judge on Wednesday."
    )
    assert "Juan Pablo Ocaña Ríos" in _people(text, "en")


def test_a_given_name_and_a_surname_keep_their_bounds() -> None:
    text = (
        "The race was closer than polls suggested.\n"
        "Independent Carla Whitfield won 52% of the vote. Whitfield, who ran on roads, thanked volunteers.\n"
        '"We knocked on every door," Carla Whitfield said.'
    )
    assert "Independent Carla Whitfield" not in _people(text, "en")
