"""Round seventeen, Arabic people: a personal pronoun ("وهي موظفة"، "وهو مهندس": what the
person just named is) and "another" ("وقال بائع آخر") are never part of a name; the speaker
of "وقال بائع آخر:" is nobody named (ANNOTATION 6)."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_a_pronoun_after_the_name_is_no_name() -> None:
    text = (
        "ارتفعت الإيجارات في العاصمة بنسبة كبيرة هذا العام.\n"
        'وقال يوسف كريم البناني، وهو مهندس في شركة عقارية: "لم أعد قادرا على دفع الإيجار".'
    )
    people = _people(text)
    assert not any(p.startswith(("وهو", "وهي")) for p in people)


def test_another_one_of_a_kind_is_nobody() -> None:
    text = (
        "ارتفعت أسعار السمك في الأسواق المحلية.\n"
        'وقال سعيد حمد الكعبي، وهو صياد منذ عشرين عاما: "البحر لم يعد يعطي كما كان".\n'
        'وقال بائع آخر في السوق: "الزبائن يشترون أقل من نصف ما كانوا يشترونه".'
    )
    people = _people(text)
    assert "بائع آخر" not in people
    assert speakers(text, "ar")[1] is None
