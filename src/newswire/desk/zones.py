"""An embargo read in the editor's time zone and in the place's (the dateline's), beside UTC.

The editor's zone is the browser's (``desk.js`` keeps ``Intl``'s zone name in the ``desk_tz``
cookie); without the script, or with a name the system's time-zone database does not know,
it is UTC. The place's zone is the dateline's (:func:`newswire.desk.dateline.place_zone`)."""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from starlette.requests import Request

from newswire.desk.dateline import local_time, place_zone

TZ_COOKIE = "desk_tz"
MAX_ZONE = 64


@dataclass(frozen=True, slots=True)
class ZonedTime:
    who: str  # utc, editor, place
    when: str  # 2026-12-04 09:00
    zone: str  # Europe/Istanbul


def editor_zone(request: Request) -> tzinfo:
    name = request.cookies.get(TZ_COOKIE, "")
    if not name or len(name) > MAX_ZONE or not all(c.isalnum() or c in "/_+-" for c in name):
        return UTC
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return UTC


def embargo_times(until: datetime | None, place: str, editor: tzinfo) -> list[ZonedTime]:
    """The embargo in UTC, then in the editor's and the place's zones (each once)."""
    if until is None:
        return []
    found = [ZonedTime("utc", until.astimezone(UTC).strftime("%Y-%m-%d %H:%M"), "UTC")]
    for who, zone in (("editor", editor), ("place", place_zone(place) if place.strip() else None)):
        local = local_time(until, zone) if zone is not None else None
        if local is None or str(zone) in {one.zone for one in found}:
            continue
        found.append(ZonedTime(who, local.strftime("%Y-%m-%d %H:%M"), str(zone)))
    return found
