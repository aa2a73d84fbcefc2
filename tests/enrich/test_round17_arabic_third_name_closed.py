"""Round seventeen, Arabic people: the third name of a speaker right after the verb of saying
is kept when a closing word ends it ("وقالت X Y Z في اتصال هاتفي"), not a time ("مساء"); a
compound name ("صلاح الدين"، "كمال الدين") counts as one word, so the family name after a given
and a compound father's name belongs to the name."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_a_third_name_before_a_closing_word() -> None:
    text = (
        "أعلنت لجنة الجائزة القائمة الطويلة لدورتها الجديدة.\n"
        'وقالت سلمى الطاهر حسين في اتصال هاتفي من الخرطوم: "كتبت الرواية على مدى ثلاث سنوات".'
    )
    assert "سلمى الطاهر حسين" in _people(text)
    assert speakers(text, "ar") == ["سلمى الطاهر حسين"]


def test_a_compound_fathers_name_and_the_family_name() -> None:
    text = (
        "أوقفت السلطات حركة الملاحة في الميناء بسبب الرياح.\n"
        'وقال المتحدث باسم الهيئة عمرو نور الدين شاكر في مداخلة تلفزيونية: "نتوقع استئناف الرحلات غدا".'
    )
    assert "عمرو نور الدين شاكر" in _people(text)
    assert speakers(text, "ar") == ["عمرو نور الدين شاكر"]


def test_a_name_never_ends_inside_a_compound_fathers_name() -> None:
    text = (
        "أعلنت النقابة إضرابا عاما عن العمل لثلاثة أيام.\n"
        'وقال المتحدث باسم وزارة العمل سامر عبد الأمير الكناني، في بيان، إن الوزارة "تدرس المطالب بجدية".'
    )
    people = _people(text)
    assert "سامر عبد الأمير الكناني" in people
    assert "سامر عبد" not in people
