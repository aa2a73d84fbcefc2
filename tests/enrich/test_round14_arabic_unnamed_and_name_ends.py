"""Round fourteen, Arabic: one of a group ("أحد المزارعين", "إحدى الراكبات") or an indefinite
refugee is no person, and the subject after the verb that opens with one is nobody named; a
name does not end in the family prefix "آل" or a foreign particle ("فان دير")."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from newswire.enrich.quotes.arabic import _ArabicReferences
from newswire.vocab.places import WORD_RE, fold
from quotekit import speakers


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def _tokens(text: str) -> list[tuple[str, str, int]]:
    return [(m.group(), fold(m.group()), m.start()) for m in WORD_RE.finditer(text)]


def test_one_of_a_group_is_no_person() -> None:
    text = (
        "المنامة في 3 مارس / وكالة / غمرت الأمطار المزارع.\n"
        "وقال أحد المزارعين للوكالة: \"فقدت محصول الخيار كله في ليلة واحدة\".\n"
        "وقالت إحدى الراكبات لقناة محلية: \"سمعنا صوتا قويا قبل الهبوط بدقائق\".\n"
    )
    people = _people(text)
    assert not any(name.startswith(("أحد", "إحدى")) for name in people)


def test_the_subject_after_the_verb_opening_with_one_of_a_group_is_unnamed() -> None:
    assert _ArabicReferences._ar_unnamed(_tokens("وقال أحد سكان القرية للأناضول"), 0)
    assert _ArabicReferences._ar_unnamed(_tokens("وقالت إحدى الراكبات"), 0)
    assert not _ArabicReferences._ar_unnamed(_tokens("وقال المواطن فارس سعيد الحربي"), 0)
    assert not _ArabicReferences._ar_unnamed(_tokens("وقال رئيس اللجنة"), 0)


def test_a_name_does_not_end_in_al_or_a_particle() -> None:
    text = (
        "الدوحة في 3 مارس / وكالة / عقدت اللجنة اجتماعها الأول.\n"
        "وقال وزير الدولة جاسم بن علي آل ثاني للصحفيين إن \"الاجتماع ناقش خطة العام المقبل كاملة\".\n"
        "وقال بيتر فان دير لينده، المحلل في مركز أبحاث، إن \"الأسواق تنتظر الخطة بفارغ الصبر\".\n"
    )
    people = _people(text)
    assert "جاسم بن علي آل ثاني" in people
    assert "بيتر فان دير لينده" in people


def test_the_next_name_of_a_list_after_a_comma_loses_its_clitic_and_honorifics() -> None:
    text = (
        "الدوحة في 3 مارس / وكالة / وقعت الشركتان اتفاقية توريد.\n"
        "ووقع الاتفاقية كل من ناصر علي المري، مدير العمليات في الشركة، وبيتر جون هاريسون، الرئيس التنفيذي "
        "لشركة أطلس، بحضور عدد من المسؤولين.\n"
        "وعقد الاجتماع برئاسة سعادة الدكتور فهد بن سالم العطية، وزير الدولة، وسعادة السيدة ماريا لوسيا فيرنانديز، "
        "نائبة وزير الخارجية.\n"
    )
    people = _people(text)
    assert "بيتر جون هاريسون" in people
    assert "ماريا لوسيا فيرنانديز" in people
    assert not any(name.startswith(("وبيتر", "وسعادة")) for name in people)


def test_a_name_after_an_honorific_with_the_clitic_in_a_list() -> None:
    text = (
        "الدوحة في 3 مارس / وكالة / وقعت الشركتان اتفاقية.\n"
        "ووقع الاتفاقية سعادة المهندس سعد شريدة الكعبي، والسيدة إنغريد هولم، عضو مجلس إدارة شركة نوردغاس.\n"
        "وقالت هولم في تصريح: \"الاتفاقية تضمن إمدادات مستقرة لعشر سنوات مقبلة\".\n"
    )
    assert "إنغريد هولم" in _people(text)
    assert speakers(text, "ar") == ["إنغريد هولم"]


def test_a_quote_of_one_of_a_group_goes_to_nobody_not_to_the_last_person_named() -> None:
    text = (
        "الكويت - 4 - 12 (كونا) -- ارتفعت أسعار الخضار في الأسواق المحلية.\n"
        "وقال رئيس الاتحاد ناصر مبارك العجمي لـ(كونا): \"طلبنا من الموردين تثبيت الأسعار حتى نهاية الشهر\".\n"
        "وقال أحد المزارعين لـ(كونا): \"خسرت نصف محصول الطماطم في ليلة واحدة بسبب الصقيع\".\n"
    )
    assert speakers(text, "ar") == ["ناصر مبارك العجمي", None]
