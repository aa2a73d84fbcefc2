"""Round seventeen, unnamed speakers: a subject that is an office of a body, brought in for the
first time with no name ("Der Direktor der Staatsgalerie sagte", "Mahkeme başkanı, kararı
açıklarken "…" dedi"), is an unnamed official (null), not the body nor the last person named;
an office named before refers back, a name after the office speaks, and a role with no body
("El entrenador bético destacó") refers back."""

from __future__ import annotations

from quotekit import speakers


def test_german_office_of_a_body() -> None:
    text = (
        "Die Kuratorin Almut Reichenbach-Ost hat die Schau eingerichtet.\n"
        "Der Direktor der Staatsgalerie sagte, die Ausstellung sei „ein Geschenk an die ganze Stadt“."
    )
    assert speakers(text, "de") == [None]


def test_turkish_court_president() -> None:
    text = (
        "Sanık Kemalettin Oğuzhanlı'ya 12 yıl hapis cezası verildi.\n"
        "Mahkeme başkanı, kararı açıklarken \"Hayatını kaybeden herkes için hesap sorulmuştur.\" dedi."
    )
    assert speakers(text, "tr") == [None]


def test_office_named_before_refers_back() -> None:
    text = (
        "Der Direktor der Staatsgalerie, Konrad Lützelberger, eröffnete die Schau.\n"
        "Der Direktor der Staatsgalerie sagte, die Ausstellung sei „ein Geschenk an die ganze Stadt“."
    )
    assert speakers(text, "de") == ["Konrad Lützelberger"]


def test_turkish_office_with_a_name() -> None:
    text = "Belediye Başkanı Nurettin Kalaycıoğlu, \"Yollar akşama kadar açılacak.\" dedi."
    assert speakers(text, "tr") == ["Nurettin Kalaycıoğlu"]


def test_role_without_a_body_refers_back() -> None:
    text = (
        "\"El equipo ha sabido sufrir\", dijo el técnico del club, Gonzalo Arriaga Pons.\n"
        "El entrenador bético destacó además que \"el vestuario está más unido que nunca\"."
    )
    assert speakers(text, "es") == ["Gonzalo Arriaga Pons", "Gonzalo Arriaga Pons"]
