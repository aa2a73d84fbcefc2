"""Round eighteen, Arabic organisations: "العام" (public, general) after a definite word inside
a body's name belongs to it ("نقابة أطباء القطاع العام", "الاتحاد العام للعمال", "مديرية
الأمن العام"), though it is a stop word as "the year" ("العام الماضي"); "المحترفة"
(professional) goes on a name after a relative adjective ("رابطة الأندية المصرية المحترفة")."""

from __future__ import annotations

import pytest

from newswire.enrich.entities import find_entities

pytestmark = pytest.mark.usefixtures("no_archive")  # the rules on their own (tests/conftest.py)


def _orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "ar").organisations]


def test_public_inside_a_body_name() -> None:
    orgs = _orgs("ودعت النقابة المستقلة لموظفي القطاع العام إلى إضراب، وأيدتها مديرية الأمن العام.")
    assert "النقابة المستقلة لموظفي القطاع العام" in orgs
    assert "مديرية الأمن العام" in orgs


def test_the_year_is_no_part_of_a_name() -> None:
    orgs = _orgs("وقالت وزارة المالية العام الماضي إن العجز تراجع.")
    assert orgs == ["وزارة المالية"]


def test_professional_after_a_relative_adjective() -> None:
    assert "رابطة الأندية الليبية المحترفة" in _orgs("وأعلنت رابطة الأندية الليبية المحترفة تأجيل المباراة.")
