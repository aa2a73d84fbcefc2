"""The enrichment pipeline: named pure steps ``Item -> Item``, run in order on publish.

A step never overrides what an editor set, marks what it makes as machine-made, can be
switched off by name (``NEWSWIRE_ENRICH_DISABLE=summary,topics``), and when it fails is
logged and skipped: enrichment never blocks publishing.

A story in a language the wire carries but does not enrich (Persian, Azerbaijani, Kazakh:
:data:`newswire.enrich.language.IDENTIFIED_ONLY`, or any other an editor sets) gets only
the steps that do not read its words (:data:`ANY_LANGUAGE`); the others are skipped and the
item says so in its ``edNote`` (:data:`LIMITED_NOTE`), unless an editor wrote one.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from newswire.enrich.language import supported
from newswire.model import Item, Text

log = logging.getLogger(__name__)

Step = Callable[[Item], Item]

# name -> "module:function"; the order is the order they run in.
STEPS: tuple[tuple[str, str], ...] = (
    ("language", "newswire.enrich.language:detect_language"),
    ("dateline", "newswire.enrich.dateline:extract_dateline"),
    ("entities", "newswire.enrich.entities:extract_entities"),
    ("quotes", "newswire.enrich.quotes:extract_quotes"),
    ("topics", "newswire.enrich.topics:assign_topics"),
    ("summary", "newswire.enrich.summary:summarize"),
    ("planning", "newswire.enrich.planning:extract_planning"),
)

# Steps that work on any language: identifying it, and the dateline (read from its shape).
ANY_LANGUAGE: frozenset[str] = frozenset({"language", "dateline"})
LIMITED_NOTE = (
    "Machine enrichment limited: the language {language} is identified but not enriched; "
    "not run: {steps}."
)


def load_step(target: str) -> Step:
    module_name, _, func = target.partition(":")
    step: Step = getattr(importlib.import_module(module_name), func)
    return step


@dataclass
class Pipeline:
    steps: list[tuple[str, Step]]
    timings: dict[str, float] = field(default_factory=dict)
    warm: bool = field(default=False, compare=False)

    @classmethod
    def default(cls, disabled: Iterable[str] = ()) -> Pipeline:
        off = set(disabled)
        steps = []
        for name, target in STEPS:
            if name in off:
                continue
            try:
                steps.append((name, load_step(target)))
            except Exception:  # a broken step must not stop the wire: it is skipped
                log.warning("enrichment step %s is not available; skipped", name)
        return cls(steps)

    def warm_up(self) -> None:
        """Run once over a small story so models and vocabularies load now, not on the first
        publish (the language model alone takes over a second to load). Once: a second call
        does nothing."""
        if self.warm:
            return
        sample = Item(
            uri="urn:newswire:warm-up",
            headlines=(Text("Ministers meet in Ankara to discuss trade"),),
            bodies=(Text("<p>ANKARA (AA) - Trade ministers met on Monday, officials said.</p>"
                         "<p>“We agreed to meet again on March 3,” the minister told reporters.</p>"),),
        )
        self(sample)
        self.timings.clear()
        self.warm = True

    def __call__(self, item: Item, skip: Collection[str] = ()) -> Item:
        """``skip``: steps not to run (the desk's editor has decided their findings)."""
        skipped: list[str] = []
        for name, step in self.steps:
            if name in skip:
                continue
            if name not in ANY_LANGUAGE and item.language and not supported(item.language):
                skipped.append(name)
                continue
            started = time.perf_counter()
            try:
                item = step(item)
            except Exception:
                log.exception("enrichment step %s failed on %s; skipped", name, item.uri)
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - started
        if skipped and not item.ed_note:
            note = LIMITED_NOTE.format(language=item.language, steps=", ".join(skipped))
            item = item.evolve(ed_note=note)
        return item
