"""Round sixteen, Arabic people: in a match report, the name after a player's role ("البديل",
"اللاعبان", "المدافع") or after "الوحيد" that follows a goal and its team (a demonym between
passed over) is a person."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str) -> list[str]:
    return [p.name for p in find_entities(text, "ar").people]


def test_the_substitute_who_scored() -> None:
    text = (
        "فاز الشمال على الوكرة بهدفين مقابل هدف في الدوري.\n"
        "وتقدم الوكرة في الشوط الأول، ثم سجل البديل راشد منصور الخاطر هدف التعادل في الدقيقة 70."
    )
    assert "راشد منصور الخاطر" in _people(text)


def test_the_only_goal_of_a_team_and_its_scorer_nationality() -> None:
    text = (
        "فاز العربي على الريان بهدفين مقابل هدف.\n"
        "فيما أحرز هدف الريان الوحيد الجزائري كمال بن يوسف في الدقيقة 64."
    )
    assert "كمال بن يوسف" in _people(text)


def test_no_role_without_a_score() -> None:
    text = "وأكد المدرب أن البديل جاهز للمشاركة إذا احتاج الفريق إليه في المباريات المقبلة."
    assert _people(text) == []
