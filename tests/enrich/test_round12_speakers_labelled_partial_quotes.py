"""Issue 15, round twelve: partial quotes after a verb that labels what is quoted (ANNOTATION 6:
"nannte den Streik „völlig unverhältnismäßig …“") - nannte, bezeichnete als, sprach von, a
qualifié de, ocijenilo je, назвал - are quotes of their subject; a Turkish "ifadesi
kullanıldı" is passive; and the subject's name is read whole: a surname alone takes the first
name the story gave it, a Russian name keeps its patronymic, a title with its employer's
first word is no name; one behaviour per test, on sentences written for these tests."""

from __future__ import annotations

from newswire.enrich.entities import Entity
from newswire.enrich.quotes import find_quotes


def quotes(text: str, lang: str, people: list[str], orgs: tuple[str, ...] = ()) -> list[tuple[str, str | None]]:
    found = find_quotes(text, lang, people=people, organisations=[Entity("organisation", o) for o in orgs])
    return [(q.text, q.speaker) for q in found]


def test_nannte_labels_a_partial_quote_of_its_subject() -> None:
    text = (
        "Berlin (dpa) - Die Länder fordern mehr Geld für das Wohngeld.\n"
        "Mieterbund-Präsident Karl-Heinz Obermüller nannte die Lage „schlicht unzumutbar für die Betroffenen“.\n"
    )
    assert quotes(text, "de", ["Karl-Heinz Obermüller"]) == [
        ("schlicht unzumutbar für die Betroffenen", "Karl-Heinz Obermüller")
    ]


def test_sprach_von_labels_a_partial_quote() -> None:
    text = (
        "Hamburg (dpa-AFX) - Die Reederei senkt ihre Prognose.\n"
        "Analyst Tobias Grünwald-Lenz sprach von einer „ernüchternden, aber nicht überraschenden“ Korrektur.\n"
    )
    assert quotes(text, "de", ["Tobias Grünwald-Lenz"]) == [
        ("ernüchternden, aber nicht überraschenden", "Tobias Grünwald-Lenz")
    ]


def test_a_qualifie_de_labels_a_partial_quote() -> None:
    text = (
        "GENÈVE (ATS) - Une nouvelle particule a été observée.\n"
        "Le chercheur Lukas Imboden a qualifié le résultat de « jalon pour toute la physique ».\n"
    )
    assert quotes(text, "fr", ["Lukas Imboden"]) == [("jalon pour toute la physique", "Lukas Imboden")]


def test_a_body_that_ocijenilo_a_step_is_its_speaker() -> None:
    text = (
        "ZAGREB, 4. prosinca (Hina) - Uvodi se nova linija.\n"
        'Ministarstvo mora i prometa ocijenilo je uvođenje linije "važnim korakom prema modernizaciji pruge".\n'
    )
    assert quotes(text, "hr", [], ("Ministarstvo mora i prometa",)) == [
        ("važnim korakom prema modernizaciji pruge", "Ministarstvo mora i prometa")
    ]


def test_a_turkish_expression_used_in_a_statement_is_the_body_s() -> None:
    text = (
        "ANKARA (AA) - Enflasyon kasımda geriledi.\n"
        'Hazine ve Maliye Bakanlığından yapılan açıklamada ise "Fiyat istikrarı için sıkı maliye '
        'politikası sürdürülecek" ifadesi kullanıldı.\n'
    )
    assert quotes(text, "tr", [], ("Hazine ve Maliye Bakanlığı",)) == [
        ("Fiyat istikrarı için sıkı maliye politikası sürdürülecek", "Hazine ve Maliye Bakanlığı")
    ]


def test_a_surname_alone_before_the_verb_takes_the_first_name_given() -> None:
    text = (
        "Wien (APA) - Am Pult der Philharmoniker steht Lukas Brandstätter.\n"
        "Brandstätter bezeichnete die Partitur als »eine der größten Herausforderungen für jedes Orchester«.\n"
    )
    assert quotes(text, "de", []) == [
        ("eine der größten Herausforderungen für jedes Orchester", "Lukas Brandstätter")
    ]


def test_a_russian_name_keeps_its_patronymic() -> None:
    text = (
        "НОВОСИБИРСК, 4 декабря. /ИНТЕРФАКС/ - Мэрия подала иск к подрядчику.\n"
        'Генеральный директор "Сибстроя" Сергей Николаевич Брагин назвал иск "попыткой переложить '
        'на подрядчика собственные ошибки".\n'
    )
    assert quotes(text, "ru", []) == [
        ("попыткой переложить на подрядчика собственные ошибки", "Сергей Николаевич Брагин")
    ]


def test_a_title_and_its_employer_s_first_word_are_no_name() -> None:
    text = (
        "ИРКУТСК, 4 декабря. /ИНТЕРФАКС/ - Автобус опрокинулся на трассе.\n"
        "Глава Заларинского района Виктор Черемных назвал аварию «страшной трагедией для всего района».\n"
    )
    assert quotes(text, "ru", []) == [("страшной трагедией для всего района", "Виктор Черемных")]
