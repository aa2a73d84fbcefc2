"""How an Item is kept in the store: ninjs 3.2 plus the wire's own fields.

The payload is ninjs 3.2 (so it can be served as is) with one extra key, ``_newswire``,
holding what ninjs has no property for: the public flag, signals, services, the dateline
date, quotes and planning entries (with speaker URI, language and machine provenance), and a
picture's Content Credentials (``credentials``, only when the item has them). The
ninjs part leaves quotes and events out (``to_ninjs3(own=False)``): served ninjs carries them
as associated objects, rendered from the Item.

The store keeps it deflated (``store.packing``, zlib): the JSON of a story compresses about three
times, and a version is written once and read many times. Only the store knows: the
``versions.payload`` column packs what is written to it, and :func:`decode` takes the stored
bytes as they come (or a payload's JSON text, as stores before migration 0014 held it).
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Any

from newswire.formats.ninjs import _lower_keys, item_from_dict, to_ninjs3
from newswire.model import Concept, ContentCredentials, Item, PlannedEvent, Quote
from newswire.store.packing import unpack

EXTRA_KEY = "_newswire"


def encode(item: Item) -> str:
    d = to_ninjs3(item, own=False)
    d[EXTRA_KEY] = {
        "public": item.public,
        "signals": list(item.signals),
        "services": [{"uri": c.uri, "name": c.name} for c in item.services],
        "datelineDate": item.dateline_date,
        "quotes": [_strip({"text": q.text, "speaker": q.speaker, "speakerUri": q.speaker_uri,
                           "language": q.language, "creator": q.creator, "confidence": q.confidence})
                   for q in item.quotes],
        "planning": [_strip({"name": p.name, "start": p.start, "literal": p.literal,
                             "creator": p.creator, "confidence": p.confidence})
                     for p in item.planning],
    }
    if item.credentials is not None:  # absent from every other item, so their input hash is as before
        d[EXTRA_KEY]["credentials"] = _credentials_out(item.credentials)
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


@lru_cache(maxsize=4096)
def decode(payload: str | bytes) -> Item:
    """The Item of a payload, as stored (:func:`unpack`) or as :func:`encode` made it.
    Versions never change, so a payload always decodes to the same (immutable) Item; the
    cache, keyed by what the store returned, spares hot readers (feed pages, streams) from
    inflating and decoding it again."""
    d: dict[str, Any] = json.loads(unpack(payload))
    extra = d.pop(EXTRA_KEY, {})
    item = item_from_dict(_lower_keys(d), sanitize=False)
    return item.evolve(
        public=bool(extra.get("public", False)),
        signals=tuple(extra.get("signals", ())),
        services=tuple(Concept(uri=s.get("uri"), name=s.get("name")) for s in extra.get("services", ())),
        dateline_date=extra.get("datelineDate"),
        quotes=tuple(
            Quote(q["text"], q.get("speaker"), q.get("speakerUri"), q.get("language"),
                  q.get("creator"), q.get("confidence"))
            for q in extra.get("quotes", ())
        ),
        planning=tuple(
            PlannedEvent(p["name"], p["start"], p.get("literal"), p.get("creator"), p.get("confidence"))
            for p in extra.get("planning", ())
        ),
        credentials=_credentials_in(extra.get("credentials")),
    )


def _credentials_out(c: ContentCredentials) -> dict[str, Any]:
    d: dict[str, Any] = {"state": c.state, "signer": c.signer, "issuer": c.issuer,
                         "claimGenerator": c.claim_generator, "signedAt": c.signed_at,
                         "digitalSourceType": c.digital_source_type, "actions": list(c.actions),
                         "failures": list(c.failures), "note": c.note}
    return {k: v for k, v in d.items() if v not in (None, [])}


def _credentials_in(d: dict[str, Any] | None) -> ContentCredentials | None:
    if not d:
        return None
    return ContentCredentials(
        state=d["state"], signer=d.get("signer"), issuer=d.get("issuer"), claim_generator=d.get("claimGenerator"),
        signed_at=d.get("signedAt"), digital_source_type=d.get("digitalSourceType"),
        actions=tuple(d.get("actions", ())), failures=tuple(d.get("failures", ())), note=d.get("note"))


def _strip(d: dict[str, Any]) -> dict[str, Any]:
    """Old payloads' shape: ``text``/``speaker`` and ``name``/``start``/``literal`` as
    before (so an input hash does not change), the newer fields only when set."""
    keep = {"text", "speaker", "name", "start", "literal"}
    return {k: v for k, v in d.items() if k in keep or v is not None}


def input_hash(item: Item) -> str:
    """Identity of what an editor sent, ignoring the numbering and timing the store adds."""
    canonical = item.evolve(version=0, version_created=None, first_created=None)
    return hashlib.sha256(encode(canonical).encode()).hexdigest()
