"""A HEAD of the portal's and the desk's long-polls (``/portal/updates``, ``/desk/updates``)
answers at once with the GET's status and headers: it carries no news, so it has none to wait
for (it waited the GET's 25 s, as ``/v1/feed?wait=`` no longer does)."""

from __future__ import annotations

import time

from conftest import LiveServer
from deskkit import Visitor, at_desk, last_seq, live, member, organisation

__all__ = ["live"]


def answered_at_once(visitor: Visitor, path: str) -> None:
    started = time.monotonic()
    head = visitor.client.head(path, timeout=30)
    took = time.monotonic() - started
    assert head.status_code == 200 and head.content == b"", (path, head.status_code)
    assert head.headers["content-type"].startswith("application/json")
    assert took < 5, f"HEAD {path} waited {took:.1f} s"


def test_a_head_of_the_portals_and_the_desks_updates_does_not_wait(live: LiveServer) -> None:
    organisation(live, "Head Poll Ltd")
    member(live, "reader@head-poll.example", "Head Poll Ltd")
    point = last_seq(live)  # nothing after it: a GET would wait for news
    portal = Visitor.at(live).signed_in("reader@head-poll.example")
    desk = at_desk(live, "head-poll-editor@agency.example")
    try:
        answered_at_once(portal, f"/portal/updates?after={point}")
        answered_at_once(desk, f"/desk/updates?after={point}")
    finally:
        portal.close()
        desk.close()
