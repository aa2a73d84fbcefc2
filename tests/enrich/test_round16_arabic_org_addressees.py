"""Round sixteen, Arabic organisations and speakers: the people a body addresses ("المواطنين",
"المسافرين"), the object of its verb right after its name, are no part of the name; a
construct with them ("جمعية حقوق المواطنين") stays whole."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "ar").organisations]


def test_the_object_after_a_body_is_no_part_of_its_name() -> None:
    text = "ودعت الهيئة العامة للطيران المدني المسافرين إلى التأكد من مواعيد رحلاتهم قبل التوجه إلى المطار."
    orgs = _orgs(text)
    assert "الهيئة العامة للطيران المدني" in orgs
    assert not any(o.endswith("المسافرين") for o in orgs)


def test_citizens_after_a_genitive_close_the_name() -> None:
    text = "من جانبه، دعا جهاز حماية المنافسة المواطنين إلى الإبلاغ عن أي زيادة غير مبررة في الأسعار."
    orgs = _orgs(text)
    assert "جهاز حماية المنافسة" in orgs
    assert not any(o.endswith("المواطنين") for o in orgs)


def test_citizens_in_a_construct_stay_in_the_name() -> None:
    text = "وأصدرت جمعية حقوق المواطنين تقريرا عن أوضاع السكن في العاصمة."
    assert "جمعية حقوق المواطنين" in _orgs(text)
