"""Round eighteen, wrong speakers: a role noun written before a name is no part of it.
German agent nouns of eight letters or more ("-er", "-mann", "-orin": "Bergläufer",
"Steuermann", "Autorin") open a run of three words before a given name; Russian role nouns
and demonyms ("Шахматист", "Бразилец", "Гроссмейстер") open a sentence before a name; a
brand's last word in another script ("NMT Group Анна X") ends before a Cyrillic name. Given
names with such endings ("Alexander", "Виктор", "Hermann") and double surnames
("Oberhauser-Lenz") stay names."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from newswire.enrich.quotes import find_quotes


def _people(text: str, lang: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).people]


def test_german_agent_noun_before_a_name() -> None:
    text = (
        "Bergläufer gewinnt in Zermatt\n"
        "Zermatt (dpa) - Bergläufer Tobias Reinwald hat den Marathon am Matterhorn gewonnen.\n"
        "„Die letzten zwei Kilometer waren die Hölle“, sagte Bergläufer Tobias Reinwald im Ziel."
    )
    people = _people(text, "de")
    assert "Tobias Reinwald" in people
    assert not any(p.startswith("Bergläufer") for p in people)


def test_german_woman_agent_noun_and_mann() -> None:
    text = (
        "Preis vergeben\n"
        "Köln (dpa) - „Ein mutiges Buch“, sagte Autorin Henrike Salwender bei der Verleihung.\n"
        "„Wir waren schneller als gedacht“, sagte Steuermann Lukas Brandvogt."
    )
    people = _people(text, "de")
    assert "Henrike Salwender" in people
    assert "Lukas Brandvogt" in people


def test_german_given_names_and_double_surnames_stay() -> None:
    text = (
        "Neue Spitze\n"
        "Bonn (dpa) - „Wir fangen sofort an“, sagte Alexander Wiegand Olsberg am Montag.\n"
        "„Das wird dauern“, sagte Katrin Oberhauser-Lenz vom Verband."
    )
    people = _people(text, "de")
    assert "Katrin Oberhauser-Lenz" in people
    assert "Alexander Wiegand Olsberg" in people


def test_russian_role_noun_opens_the_sentence() -> None:
    text = (
        "Шахматист Белозеров выиграл турнир в Казани\n"
        "КАЗАНЬ, 3 дек - РИА Новости. Шахматист Глеб Белозеров выиграл открытый турнир.\n"
        "- Это лучшая партия в моей жизни, - сказал Белозеров журналистам."
    )
    people = _people(text, "ru")
    assert "Глеб Белозеров" in people
    assert "Шахматист Глеб Белозеров" not in people
    quotes = find_quotes(text, "ru")
    assert [q.speaker for q in quotes] == ["Глеб Белозеров"]


def test_russian_three_word_names_stay_whole() -> None:
    text = (
        "МОСКВА, 3 дек - РИА Новости. Бразилец Жоау Перейра Гомес подписал контракт с клубом.\n"
        "- Я счастлив, - сказал Жоау Перейра Гомес."
    )
    people = _people(text, "ru")
    assert "Жоау Перейра Гомес" in people


def test_brand_in_another_script_ends_before_the_name() -> None:
    text = (
        "МОСКВА, 3 дек - Интерфакс. Продажи выросли, - отметил аналитик NMT Group Анна Крылова.\n"
        "- Мы довольны годом, - сказала Крылова."
    )
    people = _people(text, "ru")
    assert "Анна Крылова" in people
    assert not any("Group" in p for p in people)
