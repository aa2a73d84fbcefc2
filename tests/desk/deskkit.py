"""The desk over real HTTP for tests: staff users, signed-in visitors, a subscriber's feed."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

from newswire.store import accounts, users
from newswire.store import items as store
from newswire.store.tokens import create_token

from conftest import LiveServer

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "portal"))  # the portal's kit, shared
from conftest import needs_chromium
from portalkit import PASSWORD, Visitor, browser, live, member, organisation, portal_server, sqlite_only

__all__ = ["PASSWORD", "Visitor", "browser", "live", "member", "needs_chromium", "organisation", "portal_server",
           "sqlite_only"]

_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def staff(live: LiveServer, email: str, role: str = "editor") -> users.User:
    """A staff user with the test password, made once (the server is shared by the tests)."""
    try:
        return users.get_user(live.wire.engine, email)
    except accounts.AccountError:
        return users.create_user(live.wire.engine, email, subscriber=None, role=role, password=PASSWORD)


def at_desk(live: LiveServer, email: str, role: str = "editor") -> Visitor:
    staff(live, email, role)
    visitor = Visitor.at(live)
    answer = visitor.post("/desk/login", {"email": email, "password": PASSWORD}, csrf_from="/desk/login")
    assert answer.status_code == 303, answer.text
    return visitor


def story_fields(headline: str = "Port authority opens new container terminal", **more: str) -> dict[str, str]:
    return {"headline": headline, "standfirst": "The terminal doubles the port's capacity.",
            "dateline": "ROTTERDAM", "body": "The port opened its terminal on Monday.\n\nShips dock from May.",
            "language": "en", "urgency": "normal", "embargo": "", **more}


def item_path(uri: str) -> str:
    return "/desk/items/" + quote(uri, safe=":@")


def published_uri(answer: Any) -> str:
    """The URI of the story a desk form published (it redirects to the story's page)."""
    location: str = answer.headers["location"]
    assert location.startswith("/desk/items/"), location
    return location.removeprefix("/desk/items/")


def send(visitor: Visitor, path: str, fields: dict[str, str], form_page: str = "/desk/new") -> Any:
    return visitor.post(path, fields, csrf_from=form_page)


def feed_of(live: LiveServer, name: str) -> Any:
    """A subscriber entitled to the whole wire; a function reading its feed after a point."""
    sid = organisation(live, name)
    key = create_token(live.wire.engine, "subscriber", subscriber_id=sid)

    def events(after: int) -> list[tuple[str, str, dict[str, Any]]]:
        """(uri, event type, ninjs item) of each event after ``after``."""
        answer = Visitor.at(live, authorization=f"Bearer {key}").get(f"/v1/feed?after={after}&limit=200")
        assert answer.status_code == 200, answer.text
        return [(e["item"]["uri"], e["type"], e["item"]) for e in answer.json()["events"]]

    return events


def last_seq(live: LiveServer) -> int:
    return store.last_seq(live.wire.engine)
