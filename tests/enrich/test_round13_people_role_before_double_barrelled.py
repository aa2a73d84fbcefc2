"""Issue 15, thirteenth round: when a given name and a hyphenated surname are found after a
capitalised word that is no given name (a role: "Gemeinderabbiner", "ÖGK-Obmann"), a longer
run found by a speech verb and ending in the same name carries that role and gives way to
the name; a run joined by a particle ("Fahad bin Nasser Al-Thani") is the whole name.
Invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def people(text: str, lang: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).people]


def test_the_role_before_the_name_is_left_out() -> None:
    text = "Es gab viele Straftaten.\nGemeinderabbiner Shmuel Rosenzweig-Hadad erklärte, es würden Kerzen brennen."
    assert people(text, "de") == ["Shmuel Rosenzweig-Hadad"]


def test_a_compound_role_after_a_speech_verb_is_left_out() -> None:
    text = "„Wir holen Ärzte zurück“, sagte ÖGK-Obmann Bernhard Wurzinger-Pichl am Freitag."
    assert people(text, "de") == ["Bernhard Wurzinger-Pichl"]


def test_a_name_joined_by_a_particle_stays_whole() -> None:
    text = '"This is the first time," said Sheikh Fahad bin Nasser Al-Thani, the minister.'
    assert "Fahad bin Nasser Al-Thani" in people(text, "en")
