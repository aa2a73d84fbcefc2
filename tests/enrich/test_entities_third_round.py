"""Issue 15, third round: clubs, media and agencies from the curated list (in any case a
language inflects them), Arabic media after their noun, German compound titles, the
German Essen, AFP's "1er déc", and places that are clubs or glued to longer Turkish words.

Sample texts are written for these tests.
"""

from __future__ import annotations

import pytest

from newswire.enrich.dateline import parse_dateline
from newswire.enrich.entities import Entities, find_entities


def _orgs(text: str, lang: str) -> list[str]:
    return [o.name for o in find_entities(text, lang).organisations]


def _people(text: str, lang: str) -> list[str]:
    return [p.name for p in find_entities(text, lang).people]


def _places(text: str, lang: str) -> list[str]:
    return [p.name for p in find_entities(text, lang).places]


@pytest.mark.parametrize(("lang", "text", "org"), [
    ("en", "Arsenal moved top after beating Chelsea on Monday.", "Chelsea"),
    ("ru", "Следующий матч команда проведет против «Зенита» в субботу.", "Зенит"),
    ("hr", "Pogotke za Dinamo postigli su oba napadača, a trener Hajduka nije bio zadovoljan.", "Hajduk"),
    ("tr", "Galatasaray, sahasında Beşiktaş'ı 3-1 mağlup etti.", "Beşiktaş"),
    ("ar", "وقال المدرب إن الفريق سيواجه الزمالك والإسماعيلي الشهر المقبل.", "الإسماعيلي"),
    ("es", "El capitán lamentó en la Cadena COPE la derrota del equipo.", "Cadena COPE"),
    ("fr", "Le club a confirmé l'information publiée par Le Parisien mardi.", "Le Parisien"),
])
def test_a_curated_club_or_medium_is_found_in_its_inflected_form(lang: str, text: str, org: str) -> None:
    assert org in _orgs(text, lang)


def test_a_club_named_short_is_listed_short_and_a_plus_in_its_name_is_not_doubled() -> None:
    assert "Dinamo" in _orgs("Dinamo je u nedjelju pobijedio 2-0 na Maksimiru.", "hr")
    assert "Canal+" in _orgs("« On a souffert », a réagi l'entraîneur au micro de Canal+.", "fr")
    assert "Canal++" not in _orgs("« On a souffert », a réagi l'entraîneur au micro de Canal+.", "fr")


def test_a_defined_acronym_of_a_curated_name_keeps_the_base_form() -> None:
    found = _orgs("«Спартак» обыграл «Локомотив» в матче Российской премьер-лиги (РПЛ).", "ru")
    assert "Российская премьер-лига" in found and "Российской премьер-лиги" not in found


@pytest.mark.parametrize(("text", "medium"), [
    ("وقالت الخبيرة سناء الإدريسي لصحيفة هسبريس إن القرار سيخفف الكلفة.", "هسبريس"),
    ("وقالت الخبيرة سارة الدوسري لصحيفة الشرق الأوسط إن الخطة ناجحة.", "الشرق الأوسط"),
    ("وقال المدرب لقناة أون تايم سبورتس: \"الفوز مهم\".", "أون تايم سبورتس"),
])
def test_an_arabic_medium_after_its_noun_runs_to_the_particle(text: str, medium: str) -> None:
    assert medium in _orgs(text, "ar")


@pytest.mark.parametrize(("text", "person"), [
    ("Bundesinnenministerin Katrin Albers-Weidner will mehr Polizei an Bahnhöfen.", "Katrin Albers-Weidner"),
    ("Landtagspräsidentin Susanne Brockhoff-Lenz begrüßte den Plan.", "Susanne Brockhoff-Lenz"),
    ("Ihr Bundesvorsitzender Jochen Kramer sagte dem WDR, das reiche nicht.", "Jochen Kramer"),
    ("„Wir sparen“, sagte Stahl-Vorstandschef Dennis Grimm-Hoffmann am Mittwoch.", "Dennis Grimm-Hoffmann"),
])
def test_a_german_compound_title_is_not_part_of_the_name(text: str, person: str) -> None:
    assert _people(text, "de") == [person]


def test_essen_is_a_city_after_a_place_preposition_and_food_elsewhere() -> None:
    assert "Essen" in _places("Der Konzern kündigte am Mittwoch in Essen einen Stellenabbau an.", "de")
    assert _places("Das Essen in der Kantine wird teurer.", "de") == []


