"""The pipeline: steps in order, switchable, never blocking a publish."""

from __future__ import annotations

from newswire.enrich.pipeline import LIMITED_NOTE, Pipeline
from newswire.formats.ninjs import to_ninjs3
from newswire.model import Item, Text

from schemas import assert_ninjs


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


def persian_story(**fields: object) -> Item:
    return Item(uri="urn:t:fa", headlines=(Text("سه ایستگاه جدید متروی تهران افتتاح می‌شود"),),
                bodies=(Text("<p>تهران/ آناتولی</p><p>شهرداری تهران روز چهارشنبه اعلام کرد که سه ایستگاه "
                             "جدید تا ۱۵ دسامبر افتتاح می‌شود. علیرضا نادری گفت: «این یک گام بزرگ است.»</p>"),),
                **fields)  # type: ignore[arg-type]


def test_a_language_outside_the_enriched_set_gets_only_language_and_dateline_and_says_so() -> None:
    enriched = Pipeline.default()(persian_story())
    assert enriched.language == "fa"
    assert (enriched.located, [c.name for c in enriched.info_sources]) == ("تهران", ["آناتولی"])
    assert (enriched.people, enriched.organisations, enriched.places, enriched.subjects) == ((), (), (), ())
    assert (enriched.quotes, enriched.planning, enriched.summary) == ((), (), None)
    assert enriched.ed_note == LIMITED_NOTE.format(
        language="fa", steps="entities, quotes, topics, summary, planning")
    assert_ninjs(to_ninjs3(enriched))


def test_an_editors_note_and_language_are_kept() -> None:
    enriched = Pipeline.default()(persian_story(language="kk", ed_note="Embargo agreed with the desk"))
    assert enriched.language == "kk" and enriched.ed_note == "Embargo agreed with the desk"
    assert enriched.people == () and enriched.located == "تهران"


def test_a_supported_language_gets_every_step_and_no_note() -> None:
    enriched = Pipeline.default()(story())
    assert enriched.ed_note is None and enriched.summary and enriched.places
