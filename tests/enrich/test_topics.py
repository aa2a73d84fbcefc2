"""Media Topics assigned by the machine: keyword rules first, a trained model when present."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from newswire.enrich.topics import (
    MODEL_ENV,
    RULE_LANGUAGES,
    assign_topics,
    load_rules,
    rule_topics,
)
from newswire.model import MACHINE_CREATOR, MEDIATOPIC_URI, Concept, Item, Text
from newswire.vocab import mediatopics

InstallTagger = Callable[[list[tuple[str, str, list[str]]]], None]  # the use_tagger fixture

SPORT, FOOTBALL = "medtop:15000000", "medtop:20001065"
POLITICS, ELECTION = "medtop:11000000", "medtop:20000574"
DISASTER = "medtop:03000000"
ECONOMY = "medtop:04000000"
WEATHER = "medtop:17000000"
HEALTH = "medtop:07000000"
LABOUR = "medtop:09000000"


@pytest.fixture(autouse=True)
def no_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Rules unless a test trains a model: point the model path at nothing."""
    monkeypatch.setenv(MODEL_ENV, str(tmp_path / "absent.json"))


def story(headline: str, paragraphs: list[str], lang: str, **fields: object) -> Item:
    return Item(
        uri="urn:test:topics",
        language=lang,
        headlines=(Text(headline),),
        bodies=(Text("".join(f"<p>{p}</p>" for p in paragraphs), "main", "text/html"),),
        **fields,  # type: ignore[arg-type]
    )


FOOTBALL_EN = story(
    "Harbour City beat Riverside 3-1 to reach the cup final",
    [
        "Harbour City's striker scored twice as the football club beat Riverside in front of "
        "40,000 fans at the stadium on Saturday.",
        "The coach praised his players after the match and said the team was ready for the final.",
        "The league leaders will meet the winner of the other semi-final next month.",
    ],
    "en",
)

ELECTION_TR = story(
    "Yerel seçimlerde sandık başına giden seçmen sayısı rekor kırdı",
    [
        "Pazar günü yapılan yerel seçimlerde katılım oranı yüzde 84'e ulaştı.",
        "Yüksek Seçim Kurulu, oyların sayımının gece yarısı tamamlandığını açıkladı.",
        "Muhalefet partileri, adaylarının büyükşehirlerde önde olduğunu duyurdu.",
    ],
    "tr",
)

EARTHQUAKE_AR = story(
    "زلزال بقوة 6.1 درجات يضرب المنطقة الجبلية",
    [
        "ضرب زلزال بقوة 6.1 درجات المنطقة الجبلية فجر الثلاثاء، وفق مرصد الزلازل.",
        "وقالت فرق الإنقاذ إنها تعمل على إجلاء السكان من القرى المتضررة بعد الكارثة.",
        "وأعلن الدفاع المدني عن فتح مراكز إيواء مؤقتة للمتضررين من الزلزال.",
    ],
    "ar",
)


def codes(item: Item) -> list[str]:
    return [mediatopics.normalize(s.uri or "") for s in item.subjects if s.machine_made]


def test_english_football_story_is_sport_and_football() -> None:
    found = codes(assign_topics(FOOTBALL_EN))
    assert found[0] == SPORT
    assert FOOTBALL in found or "medtop:20001108" in found  # football or sport event


def test_turkish_suffixes_are_tolerated() -> None:
    found = codes(assign_topics(ELECTION_TR))
    assert POLITICS in found and ELECTION in found


def test_arabic_earthquake_is_a_disaster() -> None:
    assert DISASTER in codes(assign_topics(EARTHQUAKE_AR))


