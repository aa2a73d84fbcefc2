"""NITF with pictures: a story's associated pictures and a picture item's own renditions as
``media`` (a signed ``media-reference`` per rendition with its type and size, the caption,
the credit), valid against IPTC's NITF 3.6 XSD, and read back by the NITF parser."""

from __future__ import annotations

import httpx
import pytest
from lxml import etree
from test_attach import live, post_story, reader, story  # noqa: F401 (fixture)
from test_media_api import CAPTION, editor, fetch_when_made, unique_jpeg, upload  # noqa: F401 (fixture)

from newswire.formats.nitf import NITF_NS, parse_nitf, to_nitf
from newswire.formats.xmlsafe import safe_fromstring
from newswire.model import Association, Item, Rendition, Text

from conftest import LiveServer
from schemas import NITF_XSD, assert_valid, load_schema

N = f"{{{NITF_NS}}}"
VIEW = Rendition("https://wire.example/v1/media/urn:p:1/1/viewImage?sub=1&key=k&exp=9&sig=s", "viewImage",
                 "image/jpeg", 1024, 683, size_in_bytes=99_000)
THUMB = Rendition("https://wire.example/v1/media/urn:p:1/1/thumbnail", "thumbnail", "image/jpeg", 256, 171)


@pytest.fixture(scope="module")
def nitf_schema() -> etree.XMLSchema:
    return load_schema(NITF_XSD)


def media_of(root: etree._Element) -> list[etree._Element]:
    return root.findall(f".//{N}media")


def test_a_story_carries_its_pictures_as_media(nitf_schema: etree.XMLSchema) -> None:
    picture = Association("urn:p:1", name="featureimage", type="picture", headline="Crowds in Ankara",
                          renditions=(THUMB, VIEW), caption="Demonstrators walk along the boulevard & sing.",
                          credit="Ayşe Yılmaz / Test Agency")
    remote = Association("https://elsewhere.example/a", type="text", headline="Earlier story")  # no renditions
    item = Item(uri="urn:s:1", version=2, headlines=(Text("Crowds fill the boulevard"),), language="en",
                bodies=(Text("<p>Thousands walked.</p>", None, "text/html"),), associations=(picture, remote))
    data = to_nitf(item)
    root = assert_valid(nitf_schema, data)
    [media] = media_of(root)
    assert media.get("media-type") == "image" and media.get("class") == "association"
    assert {m.get("name"): m.get("value") for m in media.findall(f"{N}media-metadata")} == {
        "uri": "urn:p:1", "name": "featureimage", "type": "picture"}
    refs = media.findall(f"{N}media-reference")
    assert [(r.get("name"), r.get("source"), r.get("mime-type"), r.get("width"), r.get("height"))
            for r in refs] == [("thumbnail", THUMB.href, "image/jpeg", "256", "171"),
                               ("viewImage", VIEW.href, "image/jpeg", "1024", "683")]
    assert b"&amp;key=k&amp;" in data  # the signed query, escaped once
    assert media.findtext(f"{N}media-caption") == picture.caption
    assert media.findtext(f"{N}media-producer") == picture.credit
    # the body stays the story's own text; the parser gives the pictures back as associations
    back = parse_nitf(safe_fromstring(data))
    assert back.bodies == (Text("<p>Thousands walked.</p>", None, "text/html"),)
    [again] = back.associations
    assert again.uri == "urn:p:1" and again.caption == picture.caption and again.credit == picture.credit
    assert [(r.href, r.width, r.content_type) for r in again.renditions] == [
        (THUMB.href, 256, "image/jpeg"), (VIEW.href, 1024, "image/jpeg")]


def test_a_picture_item_is_nitf_with_its_own_renditions(nitf_schema: etree.XMLSchema) -> None:
    item = Item(uri="urn:p:1", version=1, type="picture", headlines=(Text("Crowds in Ankara"),),
                bodies=(Text("<p>Demonstrators walk.</p>", None, "text/html"),), renditions=(THUMB, VIEW),
                by="Ayşe Yılmaz")
    root = assert_valid(nitf_schema, to_nitf(item))
    [media] = media_of(root)
    assert media.get("class") == "renditions" and media.findall(f"{N}media-metadata") == []
    assert [r.get("alternate-text") for r in media.findall(f"{N}media-reference")] == ["Crowds in Ankara"] * 2
    assert media.findtext(f"{N}media-caption") == "Demonstrators walk."
    assert root.findtext(f".//{N}byline") == "Ayşe Yılmaz"
    assert parse_nitf(root).renditions == (Rendition(THUMB.href, "thumbnail", "image/jpeg", 256, 171),
                                           Rendition(VIEW.href, "viewImage", "image/jpeg", 1024, 683))


def test_a_figure_in_the_body_stays_a_figure(nitf_schema: etree.XMLSchema) -> None:
    body = '<figure><img src="https://x.example/a.jpg" alt="A"><figcaption>Cap</figcaption></figure>'
    item = Item(uri="urn:s:2", version=1, headlines=(Text("H"),), bodies=(Text(body, None, "text/html"),))
    root = assert_valid(nitf_schema, to_nitf(item))
    assert [m.get("class") for m in media_of(root)] == [None]
    back = parse_nitf(root)
    assert back.associations == () and '<img src="https://x.example/a.jpg"' in back.body_html


def test_subscribers_get_nitf_with_the_pictures_they_may_read(live: LiveServer,  # noqa: F811
                                                              editor: httpx.Client,  # noqa: F811
                                                              nitf_schema: etree.XMLSchema) -> None:
    picture = upload(editor, unique_jpeg((1200, 800))).json()
    doc = story(picture["uri"])
    assert post_story(editor, doc).status_code == 201
    anyone, texts_only = reader(live), reader(live, {"types": ["text"]})
    got = anyone.client.get(f"/v1/items/{doc['uri']}", params={"format": "nitf"})
    assert got.status_code == 200, got.text
    [media] = media_of(assert_valid(nitf_schema, got.content))
    refs = {r.get("name"): r for r in media.findall(f"{N}media-reference")}
    assert list(refs) == ["original", "baseImage", "viewImage", "thumbnail", "preview"]
    view = refs["viewImage"]
    assert (view.get("mime-type"), view.get("width"), view.get("height")) == ("image/jpeg", "1024", "683")
    assert CAPTION in (media.findtext(f"{N}media-caption") or "")
    assert media.findtext(f"{N}media-producer") == "Ayşe Yılmaz"
    # each reference is a link signed for this subscriber's key, that opens without the key
    download = fetch_when_made(httpx.Client(base_url=live.url, timeout=30), view.get("source", ""))
    assert download.status_code == 200 and download.headers["content-type"] == "image/jpeg"
    # a subscriber whose products hold no pictures: no media, not even the picture's uri
    plain = texts_only.client.get(f"/v1/items/{doc['uri']}", params={"format": "nitf"})
    assert plain.status_code == 200
    assert media_of(assert_valid(nitf_schema, plain.content)) == []
    assert picture["uri"].encode() not in plain.content
    # the picture item itself, as NITF
    own = anyone.client.get(f"/v1/items/{picture['uri']}", params={"format": "nitf"})
    [media] = media_of(assert_valid(nitf_schema, own.content))
    assert media.get("class") == "renditions" and len(media.findall(f"{N}media-reference")) == 5
    assert all("sig=" in (r.get("source") or "") for r in media.findall(f"{N}media-reference"))
