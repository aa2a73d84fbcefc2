"""Round seventeen, Arabic organisations: the subject between a verb of saying and "في بيان"
(in a statement) is a body, whatever its head ("وقالت الرابطة الوطنية لصيادي الخليج، في بيان:"، "قال
المرصد الوطني للجودة والسلامة في بيان إن"، "وقالت نوفاتيك في بيان") - and so the speaker of the
quote. Not a person or a titled spokesman, nor one definite word or a described body referring
back ("وقالت الوزارة في بيان"، "وقالت الشركة المشغلة في بيان"), nor a place alone."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "ar").organisations]


def test_a_body_any_head_speaks_in_a_statement() -> None:
    text = (
        "تراجعت كميات الصيد في الخليج إلى أدنى مستوى منذ عقد.\n"
        'وقالت الرابطة الوطنية لصيادي الخليج، في بيان: "المخزون السمكي يتراجع عاما بعد عام ولا أحد يتحرك".\n'
        'من جهته، قال المرصد الوطني للجودة والسلامة في بيان إن "الأسماك المعروضة مطابقة للمواصفات".'
    )
    orgs = _orgs(text)
    assert "الرابطة الوطنية لصيادي الخليج" in orgs
    assert "المرصد الوطني للجودة والسلامة" in orgs
    assert speakers(text, "ar") == ["الرابطة الوطنية لصيادي الخليج", "المرصد الوطني للجودة والسلامة"]


def test_a_one_word_company_name() -> None:
    text = (
        "أرجأت شركات السيارات الكهربائية خطط التوسع في المنطقة.\n"
        'وقالت نوفاتيك في بيان منفصل إن مصنعها الجديد "يسير وفق الجدول الزمني المحدد".'
    )
    assert "نوفاتيك" in _orgs(text)
    assert speakers(text, "ar") == ["نوفاتيك"]


def test_no_body_for_a_person_a_reference_back_or_a_place() -> None:
    text = (
        "أعلنت وزارة الصحة ارتفاع عدد الإصابات بالإنفلونزا الموسمية.\n"
        "وقالت الوزارة في بيان إن المستشفيات مستعدة لاستقبال المرضى.\n"
        "وقالت الشركة المشغلة في بيان إن الخدمة ستعود مساء اليوم.\n"
        "وقالت مصر في بيان إنها ترحب بالاتفاق.\n"
        "وقال المتحدث باسم الوزارة حازم نبيل الشريف في بيان إن اللقاحات متوفرة."
    )
    orgs = _orgs(text)
    assert "الوزارة" not in orgs
    assert "الشركة المشغلة" not in orgs
    assert "مصر" not in orgs
    assert not any("الشريف" in o or o.startswith("المتحدث") for o in orgs)


def test_a_network_heads_a_body_not_an_unnamed_source() -> None:
    text = (
        "تواصل القصف على أحياء المدينة لليوم الثالث.\n"
        'وقالت شبكة أطباء الإغاثة، في بيان: "المستشفيات لم تعد قادرة على استقبال المزيد من الجرحى".'
    )
    assert "شبكة أطباء الإغاثة" in _orgs(text)
    assert speakers(text, "ar") == ["شبكة أطباء الإغاثة"]
