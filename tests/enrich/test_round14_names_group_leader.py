"""Issue 15, fourteenth round: "chef de groupe" and "cheffe de groupe" (a parliamentary group's
leader) are titles, so the name after them is a person, not an organisation named after the
noun "groupe" ("le groupe Renault"); and a given name before a surname's particle ("Yasmina El
X-Y") is not taken for an employer's name before the person. Invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def test_a_group_leader_with_a_particle_surname() -> None:
    text = (
        "Au Parlement, la cheffe de groupe Samira El Kaddouri-Lenoir a jugé le budget « injuste pour "
        "les communes les plus pauvres ». Plus tard, El Kaddouri-Lenoir a quitté la séance."
    )
    entities = find_entities(text, "fr")
    assert [p.name for p in entities.people] == ["Samira El Kaddouri-Lenoir"]
    assert not any("Kaddouri" in (o.name or "") for o in entities.organisations)
    assert speakers(text, "fr") == ["Samira El Kaddouri-Lenoir"]


def test_a_group_leader_without_a_particle() -> None:
    text = "« Nous voterons contre », a déclaré le chef de groupe Bastien Morvillier à la tribune."
    assert [p.name for p in find_entities(text, "fr").people] == ["Bastien Morvillier"]
