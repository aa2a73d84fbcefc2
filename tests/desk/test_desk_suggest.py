"""Enrichment suggestions while the editor writes: ``POST /desk/suggest`` (and, without the
script, the compose form's "Suggest enrichment" button) runs the wire's own pipeline over the
draft and lists what it finds; the ticked findings go into the draft, are published marked as
machine values, and the findings left unticked stay out (their steps do not run again)."""

from __future__ import annotations

import html
import re
from typing import Any

from newswire.desk import suggest
from newswire.desk.compose import Story, first_version
from newswire.enrich.pipeline import Pipeline
from newswire.model import MACHINE_CREATOR, utcnow
from newswire.store import items as store

from conftest import LiveServer
from deskkit import Visitor, at_desk, item_path, live, published_uri, send, story_fields

__all__ = ["live"]

BODY = ("President Recep Tayyip Erdoğan met French President Emmanuel Macron in Ankara on Monday, officials "
        "said.\n\n“We agreed to meet again next month,” Macron told reporters.\n\nThe European Union and NATO "
        "were also discussed. The talks focused on trade and energy prices.\n\nTurkey's central bank raised "
        "interest rates on the same day.")
TURKISH = ("Cumhurbaşkanı Erdoğan, Ankara'da Fransa Cumhurbaşkanı Macron ile bir araya geldi.\n\nİki lider "
           "ticaret ve enerji fiyatlarını görüştü. Görüşme yaklaşık iki saat sürdü ve ardından ortak bir "
           "basın toplantısı düzenlendi.")
_BOX = re.compile(r'<input type="checkbox" id="(accept-\d+)" name="accept-\d+" value="([^"]+)"( checked)?')


def fields_for(body: str = BODY, **more: str) -> dict[str, str]:
    return story_fields("Erdoğan and Macron meet in Ankara", dateline="ANKARA", body=body, **more)


def boxes(page: str) -> list[tuple[str, suggest.Suggestion, bool]]:
    found = []
    for name, value, checked in _BOX.findall(page):
        one = suggest.Suggestion.parse(html.unescape(value))
        assert one is not None, value
        found.append((name, one, bool(checked)))
    return found


def test_the_suggestions_are_the_pipelines_machine_findings() -> None:
    story = Story.from_form(fields_for())
    found = suggest.suggestions(Pipeline.default(), first_version(story, "urn:newswire:test:s1", utcnow()))
    kinds = {one.kind for one in found}
    assert {"summary", "topic", "person", "organisation", "place", "quote"} <= kinds
    people = {one.label for one in found if one.kind == "person"}
    assert {"Recep Tayyip Erdoğan", "Emmanuel Macron"} <= people
    quote = next(one for one in found if one.kind == "quote")
    assert quote.data["speaker"] == "Emmanuel Macron" and "meet again" in quote.data["text"]
    assert "language" not in kinds  # the text is English, as the form says
    assert all(suggest.Suggestion.parse(one.value()) == one for one in found)  # the checkbox round trip


def test_only_what_the_editor_ticked_is_published_and_it_stays_a_machine_value() -> None:
    pipeline = Pipeline.default()
    story = Story.from_form(fields_for())
    found = suggest.suggestions(pipeline, first_version(story, "urn:newswire:test:s2", utcnow()))
    macron = next(one for one in found if one.label == "Emmanuel Macron")
    topic = next(one for one in found if one.kind == "topic")
    ticked = Story.from_form({**fields_for(), "accept-0": macron.value(), "accept-3": topic.value(),
                              "accept-9": "not json", "reviewed": "summary,topics,entities,quotes,planning,bogus"})
    assert ticked.reviewed_steps() == suggest.REVIEWABLE
    item = first_version(ticked, "urn:newswire:test:s2", utcnow())
    published = pipeline(item, ticked.reviewed_steps())  # what Wire.publish runs with reviewed=...
    assert [(p.name, p.creator, p.confidence) for p in published.people] == \
        [("Emmanuel Macron", MACHINE_CREATOR, macron.confidence)]
    assert published.organisations == () and published.quotes == () and published.summary is None
    assert [s.uri for s in published.subjects] == [topic.data["uri"]] and published.subjects[0].machine_made
    # Without a review the pipeline finds everything again, as for any other story.
    assert len(pipeline(first_version(Story.from_form(fields_for()), "urn:x", utcnow())).people) >= 2


def test_a_language_suggestion_fills_the_language_and_keeps_its_machine_mark() -> None:
    story = Story.from_form(fields_for(body=TURKISH, language="en"))
    found = suggest.suggestions(Pipeline.default(), first_version(story, "urn:newswire:test:s3", utcnow()))
    language = next(one for one in found if one.kind == "language")
    assert language.data["value"] == "tr" and (language.confidence or 0) > 50
    accepted = Story.from_form({**fields_for(body=TURKISH, language="en"), "accept-0": language.value()})
    assert accepted.language == "tr"
    item = first_version(accepted, "urn:newswire:test:s3", utcnow())
    assert item.extra["enriched"]["language"]["creator"] == MACHINE_CREATOR  # type: ignore[index]


def test_a_forged_checkbox_is_ignored() -> None:
    for raw in ("", "[]", '{"kind":"person"}', '{"kind":"weather","name":"x"}', '{"kind":"person","name":true}',
                '{"kind":"event","name":"Summit"}', '{"kind":"summary","value":""}', '{"kind":"person","name":{}}',
                '{"kind":"person","name":"' + "x" * 5000 + '"}'):
        assert suggest.Suggestion.parse(raw) is None, raw
    person = suggest.Suggestion.parse('{"kind":"person","name":"Ada","creator":"someone","junk":1}')
    assert person is not None and person.data == {"name": "Ada"}


