"""Which IP addresses a webhook may be sent to: global unicast only.

One pure rule, asked at registration and again at every connection (the worker and
``/test`` resolve the name when they connect and connect to the address checked here).

``ipaddress``'s ``is_global`` alone is not enough: it calls IPv4 multicast and several
IPv6 forms that embed an IPv4 address (``::a.b.c.d``, NAT64 ``64:ff9b::/96``, 6to4
``2002::/16``) global, and those can reach the loopback or private network of whoever
translates them. So IPv6 must be inside global unicast ``2000::/3`` and outside the
special-purpose blocks below, and IPv4 outside every special-purpose block of the IANA
registry. Every IPv4-embedding IPv6 form is refused outright, whatever the IPv4 inside.
"""

from __future__ import annotations

from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address

IPAddress = IPv4Address | IPv6Address

REFUSED_V4: tuple[tuple[IPv4Network, str], ...] = tuple((IPv4Network(net), why) for net, why in (
    ("0.0.0.0/8", "this network / unspecified"),
    ("10.0.0.0/8", "private"),
    ("100.64.0.0/10", "shared address space (carrier-grade NAT)"),
    ("127.0.0.0/8", "loopback"),
    ("169.254.0.0/16", "link-local"),
    ("172.16.0.0/12", "private"),
    ("192.0.0.0/24", "IETF protocol assignments"),
    ("192.0.2.0/24", "documentation (TEST-NET-1)"),
    ("192.88.99.0/24", "6to4 relay anycast (deprecated)"),
    ("192.168.0.0/16", "private"),
    ("198.18.0.0/15", "benchmarking"),
    ("198.51.100.0/24", "documentation (TEST-NET-2)"),
    ("203.0.113.0/24", "documentation (TEST-NET-3)"),
    ("224.0.0.0/4", "multicast"),
    ("240.0.0.0/4", "reserved (and broadcast)"),
))

GLOBAL_UNICAST_V6 = IPv6Network("2000::/3")

REFUSED_V6: tuple[tuple[IPv6Network, str], ...] = tuple((IPv6Network(net), why) for net, why in (
    ("2001::/23", "IETF protocol assignments (Teredo 2001::/32, benchmarking, ORCHID)"),
    ("2001:db8::/32", "documentation"),
    ("2002::/16", "6to4 (embeds an IPv4 address)"),
    ("3fff::/20", "documentation"),
    ("5f00::/16", "segment routing (SRv6) identifiers"),
))

# Outside 2000::/3, so refused anyway; named here so that the reason is precise.
NAMED_V6: tuple[tuple[IPv6Network, str], ...] = tuple((IPv6Network(net), why) for net, why in (
    ("::/128", "unspecified"),
    ("::1/128", "loopback"),
    ("::ffff:0:0/96", "IPv4-mapped"),
    ("::/96", "IPv4-compatible (deprecated)"),
    ("64:ff9b::/96", "NAT64 (embeds an IPv4 address)"),
    ("64:ff9b:1::/48", "local-use NAT64 (embeds an IPv4 address)"),
    ("100::/64", "discard-only"),
    ("fc00::/7", "unique local (private)"),
    ("fe80::/10", "link-local"),
    ("ff00::/8", "multicast"),
))


def refusal(address: IPAddress | str) -> str | None:
    """Why a webhook may not go to ``address``, or None when it may (global unicast)."""
    ip = ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, IPv4Address):
        for net, why in REFUSED_V4:
            if ip in net:
                return why
        return None if ip.is_global else "not globally routable"
    if ip.scope_id:
        return "scoped (link-local)"
    for net6, why in NAMED_V6:
        if ip in net6:
            return why
    if ip not in GLOBAL_UNICAST_V6:
        return "outside IPv6 global unicast (2000::/3)"
    for net6, why in REFUSED_V6:
        if ip in net6:
            return why
    return None if ip.is_global else "not globally routable"


def is_allowed(address: IPAddress | str) -> bool:
    """True only for a global unicast address a webhook may be delivered to."""
    return refusal(address) is None
