"""Enrichment suggestions while the editor writes: what the wire's pipeline finds in a draft.

The compose form's story runs through the same pipeline ``Wire.publish`` runs (``Wire.enrich``,
pure steps), and what it finds becomes a list of :class:`Suggestion` - the language, the
summary, Media Topics, people, organisations, places, quotes with speakers and dated events.
Each travels in the form as one checkbox whose value is the suggestion as JSON; the ones the
editor ticks are the story's ``machine`` values (kept in the draft, marked as machine values
with their confidence when published), and the steps whose suggestions the editor saw are
``reviewed``: at publication those steps do not run again, so a rejected suggestion stays
rejected (:func:`reviewed_steps`).

Pure functions, apart from the ``enrich`` callable the routes pass (``Wire.enrich``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from newswire.enrich.language import detect_language
from newswire.model import MACHINE_CREATOR, Concept, Item, PlannedEvent, Quote, Text

# kind -> (the pipeline step that finds it, the Item field it goes into)
KINDS: dict[str, tuple[str, str]] = {
    "language": ("language", "language"),
    "summary": ("summary", "descriptions"),
    "topic": ("topics", "subjects"),
    "person": ("entities", "people"),
    "organisation": ("entities", "organisations"),
    "place": ("entities", "places"),
    "quote": ("quotes", "quotes"),
    "event": ("planning", "planning"),
}
REVIEWABLE = ("summary", "topics", "entities", "quotes", "planning")  # steps whose findings the editor decides
MAX_ACCEPTED = 200  # checkboxes read from one form
MAX_VALUE = 4000  # characters of one checkbox's JSON
_CLASSES: dict[str, type[Concept] | type[Quote] | type[PlannedEvent]] = {
    "topic": Concept, "person": Concept, "organisation": Concept, "place": Concept,
    "quote": Quote, "event": PlannedEvent,
}


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One thing the pipeline found: ``data`` is what goes into the story (JSON-ready)."""

    kind: str
    data: dict[str, Any]

    @property
    def label(self) -> str:
        d = self.data
        if self.kind == "quote":
            return f"“{d.get('text', '')}”" + (f" ({d['speaker']})" if d.get("speaker") else "")
        if self.kind == "event":
            return f"{d.get('start', '')}: {d.get('name', '')}"
        return str(d.get("value") or d.get("name") or "")

    @property
    def confidence(self) -> int | None:
        value = self.data.get("confidence")
        return value if isinstance(value, int) else None

    @property
    def step(self) -> str:
        return KINDS[self.kind][0]

    def value(self) -> str:
        """The checkbox's value: the suggestion as compact, key-sorted JSON (one spelling)."""
        return json.dumps({"kind": self.kind, **self.data}, ensure_ascii=False, sort_keys=True,
                          separators=(",", ":"))

    @classmethod
    def parse(cls, raw: str) -> Suggestion | None:
        """A checkbox's value back, or None when it is not one this module wrote."""
        if len(raw) > MAX_VALUE:
            return None
        try:
            found = json.loads(raw)
        except ValueError:
            return None
        if not isinstance(found, dict) or found.get("kind") not in KINDS:
            return None
        kind = found.pop("kind")
        if not all(isinstance(v, str | int) and not isinstance(v, bool) for v in found.values()):
            return None
        if kind in ("language", "summary"):
            value = found.get("value")
            return cls(kind, {"value": value, **_confidence(found)}) if isinstance(value, str) and value else None
        known = {f.name for f in fields(_CLASSES[kind])}
        data = {k: v for k, v in found.items() if k in known and k != "creator"}
        first = "text" if kind == "quote" else "name"
        if not isinstance(data.get(first), str) or not data[first] or (kind == "event" and not data.get("start")):
            return None
        return cls(kind, data)


def _confidence(found: Mapping[str, Any]) -> dict[str, int]:
    value = found.get("confidence")
    return {"confidence": value} if isinstance(value, int) else {}


def _plain(value: Concept | Quote | PlannedEvent) -> dict[str, Any]:
    return {k: v for k, v in asdict(value).items() if v is not None and k != "creator"}


def suggestions(enrich: Callable[[Item], Item], item: Item) -> list[Suggestion]:
    """What the pipeline finds in ``item`` (the draft as it would be published), machine values
    only: the language is detected as if the editor had set none."""
    found: list[Suggestion] = []
    detected = detect_language(item.evolve(language=None))
    mark = (detected.extra.get("enriched") or {}).get("language")  # type: ignore[attr-defined]
    if detected.language and detected.language != item.language:
        found.append(Suggestion("language", {"value": detected.language, **_confidence(mark or {})}))
    enriched = enrich(item)
    if enriched.summary and not item.summary:
        found.append(Suggestion("summary", {"value": enriched.summary}))
    return found + _machine_values(enriched)


