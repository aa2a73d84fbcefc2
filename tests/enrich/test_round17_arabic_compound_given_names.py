"""Round seventeen, Arabic people: a compound given name whose second half has the article
like "الدين" ("فاطمة الزهراء"، "سيف الإسلام"، "نور الهدى") is one given name: the family name
after it belongs to the name ("فاطمة الزهراء X" is a given and a family name, not cut at
"الزهراء")."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "ar").people]


def test_fatima_al_zahra_and_a_family_name() -> None:
    text = (
        "ارتفعت أسعار الإيجار في المدن الكبرى.\n"
        'وقالت فاطمة الزهراء القادري، وهي معلمة في الدار البيضاء: "نصف راتبي يذهب إلى الإيجار".'
    )
    assert "فاطمة الزهراء القادري" in _people(text)
    assert speakers(text, "ar") == ["فاطمة الزهراء القادري"]


def test_saif_al_islam_and_a_family_name() -> None:
    text = (
        "افتتح المعرض الدولي للكتاب أبوابه أمس.\n"
        'وقال سيف الإسلام المنصوري، مدير المعرض: "نستقبل هذا العام أكثر من ألف ناشر".'
    )
    assert "سيف الإسلام المنصوري" in _people(text)
