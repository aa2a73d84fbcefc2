"""The agency's dateline: ``ROTTERDAM, Dec. 3 (Newswire) —``, dated in the place's time zone.

The editor types the place; the desk dates it when the story moves (its embargo time if it
has one), as the calendar day at that place: a story from Tokyo filed at 23:30 UTC is dated
the next day. The place's zone comes from the gazetteer's country and the system's time-zone
database (``zone.tab``, else ``zone1970.tab``): the zone named after the place when there is one ("New York" ->
America/New_York), else the country's first zone; UTC for a place the gazetteer does not know.
Pure functions apart from reading that table once.
"""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from pathlib import Path

from newswire.vocab import places

# The agency's month style (AP): short months abbreviated, March to July written out.
MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


@lru_cache(maxsize=1)
def _zones_by_country() -> dict[str, tuple[str, ...]]:
    """ISO country code -> its zones, in the table's order (empty without the table)."""
    # zone.tab names each country's own zones (NL: Europe/Amsterdam); zone1970.tab merges
    # countries that have agreed since 1970 (NL under Europe/Brussels)
    for table in (Path(d) / name for name in ("zone.tab", "zone1970.tab") for d in zoneinfo.TZPATH):
        if not table.is_file():
            continue
        found: dict[str, list[str]] = {}
        for line in table.read_text("utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            columns = line.split("\t")
            if len(columns) >= 3:
                for country in columns[0].split(","):
                    found.setdefault(country, []).append(columns[2])
        return {country: tuple(zones) for country, zones in found.items()}
    return {}


@lru_cache(maxsize=512)
def place_zone(place: str) -> tzinfo:
    """The time zone of a dateline's place (UTC when unknown)."""
    known = places.lookup(place) if place.strip() else []
    if not known:
        return UTC
    found = known[0]
    zones = _zones_by_country().get(found.country, ())
    own = found.name.replace(" ", "_").casefold()
    name = next((z for z in zones if z.rsplit("/", 1)[-1].casefold() == own), zones[0] if zones else None)
    if name is None:
        return UTC
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return UTC


def zone_name(place: str) -> str:
    return str(place_zone(place))


def local_time(when: datetime, zone: tzinfo) -> datetime | None:
    """``when`` in ``zone``; None when that falls outside the years 1 to 9999 (an embargo of
    9999-12-31 23:59 UTC is already in year 10000 east of Greenwich)."""
    try:
        return when.astimezone(zone)
    except OverflowError:
        return None


def dateline_date(place: str, when: datetime) -> str:
    """The day ``when`` is at ``place``, in the agency's style: ``Dec. 3`` (in UTC at the
    calendar's edges)."""
    local = local_time(when, place_zone(place)) or when
    return f"{MONTHS[local.month - 1]} {local.day}"


def agency_dateline(place: str, date: str | None, agency: str) -> str:
    """The dateline as it opens the story: ``ROTTERDAM, Dec. 3 (Newswire) —``."""
    parts = place.upper() + (f", {date}" if date else "")
    return f"{parts} ({agency}) —" if agency else f"{parts} —"
