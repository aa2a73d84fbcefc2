"""A picture's page in the portal says what its Content Credentials are: valid and who signed
them, invalid and why, or none."""

from __future__ import annotations

import html
import io
import re
import time
from collections.abc import Iterator

import httpx
import pytest
from PIL import Image

from newswire.store.tokens import create_token

from c2pakit import AI_GENERATED, authority, signed, tampered
from conftest import LiveServer
from portalkit import live, reader, readers

__all__ = ["live"]  # the portal's shared server, a fixture

PHOTOGRAPHER = authority("Jane Photographer", "Test Photo Agency")


@pytest.fixture
def visitor(live: LiveServer) -> Iterator[httpx.Client]:
    readers(live, {"credentials-desk": {}})
    key = create_token(live.wire.engine, "editor")
    with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as editor:
        yield editor


def credentials_line(live: LiveServer, editor: httpx.Client, data: bytes) -> str:
    resp = editor.post("/v1/media", content=data, headers={"Content-Type": "image/jpeg"})
    assert resp.status_code == 201, resp.text
    page = reader(live, "credentials-desk").get(f"/portal/items/{resp.json()['uri']}")
    assert page.status_code == 200
    [line] = re.findall(r'<p class="pic-credentials"[^>]*>(.*?)</p>', page.text)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", line)).split())


def picture() -> bytes:
    """A JPEG no other test posts (its comment differs): the text ``tampered`` rewrites is in it."""
    out = io.BytesIO()
    Image.new("RGB", (400, 300), (30, 90, 160)).save(out, "JPEG", comment=f"JOB-{time.time_ns()}".encode())
    return out.getvalue()


def test_the_picture_page_says_who_signed_valid_credentials(live: LiveServer, visitor: httpx.Client) -> None:
    line = credentials_line(live, visitor, signed(picture(), PHOTOGRAPHER))
    assert line == ("Content Credentials: valid (signer not on a trust list), signed by Jane Photographer "
                    "(Test Photo Agency)")
    ai = credentials_line(live, visitor, signed(picture(), PHOTOGRAPHER, source_type=AI_GENERATED))
    assert ai.endswith("; declared AI-generated")


def test_the_picture_page_says_why_credentials_are_invalid_or_that_there_are_none(
        live: LiveServer, visitor: httpx.Client) -> None:
    line = credentials_line(live, visitor, tampered(signed(picture(), PHOTOGRAPHER)))
    assert line.startswith("Content Credentials: invalid, signed by Jane Photographer")
    assert line.endswith("(assertion.dataHash.mismatch)")
    assert credentials_line(live, visitor, picture()) == "Content Credentials: none"
