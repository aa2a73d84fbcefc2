"""The project's own sample stories, loaded by ``make run`` (see samples/README.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from newswire import formats
from newswire.model import utcnow
from newswire.store.items import StoreConflict
from newswire.wire import Wire

SAMPLES = Path(__file__).parent
STORIES = SAMPLES / "stories"


@dataclass
class SampleLoad:
    published: int = 0
    killed: int = 0
    pictures: int = 0
    videos: int = 0
    failed: list[str] = field(default_factory=list)


def load_samples(wire: Wire, *, pictures: bool = False) -> SampleLoad:
    """Publish every sample story in file order, then apply the lifecycle (kills). With
    ``pictures`` (``make run``), the sample pictures first, each story a picture illustrates
    associating it, and the sample video (:mod:`samples.video`)."""
    from newswire.media import attach
    from newswire.samples.pictures import load_pictures
    from newswire.samples.video import load_video

    lifecycle = json.loads((SAMPLES / "lifecycle.json").read_text("utf-8"))
    public = set(lifecycle.get("public", ()))
    embargo = {e["uri"]: e["minutes"] for e in lifecycle.get("embargo", ())}
    report = SampleLoad()
    shown = load_pictures(wire, public) if pictures else {}
    report.pictures = len(shown)
    report.videos = load_video(wire) if pictures else 0
    for path in sorted(p for p in STORIES.iterdir() if p.suffix in (".txt", ".json", ".xml")):
        try:
            item = formats.parse(path.read_bytes())
            if item.uri in embargo:
                item = item.evolve(embargoed_until=utcnow() + timedelta(minutes=embargo[item.uri]))
            if item.uri in shown:
                item = item.evolve(associations=(*item.associations, shown[item.uri]))
            if wire.publish(item, public=item.uri in public, prepare=attach.checked).created:
                report.published += 1
        except StoreConflict:
            continue  # already loaded, and a later version is stored
        except (formats.FormatError, ValueError) as exc:
            report.failed.append(f"{path.name}: {exc}")
    for kill in lifecycle.get("kill", ()):
        if wire.kill(kill["uri"], kill["reason"]).created:
            report.killed += 1
    return report
