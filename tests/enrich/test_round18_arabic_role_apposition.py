"""Round eighteen, Arabic people: after a title, a name's third word without the article is
its family name when a role in apposition follows it ("الرئيس X Y Z رئيس جمهورية ..."), as
when a particle or a comma follows; and a one-word "name" read after that role ("رئيس
[جمهورية] ...") is no titled name that would make the words before it an employer."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_third_name_before_a_role() -> None:
    text = "وقال المدير نبيل فؤاد دياب رئيس الجمعية إن العمل مستمر."
    assert _people(text) == ["نبيل فؤاد دياب"]


def test_honoured_head_of_state_before_his_role() -> None:
    text = "وصل فخامة الرئيس كوفي منساه أبياه رئيس جمهورية غانا إلى الرياض اليوم."
    assert _people(text) == ["كوفي منساه أبياه"]

