"""Issue 15, twelfth round: an Arabic match report names its clubs by one definite word that
is also an everyday noun ("الاتحاد", "النصر"); a club is taken where the report's phrasing
points at one - after "فريق", "ضيفه", "نظيره", a goal noun, "ضيفا على", around a meeting verb
- and only in a story with a score; invented stories."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from newswire.enrich.entities.arabic import ar_match_clubs
from newswire.enrich.entities.story import _Story


def orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "ar").organisations]


REPORT = (
    "تغلب فريق الاتحاد على ضيفه النصر بثلاثة أهداف مقابل هدف في المباراة التي جمعتهما اليوم.\n"
    "وسجل أهداف الاتحاد كل من خالد سعيد الزهراني في الدقيقة 12.\n"
    "ويلتقي الهلال مع الشباب يوم 12 ديسمبر، فيما يحل النصر ضيفا على الرائد.\n"
)


def test_the_clubs_a_match_report_points_at_are_organisations() -> None:
    found = orgs(REPORT)
    for club in ("الاتحاد", "النصر", "الهلال", "الشباب", "الرائد"):
        assert club in found


def test_without_a_score_the_same_words_are_no_clubs() -> None:
    text = "ويلتقي الوزير مع الوفد غدا لبحث التعاون، فيما يحل الرئيس ضيفا على الملتقى.\n"
    assert orgs(text) == []


def test_the_national_team_is_no_club() -> None:
    text = "فاز المنتخب بهدفين مقابل هدف، ويلتقي المنتخب مع الفريق الضيف يوم الخميس.\n"
    assert ar_match_clubs(_Story(text, "ar")) == []
