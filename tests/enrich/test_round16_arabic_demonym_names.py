"""Round sixteen, Arabic people: a nationality right before a name ("البرتغالي"، "الكينية")
points at a person where it follows a title, a verb of saying, a club after a title or a goal
noun, or a preposition of a match; the name after it, foreign and without the article, runs to
four words and is read whole."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str) -> list[str]:
    return [p.name for p in find_entities(text, "ar").people]


def test_coach_of_a_club_and_his_nationality() -> None:
    text = (
        "تعادل الفريقان في ختام الجولة العاشرة.\n"
        'وقال مدرب الشمال البرتغالي نونو فابيو سيلفا عقب اللقاء: "كنا الأفضل في الشوط الثاني".'
    )
    assert "نونو فابيو سيلفا" in _people(text)


def test_after_a_verb_of_saying() -> None:
    text = (
        "خسر الفريق مباراته الثالثة على التوالي.\n"
        'وقال الصربي دراغان ميلوفيتش مدرب الفريق في مؤتمر صحفي: "علينا أن نراجع أنفسنا".'
    )
    assert "دراغان ميلوفيتش" in _people(text)


def test_after_a_preposition_of_a_match() -> None:
    text = "تأهلت اللاعبة إلى الدور النهائي بعد فوزها على الكينية إستر موانغي بمجموعتين دون رد."
    assert "إستر موانغي" in _people(text)


def test_scorer_after_a_goal_noun_and_club() -> None:
    text = "وسجل هدف الوكرة البرازيلي ماركوس فييرا في الدقيقة 40، ثم تعادل أصحاب الأرض."
    assert "ماركوس فييرا" in _people(text)


def test_a_body_with_a_nationality_is_no_person() -> None:
    text = "وأعلن البنك المركزي المصري يخفض أسعار الفائدة، فيما شنت القوات الروسية هجوما واسعا."
    assert _people(text) == []
