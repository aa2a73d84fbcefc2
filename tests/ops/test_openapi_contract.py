"""Schema-driven fuzz: schemathesis generates requests from our own /openapi.json (valid and
invalid ones), sends them with the right credential for each operation, and the API must never
answer 5xx. Skipped when schemathesis is not installed."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402

from newswire.store import accounts  # noqa: E402
from newswire.store.tokens import create_token  # noqa: E402

from conftest import LiveServer, open_wire, start_server  # noqa: E402

LONG = os.environ.get("NEWSWIRE_LONG_SUITES", "").strip() in ("1", "true", "yes")
TOKENS: dict[str, str] = {}
BASE: list[str] = []


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    db = tmp_path_factory.mktemp("contract") / "wire.db"
    wire = open_wire(f"sqlite:///{db}", sse_heartbeat_seconds=0.2)
    live: LiveServer = start_server(wire)
    accounts.create_product(wire.engine, "all", {})
    accounts.create_subscriber(wire.engine, "fuzzer", ["all"], rate_limit=1_000_000)
    sub = accounts.get_subscriber(wire.engine, "fuzzer")
    TOKENS.update(admin=create_token(wire.engine, "admin"), editor=create_token(wire.engine, "editor"),
                  subscriber=create_token(wire.engine, "subscriber", subscriber_id=sub.id))
    BASE[:] = [live.url]
    # The stream never ends and webhook tests call out to the network: both have their own suites.
    yield (schemathesis.openapi.from_url(f"{live.url}/openapi.json")
           .exclude(path="/v1/stream").exclude(path_regex=r"/test$"))
    live.stop()
    wire.close()


def credential(path: str, method: str) -> str:
    if path.startswith("/v1/admin"):
        return TOKENS["admin"]
    if path.startswith("/v1/items") and method.upper() != "GET":
        return TOKENS["editor"]
    return TOKENS["subscriber"]


# schemathesis' pytest plugin does not load under pytest 9, so each operation runs its own
# hypothesis test over the operation's strategy (valid and schema-violating requests alike).
FUZZ = settings(max_examples=200 if LONG else 20, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))


def test_no_generated_request_makes_the_api_fail(api_schema: Any) -> None:
    server_errors: list[str] = []
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) > 20
    for operation in operations:
        @FUZZ
        @given(case=operation.as_strategy())
        def call(case: Any) -> None:
            headers = {"Authorization": f"Bearer {credential(case.path, case.method)}"}
            if isinstance(case.query, dict) and "wait" in case.query:
                case.query["wait"] = "0"  # a long-poll would only make the run slow, not wiser
            response = case.call(base_url=BASE[0], headers=headers, timeout=15)
            if response.status_code >= 500:
                server_errors.append(f"{case.method} {case.formatted_path} {case.query or ''} -> "
                                     f"{response.status_code} {response.text[:200]}")

        call()
    assert not server_errors, "\n".join(server_errors[:20])


# -- the review's families, sent to every documented operation: JSON nested past reason,
#    bodies past the limit (declared and streamed), Unicode digits in every query parameter ---

HOSTILE_BODIES = {
    "nested-60k": b"[" * 60_000,
    "nested-objects": b'{"name": "x", "url": ' + b'{"a":' * 5_000 + b"1" + b"}" * 5_001,
    "long-integer": b'{"name": "x", "version": ' + b"9" * 5_000 + b"}",
}
HOSTILE_QUERY = ["²³", "١٢", "1_0", "9" * 40, "-1", "\u0000"]


def test_hostile_bodies_and_unicode_digits_never_make_the_api_fail(api_schema: Any) -> None:
    import httpx

    server_errors: list[str] = []
    operations = [result.ok() for result in api_schema.get_all_operations()]
    with httpx.Client(base_url=BASE[0], timeout=30) as client:
        for op in operations:
            path = op.path.replace("{uri}", "urn:x:1").replace("{uri:path}", "urn:x:1")
            for name in ("endpoint_id", "name", "key_id", "version"):
                path = path.replace("{" + name + "}", "1")
            headers = {"Authorization": f"Bearer {credential(op.path, op.method)}"}
            tries: list[tuple[dict[str, Any], str]] = []
            if op.method.upper() in ("POST", "PUT"):
                for label, body in HOSTILE_BODIES.items():
                    tries.append(({"content": body, "headers": {**headers, "content-type": "application/json"}}, label))
                big = b'{"url": "' + b"a" * 6_000_000 + b'"}'
                tries.append(({"content": big, "headers": {**headers, "content-type": "application/json"}},
                              "over-limit"))
                tries.append(({"content": iter([big[:1000], big[1000:]]),
                               "headers": {**headers, "content-type": "application/json"}}, "over-limit-streamed"))
            for param in op.iter_parameters():
                if param.location == "query":
                    for value in HOSTILE_QUERY:
                        tries.append(({"params": {param.name: value, "wait": "0"}, "headers": headers},
                                      f"{param.name}={value!r}"))
            for kwargs, label in tries:
                try:
                    status = client.request(op.method, path, **kwargs).status_code
                except httpx.TransportError as exc:  # the server dropped the connection mid-answer
                    server_errors.append(f"{op.method} {op.path} {label} -> {exc.__class__.__name__}")
                    continue
                if status >= 500:
                    server_errors.append(f"{op.method} {op.path} {label} -> {status}")
    assert not server_errors, "\n".join(server_errors[:20])
