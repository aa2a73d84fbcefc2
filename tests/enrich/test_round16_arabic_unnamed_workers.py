"""Round sixteen, Arabic speakers: an indefinite official or worker by trade right after the
verb of saying ("وقال مسؤول في الوزارة"، "وقال موظف"، "وقال مزارع") and "أحدهم" (one of them)
are nobody named: the quote goes to nobody, not to the last person named."""

from __future__ import annotations

from newswire.enrich.quotes.arabic import _ArabicReferences
from newswire.vocab.places import WORD_RE, fold
from quotekit import speakers


def _tokens(text: str) -> list[tuple[str, str, int]]:
    return [(m.group(), fold(m.group()), m.start()) for m in WORD_RE.finditer(text)]


def test_the_subjects_are_unnamed() -> None:
    assert _ArabicReferences._ar_unnamed(_tokens("وقال مسؤول في الوزارة"), 0)
    assert _ArabicReferences._ar_unnamed(_tokens("وقال موظف في شركة"), 0)
    assert _ArabicReferences._ar_unnamed(_tokens("وقال أحدهم"), 0)
    assert not _ArabicReferences._ar_unnamed(_tokens("وقال المزارع سعيد حامد البنا"), 0)


def test_a_farmer_quoted_after_a_named_official() -> None:
    text = (
        "القاهرة في 4 ديسمبر /أ ش أ/ رفعت الحكومة سعر توريد القطن للموسم المقبل.\n"
        'وقال وزير الزراعة الدكتور حسن فريد البدري للصحفيين: "السعر الجديد يغطي التكلفة".\n'
        'وقال مزارع من قرية بمحافظة المنوفية: "التكلفة ارتفعت أكثر من السعر بكثير هذا العام".\n'
    )
    assert speakers(text, "ar") == ["حسن فريد البدري", None]


def test_one_of_them_quoted_is_nobody_named() -> None:
    text = (
        "عمان في 4 ديسمبر /بترا/ قررت الوزارة تأجيل الامتحانات.\n"
        'وقال وزير التربية الدكتور سامر علي الخطيب: "القرار يخدم الطلبة".\n'
        'في المقابل، انتقد معلمون القرار. وقال أحدهم: "أنهينا خطة المراجعة على الموعد القديم".\n'
    )
    assert speakers(text, "ar") == ["سامر علي الخطيب", None]
