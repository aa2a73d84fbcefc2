"""Keywords whose stem is shared with everyday words match only their own forms (``=word`` in
the keyword file), and a second topic needs real weight beside the first."""

from __future__ import annotations

from dataclasses import replace

from newswire.enrich.topics import DEFAULT_CONFIG, _Language, load_rules, rule_topics
from newswire.vocab import mediatopics

ECONOMY, CULTURE, WEATHER = "medtop:04000000", "medtop:01000000", "medtop:17000000"
EDUCATION = "medtop:05000000"
PORTS, PERFORMING_ARTS = "medtop:20000337", "medtop:20000002"
SUNNY, ENERGY = "medtop:20001128", "medtop:20000256"


def _top_levels(headline: str, body: list[str], lang: str) -> set[str]:
    return {mediatopics.top_level(code) or code for code, _ in rule_topics(headline, body, lang)}


def test_an_exact_keyword_matches_its_forms_and_not_the_words_sharing_its_stem() -> None:
    index = _Language("fr", [])
    index.add("=port", 0)
    index.add("=ports", 0)
    found = index.token_keys(["port", "ports", "porte", "porté", "portée"])
    assert set(found) == {"port", "ports"}


def test_an_exact_keyword_still_lets_other_keywords_match_the_same_word() -> None:
    index = _Language("fr", [])
    index.add("porte", 1)  # a stemmed keyword (Snowball: porte -> port)
    index.add("=port", 0)
    singles, _ = index.token_keys(["port"])["port"]
    assert "=port" in singles and len(singles) == 2


def test_doors_carried_and_first_times_are_no_ports_or_premieres_in_french() -> None:
    scores = load_rules().scores([(
        "Pour la première fois, les enseignants ont porté leurs revendications jusqu'aux "
        "portes du rectorat. Le premier syndicat a déposé un préavis.", 1.0)], "fr")
    assert PORTS not in scores and PERFORMING_ARTS not in scores


def test_alone_is_not_sunny_or_solar_in_spanish() -> None:
    scores = load_rules().scores(
        [("Solo un diputado votó en contra; la ministra, sola, defendió el texto.", 1.0)], "es")
    assert SUNNY not in scores and ENERGY not in scores


def test_a_house_is_not_housing_news_in_english() -> None:
    top = _top_levels(
        "Fire guts historic house in market town; no one hurt",
        [
            "A fire gutted a historic house in the town centre overnight, firefighters said, "
            "and three neighbouring houses were evacuated as a precaution.",
            "Firefighters brought the blaze under control after four hours; no one was hurt.",
        ],
        "en",
    )
    assert ECONOMY not in top


def test_a_second_topic_needs_more_than_a_third_of_the_first_ones_weight() -> None:
    headline = "Miles de docentes y estudiantes marchan por la universidad pública"
    body = [
        "Miles de docentes y estudiantes universitarios marcharon este martes en defensa de la "
        "universidad pública y de la educación gratuita.",
        "Los rectores reclamaron más presupuesto para las universidades: la inflación se comió "
        "los fondos y los precios de los libros y del transporte subieron.",
        "El Ministerio de Economía dijo que el presupuesto de 2027 prevé un aumento de la "
        "financiación para las universidades.",
    ]
    assert _top_levels(headline, body, "es") == {EDUCATION}
    looser = replace(DEFAULT_CONFIG, relative=0.35)  # the rule before this round
    assert {code for code, _ in rule_topics(headline, body, "es", config=looser)} == {EDUCATION, ECONOMY}
