"""Round sixteen, Arabic people: after a title, the noun of a unit inside a body ("قسم",
"شعبة", "وفد", "إدارة", "مجلس") opens no name; the words after it are no person, and the
person named past the unit and its body is read, the one before the title kept."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str) -> list[str]:
    return [p.name for p in find_entities(text, "ar").people]


def test_a_department_after_a_title_is_no_person() -> None:
    text = (
        "ارتفعت مبيعات الإسمنت في الربع الثالث.\n"
        'وقال سامي نادر الحلبي، رئيس قسم التحليل في شركة الأفق للاستثمار، إن "الطلب سيستمر".'
    )
    people = _people(text)
    assert "سامي نادر الحلبي" in people
    assert not any(p.startswith("قسم") for p in people)


def test_the_name_before_the_title_stays() -> None:
    text = (
        "افتتحت الوزارة جناحا جديدا للأطفال.\n"
        'وقالت الدكتورة سلمى حاتم العبيدي رئيسة قسم أمراض الكلى بالمستشفى: "الجناح يخدم المنطقة".'
    )
    people = _people(text)
    assert "سلمى حاتم العبيدي" in people
    assert not any(p.startswith("قسم") for p in people)


def test_the_name_past_the_delegation_and_its_government() -> None:
    text = (
        "اختتمت جولة المفاوضات في العاصمة.\n"
        'وقال رئيس وفد حكومة الكونغو الديمقراطية جان بيير موانزا إن بلاده "تريد السلام".'
    )
    people = _people(text)
    assert "جان بيير موانزا" in people
    assert not any(p.startswith("وفد") for p in people)


def test_a_unit_named_after_an_administration_is_no_person() -> None:
    text = 'وقال مدير إدارة تنمية المهارات في الهيئة خالد سعيد المري إن "البرنامج بدأ".'
    assert not any(p.startswith("تنمية") for p in _people(text))
