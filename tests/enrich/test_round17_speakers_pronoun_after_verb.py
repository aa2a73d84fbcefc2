"""Issue 15, round seventeen: a subject pronoun right after an inverted verb of saying ("„…“,
sagte sie der „Lausitzer Rundschau“", "— сказал он «Вечерней газете»", "kazala je ona za
Radio Tuzla") is the subject: a name after it is the medium or the person told, never the
speaker, who is the person the pronoun refers back to. One behaviour per test, on sentences
written for these tests."""

from __future__ import annotations

from quotekit import speakers


def test_a_german_newspaper_after_sagte_sie_is_no_speaker() -> None:
    text = (
        "Cottbus (dpa) - Die Bürgermeisterin Helga Brandtner-Wiese rief zur Ruhe auf. "
        "„Wir finden eine Lösung für alle“, sagte sie der „Lausitzer Rundschau“.\n"
    )
    assert speakers(text, "de", ["Helga Brandtner-Wiese"]) == ["Helga Brandtner-Wiese"]


def test_a_known_person_after_sagte_er_is_whom_he_spoke_of() -> None:
    text = (
        "Kiel (dpa) - Fraktionschef Ole Petersen-Kamp lobte den Minister Jens Harmsen.\n"
        "Ole Petersen-Kamp sprach von einem guten Tag. „Das war überfällig“, sagte er über Harmsen.\n"
    )
    assert speakers(text, "de", ["Ole Petersen-Kamp", "Jens Harmsen"]) == ["Ole Petersen-Kamp"]


def test_a_russian_newspaper_after_skazal_on_is_no_speaker() -> None:
    text = (
        "ОМСК, 3 мар - РИА Новости. Мэр города Игорь Селиванов-Ким поблагодарил коммунальщиков.\n"
        "«Трубы заменили за неделю», — сказал он «Вечерней газете».\n"
    )
    assert speakers(text, "ru", ["Игорь Селиванов-Ким"]) == ["Игорь Селиванов-Ким"]
