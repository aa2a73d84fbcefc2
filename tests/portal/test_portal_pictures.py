"""Pictures in the portal: a thumbnail in the flow, a picture's page (view image, credit,
rights, a download per rendition), a story's pictures with their captions; every image a
link of this origin signed for the user, decided again per version at each download and
recorded in the usage audit; a picture the organisation may not read is not in the story at
all (page and downloads), not even its URI."""

from __future__ import annotations

import html
import io
import itertools
import json
import re
import time
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from PIL import Image
from sqlalchemy import select

from newswire.media import embed
from newswire.media.metadata import PictureMeta
from newswire.store import users
from newswire.store.engine import read_tx
from newswire.store.tables import usage
from newswire.store.tokens import create_token

from conftest import LiveServer
from portalkit import Visitor, live, member, organisation, person

__all__ = ["live"]  # the portal's shared server, a fixture

CAPTION = "Fishermen bring in the morning catch at the harbour of Sinop on the Black Sea coast."
_n = itertools.count()


@pytest.fixture(autouse=True)
def organisations(live: LiveServer) -> None:
    organisation(live, "pictures-desk", {})
    organisation(live, "texts-desk", {"types": ["text"]})
    for org in ("pictures-desk", "texts-desk"):
        member(live, f"reader@{org}.example", org)


@pytest.fixture
def editor(live: LiveServer) -> Iterator[httpx.Client]:
    key = create_token(live.wire.engine, "editor")
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as client:
        yield client


def reader(live: LiveServer, org: str) -> Visitor:
    return Visitor.at(live).signed_in(f"reader@{org}.example")


def picture_file() -> bytes:
    """A JPEG with its caption, byline, credit and rights in it (a different one each call)."""
    n = next(_n)
    im = Image.new("RGB", (1200, 800), (20 + n % 200, 90, 160))
    im.paste((230, 200, 40), (0, 0, 600, 400))
    out = io.BytesIO()
    im.save(out, "JPEG", quality=85)
    meta = PictureMeta(headline=f"Morning catch in Sinop ({n}, {time.time_ns()})", caption=CAPTION,
                       creators=("Deniz Kaya",), credit="Test Agency", copyright="© 2026 Test Agency",
                       usage_terms="Editorial use only.", city="Sinop",
                       created=datetime(2026, 12, 1, 6, 30, tzinfo=UTC), language="en")
    return embed.embedded(out.getvalue(), meta)


def upload(editor: httpx.Client) -> dict[str, str]:
    resp = editor.post("/v1/media", content=picture_file(), headers={"Content-Type": "image/jpeg"})
    assert resp.status_code == 201, resp.text
    return dict(resp.json())


def post_story(editor: httpx.Client, picture: str) -> str:
    uri = f"urn:newswire:portal-pictures:{next(_n)}-{time.time_ns()}"
    doc = {"uri": uri, "type": "text", "language": "en",
           "headlines": [{"role": "main", "value": "Black Sea fishermen report a record anchovy season"}],
           "bodies": [{"role": "main", "contentType": "text/html",
                       "value": "<p>Boats returned full for the third week running, the cooperative said.</p>"}],
           "associations": [{"name": "featureimage", "type": "picture", "uri": picture}]}
    resp = editor.post("/v1/items", content=json.dumps(doc), headers={"Content-Type": "application/json"})
    assert resp.status_code == 201, resp.text
    return uri


def images(page: str) -> list[str]:
    return [html.unescape(src) for src in re.findall(r'<img [^>]*src="([^"]+)"', page)]


def fetch(live: LiveServer, href: str) -> httpx.Response:
    """A link as a browser that holds no cookie and no key opens it (waiting for the worker)."""
    deadline = time.monotonic() + 20
    with httpx.Client(base_url=live.url, timeout=30) as anyone:
        while True:
            resp = anyone.get(href)
            if resp.status_code != 503 or time.monotonic() > deadline:
                return resp
            time.sleep(0.1)


def media_usage(live: LiveServer, uri: str, renditions: set[str]) -> set[tuple[str, str | None]]:
    """The media downloads of a picture in the usage audit, once those of ``renditions`` are
    there (the audit is written in batches) or ten seconds have passed."""
    deadline = time.monotonic() + 10
    while True:
        with read_tx(live.wire.engine) as conn:
            rows = {(token, rendition) for token, rendition in conn.execute(
                select(usage.c.token_id, usage.c.rendition).where(usage.c.uri == uri, usage.c.channel == "media"))}
        if renditions <= {r for _t, r in rows} or time.monotonic() > deadline:
            return rows
        time.sleep(0.2)


def test_the_flow_shows_a_pictures_thumbnail_from_this_origin(live: LiveServer, editor: httpx.Client) -> None:
    picture = upload(editor)
    visitor = reader(live, "pictures-desk")
    page = visitor.get("/portal/")
    row = page.text.split(f'data-uri="{picture["uri"]}"', 1)[1].split("</tr>", 1)[0]
    [src] = images(row)
    parts = urlsplit(src)
    assert not parts.netloc and parts.path.endswith("/1/thumbnail")  # a path on this origin: CSP img-src 'self'
    user = users.get_user(live.wire.engine, "reader@pictures-desk.example")
    assert parse_qs(parts.query)["key"] == [f"user:{user.id}"]
    got = fetch(live, src)
    assert got.status_code == 200 and got.headers["content-type"] == "image/jpeg"
    assert Image.open(io.BytesIO(got.content)).size == (256, 171)
    assert (f"user:{user.id}", "thumbnail") in media_usage(live, picture["uri"], {"thumbnail"})
    # the same address for a while: the browser's cache serves the next page's thumbnails
    again = visitor.get("/portal/").text.split(f'data-uri="{picture["uri"]}"', 1)[1].split("</tr>", 1)[0]
    assert images(again) == [src]
    # a story has no thumbnail
    story = post_story(editor, picture["uri"])
    row = visitor.get("/portal/").text.split(f'data-uri="{story}"', 1)[1].split("</tr>", 1)[0]
    assert images(row) == []


