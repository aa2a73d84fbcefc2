"""Round eighteen, a kind noun that refers back to a body the organisation finder did not
know: when the sentence before opens with the body named in full with its acronym ("Der
Thüringer Imkerbund (TIB) zeigte sich zufrieden. … „…“, teilte der Verband mit", "La
Comisión Estatal del Agua (CEA) informó … La dependencia señaló que "…""), that body speaks."""

from __future__ import annotations

from newswire.enrich.quotes import find_quotes


def _speakers(text: str, lang: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(text, lang, people=[], organisations=[])]


def test_german_teilte_der_verband_mit() -> None:
    text = (
        "Der Thüringer Imkerbund (TIB) zeigte sich mit der Ernte zufrieden. "
        "Die Saison sei „das beste Jahr seit langem“, teilte der Verband mit.\n"
    )
    assert _speakers(text, "de") == ["Thüringer Imkerbund"]


def test_spanish_la_dependencia_senalo() -> None:
    text = (
        "La Comisión Estatal del Agua (CEA) informó que las presas están al 30 %. "
        "La dependencia federal señaló en un comunicado que \"las lluvias fueron muy inferiores al promedio\".\n"
    )
    assert _speakers(text, "es") == ["Comisión Estatal del Agua"]
