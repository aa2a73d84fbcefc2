"""Round fifteen, Arabic speakers: the person after a verb of stance ("توقع", "أبدى", "روى",
"عبرت … عن") whom the quote that follows gives words to is a person and the speaker."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def test_name_right_after_expected() -> None:
    text = (
        "رفعت الحكومة أسعار الوقود للمرة الثانية هذا العام.\n"
        "من جانبه، توقع سامر خليل النجار، كبير المحللين في شركة الأفق للاستثمار، مزيدا من الزيادات، "
        'وقال: "لن تستقر الأسعار قبل نهاية الصيف المقبل على أقل تقدير".'
    )
    assert "سامر خليل النجار" in [p.name for p in find_entities(text, "ar").people]
    assert speakers(text, "ar") == ["سامر خليل النجار"]


def test_name_after_a_description_closed_by_an() -> None:
    text = (
        "افتتح المتحف الوطني جناحا جديدا للمخطوطات.\n"
        'وعبرت الزائرة سلمى عادل الحسيني عن إعجابها بالجناح قائلة: "لم أر من قبل مخطوطات بهذا الجمال والدقة".'
    )
    assert "سلمى عادل الحسيني" in [p.name for p in find_entities(text, "ar").people]
    assert speakers(text, "ar") == ["سلمى عادل الحسيني"]
