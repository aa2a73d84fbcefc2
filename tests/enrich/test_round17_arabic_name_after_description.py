"""Round seventeen, Arabic people: a name that closes an attribution after a description
("وقال نقيب المهندسين X Y Z للأناضول إن"، "فيما روى المواطن X Y Z أنه") keeps its third word,
without the article, as a name after a title does; the description right after the verb is no
person."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_third_name_after_a_union_head() -> None:
    text = (
        "حذرت نقابة المهندسين من تأخر صرف المستحقات.\n"
        'وقال نقيب المهندسين سامر فؤاد حداد للأناضول إن "عشرات المشاريع متوقفة منذ أشهر".'
    )
    people = _people(text)
    assert "سامر فؤاد حداد" in people
    assert "نقيب المهندسين" not in people
    assert speakers(text, "ar") == ["سامر فؤاد حداد"]


def test_third_name_after_a_resident_with_a_verb_of_stance() -> None:
    text = (
        "غمرت السيول عشرات المنازل في القرية.\n"
        'فيما روى المواطن كاوه رشيد دزيي أنه أنقذ جيرانه من الطابق الأرضي، مضيفا: "وصلت المياه إلى السقف".'
    )
    assert "كاوه رشيد دزيي" in _people(text)
    assert speakers(text, "ar") == ["كاوه رشيد دزيي"]
