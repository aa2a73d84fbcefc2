"""Round seventeen, Arabic people: "السيد"/"السيدة" opens a name - a foreign one without the
article too - that a title, a comma or a closing word ends ("قال السيد X Y رئيس الوفد:"،
"قال السيد X Y المتحدث باسم الوفد إن"); the surname of someone named before after
it ("أكدت السيدة Y حرص بلادها") is no new name."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_foreign_names_after_mister_before_a_title() -> None:
    text = (
        "وقع الطرفان اتفاق وقف إطلاق النار في العاصمة أمس.\n"
        'وقال السيد ماتيو لوران دوبوا رئيس وفد الوساطة: "هذا يوم تاريخي لشعوب المنطقة".\n'
        'بدوره، قال السيد كوفي أمبونغ المتحدث باسم الحكومة إن الاتفاق "بداية مرحلة جديدة من البناء".'
    )
    people = _people(text)
    assert "ماتيو لوران دوبوا" in people
    assert "كوفي أمبونغ" in people
    assert speakers(text, "ar") == ["ماتيو لوران دوبوا", "كوفي أمبونغ"]


def test_a_known_surname_after_madam_is_no_new_name() -> None:
    text = (
        "استقبل وزير الخارجية السيدة أماندا روث كيلر، وزيرة التجارة الكندية.\n"
        "من جانبها، أكدت السيدة كيلر حرص بلادها على توسيع التعاون."
    )
    people = _people(text)
    assert not any(p.startswith("كيلر") for p in people)
