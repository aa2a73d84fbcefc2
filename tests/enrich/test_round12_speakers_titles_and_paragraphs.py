"""Issue 15, round twelve: where a quotation starts and stops - a French quotation that runs
over paragraphs reopens with » (ANNOTATION, multi-paragraph quotes), marks right after the
kind of a work hold its title, a sentence that ends right after the closing mark takes no
attribution from the next one - and a subject's name read to its end; one behaviour per
test, on sentences written for these tests."""

from __future__ import annotations

from newswire.enrich.quotes import find_quotes


def quotes(text: str, lang: str, people: list[str] | None = None) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in find_quotes(text, lang, people=people)]


def test_a_french_quotation_reopened_with_a_closing_guillemet_is_one_quote() -> None:
    text = (
        "BRUXELLES (AFP) - Le film a obtenu onze nominations.\n"
        "« Ce film, on l'a porté à bout de bras pendant six ans.\n"
        "» Et c'est aussi un message aux chaînes », a réagi Salomé Vander-Cammen.\n"
    )
    assert quotes(text, "fr", ["Salomé Vander-Cammen"]) == [
        ("Ce film, on l'a porté à bout de bras pendant six ans. Et c'est aussi un message aux chaînes",
         "Salomé Vander-Cammen")
    ]


def test_marks_after_the_kind_of_a_work_hold_its_title() -> None:
    text = (
        "Ciudad de México, 4 dic (EFE).- La escritora Irma Pineda Toledo ganó el premio por su "
        'novela "La casa de las nueve lluvias", anunció este viernes la Secretaría de Cultura.\n'
    )
    assert quotes(text, "es", ["Irma Pineda Toledo"]) == []


def test_a_sentence_ending_at_the_closing_mark_takes_no_later_attribution() -> None:
    text = (
        "BRUXELLES (AFP) - Les nominations ont été annoncées vendredi.\n"
        "L'actrice Mireille Gossiaux décroche sa première nomination pour son rôle dans "
        '"Le Dernier Tram du soir". Le comédien Joris Van Dessel est nommé, a souligné l\'Académie.\n'
    )
    assert quotes(text, "fr", ["Mireille Gossiaux", "Joris Van Dessel"]) == []


def test_a_subject_name_that_starts_among_the_first_words_is_read_to_its_end() -> None:
    text = (
        "Valencia, 4 dic (EFE).- Dos personas han muerto por las lluvias.\n"
        "La consellera de Emergencias e Interior, Marta Ribelles Climent, ha pedido calma. "
        '"Estamos ante un episodio muy grave", ha dicho en rueda de prensa.\n'
    )
    assert quotes(text, "es", []) == [("Estamos ante un episodio muy grave", "Marta Ribelles Climent")]