def test_a_spanish_city_after_an_article_is_its_club() -> None:
    assert "Barcelona" not in _places("El Real Madrid alcanza al Barcelona en cabeza.", "es")
    assert "Barcelona" in _places("El congreso se celebra en Barcelona en marzo.", "es")


def test_a_turkish_place_glued_to_a_longer_word_is_no_place() -> None:
    assert _places("Hazine ve Maliye Bakanı açıklama yaptı.", "tr") == []
    assert "Mali" in _places("Bakan Mali'ye gidecek.", "tr")


def test_afp_first_of_the_month_dateline() -> None:
    found = parse_dateline("PARIS, 1er déc (AFP) - Le gouvernement a présenté un plan.")
    assert found is not None and (found.place, found.date, found.source) == ("PARIS", "1er déc", "AFP")
    assert parse_dateline("Le 1er décembre, le gouvernement a présenté un plan.") is None


@pytest.mark.parametrize(("lang", "text", "scorers"), [
    ("fr", "Marseille a gagné 2-0 grâce à des buts d'Ismaël Korédé et de Lucas Ferrandi.",
     ["Ismaël Korédé", "Lucas Ferrandi"]),
    ("es", "El Madrid ganó 2-1; por los rojiblancos descontó Iker Garmendia.", ["Iker Garmendia"]),
    ("de", "Bayern gewann 2:1, für Leverkusen verkürzte Nils Baumgart.", ["Nils Baumgart"]),
    ("ru", "Хозяева победили 3:1, у гостей отличился Никита Баев.", ["Никита Баев"]),
    ("tr", "Konuk ekibin tek golünü Cenk Tosunoğlu attı.", ["Cenk Tosunoğlu"]),
])
def test_a_scorer_after_a_scoring_verb_or_noun_is_a_person(lang: str, text: str, scorers: list[str]) -> None:
    assert _people(text, lang) == scorers


def test_bosnian_oblique_cases_back_in_the_nominative() -> None:
    text = ("Treneru Hajduka Ivanu Peroviću navijači su zviždali. Ivan Perović je rekao da "
            "momčad mora podnijeti kritike.")
    assert _people(text, "hr") == ["Ivan Perović"]
    assert "Parlament Federacije BiH" in _orgs("Budžet nije upućen Parlamentu Federacije BiH.", "bs")
    # a curated name with a language of its own is matched in its cases
    assert "Oslobođenje" in _orgs("Prema pisanju Oslobođenja, delegacije dolaze u januaru.", "bs")


def test_bosnian_towns_in_oblique_cases_the_endings_do_not_undo() -> None:
    text = ("Sastanak je održan u Zadru, a potom u Rijeci i Banjoj Luci. Delegacija iz Karlovca "
            "stigla je u Čakovcu, pa u Brčkom i u Puli.")
    assert _places(text, "hr") == ["Zadar", "Rijeka", "Banja Luka", "Karlovac", "Čakovec", "Brčko", "Pula"]
    assert _places("Sjednica je održana u Vladi, a odluka upućena u Parlament i u Predsjedništvu.", "hr") == []


def test_russian_double_surnames_after_a_title_and_an_employer() -> None:
    text = ("— Мы получили жалобы, — сказал заместитель руководителя Федеральной антимонопольной "
            "службы Виталий Королёв-Славин.")
    assert _people(text, "ru") == ["Виталий Королёв-Славин"]  # Королёв: a town, and "король"
    text = "Аналитик «Райффайзенбанка» Денис Шахматов-Ложкин отметил, что банки конкурируют."
    assert _people(text, "ru") == ["Денис Шахматов-Ложкин"]


def test_a_surname_that_is_a_town_after_a_title_and_players_listed_with_their_points() -> None:
    text = "Meclis Başkanı Elif Sarıkaya, basın toplantısında konuştu."
    assert _people(text, "tr") == ["Elif Sarıkaya"] and _places(text, "tr") == []
    assert _people("Bakan Bolat Almanya ile anlaştı.", "tr") == []  # a country stays a country
    text = "Sarı-lacivertlilerde Tarık Yenilmez 22, Devon Harrington 18 ve Mert Özdağ 14 sayıyla oynadı."
    assert _people(text, "tr") == ["Tarık Yenilmez", "Devon Harrington", "Mert Özdağ"]


