"""Stories with pictures over real HTTP: a story associates a picture the wire holds, and each
subscriber gets that picture's renditions only when it may read the picture itself."""

from __future__ import annotations

import itertools
import json
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import test_media_api
from test_media_api import fetch_when_made, renditions, unique_jpeg, upload

from newswire.model import utcnow

from conftest import LiveServer
from schemas import assert_ninjs
from wirekit import Sub, subscriber

_n = itertools.count()
live, editor = test_media_api.live, test_media_api.editor  # the same fixtures: a server of this module's own


def reader(live: LiveServer, filters: dict[str, Any] | None = None) -> Sub:
    return subscriber(live, f"attach-sub-{next(_n)}", filters)


def story(picture: str, **association: Any) -> dict[str, Any]:
    n = next(_n)
    return {"uri": f"urn:newswire:attach-test:{n}", "type": "text", "language": "en",
            "headlines": [{"role": "main", "value": f"Crowds fill the boulevard in Ankara ({n})"}],
            "bodies": [{"role": "main", "contentType": "text/html",
                        "value": "<p>Thousands walked through the capital on Sunday, police said.</p>"}],
            "associations": [{"name": "featureimage", "type": "picture", "uri": picture, **association}]}


def post_story(editor: httpx.Client, doc: dict[str, Any]) -> httpx.Response:
    return editor.post("/v1/items", content=json.dumps(doc), headers={"Content-Type": "application/json"})


def picture_of(doc: dict[str, Any], uri: str) -> dict[str, Any] | None:
    return next((a for a in doc.get("associations", []) if a["uri"] == uri), None)


def feed_item(sub: Sub, uri: str) -> dict[str, Any]:
    return [e["item"] for e in sub.all_events() if e["item"]["uri"] == uri][-1]


def test_subscribers_get_the_pictures_renditions_their_products_allow(live: LiveServer,
                                                                       editor: httpx.Client) -> None:
    picture = upload(editor, unique_jpeg()).json()
    anyone, texts_only = reader(live), reader(live, {"types": ["text"]})
    # renditions posted with the association are not the wire's: the story keeps none
    resp = post_story(editor, doc := story(picture["uri"], renditions=[{"href": "https://elsewhere.example/a.jpg"}]))
    assert resp.status_code == 201, resp.text
    assert picture_of(resp.json(), picture["uri"]) == {"name": "featureimage", "type": "picture",
                                                       "uri": picture["uri"]}
    # a subscriber that may read the picture: its renditions, signed for its key
    got = anyone.client.get(f"/v1/items/{doc['uri']}").json()
    assert_ninjs(got)
    found = picture_of(got, picture["uri"])
    assert found is not None and found["headlines"] == [{"value": "Crowds gather in Ankara"}]
    names = {r["name"]: r for r in found["renditions"]}
    assert list(names) == ["original", "baseImage", "viewImage", "thumbnail", "preview"]
    assert {k: v for k, v in names["viewImage"].items() if k != "href"} == \
        {k: v for k, v in renditions(picture)["viewImage"].items() if k != "href"}
    assert set(parse_qs(urlsplit(names["viewImage"]["href"]).query)) == {"sub", "key", "exp", "sig"}
    download = fetch_when_made(httpx.Client(base_url=live.url, timeout=30), names["viewImage"]["href"])
    assert download.status_code == 200 and download.headers["content-type"] == "image/jpeg"
    in_feed = feed_item(anyone, doc["uri"])
    assert_ninjs(in_feed)
    assert [r["name"] for r in picture_of(in_feed, picture["uri"])["renditions"]] == list(names)  # type: ignore[index]
    # products without pictures: the story, without the picture
    for seen in (texts_only.client.get(f"/v1/items/{doc['uri']}").json(), feed_item(texts_only, doc["uri"])):
        assert_ninjs(seen)
        assert seen["headlines"] == got["headlines"] and picture_of(seen, picture["uri"]) is None
        assert "/v1/media/" not in json.dumps(seen) and "elsewhere.example" not in json.dumps(seen)


def test_an_embargoed_or_killed_picture_stays_out_of_the_story(live: LiveServer, editor: httpx.Client) -> None:
    held = upload(editor, unique_jpeg(), embargoed=(utcnow() + timedelta(hours=2)).isoformat()).json()
    killed = upload(editor, unique_jpeg()).json()
    sub, early = reader(live), reader(live, {"embargoEarly": True})
    doc = story(held["uri"])
    doc["associations"].append({"name": "picture2", "type": "picture", "uri": killed["uri"]})
    assert post_story(editor, doc).status_code == 201
    assert editor.post(f"/v1/items/{killed['uri']}/kill", json={"reason": "wrong picture"}).status_code == 200
    got = sub.client.get(f"/v1/items/{doc['uri']}").json()
    assert picture_of(got, held["uri"]) is None and picture_of(got, killed["uri"]) is None
    seen_early = early.client.get(f"/v1/items/{doc['uri']}").json()
    assert len(picture_of(seen_early, held["uri"])["renditions"]) == 5  # type: ignore[index]
    assert picture_of(seen_early, killed["uri"]) is None


def test_an_association_must_name_a_picture_the_wire_holds(live: LiveServer, editor: httpx.Client) -> None:
    text = story("https://images.example/remote.jpg")  # a remote file: not the wire's, kept as sent
    assert post_story(editor, text).status_code == 201
    killed = upload(editor, unique_jpeg()).json()
    assert editor.post(f"/v1/items/{killed['uri']}/kill", json={"reason": "wrong picture"}).status_code == 200
    for uri, says in (("urn:newswire:picture:nothing-here", "names no picture item"),
                      (text["uri"], "names a text item"), (killed["uri"], "was killed")):
        doc = story(uri)
        resp = post_story(editor, doc)
        assert resp.status_code == 422 and resp.headers["content-type"] == "application/problem+json"
        assert says in resp.json()["detail"]
        assert editor.get(f"/v1/items/{doc['uri']}").status_code == 404  # nothing stored
