"""Round eighteen, Arabic people: a title, a preposition ("باسم", "عن", "في") and the body it
serves are followed by the person's name ("النائب عن حزب الأمل سامر فؤاد الجمال"); where the
body's name runs on a word the cues left out, the full name of three after it is the person's;
and after a title a definite third word that "إن"/"أن" closes is the family name ("خالد
الطيب الأمين إن")."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_name_after_a_member_for_a_party() -> None:
    text = "وانتقد النائب عن حزب الأمل سامر فؤاد الجمال خطة الحكومة، قائلا إنها متأخرة."
    assert "سامر فؤاد الجمال" in _people(text)


def test_name_after_a_spokesman_for_a_ministry() -> None:
    text = "وقال المتحدث باسم وزارة الصحة الليبية عادل منصور الورفلي إن المستشفيات جاهزة."
    assert "عادل منصور الورفلي" in _people(text)


def test_a_definite_third_name_closed_by_a_particle_after_a_title() -> None:
    text = "وقال المتحدث باسم الهيئة ماجد الصادق الأمين إن العمل مستمر."
    assert _people(text) == ["ماجد الصادق الأمين"]


def test_a_day_after_the_name_is_no_family_name() -> None:
    text = "وقال الوزير ماجد الصادق الثلاثاء إن العمل مستمر."
    assert _people(text) == ["ماجد الصادق"]


def test_a_body_name_running_on_leaves_the_full_name_after_it() -> None:
    text = "وقالت النائبة عن حزب مستقبل وطن سلوى كمال المنياوي إن القانون طال انتظاره."
    people = _people(text)
    assert "سلوى كمال المنياوي" in people
    assert not any(p.startswith("وطن") for p in people)
