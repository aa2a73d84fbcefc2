"""NEWSWIRE_LAZY_MODELS (issue 16, memory): a server starts without loading the enrichment
models unless told to (``NEWSWIRE_LAZY_MODELS=0``); the first publication loads them, and the
enrichment pool loads them in the server before it forks its workers, so they share one copy
as with a warm start."""

from __future__ import annotations

import asyncio
from pathlib import Path

from newswire.api.app import create_app
from newswire.config import Settings
from newswire.enrich.pipeline import Pipeline
from newswire.enrich.pool import EnrichPool
from newswire.formats import parse
from newswire.model import Item
from newswire.wire import Wire

from factories import as_bytes, ninjs_story

runs: list[str] = []


def counted(item: Item) -> Item:
    runs.append(item.uri)
    return item


def _started(tmp_path: Path, **settings: object) -> Wire:
    wire = Wire.open(Settings(database_url=f"sqlite:///{tmp_path / 'wire.db'}", data_dir=tmp_path,
                              enrich_workers=0, **settings))  # type: ignore[arg-type]
    app = create_app(wire, clocks=False)

    async def start_and_stop() -> None:
        async with app.router.lifespan_context(app):
            pass

    asyncio.run(start_and_stop())
    return wire


def test_the_setting_comes_from_the_environment() -> None:
    assert Settings.from_env({}).lazy_models and Settings.from_env({"NEWSWIRE_LAZY_MODELS": "1"}).lazy_models
    assert not any(Settings.from_env({"NEWSWIRE_LAZY_MODELS": off}).lazy_models for off in ("0", "false", "off"))


def test_a_default_server_starts_cold_and_an_eager_one_warm(tmp_path: Path) -> None:
    lazy = _started(tmp_path / "lazy")
    eager = _started(tmp_path / "eager", lazy_models=False)
    try:
        assert not lazy.pipeline.warm and eager.pipeline.warm
    finally:
        lazy.close()
        eager.close()


def test_warm_up_runs_once_and_the_pool_runs_it_before_it_forks() -> None:
    runs.clear()
    pipeline = Pipeline([("counted", counted)])
    pipeline.warm_up()
    pipeline.warm_up()
    assert runs == ["urn:newswire:warm-up"]

    runs.clear()
    cold = Pipeline([("counted", counted)])
    pool = EnrichPool(cold, workers=1)
    try:
        story = parse(as_bytes(ninjs_story("en", uri="urn:t:lazy:1")))
        assert pool.run(story).item.uri == "urn:t:lazy:1"
        assert cold.warm and runs == ["urn:newswire:warm-up"]  # here, in the server; the story in the worker
    finally:
        pool.close()
