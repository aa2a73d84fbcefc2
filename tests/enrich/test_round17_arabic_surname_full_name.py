"""Round seventeen, Arabic people: a family name alone right after a verb of saying, or after
the verb and a role ("وقال الزعابي في كلمة"، "وقالت المخرجة الزعابي"، "فيما روى الزعابي"), is
the person the story wrote out in full before it (given, father's and family name, "بن" too),
which no cue read there: that full name is a person and the quote's speaker."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_a_family_name_after_the_verb() -> None:
    text = (
        "وقع الاتفاقية كل من سالم بن حمد الزعابي، مدير الشؤون التجارية في الشركة، "
        "وماركو لوتشي، الرئيس التنفيذي لشركة فيرا.\n"
        'وقال الزعابي في كلمة خلال الحفل: "تفتح هذه الاتفاقية أسواقا جديدة أمام منتجاتنا".'
    )
    assert "سالم بن حمد الزعابي" in _people(text)
    assert speakers(text, "ar") == ["سالم بن حمد الزعابي"]


def test_a_family_name_after_a_role() -> None:
    text = (
        "عرض مساء أمس فيلم البحر البعيد للمخرجة الإماراتية نورة خليفة الزعابي بحضور طاقم العمل.\n"
        'وقالت المخرجة الزعابي للصحفيين: "كتبت هذا الفيلم عن جدي الذي كان بحارا".'
    )
    assert "نورة خليفة الزعابي" in _people(text)
    assert speakers(text, "ar") == ["نورة خليفة الزعابي"]
