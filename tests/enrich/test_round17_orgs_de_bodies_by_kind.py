"""Round seventeen, German organisations: a body every state has, named by its kind alone
("im Landtag", "der Bundesrechnungshof", "im Abgeordnetenhaus"), is an organisation; its
genitive gives the base form, a state's adjective before it and "von" and a state after it
are part of its name."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str) -> list[str]:
    return [o.name or "" for o in find_entities(text, "de").organisations]


def test_a_parliament_named_by_its_kind() -> None:
    text = "Die Grünen im Landtag lehnten den Entwurf am Mittwoch geschlossen ab."
    assert "Landtag" in _orgs(text)


def test_the_genitive_gives_the_base_form() -> None:
    text = "Der Innenausschuss des Landtags will am Montag darüber beraten."
    assert "Landtag" in _orgs(text)


def test_a_court_of_audit_and_a_city_parliament() -> None:
    text = (
        "Der Bundesrechnungshof rügte die Vergabe. Im Abgeordnetenhaus wurde darüber am Donnerstag "
        "lange gestritten."
    )
    orgs = _orgs(text)
    assert "Bundesrechnungshof" in orgs
    assert "Abgeordnetenhaus" in orgs


def test_a_state_adjective_before_and_a_state_after_belong_to_the_name() -> None:
    text = (
        "Am Freitag zogen die Bauern vor den Thüringischen Landtag. Auch im Landtag von "
        "Sachsen-Anhalt gab es Streit."
    )
    orgs = _orgs(text)
    assert "Thüringischer Landtag" in orgs
    assert "Landtag von Sachsen-Anhalt" in orgs
