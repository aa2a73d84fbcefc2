"""Registering a webhook: any URL gets 201 or a 422 problem (never a 500), and a subscriber
has at most ``max_webhooks_per_subscriber`` endpoints (each one adds a row to every
publish transaction)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newswire.config import Settings

from conftest import LiveServer, open_wire, start_server
from wirekit import Sub, subscriber

PUBLIC = "93.184.216.34"


async def everything_is_public(host: str, port: int) -> list[str]:
    return [PUBLIC]  # no real DNS in the fuzz: any name resolves, to a public address


@pytest.fixture(scope="module")
def fuzz_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sub]:
    db = tmp_path_factory.mktemp("fuzz") / "wire.db"
    wire = open_wire(f"sqlite:///{db}", embedded_worker=False, max_webhooks_per_subscriber=100_000)
    server = start_server(wire, resolver=everything_is_public)
    yield subscriber(server, "fuzzer")
    server.stop()
    wire.close()


HOSTS = st.one_of(
    st.sampled_from(["a", "example.com", "[::1", "[zz]", "[::1]", "[", "]", "[]", "1.2.3.4", "[64:ff9b::1]",
                     "[fe80::1%25eth0]", "xn--", "xn--zz", "é.com", "a..b", "", "@", "a@b", "%00", "[::1]]"]),
    st.text(min_size=0, max_size=30),
)
PORTS = st.one_of(
    st.none(),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩０１２x:[]-+ ", max_size=12),
    st.text(max_size=8),
)


@st.composite
def urls(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(["http", "https", "HTTP", "ftp", "javascript", ""]))
    port = draw(PORTS)
    path = draw(st.sampled_from(["/hook", "", "/", "/a?b=c#d", "/%zz"]))
    return f"{scheme}://{draw(HOSTS)}{'' if port is None else ':' + port}{path}"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(url=st.one_of(urls(), st.text(max_size=80)))
@example(url="http://a:99999/hook")
@example(url="http://a:x/hook")
@example(url="http://[::1/hook")
@example(url="http://[zz]/hook")
@example(url="http://a:0/hook")
@example(url="http://a:-1/hook")
@example(url="http://a:١٢/hook")
@example(url="http://[::1]]:80/hook")
def test_any_url_gets_201_or_a_422_problem(fuzz_target: Sub, url: str) -> None:
    resp = fuzz_target.client.post("/v1/webhooks", json={"url": url})
    assert resp.status_code in (201, 422), (url, resp.status_code, resp.text)
    if resp.status_code == 422:
        assert resp.headers["content-type"].startswith("application/problem+json")
    else:
        assert fuzz_target.client.delete(f"/v1/webhooks/{resp.json()['id']}").status_code == 204


@pytest.mark.parametrize("url", ["http://a:99999/hook", "http://a:x/hook", "http://[::1/hook", "http://[zz]/hook",
                                 "http://a:0/hook", "http://:80/hook"])
def test_malformed_urls_are_a_422_problem_saying_so(fuzz_target: Sub, url: str) -> None:
    resp = fuzz_target.client.post("/v1/webhooks", json={"url": url})
    assert resp.status_code == 422, resp.text
    assert resp.json()["title"] == "Endpoint refused"


@pytest.fixture
def live(db_url: str) -> Iterator[LiveServer]:
    wire = open_wire(db_url, embedded_worker=False)
    server = start_server(wire, resolver=everything_is_public)
    yield server
    server.stop()
    wire.close()


def test_a_subscriber_has_at_most_ten_endpoints_and_deleted_ones_do_not_count(live: LiveServer) -> None:
    sub, other = subscriber(live, "many"), subscriber(live, "other")
    made = []
    for n in range(10):
        resp = sub.client.post("/v1/webhooks", json={"url": f"https://hooks{n}.example.com/in"})
        assert resp.status_code == 201, resp.text
        made.append(resp.json()["id"])
    eleventh = sub.client.post("/v1/webhooks", json={"url": "https://one-more.example.com/in"})
    assert eleventh.status_code == 422
    problem = eleventh.json()
    assert problem["title"] == "Too many webhooks" and "at most 10" in problem["detail"] and problem["limit"] == 10
    assert other.client.post("/v1/webhooks", json={"url": "https://theirs.example.com/in"}).status_code == 201
    assert sub.client.delete(f"/v1/webhooks/{made[0]}").status_code == 204
    assert sub.client.post("/v1/webhooks", json={"url": "https://one-more.example.com/in"}).status_code == 201
    assert sub.client.post("/v1/webhooks", json={"url": "https://and-another.example.com/in"}).status_code == 422
    assert len(sub.client.get("/v1/webhooks").json()["webhooks"]) == 10


def test_the_endpoint_limit_is_a_setting(tmp_path: Path) -> None:
    assert Settings().max_webhooks_per_subscriber == 10
    assert Settings.from_env({"NEWSWIRE_MAX_WEBHOOKS_PER_SUBSCRIBER": "3"}).max_webhooks_per_subscriber == 3
    wire = open_wire(f"sqlite:///{tmp_path / 'wire.db'}", embedded_worker=False, max_webhooks_per_subscriber=2)
    server = start_server(wire, resolver=everything_is_public)
    try:
        sub = subscriber(server, "two")
        answers = [sub.client.post("/v1/webhooks", json={"url": f"https://h{n}.example.com/"}).status_code
                   for n in range(3)]
        assert answers == [201, 201, 422]
    finally:
        server.stop()
        wire.close()


def test_concurrent_registrations_do_not_exceed_the_limit(live: LiveServer) -> None:
    import concurrent.futures

    sub = subscriber(live, "racer")

    def register(n: int) -> int:
        with httpx.Client(base_url=live.url, headers={"Authorization": f"Bearer {sub.key}"}, timeout=30) as c:
            return c.post("/v1/webhooks", json={"url": f"https://race{n}.example.com/in"}).status_code

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(register, range(16)))
    assert codes.count(201) == 10 and codes.count(422) == 6, codes
