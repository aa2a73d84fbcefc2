"""Near-duplicates among the desk's suggestions: a draft whose text already moved says so ("looks
like the story moved N minutes ago", with a link), from the wire's own near-duplicate index."""

from __future__ import annotations

import time
from datetime import timedelta

from newswire.desk import nearby
from newswire.desk.compose import Story, first_version
from newswire.model import utcnow

from conftest import LiveServer
from deskkit import at_desk, item_path, live, send, story_fields

__all__ = ["live"]

BODY = ("The central bank of Atlantis raised its benchmark interest rate by half a point on Thursday, the third "
        "rise this year, citing food and fuel prices.\n\nThe governor said the bank stood ready to act again if "
        "inflation stayed above its target through the summer months.")
OTHER = ("A spring storm closed the mountain pass for the second time this week, and the road authority said "
         "snow ploughs would work through the night to clear it before the holiday traffic.")


def on_the_wire(live: LiveServer, headline: str, body: str) -> str:
    uri = f"urn:newswire:text:nearby-{time.monotonic_ns()}"
    story = Story(headline=headline, dateline="ATLANTIS", body=body, urgency="urgent")
    live.wire.publish(first_version(story, uri, utcnow() - timedelta(minutes=12)))
    return uri


def test_a_draft_like_a_moved_story_says_when_it_moved_with_a_link(live: LiveServer) -> None:
    moved = on_the_wire(live, "Atlantis central bank raises rates again", BODY)
    editor = at_desk(live, "nearby-editor@agency.example")
    draft = story_fields("Atlantis raises interest rate", dateline="ATLANTIS", body=BODY)
    answer = send(editor, "/desk/suggest", draft)
    assert answer.status_code == 200, answer.text
    found = answer.json()["nearby"]
    ours = next(one for one in found if one["uri"] == moved)
    assert ours["rel"] in ("duplicate", "related") and ours["headline"] == "Atlantis central bank raises rates again"
    assert ours["href"] == item_path(moved) and ours["minutesAgo"] in (0, 1)  # versionCreated is the store's
    html = answer.json()["html"]
    assert 'id="nearby"' in html and f'href="{item_path(moved)}"' in html and "minutes ago" in html
    # Without the script, the form's own Suggest shows the same.
    page = send(editor, "/desk/compose", {**draft, "action": "suggest"})
    assert page.status_code == 200 and f'href="{item_path(moved)}"' in page.text
    # A story about something else lists nothing like it.
    other = send(editor, "/desk/suggest", story_fields("Storm closes pass", body=OTHER)).json()["nearby"]
    assert moved not in [one["uri"] for one in other]


def test_the_lookup_is_the_wires_own_index_and_skips_killed_stories(live: LiveServer) -> None:
    moved = on_the_wire(live, "Atlantis bank lifts rate", BODY)
    item = first_version(Story(headline="x", body=BODY), "urn:newswire:text:nearby-probe", utcnow())
    later = utcnow() + timedelta(minutes=30)
    [ours] = [one for one in nearby.moved_like(live.wire, item, later) if one.uri == moved]
    assert ours.minutes is not None and 29 <= ours.minutes <= 31
    live.wire.kill(moved, "Wrong figures")
    assert moved not in [one.uri for one in nearby.moved_like(live.wire, item)]
    assert nearby.moved_like(live.wire, first_version(Story(), "urn:x", utcnow())) == []
