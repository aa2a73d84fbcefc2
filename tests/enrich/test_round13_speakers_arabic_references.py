"""Issue 15, round thirteen: Arabic refers back to a speaker without naming them - an
honorific with a pronoun ("وقال سعادته", his excellency said) stands for the official the story
introduced with that honorific ("اجتمع سعادة الدكتور X"), and a relative pronoun before the
verb ("سهم الدار العقارية التي قالت … إن … "…"") for the body it follows. One behaviour per
test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_his_excellency_is_the_official_the_story_introduced_with_the_honorific() -> None:
    text = (
        "الدوحة في 04 ديسمبر /قنا/ اجتمع سعادة الدكتور ناصر بن حمد الكبيسي وزير الدولة، اليوم، مع وفد "
        "برئاسة سعادة السيد جان بيير موكيندي مستشار الرئيس.\n"
        "وقال سعادته في تصريح عقب الاجتماع:\n"
        '"نحن متفائلون بما تحقق حتى الآن، فقد اتفق الطرفان على آلية للتحقق".\n'
    )
    people = ["ناصر بن حمد الكبيسي", "جان بيير موكيندي"]
    assert speakers(text, "ar", people, []) == ["ناصر بن حمد الكبيسي"]


def test_a_relative_pronoun_before_the_verb_is_the_body_it_follows() -> None:
    text = (
        "وصعد مؤشر دبي مع ارتفاع سهم بنك الإمارات دبي الوطني، وزاد مؤشر أبوظبي بدعم من سهم الدار "
        "العقارية التي قالت في إفصاح إن الطلب على "
        'مشروعها الجديد هو "الأقوى منذ إطلاق المشروع".\n'
    )
    assert speakers(text, "ar", [], ["بنك الإمارات دبي الوطني", "الدار العقارية"]) == ["الدار العقارية"]
