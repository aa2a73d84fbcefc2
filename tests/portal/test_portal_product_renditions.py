"""The portal offers an organisation only the renditions its products carry: the picture's
page downloads, a story's pictures, and no link to another rendition."""

from __future__ import annotations

import html
import re

import httpx
from test_portal_pictures import editor, fetch, post_story, upload  # noqa: F401 (fixtures)

from conftest import LiveServer
from portalkit import Visitor, live, member, organisation

__all__ = ["live"]  # the portal's shared server, a fixture


def test_the_portal_offers_only_the_renditions_the_products_carry(live: LiveServer,
                                                                   editor: httpx.Client) -> None:  # noqa: F811
    organisation(live, "thumbs-desk", {"renditions": ["thumbnail", "viewImage"]})
    member(live, "reader@thumbs-desk.example", "thumbs-desk")
    visitor = Visitor.at(live).signed_in("reader@thumbs-desk.example")
    picture = upload(editor)
    page = visitor.get(f"/portal/items/{picture['uri']}")
    assert page.status_code == 200
    downloads = {name: html.unescape(href) for href, name in
                 re.findall(r'<a class="button rendition" href="([^"]+)" download data-rendition="(\w+)"', page.text)}
    assert list(downloads) == ["viewImage", "thumbnail"]
    assert "/original?" not in page.text and "/preview?" not in page.text
    assert fetch(live, downloads["thumbnail"]).status_code == 200
    story = visitor.get(f"/portal/items/{post_story(editor, picture['uri'])}")
    assert story.status_code == 200 and "/viewImage?" in story.text
    assert "/original?" not in story.text and "/baseImage?" not in story.text