@pytest.mark.parametrize(("text", "people"), [
    ("وسجل هدفي الزمالك عمر النحاس ويوسف مرزوق، بينما أحرز هدف الإسماعيلي محمود عبد الستار.",
     ["عمر النحاس", "يوسف مرزوق", "محمود عبد الستار"]),
    ("وسجل هدفي الأهلي كل من محمود عبد الرازق وكريم فؤاد الشناوي في الدقائق الأخيرة.",
     ["محمود عبد الرازق", "كريم فؤاد الشناوي"]),
    ("وقال مدرب الأهلي ماركو فان بيرسن لقناة أون سبورت: \"الفريق لعب بصبر حتى النهاية\".", ["ماركو فان بيرسن"]),
    ("وقال والي البنك عبد اللطيف الزموري في مؤتمر صحفي إن التضخم عاد.", ["عبد اللطيف الزموري"]),
])
def test_arabic_names_scorers_particles_and_family_names(text: str, people: list[str]) -> None:
    assert _people(text, "ar") == people


def test_no_arabic_name_from_a_goal_noun_without_a_team_nor_with_a_weekday() -> None:
    found = _people("ثنائية متأخرة تمنح حامل اللقب ثلاث نقاط، وقال المدرب محمد صلاح الثلاثاء إن الفوز مستحق.", "ar")
    assert found == ["محمد صلاح"]


@pytest.mark.parametrize(("lang", "text", "org"), [
    ("fr", "Le Conseil constitutionnel a validé la loi mardi.", "Conseil constitutionnel"),
    ("bs", "Dom naroda raspravit će nacrt 17. decembra u Mostaru.", "Dom naroda"),
    ("bs", "Ured visokog predstavnika (OHR) pozdravio je odluku.", "Ured visokog predstavnika"),
    ("bs", "Zastupnički dom sjednicu o budžetu zakazao je za 16. decembra.", "Zastupnički dom"),
])
def test_a_head_with_a_lower_case_adjective_and_its_complement(lang: str, text: str, org: str) -> None:
    assert _orgs(text, lang) == [org]


def test_a_board_every_company_has_and_a_predicate_after_the_name_are_not_part_of_it() -> None:
    assert _orgs("Naredna sjednica Upravnog vijeća CBBiH zakazana je za 17. decembra.", "bs") == []


def test_a_city_named_as_the_opponent_in_a_sports_story_is_its_club() -> None:
    found = find_entities("Manchester City face Liverpool at Anfield on Saturday, the coach said.", "en")
    assert [o.name for o in found.organisations] == ["Manchester City", "Liverpool"] and found.places == ()
    found = find_entities("Utakmicu sljedećeg kola Hajduka protiv Rijeke trener je najavio u Splitu.", "hr")
    assert "Rijeka" in _orgs_of(found) and [p.name for p in found.places] == ["Split"]
    # the club the story names in full
    found = find_entities("L'entraîneur de l'OGC Nice a parlé avant le match face à Nice du 6 décembre.", "fr")
    assert _orgs_of(found) == ["OGC Nice"]
    # no sports story, no club; a country is a national team, no organisation
    assert _places("Sanctions against Moscow were tightened on Monday.", "en") == ["Moscow"]
    assert _places("The coach said the game against Brazil was hard.", "en") == ["Brazil"]


def _orgs_of(found: Entities) -> list[str]:
    return [o.name for o in found.organisations]


@pytest.mark.parametrize(("text", "org"), [
    ("Der Schweizerische Gewerkschaftsbund warnte vor Kürzungen.", "Schweizerischer Gewerkschaftsbund"),
    ("Laut dem Statistischen Bundesamt stiegen die Preise.", "Statistisches Bundesamt"),
    ("Die Vorlage kommt in die Sicherheitspolitische Kommission.", "Sicherheitspolitische Kommission"),
    ("Die Bundespolizei soll mehr Streifen einsetzen.", "Bundespolizei"),
])
def test_a_german_name_listed_without_its_article_takes_the_strong_ending(text: str, org: str) -> None:
    assert _orgs(text, "de") == [org]


def test_places_listed_after_a_preposition_and_an_employer_after_analysts_at() -> None:
    found = find_entities("The permits cover plants near Lake Charles and Corpus Christi, officials said.", "en")
    assert found.people == () and [p.name for p in found.places] == ["Lake Charles", "Corpus Christi"]
    found = find_entities("Analysts at Wood Mackenzie said the first cargoes could sail in 2029.", "en")
    assert found.people == () and _orgs_of(found) == ["Wood Mackenzie"]
    # not "Economists at Capital"; the consultancy itself is an organisation the project's archive
    # confirms (vocab/data/archive_orgs.json), so it may be found whole
    assert _orgs("Economists at Capital Economics expect a cut.", "en") in ([], ["Capital Economics"])
