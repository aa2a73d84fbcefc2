"""Round sixteen, names: role nouns Turkish and Russian copy writes before a name, from the
closed class of each language's titles - Turkish "oyuncu(su)", "sanatçısı", "öğrencisi",
"öğretmen(i)", "adayı", "tenisçi", "şef"; Russian "писатель(ница)", "поэт(есса)",
"композитор", "художник/художница". "Kaptan" stays out: it is a Turkish surname too."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _people(text: str, lang: str) -> list[str]:
    return [e.name or "" for e in find_entities(text, lang).people]


def test_turkish_player_role_before_a_name() -> None:
    text = "Takımın Sırp oyuncusu Dragan Mitrović maçın ilk yarısında sakatlandı."
    assert _people(text, "tr") == ["Dragan Mitrović"]


def test_turkish_artist_role_before_a_name() -> None:
    text = "Ödülü Rizeli tulum sanatçısı Hakan Yaylacı aldı."
    assert _people(text, "tr") == ["Hakan Yaylacı"]


def test_turkish_conductor_and_his_surname_alone() -> None:
    text = "Orkestrayı şef Tarkan Öztürkmen yönetecek. Şef Öztürkmen, provaların sürdüğünü söyledi."
    assert _people(text, "tr") == ["Tarkan Öztürkmen"]


def test_turkish_surname_kaptan_is_kept() -> None:
    text = "Ekonomist Selin Aydoğdu Kaptan, piyasaların sakin olduğunu söyledi."
    assert "Selin Aydoğdu Kaptan" in _people(text, "tr")


def test_russian_writer_before_a_name() -> None:
    text = "Главную премию получила писательница Алевтина Крутикова за роман о северной деревне."
    assert _people(text, "ru") == ["Алевтина Крутикова"]
