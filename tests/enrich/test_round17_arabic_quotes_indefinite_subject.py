"""Round seventeen, Arabic speakers: an indefinite subject right after the verb of saying -
its head and the word after it both without the article ("وقال بائع من السوق"، "وقالت سيدة
كانت تنتظر"، "وقال دبلوماسي أوروبي") - or one the story keeps anonymous ("فضل عدم ذكر اسمه")
names nobody: the speaker is null (ANNOTATION 6), not the person named last. A definite
subject ("وقال رئيس الاتحاد") or a known person after the verb still speaks."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers

_OPENING = (
    "ارتفعت أسعار الخضار في أسواق المدينة هذا الأسبوع.\n"
    'وقال وزير التجارة سامي فريد الخطيب إن "الحكومة ستتدخل لضبط الأسعار في الأيام المقبلة".\n'
)


def test_an_indefinite_noun_and_a_preposition() -> None:
    text = _OPENING + 'وقال بائع من سوق الجملة: "لم نر أسعارا كهذه منذ سنوات طويلة".'
    assert speakers(text, "ar") == ["سامي فريد الخطيب", None]


def test_an_indefinite_noun_and_its_adjective_or_verb() -> None:
    text = _OPENING + (
        'وقال دبلوماسي أوروبي حضر الاجتماع: "الحكومة تحت ضغط كبير من الشارع الآن".\n'
        'وقالت سيدة كانت تتسوق مع أطفالها: "لم نعد نقدر على شراء ما نحتاجه كل يوم".'
    )
    assert speakers(text, "ar") == ["سامي فريد الخطيب", None, None]


def test_a_speaker_kept_anonymous() -> None:
    text = _OPENING + 'وقال تاجر الجملة الكبير، الذي فضل عدم ذكر اسمه: "الأسعار ستبقى مرتفعة حتى الربيع".'
    assert speakers(text, "ar") == ["سامي فريد الخطيب", None]


def test_a_definite_subject_or_a_known_person_still_speaks() -> None:
    text = _OPENING + (
        'وأضاف الخطيب: "لن نسمح بالاحتكار في أي سوق من الأسواق".\n'
        'وقال وزير التجارة: "سنراقب الأسواق يوميا حتى تستقر الأسعار".'
    )
    assert speakers(text, "ar") == ["سامي فريد الخطيب", "سامي فريد الخطيب", "سامي فريد الخطيب"]


def test_a_speaker_kept_anonymous_whatever_was_read_as_a_name() -> None:
    text = _OPENING + 'وقال صاحب متجر في حي الميدان طلب عدم نشر اسمه "البضاعة تصلنا متأخرة كل أسبوع".'
    assert speakers(text, "ar") == ["سامي فريد الخطيب", None]
    assert "صاحب متجر" not in [p.name for p in find_entities(text, "ar").people]
