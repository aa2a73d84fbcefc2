"""Round fifteen, Arabic speakers: a definite noun right after the verb of saying that opens
the name of a body named before speaks for that body ("وقال البنك، في بيان، إن")."""

from __future__ import annotations

from quotekit import speakers


def test_definite_head_refers_to_the_body_named_before() -> None:
    text = (
        "قرر البنك المركزي الأردني رفع سعر الفائدة ربع نقطة مئوية.\n"
        'وقال البنك، في بيان صحفي، إن "الضغوط التضخمية ما زالت قائمة رغم تراجعها في الأشهر الأخيرة".'
    )
    assert speakers(text, "ar", people=[], organisations=["البنك المركزي الأردني"]) == ["البنك المركزي الأردني"]


def test_body_named_without_article_is_found_by_its_bare_head() -> None:
    text = (
        "أعلنت شبكة أطباء اليمن ارتفاع عدد المصابين.\n"
        'وقالت الشبكة في بيان: "نناشد المنظمات الدولية إرسال الأدوية بصورة عاجلة إلى المستشفيات".'
    )
    assert speakers(text, "ar", people=[], organisations=["شبكة أطباء اليمن"]) == ["شبكة أطباء اليمن"]


def test_a_person_after_the_head_still_speaks() -> None:
    text = (
        "افتتح البنك الأهلي فرعا جديدا في عمان.\n"
        'وقال البنك الأهلي مديره العام سامر خليل النجار: "نريد أن نصل إلى كل محافظة خلال عامين".'
    )
    assert speakers(text, "ar", people=["سامر خليل النجار"], organisations=["البنك الأهلي"]) == ["سامر خليل النجار"]
