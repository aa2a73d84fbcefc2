"""Self-service for an organisation's developers, in the portal: API keys and webhooks.

Only the organisation's managers (role ``manager``) see these pages; a member is refused
(403). Everything is looked up by the signed-in user's organisation, so an id of another
organisation's key, endpoint or delivery is simply not found (404), whoever guesses it.
The rules are the API's, reused rather than copied: an endpoint's address passes
:func:`newswire.delivery.webhook_client.check_endpoint_url` (the SSRF check), its secret is
sealed by :mod:`newswire.store.secrets`, at most ``max_webhooks_per_subscriber`` endpoints,
a replay is queued as the API's replay queues it (:func:`newswire.store.webhooks.requeue`),
and only for an event the organisation is entitled to now
(:func:`newswire.delivery.reader.entitled_entries`). A new key or secret is shown once, in the
answer to the form that made it, and never again.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Engine, select
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from newswire.delivery.cache import Entry
from newswire.delivery.reader import Reader, entitled_entries
from newswire.delivery.webhook_client import UnsafeEndpoint, check_endpoint_url, without_credentials
from newswire.portal import i18n
from newswire.portal.web import FormRefused
from newswire.store import accounts, tokens
from newswire.store import items as store
from newswire.store import webhooks as outbox
from newswire.store.engine import read_tx
from newswire.store.secrets import SecretKeyError, box_for
from newswire.store.tables import events
from newswire.store.users import Session

if TYPE_CHECKING:
    from newswire.portal.routes import Portal

Handler = Callable[[Request, Session, str], Awaitable[Response]]
MAX_LABEL = 200
MAX_URL = 2000
DELIVERIES_SHOWN = 200  # an endpoint's most recent deliveries on its page
_ID = re.compile(r"[0-9a-f]{1,32}")  # key ids and endpoint ids (after ep_) are hex
NOTICES = ("key_revoked", "webhook_deleted", "webhook_disabled", "webhook_enabled", "replay_queued",
           "replay_pending")


def masked(endpoint: outbox.Endpoint) -> outbox.Endpoint:
    """An endpoint as a page shows it: credentials in its URL (stored before they were refused) masked."""
    return replace(endpoint, url=without_credentials(endpoint.url))


def delivery_stories(engine: Engine, seqs: list[int]) -> dict[int, tuple[str, str]]:
    """The story and event type of each delivered event (the story page checks the rest)."""
    if not seqs:
        return {}
    with read_tx(engine) as conn:
        rows = conn.execute(select(events.c.seq, events.c.uri, events.c.type).where(events.c.seq.in_(seqs))).all()
    return {row.seq: (row.uri, row.type) for row in rows}


class Developers:
    def __init__(self, portal: Portal) -> None:
        self.portal = portal
        self.base = portal.web.prefix + "/developers"

    @property
    def engine(self) -> Engine:
        return self.portal.wire.engine

    def managers(self, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        """Signed in (else the sign-in page) and the organisation's manager (else 403)."""

        async def page(request: Request, session: Session, lang: str) -> Response:
            if session.user.role != "manager":
                t = i18n.strings(lang)
                return self.portal.page(request, "message.html", lang, session, 403, title=t["managers_only"],
                                        text=t["managers_only_text"], link=self.portal.web.prefix + "/")
            return await handler(request, session, lang)

        return self.portal.reading(page)

    async def fields(self, request: Request, session: Session) -> dict[str, str] | None:
        try:
            return await self.portal.web.form(request, session)
        except FormRefused:
            return None

    @staticmethod
    def org(session: Session) -> int:
        assert session.user.subscriber_id is not None
        return session.user.subscriber_id

    def back(self, path: str, done: str) -> Response:
        return RedirectResponse(f"{path}?done={done}", status_code=303)

    # -- the overview: keys and endpoints ----------------------------------------------------
    async def overview(self, request: Request, session: Session, lang: str, status: int = 200,
                       **shown: object) -> Response:
        sid = self.org(session)
        keys = await run_in_threadpool(tokens.subscriber_keys, self.engine, sid)
        endpoints = await run_in_threadpool(outbox.list_endpoints, self.engine, sid)
        done = request.query_params.get("done")
        context: dict[str, object] = {"new_key": None, "new_secret": None, "key_error": None, "hook_error": None,
                                      "url": "", "label": ""}
        context.update(shown)
        endpoints = [masked(e) for e in endpoints]
        return self.portal.page(request, "developers.html", lang, session, status, keys=keys, endpoints=endpoints,
                                notice=done if done in NOTICES else None, base=self.base,
                                limit=self.portal.wire.settings.max_webhooks_per_subscriber, **context)

    async def create_key(self, request: Request, session: Session, lang: str) -> Response:
        fields = await self.fields(request, session)
        if fields is None:
            return self.portal.refused(request, lang, session)
        label = "".join(c for c in " ".join(fields.get("label", "").split()) if c.isprintable())[:MAX_LABEL] or None
        sid = self.org(session)
        t = i18n.strings(lang)
        subscriber = await run_in_threadpool(lambda: accounts.get_subscriber(self.engine, id=sid))
        if subscriber.disabled:
            return await self.overview(request, session, lang, 409, key_error=t["org_disabled"])
        key = await run_in_threadpool(lambda: tokens.create_token(self.engine, "subscriber", subscriber_id=sid,
                                                                  label=label))
        return await self.overview(request, session, lang, new_key=key)

    async def revoke_key(self, request: Request, session: Session, lang: str) -> Response:
        fields = await self.fields(request, session)
        if fields is None:
            return self.portal.refused(request, lang, session)
        key_id = request.path_params["key_id"]
        if not _ID.fullmatch(key_id) or not await run_in_threadpool(
                tokens.revoke_subscriber_key, self.engine, self.org(session), key_id):
            return self.portal.not_found(request, lang, session)
        self.portal.app.state.subscriptions.invalidate()  # open streams on the key end within a second
        return self.back(self.base, "key_revoked")

    async def create_webhook(self, request: Request, session: Session, lang: str) -> Response:
        fields = await self.fields(request, session)
        if fields is None:
            return self.portal.refused(request, lang, session)
        t = i18n.strings(lang)
        url = fields.get("url", "").strip()
        state, settings = self.portal.app.state, self.portal.wire.settings

        def refuse(status: int, why: str) -> Awaitable[Response]:
            return self.overview(request, session, lang, status, hook_error=why, url=url)

        if not url or len(url) > MAX_URL:
            return await refuse(422, t["webhook_url_needed"])
        try:
            await check_endpoint_url(url, allow_private=state.webhooks_allow_private,
                                     resolver=getattr(state, "webhook_resolver", None))
        except UnsafeEndpoint as exc:
            return await refuse(422, f"{t['webhook_refused']} {exc}")
        try:
            box = await run_in_threadpool(box_for, settings)
            endpoint, secret = await run_in_threadpool(lambda: outbox.create_endpoint(
                self.engine, self.org(session), url, box=box, limit=settings.max_webhooks_per_subscriber))
        except SecretKeyError:
            return await refuse(503, t["webhook_keys_unavailable"])
        except outbox.TooManyEndpoints as exc:
            return await refuse(422, t["webhook_too_many"].format(n=exc.limit))
        return await self.overview(request, session, lang, new_secret=(endpoint, secret))

    # -- one endpoint: its deliveries, every attempt, a replay ------------------------------
    async def endpoint(self, request: Request, session: Session) -> outbox.Endpoint | None:
        endpoint_id = request.path_params["endpoint_id"]
        if not _ID.fullmatch(endpoint_id.removeprefix("ep_")):  # a NUL would be a 500 on PostgreSQL
            return None
        return await run_in_threadpool(outbox.get_endpoint, self.engine, self.org(session), endpoint_id)

    async def webhook(self, request: Request, session: Session, lang: str) -> Response:
        ep = await self.endpoint(request, session)
        if ep is None:
            return self.portal.not_found(request, lang, session)
        mine = await run_in_threadpool(lambda: outbox.list_deliveries(self.engine, self.org(session), DELIVERIES_SHOWN,
                                                                      endpoint_id=ep.id))
        stories = await run_in_threadpool(delivery_stories, self.engine, [d.seq for d, _ in mine])
        done = request.query_params.get("done")
        return self.portal.page(request, "webhook.html", lang, session, endpoint=masked(ep), deliveries=mine,
                                stories=stories, base=self.base, notice=done if done in NOTICES else None,
                                at=at_text)

    async def change_webhook(self, request: Request, session: Session, lang: str) -> Response:
        fields = await self.fields(request, session)
        if fields is None:
            return self.portal.refused(request, lang, session)
        ep = await self.endpoint(request, session)
        action = request.path_params["action"]
        if ep is None or action not in ("disable", "enable", "delete"):
            return self.portal.not_found(request, lang, session)
        sid = self.org(session)
        if action == "delete":
            await run_in_threadpool(outbox.delete_endpoint, self.engine, sid, ep.id)
            return self.back(self.base, "webhook_deleted")
        why = "disabled in the portal" if action == "disable" else None  # the API shows it to key holders
        await run_in_threadpool(outbox.set_endpoint_disabled, self.engine, sid, ep.id, action == "disable", why)
        return self.back(f"{self.base}/webhooks/{ep.id}", f"webhook_{action}d")

    async def replay(self, request: Request, session: Session, lang: str) -> Response:
        """Send one delivery's event again (a new delivery, the same ``webhook-id``), if the
        organisation is still entitled to it; the endpoint is enabled again, as by the API."""
        fields = await self.fields(request, session)
        if fields is None:
            return self.portal.refused(request, lang, session)
        ep = await self.endpoint(request, session)
        raw = request.path_params["delivery_id"]
        if ep is None or not (raw.isascii() and raw.isdigit() and len(raw) <= 18):
            return self.portal.not_found(request, lang, session)
        sid = self.org(session)
        found = await run_in_threadpool(lambda: outbox.list_deliveries(self.engine, sid, 1, endpoint_id=ep.id,
                                                                       delivery_id=int(raw)))
        if not found:
            return self.portal.not_found(request, lang, session)
        delivery = found[0][0]
        wire = self.portal.wire
        got = await run_in_threadpool(store.events_after, self.engine, delivery.seq - 1, 1)
        entries = [Entry(event, item) for event, item in got if event.seq == delivery.seq]
        reader = Reader(sid, None, await self.portal.products(sid))
        if not entries or not await entitled_entries(self.engine, reader, entries):
            return self.portal.not_found(request, lang, session)
        queued = await run_in_threadpool(outbox.requeue, self.engine, ep.id, [delivery.seq])
        wire.hub.notify(wire.hub.latest)  # wake the webhook worker
        return self.back(f"{self.base}/webhooks/{ep.id}", "replay_queued" if queued else "replay_pending")


def at_text(value: object) -> str:
    """An attempt's time as the store gave it (a datetime), for a ``datetime`` attribute."""
    return value.isoformat() if isinstance(value, datetime) else str(value or "")


def routes(portal: Portal) -> list[Route]:
    dev = Developers(portal)
    base = dev.base
    return [
        Route(base, dev.managers(dev.overview), methods=["GET"]),
        Route(base + "/keys", dev.managers(dev.create_key), methods=["POST"]),
        Route(base + "/keys/{key_id}/revoke", dev.managers(dev.revoke_key), methods=["POST"]),
        Route(base + "/webhooks", dev.managers(dev.create_webhook), methods=["POST"]),
        Route(base + "/webhooks/{endpoint_id}", dev.managers(dev.webhook), methods=["GET"]),
        Route(base + "/webhooks/{endpoint_id}/deliveries/{delivery_id}/replay", dev.managers(dev.replay),
              methods=["POST"]),
        Route(base + "/webhooks/{endpoint_id}/{action}", dev.managers(dev.change_webhook), methods=["POST"]),
    ]
