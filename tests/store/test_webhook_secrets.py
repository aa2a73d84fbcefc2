"""Webhook secrets are encrypted at rest (Fernet, keys from NEWSWIRE_SECRET_KEYS or a 0600
key file in the data dir), shown once at registration, rotated by `newswire secrets rotate`.
A secret stored before encryption still signs, and rotation encrypts it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert, select, update
from standardwebhooks.webhooks import Webhook

from newswire.config import Settings
from newswire.model import utcnow
from newswire.store import webhooks as outbox
from newswire.store.engine import read_tx, write_tx
from newswire.store.secrets import SecretBox, SecretKeyError, box_for, key_file, new_key
from newswire.store.tables import webhook_endpoints
from newswire.wire import Wire

from conftest import LiveServer, open_wire, start_server
from receiver import Receiver, start_receiver
from wirekit import publish, subscriber

NEWSWIRE = str(Path(sys.executable).with_name("newswire"))
OLD, NEW = new_key(), new_key()


def raw_secrets(wire: Wire) -> dict[str, str]:
    with read_tx(wire.engine) as conn:
        return dict(conn.execute(select(webhook_endpoints.c.id, webhook_endpoints.c.secret)).all())


@pytest.fixture
def hook() -> Iterator[Receiver]:
    receiver = start_receiver()
    yield receiver
    receiver.close()


@pytest.fixture
def live(db_url: str, tmp_path: Path) -> Iterator[LiveServer]:
    wire = open_wire(db_url, webhooks_allow_private=True, embargo_poll_seconds=0.2, secret_keys=(OLD,),
                     data_dir=tmp_path / "data")
    server = start_server(wire)
    yield server
    server.stop()
    wire.close()


def test_the_stored_secret_is_encrypted_and_the_shown_one_signs(live: LiveServer, hook: Receiver) -> None:
    sub = subscriber(live, "sealed")
    created = sub.client.post("/v1/webhooks", json={"url": hook.url}).json()
    secret = created["secret"]
    stored = raw_secrets(live.wire)[created["id"]]
    assert stored.startswith("fernet:")
    assert secret not in stored and secret.removeprefix("whsec_") not in stored
    assert "secret" not in sub.client.get("/v1/webhooks").json()["webhooks"][0]  # shown once
    publish(live.wire)
    got = hook.wait_for(1)
    assert len(got) == 1
    Webhook(secret).verify(got[0].body, got[0].headers)
    assert sub.client.post(f"/v1/webhooks/{created['id']}/test").json()["delivered"] is True
    assert not (live.wire.settings.data_dir / "secret.key").exists()  # the configured key was used


def test_a_legacy_plaintext_secret_still_signs(live: LiveServer, hook: Receiver) -> None:
    sub = subscriber(live, "legacy")
    created = sub.client.post("/v1/webhooks", json={"url": hook.url}).json()
    legacy = "whsec_" + "QUJD" * 8
    with write_tx(live.wire.engine) as conn:
        conn.execute(update(webhook_endpoints).where(webhook_endpoints.c.id == created["id"]).values(secret=legacy))
    publish(live.wire)
    got = hook.wait_for(1)
    assert len(got) == 1
    Webhook(legacy).verify(got[0].body, got[0].headers)


def test_rotation_reseals_every_secret_with_the_first_key(wire: Wire) -> None:
    from newswire.store import accounts

    accounts.create_product(wire.engine, "p", {})
    sub = accounts.create_subscriber(wire.engine, "rotating", ["p"])
    old = SecretBox([OLD])
    ep1, secret1 = outbox.create_endpoint(wire.engine, sub.id, "https://a.example.com/", box=old)
    ep2, secret2 = outbox.create_endpoint(wire.engine, sub.id, "https://b.example.com/", box=old)
    with write_tx(wire.engine) as conn:  # one stored before encryption at rest existed
        conn.execute(insert(webhook_endpoints).values(id="ep_legacy", subscriber_id=sub.id, url="https://c.example.com/",
                                                      secret="whsec_plain", created_at=utcnow()))
    assert outbox.plaintext_secrets(wire.engine) == 1
    rotated, unreadable = outbox.rotate_secrets(wire.engine, SecretBox([NEW, OLD]))
    assert (rotated, unreadable) == (3, [])
    assert outbox.plaintext_secrets(wire.engine) == 0
    stored = raw_secrets(wire)
    new_only = SecretBox([NEW])
    assert [new_only.open(stored[e]) for e in (ep1.id, ep2.id, "ep_legacy")] == [secret1, secret2, "whsec_plain"]
    with pytest.raises(SecretKeyError, match="cannot be decrypted"):
        old.open(stored[ep1.id])  # the old key is retired: nothing stored needs it any more


def test_a_secret_no_key_opens_is_reported_and_left_alone(wire: Wire) -> None:
    from newswire.store import accounts

    accounts.create_product(wire.engine, "p", {})
    sub = accounts.create_subscriber(wire.engine, "lost", ["p"])
    ep, _ = outbox.create_endpoint(wire.engine, sub.id, "https://a.example.com/", box=SecretBox([OLD]))
    before = raw_secrets(wire)[ep.id]
    assert outbox.rotate_secrets(wire.engine, SecretBox([NEW])) == (0, [ep.id])
    assert raw_secrets(wire)[ep.id] == before


def test_malformed_keys_are_a_clear_error_and_registration_answers_a_problem(db_url: str, tmp_path: Path) -> None:
    with pytest.raises(SecretKeyError, match="NEWSWIRE_SECRET_KEYS: key 2 is not a Fernet key"):
        SecretBox([NEW, "not-a-key"])
    wire = open_wire(db_url, webhooks_allow_private=True, embedded_worker=False, secret_keys=("not-a-key",),
                     data_dir=tmp_path)
    server = start_server(wire)
    try:
        sub = subscriber(server, "misconfigured")
        resp = sub.client.post("/v1/webhooks", json={"url": "http://127.0.0.1:9/hook"})
        assert resp.status_code == 503 and resp.headers["content-type"].startswith("application/problem+json")
        assert "NEWSWIRE_SECRET_KEYS" in resp.json()["detail"] and "not-a-key" not in resp.text
        assert raw_secrets(wire) == {}
    finally:
        server.stop()
        wire.close()


def test_keys_changed_without_rotation_fail_the_attempt_with_a_clear_error(db_url: str, tmp_path: Path,
                                                                           hook: Receiver) -> None:
    wire = open_wire(db_url, webhooks_allow_private=True, embargo_poll_seconds=0.2, secret_keys=(NEW,),
                     data_dir=tmp_path)
    server = start_server(wire)
    try:
        sub = subscriber(server, "rekeyed")
        outbox.create_endpoint(wire.engine, sub.id, hook.url, box=SecretBox([OLD]))  # sealed with another key
        publish(wire)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            deliveries = sub.client.get("/v1/deliveries").json()["deliveries"]
            if deliveries and deliveries[0]["attempts"]:
                break
            time.sleep(0.1)
        assert "cannot be decrypted" in deliveries[0]["attempts"][0]["error"]
        assert hook.calls == 0
    finally:
        server.stop()
        wire.close()


def test_without_configured_keys_a_0600_key_file_is_made_once_in_the_data_dir(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    box = box_for(settings)
    path = key_file(settings.data_dir)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    sealed = box.seal("whsec_x")
    assert box_for(Settings(data_dir=tmp_path / "data")).open(sealed) == "whsec_x"
    assert SecretBox(path.read_text().split()).open(sealed) == "whsec_x"
    assert "secret_keys" not in repr(Settings(secret_keys=(NEW,))) and NEW not in repr(Settings(secret_keys=(NEW,)))


def test_secrets_rotate_on_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "wire.db"
    wire = open_wire(f"sqlite:///{db}")
    from newswire.store import accounts

    accounts.create_product(wire.engine, "p", {})
    sub = accounts.create_subscriber(wire.engine, "cli", ["p"])
    ep, secret = outbox.create_endpoint(wire.engine, sub.id, "https://a.example.com/", box=SecretBox([OLD]))
    wire.close()
    env = {**os.environ, "NEWSWIRE_DATABASE_URL": f"sqlite:///{db}", "NEWSWIRE_DATA_DIR": str(tmp_path),
           "NEWSWIRE_SECRET_KEYS": f"{NEW},{OLD}"}
    done = subprocess.run([NEWSWIRE, "secrets", "rotate"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Re-encrypted 1" in done.stderr
    wire = open_wire(f"sqlite:///{db}")
    try:
        assert SecretBox([NEW]).open(raw_secrets(wire)[ep.id]) == secret
    finally:
        wire.close()
    env["NEWSWIRE_SECRET_KEYS"] = new_key()  # neither key: reported, exit 1
    done = subprocess.run([NEWSWIRE, "secrets", "rotate"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and ep.id in done.stderr
    key = subprocess.run([NEWSWIRE, "secrets", "new-key"], env=env, capture_output=True, text=True, timeout=120)
    assert SecretBox([key.stdout.strip()])


def test_concurrent_first_uses_all_get_the_one_key_and_never_an_empty_file(tmp_path: Path) -> None:
    """The first webhook registrations of a fresh deployment race to make the key file; none
    may read it empty (a 503 'Secrets key unavailable' to a client) or make a second key."""
    import threading

    from newswire.store import secrets

    for n in range(40):
        path = key_file(tmp_path / f"data{n}")
        start = threading.Barrier(8)
        found: list[object] = []

        def first_use(path: Path = path, start: threading.Barrier = start, found: list[object] = found) -> None:
            start.wait()
            try:
                found.append(tuple(secrets._read_or_create(path)))
            except SecretKeyError as exc:
                found.append(exc)

        threads = [threading.Thread(target=first_use) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(set(found)) == 1 and isinstance(found[0], tuple) and len(found[0]) == 1, found
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left