@pytest.mark.parametrize(
    ("lang", "headline", "body", "expected"),
    [
        ("ru", "Центробанк повысил ключевую ставку",
         ["Центральный банк повысил ключевую ставку, чтобы сдержать инфляцию.",
          "Экономисты ожидают замедления экономического роста и снижения потребительских цен."],
         ECONOMY),
        ("fr", "Tempête : vigilance orange sur la côte atlantique",
         ["Météo-France a placé trois départements en vigilance orange en raison de la tempête.",
          "Des rafales de vent jusqu'à 120 km/h et de fortes pluies sont attendues."],
         WEATHER),
        ("es", "Los hospitales refuerzan la vacunación contra la gripe",
         ["El ministerio de sanidad pidió a los pacientes mayores vacunarse contra la gripe.",
          "Los médicos advierten de un aumento de las infecciones en los hospitales."],
         HEALTH),
        ("de", "Gewerkschaft ruft zum Warnstreik auf",
         ["Die Gewerkschaft hat die Beschäftigten der Stadtwerke zu einem Warnstreik aufgerufen.",
          "Die Tarifverhandlungen über höhere Löhne waren zuvor gescheitert."],
         LABOUR),
        ("bs", "Nogometaši Željezničara pobijedili u derbiju",
         ["Nogometaši Željezničara pobijedili su u subotu na stadionu pred 15.000 navijača.",
          "Trener je nakon utakmice pohvalio igrače i najavio borbu za titulu prvaka u ligi."],
         SPORT),
        ("hr", "Potres magnitude 5,2 pogodio središnju Hrvatsku",
         ["Potres magnitude 5,2 pogodio je u noći središnju Hrvatsku, javili su seizmolozi.",
          "Vatrogasci i civilna zaštita pregledavaju oštećene kuće, a dio stanovnika je evakuiran."],
         DISASTER),
    ],
)
def test_every_rule_language(lang: str, headline: str, body: list[str], expected: str) -> None:
    assert expected in codes(assign_topics(story(headline, body, lang)))


def test_machine_topics_are_marked_and_named_in_the_story_language() -> None:
    result = assign_topics(ELECTION_TR)
    added = [s for s in result.subjects if s.machine_made]
    assert added
    for concept in added:
        assert concept.creator == MACHINE_CREATOR
        assert concept.rel == "about"
        assert concept.uri and concept.uri.startswith(MEDIATOPIC_URI)
        assert concept.confidence is not None and 0 <= concept.confidence <= 100
    politics = next(s for s in added if s.uri == mediatopics.uri(POLITICS))
    assert politics.name == "siyaset ve hükümet"


def test_a_narrower_topic_is_never_more_certain_than_its_top_level() -> None:
    added = {mediatopics.normalize(s.uri or ""): s.confidence for s in assign_topics(ELECTION_TR).subjects}
    assert (added[ELECTION] or 0) <= (added[POLITICS] or 0)


def test_editor_topics_win_and_nothing_is_added() -> None:
    editor = Concept(name="economy", uri=mediatopics.uri(ECONOMY))
    item = FOOTBALL_EN.evolve(subjects=(editor,))
    assert assign_topics(item) is item


def test_other_editor_subjects_are_kept_and_not_duplicated() -> None:
    keyword = Concept(name="derby", literal="derby")
    result = assign_topics(FOOTBALL_EN.evolve(subjects=(keyword,)))
    assert result.subjects[0] == keyword
    uris = [s.uri for s in result.subjects if s.uri]
    assert len(uris) == len(set(uris))


def test_running_again_replaces_machine_topics_instead_of_piling_them_up() -> None:
    once = assign_topics(FOOTBALL_EN)
    twice = assign_topics(once)
    assert twice.subjects == once.subjects


def test_is_pure() -> None:
    item = story(FOOTBALL_EN.headline, ["The striker scored twice in the football match."], "en")
    assign_topics(item)
    assert item.subjects == ()


def test_a_story_without_topic_words_is_left_alone() -> None:
    item = story("A note", ["Nothing much happened here today, they said."], "en")
    assert assign_topics(item) is item


def test_turkish_look_alikes_do_not_match() -> None:
    # "kazandı" (won) starts like "kaza" (accident); "ihale" (tender) like "iha" (drone).
    found = rule_topics(
        "Şirket ihaleyi kazandı",
        ["Şirket ihaleyi kazandı ve kazancını artırdı. Kazanan firma ihaleden memnun."],
        "tr",
    )
    assert not any(mediatopics.is_within(code, DISASTER) for code, _ in found)
    assert not any(mediatopics.is_within(code, "medtop:16000000") for code, _ in found)


def test_unknown_language_falls_back_to_english_rules() -> None:
    found = rule_topics(FOOTBALL_EN.headline, [p for p in FOOTBALL_EN.body_html.split("</p>")], "it")
    assert found and found[0][0] == SPORT


def test_keyword_file_uses_active_codes_and_covers_every_language() -> None:
    data = json.loads(
        resources.files("newswire.vocab").joinpath("data/topic_keywords.json").read_text("utf-8")
    )
    vocab = mediatopics.load()
    top_levels = set(vocab.top_levels())
    assert top_levels <= set(data["topics"]), "every top-level topic has rules"
    for code, by_language in data["topics"].items():
        assert code in vocab, code
        assert set(RULE_LANGUAGES) <= set(by_language), code
    assert load_rules() is load_rules()


