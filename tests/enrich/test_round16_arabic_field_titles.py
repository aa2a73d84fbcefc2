"""Round sixteen, Arabic people: the field after an indefinite professor's or consultant's
title ("أستاذ علوم البحار"، "استشارية أمراض القلب") is no person; the name before the title
stays."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_the_field_of_a_professor_is_no_person() -> None:
    text = (
        "أطلقت الجامعة برنامجا لرصد الشعاب المرجانية.\n"
        'وقال الدكتور فيصل عادل الحمادي، أستاذ علوم البحار في الجامعة، إن "الرصد يبدأ في مارس".'
    )
    people = _people(text)
    assert "فيصل عادل الحمادي" in people
    assert not any(p.startswith("علوم") for p in people)


def test_the_field_of_a_consultant_is_no_person() -> None:
    text = 'وأوضحت الدكتورة هند سالم الكعبي، استشارية طب الأطفال في المستشفى، أن "اللقاح آمن".'
    people = _people(text)
    assert "هند سالم الكعبي" in people
    assert not any(p.startswith("طب") for p in people)
