"""Round fourteen, Arabic: the name that closes an attribution after the speaker's title and
employer ("وقال مدير إدارة الموانئ بشركة النقل البحري سامي نبيل العطار إن …") is the speaker,
and the fragment of the description the cues took for a name is no person."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_name_after_title_and_employer_before_inna_is_the_speaker() -> None:
    text = (
        "الكويت في 3 مارس / وكالة / افتتحت الهيئة ميناء جديدا.\n"
        "وقال المتحدث الرسمي باسم الهيئة العامة للموانئ بشؤون الملاحة التجارية سامي نبيل العطار إن الميناء "
        "سيعمل بكامل طاقته.\n"
        "وأضاف: \"سنستقبل أول سفينة حاويات في الأسبوع المقبل بعد اكتمال الاختبارات\".\n"
    )
    assert speakers(text, "ar") == ["سامي نبيل العطار"]
    assert "بشؤون الملاحة" not in _people(text)


def test_name_between_commas_after_the_employer_is_the_speaker() -> None:
    text = (
        "القاهرة في 3 مارس / وكالة / ارتفعت الأسهم اليوم.\n"
        "وقال رئيس قسم التحليل في شركة الأفق للاستثمار، نبيل حسين الدسوقي، للصحفيين، إن "
        "\"السوق يترقب قرار الفائدة المقبل بحذر شديد\".\n"
    )
    assert speakers(text, "ar") == ["نبيل حسين الدسوقي"]
    assert "قسم التحليل" not in _people(text)


def test_name_right_after_the_verb_is_left_to_the_cues() -> None:
    # "وقال X Y، خبير …": the description after the comma holds no name
    text = (
        "عمان في 3 مارس / وكالة / توقعت الدائرة أمطارا غزيرة.\n"
        "وقال فراس عادل الخطيب، خبير الطقس في الدائرة، إن \"المنخفض سيبلغ ذروته مساء الغد\".\n"
    )
    assert speakers(text, "ar") == ["فراس عادل الخطيب"]
    assert "خبير الطقس" not in _people(text)


def test_body_after_the_verb_is_the_subject() -> None:
    text = (
        "الرباط في 3 مارس / وكالة / أكدت وزارة التجهيز والماء جاهزية محطات الضخ، وتابعت فرقها الوضع.\n"
    )
    assert "جاهزية محطات الضخ" not in _people(text)


def test_short_form_after_a_title_is_the_name_given_in_full() -> None:
    text = (
        "تونس في 3 مارس / وكالة / فاز فيلم للمخرجة ريم كمال الورغي بجائزة المهرجان.\n"
        "وقالت المخرجة ريم الورغي، في تصريح للإذاعة، إن \"الجائزة لكل من عمل معنا طوال سنتين\".\n"
    )
    assert "ريم الورغي" not in _people(text)


def test_name_before_the_colon_that_introduces_the_quote_is_the_speaker() -> None:
    text = (
        "تونس في 3 مارس / وكالة / احتج المعلمون أمام الوزارة.\n"
        "وقالت عضوة النقابة العامة للتعليم الثانوي ليلى منصور الحامدي: \"لن نعود إلى الأقسام قبل توقيع الاتفاق\".\n"
    )
    assert speakers(text, "ar") == ["ليلى منصور الحامدي"]
    assert "عضوة النقابة" not in _people(text)


def test_a_role_before_a_comma_then_a_titled_name() -> None:
    text = (
        "القاهرة في 3 مارس / وكالة / أصدرت المحكمة حكمها.\n"
        "وقال محامي المتهمين، المستشار وائل سمير عبد الغفار، للصحفيين، إن \"الحكم سيستأنف خلال أسبوعين\".\n"
    )
    assert speakers(text, "ar") == ["وائل سمير عبد الغفار"]
    assert "محامي المتهمين" not in _people(text)


def test_a_name_before_fi_comes_before_the_colon() -> None:
    text = (
        "دبي في 3 مارس / وكالة / فاز الفريق بهدفين.\n"
        "وقال مدرب الفريق البرتغالي نونو فيليبي سانتوس في المؤتمر الصحفي عقب المباراة: \"قدمنا مباراة كبيرة\".\n"
    )
    assert "عقب المباراة" not in _people(text)


def test_name_after_a_demonym_keeps_a_family_name_without_the_article() -> None:
    text = (
        "الشارقة في 3 مارس / وكالة / أعلنت الجائزة أسماء الفائزين.\n"
        "كما قال الشاعر السوري باسل نزار قباني، الفائز بالجائزة العام الماضي، إن "
        "\"الترجمة جسر لا يعبره إلا الصبورون من القراء\".\n"
    )
    assert speakers(text, "ar") == ["باسل نزار قباني"]


def test_name_before_a_title_that_describes_the_speaker() -> None:
    text = (
        "الدوحة في 3 مارس / وكالة / فتح باب الترشح للانتخابات.\n"
        "وقال العقيد فهد راشد المري رئيس لجنة الإشراف على الانتخابات، في مؤتمر صحفي: "
        "\"أعددنا نظاما إلكترونيا متكاملا للتسجيل عبر الهاتف\".\n"
    )
    assert speakers(text, "ar") == ["فهد راشد المري"]
