"""A webhook may go only to a global unicast address.

The rule (``newswire.delivery.addresses``) is asked at registration and at every
connection. ``ipaddress.is_global`` alone accepts IPv4 multicast and the IPv6 forms that
embed an IPv4 address (IPv4-compatible, NAT64, 6to4): those reach whatever network
translates them, so each is refused here, and over HTTP at registration.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newswire.delivery.addresses import is_allowed, refusal
from newswire.wire import Wire

from conftest import LiveServer, open_wire, start_server
from wirekit import subscriber

REFUSED = {
    "unspecified v4": "0.0.0.0",
    "this network": "0.1.2.3",
    "loopback v4": "127.0.0.1",
    "loopback v4 elsewhere in 127/8": "127.255.0.9",
    "private 10/8": "10.1.2.3",
    "private 172.16/12": "172.31.255.254",
    "private 192.168/16": "192.168.0.1",
    "shared 100.64/10": "100.64.0.1",
    "shared 100.64/10, top": "100.127.255.254",
    "link-local v4 (cloud metadata)": "169.254.169.254",
    "IETF protocol assignments": "192.0.0.8",
    "documentation TEST-NET-1": "192.0.2.10",
    "documentation TEST-NET-2": "198.51.100.7",
    "documentation TEST-NET-3": "203.0.113.9",
    "benchmarking 198.18/15": "198.19.0.1",
    "6to4 relay anycast": "192.88.99.1",
    "multicast v4": "224.0.0.1",
    "multicast v4, top": "239.255.255.250",
    "reserved 240/4": "240.0.0.1",
    "broadcast": "255.255.255.255",
    "unspecified v6": "::",
    "loopback v6": "::1",
    "IPv4-mapped loopback": "::ffff:127.0.0.1",
    "IPv4-mapped public": "::ffff:8.8.8.8",
    "IPv4-compatible loopback": "::127.0.0.1",
    "IPv4-compatible public": "::8.8.8.8",
    "NAT64 loopback": "64:ff9b::7f00:1",
    "NAT64 public": "64:ff9b::808:808",
    "local-use NAT64": "64:ff9b:1::a00:1",
    "6to4 of loopback": "2002:7f00:1::1",
    "6to4 of public": "2002:808:808::1",
    "Teredo": "2001:0:4136:e378:8000:63bf:3fff:fdd2",
    "benchmarking v6": "2001:2::1",
    "ORCHIDv2": "2001:20::1",
    "documentation v6": "2001:db8::1",
    "documentation v6 3fff::/20": "3fff::1",
    "SRv6 SIDs": "5f00::1",
    "discard-only": "100::1",
    "unique local": "fd00::1",
    "link-local v6": "fe80::1",
    "link-local v6 with zone": "fe80::1%1",
    "site-local (deprecated)": "fec0::1",
    "multicast v6": "ff02::1",
    "multicast v6 global scope": "ff0e::1",
    "outside 2000::/3": "4000::1",
}

ALLOWED = ["8.8.8.8", "1.1.1.1", "93.184.216.34", "100.63.255.255", "100.128.0.0", "172.32.0.1",
           "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "2001:4860:4860::8888"]


@pytest.mark.parametrize("address", REFUSED.values(), ids=REFUSED.keys())
def test_every_special_purpose_address_is_refused(address: str) -> None:
    assert not is_allowed(address)
    assert refusal(address)


@pytest.mark.parametrize("address", ALLOWED)
def test_global_unicast_addresses_are_allowed(address: str) -> None:
    assert is_allowed(address), refusal(address)


@pytest.fixture
def strict(db_url: str) -> Iterator[LiveServer]:
    wire: Wire = open_wire(db_url, embedded_worker=False)  # private endpoints not allowed
    server = start_server(wire)
    yield server
    server.stop()
    wire.close()


EMBEDDED = ["::127.0.0.1", "64:ff9b::7f00:1", "64:ff9b:1::7f00:1", "2002:7f00:1::1", "::ffff:127.0.0.1",
            "3fff::1", "5f00::1"]


@pytest.mark.parametrize("host", ["[" + a + "]" for a in EMBEDDED] + ["224.0.0.1", "2130706433", "0x7f.1"])
def test_registration_refuses_embedded_and_disguised_addresses_without_naming_them(
    strict: LiveServer, host: str
) -> None:
    sub = subscriber(strict, "sneaky", {})
    resp = sub.client.post("/v1/webhooks", json={"url": f"http://{host}:8080/hook"})
    assert resp.status_code == 422, resp.text
    problem = resp.json()
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert "public address" in problem["detail"]
    assert "127.0.0.1" not in problem["detail"] and "7f00" not in problem["detail"]
