"""Round sixteen, Arabic organisations: a chamber of commerce ("غرفة تجارة وصناعة X"، "غرفة
التجارة والصناعة" and a demonym, "غرفة" and a place) and a general directorate ("الإدارة العامة"
and the field it serves, its region after "ب") are bodies, no person; a room ("غرفة العمليات")
is none."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "ar").organisations]


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_chambers_of_commerce() -> None:
    text = (
        "وقالت غرفة تجارة وصناعة الشارقة إن الصادرات ارتفعت هذا العام.\n"
        "ووقعت الغرفة مذكرة تفاهم مع غرفة التجارة والصناعة الماليزية في كوالالمبور."
    )
    orgs = _orgs(text)
    assert "غرفة تجارة وصناعة الشارقة" in orgs
    assert "غرفة التجارة والصناعة الماليزية" in orgs
    assert not any(p.startswith("غرفة") for p in _people(text))


def test_general_directorates_with_their_region() -> None:
    text = (
        "وأعلنت الإدارة العامة للتعليم بمنطقة الرياض تعليق الدراسة الحضورية يوم الأحد.\n"
        "وتمكنت الإدارة العامة لمكافحة المخدرات من ضبط شحنة كبيرة في الميناء."
    )
    orgs = _orgs(text)
    assert "الإدارة العامة للتعليم بمنطقة الرياض" in orgs
    assert "الإدارة العامة لمكافحة المخدرات" in orgs


def test_an_operations_room_is_no_body() -> None:
    text = "ودعت غرفة العمليات السكان إلى البقاء في منازلهم حتى انتهاء العاصفة."
    assert not any(o.startswith("غرفة") for o in _orgs(text))
