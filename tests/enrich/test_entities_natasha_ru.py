"""The optional Russian NER (extra ``ru-ner``, ``NEWSWIRE_RU_NER=natasha``): off by default
and never imported then; when on, Natasha's people and organisations are merged with the
rules', the rules' names and ids winning.

Sample texts are written for these tests.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import textwrap

import pytest

from newswire.config import Settings
from newswire.enrich.entities import Entities, Entity, extract_entities, natasha_ru
from newswire.enrich.entities.natasha_ru import Span, merge
from newswire.enrich.pipeline import Pipeline
from newswire.formats import parse
from newswire.vocab.people_orgs import ORGANISATION, PERSON

STORY = (
    "Сбербанк снизил ставки по вкладам\n\n"
    "Москва. 3 декабря. - Сбербанк снижает ставки по рублевым вкладам на полпроцента, "
    "сообщила в среду заместитель председателя правления банка Мария Дроздова-Левина.\n\n"
    "По данным Счетной палаты, инфляция в ноябре замедлилась. Решение о ставках принял "
    "комитет по активам и пассивам Сбербанка.\n\n"
    "Аналитики Райффайзенбанка ожидают, что другие крупные банки последуют примеру.\n"
)

needs_natasha = pytest.mark.skipif(
    importlib.util.find_spec("natasha") is None,
    reason="natasha is not installed (the extra ru-ner: pip install -e '.[ru-ner]'; make install brings it)",
)


def _names(concepts: tuple[object, ...]) -> list[str]:
    return [c.name for c in concepts]  # type: ignore[attr-defined]


def _run(env: dict[str, str], code: str) -> str:
    """``code`` in a fresh interpreter (what it has imported is its own), its stdout."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env={**os.environ, **env},
                          capture_output=True, text=True, timeout=120, check=True)
    return done.stdout.strip()


def test_the_setting_is_off_unless_it_names_natasha() -> None:
    assert Settings.from_env({}).ru_ner is None
    assert Settings.from_env({"NEWSWIRE_RU_NER": " Natasha "}).ru_ner == "natasha"
    assert natasha_ru.enabled({"NEWSWIRE_RU_NER": "natasha"})
    assert not natasha_ru.enabled({})
    assert not natasha_ru.enabled({"NEWSWIRE_RU_NER": "spacy"})  # unknown: warned about, off


def test_the_default_pipeline_never_imports_natasha() -> None:
    env = {k: v for k, v in os.environ.items() if k != "NEWSWIRE_RU_NER"}
    out = _run(env, f"""
        import sys
        from newswire.enrich.pipeline import Pipeline
        from newswire.formats import parse
        item = Pipeline.default()(parse({STORY!r}.encode(), "text"))
        print(item.language, "natasha" in sys.modules, [m for m in sys.modules if m.split(".")[0] in
              ("natasha", "slovnet", "navec", "pymorphy2")])
    """)
    assert out == "ru False []"


def test_enabled_without_natasha_installed_keeps_the_rules_findings() -> None:
    out = _run({"NEWSWIRE_RU_NER": "natasha"}, f"""
        import sys
        sys.modules["natasha"] = None  # as if the extra were not installed: importing it fails
        from newswire.enrich.pipeline import Pipeline
        from newswire.formats import parse
        item = Pipeline.default()(parse({STORY!r}.encode(), "text"))
        print([c.name for c in item.people])
    """)
    assert out == "['Мария Дроздова-Левина']"


@needs_natasha
def test_natasha_adds_the_organisations_the_rules_missed_in_the_nominative(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    item = Pipeline.default()(parse(STORY.encode(), "text"))
    assert item.language == "ru"
    rules = _names(item.organisations)
    assert "Счётная палата" not in rules  # the rules alone miss the audit chamber in the genitive

    monkeypatch.setenv("NEWSWIRE_RU_NER", "natasha")
    enriched = extract_entities(item)
    assert natasha_ru.loaded()
    assert sorted(_names(enriched.organisations)) == ["Райффайзенбанк", "Сбербанк", "Счётная палата"]
    added = [c for c in enriched.organisations if c.name not in rules]
    assert added and all(c.machine_made and c.confidence == natasha_ru.MODEL_CONFIDENCE for c in added)
    assert _names(enriched.people) == ["Мария Дроздова-Левина"]  # the rules' person, not twice
    assert _names(enriched.places) == _names(item.places)  # places stay the gazetteer's


@needs_natasha
def test_the_warm_up_loads_the_model_before_workers_fork_but_reads_only_russian_stories() -> None:
    out = _run({"NEWSWIRE_RU_NER": "natasha"}, """
        from newswire.enrich.entities import natasha_ru
        from newswire.enrich.pipeline import Pipeline
        pipeline = Pipeline.default()
        print(natasha_ru.loaded(), end=" ")
        pipeline.warm_up()  # an English story
        print(natasha_ru.loaded(), natasha_ru.model_spans.cache_info().misses)
    """)
    assert out == "False True 0"


# The merge, with spans as the model gives them (no model needed).

def _span(kind: str, text: str, normal: str, start: int, **kw: object) -> Span:
    return Span(kind, text, normal, start, **kw)  # type: ignore[arg-type]


def test_the_rules_names_and_ids_win_over_the_models() -> None:
    rules = Entities(
        people=(Entity(PERSON, "Эльвира Набиуллина", uri="http://www.wikidata.org/entity/Q1", confidence=90),),
        organisations=(Entity(ORGANISATION, "Министерство транспорта Российской Федерации", confidence=80),),
    )
    spans = [
        _span("PER", "Эльвиры Набиуллиной", "Эльвира Набиуллина", 40),
        _span("PER", "Набиуллина", "Набиуллина", 90),
        _span("ORG", "Министерства транспорта", "Министерство транспорта", 120),
    ]
    assert merge(rules, spans, body_from=30) == rules


def test_new_names_are_added_but_not_surnames_alone_headline_short_forms_or_sentence_opening_words() -> None:
    spans = [
        _span("ORG", "Минприроды", "Минприроды", 0, opens_sentence=True),  # the headline only
        _span("ORG", "Синоптики", "Синоптики", 50, opens_sentence=True, common=True),
        _span("ORG", "Росстата", "Росстат", 80),
        _span("ORG", "Росстат", "Росстат", 130, opens_sentence=True),
        _span("ORG", "Доме Правительства", "Дом Правительства", 160),
        _span("PER", "Никиту Серова", "Никита Серов", 200),
        _span("PER", "Серов", "Серов", 260),
        _span("PER", "Петров", "Петров", 300),
    ]
    found = merge(Entities(), spans, body_from=30)
    assert [(o.name, o.mentions, o.confidence) for o in found.organisations] == [("Росстат", 2, 70)]
    assert [(p.name, p.aliases, p.mentions) for p in found.people] == [("Никита Серов", ("Никиту Серова",), 2)]


def test_a_rule_person_the_model_reads_as_an_organisation_becomes_one() -> None:
    rules = Entities(people=(Entity(PERSON, "Государственный Эрмитаж", titles=("директор",)),),
                     organisations=(Entity(ORGANISATION, "Райффайзенбанка"),))
    spans = [_span("ORG", "Государственный Эрмитаж", "Государственный Эрмитаж", 40),
             _span("ORG", "Райффайзенбанка", "Райффайзенбанк", 90)]
    found = merge(rules, spans)
    assert found.people == ()
    assert [(o.name, o.aliases) for o in found.organisations] == [
        ("Райффайзенбанк", ("Райффайзенбанка",)), ("Государственный Эрмитаж", ()),
    ]