def test_a_trained_model_takes_over_the_top_levels(use_tagger: InstallTagger) -> None:
    use_tagger([
        ("The orchestra gave a concert of new music at the opera house.", "en", ["medtop:01000000"]),
        ("A painter opened an exhibition of portraits at the city gallery.", "en", ["medtop:01000000"]),
        ("The striker scored in the football match at the stadium.", "en", [SPORT]),
        ("The tennis player won the final of the tournament.", "en", [SPORT]),
    ])
    item = story("A night at the opera", ["The orchestra and a painter shared the stage."], "en")
    found = codes(assign_topics(item))
    assert found[0] == "medtop:01000000"


def test_an_unreadable_model_file_falls_back_to_the_rules(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "tagger.json"
    path.write_text("{not json")
    monkeypatch.setenv(MODEL_ENV, str(path))
    assert codes(assign_topics(FOOTBALL_EN))[0] == SPORT


@pytest.mark.parametrize("item", [FOOTBALL_EN, ELECTION_TR, EARTHQUAKE_AR])
def test_remembered_token_matches_give_the_same_topics(item: Item) -> None:
    """Token matches (and non-matches) are remembered across stories: a fresh index and a
    warm one score the same story the same."""
    body = [p.removeprefix("<p>") for p in item.bodies[0].value.split("</p>") if p]
    first = rule_topics(item.headline, body, item.language)
    rules = load_rules()
    index = rules.language(item.language)
    assert index._matches or index._unmatched
    index._matches.clear()
    index._unmatched.clear()
    assert rule_topics(item.headline, body, item.language) == first
    assert rule_topics(item.headline, body, item.language) == first


def test_token_keys_leave_out_words_that_match_nothing() -> None:
    index = load_rules().language("en")
    found = index.token_keys(["football", "xylophonic", "the", "football"])
    assert "football" in found
    assert "xylophonic" not in found and "the" not in found
    assert "xylophonic" in index._unmatched


# -- shapes of agency copy (issue 15) --------------------------------------------------------
def _top_levels(item: Item) -> set[str]:
    return {mediatopics.top_level(code) or "" for code in codes(assign_topics(item))}


def test_economy_stories_in_every_language_get_the_economy_topic() -> None:
    es = story(
        "El Gobierno anuncia un recorte de impuestos a la exportación de trigo",
        [
            "El Gobierno anunció una rebaja de los impuestos a la exportación de trigo, una "
            "medida reclamada por los productores tras la caída de los precios.",
            "Según el diario Clarín, la rebaja costará al Tesoro unos 300 millones de dólares.",
        ],
        "es",
    )
    ru = story(
        "Выпуск гражданских самолётов вырастет вдвое",
        [
            "Выпуск гражданских самолётов в 2027 году вырастет вдвое, заявил министр "
            "промышленности.",
            "Производство получит финансирование: фонд выделит ещё 40 млрд рублей на лизинг.",
        ],
        "ru",
    )
    assert ECONOMY in _top_levels(es)
    assert ECONOMY in _top_levels(ru)


def test_a_story_citing_a_newspaper_or_radio_is_not_about_the_arts() -> None:
    item = story(
        "Talks with striking nurses will resume on Monday",
        [
            "The state government said talks with striking nurses over wages would resume "
            "on Monday after a walkout closed wards at public hospitals.",
            "The premier told ABC radio the dispute would not be solved through the newspapers.",
            "The nurses' union is demanding a pay rise of 15% over three years for its workers.",
        ],
        "en",
    )
    top = _top_levels(item)
    assert LABOUR in top
    assert "medtop:01000000" not in top


def test_a_football_report_with_a_strike_and_a_contract_is_sport_not_labour() -> None:
    item = story(
        "Kostic scores twice as Galatasaray go top of the league",
        [
            "Ivan Kostic scored twice after his contract dispute with the club was settled, and "
            "Galatasaray beat their rivals 3-1 in front of 50,000 fans at the stadium.",
            "Kostic opened the scoring with a low strike; the coach praised his players after "
            "the match.",
        ],
        "en",
    )
    top = _top_levels(item)
    assert SPORT in top
    assert LABOUR not in top


def test_a_government_budget_is_economy_news() -> None:
    bs = story(
        "Vijeće ministara usvojilo prijedlog budžeta za 2027. godinu",
        [
            "Vijeće ministara usvojilo je prijedlog budžeta institucija u iznosu od 1,4 "
            "milijarde KM, s više novca za infrastrukturu i investicije.",
            "Budžet uključuje povećanje plata u institucijama od pet posto.",
        ],
        "bs",
    )
    assert ECONOMY in _top_levels(bs)
