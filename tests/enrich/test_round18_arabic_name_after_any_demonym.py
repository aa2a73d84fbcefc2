"""Round eighteen, Arabic people: after a demonym that follows a verb or a noun ("تأهلت
التونسية", "المصور الكيني", "الناقد الأردني"), not a title, the words after it are a person
when they read as a full name of three words whose family name is no noun in the feminine
and either recurs ("وقال شودري"; after a verb of saying even with the article, "وقالت
الطيب") or is of the relative form and closed by a particle or a comma ("الحوراني أن"); a
verb and its object after a demonym ("يخفض أسعار الفائدة") are none."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_a_full_name_after_a_demonym_as_a_noun() -> None:
    text = (
        "تأهلت المغربية سارة بن عمر إلى الدور النهائي من البطولة.\n"
        "وقالت بن عمر بعد المباراة إنها سعيدة بالأداء."
    )
    assert "سارة بن عمر" in _people(text)


def test_a_relative_family_name_closed_by_a_particle() -> None:
    text = "ورأى الكاتب اللبناني وليد سمير العكاري أن الرواية تغيرت كثيرا."
    assert _people(text) == ["وليد سمير العكاري"]


def test_a_foreign_name_the_story_repeats() -> None:
    text = (
        "وفاز بالمركز الأول المصور الكيني أوتينو موسى كيبيت، الذي يعمل لصحيفة محلية.\n"
        "وقال كيبيت إن الصورة التقطت في الصباح."
    )
    assert "أوتينو موسى كيبيت" in _people(text)


def test_a_definite_family_name_named_after_a_verb_of_saying() -> None:
    text = (
        "فاز فيلم «الطريق» للمخرجة الأردنية هدى عبد الكريم الزين بالجائزة الأولى.\n"
        "وقالت الزين إن الفيلم صور في عمان."
    )
    assert "هدى عبد الكريم الزين" in _people(text)


def test_a_verb_and_its_object_after_a_demonym_are_no_person() -> None:
    text = (
        "البنك المركزي الأردني يرفع أسعار الفائدة\n"
        "رفع البنك المركزي الأردني أسعار الفائدة نصف نقطة مئوية."
    )
    assert _people(text) == []
