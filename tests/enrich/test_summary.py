"""Extractive summaries for the public site: short, in the story's language, no quotes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newswire.enrich.planning import looks_ahead
from newswire.enrich.sentences import split_sentences
from newswire.enrich.summary import (
    SummaryConfig,
    lead3,
    quote_share,
    summarize,
    summarize_text,
    summary_sentence_limit,
)
from newswire.model import Item, Text

HEADLINE = "Harbour city opens new ferry terminal to ease island traffic"
BODY_EN = "\n".join([
    "VALLETTA (Newswire) — The port authority on Monday opened a ferry terminal that will "
    "double the number of daily crossings to the northern islands.",
    "The terminal cost 48 million euros and was built in two years on reclaimed land.",
    '"This is the happiest day of my working life, and I thank every worker," the director said.',
    "Ferry operators said the new berths would cut waiting times for lorries by half.",
    "Residents of the islands have long complained about queues during the summer months.",
    '"We queued for four hours last August," said one driver.',
    "A second phase, with a covered car park, is planned to open in 2028.",
    "This website carries only a portion of the news stories offered to subscribers. "
    "Please contact us for subscription options.",
])

BODY_TR = "\n".join([
    "İZMİR (Newswire) - Kentte yapımı süren yeni feribot iskelesi pazartesi günü hizmete açıldı.",
    "İskelenin adalara yapılan günlük sefer sayısını iki katına çıkarması bekleniyor.",
    '"Bugün çalışma hayatımın en mutlu günü," dedi liman müdürü.',
    "Feribot işletmecileri, yeni rıhtımların tırların bekleme süresini yarıya indireceğini söyledi.",
    "Projenin ikinci aşamasının 2028 yılında tamamlanması planlanıyor.",
    "Web sitesinde abonelerimize sunulan haberlerin sadece bir kısmı yer almaktadır.",
])

BODY_AR = "\n".join([
    "الدوحة (نيوزواير) - افتتحت هيئة الموانئ يوم الاثنين محطة جديدة للعبارات ستضاعف عدد الرحلات اليومية.",
    "وبلغت تكلفة المحطة 48 مليون دولار واستغرق بناؤها عامين على أرض مستصلحة.",
    "وقال مشغلو العبارات إن الأرصفة الجديدة ستخفض أوقات انتظار الشاحنات إلى النصف.",
    "ومن المقرر افتتاح المرحلة الثانية من المشروع في عام 2028.",
    "وتعد المحطة أكبر مشروع للنقل البحري في البلاد منذ عشر سنوات.",
    "وشكا سكان الجزر طويلا من الازدحام خلال أشهر الصيف.",
])


def story(body: str, lang: str, headline: str = HEADLINE, **fields: object) -> Item:
    html = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return Item(
        uri="urn:test:sum",
        language=lang,
        headlines=(Text(headline),),
        bodies=(Text(html, "main", "text/html"),),
        **fields,  # type: ignore[arg-type]
    )


def test_summary_is_two_to_four_sentences_within_the_limit() -> None:
    summary = summarize_text(BODY_EN, "en", HEADLINE)
    sentences = split_sentences(summary, "en")
    assert 2 <= len(sentences) <= 4
    assert len(summary) <= 400


@pytest.mark.parametrize("limit", [120, 200, 300, 600])
def test_the_length_limit_is_configurable_and_always_kept(limit: int) -> None:
    summary = summarize_text(BODY_EN, "en", HEADLINE, max_chars=limit)
    assert 0 < len(summary) <= limit


def test_when_no_sentence_fits_the_best_one_is_cut_at_a_word() -> None:
    long_sentence = "The council approved " + "a very long list of projects and " * 20 + "more."
    body = "\n".join(long_sentence.replace("council", name) for name in ("council", "board", "panel"))
    summary = summarize_text(body, "en", max_chars=100)
    assert len(summary) <= 100
    assert summary.endswith("…")


@pytest.mark.parametrize(("count", "expected"), [(1, 0), (2, 0), (3, 1), (4, 1), (5, 1), (6, 2)])
def test_a_short_story_gives_at_most_a_third_of_its_sentences(count: int, expected: int) -> None:
    body = "\n".join(BODY_EN.split("\n")[1:][:count])  # no dateline, first `count` paragraphs
    summary = summarize_text(body, "en", HEADLINE, max_chars=2000)
    assert len(split_sentences(summary, "en")) == expected
    assert summary_sentence_limit(count) == expected


# Sentences the splitter keeps whole; each carries a distinct number word, so a sentence of
# the summary can be traced back to the one of the body it reproduces.
_SUBJECTS = ("The port authority", "Ferry operators", "The city council", "Local residents",
             "The transport ministry", "Dock workers")
_ACTS = ("approved a plan for berth", "reported delays at pier", "asked for funding for quay",
         "inspected the cranes at terminal")


def _sentence(n: int) -> str:
    return f"{_SUBJECTS[n % len(_SUBJECTS)]} {_ACTS[n % len(_ACTS)]} number{n} on Monday morning."


@st.composite
def bodies(draw: st.DrawFn) -> tuple[list[str], str]:
    """A body of 1..12 sentences, grouped into paragraphs at random (one per line)."""
    count = draw(st.integers(1, 12))
    first = draw(st.integers(0, 500))
    sentences = [_sentence(first + n) for n in range(count)]
    cuts = sorted(draw(st.sets(st.integers(1, max(1, count - 1)), max_size=count - 1)) if count > 1 else [])
    paragraphs, start = [], 0
    for cut in [*cuts, count]:
        if cut > start:
            paragraphs.append(" ".join(sentences[start:cut]))
            start = cut
    return sentences, "\n".join(paragraphs)


def reproduced(summary: str, sentences: list[str]) -> int:
    """How many of the body's sentences the summary shows (by their number word)."""
    words = set(summary.split())
    return sum(1 for s in sentences if s.split()[-4] in words)


