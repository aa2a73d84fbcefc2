"""Issue 15, round twelve: Arabic carries a quote on a circumstantial participle after a first
verb ("دعا الحزب في بيان …، معتبرا أن "…"", "مؤكدا أن "…""): the quote is found and its speaker
is the first verb's subject; a participle after a quote opens the next clause, so the quote
keeps the verb before it ("وقالت الوزارة في بيان إن "…"، مشيرة إلى …"); one behaviour per test,
on sentences written for these tests."""

from __future__ import annotations

from newswire.enrich.entities import Entity
from newswire.enrich.quotes import find_quotes


def quotes(text: str, people: list[str], orgs: tuple[str, ...] = ()) -> list[tuple[str, str | None]]:
    found = find_quotes(text, "ar", people=people, organisations=[Entity("organisation", o) for o in orgs])
    return [(q.text, q.speaker) for q in found]


def test_a_participle_carries_the_quote_of_the_first_verb_s_subject() -> None:
    text = (
        "عمان (الأناضول) - حددت الهيئة المستقلة للانتخاب موعد الانتخابات البلدية.\n"
        "في المقابل، دعا حزب الميثاق الوطني في بيان إلى زيادة تمثيل الشباب، معتبرا أن "
        '"القانون الجديد خطوة في الاتجاه الصحيح لكنها غير كافية".\n'
    )
    assert quotes(text, [], ("حزب الميثاق الوطني",)) == [
        ("القانون الجديد خطوة في الاتجاه الصحيح لكنها غير كافية", "حزب الميثاق الوطني")
    ]


def test_a_participle_after_the_quote_leaves_it_to_the_verb_before() -> None:
    text = (
        "القاهرة (أ ش أ) - قضت المحكمة بسجن المتهمين.\n"
        'وقال ممثل النيابة عمرو سيف الدين النجار في مرافعته: "هؤلاء سرقوا ذاكرة أمة بأكملها".\n'
        'وقالت وزارة السياحة والآثار في بيان إن "القطع المستردة ستعرض في المتحف المصري الكبير"، '
        "مشيرة إلى أن مصر ستتسلمها قريبا.\n"
    )
    assert [speaker for _, speaker in quotes(text, ["عمرو سيف الدين النجار"], ("وزارة السياحة والآثار",))] == [
        "عمرو سيف الدين النجار", "وزارة السياحة والآثار"
    ]
