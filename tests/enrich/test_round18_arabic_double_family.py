"""Round eighteen, Arabic people: a two-word name whose family name is of the relative form
("الإدريسي") and which goes on with a second relative form ("التازي") that is no demonym, no
time word, before a particle, a comma or a role, has a double family name of three words
(Maghreb copy: "سعاد الإدريسي التازي"); a demonym after the name is no part of it."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_a_second_relative_family_name_is_part_of_the_name() -> None:
    text = "وقالت الخبيرة في شؤون المياه ليلى الفاسي العمراني، الأستاذة في جامعة الرباط، إن الوضع مقلق."
    assert _people(text) == ["ليلى الفاسي العمراني"]


def test_the_double_name_before_a_particle() -> None:
    text = "وقال المهندس يوسف البقالي الحسني إن السد امتلأ بنسبة الثلث."
    assert _people(text) == ["يوسف البقالي الحسني"]


def test_a_demonym_after_the_name_is_no_family_name() -> None:
    text = "وقال اللاعب سمير الخطيب المصري إن المباراة كانت صعبة."
    assert _people(text) == ["سمير الخطيب"]


def test_a_time_word_after_the_name_is_no_family_name() -> None:
    text = "وقال المدرب كمال الشناوي الحالي إن الفريق جاهز."
    assert _people(text) == ["كمال الشناوي"]