@settings(max_examples=150, deadline=None)
@given(body=bodies(), max_chars=st.sampled_from([120, 400, 2000]))
def test_a_summary_holds_at_most_a_third_of_the_body(body: tuple[list[str], str], max_chars: int) -> None:
    sentences, text = body
    summary = summarize_text(text, "en", HEADLINE, max_chars=max_chars)
    shown = reproduced(summary, sentences)
    assert shown <= len(sentences) // 3
    if len(sentences) <= 2:
        assert summary == ""
    else:
        assert shown < len(sentences) - 1
    for part in split_sentences(summary, "en"):
        assert part in sentences or part.endswith("…")


@settings(max_examples=60, deadline=None)
@given(body=bodies())
def test_the_summary_step_follows_the_same_rule(body: tuple[list[str], str]) -> None:
    sentences, text = body
    result = summarize(story(text, "en"))
    if len(sentences) <= 2:
        assert result.summary is None
    else:
        assert reproduced(result.summary or "", sentences) <= len(sentences) // 3


def test_quotes_dateline_and_boilerplate_stay_out() -> None:
    summary = summarize_text(BODY_EN, "en", HEADLINE)
    assert '"' not in summary
    assert "VALLETTA" not in summary and "Newswire" not in summary
    assert "subscription" not in summary


def test_sentences_keep_their_original_order() -> None:
    summary = summarize_text(BODY_EN, "en", HEADLINE)
    sentences = split_sentences(summary, "en")
    positions = [BODY_EN.index(s) for s in sentences]
    assert positions == sorted(positions)


def test_the_lead_is_preferred() -> None:
    summary = summarize_text(BODY_EN, "en", HEADLINE)
    assert summary.startswith("The port authority on Monday opened a ferry terminal")


