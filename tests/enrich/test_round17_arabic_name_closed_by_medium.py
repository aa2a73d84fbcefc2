"""Round seventeen, Arabic people: the medium a speaker told ("لقناة"، "لوكالة"، "لصحيفة"،
"لرويترز") and a relative pronoun ("الذي"، "التي") close a name after a description as
"للأناضول" and "في" do ("وقال الناقد الفني اللبناني X Y Z لقناة الجديد إن"، "وقال العازف
السوري X Y Z الذي شارك في الحفل:"); a name after a comma with "و" is a list's next item, not
the verb's subject."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_a_name_closed_by_the_medium_told() -> None:
    text = (
        "اختتم مهرجان بيروت للموسيقى دورته الخامسة مساء أمس.\n"
        'وقال الناقد الفني اللبناني جورج إلياس نصار لقناة الجديد إن الدورة "الأنجح منذ انطلاق المهرجان".'
    )
    assert "جورج إلياس نصار" in _people(text)
    assert speakers(text, "ar") == ["جورج إلياس نصار"]


def test_a_name_closed_by_a_relative_pronoun() -> None:
    text = (
        "اختتم مهرجان بيروت للموسيقى دورته الخامسة مساء أمس.\n"
        'وقال العازف السوري باسل نزار قباني الذي شارك في الحفل الختامي: "كانت ليلة لا تنسى".'
    )
    assert "باسل نزار قباني" in _people(text)
    assert speakers(text, "ar") == ["باسل نزار قباني"]


def test_a_list_item_after_a_comma_is_no_subject() -> None:
    text = (
        "وضمت القائمة سامي فريد الخطيب، الذي قالت النيابة إنه نقل الأموال، "
        "ومراد سليم حداد الذي تولى التحويلات."
    )
    assert not any(p.startswith("ومراد") for p in _people(text))
