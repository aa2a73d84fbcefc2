"""Issue 15, fifth round: people found in full where the fourth round found them short or
not at all (bench/data/enrich_dev5_people), and the speakers that depend on them; one
behaviour per test."""

from __future__ import annotations

from newswire.enrich.entities import find_entities
from newswire.enrich.entities.story import _Story
from newswire.enrich.quotes import find_quotes
from newswire.model import Quote


def people(text: str, lang: str) -> list[str]:
    return [p.name for p in find_entities(text, lang).people]


def test_spanish_first_surname_alone_is_the_three_word_name() -> None:
    text = (
        "La alcaldesa de Cádiz, Elena Ferreira Soto, presentó el plan.\n"
        '"Queremos playas limpias todo el año", dijo Ferreira a los periodistas.\n'
    )
    assert people(text, "es") == ["Elena Ferreira Soto"]
    assert find_quotes(text, "es") == [Quote("Queremos playas limpias todo el año", "Elena Ferreira Soto")]


def test_spanish_name_after_a_portfolio_with_commas_and_y() -> None:
    text = (
        "El plan lo anunció la ministra de Industria, Comercio Exterior y Turismo, "
        "Lucía Prieto Vaz, en Valladolid.\n"
    )
    assert people(text, "es") == ["Lucía Prieto Vaz"]


def test_croatian_double_surname_without_hyphen_when_the_story_repeats_it() -> None:
    text = (
        "Odluku je objavila ministrica turizma Ana Horvat Lukić.\n"
        '"Sezona je bila rekordna", rekla je Horvat Lukić.\n'
    )
    assert people(text, "hr") == ["Ana Horvat Lukić"]
    assert find_quotes(text, "hr") == [Quote("Sezona je bila rekordna", "Ana Horvat Lukić")]


def test_bosnian_employer_before_a_name_is_still_trimmed_when_the_pair_is_not_repeated() -> None:
    text = (
        "Sjednici je prisustvovao direktor Energoinvesta Dario Babić.\n"
        '"Ugovor je potpisan", kazao je Babić.\n'
    )
    assert people(text, "bs") == ["Dario Babić"]


def test_bosnian_name_first_seen_in_the_genitive_is_listed_in_the_nominative() -> None:
    text = (
        "Radovi su počeli, prema riječima direktora projekta Edina Mujića.\n"
        '"Završetak očekujemo za dvije godine", rekao je Mujić.\n'
    )
    assert people(text, "bs") == ["Edin Mujić"]
    assert find_quotes(text, "bs") == [Quote("Završetak očekujemo za dvije godine", "Edin Mujić")]


def test_arabic_title_runs_on_over_majlis_idara() -> None:
    text = 'وقال رئيس مجلس إدارة البنك سالم ناصر الهاجري إن "الأرباح ارتفعت 12 بالمئة".\n'
    assert people(text, "ar") == ["سالم ناصر الهاجري"]


def test_roles_that_are_not_titles_name_the_person_after_them() -> None:
    assert people('"Nikad nećemo zaboraviti", rekao je branitelj Ivica Barić.\n', "hr") == ["Ivica Barić"]
    assert people("Marcó el delantero Raúl Ibáñez Cano en el minuto 80.\n", "es") == ["Raúl Ibáñez Cano"]
    assert people("„Das trifft uns hart“, sagte Landwirt Tobias Gruber.\n", "de") == ["Tobias Gruber"]


def test_spanish_speaker_named_by_the_first_surname_after_another_persons_quote() -> None:
    text = (
        "Marcó el delantero Hugo Carrasco Díaz.\n"
        '"Estoy orgulloso del equipo", declaró el entrenador, Ignacio Prado Luna.\n'
        '"Ha sido una noche especial", dijo Carrasco.\n'
    )
    assert find_quotes(text, "es")[1] == Quote("Ha sido una noche especial", "Hugo Carrasco Díaz")


def test_arabic_name_after_a_department_and_its_body() -> None:
    text = 'وقالت مديرة إدارة التراخيص في البلدية هند سعيد الشامسي إن "الطلبات تضاعفت".\n'
    assert people(text, "ar") == ["هند سعيد الشامسي"]


def arabic_name_at(text: str, first: str) -> str:
    story = _Story(text, "ar")
    j = story.toks.words.index(first)
    return " ".join(story.toks.words[j:story.arabic_name(j)])


def test_arabic_name_runs_past_bin_to_the_family_name_where_it_is_read() -> None:
    # read in full by the name reader itself, not mended afterwards
    assert arabic_name_at("وقال المهندس خالد بن سعيد العمري إن المحطة جاهزة", "خالد") == "خالد بن سعيد العمري"


def test_arabic_name_runs_past_ali_as_written_but_not_past_the_preposition() -> None:
    assert arabic_name_at("وقالت مريم علي الظاهري إن الطلبات تضاعفت", "مريم") == "مريم علي الظاهري"
    assert arabic_name_at("وقالت مريم على هامش المؤتمر إن الطلبات تضاعفت", "مريم") == "مريم"