def test_a_near_repeat_of_the_headline_is_skipped() -> None:
    body = (
        "Harbour city opens new ferry terminal to ease island traffic.\n"
        "The terminal cost 48 million euros and was built in two years on reclaimed land.\n"
        "Ferry operators said the new berths would cut waiting times for lorries by half."
    )
    summary = summarize_text(body, "en", HEADLINE)
    assert "Harbour city opens" not in summary
    assert "48 million" in summary


def test_quote_share_measures_direct_speech() -> None:
    assert quote_share('"We queued for four hours last August," said one driver.') > 0.6
    assert quote_share("Ferry operators said waiting times would fall.") == 0.0
    assert quote_share("« Nous partirons demain », a-t-il dit.") > 0.6
    assert quote_share("“An opening quote that the next sentence closes.") == 1.0


def test_turkish_summary_in_turkish() -> None:
    summary = summarize_text(BODY_TR, "tr", "İzmir'de yeni feribot iskelesi açıldı")
    assert summary
    assert "İZMİR" not in summary and '"' not in summary and "abonelerimize" not in summary
    assert all(s in BODY_TR for s in split_sentences(summary, "tr"))


def test_arabic_summary_in_arabic() -> None:
    summary = summarize_text(BODY_AR, "ar", "افتتاح محطة جديدة للعبارات في الدوحة")
    assert summary
    assert "نيوزواير" not in summary
    assert 2 <= len(split_sentences(summary, "ar")) <= 4


def test_lead3_baseline_takes_the_first_three_sentences() -> None:
    baseline = lead3(BODY_EN, "en")
    assert split_sentences(baseline, "en") == [
        "The port authority on Monday opened a ferry terminal that will double the number of "
        "daily crossings to the northern islands.",
        "The terminal cost 48 million euros and was built in two years on reclaimed land.",
        '"This is the happiest day of my working life, and I thank every worker," the director said.',
    ]
    assert len(lead3(BODY_EN, "en", max_chars=100)) <= 100


def test_config_limits_the_number_of_sentences() -> None:
    summary = summarize_text(BODY_EN, "en", HEADLINE, max_chars=1000,
                             config=SummaryConfig(max_sentences=2))
    assert len(split_sentences(summary, "en")) == 2


def test_summarize_adds_a_machine_summary() -> None:
    result = summarize(story(BODY_EN, "en"))
    assert result.summary
    assert result.descriptions[-1].role == "summary"
    enriched = result.extra["enriched"]
    assert isinstance(enriched, dict) and enriched["summary"]["creator"] == "newswire-enrich"


def test_an_editors_summary_wins() -> None:
    item = story(BODY_EN, "en", descriptions=(Text("Editor wrote this.", role="summary"),))
    assert summarize(item) is item


def test_standfirst_is_kept_and_summary_added_beside_it() -> None:
    item = story(BODY_EN, "en", descriptions=(Text("A new terminal opens.", role="standfirst"),))
    result = summarize(item)
    assert result.standfirst == "A new terminal opens."
    assert result.summary and result.summary != result.standfirst


def test_summarize_is_pure() -> None:
    item = story(BODY_EN, "en")
    summarize(item)
    assert item.descriptions == () and item.extra == {}


def test_nothing_to_summarize() -> None:
    empty = Item(uri="urn:test:empty")
    assert summarize(empty) is empty
    assert summarize_text("", "en") == ""


def test_long_bodies_only_look_at_the_first_sentences() -> None:
    paragraph = "Officials reviewed the ferry timetable for the winter season on Monday morning."
    body = "\n".join(f"{paragraph} Item {n} was added to the list of changes." for n in range(2000))
    summary = summarize_text(body, "en", HEADLINE)
    assert 0 < len(summary) <= 400


NEXT_STEP = "\n".join([
    "The city council approved a new tram line for the northern districts on Tuesday after a long debate.",
    "The area has grown quickly over the past decade and its buses are crowded at rush hour.",
    "Construction will start in March and should take about three years.",
    "The opposition had voted against an earlier version of the plan in 2023.",
    "A retired teacher in the gallery was asked to leave by the ushers.",
    "Shops near the old depot closed early that evening because of heavy rain.",
])


