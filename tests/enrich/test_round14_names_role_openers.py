"""Issue 15, fourteenth round: a word that opens a capitalised run before a full name without
being part of it is left off the person and the speaker: a footballer's role after a dateline
("Substitute"), a German member's or deputy's noun ("Vorstandsmitglied", "Abgeordnete") or an
army rank ("Oberst"), the French abbreviated titles "Pr" and "Dre", Turkish "Vekili" after
"Başkan", "Yapımcı" (producer) and a group in the ablative plural ("Yolculardan", one of the
passengers). Invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def people(text: str, lang: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).people]


def test_a_role_after_the_dateline_is_no_given_name() -> None:
    text = (
        "NORWICH, England (AP) — Substitute Dario Quennell-Marsh scored late to beat Hull.\n"
        "\"I had waited all season for this,\" Quennell-Marsh said."
    )
    assert people(text, "en") == ["Dario Quennell-Marsh"]
    assert speakers(text, "en") == ["Dario Quennell-Marsh"]


def test_a_role_before_a_name_found_by_its_surname() -> None:
    text = (
        "HULL, England (AP) — Substitute Baltasar Ondruje scored twice as Hull beat Leeds.\n"
        "\"The coach told me to be ready,\" Ondruje told reporters."
    )
    assert speakers(text, "en") == ["Baltasar Ondruje"]


def test_a_german_member_deputy_and_rank() -> None:
    text = (
        "„Das reicht nicht“, sagte Vorstandsmitglied Jutta Kallenbrink. Der Grünen-Abgeordnete "
        "Abgeordnete Malte Wiesendorf widersprach. „Wir fliegen weiter“, sagte Oberst Rainer Trautzl-Hof."
    )
    found = people(text, "de")
    assert "Jutta Kallenbrink" in found and "Rainer Trautzl-Hof" in found
    assert not any(name.startswith(("Vorstandsmitglied", "Oberst", "Abgeordnete")) for name in found)


def test_french_abbreviated_titles() -> None:
    text = (
        "« Les lits manquent », a déclaré le Pr Gaspard Lemoussu-Vial. La Dre Odile Ferrandin-Roux "
        "a ajouté que « la semaine sera longue »."
    )
    assert speakers(text, "fr") == ["Gaspard Lemoussu-Vial", "Odile Ferrandin-Roux"]


def test_turkish_deputy_producer_and_one_of_a_group() -> None:
    text = (
        "Kulüp Başkan Vekili Nurettin Akyollu, \"Sezonu iyi kapatacağız ve gençlere şans vereceğiz\" dedi.\n"
        "Yolculardan Sevgül Karadağlı, \"Çok korktuk ama kabin ekibi herkesi hemen sakinleştirdi\" diye konuştu.\n"
        "Yapımcı Orhan Demirsoy, \"Film iki yıl sürdü ve her gün yeni bir sorunla uğraştık\" dedi."
    )
    assert speakers(text, "tr") == ["Nurettin Akyollu", "Sevgül Karadağlı", "Orhan Demirsoy"]
