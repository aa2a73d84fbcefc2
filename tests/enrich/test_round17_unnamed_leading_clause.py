"""Round seventeen, unnamed speakers: an indefinite subject past whatever clause opens the
sentence - an adverbial of any length, a participle, a lone given name - is an unnamed
speaker ("Outside a bakery, one customer said she …", "Venu de Lyon pour un examen, un
retraité …", "En Quito, un taxista consultado por EFE fue tajante: “…”"), and so is a
subject the story keeps anonymous in any wording ("who declined to give his name", "qui
n'a pas souhaité donner son nom", "koji je želio ostati anoniman"); the pronoun's quote
after it is null. A name before the comma keeps its apposition ("Pilar Soto Vera, una
maestra …": hers)."""

from __future__ import annotations

from quotekit import speakers


def test_english_adverbial_then_one_customer() -> None:
    text = (
        "Council leader Bernard Ashcombe-Lyle defended the closure.\n"
        "Outside a bakery on the high street, one customer said she would shop elsewhere. "
        "\"It is a long walk when you are eighty,\" she said."
    )
    assert speakers(text, "en") == [None]


def test_english_long_adverbial_and_a_withheld_name() -> None:
    text = (
        "Economist Thea Vandermolen said turnout would be low.\n"
        "At a polling station near the old docks on the North Side, a nurse who declined to give "
        "his name said he had come straight from a night shift. \"I just want the buses to run "
        "on time,\" he said."
    )
    assert speakers(text, "en") == [None]


def test_french_participle_then_un_retraite() -> None:
    text = (
        "« Nous faisons le maximum », explique la directrice, Odile Parmentier-Roux.\n"
        "Venu de Vannes pour un examen, un retraité est reparti sans rendez-vous. « On m'a dit "
        "de rappeler lundi », raconte-t-il."
    )
    assert speakers(text, "fr") == ["Odile Parmentier-Roux", None]


def test_spanish_adverbial_colon() -> None:
    text = (
        "El gobernador Ramiro Ezcurra Pando prometió más patrullas.\n"
        "En Quito, un taxista consultado por EFE fue tajante: \"Aquí nadie cree en promesas "
        "hasta que ve los resultados\"."
    )
    assert speakers(text, "es") == [None]


def test_bosnian_anonymous_diplomat() -> None:
    text = (
        "Ministar Zoran Kelečević rekao je da su pregovori bili teški.\n"
        "Diplomata jedne zemlje članice, koji je želio ostati anoniman, kazao je za AA da "
        "atmosfera nije bila dobra. \"Bilo je trenutaka kada smo htjeli otići\", rekao je."
    )
    assert speakers(text, "bs") == [None]


def test_a_name_before_the_comma_keeps_its_apposition() -> None:
    text = (
        "El alcalde Tomás Iriarte Sol inauguró la pista.\n"
        "Entre los primeros en patinar estaba Pilar Soto Vera, una maestra jubilada de 70 años. "
        "\"Esto no me lo pierdo ningún año\", ha dicho."
    )
    # the name is none the people finder knows: the quote is not given to nobody
    assert speakers(text, "es", people=["Tomás Iriarte Sol"]) != [None]


def test_named_person_with_apposition_still_speaks() -> None:
    text = (
        "Gareth Holloway-Price, a teacher from Leeds, said he had voted for the first time. "
        "\"It felt like it mattered this year,\" he said."
    )
    assert speakers(text, "en") == ["Gareth Holloway-Price"]