def test_what_happens_next_is_preferred_to_background() -> None:
    summary = summarize_text(NEXT_STEP, "en", "Council approves northern tram line", max_chars=250)
    assert "Construction will start in March" in summary
    plain = summarize_text(NEXT_STEP, "en", "Council approves northern tram line", max_chars=250,
                           config=SummaryConfig(max_chars=250, next_step=0.0))
    assert "Construction will start" not in plain


@pytest.mark.parametrize(("words", "lang", "expected"), [
    (["the", "vote", "will", "take", "place"], "en", True),
    (["the", "vote", "took", "place", "monday"], "en", False),
    (["it", "is", "due", "to", "open"], "en", True),
    (["toplantı", "yapılacak"], "tr", True),
    (["заседание", "состоится", "в", "марте"], "ru", True),
    (["la", "réunion", "aura", "lieu"], "fr", True),
    (["el", "pasado", "mes"], "es", False),
])
def test_looks_ahead(words: list[str], lang: str, expected: bool) -> None:
    assert looks_ahead(words, lang) is expected


# -- shapes of agency copy (issue 15) --------------------------------------------------------
def test_speech_in_any_form_stays_out_of_the_summary() -> None:
    paragraphs = [
        "The government and two opposition parties agreed on a budget that raises defence spending.",
        "The deal still needs a vote in parliament, which is scheduled for Dec. 10 this year.",
        "(Kari Vestby, chief economist at DNB Markets, speaking to reporters)",
        "- Сроки сертификации двигателей пока не позволяют говорить об удвоении, - сказал он.",
        "« La nuit a été très longue pour tout le monde », ajoute-t-il, en précisant les faits.",
        "»Ich will eine Präsidentin für alle Abgeordneten sein«, sagte sie nach der Wahl.",
        "Analysts expect the central bank to keep interest rates unchanged in December.",
        "Employers said the rules on temporary hiring remain a problem for small firms.",
        "Parliament's finance committee will publish its report on the budget next week.",
    ]
    summary = summarize_text("\n".join(paragraphs), "en", "Budget deal reached")
    assert summary
    for speech in paragraphs[2:6]:
        assert speech[:20] not in summary


def test_a_story_sent_without_a_standfirst_keeps_its_lead_in_the_summary() -> None:
    from newswire.formats.wiretext import parse_wiretext

    lead = (
        "Le Grand port maritime de Marseille a annoncé vendredi un plan de 180 millions "
        "d'euros pour brancher les navires à quai sur le réseau électrique, afin de réduire "
        "la pollution de l'air dans les quartiers nord de la ville."
    )
    body = [
        "Les ferries vers la Corse sont déjà raccordés depuis 2025, selon le port.",
        "Le plan étend le dispositif aux paquebots de croisière et aux porte-conteneurs.",
        "Les travaux seront financés pour moitié par l'Union européenne, a-t-on appris.",
        "Les associations de riverains saluent l'annonce mais veulent aller plus vite.",
        "Le premier appel d'offres doit être lancé le 15 janvier prochain à Marseille.",
    ]
    item = parse_wiretext("\n".join(["Le port de Marseille électrifie ses quais", lead, *body]))
    assert item.standfirst is None
    assert lead in (summarize(item).summary or "")


def test_a_summary_is_not_empty_when_every_sentence_repeats_the_headline() -> None:
    sentences = [
        "Inflation fell to 31 percent in October, the statistics office said on Monday.",
        "\"Disinflation continues,\" the minister said on social media after the figures.",
        "\"Services inflation is still far too high,\" an economist said on the same day.",
    ]
    summary = summarize_text("\n".join(sentences), "en", "Inflation fell to 31 percent in October")
    assert summary == sentences[0]
