"""Issue 15, fourteenth round: in Spanish and French a title after a comma and a full name, with
"de" and an employer after it ("…", dijo X Y Z, analista de Grupo Financiero Banorte), names the
person before the comma, not the employer's capitalised words; a title after "junto al" and a
comma is another person's. Invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def people(text: str, lang: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).people]


def test_an_analyst_of_a_financial_group() -> None:
    text = (
        "\"El mercado ya descuenta otro recorte en marzo\", dijo a EFE Leonor Baquedano Ruiz, analista de "
        "Grupo Bursátil Ixtlán."
    )
    assert people(text, "es") == ["Leonor Baquedano Ruiz"]
    assert speakers(text, "es") == ["Leonor Baquedano Ruiz"]


def test_a_second_title_after_junto_al_is_another_person() -> None:
    text = (
        "Lo anunció el jefe de Gabinete, Ramiro Echenique, junto al secretario de Pesca, Aníbal Correa."
    )
    assert sorted(people(text, "es")) == ["Aníbal Correa", "Ramiro Echenique"]
