"""Issue 15, seventh round: organisations - national parties and index companies from the
curated vocabulary (Russian ones in their cases), and German compounds that name no
organisation; one behaviour per test, on invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def orgs(text: str, lang: str) -> list[str]:
    return [o.name for o in find_entities(text, lang).organisations]


def test_national_parties_are_organisations() -> None:
    text = "Le texte a été rejeté par La France insoumise et voté par Les Républicains.\n"
    assert orgs(text, "fr") == ["La France insoumise", "Les Républicains"]
    text = "CHP ve MHP milletvekilleri teklife itiraz etti.\n"
    assert orgs(text, "tr") == ["CHP", "MHP"]  # named only by their acronyms: listed so


def test_index_companies_are_organisations() -> None:
    text = "Inditex y Repsol lideraron las subidas, mientras Grifols cedió un 2 %.\n"
    assert orgs(text, "es") == ["Inditex", "Repsol", "Grifols"]


def test_russian_company_in_an_oblique_case_is_listed_in_the_nominative() -> None:
    text = "Акции Северстали и Роснефти подешевели на 2%.\n"
    assert orgs(text, "ru") == ["Северсталь", "Роснефть"]


def test_german_compound_is_no_mention_unless_glued_to_a_title() -> None:
    assert orgs("Die SPD-Fraktion stimmte dagegen.\n", "de") == []
    text = "„Die Lage ist ernst“, sagte Rheinmetall-Sprecher Jonas Albrecht.\n"
    assert orgs(text, "de") == ["Rheinmetall"]


def test_french_name_keeps_its_lower_case_adjective_after_a_noun() -> None:
    text = "Selon la Direction générale de la sécurité civile, trois maisons ont été détruites.\n"
    assert orgs(text, "fr") == ["Direction générale de la sécurité civile"]


def test_russian_court_keeps_its_region_noun() -> None:
    text = "Арбитражный суд Томской области отклонил иск подрядчика.\n"
    assert orgs(text, "ru") == ["Арбитражный суд Томской области"]


def test_arabic_name_ends_at_its_relative_adjective_and_before_a_second_body() -> None:
    text = "وارتفع سهم بنك لبنان الوطني وشركة ألفا في التعاملات.\n"
    assert "بنك لبنان الوطني" in orgs(text, "ar")
    text = "وشاركت في الحملة وزارة الصحة والقوات المسلحة اللبنانية.\n"
    assert "وزارة الصحة" in orgs(text, "ar")


def test_arabic_name_keeps_an_adjective_or_a_complement_after_the_relative_one() -> None:
    assert orgs("وافتتح المتحف الوطني الكبير أبوابه أمس.\n", "ar") == ["المتحف الوطني الكبير"]


def test_english_of_complement_runs_over_a_title_word() -> None:
    text = "The Office of the Special Prosecutor said it would appeal.\n"
    assert orgs(text, "en") == ["Office of the Special Prosecutor"]


def test_bosnian_name_stops_at_o_and_before_a_second_body() -> None:
    text = "Predstavnički dom o njemu raspravlja u utorak.\n"
    assert orgs(text, "bs") == ["Predstavnički dom"]
    text = "Projekt financiraju Ministarstvo kulture i Vlada Kantona Sarajevo.\n"
    assert orgs(text, "bs") == ["Ministarstvo kulture", "Vlada Kantona Sarajevo"]


def test_russian_regional_directorate_in_an_oblique_case_and_after_a_press_service() -> None:
    text = "Об этом сообщили в Главном управлении МЧС России по Омской области.\n"
    assert orgs(text, "ru") == ["Главное управление МЧС России по Омской области"]
    text = "Как сообщили в пресс-службе Главного управления МЧС России по Пермскому краю, дороги закрыты.\n"
    assert orgs(text, "ru") == ["Главное управление МЧС России по Пермскому краю"]
