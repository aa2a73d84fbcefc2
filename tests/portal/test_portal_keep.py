"""Keep and follow in the portal over HTTP: saved views in the flow's navigation, bookmarks,
follows and their notifications (what the organisation may read, when it may read it), and
sharing with a colleague — each user's own, whatever id an address or a form names, and
every form refused without its CSRF token or from another site."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import timedelta

import httpx
import pytest

from newswire.model import utcnow
from newswire.store import keep as kept
from newswire.store.users import get_user

from conftest import LiveServer
from portalkit import Visitor, live, member, organisation, publish

__all__ = ["live"]  # the portal's shared server, a fixture

ORGS = {"keep-english": {"languages": ["en"]}, "keep-turkish": {"languages": ["tr"]},
        "keep-early": {"languages": ["en"], "embargoEarly": True}}


@pytest.fixture(autouse=True)
def organisations(live: LiveServer) -> None:
    for name, filters in ORGS.items():
        organisation(live, name, filters)
        member(live, f"reader@{name}.example", name)
    member(live, "colleague@keep-english.example", "keep-english")


def reader(live: LiveServer, org: str, who: str = "reader") -> Visitor:
    return Visitor.at(live).signed_in(f"{who}@{org}.example")


def csrf_post(visitor: Visitor, path: str, data: dict[str, str], page: str = "/portal/notifications"
              ) -> httpx.Response:
    return visitor.post(path, data, csrf_from=page)


def eventually(check: Callable[[], bool], seconds: float = 8.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return check()


def notes(visitor: Visitor, uri: str | None = None) -> str:
    """The user's notification list (of one story only: the portal's server is shared by tests)."""
    page = visitor.get("/portal/notifications")
    assert page.status_code == 200
    listed = page.text.split('<section class="following">', 1)[0]
    if uri is None:
        return listed
    return "".join(entry for entry in listed.split('<li class="note')[1:] if f'href="/portal/items/{uri}"' in entry)


def test_a_saved_view_is_listed_in_the_flows_navigation_and_deleted_by_its_user(live: LiveServer) -> None:
    english, turkish = reader(live, "keep-english"), reader(live, "keep-turkish")
    saved = english.post("/portal/views", {"name": "Harbour (urgent)", "q": "harbour", "urgency": "3"},
                         csrf_from="/portal/?q=harbour&urgency=3")
    assert saved.status_code == 303 and saved.headers["location"] == "/portal/?urgency=3&q=harbour"
    flow = english.get("/portal/", params={"urgency": "3", "q": "harbour"}).text
    nav = flow.split('<nav class="saved-views"', 1)[1].split("</nav>", 1)[0]
    assert re.search(r'href="/portal/\?urgency=3&amp;q=harbour" dir="auto" aria-current="page">Harbour \(urgent\)<',
                     nav), nav
    assert '<label for="sv-name">Name</label>' in flow and ">Save view</button>" in flow
    assert 'class="clear" href="/portal/">Clear</a>' in flow and "built-in method" not in flow  # t.clear was dict.clear
    view_id = re.search(r'action="/portal/views/(\d+)/delete"', english.get("/portal/views").text)
    assert view_id
    # Another organisation's user sees none of it, and cannot delete or follow it by its id.
    assert "Harbour (urgent)" not in turkish.get("/portal/").text + turkish.get("/portal/views").text
    path = f"/portal/views/{view_id.group(1)}/delete"
    assert turkish.post(path, {}, csrf_from="/portal/views").status_code == 404
    assert turkish.post("/portal/follow", {"view": view_id.group(1)}, csrf_from="/portal/views").status_code == 404
    assert turkish.post("/portal/views/99999999999/delete", {}, csrf_from="/portal/views").status_code == 404
    assert "Harbour (urgent)" in english.get("/portal/views").text
    assert english.post("/portal/views", {"name": "  "}, csrf_from="/portal/").status_code == 400
    gone = english.post(path, {}, csrf_from="/portal/views")
    assert gone.status_code == 303 and "Harbour (urgent)" not in english.get("/portal/").text


def test_bookmarks_from_the_flow_and_the_story_page(live: LiveServer) -> None:
    uri = publish(live, "en", marker="keep-me")
    foreign = publish(live, "tr")
    english = reader(live, "keep-english")
    flow = english.get("/portal/").text
    row = flow.split(f'data-uri="{uri}"', 1)[1].split("</tr>", 1)[0]
    assert f'form="keep-add" name="uri" value="{uri}"' in row and 'id="keep-add"' in flow
    added = english.post("/portal/bookmarks/add", {"uri": uri, "next": "/portal/"}, csrf_from="/portal/")
    assert added.status_code == 303 and added.headers["location"] == "/portal/"
    row = english.get("/portal/").text.split(f'data-uri="{uri}"', 1)[1].split("</tr>", 1)[0]
    assert f'form="keep-remove" name="uri" value="{uri}"' in row and "is-kept" in row
    listed = english.get("/portal/bookmarks").text
    assert f'data-uri="{uri}"' in listed and 'form="pick"' in listed  # a zip of them, too
    story = english.get(f"/portal/items/{uri}").text
    assert ">Remove bookmark</button>" in story
    # What the organisation may not read cannot be bookmarked, and is not there.
    assert english.post("/portal/bookmarks/add", {"uri": foreign}, csrf_from="/portal/").status_code == 404
    assert f'data-uri="{foreign}"' not in english.get("/portal/bookmarks").text
    # Another user's bookmarks are theirs.
    assert f'data-uri="{uri}"' not in reader(live, "keep-english", "colleague").get("/portal/bookmarks").text
    removed = english.post("/portal/bookmarks/remove", {"uri": uri, "next": f"/portal/items/{uri}"},
                           csrf_from=f"/portal/items/{uri}")
    assert removed.status_code == 303 and removed.headers["location"] == f"/portal/items/{uri}"
    assert f'data-uri="{uri}"' not in english.get("/portal/bookmarks").text
    assert ">Bookmark</button>" in english.get(f"/portal/items/{uri}").text
    # A "next" of another site is not followed.
    away = english.post("/portal/bookmarks/add", {"uri": uri, "next": "https://evil.example/"}, csrf_from="/portal/")
    assert away.headers["location"] == "/portal/"


def test_every_keep_form_needs_its_csrf_token_and_this_site_as_origin(live: LiveServer) -> None:
    uri = publish(live, "en")
    english = reader(live, "keep-english")
    token = english.csrf("/portal/")
    forms = {"/portal/bookmarks/add": {"uri": uri}, "/portal/bookmarks/remove": {"uri": uri},
             "/portal/views": {"name": "csrf-view"}, "/portal/follow": {"uri": uri},
             "/portal/unfollow": {"uri": uri}, "/portal/share": {"uri": uri, "to": "1"},
             "/portal/notifications/read": {}, "/portal/views/1/delete": {}}
    for path, data in forms.items():
        assert english.post(path, data).status_code == 403, path
        assert english.post(path, {**data, "csrf": "x" * 43}).status_code == 403, path
        other_site = english.post(path, {**data, "csrf": token}, headers={"Origin": "https://evil.example"})
        assert other_site.status_code == 403, path
    assert f'data-uri="{uri}"' not in english.get("/portal/bookmarks").text
    assert "csrf-view" not in english.get("/portal/views").text
    assert not [f for f in kept.follows_of(live.wire.engine, get_user(live.wire.engine,
                                                                      "reader@keep-english.example").id)
                if f.uri == uri]
    # Signed out, a form goes to the sign-in page.
    assert Visitor.at(live).post("/portal/bookmarks/add", {"uri": uri}).status_code in (303, 403)


def test_a_followed_story_notifies_in_the_portal_until_marked_read(live: LiveServer) -> None:
    uri = publish(live, "en", marker="followed")
    english, colleague = reader(live, "keep-english"), reader(live, "keep-english", "colleague")
    followed = english.post("/portal/follow", {"uri": uri, "next": f"/portal/items/{uri}"},
                            csrf_from=f"/portal/items/{uri}")
    assert followed.status_code == 303
    story = english.get(f"/portal/items/{uri}").text
    assert ">Stop following</button>" in story and "Also by email" not in story  # no SMTP on this server
    publish(live, "en", uri=uri, marker="second-version")
    assert eventually(lambda: "Updated" in notes(english, uri))
    page = english.get("/portal/notifications").text
    assert re.search(r'class="badge">1<span class="visually-hidden"> Unread', page)
    assert f'href="/portal/items/{uri}"' in page and "second-version" not in page
    assert "Updated" not in notes(colleague, uri)  # only who follows it
    note_id = re.search(r'name="id" value="(\d+)"', page)
    assert note_id
    # Someone else naming the id changes nothing.
    assert colleague.post("/portal/notifications/read", {"id": note_id.group(1)},
                          csrf_from="/portal/notifications").status_code == 303
    assert 'class="badge"' in english.get("/portal/").text
    assert english.post("/portal/notifications/read", {"id": "x1"}, csrf_from="/portal/notifications"
                        ).status_code == 404
    assert english.post("/portal/notifications/read", {"id": note_id.group(1)},
                        csrf_from="/portal/notifications").status_code == 303
    assert 'class="badge"' not in english.get("/portal/").text
    # Following what the organisation may not read: 404.
    foreign = publish(live, "tr")
    assert english.post("/portal/follow", {"uri": foreign}, csrf_from="/portal/").status_code == 404
    stopped = english.post("/portal/unfollow", {"uri": uri, "next": "/portal/notifications"},
                           csrf_from="/portal/notifications")
    assert stopped.status_code == 303 and f'name="uri" value="{uri}"' not in english.get("/portal/notifications").text


def test_an_embargoed_update_notifies_at_its_lift_and_a_kill_with_the_kill_notice(live: LiveServer) -> None:
    uri = publish(live, "en", marker="before-embargo")
    english, early = reader(live, "keep-english"), reader(live, "keep-early")
    for visitor in (english, early):
        assert visitor.post("/portal/follow", {"uri": uri}, csrf_from=f"/portal/items/{uri}").status_code == 303
    lift = (utcnow() + timedelta(seconds=8)).replace(microsecond=0)
    publish(live, "en", uri=uri, marker="embargoed-words", embargoedUntil=lift.isoformat())
    assert eventually(lambda: "Updated" in notes(early, uri))
    assert "Embargoed until" in notes(early, uri) and "embargoed-words" not in notes(early, uri)
    assert "Updated" not in notes(english, uri) and "Embargo lifted" not in notes(english, uri)
    assert utcnow() < lift  # checked before the lift
    assert eventually(lambda: "Embargo lifted" in notes(english, uri), 15)
    assert "Embargo lifted" not in notes(early, uri)  # told of version 2 once
    assert "Embargoed until" not in notes(early, uri)  # not said once the embargo is over
    live.wire.kill(uri, "court order")
    assert eventually(lambda: "Killed" in notes(english, uri))
    page = notes(english, uri)
    assert "KILL: court order" in page and "Withdrawn: do not use" in page and page.count("<strong>") == 2
    assert "Port authority" not in page  # the kill takes back the headline of every earlier notification
    assert "before-embargo" not in page and "embargoed-words" not in page


def test_a_followed_view_notifies_of_a_new_story_that_matches(live: LiveServer) -> None:
    word = f"aerostat{time.monotonic_ns()}"
    english, turkish = reader(live, "keep-english"), reader(live, "keep-turkish")
    english.post("/portal/views", {"name": "Aerostats", "q": word}, csrf_from="/portal/")
    view_id = re.search(r'name="view" value="(\d+)"', english.get("/portal/views").text)
    assert view_id
    followed = english.post("/portal/follow", {"view": view_id.group(1), "next": "/portal/views"},
                            csrf_from="/portal/views")
    assert followed.status_code == 303 and ">Stop following</button>" in english.get("/portal/views").text
    # Another user cannot stop it by naming the id.
    turkish.post("/portal/unfollow", {"view": view_id.group(1)}, csrf_from="/portal/views")
    publish(live, "en", marker="nothing here")
    match = publish(live, "en", marker=word)
    assert eventually(lambda: "New in your view" in notes(english, match))
    page = notes(english, match)
    assert page and "in “Aerostats”" in page
    assert page.count("New in your view") == 1
    assert "Aerostats" in english.get("/portal/notifications").text.split('<section class="following">', 1)[1]


def test_sharing_with_a_colleague_never_across_organisations(live: LiveServer) -> None:
    uri = publish(live, "en", marker="share-me")
    english, colleague, turkish = (reader(live, "keep-english"), reader(live, "keep-english", "colleague"),
                                   reader(live, "keep-turkish"))
    story = english.get(f"/portal/items/{uri}").text
    options = story.split('id="share-to"', 1)[1].split("</select>", 1)[0]
    assert "colleague@keep-english.example" in options and "keep-turkish" not in options
    assert "reader@keep-english.example" not in options  # not oneself
    mate = get_user(live.wire.engine, "colleague@keep-english.example").id
    stranger = get_user(live.wire.engine, "reader@keep-turkish.example").id
    shared = english.post("/portal/share", {"uri": uri, "to": str(mate), "note": "for page 3",
                                            "next": f"/portal/items/{uri}"}, csrf_from=f"/portal/items/{uri}")
    assert shared.status_code == 303 and shared.headers["location"] == f"/portal/items/{uri}?kept=shared"
    assert "Shared with your colleague." in english.get(shared.headers["location"]).text
    page = notes(colleague, uri)
    assert "Shared with you" in page and "from reader@keep-english.example" in page and "for page 3" in page
    # Across organisations (an id guessed into the form): refused, and nothing arrives.
    across = english.post("/portal/share", {"uri": uri, "to": str(stranger)}, csrf_from=f"/portal/items/{uri}")
    assert across.status_code == 404 and "Shared with you" not in notes(turkish, uri)
    for to in ("", "abc", "99999999999"):
        assert english.post("/portal/share", {"uri": uri, "to": to},
                            csrf_from=f"/portal/items/{uri}").status_code == 404
    foreign = publish(live, "tr")
    assert turkish.get(f"/portal/items/{foreign}").status_code == 200
    assert english.post("/portal/share", {"uri": foreign, "to": str(mate)},
                        csrf_from=f"/portal/items/{uri}").status_code == 404


def test_keep_pages_speak_turkish_and_arabic(live: LiveServer) -> None:
    english = reader(live, "keep-english")
    arabic = english.get("/portal/notifications", params={"lang": "ar"}).text
    assert '<html lang="ar" dir="rtl">' in arabic and "الإشعارات" in arabic and "الإشارات المرجعية" in arabic
    assert "حفظ العرض" in english.get("/portal/", params={"lang": "ar"}).text
    assert "Kayıtlı görünümler" in english.get("/portal/views", params={"lang": "tr"}).text
    english.get("/portal/", params={"lang": "en"})
