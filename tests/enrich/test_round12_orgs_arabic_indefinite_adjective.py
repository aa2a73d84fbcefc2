"""Issue 15, twelfth round: an Arabic indefinite head with a relative adjective without the
article after it is a common noun ("محكمة مصرية", an Egyptian court), no organisation; a head
in a construct chain with a place or a definite genitive is still a name; invented
sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


def orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "ar").organisations]


@pytest.mark.parametrize(
    "text",
    [
        "وقضت محكمة مصرية يوم الخميس بسجن رجل الأعمال.",
        "وقالت منظمة حقوقية إن القصف أوقع قتلى.",
        "وفازت شركة تركية بعقد بناء المحطة.",
    ],
)
def test_a_head_qualified_by_an_indefinite_adjective_is_no_name(text: str) -> None:
    assert orgs(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقالت هيئة تنمية الصادرات إن الصادرات ارتفعت.", "هيئة تنمية الصادرات"),
        ("وأعلن بنك دبي التجاري أرباحه.", "بنك دبي التجاري"),
    ],
)
def test_a_construct_chain_stays_a_name(text: str, expected: str) -> None:
    assert orgs(text) == [expected]
