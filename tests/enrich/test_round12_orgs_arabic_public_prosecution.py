"""Issue 15, twelfth round: "النيابة العامة", the Public Prosecution of the Arab states, is the
body's name and is listed wherever a story names it; invented sentences."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities


@pytest.mark.parametrize(
    "text",
    [
        "وكانت النيابة العامة قد أحالت القضية إلى المحكمة.",
        "وأحيل المتهمون إلى النيابة العامة لاستكمال التحقيق.",
    ],
)
def test_the_public_prosecution_is_an_organisation(text: str) -> None:
    assert [o.name for o in find_entities(text, "ar").organisations] == ["النيابة العامة"]
