"""Issue 15, round seventeen: a body the attribution refers to by its kind noun alone ("the
ministry said in a statement", "señaló la compañía en un comunicado", "The company said")
when the sentence before does not name it is the body of that kind named last before the
quote, and for a business, whose name seldom says what it is, the one the story names most;
one behaviour per test, on sentences written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_the_ministry_in_a_paragraph_of_its_own_is_the_ministry_named_before() -> None:
    text = (
        "OSLO (Reuters) - Norway's Ministry of Fisheries said on Tuesday the quota talks would "
        "resume on Feb. 3 in Bergen.\n"
        "“We expect a fair share for our fleet this time,” the ministry said in a statement.\n"
    )
    body = "Ministry of Fisheries"
    assert speakers(text, "en", [], (body,)) == [body]


def test_the_company_before_the_quote_is_the_business_of_the_story() -> None:
    text = (
        "Brewer settles water dispute\n"
        "DENVER (AP) - Copperline Brewing agreed on Monday to pay for a new filter plant in "
        "Golden County.\n"
        "The company said in a statement that the deal “closes a long chapter for us.”\n"
        "A hearing is set before the Golden County Court on Jan. 9.\n"
    )
    assert speakers(text, "en", [], ("Copperline Brewing", "Golden County Court")) == ["Copperline Brewing"]


def test_la_compania_is_the_business_named_most_not_a_source_quoted_once() -> None:
    text = (
        "Aterriza de emergencia un avión de Airnova en Sevilla\n"
        "Sevilla, 3 dic (EFE).- Un avión de Airnova aterrizó de emergencia en Sevilla por un "
        "fallo en un motor, según fuentes de Aerpuertos Sur.\n"
        "«Nuestra prioridad es siempre la seguridad del pasaje», señaló la compañía en un "
        "comunicado.\n"
    )
    assert speakers(text, "es", [], ("Airnova", "Aerpuertos Sur")) == ["Airnova"]


def test_a_court_is_no_business() -> None:
    text = (
        "BOSTON (AP) - The Harbor District Court fined a shipping broker on Monday.\n"
        "The company said it would “study the ruling carefully.”\n"
    )
    assert speakers(text, "en", [], ("Harbor District Court",)) == [None]
