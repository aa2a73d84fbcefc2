"""Round 8 datelines: house styles the parser did not read yet (issue 15).

EFE's and Reuters Arabic's country in brackets after the city, Europa Press's day alone
before the agency, MENA's initials closed by a slash, RIA Novosti's name after the dash, and
SPA's name bare after its Hijri and Gregorian dates (or after a spaced dash on its own line).
Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from newswire.enrich.dateline import Dateline, parse_dateline
from newswire.formats.dateline import parse_dateline_line


@pytest.mark.parametrize(
    ("text", "place", "date", "source", "remainder"),
    [
        ("Cusco (Perú), 7 nov (EFE).- Un tren turístico quedó detenido.",
         "Cusco", "7 nov", "EFE", "Un tren turístico quedó detenido."),
        ("طرابلس (ليبيا) (رويترز) - أعلنت شركة الكهرباء خطة جديدة.",
         "طرابلس", None, "رويترز", "أعلنت شركة الكهرباء خطة جديدة."),
        ("SEVILLA, 12 (EUROPA PRESS)", "SEVILLA", "12", "EUROPA PRESS", ""),
        ("الإسكندرية/ أ ش أ/ افتتح المحافظ مستشفى جديدا.",
         "الإسكندرية", None, "أ ش أ", "افتتح المحافظ مستشفى جديدا."),
        ("КАЗАНЬ, 5 мар — РИА Новости. Мост через Казанку закроют на ремонт.",
         "КАЗАНЬ", "5 мар", "РИА Новости", "Мост через Казанку закроют на ремонт."),
        ("МОСКВА, 2 фев - ПРАЙМ. Курс юаня вырос.", "МОСКВА", "2 фев", "ПРАЙМ", "Курс юаня вырос."),
        ("جدة 3 رجب 1448 هـ الموافق 12 ديسمبر 2026 م واس افتتحت الهيئة معرضا للكتاب.",
         "جدة", "3 رجب 1448 هـ الموافق 12 ديسمبر 2026 م", "واس", "افتتحت الهيئة معرضا للكتاب."),
    ],
)
def test_round8_house_styles(text: str, place: str, date: str | None, source: str, remainder: str) -> None:
    assert parse_dateline(text) == Dateline(place, date, source, remainder)


def test_spa_city_and_agency_with_spaced_dash_stand_alone() -> None:
    assert parse_dateline_line("جدة - واس") == Dateline("جدة", None, "واس", "")


@pytest.mark.parametrize(
    "text",
    [
        "El ministro (Hacienda), 4 veces (sic) lo dijo.",  # brackets, no agency, no dash
        "МОСКВА, 2 фев — Курс юаня вырос.",  # no agency after the dash: the text stays
        "جدة 3 ديسمبر 2026 م واس افتتحت",  # bare agency without the Hijri date
        "غزة - تقرير",  # a spaced dash before a word that is no agency
    ],
)
def test_round8_shapes_stay_narrow(text: str) -> None:
    found = parse_dateline(text)
    assert found is None or found.source is None
