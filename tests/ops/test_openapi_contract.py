"""Schema-driven fuzz: schemathesis generates requests from our own /openapi.json (valid and
invalid ones), sends them with the right credential for each operation, and the API must never
answer 5xx. Skipped when schemathesis is not installed."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402

from newswire.sources.store import add_source  # noqa: E402
from newswire.store import accounts  # noqa: E402
from newswire.store.tokens import create_token  # noqa: E402

from conftest import LiveServer, open_wire, start_server  # noqa: E402

LONG = os.environ.get("NEWSWIRE_LONG_SUITES", "").strip() in ("1", "true", "yes")
TOKENS: dict[str, str] = {}
BASE: list[str] = []
WIRE: list[Any] = []


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
    WIRE[:] = [wire]
    # The stream never ends and webhook tests call out to the network: both have their own suites.
    yield (schemathesis.openapi.from_url(f"{live.url}/openapi.json")
           .exclude(path="/v1/stream").exclude(path_regex=r"/test$"))
    live.stop()
    wire.close()


def credential(path: str, method: str) -> str:
    if path.startswith("/v1/admin") or path == "/metrics":
        return TOKENS["admin"]
    if path.startswith(("/v1/items", "/v1/media")) and method.upper() != "GET":
        return TOKENS["editor"]
    return TOKENS["subscriber"]


# schemathesis' pytest plugin does not load under pytest 9, so each operation runs its own
# hypothesis test over the operation's strategy (valid and schema-violating requests alike).
FUZZ = settings(max_examples=200 if LONG else 20, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))


# make suite-long generates ten times the examples: minutes more than pytest's 300 s default
LONG_TIMEOUT = pytest.mark.timeout(1800 if LONG else 300)


@pytest.mark.long  # ~30 s of generated requests; the conformance and hostile-body tests run every time
@LONG_TIMEOUT
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


# -- the document is exact: schemathesis in response-conformance mode over every route ------
#
# Every generated request (valid and schema-violating, with free and with real path values)
# is sent with the operation's credential, and the answer must have a documented status, a
# documented media type, a body that conforms to the documented schema and the documented
# headers. The stream is read up to its first frame (it never ends by itself).

CONFORMANCE = [schemathesis.checks.not_a_server_error, schemathesis.checks.status_code_conformance,
               schemathesis.checks.content_type_conformance, schemathesis.checks.response_schema_conformance,
               schemathesis.checks.response_headers_conformance]
CONFORM = settings(max_examples=100 if LONG else 12, deadline=None, database=None,
                   suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def every_operation(api_schema: Any) -> Iterator[tuple[Any, dict[str, str]]]:
    """The whole document (stream and webhook tests included) and real values for its path
    parameters: a published story, a webhook (on loopback, which this server refuses to
    call, so nothing leaves the machine), a subscriber, a product and a key to act on."""
    import httpx

    from newswire.store import webhooks as outbox
    from newswire.store.secrets import box_for

    editor = {"Authorization": f"Bearer {TOKENS['editor']}"}
    admin = {"Authorization": f"Bearer {TOKENS['admin']}"}
    with httpx.Client(base_url=BASE[0], timeout=30) as client:
        story = client.post("/v1/items", headers={**editor, "content-type": "application/json"},
                            content=b'{"uri": "urn:newswire:contract:1", "type": "text", "language": "en",'
                                    b' "headlines": [{"value": "Contract story"}],'
                                    b' "bodies": [{"contentType": "text/html", "value": "<p>Contract text</p>"}]}')
        assert story.status_code in (200, 201), story.text
        client.post("/v1/admin/products", headers=admin, json={"name": "target-product", "filter": {}})
        client.post("/v1/admin/subscribers", headers=admin, json={"name": "target", "products": []})
        picture = client.post("/v1/media", headers={**editor, "content-type": "image/jpeg"}, content=_jpeg())
        assert picture.status_code == 201, picture.text
    wire = WIRE[0]
    add_source(wire.engine, "target-source", "folder", path=tempfile.mkdtemp(prefix="contract-source-"))
    key = create_token(wire.engine, "editor", label="to revoke").split("_")[1]
    fuzzer = accounts.get_subscriber(wire.engine, "fuzzer")
    endpoint, _secret = outbox.create_endpoint(wire.engine, fuzzer.id, "http://127.0.0.1:9/hook",
                                               box=box_for(wire.settings))
    real = {"uri": "urn:newswire:contract:1", "version": "1", "name": "target", "key_id": key,
            "endpoint_id": endpoint.id, "picture": picture.json()["uri"]}
    yield schemathesis.openapi.from_url(f"{BASE[0]}/openapi.json"), real


def _jpeg() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 48), (40, 90, 140)).save(out, "JPEG")
    return out.getvalue()


def _send(case: Any) -> Any:
    import httpx

    headers = {"Authorization": f"Bearer {credential(case.path, case.method)}"}
    if isinstance(case.query, dict) and "wait" in case.query:
        case.query["wait"] = "0"
    if case.path != "/v1/stream":
        return case.call(base_url=BASE[0], headers=headers, timeout=15), headers
    kwargs = case.as_transport_kwargs(base_url=BASE[0], headers=headers)
    kwargs.pop("timeout", None)
    with httpx.Client(timeout=15) as client, client.stream(**kwargs) as streamed:
        first = next(streamed.iter_raw(), b"") if streamed.status_code == 200 else streamed.read()
        answer = httpx.Response(streamed.status_code, headers=streamed.headers, content=first,
                                request=streamed.request)
        answer.elapsed = timedelta(0)  # read only up to the first frame
        return answer, headers


@LONG_TIMEOUT
def test_every_answer_conforms_to_the_document(every_operation: tuple[Any, dict[str, str]]) -> None:
    from hypothesis.errors import Unsatisfiable
    from schemathesis import GenerationMode
    from schemathesis.core.failures import FailureGroup

    schema, real = every_operation
    failures: dict[str, str] = {}  # one example per operation, status and kind of failure
    sent = {"cases": 0}
    answered: dict[str, set[int]] = {}
    operations = [result.ok() for result in schema.get_all_operations()]
    # removals last, so the pinned webhook is tested and replayed before it is deleted
    operations.sort(key=lambda op: op.method.upper() == "DELETE")
    for operation in operations:
        names = {p.name for p in operation.iter_parameters() if p.location == "path"}
        pinned = {name: real[name] for name in names if name in real}
        if operation.path.startswith("/v1/admin/products/"):
            pinned["name"] = "target-product"
        if operation.path.startswith("/v1/admin/sources/"):
            pinned["name"] = "target-source"
        if operation.path.startswith("/v1/media/"):
            pinned.update(uri=real["picture"], name="original")
        strategies = [operation.as_strategy(generation_mode=mode) for mode in GenerationMode]
        if pinned:
            strategies.append(operation.as_strategy(path_parameters=pinned))
        for strategy in strategies:
            @CONFORM
            @given(case=strategy)
            def call(case: Any) -> None:
                response, headers = _send(case)
                sent["cases"] += 1
                answered.setdefault(case.operation.label, set()).add(response.status_code)
                try:
                    case.validate_response(response, checks=CONFORMANCE, headers=headers)
                except FailureGroup as group:
                    for failure in group.exceptions:
                        message = " ".join(str(getattr(failure, "message", failure)).split())[:300]
                        failures[f"{case.operation.label} -> {response.status_code}: {failure.title}: {message}"] = (
                            f"{case.method} {case.formatted_path} {case.query or ''} {str(case.body)[:200]}")

            try:
                call()
            except Unsatisfiable:  # nothing in this operation can be made invalid
                continue
    print(f"conformance: {len(operations)} operations, {sent['cases']} cases")
    for label, statuses in sorted(answered.items()):
        print(label, sorted(statuses))
    assert len(operations) >= 32
    assert not failures, "\n".join(f"{kind}\n    e.g. {example}" for kind, example in sorted(failures.items()))


# -- the document says what the server does -------------------------------------------------

def _document() -> dict[str, Any]:
    import httpx

    return dict(httpx.get(f"{BASE[0]}/openapi.json", timeout=30).json())


def test_errors_are_documented_as_problem_details_and_fastapi_validation_errors_are_gone(
    api_schema: Any,
) -> None:
    doc = _document()
    assert "HTTPValidationError" not in str(doc)
    problem = doc["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail", "instance"} <= set(problem["properties"])
    for path, methods in doc["paths"].items():
        for method, op in methods.items():
            for status, answer in op["responses"].items():
                if status.startswith(("4", "5")):
                    assert list(answer["content"]) == ["application/problem+json"], (method, path, status)
                    schema = answer["content"]["application/problem+json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/Problem"}, (method, path, status)
                else:
                    for media in answer.get("content", {}).values():
                        assert media.get("schema") not in (None, {}), (method, path, status)


def test_media_types_request_bodies_and_security_are_documented(api_schema: Any) -> None:
    from newswire import formats
    from newswire.api.items import _CONTENT_TYPES

    doc = _document()
    paths = doc["paths"]
    ok = {p: {m: list(op["responses"].get("200", op["responses"].get("201", {})).get("content", {}))
              for m, op in ops.items()} for p, ops in paths.items()}
    assert ok["/v1/stream"]["get"] == ["text/event-stream"]
    assert ok["/v1/admin/usage"]["get"] == ["text/csv"]
    assert set(ok["/metrics"]["get"]) == {"text/plain; version=0.0.4", "application/openmetrics-text"}
    assert set(ok["/v1/items/{uri}"]["get"]) == {"application/json", formats.MEDIA_TYPES["newsml"],
                                                 formats.MEDIA_TYPES["nitf"]}
    assert set(ok["/v1/feed"]["get"]) == {"application/json", "application/vnd.iptc.g2.newsmessage+xml"}
    assert set(paths["/v1/items"]["post"]["requestBody"]["content"]) == set(_CONTENT_TYPES)
    ninjs = doc["components"]["schemas"]["NinjsItem"]
    assert "ninjs-schema_3.2.json" in ninjs["externalDocs"]["url"]
    assert ninjs.get("additionalProperties", True) is not False

    schemes = doc["components"]["securitySchemes"]
    assert all(s == {**s, "type": "http", "scheme": "bearer"} for s in schemes.values())
    public = {"/healthz", "/readyz", "/openapi.json"}
    for path, methods in paths.items():
        for method, op in methods.items():
            if path in public:
                assert "security" not in op, path
                continue
            assert op["security"], (method, path)
            assert all(set(req) <= set(schemes) for req in op["security"]), (method, path)
            assert "401" in op["responses"], (method, path)
    assert paths["/v1/feed"]["get"]["security"] == [{"subscriberKey": []}]
    assert paths["/v1/items"]["post"]["security"] == [{"editorToken": []}, {"adminToken": []}]
    assert not any(p.startswith(("/static", "/rss.xml", "/{lang")) or p == "/" for p in paths)


def test_the_ninjs_components_name_only_properties_of_the_iptc_schemas(api_schema: Any) -> None:
    """NinjsItem and Ninjs2Item describe IPTC's ninjs 3.2 and 2.3 (their externalDocs): every
    property they list is one of the IPTC schema's, with the same JSON type."""
    import json

    from schemas import STANDARDS_DIR

    doc = _document()
    for component, version in (("NinjsItem", "3.2"), ("Ninjs2Item", "2.3")):
        path = STANDARDS_DIR / "ninjs" / f"ninjs-schema_{version}.json"
        root = json.loads(path.read_text())
        iptc = root["$defs"]["ninjsType"]
        ours = doc["components"]["schemas"][component]
        assert f"ninjs-schema_{version}.json" in ours["externalDocs"]["url"]
        assert set(ours["required"]) == set(iptc.get("required", root.get("required", []))) == {"uri"}
        for name, prop in ours["properties"].items():
            assert name in iptc["properties"], f"{component}.{name} is not in ninjs {version}"
            theirs = iptc["properties"][name].get("type")
            if theirs and "type" in prop:
                assert prop["type"] == theirs, (component, name, prop["type"], theirs)