def post_suggest(visitor: Visitor, fields: dict[str, str], csrf: str | None = None) -> Any:
    token = csrf if csrf is not None else visitor.csrf("/desk/new")
    return visitor.client.post("/desk/suggest", data={"csrf": token, **fields})


def test_the_suggest_endpoint_answers_the_panel_as_html_and_json(live: LiveServer) -> None:
    editor = at_desk(live, "suggest-editor@agency.example")
    answer = post_suggest(editor, fields_for())
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert 'id="suggestions"' in data["html"] and "Emmanuel Macron" in data["html"]
    assert data["reviewed"] == ",".join(suggest.REVIEWABLE)
    assert {s["kind"] for s in data["suggestions"]} >= {"person", "quote"}
    assert all(not checked for _name, _one, checked in boxes(data["html"]))
    # A forged form, a signed-out visitor and an empty story are problems, never a page.
    forged = post_suggest(editor, fields_for(), csrf="nope")
    assert forged.status_code == 403 and forged.headers["content-type"].startswith("application/problem+json")
    away = Visitor.at(live).client.post("/desk/suggest", data=fields_for())
    assert away.status_code == 401 and away.json()["status"] == 401
    empty = post_suggest(editor, {"headline": "", "body": ""})
    assert empty.status_code == 400 and empty.json()["title"] == "Nothing to enrich"


def test_without_the_script_the_form_suggests_keeps_the_ticked_ones_and_publishes_them(live: LiveServer) -> None:
    editor = at_desk(live, "suggest-nojs@agency.example")
    page = send(editor, "/desk/compose", {**fields_for(), "action": "suggest"})
    assert page.status_code == 200 and 'id="suggestions"' in page.text
    found = boxes(page.text)
    reviewed = re.search(r'name="reviewed" value="([^"]*)"', page.text)
    assert reviewed is not None and reviewed.group(1) == ",".join(suggest.REVIEWABLE)
    topic = next(one for _name, one, _checked in found if one.kind == "topic")
    pick = {name: one.value() for name, one, _checked in found
            if one.label in ("Emmanuel Macron", "Ankara") or one == topic}
    assert len(pick) == 3
    # Saved as a draft, the ticked ones come back ticked.
    saved = send(editor, "/desk/compose", {**fields_for(), **pick, "reviewed": reviewed.group(1), "action": "draft"})
    assert saved.status_code == 303
    draft = editor.get(saved.headers["location"]).text
    assert sorted(one.label for _name, one, checked in boxes(draft) if checked) == \
        sorted(["Ankara", "Emmanuel Macron", topic.label])
    draft_id = saved.headers["location"].split("/")[-1].split("?")[0]
    rev = re.search(r'name="rev" value="(\d+)"', draft)
    assert rev is not None
    published = send(editor, "/desk/compose", {**fields_for(), **pick, "reviewed": reviewed.group(1),
                                               "draft": draft_id, "rev": rev.group(1), "action": "publish"})
    assert published.status_code == 303, published.text
    item = store.get_item(live.wire.engine, published_uri(published))
    assert item is not None
    # (the store keeps the machine mark of subjects, quotes and diary entries; of people,
    # organisations and places only the names: ninjs carries no creator there)
    assert [p.name for p in item.people] == ["Emmanuel Macron"]
    assert [p.name for p in item.places] == ["Ankara"] and item.organisations == () and item.quotes == ()
    assert [(s.uri, s.machine_made) for s in item.subjects] == [(topic.data["uri"], True)]


def test_a_correction_keeps_what_the_editor_decided_and_can_ask_again(live: LiveServer) -> None:
    editor = at_desk(live, "suggest-correct@agency.example")
    found = boxes(send(editor, "/desk/compose", {**fields_for(), "action": "suggest"}).text)
    topic = next(one for _name, one, _checked in found if one.kind == "topic")
    pick = {name: one.value() for name, one, _checked in found if one.label == "Emmanuel Macron" or one == topic}
    uri = published_uri(send(editor, "/desk/compose", {**fields_for(), **pick, "action": "publish",
                                                       "reviewed": ",".join(suggest.REVIEWABLE)}))
    page = editor.get(item_path(uri)).text
    kept = {name: one.value() for name, one, checked in boxes(page) if checked}
    assert sorted(suggest.Suggestion.parse(v).label for v in kept.values()) == [topic.label]  # type: ignore[union-attr]
    reviewed = re.search(r'name="reviewed" value="([^"]*)"', page)
    assert reviewed is not None and reviewed.group(1) == ",".join(suggest.REVIEWABLE)
    corrected = fields_for(body=BODY.replace("on Monday", "on Tuesday"))
    form = {**corrected, **kept, "reviewed": reviewed.group(1), "version": "1", "note": "The meeting was on Tuesday."}
    # Asking for suggestions on the story page moves nothing: the page comes back with them.
    asked = send(editor, item_path(uri) + "/correct", {**form, "action": "suggest"}, form_page=item_path(uri))
    assert asked.status_code == 200 and store.get_item(live.wire.engine, uri).version == 1  # type: ignore[union-attr]
    assert "Recep Tayyip Erdoğan" in {one.label for _name, one, checked in boxes(asked.text) if not checked}
    moved = send(editor, item_path(uri) + "/correct", form, form_page=item_path(uri))
    assert moved.status_code == 303, moved.text
    item = store.get_item(live.wire.engine, uri)
    assert item is not None and item.version == 2 and "on Tuesday" in item.body_html
    assert [p.name for p in item.people] == ["Emmanuel Macron"]  # the rejected Erdoğan stays out
    assert [(s.uri, s.machine_made) for s in item.subjects] == [(topic.data["uri"], True)]
