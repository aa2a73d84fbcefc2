"""Topic rules on agency copy (issue 15): every story with topic words gets a topic, the
generic words of government do not make a story political, sport is not labour, a
shipwreck is not a war, and German compounds are read by their last part."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newswire.enrich.topics import DEFAULT_CONFIG, MODEL_ENV, assign_topics, load_rules, rule_topics
from newswire.model import Item, Text
from newswire.vocab import mediatopics

InstallTagger = Callable[[list[tuple[str, str, list[str]]]], None]  # the use_tagger fixture

ARTS, DISASTER, ECONOMY, LABOUR = "medtop:01000000", "medtop:03000000", "medtop:04000000", "medtop:09000000"
POLITICS, SPORT, CONFLICT, WEATHER = "medtop:11000000", "medtop:15000000", "medtop:16000000", "medtop:17000000"


@pytest.fixture(autouse=True)
def no_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(MODEL_ENV, str(tmp_path / "absent.json"))


def story(headline: str, paragraphs: list[str], lang: str) -> Item:
    return Item(
        uri="urn:test:topics-coverage",
        language=lang,
        headlines=(Text(headline),),
        bodies=(Text("".join(f"<p>{p}</p>" for p in paragraphs), "main", "text/html"),),
    )


def top_levels(item: Item) -> list[str]:
    found: list[str] = []
    for subject in assign_topics(item).subjects:
        code = mediatopics.top_level(mediatopics.normalize(subject.uri or ""))
        if subject.machine_made and code and code not in found:
            found.append(code)
    return found


# -- a story with any topic word gets a topic ------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "headline", "body", "expected"),
    [
        ("en", "Copper climbs to a two-year high",
         ["The metal gained on Tuesday in London, dealers said."], ECONOMY),
        ("tr", "Fındık ihracatı ekimde arttı",
         ["Karadeniz'den yapılan sevkiyatlar geçen aya göre hızlandı."], ECONOMY),
        ("ru", "Урожай пшеницы в регионе вырос",
         ["Аграрии собрали на десятую часть больше, чем годом ранее."], ECONOMY),
        ("es", "El peso se recupera frente al dólar",
         ["La moneda cerró la jornada con una ganancia del 1,2%, según operadores."], ECONOMY),
        ("bs", "Nogometaši Veleža slavili u Mostaru",
         ["Domaćini su slavili rezultatom 2:0 pred punim tribinama."], SPORT),
        ("ar", "تراجع صادرات التمور خلال الربع الثالث",
         ["وأرجع المسؤولون التراجع إلى ارتفاع كلفة الشحن."], ECONOMY),
    ],
)
def test_a_story_with_one_clear_topic_word_still_gets_that_topic(
    lang: str, headline: str, body: list[str], expected: str
) -> None:
    assert top_levels(story(headline, body, lang))[:1] == [expected]


def test_the_fallback_topic_says_it_is_unsure() -> None:
    found = rule_topics("Copper climbs to a two-year high", ["Dealers said so."], "en")
    assert found and found[0][1] < DEFAULT_CONFIG.threshold


def test_when_a_trained_model_is_sure_of_nothing_the_rules_still_give_a_topic(
    use_tagger: InstallTagger
) -> None:
    use_tagger([
        ("The orchestra gave a concert of new music at the opera house.", "en", [ARTS]),
        ("The striker scored in the football match at the stadium.", "en", [SPORT]),
    ])
    item = story("Copper climbs to a two-year high", ["Dealers in London said so on Tuesday."], "en")
    assert top_levels(item) == [ECONOMY]


def test_a_story_without_any_topic_word_still_gets_none() -> None:
    assert top_levels(story("A note", ["Nothing much happened here today, they said."], "en")) == []


# -- the words of government alone do not make politics --------------------------------------
@pytest.mark.parametrize(
    ("lang", "headline", "body"),
    [
        ("en", "Wheat exports rise 12% as harvest recovers",
         ["Wheat exports rose 12% in October as the harvest recovered, the agriculture minister "
          "said on Monday.", "The ministry expects grain prices to stay firm, the minister added."]),
        ("fr", "Les exportations de blé progressent de 12 %",
         ["Les exportations de blé ont progressé de 12 % en octobre grâce à une meilleure récolte, "
          "a indiqué lundi le ministre de l'Agriculture.",
          "Le ministère s'attend à des prix des céréales soutenus, a ajouté le ministre."]),
        ("ar", "ارتفاع صادرات القمح 12 بالمئة",
         ["ارتفعت صادرات القمح 12 بالمئة في أكتوبر مع تحسن المحصول، وفق ما قال وزير الزراعة.",
          "وأضاف الوزير أن الوزارة تتوقع استقرار أسعار الحبوب."]),
    ],
)
def test_an_economy_story_quoting_a_minister_is_economy_only(
    lang: str, headline: str, body: list[str]
) -> None:
    assert top_levels(story(headline, body, lang)) == [ECONOMY]


def test_a_parliament_vote_is_still_politics() -> None:
    item = story(
        "Parliament passes the electoral reform bill",
        ["Lawmakers voted 212 to 140 for the reform on Wednesday after the opposition parties "
         "walked out of parliament.", "The president is expected to sign the law next week."],
        "en",
    )
    assert top_levels(item)[0] == POLITICS


# -- systematic confusions --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "headline", "body"),
    [
        ("tr", "Galatasaray golcüsüyle sözleşme uzattı",
         ["Sarı-kırmızılı kulüp, takımın golcüsüyle sözleşmesini iki yıl uzattı.",
          "Teknik direktör, oyuncunun maaşıyla ilgili görüşmelerin tamamlandığını söyledi."]),
        ("es", "El delantero renueva su contrato con el club",
         ["El delantero firmó la renovación de su contrato y su salario no cambia, informó el club.",
          "El entrenador celebró la noticia antes del partido de liga del domingo en el estadio."]),
    ],
)
def test_a_player_contract_is_sport_not_labour(lang: str, headline: str, body: list[str]) -> None:
    found = top_levels(story(headline, body, lang))
    assert found[0] == SPORT
    assert LABOUR not in found


@pytest.mark.parametrize(
    ("lang", "headline", "body"),
    [
        ("en", "Dozens missing after migrant boat sinks off the coast",
         ["At least 40 people are missing after a boat carrying migrants sank overnight, the "
          "coast guard said.", "Navy ships and a military helicopter joined the rescue; "
          "survivors said the boat capsized in high waves."]),
        ("es", "Decenas de desaparecidos tras el naufragio de una embarcación de migrantes",
         ["Al menos 40 personas están desaparecidas tras el naufragio, informó la guardia costera.",
          "Buques de la Armada y un helicóptero militar participan en el rescate de los "
          "supervivientes."]),
    ],
)
def test_a_migrant_boat_sinking_is_a_disaster_not_a_war(lang: str, headline: str, body: list[str]) -> None:
    found = top_levels(story(headline, body, lang))
    assert found[0] == DISASTER
    assert CONFLICT not in found


def test_no_more_than_two_top_level_topics() -> None:
    item = story(
        "Storm floods stadium before the final as farmers count harvest losses",
        ["The storm flooded the stadium before the cup final, and farmers said the harvest was "
         "lost; the government promised aid and the opposition called a vote in parliament.",
         "Forecasters expect more rain, snow and strong winds; the match was postponed."],
        "en",
    )
    assert len(top_levels(item)) <= 2


# -- German compounds -------------------------------------------------------------------------
def test_german_compounds_count_for_their_last_part() -> None:
    index = load_rules().language("de")
    keys = index.token_keys(["ölpreise", "wirtschaftswachstum", "beispiel", "beispielsweise"])
    assert "ölpreise" in keys and "wirtschaftswachstum" in keys
    assert "beispiel" not in keys and "beispielsweise" not in keys
    item = story(
        "Strompreise und Mieten treiben die Teuerung",
        ["Die Verbraucherpreise stiegen im Oktober um 2,4 Prozent, vor allem wegen höherer "
         "Strompreise und Angebotsmieten, teilte das Statistikamt mit."],
        "de",
    )
    assert top_levels(item)[0] == ECONOMY


def test_german_compounds_are_not_read_by_their_first_part() -> None:
    item = story(
        "Der Wahlkampf beginnt",
        ["Die Parteien eröffnen am Samstag den Wahlkampf für die Landtagswahl im März; die "
         "Abgeordneten stimmten über den Wahltermin ab."],
        "de",
    )
    found = top_levels(item)
    assert found[0] == POLITICS
    assert CONFLICT not in found


def test_the_weather_is_read_in_every_language() -> None:
    for lang, headline, body in [
        ("ru", "Аномальные морозы придут в Сибирь", ["Синоптики ожидают похолодания до минус 40 градусов."]),
        ("fr", "Canicule : vigilance orange dans le Sud",
         ["Les températures atteindront 40 degrés, selon les prévisionnistes."]),
        ("tr", "Meteorolojiden kuvvetli yağış uyarısı", ["Karadeniz'de sağanak ve fırtına bekleniyor."]),
    ]:
        assert top_levels(story(headline, body, lang))[:1] == [WEATHER], lang


# -- keywords never collide with the language's everyday words --------------------------------
@pytest.mark.parametrize(
    ("lang", "everyday"),
    [
        # paro, pesos, partidos, ópera; solar, puerto, libro, costes, medios, marca, grano, título
        ("es", "para pesar pedir ganar parte según operación solo sola puerta libre costa medio marco gran titular"),
        # tonnes, parti, opéra, élèves; port, première, biens, importations, égalité, parlement
        ("fr", "fois ton mais prêt partie opération élevés porte porté premier bien importante également parle"),
        ("ru", "и им нас пара семь рад ничего стали стало"),  # ИИ, имам, НАСА, паром, семья, радио, ничья, сталь
        ("de", "gut ost waren fahren beispiel beispielsweise herausforderungen gebeten"),  # Güter, Ostern, Fähre, Gebet
        ("tr", "hacmi batı çevresinde doğal gelir arzu yasak"),  # hac, çevre, doğa, yasa
        ("ar", "عمل أمام بالرياض بدوره ونقلت وذكرت بطول"),  # العملة, إمام, الرياضة, الدوري, النقل, ذكرى, بطولة
        ("bs", "upravo vjerovatno stanovnici platforma"),  # uprava, vjera, stanovi, plata
        ("en", "house share natural customers product"),  # housing, shares, nature, customs, production
    ],
)
def test_everyday_words_match_no_keyword(lang: str, everyday: str) -> None:
    """A keyword whose stem (or root) is also a function word or an everyday word tags
    half the stories of a language: Snowball stems Spanish ``paro`` and ``para`` alike."""
    keys = load_rules().language(lang).token_keys(everyday.split())
    assert {token: singles for token, (singles, _) in keys.items() if singles} == {}
