"""The portal's webhooks follow the API's rule: a URL with credentials is refused, and one stored
with them before they were refused is shown masked on the developers page and its own page."""

from __future__ import annotations

import uuid

from newswire.store import webhooks as outbox
from newswire.store.secrets import box_for

from conftest import LiveServer
from portalkit import Visitor, live, organisation, person

__all__ = ["live"]  # the portal's shared server, a fixture

BASE = "/portal/developers"


def test_credentials_are_refused_and_stored_ones_masked(live: LiveServer) -> None:
    name = f"creds-{uuid.uuid4().hex[:8]}"
    # a product of its own service: on the shared server, nothing another test publishes reaches
    # this endpoint (one admitting English copy added a delivery to the desk's reach test)
    org_id = organisation(live, name, {"services": [name]})
    person(live, f"boss@{name}.example", name, role="manager")
    boss = Visitor.at(live).signed_in(f"boss@{name}.example")
    refused = boss.post(f"{BASE}/webhooks", {"url": "https://user:s3cret@hooks.example/in"}, csrf_from=BASE)
    assert refused.status_code == 422 and "Credentials never go in the URL" in refused.text
    assert outbox.list_endpoints(live.wire.engine, org_id) == []
    ep, _ = outbox.create_endpoint(live.wire.engine, org_id, "https://user:s3cret@hooks.example/in",
                                   box=box_for(live.wire.settings))
    for page in (boss.get(BASE), boss.get(f"{BASE}/webhooks/{ep.id}")):
        assert page.status_code == 200
        assert "https://***@hooks.example/in" in page.text and "s3cret" not in page.text
