"""Round sixteen, Arabic speakers: a relative or guardian ("والدة أحد الطلاب"، "ولي أمر") and
an indefinite spokesman ("متحدث باسم الشركة") after the verb of saying are nobody named: no
person, and the quote goes to nobody, not to the last person named."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_a_mother_quoted_is_nobody_named() -> None:
    text = (
        "الكويت - 4 - 12 (كونا) -- أعلنت الوزارة تأجيل الامتحانات أسبوعا.\n"
        "وقال مدير المنطقة التعليمية سالم ناصر العنزي للصحفيين: \"القرار جاء لمصلحة الطلبة أولا\".\n"
        "وقالت والدة أحد الطلاب للوكالة: \"التأجيل أربك خطط المراجعة التي وضعناها في البيت\".\n"
    )
    assert not any(name.startswith("والدة") for name in _people(text))
    assert speakers(text, "ar") == ["سالم ناصر العنزي", None]


def test_an_indefinite_spokesman_is_nobody_named() -> None:
    text = (
        "الدوحة في 3 مارس / وكالة / ألغيت رحلات عدة بسبب الضباب.\n"
        "وقال الرئيس التنفيذي للشركة فهد سالم المري للصحفيين: \"نعمل على إعادة الجدول سريعا\".\n"
        "وقال متحدث باسم الشركة: \"نعتذر للمسافرين عن التأخير ونعمل مع المطار لتقليصه\".\n"
    )
    assert not any(name.startswith("متحدث") for name in _people(text))
    assert speakers(text, "ar") == ["فهد سالم المري", None]
