"""Issue 15, eighth round: quote speakers in Bosnian/Croatian and German agency copy, on
sentences written for these tests."""

from __future__ import annotations

from newswire.enrich.quotes import find_quotes

HINA = (
    "Cijene goriva ponovno rastu\n"
    "ZAGREB, 3. ožujka (Hina) - Vlada je u četvrtak odlučila ograničiti cijene goriva.\n"
    "Ministar gospodarstva Ante Perković-Jurić obrazložio je odluku na sjednici Vlade.\n"
    "- Cijene nafte na svjetskom tržištu rastu već treći mjesec zaredom - rekao je Perković-Jurić.\n"
    "- Ova mjera - kako su nam rekli prijevoznici - spašava stotine radnih mjesta - istaknuo je ministar.\n"
)


def test_hyphen_speech_closed_by_a_verb_of_saying_without_a_comma() -> None:
    quotes = find_quotes(HINA, "hr")
    assert [q.text for q in quotes][:1] == ["Cijene nafte na svjetskom tržištu rastu već treći mjesec zaredom"]
    assert quotes[0].speaker == "Ante Perković-Jurić"


def test_an_aside_between_hyphens_does_not_close_the_speech() -> None:
    quotes = find_quotes(HINA, "hr")
    assert len(quotes) == 2
    assert quotes[1].text.startswith("Ova mjera - kako su nam rekli prijevoznici - spašava")


def test_a_german_compound_title_before_a_name_is_no_part_of_it() -> None:
    text = ("Der Klimaforscher Jonas Feldmann-Ruf warnt vor Hitzewellen.\n"
            "„Das wird teuer“, sagte Generalvikar Thomas Brückner-Hahn am Freitag.\n")
    assert [q.speaker for q in find_quotes(text, "de")] == ["Thomas Brückner-Hahn"]
    from newswire.enrich.entities import find_entities

    assert [p.name for p in find_entities(text, "de").people] == ["Jonas Feldmann-Ruf", "Thomas Brückner-Hahn"]


def test_a_passive_attribution_names_the_body_its_noun_stands_for() -> None:
    text = (
        "Kiša ponovno pada\n"
        "Nakon nevremena priopćila je u subotu Policijska uprava zadarska da su ceste prohodne.\n"
        "\"Molimo vozače da budu oprezni\", navodi se u priopćenju policije.\n"
        "Iz Ministarstva za obnovu i razvoj Kantona Sarajevo poručili su da šteta nije velika.\n"
        "\"Pomoć će stići do petka\", stoji u saopćenju Ministarstva.\n"
    )
    assert [q.speaker for q in find_quotes(text, "hr")] == [
        "Policijska uprava zadarska", "Ministarstvo za obnovu i razvoj Kantona Sarajevo"
    ]


def test_the_wire_agency_or_a_medium_in_the_dative_is_whom_the_speaker_told() -> None:
    from newswire.enrich.quotes import extract_quotes
    from newswire.model import Concept, Item, Text

    body = ("Das Landesgericht Linz verurteilte den Mann zu zwei Jahren Haft.\n"
            "Eine Anlegerin aus Wels sagte der APA nach dem Prozess: „Ich bekomme nichts zurück.“\n"
            "Ein Anleger aus Steyr sagte dem ORF: „Das war eine teure Lektion.“\n")
    item = Item(uri="urn:r8:1", language="de", bodies=(Text(body),),
                info_sources=(Concept(name="APA", rel="source"),))
    assert [q.speaker for q in extract_quotes(item).quotes] == [None, None]


def test_hyphen_speech_opening_after_a_sentence_of_the_paragraph() -> None:
    text = ("Trener domaćih Edin Mušić-Karić ocijenio je da je remi pravedan. - Gosti su bili bolji "
            "u prvom poluvremenu, mi u drugom - kazao je Mušić-Karić.\n"
            "Utakmica je odgođena. - Ovo nije dobro, da se razumijemo - ali tako je.\n")
    quotes = find_quotes(text, "bs")
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Gosti su bili bolji u prvom poluvremenu, mi u drugom", "Edin Mušić-Karić")
    ]
