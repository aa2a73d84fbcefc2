"""Settings, read once from the environment (``NEWSWIRE_*``)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DATABASE_URL = "sqlite:///data/newswire.db"


def _csv(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


def _path(value: str | None) -> Path | None:
    return Path(value) if value and value.strip() else None


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def ru_ner_setting(env: Mapping[str, str] | None = None) -> str | None:
    """``NEWSWIRE_RU_NER``: a named-entity model for Russian stories besides the rules
    (``natasha``: the extra ``ru-ner``); None (the default) for the rules alone."""
    value = (os.environ if env is None else env).get("NEWSWIRE_RU_NER", "").strip().lower()
    return value or None


def _flag_on(value: str | None) -> bool:
    """A setting that is on unless it is set to one of the usual words for off."""
    return (value or "").strip().lower() not in ("0", "false", "no", "off")


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    bus_url: str | None = None
    max_body_bytes: int = 5 * 1024 * 1024
    max_json_body_bytes: int = 64 * 1024  # every body but a story's (POST /v1/items)
    metrics_token: str | None = None  # besides an admin token, may read /metrics
    enrich_disabled: tuple[str, ...] = ()
    enrich_workers: int | None = None  # enrichment processes of a server: None -> one per core; 0 -> none
    # Load the enrichment models at the first publication, not at start-up: a node that only
    # reads (site, portal, feeds) never pays their ~70 MB; the first story after a start waits ~1.4 s.
    lazy_models: bool = True
    base_url: str = "http://127.0.0.1:8000"
    embargo_poll_seconds: float = 1.0
    poll_seconds: float = 0.5  # how often a node reads the store's last sequence (the bus fallback)
    data_dir: Path = field(default_factory=lambda: Path("data"))
    webhooks_allow_private: bool = False
    max_webhooks_per_subscriber: int = 10  # each endpoint adds a row to every publish transaction
    secret_keys: tuple[str, ...] = field(default=(), repr=False)  # Fernet keys; the first encrypts
    webhook_retry_hours: float = 24.0
    sse_heartbeat_seconds: float = 15.0
    sse_send_timeout_seconds: float = 30.0
    max_streams_per_key: int = 10  # open SSE streams, per node process
    max_streams_per_subscriber: int = 50
    embedded_worker: bool = True
    webhook_timeout_seconds: float = 10.0
    webhook_lease_seconds: float = 60.0  # > the timeout: a worker killed mid-attempt frees it after this
    bus_stream: str = "NEWSWIRE"
    bus_subject: str = "newswire.seq"
    log_json: bool = False
    log_level: str = "INFO"
    max_ticker_connections: int = 1000  # open public live-ticker streams, per node process
    redis_url: str | None = None  # rate limits shared through Redis; else through the store
    redis_prefix: str = "newswire:"
    rate_limit_lease_max: int = 20  # most tokens a process leases from the store at once
    sources_allow_private: bool = False  # partner feeds on loopback/private addresses (like webhooks)
    source_timeout_seconds: float = 30.0  # one fetch, redirects and body included
    source_lease_seconds: float = 120.0  # a node killed mid-poll frees its sources after this
    source_max_bytes: int = 50 * 1024 * 1024  # a feed body or dropped file past this is cut off
    source_max_items: int = 5000  # items read from one poll; the rest are cut off with an error
    sources_poller: bool = True  # poll sources in serve's embedded worker and in `newswire worker`
    secure_cookies: bool = False  # portal cookies get Secure even on plain http (TLS ends in front)
    session_hours: float = 12.0  # a portal session lasts this long after sign-in
    max_media_bytes: int = 50 * 1024 * 1024  # an uploaded picture (POST /v1/media)
    media_max_pixels: int = 100_000_000  # width x height of an upload; past it: a decompression bomb
    media_url_seconds: int = 6 * 3600  # how long a signed rendition href answers
    agency_name: str = "newswire"  # the watermark on public preview renditions
    c2pa_trust_anchors: Path | None = None  # PEM certificates a picture's C2PA signer must chain to ("trusted")
    c2pa_cert: Path | None = None  # PEM chain (leaf first) the agency signs its renditions' C2PA manifests with
    c2pa_key: Path | None = field(default=None, repr=False)  # the PEM private key of c2pa_cert
    media_url: str | None = None  # the blob store: None -> <data_dir>/media; file:///path; s3://bucket/prefix
    s3_endpoint: str | None = None  # an S3-compatible server (MinIO, Ceph...): path-style requests to it
    desk_approval: str = "none"  # stories a chief approves before they move: all, none, urgency:X,service:Y
    smtp_url: str | None = field(default=None, repr=False)  # smtp[s]:// or smtp+starttls://[user:pass@]host[:port]
    smtp_from: str = "newswire <noreply@localhost>"  # the From: of the portal's emails
    ru_ner: str | None = None  # "natasha": Russian entities also from Natasha's NER (extra ru-ner)

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        e = os.environ if env is None else env
        return cls(
            database_url=e.get("NEWSWIRE_DATABASE_URL") or DEFAULT_DATABASE_URL,
            bus_url=e.get("NEWSWIRE_BUS_URL") or None,
            max_body_bytes=int(e.get("NEWSWIRE_MAX_BODY_BYTES") or 5 * 1024 * 1024),
            max_json_body_bytes=int(e.get("NEWSWIRE_MAX_JSON_BODY_BYTES") or 64 * 1024),
            metrics_token=e.get("NEWSWIRE_METRICS_TOKEN") or None,
            enrich_disabled=_csv(e.get("NEWSWIRE_ENRICH_DISABLE")),
            enrich_workers=int(e["NEWSWIRE_ENRICH_WORKERS"]) if e.get("NEWSWIRE_ENRICH_WORKERS") else None,
            lazy_models=_flag_on(e.get("NEWSWIRE_LAZY_MODELS")),
            base_url=(e.get("NEWSWIRE_BASE_URL") or "http://127.0.0.1:8000").rstrip("/"),
            embargo_poll_seconds=float(e.get("NEWSWIRE_EMBARGO_POLL_SECONDS") or 1.0),
            poll_seconds=float(e.get("NEWSWIRE_POLL_SECONDS") or 0.5),
            data_dir=Path(e.get("NEWSWIRE_DATA_DIR") or "data"),
            webhooks_allow_private=_flag(e.get("NEWSWIRE_WEBHOOKS_ALLOW_PRIVATE")),
            max_webhooks_per_subscriber=int(e.get("NEWSWIRE_MAX_WEBHOOKS_PER_SUBSCRIBER") or 10),
            secret_keys=_csv(e.get("NEWSWIRE_SECRET_KEYS")),
            webhook_retry_hours=float(e.get("NEWSWIRE_WEBHOOK_RETRY_HOURS") or 24.0),
            sse_heartbeat_seconds=float(e.get("NEWSWIRE_SSE_HEARTBEAT_SECONDS") or 15.0),
            sse_send_timeout_seconds=float(e.get("NEWSWIRE_SSE_SEND_TIMEOUT_SECONDS") or 30.0),
            max_streams_per_key=int(e.get("NEWSWIRE_MAX_STREAMS_PER_KEY") or 10),
            max_streams_per_subscriber=int(e.get("NEWSWIRE_MAX_STREAMS_PER_SUBSCRIBER") or 50),
            embedded_worker=not _flag(e.get("NEWSWIRE_NO_EMBEDDED_WORKER")),
            webhook_timeout_seconds=float(e.get("NEWSWIRE_WEBHOOK_TIMEOUT_SECONDS") or 10.0),
            webhook_lease_seconds=float(e.get("NEWSWIRE_WEBHOOK_LEASE_SECONDS") or 60.0),
            bus_stream=e.get("NEWSWIRE_BUS_STREAM") or "NEWSWIRE",
            bus_subject=e.get("NEWSWIRE_BUS_SUBJECT") or "newswire.seq",
            log_json=_flag(e.get("NEWSWIRE_LOG_JSON")),
            log_level=e.get("NEWSWIRE_LOG_LEVEL") or "INFO",
            max_ticker_connections=int(e.get("NEWSWIRE_MAX_TICKER_CONNECTIONS") or 1000),
            redis_url=e.get("NEWSWIRE_REDIS_URL") or None,
            redis_prefix=e.get("NEWSWIRE_REDIS_PREFIX") or "newswire:",
            rate_limit_lease_max=max(1, int(e.get("NEWSWIRE_RATE_LIMIT_LEASE_MAX") or 20)),
            sources_allow_private=_flag(e.get("NEWSWIRE_SOURCES_ALLOW_PRIVATE")),
            source_timeout_seconds=float(e.get("NEWSWIRE_SOURCE_TIMEOUT_SECONDS") or 30.0),
            source_lease_seconds=float(e.get("NEWSWIRE_SOURCE_LEASE_SECONDS") or 120.0),
            source_max_bytes=int(e.get("NEWSWIRE_SOURCE_MAX_BYTES") or 50 * 1024 * 1024),
            source_max_items=int(e.get("NEWSWIRE_SOURCE_MAX_ITEMS") or 5000),
            sources_poller=not _flag(e.get("NEWSWIRE_NO_SOURCES_POLLER")),
            secure_cookies=_flag(e.get("NEWSWIRE_SECURE_COOKIES")),
            session_hours=float(e.get("NEWSWIRE_SESSION_HOURS") or 12.0),
            max_media_bytes=int(e.get("NEWSWIRE_MAX_MEDIA_BYTES") or 50 * 1024 * 1024),
            media_max_pixels=int(e.get("NEWSWIRE_MEDIA_MAX_PIXELS") or 100_000_000),
            media_url_seconds=int(e.get("NEWSWIRE_MEDIA_URL_SECONDS") or 6 * 3600),
            agency_name=e.get("NEWSWIRE_AGENCY_NAME") or "newswire",
            c2pa_trust_anchors=_path(e.get("NEWSWIRE_C2PA_TRUST_ANCHORS")),
            c2pa_cert=_path(e.get("NEWSWIRE_C2PA_CERT")),
            c2pa_key=_path(e.get("NEWSWIRE_C2PA_KEY")),
            media_url=e.get("NEWSWIRE_MEDIA_URL") or None,
            s3_endpoint=e.get("NEWSWIRE_S3_ENDPOINT") or None,
            desk_approval=e.get("NEWSWIRE_DESK_APPROVAL") or "none",
            smtp_url=e.get("NEWSWIRE_SMTP_URL") or None,
            smtp_from=e.get("NEWSWIRE_SMTP_FROM") or "newswire <noreply@localhost>",
            ru_ner=ru_ner_setting(e),
        )
