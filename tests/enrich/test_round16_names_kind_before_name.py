"""Round sixteen, organisations: more kind nouns a company's or a body's name follows (French
"ONG", "coopérative"; Spanish "distribuidora", "promotora", "conservera", "ONG",
"cooperativa", "empresa"; Turkish "firma"), so the body found there can speak later."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def _orgs(text: str, lang: str) -> list[str]:
    return [e.name or "" for e in find_entities(text, lang).organisations]


def test_french_ngo_after_its_kind_noun() -> None:
    text = "L'ONG Terre Solidaire a estimé que les annonces restaient « très insuffisantes »."
    assert "Terre Solidaire" in _orgs(text, "fr")


def test_french_cooperative_after_its_kind_noun_speaks_later() -> None:
    text = (
        "Les éleveurs visent la coopérative Laitalpe, qui collecte le lait de la vallée. "
        "Contactée par l'AFP, Laitalpe a rappelé que « les prix suivent les marchés mondiaux »."
    )
    assert "Laitalpe" in _orgs(text, "fr")
    assert speakers(text, "fr") == ["Laitalpe"]


def test_spanish_distributor_after_its_kind_noun() -> None:
    text = 'La distribuidora Enerval atribuyó los cortes a "una avería en la subestación norte".'
    assert "Enerval" in _orgs(text, "es")


def test_turkish_firm_after_its_kind_noun() -> None:
    text = "Müteahhit firma Kuzeykent Yapı ise karara itiraz edeceğini bildirdi."
    assert "Kuzeykent Yapı" in _orgs(text, "tr")
