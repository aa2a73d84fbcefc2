"""How an Item is kept in the store: ninjs 3.2 plus the wire's own fields.

The payload is ninjs 3.2 (so it can be served as is) with one extra key, ``_newswire``,
holding what ninjs has no property for: the public flag, signals, services, the dateline
date, quotes and planning entries.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Any

from newswire.formats.ninjs import _lower_keys, item_from_dict, to_ninjs3
from newswire.model import Concept, Item, PlannedEvent, Quote

EXTRA_KEY = "_newswire"


def encode(item: Item) -> str:
    d = to_ninjs3(item)
    d[EXTRA_KEY] = {
        "public": item.public,
        "signals": list(item.signals),
        "services": [{"uri": c.uri, "name": c.name} for c in item.services],
        "datelineDate": item.dateline_date,
        "quotes": [{"text": q.text, "speaker": q.speaker} for q in item.quotes],
        "planning": [{"name": p.name, "start": p.start, "literal": p.literal} for p in item.planning],
    }
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


@lru_cache(maxsize=4096)
def decode(payload: str) -> Item:
    """Versions never change, so a payload always decodes to the same (immutable) Item;
    the cache spares hot readers (feed pages, streams) from decoding it again."""
    d: dict[str, Any] = json.loads(payload)
    extra = d.pop(EXTRA_KEY, {})
    item = item_from_dict(_lower_keys(d), sanitize=False)
    return item.evolve(
        public=bool(extra.get("public", False)),
        signals=tuple(extra.get("signals", ())),
        services=tuple(Concept(uri=s.get("uri"), name=s.get("name")) for s in extra.get("services", ())),
        dateline_date=extra.get("datelineDate"),
        quotes=tuple(Quote(q["text"], q.get("speaker")) for q in extra.get("quotes", ())),
        planning=tuple(
            PlannedEvent(p["name"], p["start"], p.get("literal")) for p in extra.get("planning", ())
        ),
    )


def input_hash(item: Item) -> str:
    """Identity of what an editor sent, ignoring the numbering and timing the store adds."""
    canonical = item.evolve(version=0, version_created=None, first_created=None)
    return hashlib.sha256(encode(canonical).encode()).hexdigest()
