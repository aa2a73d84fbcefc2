"""Round seventeen, Arabic organisations: a feminine indefinite head and an adjective agreeing
with it - a relative adjective or a participle, no genitive after it ("لجنة فنية"، "لجنة
مشتركة"، "شركة مسجلة في قبرص") - is a common noun phrase, no body's name; a construct name
("هيئة تنمية الصادرات") and a head with a given name ("جامعة خليفة") still are."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "ar").organisations]


def test_a_head_and_its_adjective_is_no_body() -> None:
    text = (
        "شكلت الوزارة لجنة فنية لفحص أسباب الحادث، وأخرى مشتركة مع البلدية.\n"
        "وقالت إن لجنة مشتركة ستتابع التعويضات، فيما تبين أن السفينة تملكها شركة مسجلة في قبرص."
    )
    orgs = _orgs(text)
    assert not any(o.startswith(("لجنة فنية", "لجنة مشتركة", "شركة مسجلة")) for o in orgs)


def test_construct_names_are_still_bodies() -> None:
    text = (
        "وقعت هيئة تنمية الصادرات اتفاقية تدريب مع جامعة خليفة.\n"
        "وقال المتحدث إن الاتفاقية تمتد خمس سنوات."
    )
    orgs = _orgs(text)
    assert "هيئة تنمية الصادرات" in orgs
    assert "جامعة خليفة" in orgs
