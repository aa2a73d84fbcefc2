"""Round sixteen, Arabic people and speakers: a later mention by a compound family name alone
("عبد الغفار" after "سامي نبيل عبد الغفار") is the person named in full, not a person of its
own, and the quote it attributes goes to that person."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_the_compound_family_name_alone_is_the_same_person() -> None:
    text = (
        "القاهرة في 4 ديسمبر /أ ش أ/ وافق مجلس النواب على مشروع قانون الري.\n"
        "وقال رئيس لجنة الزراعة بمجلس النواب سامي نبيل عبد الغفار إن اللجنة عدلت 12 مادة.\n"
        'وأضاف أن القانون "يحمي حقوق صغار المزارعين في المياه"، بحسب ما قال عبد الغفار.\n'
    )
    people = _people(text)
    assert "سامي نبيل عبد الغفار" in people
    assert "عبد الغفار" not in people
    assert speakers(text, "ar") == ["سامي نبيل عبد الغفار"]
