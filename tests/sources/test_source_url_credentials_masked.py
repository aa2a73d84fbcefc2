"""A source's URL is shown without credentials: ``https://user:pass@host/feed`` is refused when a
source is declared (its login goes in the sealed ``credentials``), and one stored with them before
is listed and shown masked by /v1/admin/sources, as webhook endpoints are, and still polled with
them."""

from __future__ import annotations

import httpx

from newswire.sources import store as sources_store
from newswire.store.tokens import create_token

from conftest import LiveServer


def test_a_source_url_stored_with_credentials_is_shown_masked(live: LiveServer) -> None:
    sources_store.add_source(live.wire.engine, "old-partner", "rss",
                             url="https://feeds:hunter2@93.184.216.34/feed.xml", interval=60)
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
