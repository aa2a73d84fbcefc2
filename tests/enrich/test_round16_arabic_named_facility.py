"""Round sixteen, Arabic people: a facility or prize named after a ruler ("مطار الملك X
الدولي"، "مدينة الشيخ X الطبية"، "جائزة الأمير X للإبداع") names no person; the ruler's name
and the facility's adjective are not read as one."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str) -> list[str]:
    return [p.name for p in find_entities(text, "ar").people]


def test_an_airport_named_after_a_king() -> None:
    text = "وهبطت الطائرة في مطار الملك سلمان الدولي بعد تأخر دام ثلاث ساعات بسبب الضباب."
    assert _people(text) == []


def test_a_hospital_and_a_prize_named_after_rulers() -> None:
    text = (
        "وأعلنت مدينة الشيخ زايد الطبية افتتاح جناح جديد، فيما فاز الكاتب بجائزة الأمير نايف "
        "للإبداع هذا العام."
    )
    assert _people(text) == []


def test_a_titled_person_outside_a_facility_stays() -> None:
    text = "واستقبل وزير الصحة الدكتور سامي خالد الراشد وفدا من الأطباء في مقر الوزارة."
    assert "سامي خالد الراشد" in _people(text)
