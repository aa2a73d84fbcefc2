"""The HTTP client webhooks are sent with: it connects only to addresses it has checked.

Checking a name at registration is not enough (DNS rebinding: the name may resolve to a
public address then and to ``127.0.0.1`` later). So the client's network backend resolves
the name itself when it opens each connection, refuses if *any* address it resolves to is
not global unicast (:mod:`newswire.delivery.addresses`), and connects to the checked
address: no second lookup happens between the check and the connection. TLS still uses the
URL's host name for SNI and certificate checks (httpcore passes it to ``start_tls``).
Redirects are never followed, proxies from the environment are ignored (a proxy would make
the connection, not us), and the resolver is a parameter so that tests can play DNS.

Refusals say only "refused: the host does not resolve to a public address": never the
address, and nothing is ever sent to it, so a subscriber cannot use webhooks to map what
answers inside the agency's network.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import time
import typing
from collections.abc import Awaitable, Callable
from ipaddress import ip_address
from urllib.parse import urlsplit, urlunsplit

import httpcore
import httpx

from newswire.delivery.addresses import is_allowed

Resolver = Callable[[str, int], Awaitable[list[str]]]

REFUSED = "refused: the host does not resolve to a public address"
PRIVATE_HINT = ("loopback, private and other special-use addresses are refused unless an admin "
                "allows private endpoints (NEWSWIRE_WEBHOOKS_ALLOW_PRIVATE=1)")


class UnsafeEndpoint(ValueError):
    """A webhook URL that may not be registered (malformed, or not a public address)."""


class RefusedAddress(httpcore.ConnectError):
    """Raised instead of connecting; httpx reports it as a ``ConnectError`` with this text."""

    def __init__(self) -> None:
        super().__init__(REFUSED)


async def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host`` (TCP), in its order."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _literal(host: str) -> str | None:
    try:
        return str(ip_address(host.strip("[]")))
    except ValueError:
        return None


async def resolve_checked(host: str, port: int, *, allow_private: bool, resolver: Resolver,
                          timeout: float | None = None) -> list[str]:
    """The addresses to connect to for ``host``: all checked, or ``RefusedAddress``.

    Resolution failures raise ``httpcore.ConnectError`` (``ConnectTimeout`` past ``timeout``).
    """
    literal = _literal(host)
    if literal is not None:
        addresses = [literal]
    else:
        try:
            addresses = await asyncio.wait_for(resolver(host, port), timeout)
        except TimeoutError as exc:
            raise httpcore.ConnectTimeout(f"resolving {host} timed out") from exc
        except Exception as exc:  # the system's (or a test's) resolver failed: not our bug
            raise httpcore.ConnectError(f"{host} does not resolve") from exc
        if not addresses:
            raise httpcore.ConnectError(f"{host} does not resolve")
    checked = []
    for address in addresses:
        text = _literal(address)
        if text is None or (not allow_private and not is_allowed(text)):
            raise RefusedAddress()
        checked.append(text)
    return checked


class PinningBackend(httpcore.AsyncNetworkBackend):
    """Resolves, checks, then connects to the checked address (never the name)."""

    def __init__(self, *, allow_private: bool, resolver: Resolver | None = None,
                 inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self.allow_private = allow_private
        self.resolver = resolver or system_resolver
        self.inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        deadline = None if timeout is None else time.monotonic() + timeout
        addresses = await resolve_checked(host, port, allow_private=self.allow_private,
                                          resolver=self.resolver, timeout=timeout)
        failure: Exception = httpcore.ConnectError(f"could not connect to {host}")
        for address in addresses:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                raise httpcore.ConnectTimeout(f"connecting to {host} timed out")
            try:
                return await self.inner.connect_tcp(address, port, timeout=left, local_address=local_address,
                                                    socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        raise failure

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise RefusedAddress()

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class PinnedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport over a connection pool that uses :class:`PinningBackend`."""

    def __init__(self, backend: PinningBackend, *, verify: ssl.SSLContext | bool = True) -> None:
        super().__init__(verify=verify, trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify, trust_env=False),
            max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0,
            network_backend=backend,
        )


def webhook_client(*, allow_private: bool, resolver: Resolver | None = None, timeout: float = 10.0,
                   verify: ssl.SSLContext | bool = True) -> httpx.AsyncClient:
    """The client for webhook deliveries and tests: pinned, no redirects, no proxies."""
    transport = PinnedTransport(PinningBackend(allow_private=allow_private, resolver=resolver), verify=verify)
    return httpx.AsyncClient(transport=transport, timeout=timeout, follow_redirects=False, trust_env=False)


def endpoint_host(url: str) -> tuple[str, int]:
    """The host and port a webhook URL connects to; ``UnsafeEndpoint`` when malformed."""
    try:
        parsed = httpx.URL(url)
        scheme, host, port = parsed.scheme, parsed.raw_host.decode("ascii"), parsed.port
    except (httpx.InvalidURL, ValueError, TypeError) as exc:  # ValueError: bad ports, IDNA, brackets
        raise UnsafeEndpoint("The URL is malformed (check its host, brackets and port).") from exc
    if scheme not in ("http", "https") or not host:
        raise UnsafeEndpoint("The URL must be http:// or https:// with a host.")
    if port is not None and not 0 < port < 65536:
        raise UnsafeEndpoint("The URL's port must be between 1 and 65535.")
    return host, port or (443 if scheme == "https" else 80)


CREDENTIALS_IN_URL = ("Credentials never go in the URL (user:password@ would be shown back wherever the URL "
                      "is): a webhook receiver checks the signature made with the endpoint's secret (and may "
                      "take a token in the path); a source's login goes in credentials.")


def has_credentials(url: str) -> bool:
    """Does the URL carry a user-info part (``user:password@``, ``user@``, even an empty ``@``)?"""
    try:
        return "@" in urlsplit(url).netloc or bool(httpx.URL(url).userinfo)
    except (httpx.InvalidURL, ValueError, TypeError):
        return False  # malformed: endpoint_host says so


def without_credentials(url: str) -> str:
    """The URL as it may be shown: a user-info part (a row stored before it was refused) masked."""
    if not has_credentials(url):
        return url
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc="***@" + parts.netloc.rpartition("@")[2]))


async def check_endpoint_url(url: str, *, allow_private: bool, resolver: Resolver | None = None) -> None:
    """Refuse, at registration, a URL that is malformed, carries credentials (they would be shown
    back) or does not resolve to public addresses.

    The same address check runs again at every connection (the name may resolve elsewhere later);
    an endpoint stored with credentials before they were refused is still delivered to.
    """
    host, port = endpoint_host(url)
    if has_credentials(url):
        raise UnsafeEndpoint(CREDENTIALS_IN_URL)
    if allow_private:
        return
    try:
        await resolve_checked(host, port, allow_private=False, resolver=resolver or system_resolver, timeout=10.0)
    except RefusedAddress as exc:
        raise UnsafeEndpoint(f"Refused: the host does not resolve to a public address; {PRIVATE_HINT}.") from exc
    except httpcore.ConnectError as exc:
        raise UnsafeEndpoint("The host does not resolve.") from exc
    except httpcore.ConnectTimeout as exc:
        raise UnsafeEndpoint("The host did not resolve in time.") from exc
