"""Round seventeen, Arabic people: a name never goes on past a preposition written onto the
article ("وزير دولة للشؤون الخارجية"، "سيخضع للفحص الطبي"): what the cues read there is a
phrase, no person, and the name before such a portfolio is still a name."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_a_portfolio_after_a_title_is_no_name_and_the_name_before_it_is() -> None:
    text = (
        "ووقع الاتفاقية عن الجانب الإماراتي معالي سعيد حمد الظاهري وزير دولة للشؤون الخارجية.\n"
        'وقال الظاهري في تصريح لوكالة أنباء الإمارات: "تفتح الاتفاقية مرحلة جديدة من التعاون".'
    )
    people = _people(text)
    assert "سعيد حمد الظاهري" in people
    assert not any("للشؤون" in p for p in people)
    assert speakers(text, "ar") == ["سعيد حمد الظاهري"]


def test_a_verb_phrase_is_no_name() -> None:
    text = "وأعلن النادي أن اللاعب سيخضع للفحص الطبي يوم الأحد قبل توقيع العقد."
    assert not any("للفحص" in p for p in _people(text))
