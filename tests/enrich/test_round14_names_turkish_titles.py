"""Issue 15, fourteenth round: Turkish titles the cue table lacked: "Üyesi" (a board's or council's
member: "Kurul Üyesi", "Meclis Üyesi"), "Yönetmen" (director, of a film) and "Müftü"/"Müftüsü" (a
province's mufti), so the full name after them is a person and the speaker, three given names and
all ("İl Müftüsü Ahmet Selim Karaca", not "Selim Karaca"). Invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from quotekit import speakers


def people(text: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, "tr").people]


def test_a_mufti_with_two_given_names() -> None:
    text = (
        "Konya İl Müftüsü Ahmet Selim Karaca da camilerde ikram yapılacağını belirterek, "
        "\"Geleneğimizi esnafımızla birlikte yaşatmaya devam edeceğiz\" dedi."
    )
    assert people(text) == ["Ahmet Selim Karaca"]
    assert speakers(text, "tr") == ["Ahmet Selim Karaca"]


def test_a_board_member_and_a_film_director() -> None:
    text = (
        "Kurul Üyesi Serdar Akgündüz, ihalenin şubatta yapılacağını söyledi. "
        "Yönetmen Deniz Karaosman ise filmin iki yıl sürdüğünü anlattı."
    )
    assert people(text) == ["Serdar Akgündüz", "Deniz Karaosman"]
