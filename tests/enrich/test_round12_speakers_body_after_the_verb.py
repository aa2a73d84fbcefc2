"""Issue 15, round twelve: an inverted attribution whose subject is a body ("« … », a réagi la
Ligue de football professionnel (LFP) dans un communiqué", "« … », a indiqué RTE") is that
organisation's, not the person named last; one behaviour per test, on sentences written for
these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_body_after_the_verb_and_its_article_is_the_speaker() -> None:
    text = (
        "PARIS (AFP) - Le capitaine Yanis Berthaud a dit soutenir le mouvement.\n"
        "« Une grève pénaliserait d'abord les clubs les plus fragiles », a réagi la Ligue de football "
        "professionnel (LFP) dans un communiqué.\n"
    )
    league = "Ligue de football professionnel"
    assert speakers(text, "fr", ["Yanis Berthaud"], (league,)) == [league]


def test_a_body_named_by_its_acronym_after_the_verb_is_the_speaker() -> None:
    text = (
        "PARIS (AFP) - Le directeur Hugues Delapierre a annoncé le report.\n"
        "« Sans ce réacteur, les marges restent suffisantes », a indiqué RTE dans un communiqué.\n"
    )
    assert speakers(text, "fr", ["Hugues Delapierre"], ("RTE",)) == ["RTE"]
