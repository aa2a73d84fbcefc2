"""Products choose renditions: a subscriber gets, on every channel, only the renditions of a
picture that one of its products carries, and a download of any other rendition answers 404,
even through a signed link made before the product changed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from lxml import etree
from test_signed_channels import hook, local, opens, wire  # noqa: F401 (fixtures)

from newswire.media import links
from newswire.model import Item, Rendition
from newswire.routing import Product, cut_renditions, public_product, renditions_allowed
from newswire.store import accounts
from newswire.store.tokens import create_token

from conftest import LiveServer
from pictures import jpeg
from receiver import Receiver
from wirekit import Sub, read_sse, subscriber

G2 = "{http://iptc.org/std/nar/2006-10-01/}"
NITF_SOURCE = "media-reference"
CARRIED = ["thumbnail", "viewImage"]


def picture(**fields: Any) -> Item:
    renditions = tuple(Rendition(f"https://wire.example/v1/media/urn:p/1/{n}", n)
                       for n in ("original", "baseImage", "viewImage", "thumbnail", "preview"))
    return Item(uri="urn:p", version=1, version_created=datetime(2026, 12, 3, tzinfo=UTC), type="picture",
                renditions=renditions, **fields)


def test_a_product_names_the_renditions_it_carries() -> None:
    product = Product.from_dict("photos", {"types": ["picture"], "renditions": CARRIED})
    assert product.renditions == frozenset(CARRIED)
    assert product.to_dict()["renditions"] == ["thumbnail", "viewImage"]
    assert Product.from_dict("photos", product.to_dict()) == product
    assert "renditions" not in Product.from_dict("all", {}).to_dict()  # stored filters stay as they were
    for bad in (["original", "hires"], "thumbnail", [3], [""]):
        with pytest.raises(ValueError, match="renditions"):
            Product.from_dict("bad", {"renditions": bad})


def test_the_renditions_allowed_are_those_of_the_products_admitting_the_picture() -> None:
    item = picture()
    thumbs = Product("thumbs", types=frozenset({"picture"}), renditions=frozenset({"thumbnail"}))
    views = Product("views", renditions=frozenset({"viewImage"}))
    stories = Product("stories", types=frozenset({"text"}))  # carries all, but admits no picture
    assert renditions_allowed(item, [thumbs]) == {"thumbnail"}
    assert renditions_allowed(item, [thumbs, views]) == {"thumbnail", "viewImage"}
    assert renditions_allowed(item, [thumbs, stories]) == {"thumbnail"}
    assert renditions_allowed(item, [thumbs, Product("all")]) is None
    assert renditions_allowed(item, [stories]) is None  # read as an earlier recipient: no list, all
    assert [r.name for r in cut_renditions(item, [thumbs]).renditions] == ["thumbnail"]
    assert cut_renditions(item, None) is item  # an editor: everything
    assert [r.name for r in cut_renditions(item, [public_product()]).renditions] == ["preview"]


def test_the_public_sites_product_keeps_only_the_preview() -> None:
    assert public_product(["en"]).renditions == {"preview"}


# -- the admin API and the CLI ----------------------------------------------------------------

def test_the_admin_api_validates_and_stores_the_renditions(live: LiveServer) -> None:
    admin = httpx.Client(base_url=live.url, timeout=30,
                         headers={"Authorization": f"Bearer {create_token(live.wire.engine, 'admin')}"})
    bad = admin.post("/v1/admin/products", json={"name": "bad", "filter": {"renditions": ["hires"]}})
    assert bad.status_code == 422 and bad.headers["content-type"].startswith("application/problem+json")
    assert "hires" in bad.json()["detail"]
    made = admin.post("/v1/admin/products", json={"name": "photos", "filter": {"renditions": CARRIED}})
    assert made.status_code == 201, made.text
    assert made.json()["filter"]["renditions"] == CARRIED
    changed = admin.put("/v1/admin/products/photos", json={"name": "photos", "filter": {"renditions": ["original"]}})
    assert changed.status_code == 200, changed.text
    listed = {p["name"]: p for p in admin.get("/v1/admin/products").json()["products"]}
    assert listed["photos"]["filter"]["renditions"] == ["original"]
    assert admin.put("/v1/admin/products/photos",
                     json={"name": "photos", "filter": {"renditions": ["thumb"]}}).status_code == 422


def newswire_cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSWIRE_DATABASE_URL": f"sqlite:///{db}", "COLUMNS": "200"}
    return subprocess.run([str(Path(sys.executable).parent / "newswire"), *args], env=env, capture_output=True,
                          text=True, timeout=120)


def test_the_cli_creates_a_product_with_renditions(tmp_path: Path) -> None:
    db = tmp_path / "wire.db"
    bad = newswire_cli(db, "product", "create", "bad", "--rendition", "hires")
    assert bad.returncode == 1 and "hires" in bad.stderr and "thumbnail" in bad.stderr
    made = newswire_cli(db, "product", "create", "photos", "--rendition", "thumbnail", "--rendition", "viewImage")
    assert made.returncode == 0, made.stderr
    shown = json.loads(newswire_cli(db, "product", "show", "photos").stdout)
    assert shown["filter"]["renditions"] == CARRIED


# -- every channel ----------------------------------------------------------------------------

def names(href: str) -> str:
    return urlsplit(href).path.rsplit("/", 1)[1]


def carried(item: dict[str, Any]) -> set[str]:
    found = {names(r["href"]) for r in item.get("renditions", [])}
    return found | {names(r["href"]) for a in item.get("associations", []) for r in a.get("renditions", [])}


def publish(live: LiveServer) -> tuple[str, str]:
    editor = httpx.Client(base_url=live.url, timeout=30,
                          headers={"Authorization": f"Bearer {create_token(live.wire.engine, 'editor')}"})
    uri = editor.post("/v1/media", content=jpeg(), headers={"Content-Type": "image/jpeg"},
                      params={"headline": "The ferry at dawn", "description": "The ferry leaves."}).json()["uri"]
    story = {"uri": "urn:newswire:renditions:ferry", "type": "text", "language": "en",
             "headlines": [{"value": "Ferry service resumes after the storm"}],
             "bodies": [{"contentType": "text/html", "value": "<p>The ferry sailed at dawn.</p>"}],
             "associations": [{"name": "featureimage", "type": "picture", "uri": uri}]}
    assert editor.post("/v1/items", content=json.dumps(story),
                       headers={"Content-Type": "application/json"}).status_code == 201
    return uri, story["uri"]


def channels(sub: Sub, receiver: Receiver | None, uris: tuple[str, str]) -> dict[str, list[set[str]]]:
    """The rendition names each channel hands this subscriber, per item (picture, story)."""
    found = {
        "item": [carried(sub.client.get(f"/v1/items/{uri}").json()) for uri in uris],
        "feed": [carried(e["item"]) for e in sub.client.get("/v1/feed", params={"after": "0"}).json()["events"]],
        "stream": [carried(e["data"]) for e in read_sse(sub.client, 2, params={"after": "0"}, timeout=10)],
        "search": [carried(r["item"])
                   for r in sub.client.get("/v1/search", params={"q": "ferry"}).json()["results"]][::-1],
    }
    page = etree.fromstring(sub.client.get("/v1/feed", params={"after": "0", "format": "newsml"}).content)
    found["newsml"] = [{names(e.get("href")) for e in item.iter(f"{G2}remoteContent", f"{G2}icon")}
                       for item in page.iter(f"{G2}newsItem")]
    found["nitf"] = []
    for uri in uris:
        nitf = etree.fromstring(sub.client.get(f"/v1/items/{uri}", params={"format": "nitf"}).content)
        found["nitf"].append({names(e.get("source")) for e in nitf.iter() if etree.QName(e).localname == NITF_SOURCE})
    if receiver is not None:
        found["webhook"] = [carried(r.json["data"]["item"]) for r in receiver.wait_for(2)]
    return found


def test_every_channel_hands_only_the_renditions_the_products_carry(
        live: LiveServer, hook: Receiver) -> None:  # noqa: F811 (the fixture)
    photos = subscriber(live, "photo-portal", {"renditions": CARRIED})
    everything = subscriber(live, "newspaper", {})
    assert photos.client.post("/v1/webhooks", json={"url": hook.url}).status_code == 201
    uris = publish(live)

    # the newspaper reads first: its bodies, cached per version and format, are not the portal's
    for channel, per_item in channels(everything, None, uris).items():
        assert per_item == [{"original", "baseImage", "viewImage", "thumbnail", "preview"}] * 2, channel
    for channel, per_item in channels(photos, hook, uris).items():
        assert per_item == [set(CARRIED)] * 2, channel
    for channel, per_item in channels(everything, None, uris).items():  # and the other way round
        assert len(per_item[0]) == 5, channel


def test_a_rendition_no_product_carries_does_not_download(live: LiveServer) -> None:
    photos = subscriber(live, "thumbs-only", {"renditions": CARRIED})
    uri, _ = publish(live)
    keyed = {"Authorization": f"Bearer {photos.key}"}
    deadline = time.monotonic() + 20
    while (status := photos.client.get(links.media_path(uri, 1, "thumbnail")).status_code) == 503 \
            and time.monotonic() < deadline:
        time.sleep(0.1)
    assert status == 200
    refused = httpx.get(live.url + links.media_path(uri, 1, "original"), headers=keyed)
    assert refused.status_code == 404 and refused.headers["content-type"].startswith("application/problem+json")
    key_id = photos.key.split("_")[1]
    # a link signed for the original (as an earlier product change may have left one) opens nothing
    signed = links.Signer(live.wire.settings, photos.id, key_id).query(uri, 1, "original")
    assert httpx.get(f"{live.url}{links.media_path(uri, 1, 'original')}?{signed}").status_code == 404

    # and a link handed out while the product carried everything stops once it no longer does
    accounts.update_product(live.wire.engine, "thumbs-only-product", {})
    href = wait_for_rendition(photos, uri, "original")
    assert opens(live, href) == 200
    accounts.update_product(live.wire.engine, "thumbs-only-product", {"renditions": ["thumbnail"]})
    deadline = time.monotonic() + 10
    while (status := httpx.get(live.url + local(href)).status_code) == 200 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert status == 404


def wait_for_rendition(sub: Sub, uri: str, name: str) -> str:
    """The signed href of ``name`` once an item read hands it out (products are re-read shortly)."""
    deadline = time.monotonic() + 10
    while True:
        hrefs = {r["name"]: r["href"] for r in sub.client.get(f"/v1/items/{uri}").json()["renditions"]}
        if name in hrefs or time.monotonic() > deadline:
            return hrefs[name]
        time.sleep(0.2)
