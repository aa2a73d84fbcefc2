"""Round fifteen, Arabic people: after a compound given name ("نور الدين") or a father's name
fused with "بن" ("بنعبد الله") and a father's name, the definite word that follows is the family
name, part of the person."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str) -> list[str]:
    return [p.name for p in find_entities(text, "ar").people]


def test_compound_given_name_keeps_its_family_name() -> None:
    text = (
        "أعلنت الهيئة نتائج الفرز الأولية.\n"
        'وقال رئيس الهيئة نور الدين الطاهر البوسيفي في مؤتمر صحفي: "النتائج النهائية تعلن الأسبوع المقبل".'
    )
    assert "نور الدين الطاهر البوسيفي" in _people(text)


def test_father_fused_with_bin_keeps_the_family_name() -> None:
    text = (
        "تراجعت صادرات الحمضيات هذا الموسم.\n"
        'وقال يوسف بنعبد الرحمن العلمي، الباحث في الاقتصاد الزراعي، "قلة الأمطار أضرت بالبساتين كثيرا".'
    )
    assert "يوسف بنعبد الرحمن العلمي" in _people(text)
