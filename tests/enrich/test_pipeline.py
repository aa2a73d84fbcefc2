"""The pipeline: steps in order, switchable, never blocking a publish."""

from __future__ import annotations

from newswire.enrich.pipeline import Pipeline
from newswire.model import Item, Text


def story() -> Item:
    return Item(uri="urn:t:pipe", headlines=(Text("Parliament approves budget"),),
                bodies=(Text("<p>ANKARA (AA) - Parliament approved the budget on Monday, the speaker said.</p>"
                             "<p>The vote was 320 to 180.</p><p>The budget takes effect on Jan. 1.</p>"),))


def test_a_failing_step_is_skipped_and_the_others_still_run() -> None:
    def broken(item: Item) -> Item:
        raise RuntimeError("boom")

    pipeline = Pipeline.default()
    pipeline.steps.insert(0, ("broken", broken))
    enriched = pipeline(story())
    assert enriched.language == "en" and enriched.located == "ANKARA"
    assert "broken" in pipeline.timings


def test_steps_can_be_switched_off_by_name() -> None:
    pipeline = Pipeline.default(disabled=("language", "summary"))
    names = [name for name, _ in pipeline.steps]
    assert "language" not in names and "summary" not in names and "topics" in names
    assert pipeline(story()).language is None


def test_warm_up_loads_everything_and_leaves_no_timings() -> None:
    pipeline = Pipeline.default()
    pipeline.warm_up()
    assert pipeline.timings == {}
