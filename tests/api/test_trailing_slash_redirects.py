"""Trailing-slash redirects never take their Location from the request's Host header.

Starlette's own redirect built an absolute URL from ``Host``: a forged ``Host: evil.example``
made the wire answer ``Location: http://evil.example/...`` (an open redirect, and a poisoned
cache entry behind a shared proxy). Now the Location is the other spelling of the path,
relative, and a path that would leave the site ("//host/") is not redirected at all.
"""

from __future__ import annotations

import httpx
import pytest

from conftest import LiveServer

FORGED = {"Host": "evil.example", "X-Forwarded-Host": "evil.example"}


@pytest.mark.parametrize(("path", "location"), [
    ("/v1/webhooks/", "/v1/webhooks"),
    ("/v1/feed/?after=0&limit=5", "/v1/feed?after=0&limit=5"),
    ("/en/section/world/", "/en/section/world"),
    ("/healthz/", "/healthz"),
    ("/en/section/a%20b/", "/en/section/a%20b"),
])
def test_the_location_is_the_path_alone_whatever_the_host_header_says(
    live: LiveServer, path: str, location: str
) -> None:
    resp = httpx.get(f"{live.url}{path}", headers=FORGED, follow_redirects=False)
    assert resp.status_code == 307
    assert resp.headers["location"] == location
    assert "evil" not in resp.headers["location"]


def test_a_path_that_would_leave_the_site_is_not_redirected(live: LiveServer) -> None:
    for path in ("//evil.example/", "//evil.example/healthz/", "/\\evil.example/"):
        resp = httpx.get(f"{live.url}{path}", headers=FORGED, follow_redirects=False)
        assert resp.status_code == 404, (path, resp.headers.get("location"))
        assert "location" not in resp.headers


def test_a_path_no_route_has_in_either_spelling_is_a_404_problem(live: LiveServer) -> None:
    resp = httpx.get(f"{live.url}/v1/nothing-here/", headers=FORGED, follow_redirects=False)
    assert resp.status_code == 404 and "location" not in resp.headers
    assert resp.headers["content-type"].startswith("application/problem+json")


def test_the_redirected_request_is_served(live: LiveServer) -> None:
    with httpx.Client(base_url=live.url, follow_redirects=True) as client:
        resp = client.get("/healthz/", headers=FORGED)
    assert resp.status_code == 200 and resp.url.path == "/healthz" and resp.json() == {"status": "ok"}
