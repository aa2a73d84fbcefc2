"""What the rule-based finders read of a story: its text up to MAX_ENRICHED_CHARS, cut after
a whole paragraph (or a whole word when one paragraph runs past the limit). A wire story is far
shorter; a pasted table or a document made to be slow (the API takes 5 MB bodies) is enriched
from its head in bounded time instead of for minutes."""

from __future__ import annotations

from newswire.enrich.pipeline import Pipeline
from newswire.enrich.text import MAX_ENRICHED_CHARS, enriched_text, item_text
from newswire.model import Item, Text


def _item(body: str) -> Item:
    return Item(uri="urn:test:long", headlines=(Text("Talks resume in Geneva"),), language="en",
                bodies=(Text(body, content_type="text/plain"),))


def test_a_story_within_the_limit_is_read_whole() -> None:
    item = _item("GENEVA (Reuters) - Talks resumed on Monday.\nThe envoy said little.")
    assert enriched_text(item) == item_text(item)


def test_a_long_story_is_cut_after_its_last_whole_paragraph() -> None:
    paragraph = "The envoy met delegations from both sides again on Tuesday. " * 3
    item = _item("\n".join([paragraph.strip()] * 2000))
    text = enriched_text(item)
    assert len(text) <= MAX_ENRICHED_CHARS < len(item_text(item))
    assert item_text(item).startswith(text) and text.endswith("Tuesday.")
    assert item_text(item)[len(text)] == "\n"


def test_one_huge_paragraph_is_cut_after_a_whole_word() -> None:
    item = _item("заявил представитель министерства энергетики Иван Петров " * 20000)
    text = enriched_text(item)
    assert MAX_ENRICHED_CHARS // 2 < len(text) <= MAX_ENRICHED_CHARS
    assert item_text(item)[len(text)] == " " and not text.endswith(" ")


def test_the_pipeline_finds_what_the_head_of_a_long_story_names_and_not_its_tail() -> None:
    filler = "\n".join(["Delegates met again and again without any result at all."] * 1200)
    body = ("GENEVA (Reuters) - U.N. envoy Marta Kowalczyk-Heiden opened the talks on Monday.\n"
            + filler + "\nLater, envoy Tobiah Ferreira-Lund said he would stay in Zurich.")
    item = Pipeline.default()(_item(body))
    people = {p.name for p in item.people}
    assert "Marta Kowalczyk-Heiden" in people and "Tobiah Ferreira-Lund" not in people
    assert item.language == "en" and item.summary  # the other steps still ran
