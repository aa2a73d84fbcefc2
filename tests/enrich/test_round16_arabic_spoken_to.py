"""Round sixteen, Arabic people: a titled name of three words, the family name without the
article ("حداد", "ضاهر"), ends before the words that say to whom or how the person spoke
("للأناضول", "للصحفيين", "قولها"); the family name is part of the person."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str) -> list[str]:
    return [p.name for p in find_entities(text, "ar").people]


def test_family_name_before_the_agency_spoken_to() -> None:
    text = (
        "اندلعت النيران في الأحراج القريبة من البلدة.\n"
        'وقال رئيس بلدية الضيعة طوني فؤاد خوري للأناضول: "الرياح ساعدت على انتشار الحريق".'
    )
    assert "طوني فؤاد خوري" in _people(text)


def test_family_name_before_her_saying() -> None:
    text = (
        "نشرت المنظمة تقريرا عن أوضاع المعتقلين.\n"
        'ونقل التقرير عن الباحثة في المنظمة ريتا سليم نصار قولها: "الزنازين مكتظة".'
    )
    assert "ريتا سليم نصار" in _people(text)
