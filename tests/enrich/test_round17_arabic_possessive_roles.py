"""Round seventeen, Arabic people: a role with a possessive pronoun ("رئيسها التنفيذي"،
"مخرجته"، "مدربهم") is someone's role, never a name; the name after it ("وقال مديرها العام X Y
Z إن") is the speaker; a short name ending alike ("مها") is still a name."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_the_name_after_a_possessive_role() -> None:
    text = (
        "أعلنت هيئة المسرح برنامج موسمها الجديد، "
        'وقال رئيسها التنفيذي ياسر حمد الدوسري إن "الموسم يضم أكثر من أربعين عرضا".'
    )
    people = _people(text)
    assert "رئيسها التنفيذي" not in people
    assert "ياسر حمد الدوسري" in people
    assert speakers(text, "ar") == ["ياسر حمد الدوسري"]


def test_a_possessive_role_before_the_medium_is_no_name() -> None:
    text = (
        "يعرض في المهرجان الفيلم الأردني «بيت الجد» للمخرجة رولا سامي حداد، "
        'وقالت مخرجته لـ"بترا": "الفيلم رسالة حب إلى عمان القديمة".'
    )
    assert not any(p.startswith("مخرجته") for p in _people(text))


def test_a_short_name_ending_alike_is_a_name() -> None:
    text = 'وقالت مها سالم الخطيب للصحفيين: "سنفتتح الفرع الجديد في الربيع المقبل".'
    assert "مها سالم الخطيب" in _people(text)


def test_the_name_after_a_possessive_general_role() -> None:
    text = (
        "رحبت جمعية المصارف بالقرار الجديد، "
        'وقال أمينها العام وليد كمال الشامسي إن "القرار يعزز الثقة في القطاع".'
    )
    assert "وليد كمال الشامسي" in _people(text)
    assert speakers(text, "ar") == ["وليد كمال الشامسي"]
