"""Issue 15, eighth round: organisations - German bodies named by their seat or region,
German adjectives in the genitive and the strong dative; one behaviour per test, on
invented sentences."""

from __future__ import annotations

from newswire.enrich.entities import find_entities


def orgs(text: str, lang: str) -> list[str]:
    return [o.name for o in find_entities(text, lang).organisations]


def places(text: str, lang: str) -> list[str]:
    return [p.name or "" for p in find_entities(text, lang).places]


def test_a_seated_head_and_its_town_name_a_body() -> None:
    text = "Der Flughafen Stuttgart strich 40 Flüge, und das Bistum Mainz sagte die Feier ab.\n"
    assert orgs(text, "de") == ["Flughafen Stuttgart", "Bistum Mainz"]


def test_two_towns_joined_by_a_slash_are_one_seat() -> None:
    text = "Auch der Flughafen Münster/Osnabrück meldete Verspätungen.\n"
    assert orgs(text, "de") == ["Flughafen Münster/Osnabrück"]


def test_a_seated_head_in_the_genitive_is_listed_in_the_nominative() -> None:
    text = "Eine Studie des Kantonsspitals Luzern zeigt das Gegenteil.\n"
    assert orgs(text, "de") == ["Kantonsspital Luzern"]


def test_the_adjective_before_a_seated_head_belongs_to_the_name() -> None:
    text = "Das Historische Museum Hannover zeigt die Karte ab Montag.\n"
    assert orgs(text, "de") == ["Historisches Museum Hannover"]


def test_a_state_or_canton_after_a_head_belongs_to_the_name() -> None:
    text = "Die Verbraucherzentrale Rheinland-Pfalz warnt, und der Landesverband Vorarlberg schweigt.\n"
    assert orgs(text, "de")[:1] == ["Verbraucherzentrale Rheinland-Pfalz"]


def test_the_bare_seated_head_is_the_body_named_before() -> None:
    text = ("Die Verbraucherzentrale Sachsen rät zum Vergleich. Ein Sprecher der Verbraucherzentrale "
            "sagte, die Preise seien gestiegen.\n")
    assert orgs(text, "de") == ["Verbraucherzentrale Sachsen"]


def test_a_town_after_in_der_stadt_is_the_town_and_a_plural_head_is_no_body() -> None:
    text = "In der Stadt Bamberg blieb es ruhig. Die Flughäfen Leipzig und Dresden meldeten Ausfälle.\n"
    assert orgs(text, "de") == []
    assert places(text, "de") == ["Bamberg", "Leipzig", "Dresden"]


def test_a_seat_after_the_complement_of_fuer() -> None:
    text = "Das Landesgericht für Zivilrechtssachen Graz wies die Klage ab.\n"
    assert orgs(text, "de") == ["Landesgericht für Zivilrechtssachen Graz"]


def test_adjective_in_the_genitive_or_strong_dative_is_listed_in_the_nominative() -> None:
    text = "Laut Statistischem Landesamt sank die Zahl. Der Chef des Bayerischen Bauernverbandes widersprach.\n"
    assert orgs(text, "de") == ["Statistisches Landesamt", "Bayerischer Bauernverband"]


def test_arabic_head_after_a_clitic_keeps_its_article() -> None:
    text = "وأعلن المحافظ عن منحة مقدمة للمعهد الوطني للبحوث الزراعية وأخرى بالبنك الأهلي التجاري.\n"
    assert orgs(text, "ar") == ["المعهد الوطني للبحوث الزراعية", "البنك الأهلي التجاري"]


def test_bosnian_name_runs_over_an_adjective_and_the_noun_it_qualifies() -> None:
    text = "Kantonalna uprava šumarske inspekcije i Vlada Zeničkog kantona održali su sastanak.\n"
    assert orgs(text, "bs") == ["Kantonalna uprava šumarske inspekcije", "Vlada Zeničkog kantona"]


def test_bosnian_compound_adjective_of_a_region_belongs_to_the_name() -> None:
    text = "Ministarstvo zdravstva Posavsko-savskog kantona objavilo je podatke.\n"
    assert orgs(text, "bs") == ["Ministarstvo zdravstva Posavsko-savskog kantona"]


def test_bosnian_name_stops_before_a_participle_or_an_adverb() -> None:
    text = "Skupština Bosne i Hercegovine ranije je odbila prijedlog koji su Vlada Republike Srpske potpisale.\n"
    assert orgs(text, "bs")[:1] == ["Skupština Bosne i Hercegovine"]


def test_croatian_and_bosnian_institutions_are_found_in_their_cases() -> None:
    text = "Prema podacima Hrvatskih šuma i Državnog hidrometeorološkog zavoda, požar je ugašen.\n"
    assert orgs(text, "hr") == ["Hrvatske šume", "Državni hidrometeorološki zavod"]
    text = "Iz Uprave za indirektno oporezivanje BiH i Federalnog zavoda za statistiku nisu odgovorili.\n"
    assert orgs(text, "bs") == ["Uprava za indirektno oporezivanje BiH", "Federalni zavod za statistiku"]


