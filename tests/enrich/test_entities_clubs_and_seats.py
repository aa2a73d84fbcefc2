"""Clubs, leagues, seats of government and acronyms the vocabulary expands, in the shapes
agency copy writes them (issue 15, second round). Sample texts are written for these tests.
"""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def _orgs(text: str, lang: str) -> list[str]:
    return [o.name for o in find_entities(text, lang).organisations]


def test_a_seat_of_government_is_neither_an_organisation_nor_a_person() -> None:
    found = find_entities("The White House said the talks would resume. State House said funds were released.", "en")
    assert found.organisations == () and found.people == ()
    assert _orgs("« Le texte passera », a-t-on assuré à Matignon, tandis que Bercy se tait.", "fr") == []
    assert _orgs("В Кремле ситуацию назвали сложной, совещание прошло в Доме правительства.", "ru") == []


def test_an_acronym_the_vocabulary_expands_keeps_its_spelling_as_literal() -> None:
    nato = find_entities("Anlaşma NATO standartlarına uyumu da içeriyor.", "tr").organisations
    assert [o.literal for o in nato] == ["NATO"]


def test_club_prefixes_and_suffixes_make_the_club_one_organisation_not_a_place() -> None:
    found = find_entities("Le RC Lens a battu le LOSC Lille 2-1 au stade Bollaert-Delelis.", "fr")
    assert [o.name for o in found.organisations] == ["RC Lens", "LOSC Lille"]
    assert [p.name for p in found.places] == []
    assert _orgs("Melbourne beat Sydney FC on Saturday, while Leeds United lost at home.", "en") == [
        "Sydney FC", "Leeds United"]
    assert _orgs("Nogometaši FK Sarajevo pobijedili su NK Čelik u subotu.", "bs") == ["FK Sarajevo", "NK Čelik"]
    assert _orgs("Fenerbahçe Beko, 11 Aralık'ta Real Madrid'i konuk edecek.", "tr")[-1:] == ["Real Madrid"]


def test_a_league_keeps_its_division_number() -> None:
    assert _orgs("Lens remonte à la troisième place de Ligue 1 après sa victoire.", "fr") == ["Ligue 1"]
    assert _orgs("Los Tuzos avanzan a semifinales de la Liga MX.", "es") == ["Liga MX"]


def test_a_turkish_league_named_after_its_sponsor_is_one_name() -> None:
    assert _orgs("THY Avrupa Ligi'nin 13. haftasında maç oynandı.", "tr") == ["THY Avrupa Ligi"]


def test_an_arabic_head_with_a_preposition_clitic_is_definite_and_takes_no_name_after_it() -> None:
    found = find_entities('وقال المسؤول بالمديرية سعيد بنعمر: "الأمطار ستكون مفيدة للسدود".', "ar")
    assert [p.name for p in found.people] == ["سعيد بنعمر"]
    assert [o.name for o in found.organisations] == []


def test_a_head_before_a_personal_name_does_not_take_it_but_keeps_a_hyphenated_region() -> None:
    found = find_entities('"Budžet je usvojen", izjavila je predsjedavajuća Predsjedništva Amela Softić.', "bs")
    assert [p.name for p in found.people] == ["Amela Softić"] and found.organisations == ()
    assert _orgs("La Banque Rhône-Alpes a relevé ses taux.", "fr") == ["Banque Rhône-Alpes"]
    assert _orgs("Selon le directeur de la Banque Populaire", "fr") == ["Banque Populaire"]
