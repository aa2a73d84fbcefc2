"""Round sixteen, Arabic people: the body or field a title serves, written with "ل" after a
definite word ("الرئيس التنفيذي لشركة …"، "الجمعية الوطنية لأمراض القلب"), is no person; the
name after it is read, and a given name that opens with "ل" ("لمى"، "لوران") stays a name."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str) -> list[str]:
    return [p.name for p in find_entities(text, "ar").people]


def test_the_company_after_a_title_is_no_person_and_the_name_follows() -> None:
    text = (
        "وقعت الشركتان عقدا لتوريد المعدات.\n"
        "وقال الرئيس التنفيذي لمجموعة نوفا سعيد راشد الزعابي إن العقد يمتد خمس سنوات."
    )
    people = _people(text)
    assert "سعيد راشد الزعابي" in people
    assert not any(p.startswith("لمجموعة") for p in people)


def test_a_field_after_a_body_is_no_person() -> None:
    text = "وقال رئيس الجمعية الوطنية لأمراض القلب، الدكتور ماجد سالم الخطيب، إن الحملة تبدأ غدا."
    people = _people(text)
    assert "ماجد سالم الخطيب" in people
    assert not any(p.startswith("لأمراض") for p in people)


def test_given_names_opening_with_lam_stay() -> None:
    text = (
        "عرض المهرجان الفيلم في افتتاحه.\n"
        'وقال المخرج الفرنسي لوران بيكار في مؤتمر صحفي: "الفيلم عن الذاكرة".\n'
        'وقالت المنتجة لمى سعيد العتيبي: "صورنا في ثلاث مدن".'
    )
    people = _people(text)
    assert "لوران بيكار" in people
    assert "لمى سعيد العتيبي" in people
