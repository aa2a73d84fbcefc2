"""The public site shows a story's picture from the wire itself, in a real browser (Debian's
Chromium, headless; issue 12's tests): a picture uploaded through ``POST /v1/media`` and a
story associating it through ``POST /v1/items``, then the story page loaded as a reader does.
The browser draws the wire's watermarked ``preview`` (never the original or an unmarked
rendition), with the caption and credit the desk posted, and asks no other origin for anything.
The screenshot goes to artifacts/screenshots/."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from PIL import Image
from test_media_api import fetch_when_made

from newswire.site.story import story_path
from newswire.store.tokens import create_token
from newswire.wire import Wire

from conftest import REPO, LiveServer, headless_chromium, needs_chromium, open_wire
from pictures import drawn, encoded

pytestmark = [needs_chromium, pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)]
CAPTION = "Fishing boats shelter in the harbour at Kalk Bay as the storm passes."
CREDIT = "Test Agency/Thandi Nkosi"


@pytest.fixture
def wire(db_url: str) -> Iterator[Wire]:
    """Enrichment in-process: a pool forked from the test process would inherit the browser
    driver's pipes (as in the site's own browser test)."""
    w = open_wire(db_url, enrich_workers=0, agency_name="Test Agency")
    yield w
    w.close()


def test_a_reader_sees_the_storys_picture_from_the_wires_own_preview(live: LiveServer) -> None:
    editor = httpx.Client(base_url=live.url, timeout=30,
                          headers={"Authorization": f"Bearer {create_token(live.wire.engine, 'editor')}"})
    picture = editor.post("/v1/media",
                          files={"file": ("boats.jpg", encoded(drawn((2400, 1600)), "JPEG", quality=90), "image/jpeg")},
                          data={"description": CAPTION, "credit": CREDIT, "language": "en", "public": "true"})
    assert picture.status_code == 201, picture.text
    uri = picture.json()["uri"]
    story: dict[str, Any] = {
        "uri": "urn:newswire:test:kalk-bay-storm", "type": "text", "language": "en",
        "headlines": [{"role": "main", "value": "Storm passes over the Cape's fishing harbours"}],
        "bodies": [{"role": "main", "contentType": "text/html",
                    "value": "<p>Boats stayed in harbour on Tuesday as the storm passed, the port said.</p>"
                             "<p>The fleet expects to sail again on Thursday.</p>"}],
        "associations": [{"name": "featureimage", "type": "picture", "uri": uri}],
    }
    assert editor.post("/v1/items", params={"public": "true"}, json=story).status_code == 201
    src = f"/picture/{uri}/1/preview.jpg"
    made = fetch_when_made(editor, src)  # the worker makes the renditions off the request path
    assert made.status_code == 200
    preview = fetch_when_made(editor, f"/v1/media/{uri}/1/preview").content
    view = fetch_when_made(editor, f"/v1/media/{uri}/1/viewImage").content
    editor.close()

    with headless_chromium() as browser:
        context = browser.new_context(viewport={"width": 1366, "height": 900})  # type: ignore[attr-defined]
        page = context.new_page()
        asked: list[str] = []
        page.on("request", lambda request: asked.append(request.url))
        with page.expect_response(lambda r: r.url.endswith(src)) as drawn_picture:
            page.goto(live.url + story_path("en", story["uri"]))
        img = page.locator("figure.picture img")
        img.wait_for()
        page.wait_for_function("document.querySelector('figure.picture img').complete")
        assert img.get_attribute("src") == src
        assert page.evaluate("[document.querySelector('figure.picture img').naturalWidth, "
                             "document.querySelector('figure.picture img').naturalHeight]") == [1024, 683]
        got, marked, plain = (Image.open(io.BytesIO(b)).tobytes() for b in (drawn_picture.value.body(), preview, view))
        assert got == marked and got != plain  # the watermarked preview, not the plain view image
        assert page.locator("figure.picture .caption").inner_text() == CAPTION
        assert page.locator("figure.picture .credit").inner_text() == CREDIT
        assert all(url.startswith(live.url) for url in asked), [u for u in asked if not u.startswith(live.url)]
        assert not any("/v1/media/" in url or "original" in url for url in asked)
        (REPO / "artifacts" / "screenshots").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(REPO / "artifacts" / "screenshots" / "story-with-picture.png"), full_page=True)
        context.close()
