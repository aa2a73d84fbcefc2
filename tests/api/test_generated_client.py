"""A client generated from the live /openapi.json by a mainstream generator
(openapi-python-client) works: it publishes a story with an editor token, and with a
subscriber key reads the feed, the item and search results, and creates, lists and deletes a
webhook — every answer parsed into the generated typed models, not read as raw JSON."""

from __future__ import annotations

import importlib
import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from newswire.store import accounts
from newswire.store.tokens import create_token

from conftest import LiveServer, open_wire, start_server
from factories import ninjs_story

if importlib.util.find_spec("openapi_python_client") is None:
    pytest.skip("openapi-python-client is not installed (pip install -e '.[dev]')", allow_module_level=True)

PACKAGE = "newswire_generated_client"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    db = tmp_path_factory.mktemp("client") / "wire.db"
    wire = open_wire(f"sqlite:///{db}", webhooks_allow_private=True)
    live = start_server(wire, clocks=False)
    yield live
    live.stop()
    wire.close()


@pytest.fixture(scope="module")
def client_package(server: LiveServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The package openapi-python-client writes from the document the server serves."""
    folder = tmp_path_factory.mktemp("generated")
    document = folder / "openapi.json"
    document.write_bytes(httpx.get(f"{server.url}/openapi.json", timeout=30).content)
    run = subprocess.run(
        [sys.executable, "-m", "openapi_python_client", "generate", "--path", str(document),
         "--output-path", str(folder / PACKAGE), "--meta", "none"],
        capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(folder))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def module(package: ModuleType, name: str) -> Any:
    return importlib.import_module(f"{package.__name__}.{name}")


def test_the_document_generates_without_dropping_an_operation(server: LiveServer, tmp_path: Path) -> None:
    document = tmp_path / "openapi.json"
    document.write_bytes(httpx.get(f"{server.url}/openapi.json", timeout=30).content)
    run = subprocess.run(
        [sys.executable, "-m", "openapi_python_client", "generate", "--path", str(document),
         "--output-path", str(tmp_path / "out"), "--meta", "none"],
        capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    # The generator says what it could not use; nothing may be left out of the client.
    assert "Unable to parse this part of your OpenAPI document" not in run.stdout + run.stderr, run.stdout


def test_a_generated_client_publishes_reads_searches_and_manages_webhooks(
    server: LiveServer, client_package: ModuleType,
) -> None:
    engine = server.wire.engine
    accounts.create_product(engine, "everything", {})
    accounts.create_subscriber(engine, "generated", ["everything"])
    sub = accounts.get_subscriber(engine, "generated")
    editor = client_package.AuthenticatedClient(base_url=server.url, token=create_token(engine, "editor"))
    reader = client_package.AuthenticatedClient(
        base_url=server.url, token=create_token(engine, "subscriber", subscriber_id=sub.id))
    models = module(client_package, "models")

    # publish (editor token): the request body is the generated ninjs model
    story = ninjs_story("en", uri="urn:newswire:generated:1", marker="zeppelinword")
    post_item = module(client_package, "api.items.post_item")
    published = post_item.sync_detailed(client=editor, body=models.NinjsItem.from_dict(story))
    assert published.status_code == 201
    assert isinstance(published.parsed, models.NinjsItem)
    assert published.parsed.uri == story["uri"]
    assert published.parsed.version == "1"
    assert published.parsed.headlines[0].value == story["headlines"][0]["value"]

    # the feed (subscriber key)
    page = module(client_package, "api.subscribers.get_feed").sync(client=reader, wait=0)
    assert isinstance(page, models.FeedPage)
    assert [e.type_.value for e in page.events] == ["published"]
    assert isinstance(page.events[0].item, models.NinjsItem)
    assert page.events[0].item.uri == story["uri"]
    assert int(page.next_) == page.events[0].seq

    # the item, and its versions
    item = module(client_package, "api.items.get_item").sync(client=reader, uri=story["uri"])
    assert isinstance(item, models.NinjsItem)
    assert item.uri == story["uri"]
    versions = module(client_package, "api.items.get_item_versions").sync(client=reader, uri=story["uri"])
    assert isinstance(versions, models.ItemVersions)
    assert [v.version for v in versions.versions] == [1]

    # search
    found = module(client_package, "api.subscribers.get_search").sync(client=reader, q="zeppelinword")
    assert isinstance(found, models.SearchResults)
    assert [r.item.uri for r in found.results] == [story["uri"]]
    assert isinstance(found.results[0].score, float)

    # webhooks: create, list, delete
    webhooks = "api.subscribers."
    created = module(client_package, webhooks + "create_webhook").sync(
        client=reader, body=models.WebhookRequest(url="http://127.0.0.1:9/hook"))
    assert isinstance(created, models.WebhookCreated)
    assert created.secret.startswith("whsec_")
    listed = module(client_package, webhooks + "list_webhooks").sync(client=reader)
    assert isinstance(listed, models.WebhookList)
    assert [w.id for w in listed.webhooks] == [created.id]
    deleted = module(client_package, webhooks + "delete_webhook").sync_detailed(
        client=reader, endpoint_id=created.id)
    assert deleted.status_code == 204
    assert module(client_package, webhooks + "list_webhooks").sync(client=reader).webhooks == []

    # errors are typed too: RFC 9457 problems
    missing = module(client_package, "api.items.get_item").sync(client=reader, uri="urn:newswire:generated:none")
    assert isinstance(missing, models.Problem)
    assert missing.status == 404
    refused = post_item.sync(client=reader, body=models.NinjsItem.from_dict(story))
    assert isinstance(refused, models.Problem)
    assert refused.status == 403