def test_german_federal_bodies_and_state_parliaments_are_listed() -> None:
    text = "Das Bundesministerium der Finanzen und der Hessische Landtag streiten über das Umweltbundesamt.\n"
    assert orgs(text, "de") == ["Bundesministerium der Finanzen", "Hessischer Landtag", "Umweltbundesamt"]


def test_an_acronym_expansion_takes_the_vocabulary_base_form() -> None:
    text = "Die Schweizerischen Bundesbahnen (SBB) meldeten einen Rekord.\n"
    assert [(o.name, o.literal) for o in find_entities(text, "de").organisations] == [
        ("Schweizerische Bundesbahnen", "SBB")
    ]


def test_a_bosnian_head_runs_over_a_listed_body_in_the_genitive_but_not_over_and() -> None:
    text = "Dom naroda Parlamenta Federacije Bosne i Hercegovine usvojio je zakon.\n"
    assert orgs(text, "bs") == ["Dom naroda Parlamenta Federacije Bosne i Hercegovine"]
    text = "Sastanku su prisustvovali ministri Vlade Tuzlanskog kantona i Vlade Republike Srpske.\n"
    assert orgs(text, "bs") == ["Vlada Tuzlanskog kantona", "Vlada Republike Srpske"]


def test_a_german_listed_name_is_found_with_its_adjective_declined() -> None:
    text = "Im Bayerischen Landtag gab es Streit, und der Niedersächsische Landtag vertagte sich.\n"
    assert orgs(text, "de") == ["Bayerischer Landtag", "Niedersächsischer Landtag"]


def test_a_nationality_noun_is_no_declined_country_adjective() -> None:
    text = "Der Österreicher gewann vor dem Schweizer in Kitzbühel.\n"
    assert "Österreich" not in places(text, "de")


def test_arab_listed_bodies_and_the_title_before_a_listed_employer() -> None:
    text = ("وقال أستاذ الهندسة المدنية في جامعة الملك سعود الدكتور سامي ناصر العتيبي "
            "إن شرطة دبي وقوات الدعم السريع...\n")
    found = find_entities(text, "ar")
    assert [p.name for p in found.people] == ["سامي ناصر العتيبي"]
    assert [o.name for o in found.organisations] == ["جامعة الملك سعود", "شرطة دبي", "قوات الدعم السريع"]


def test_a_country_in_the_genitive_after_iz_is_the_country_not_a_listed_body() -> None:
    assert places("Sezonci iz Hrvatske vode pregovore s poslodavcima.", "hr") == ["Hrvatska"]
    assert orgs("Podaci iz Hrvatskih voda pokazuju rast.", "hr") == ["Hrvatske vode"]


def test_a_bosnian_name_ends_at_its_town_before_a_person_and_medzlis_is_a_head() -> None:
    text = "Izjavu je dao glavni imam Medžlisa Islamske zajednice Zenica Edin Kurt-Hodžić.\n"
    assert orgs(text, "bs") == ["Medžlis Islamske zajednice Zenica"]
    text = "Medžlis Islamske zajednice Bihać organizovao je iftar.\n"
    assert orgs(text, "bs") == ["Medžlis Islamske zajednice Bihać"]


def test_an_acronym_that_opens_a_longer_name_is_that_organisation() -> None:
    text = "Eine Studie der EPFL Lausanne zeigt das, sagte EPFL-Physikerin Anna Roth-Meier.\n"
    assert orgs(text, "de") == ["EPFL Lausanne"]


def test_a_bosnian_preposition_object_runs_over_and_to_its_second_noun() -> None:
    text = "Agencija za sigurnost i zdravlje na radu Kantona Sarajevo objavila je izvještaj.\n"
    assert orgs(text, "bs")[:1] == ["Agencija za sigurnost i zdravlje na radu Kantona Sarajevo"]


def test_a_spanish_name_whose_complement_is_a_list_and_a_clitic_after_it() -> None:
    text = "Según el Ministerio de Agricultura, Pesca y Alimentación, las ventas subieron.\n"
    assert orgs(text, "es") == ["Ministerio de Agricultura, Pesca y Alimentación"]
    text = "El Tribunal Superior de Justicia le negó el amparo al exalcalde.\n"
    assert orgs(text, "es") == ["Tribunal Superior de Justicia"]
    text = "Subieron el Banco de Sabadell, Inditex y Repsol.\n"
    assert orgs(text, "es") == ["Banco de Sabadell", "Inditex", "Repsol"]


def test_spanish_and_latin_american_bodies_are_listed() -> None:
    text = "Los sindicatos CCOO y UGT y la patronal CEOE firmaron; Pemex y el Indeci no respondieron.\n"
    assert orgs(text, "es") == ["CCOO", "UGT", "CEOE", "Pemex", "Indeci"]


def test_a_towns_administration_is_an_organisation_in_its_cases() -> None:
    text = "Grad Zadar osigurao je smještaj, a pomoć je stigla i od Općine Kakanj.\n"
    assert orgs(text, "hr") == ["Grad Zadar", "Općina Kakanj"]
    text = "Stožer civilne zaštite Grada Zadra sastao se u petak.\n"
    assert "Grad Zadar" not in orgs(text, "hr")
