"""Round sixteen, Arabic people: "that" with a pronoun ("إنها"، "أنهم") after a verb of saying
or announcing opens what was said, never a person's name."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_that_she_after_the_verb_is_no_person() -> None:
    text = (
        "رحبت الجمعية بالقرار في بيان، وقالت إنها تتطلع إلى تعاون أوسع مع الوزارة.\n"
        "وأعلنت الهيئة أنها ستنشر النتائج النهائية الشهر المقبل، وأكد المجلس أنهم سيراجعون الخطة."
    )
    assert _people(text) == []
