"""``GET /v1/planning``'s desk events: the agency's own planning (:mod:`newswire.store.diary`)
beside the events found in the subscriber's stories.

A desk event reaches a subscriber when one of its products admits it
(:func:`newswire.store.diary.admits`: the event's language and topic, when the product names
any; never a product of the public site's portion). Tentative and cancelled events are listed
with their status. An event the desk took over from a story replaces that story's found entry;
its ``item`` link is given only to a subscriber entitled to the story (otherwise null, so the
link does not tell what the story is). The desk's notes stay on the desk.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from newswire.delivery.cache import Entry
from newswire.delivery.entitlements import as_of_now
from newswire.delivery.reader import Reader, entitled_entries
from newswire.routing import withdrawn
from newswire.store import diary as events
from newswire.store import items as store


async def with_desk_events(engine: Engine, reader: Reader, start: str, end: str,
                           found: list[dict[str, Any]], href: Any) -> list[dict[str, Any]]:
    """``found`` (the entitled found entries) marked as found, without those the desk took over,
    with the desk's events the reader's products admit, in date order. ``href``: a story's
    API path."""
    made = await run_in_threadpool(events.between, engine, start, end)
    taken = events.confirmed_found(made)
    shown = [{**entry, "source": "story", "status": None, "desk": None} for entry in found
             if (entry["item"]["uri"], entry["date"], entry["event"]) not in taken]
    visible = [e for e in made if any(events.admits(product, e) for product in reader.products)]
    links: dict[str, dict[str, Any] | None] = {}
    for event in visible:
        if event.story_uri and event.story_uri not in links:
            links[event.story_uri] = await _link(engine, reader, event.story_uri, href)
    shown += [_desk_entry(event, links.get(event.story_uri or "")) for event in visible]
    return sorted(shown, key=lambda entry: (entry["date"], entry["desk"]["start"] if entry["desk"] else ""))


async def _link(engine: Engine, reader: Reader, uri: str, href: Any) -> dict[str, Any] | None:
    item = await run_in_threadpool(store.get_item, engine, uri)
    if item is None or withdrawn(item) or not await entitled_entries(engine, reader, [Entry(as_of_now(item), item)]):
        return None
    return {"uri": item.uri, "headline": item.headline, "href": href(item.uri)}


def _desk_entry(event: events.Event, item: dict[str, Any] | None) -> dict[str, Any]:
    f = event.fields
    return {"date": event.day, "event": f.title, "literal": None, "item": item, "source": "desk",
            "status": f.status,
            "desk": {"id": event.id, "start": event.start, "end": event.end, "timeZone": f.zone, "place": f.place,
                     "placeUri": f.place_uri, "language": f.language, "topic": f.topic}}