def test_a_picture_arriving_live_comes_with_its_thumbnail(live: LiveServer, editor: httpx.Client) -> None:
    visitor = reader(live, "pictures-desk")
    after = re.search(r'data-after="(\d+)"', visitor.get("/portal/").text)
    assert after
    picture = upload(editor)
    rows = visitor.get("/portal/updates", params={"after": after.group(1)}).json()["rows"]
    [row] = [r["html"] for r in rows if r["uri"] == picture["uri"]]
    [src] = images(row)
    assert urlsplit(src).path.endswith("/1/thumbnail") and fetch(live, src).status_code == 200


def test_a_pictures_page_shows_it_with_its_words_and_a_download_per_rendition(live: LiveServer,
                                                                               editor: httpx.Client) -> None:
    picture = upload(editor)
    page = reader(live, "pictures-desk").get(f"/portal/items/{picture['uri']}")
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert CAPTION in text and "Deniz Kaya" in text and "Deniz Kaya / Test Agency" in text
    assert "© 2026 Test Agency" in text and "Editorial use only." in text
    view = page.text.split('<figure class="picture-view">', 1)[1].split("</figure>", 1)[0]
    [src] = images(view)
    assert urlsplit(src).path.endswith("/1/viewImage") and 'width="1024" height="683"' in view
    downloads = {name: html.unescape(href) for href, name in
                 re.findall(r'<a class="button rendition" href="([^"]+)" download data-rendition="(\w+)"', page.text)}
    assert list(downloads) == ["original", "baseImage", "viewImage", "thumbnail", "preview"]
    original = fetch(live, downloads["original"])
    assert original.status_code == 200 and original.content.startswith(b"\xff\xd8")
    base = fetch(live, downloads["baseImage"])
    assert Image.open(io.BytesIO(base.content)).size == (1200, 800)  # no upscaling
    assert {r for _t, r in media_usage(live, picture["uri"], {"original", "baseImage"})} >= {"original", "baseImage"}
    # killed: the page shows the notice and no image; links already handed out answer 410
    assert editor.post(f"/v1/items/{picture['uri']}/kill", json={"reason": "wrong picture"}).status_code == 200
    killed = reader(live, "pictures-desk").get(f"/portal/items/{picture['uri']}")
    assert killed.status_code == 200 and images(killed.text) == [] and "/v1/media/" not in killed.text
    assert fetch(live, downloads["viewImage"]).status_code == 410


def test_a_story_shows_its_pictures_only_to_whom_may_read_them(live: LiveServer, editor: httpx.Client) -> None:
    picture = upload(editor)
    story = post_story(editor, picture["uri"])
    page = reader(live, "pictures-desk").get(f"/portal/items/{story}")
    assert page.status_code == 200
    figure = page.text.split('<figure class="story-picture">', 1)[1].split("</figure>", 1)[0]
    [src] = images(figure)
    assert urlsplit(src).path.endswith("/1/viewImage") and fetch(live, src).status_code == 200
    assert CAPTION in html.unescape(figure) and "Deniz Kaya / Test Agency" in html.unescape(figure)
    assert f'href="/portal/items/{picture["uri"]}"' in figure
    # downloads carry the picture with links signed for the user
    ninjs = reader(live, "pictures-desk").get(f"/portal/download/{story}", params={"format": "ninjs"}).json()
    [association] = [a for a in ninjs["associations"] if a["uri"] == picture["uri"]]
    view = next(r for r in association["renditions"] if r["name"] == "viewImage")
    assert parse_qs(urlsplit(view["href"]).query)["key"][0].startswith("user:")
    # an organisation whose products hold no pictures: the story, without a trace of the picture
    texts = reader(live, "texts-desk")
    page = texts.get(f"/portal/items/{story}")
    assert page.status_code == 200 and "record anchovy season" in page.text
    assert picture["uri"] not in page.text and "/v1/media/" not in page.text and images(page.text) == []
    for fmt in ("ninjs", "newsml", "nitf", "text"):
        got = texts.get(f"/portal/download/{story}", params={"format": fmt})
        assert got.status_code == 200 and picture["uri"] not in got.text and "/v1/media/" not in got.text
    bundle = texts.get("/portal/zip", params={"format": "ninjs", "uri": story})
    with zipfile.ZipFile(io.BytesIO(bundle.content)) as archive:
        assert all(picture["uri"] not in archive.read(name).decode() for name in archive.namelist())
    assert texts.get(f"/portal/items/{picture['uri']}").status_code == 404


def test_a_link_stops_opening_once_its_user_is_disabled(live: LiveServer, editor: httpx.Client) -> None:
    picture = upload(editor)
    email = f"leaver-{next(_n)}@pictures-desk.example"
    person(live, email, "pictures-desk")
    page = Visitor.at(live).signed_in(email).get(f"/portal/items/{picture['uri']}")
    view = page.text.split('<figure class="picture-view">', 1)[1].split("</figure>", 1)[0]
    [src] = images(view)
    assert fetch(live, src).status_code == 200
    users.set_user_disabled(live.wire.engine, email, True)
    refused = fetch(live, src)
    assert refused.status_code == 403 and refused.headers["content-type"] == "application/problem+json"
    # a link naming a user of another organisation does not open either
    other = users.get_user(live.wire.engine, "reader@texts-desk.example")
    forged = src.replace(parse_qs(urlsplit(src).query)["key"][0].replace(":", "%3A"), f"user%3A{other.id}")
    assert fetch(live, forged).status_code == 403
