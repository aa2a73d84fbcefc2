"""Round sixteen, names: in Bosnian/Croatian, a head that can carry a namesake ("Zavod",
"Institut", "Klinika") written right after a title is the title's employer in the genitive
("direktorica Zavoda X Y"): the name after it is the person, not part of a body's name."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _found(text: str) -> tuple[list[str], list[str]]:
    e = find_entities(text, "bs")
    return [p.name or "" for p in e.people], [o.name or "" for o in e.organisations]


def test_director_of_the_institute_is_a_person() -> None:
    people, orgs = _found("Situacija je stabilna - rekla je direktorica Zavoda Lejla Softić-Mujić.")
    assert people == ["Lejla Softić-Mujić"]
    assert not any("Lejla" in o for o in orgs)


def test_capitalised_role_before_the_institute() -> None:
    people, _orgs = _found("Epidemiolog Zavoda Tarik Begović kazao je da broj oboljelih raste.")
    assert people == ["Tarik Begović"]


def test_institute_named_after_a_person_keeps_the_name() -> None:
    _people, orgs = _found("Institut Mihajlo Pupin objavio je nove rezultate.")
    assert orgs == ["Institut Mihajlo Pupin"]
