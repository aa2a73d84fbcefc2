"""Round seventeen, unnamed speakers after the verb: the indefinite article may stand as far
as the reach allows with its noun one word further ("relató a Radio Costa-Norte una vecina");
a name after the article's noun is whose or where the speaker is ("kazala je za FENA-u jedna
stanovnica Donjeg Vakufa", "said a spokesman for X"), not the speaker, unless a comma sets it
off; a name before the article, or right after a bare noun, is the speaker."""

from __future__ import annotations

from quotekit import speakers


def test_spanish_article_at_the_end_of_the_reach() -> None:
    text = (
        "La alcaldesa, Marta Echeverría Lagos, anunció albergues.\n"
        "\"Vimos el agua subir en minutos\", relató a Radio Costa-Norte una vecina del barrio alto."
    )
    assert speakers(text, "es") == [None]


def test_bosnian_place_after_the_unnamed_noun() -> None:
    text = (
        "Direktor preduzeća Senad Hadžiomerović kazao je da se radi na kvaru.\n"
        "\"Vodu nosimo u kantama već treći dan\", kazala je za FENA-u jedna stanovnica "
        "Donjeg Vakufa."
    )
    assert speakers(text, "bs", people=["Senad Hadžiomerović", "Donjeg Vakufa"]) == [None]


def test_a_name_set_off_after_the_article_speaks() -> None:
    text = "\"We had no warning at all,\" said one resident, Corinne Maddox, who lives by the river."
    assert speakers(text, "en") == ["Corinne Maddox"]


def test_a_name_before_the_article_speaks() -> None:
    text = "\"Demand will recover by spring,\" said Oswin Tregarthen, an analyst at a Zurich bank."
    assert speakers(text, "en") == ["Oswin Tregarthen"]


def test_a_name_after_a_bare_noun_speaks() -> None:
    text = "- Čuli smo prasak i sve se zatreslo - rekao je putnik Krešimir Vuletić-Bašić iz Trogira."
    assert speakers(text, "hr") == ["Krešimir Vuletić-Bašić"]
