"""Issue 15, fourteenth round: after a title, "de" and an employer the organisation finder knows
("el dirigente de la Cámara Boliviana de Transporte …"), the capitalised words after the employer
are the person's name: the title's search goes on past the organisation instead of stopping at
its first words. Invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def test_a_leader_of_a_chamber_then_his_name() -> None:
    text = (
        "\"No vamos a levantar el paro hasta que nos paguen lo que nos deben\", dijo a EFE el dirigente "
        "de la Cámara Paceña de Transporte Pesado Wilfredo Mamani Quispe frente a la gobernación."
    )
    names = [p.name for p in find_entities(text, "es").people]
    assert names == ["Wilfredo Mamani Quispe"]
    assert speakers(text, "es") == ["Wilfredo Mamani Quispe"]
