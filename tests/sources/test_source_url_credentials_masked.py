"""A source's URL is shown without credentials: ``https://user:pass@host/feed`` is refused when a
source is declared (its login goes in the sealed ``credentials``), and one stored with them before
is listed and shown masked by /v1/admin/sources, as webhook endpoints are, and still polled with
them."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from sqlalchemy import update
from typer.testing import CliRunner

from newswire.cli import app, open_wire
from newswire.sources import store as sources_store
from newswire.sources.model import SourceError
from newswire.store.tables import sources
from newswire.store.tokens import create_token

from conftest import LiveServer


def test_a_source_url_stored_with_credentials_is_shown_masked(live: LiveServer) -> None:
    sources_store.add_source(live.wire.engine, "old-partner", "rss", url="https://93.184.216.34/feed.xml",
                             interval=60)
    with live.wire.engine.begin() as tx:  # a row stored before such URLs were refused
        tx.execute(update(sources).where(sources.c.name == "old-partner")
                   .values(url="https://feeds:hunter2@93.184.216.34/feed.xml"))
    admin = {"Authorization": f"Bearer {create_token(live.wire.engine, 'admin')}"}
    listed = httpx.get(f"{live.url}/v1/admin/sources", headers=admin)
    shown = httpx.get(f"{live.url}/v1/admin/sources/old-partner", headers=admin)
    paused = httpx.post(f"{live.url}/v1/admin/sources/old-partner/pause", headers=admin)
    for answer in (listed, shown, paused):
        assert answer.status_code == 200, answer.text
        assert "hunter2" not in answer.text and "feeds:" not in answer.text
    assert shown.json()["url"] == "https://***@93.184.216.34/feed.xml"
    assert sources_store.get_source(live.wire.engine, "old-partner").url == \
        "https://feeds:hunter2@93.184.216.34/feed.xml"  # polled as stored
    refused = httpx.post(f"{live.url}/v1/admin/sources", headers=admin, json={
        "name": "new-partner", "kind": "rss", "url": "https://feeds:hunter2@93.184.216.34/feed.xml"})
    assert refused.status_code == 422 and "hunter2" not in refused.text


def test_the_store_and_the_cli_refuse_a_source_url_with_a_login(live: LiveServer, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    for url in ("https://feeds:hunter2@93.184.216.34/feed.xml", "https://feeds@93.184.216.34/feed.xml",
                "https://@93.184.216.34/feed.xml"):
        with pytest.raises(SourceError, match="Credentials never go in the URL"):
            sources_store.add_source(live.wire.engine, "partner", "rss", url=url)
    monkeypatch.setenv("NEWSWIRE_DATABASE_URL", f"sqlite:///{tmp_path / 'w.db'}")
    monkeypatch.setenv("NEWSWIRE_DATA_DIR", str(tmp_path))
    refused = CliRunner().invoke(app, ["source", "add", "partner", "--kind", "atom",
                                       "--url", "https://feeds:hunter2@93.184.216.34/feed.xml"])
    assert refused.exit_code == 1 and "--username" in refused.output and "hunter2" not in refused.output
    assert CliRunner().invoke(app, ["source", "show", "partner"]).exit_code == 1  # nothing was stored


def test_the_cli_shows_a_url_stored_with_a_login_masked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSWIRE_DATABASE_URL", f"sqlite:///{tmp_path / 'w.db'}")
    monkeypatch.setenv("NEWSWIRE_DATA_DIR", str(tmp_path))
    run = CliRunner().invoke
    assert run(app, ["source", "add", "old", "--kind", "rss", "--url", "https://93.184.216.34/f.xml"]).exit_code == 0
    wire = open_wire()
    with wire.engine.begin() as tx:  # a row stored before such URLs were refused
        tx.execute(update(sources).values(url="https://feeds:hunter2@93.184.216.34/f.xml"))
    shown, listed = run(app, ["source", "show", "old"]), run(app, ["source", "list"])
    assert json.loads(shown.output)["url"] == "https://***@93.184.216.34/f.xml"
    assert "old\trss\thttps://***@93.184.216.34/f.xml\t" in listed.output
    assert "hunter2" not in shown.output + listed.output
