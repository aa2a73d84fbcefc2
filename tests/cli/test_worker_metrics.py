"""The worker's own /metrics listener: loopback only without a scrape token; with one, every
scrape must carry it."""

from __future__ import annotations

from newswire.cli import _scrape_allowed

GET = b"GET /metrics HTTP/1.1\r\nHost: worker\r\n"


def test_without_a_token_the_listener_answers_every_scrape_on_loopback() -> None:
    assert _scrape_allowed(GET + b"\r\n", None)


def test_with_a_token_a_scrape_must_carry_it() -> None:
    token = "scrape-secret"
    assert _scrape_allowed(GET + b"Authorization: Bearer scrape-secret\r\n\r\n", token)
    assert _scrape_allowed(GET + b"authorization: bearer scrape-secret\r\n\r\n", token)
    assert not _scrape_allowed(GET + b"\r\n", token)
    assert not _scrape_allowed(GET + b"Authorization: Bearer wrong\r\n\r\n", token)
    assert not _scrape_allowed(GET + b"Authorization: Basic c2NyYXBlLXNlY3JldA==\r\n\r\n", token)
