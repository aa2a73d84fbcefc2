"""Issue 15, fourteenth round: a capitalised preposition opening the sentence is no given name:
a one-word party it governs is then no name and the name after it is the speaker ("Desde Junts,
X Y Z ha justificado …"), and so is the person it governs ("Para X Y, economista de …"); short
prepositions are left, they can be a surname's particle. Invented sentences."""

from __future__ import annotations

from quotekit import speakers


def test_a_party_after_desde_is_no_speaker() -> None:
    text = (
        "Desde Compromís, Vicent Borrull Ferrer ha defendido la abstención de su grupo y ha admitido "
        "que \"el texto mejora lo que había, pero se queda corto\"."
    )
    assert speakers(text, "es", people=[]) == ["Vicent Borrull Ferrer"]




def test_a_person_after_para_is_the_speaker() -> None:
    text = (
        "Para Rosaura Téllez, economista de una consultora local, el dato confirma la desaceleración. "
        "\"Las familias ya no gastan como hace un año\", ha añadido."
    )
    assert speakers(text, "es", people=[]) == ["Rosaura Téllez"]
