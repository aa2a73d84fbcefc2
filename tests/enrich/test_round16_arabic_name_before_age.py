"""Round sixteen, Arabic people: a name of two to four words right before the person's age in
brackets ("(45 عاما)"), after a definite word or a title (the person's role), is a person; a
given name alone is not read."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_names_before_the_age_of_the_victims() -> None:
    text = (
        "لقي شخصان حتفهما في حادث سير على الطريق الصحراوي.\n"
        "والضحيتان هما السائق سمير كمال عوض (47 عاما) والمهندس هاني رضا الفقي (31 عاما)."
    )
    people = _people(text)
    assert "سمير كمال عوض" in people
    assert "هاني رضا الفقي" in people


def test_a_quoted_refugee_named_before_his_age() -> None:
    text = (
        "عاد مئات اللاجئين عبر المعبر الحدودي اليوم.\n"
        'وقال اللاجئ خالد العمر (60 عاما)، القادم من ريف حمص، للوكالة: "لم أر بيتي منذ عشر سنوات".'
    )
    assert "خالد العمر" in _people(text)
    assert speakers(text, "ar") == ["خالد العمر"]


def test_a_given_name_alone_before_an_age_is_not_read() -> None:
    text = "وقالت الطالبة رنا (16 عاما) إنها تنتظر النتائج بقلق."
    assert _people(text) == []
