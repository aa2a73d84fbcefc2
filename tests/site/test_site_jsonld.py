"""JSON-LD NewsArticle as Google's Article guidelines ask: a byline is a Person, the agency
an Organization; every story has a raster image (its picture, else the agency's card)."""

from __future__ import annotations

import importlib.util
import json
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from test_site_render import CONFIG, item

from newswire.model import Association, Item, Rendition, Text
from newswire.site.render import CARD_IMAGE, LOGO_IMAGE, news_article, people_in_byline
from newswire.site.story import partial, story_path

from conftest import LiveServer
from sitekit import check_html, publish, story_doc

STATIC = Path(__file__).resolve().parents[2] / "src" / "newswire" / "site" / "static"
ASSETS = {"card.png": "/static/card.png?v=1", "logo.png": "/static/logo.png?v=2"}


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def google_article_problems(doc: dict[str, Any]) -> list[str]:
    """Google's Article structured data, as documented: headline of at most 110 characters,
    an image (crawlable raster, at least 50,000 pixels, 16:9, 4:3 or 1:1 best), ISO 8601
    datePublished and dateModified with a time zone, authors each with a type (Person or
    Organization) and a name (no "By" prefix, one per author), the publisher with a logo."""
    found = []
    if not doc.get("headline") or len(doc["headline"]) > 110:
        found.append("headline missing or over 110 characters")
    images = doc.get("image") or []
    if not images:
        found.append("no image")
    for image in images:
        url = image["url"] if isinstance(image, dict) else image
        if not url.startswith(("https://", "http://")):
            found.append(f"image URL not absolute: {url}")
        if isinstance(image, dict) and image.get("width") and image["width"] * image["height"] < 50_000:
            found.append("image under 50,000 pixels")
    for key in ("datePublished", "dateModified"):
        if not str(doc.get(key, "")).endswith(("+00:00", "Z")):
            found.append(f"{key} without a time zone")
    authors = doc.get("author")
    for author in authors if isinstance(authors, list) else [authors]:
        if not author or author.get("@type") not in ("Person", "Organization") or not author.get("name"):
            found.append(f"author {author!r} without type or name")
        elif author["name"].lower().startswith("by "):
            found.append(f"author name with a prefix: {author['name']}")
        elif author["@type"] == "Organization" and not author.get("url"):
            found.append("organization author without url")
    publisher = doc.get("publisher") or {}
    if not publisher.get("name") or not (publisher.get("logo") or {}).get("url"):
        found.append("publisher without name or logo")
    return found


def test_a_personal_byline_is_a_person_and_the_agency_the_publisher() -> None:
    doc = news_article(CONFIG, partial(item(by="By Ana Lindqvist and Tom Berg")), ASSETS)
    assert doc["author"] == [{"@type": "Person", "name": "Ana Lindqvist"}, {"@type": "Person", "name": "Tom Berg"}]
    assert doc["publisher"]["@type"] == "NewsMediaOrganization" and doc["publisher"]["name"] == "Newswire"
    assert doc["publisher"]["logo"] == {"@type": "ImageObject", "url": "https://news.example/static/logo.png?v=2",
                                        "width": LOGO_IMAGE.width, "height": LOGO_IMAGE.height}
    assert google_article_problems(doc) == []


def test_without_a_byline_the_agency_is_the_author() -> None:
    doc = news_article(CONFIG, partial(item()), ASSETS)
    assert doc["author"] == [{"@type": "Organization", "name": "Newswire", "url": "https://news.example/"}]
    staff = news_article(CONFIG, partial(item(by="Newswire")), ASSETS)
    assert staff["author"] == doc["author"]
    assert google_article_problems(doc) == []


@pytest.mark.parametrize(("byline", "names"), [
    ("Ana Lindqvist", ["Ana Lindqvist"]),
    ("by Ana Lindqvist, Tom Berg & Lea Roth", ["Ana Lindqvist", "Tom Berg", "Lea Roth"]),
    ("Selin Yılmaz ve Can Demir", ["Selin Yılmaz ve Can Demir"]),  # only English joins are split
    ("  ", []),
])
def test_bylines_name_one_person_each(byline: str, names: list[str]) -> None:
    assert people_in_byline(byline) == names


def test_a_story_without_a_picture_carries_the_agency_card() -> None:
    doc = news_article(CONFIG, partial(item()), ASSETS)
    assert doc["image"] == [{"@type": "ImageObject", "url": "https://news.example/static/card.png?v=1",
                             "width": CARD_IMAGE.width, "height": CARD_IMAGE.height}]
    picture = Item(uri="urn:pic:1", version=2, type="picture", public=True, renditions=(
        Rendition(href="https://news.example/v1/media/urn:pic:1/2/preview", name="preview", width=1200, height=800),))
    pictured = partial(item(associations=(Association(uri="urn:pic:1", type="picture", headline="Cranes"),)),
                       {picture.uri: picture})
    doc = news_article(CONFIG, pictured, ASSETS)
    assert doc["image"] == [{"@type": "ImageObject", "url": "https://news.example/picture/urn:pic:1/2/preview.jpg",
                             "width": 1200, "height": 800}]
    long = partial(item(headlines=(Text("Word " * 40, "main"),)))
    assert len(news_article(CONFIG, long, ASSETS)["headline"]) <= 110


def test_the_committed_images_are_what_the_script_draws() -> None:
    spec = importlib.util.spec_from_file_location(
        "make_card_image", Path(__file__).resolve().parents[2] / "scripts" / "make_card_image.py")
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    for image in (CARD_IMAGE, LOGO_IMAGE):
        data = (STATIC / image.name).read_bytes()
        assert data == script.IMAGES[image.name](), image.name
        assert png_size(data) == (image.width, image.height)
    assert CARD_IMAGE.width >= 1200 and CARD_IMAGE.width * 9 == CARD_IMAGE.height * 16
    assert LOGO_IMAGE.width >= 112 and LOGO_IMAGE.width == LOGO_IMAGE.height


@pytest.fixture
def client(live: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live.url, timeout=30) as c:
        yield c


def test_story_pages_link_images_the_site_serves(live: LiveServer, client: httpx.Client) -> None:
    plain = story_doc("en", headline="No picture today", by="Ana Lindqvist")
    publish(live.wire, plain)
    page = check_html(client.get(story_path("en", plain["uri"])).text)
    [block] = page.jsonld
    doc = json.loads(block)
    assert google_article_problems(doc) == []
    assert doc["author"] == [{"@type": "Person", "name": "Ana Lindqvist"}]
    assert page.meta["og:image"] == doc["image"][0]["url"]
    for url, image in ((doc["image"][0]["url"], CARD_IMAGE), (doc["publisher"]["logo"]["url"], LOGO_IMAGE)):
        assert url.startswith("http://127.0.0.1:8000/static/")
        resp = client.get(url.removeprefix("http://127.0.0.1:8000"))
        assert resp.status_code == 200 and resp.headers["content-type"] == "image/png"
        assert png_size(resp.content) == (image.width, image.height)
        assert "immutable" in resp.headers["cache-control"]
