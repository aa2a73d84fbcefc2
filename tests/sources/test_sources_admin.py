"""Sources under /v1/admin/sources and `newswire source ...`: the same contract twice."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from typer.testing import CliRunner

from newswire.cli import app
from newswire.store.tokens import create_token

from conftest import LiveServer


def test_admin_api_declares_pauses_shows_health_and_removes(live: LiveServer) -> None:
    admin = {"Authorization": f"Bearer {create_token(live.wire.engine, 'admin')}"}
    body = {"name": "partner", "kind": "rss", "url": "https://93.184.216.34/feed.xml", "interval": 60,
            "language": "en", "hold": True, "credentials": {"username": "u", "password": "s3cret"}}
    made = httpx.post(f"{live.url}/v1/admin/sources", json=body, headers=admin)
    assert made.status_code == 201, made.text
    assert made.json()["hasCredentials"] is True and "s3cret" not in made.text
    assert httpx.post(f"{live.url}/v1/admin/sources", json=body, headers=admin).status_code == 409
    inside = httpx.post(f"{live.url}/v1/admin/sources", headers=admin,
                        json={"name": "inside", "kind": "rss", "url": "http://127.0.0.1:6379/"})
    assert inside.status_code == 422 and "NEWSWIRE_SOURCES_ALLOW_PRIVATE" in inside.json()["detail"]
    imap = httpx.post(f"{live.url}/v1/admin/sources", headers=admin,
                      json={"name": "mail", "kind": "imap", "url": "https://x.example/"})
    assert imap.status_code == 422 and "imaps://host" in imap.json()["detail"]  # an imap source wants an IMAP URL
    assert httpx.post(f"{live.url}/v1/admin/sources/partner/pause", headers=admin).json()["paused"] is True
    shown = httpx.get(f"{live.url}/v1/admin/sources/partner", headers=admin).json()
    assert shown["paused"] and shown["health"]["itemsLastHour"] == 0 and "credentials" not in shown
    assert httpx.get(f"{live.url}/v1/admin/sources", headers=admin).json()["sources"][0]["name"] == "partner"
    assert httpx.get(f"{live.url}/v1/admin/sources").status_code == 401
    assert httpx.delete(f"{live.url}/v1/admin/sources/partner", headers=admin).status_code == 204
    missing = httpx.get(f"{live.url}/v1/admin/sources/partner", headers=admin)
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("application/problem+json")


def test_cli_source_commands(tmp_path: Path, monkeypatch: object) -> None:
    import pytest

    mp: pytest.MonkeyPatch = monkeypatch  # type: ignore[assignment]
    mp.setenv("NEWSWIRE_DATABASE_URL", f"sqlite:///{tmp_path / 'w.db'}")
    mp.setenv("NEWSWIRE_DATA_DIR", str(tmp_path))
    run = CliRunner().invoke
    added = run(app, ["source", "add", "drop", "--kind", "folder", "--path", str(tmp_path), "--interval", "5"])
    assert added.exit_code == 0, added.output
    assert json.loads(added.output)["kind"] == "folder"
    assert "drop\tfolder" in run(app, ["source", "list"]).output
    assert json.loads(run(app, ["source", "pause", "drop"]).output)["paused"] is True
    assert json.loads(run(app, ["source", "resume", "drop"]).output)["paused"] is False
    assert "health" in json.loads(run(app, ["source", "show", "drop"]).output)
    assert run(app, ["source", "add", "x", "--kind", "rss", "--path", "/tmp"]).exit_code == 1
    assert run(app, ["source", "remove", "drop"]).exit_code == 0
    assert run(app, ["source", "show", "drop"]).exit_code == 1
