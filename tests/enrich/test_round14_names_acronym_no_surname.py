"""Issue 15, fourteenth round: a body's acronym after a title ("главы ЦИК", "predsjednica CIK")
is no surname to look for elsewhere in the story, so the capitalised word before another
mention of the acronym ("Член ЦИК от партии …") is not made a person. Invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def test_a_member_of_the_commission_is_no_person() -> None:
    text = (
        "По словам главы ЦИК, голосование пройдет в один день. "
        "Член ЦИК от партии Виктор Самойлов заявил, что участки откроются в восемь утра."
    )
    names = [p.name for p in find_entities(text, "ru").people]
    assert "Член ЦИК" not in names
    assert "Виктор Самойлов" in names