def _machine_values(item: Item) -> list[Suggestion]:
    found: list[Suggestion] = []
    for kind, (_step, name) in KINDS.items():
        if kind in ("language", "summary"):
            continue
        for value in getattr(item, name):
            if getattr(value, "creator", None) == MACHINE_CREATOR:
                found.append(Suggestion(kind, _plain(value)))
    return found


def kept(item: Item) -> list[Suggestion]:
    """The machine values a published version carries (those its editor accepted, or the
    pipeline's), as the ticked boxes of the form that moves its next version: what the editor
    rejected stays out unless the editor asks for suggestions again."""
    marks = item.extra.get("enriched")
    machine_summary = isinstance(marks, dict) and "summary" in marks
    summary = [Suggestion("summary", {"value": item.summary})] if item.summary and machine_summary else []
    return summary + _machine_values(item)


def accepted(form: Mapping[str, str]) -> list[Suggestion]:
    """The ticked checkboxes (``accept-0``, ``accept-1``...) of a form, each once, in order."""
    found: list[Suggestion] = []
    seen: set[str] = set()
    for name in sorted((n for n in form if n.startswith("accept-") and n[7:].isdigit()), key=lambda n: int(n[7:])):
        one = Suggestion.parse(form[name])
        if one is not None and one.value() not in seen and len(found) < MAX_ACCEPTED:
            seen.add(one.value())
            found.append(one)
    return found


def reviewed_steps(raw: str) -> tuple[str, ...]:
    """The form's ``reviewed`` field (step names, comma-separated), known steps only."""
    names = {n.strip() for n in raw.split(",")}
    return tuple(step for step in REVIEWABLE if step in names)


def encode(values: Iterable[Suggestion]) -> str:
    """Accepted suggestions as the draft keeps them (a JSON list of checkbox values)."""
    return json.dumps([json.loads(v.value()) for v in values], ensure_ascii=False, separators=(",", ":"))


def decode(raw: str) -> list[Suggestion]:
    try:
        values = json.loads(raw) if raw else []
    except ValueError:
        return []
    if not isinstance(values, list):
        return []
    found = (Suggestion.parse(json.dumps(v, ensure_ascii=False)) for v in values[:MAX_ACCEPTED])
    return [one for one in found if one is not None]


def choices(kept: list[Suggestion], fresh: list[Suggestion]) -> list[tuple[Suggestion, bool]]:
    """The checkboxes to show: the accepted ones ticked, then the new findings not among them."""
    have = {one.value() for one in kept}
    return [(one, True) for one in kept] + [(one, False) for one in fresh if one.value() not in have]


def apply(item: Item, machine: list[Suggestion], reviewed: tuple[str, ...]) -> Item:
    """``item`` with the accepted machine values, each marked as the machine's (``creator``),
    in place of what the reviewed steps would add. The language is the form's field (the
    routes put an accepted language there); its mark stays when the two agree."""
    changes: dict[str, Any] = {}
    enriched: dict[str, Any] = dict(item.extra.get("enriched", {}) or {})  # type: ignore[call-overload]
    for one in machine:
        if one.kind == "language" and one.data["value"] == item.language:
            enriched["language"] = {"creator": MACHINE_CREATOR, **_confidence(one.data)}
    if "summary" in reviewed:
        summary = next((one.data["value"] for one in machine if one.kind == "summary"), None)
        if summary and not item.summary:
            changes["descriptions"] = (*item.descriptions, Text(summary, role="summary"))
            enriched["summary"] = {"creator": MACHINE_CREATOR}
    for kind, (step, name) in KINDS.items():
        if kind in ("language", "summary") or step not in reviewed:
            continue
        editors = tuple(v for v in getattr(item, name) if getattr(v, "creator", None) != MACHINE_CREATOR)
        made = tuple(_CLASSES[kind](**one.data, creator=MACHINE_CREATOR)
                     for one in machine if one.kind == kind)
        changes[name] = editors + made
    if enriched:
        changes["extra"] = {**item.extra, "enriched": enriched}
    return item.evolve(**changes) if changes else item


def language_choice(machine: list[Suggestion]) -> str | None:
    """An accepted language suggestion: it wins over the form's field."""
    return next((str(one.data["value"]) for one in machine if one.kind == "language"), None)
