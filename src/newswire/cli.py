"""The ``newswire`` command line."""

from __future__ import annotations

import json
import logging
import os
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from newswire.config import Settings
from newswire.formats.errors import FormatError
from newswire.portal.cli import DEMO_EDITOR, demo_user, user_app
from newswire.store import accounts
from newswire.store import items as store
from newswire.store import usage as usage_store
from newswire.store.accounts import AccountError
from newswire.store.items import StoreConflict
from newswire.store.tokens import ROLES, create_token, revoke_token
from newswire.wire import Wire

app = typer.Typer(help="newswire: a news agency's wire.", no_args_is_help=True)
token_app = typer.Typer(help="Editor and admin tokens.", no_args_is_help=True)
db_app = typer.Typer(help="The database.", no_args_is_help=True)
product_app = typer.Typer(help="Products: what a subscription covers.", no_args_is_help=True)
subscriber_app = typer.Typer(help="Subscribers.", no_args_is_help=True)
key_app = typer.Typer(help="Subscriber API keys.", no_args_is_help=True)
usage_app = typer.Typer(help="The usage audit.", no_args_is_help=True)
tagger_app = typer.Typer(help="The Media Topic tagger.", no_args_is_help=True)
vocab_app = typer.Typer(help="People and organisations the agency curates.", no_args_is_help=True)
app.add_typer(token_app, name="token")
app.add_typer(db_app, name="db")
app.add_typer(product_app, name="product")
app.add_typer(subscriber_app, name="subscriber")
app.add_typer(key_app, name="key")
app.add_typer(usage_app, name="usage")
app.add_typer(tagger_app, name="tagger")
app.add_typer(vocab_app, name="vocab")
app.add_typer(user_app, name="user")
secrets_app = typer.Typer(help="Webhook secrets at rest (NEWSWIRE_SECRET_KEYS).", no_args_is_help=True)
app.add_typer(secrets_app, name="secrets")
source_app = typer.Typer(help="Partner sources the wire polls (feeds, folders, mailboxes).", no_args_is_help=True)
app.add_typer(source_app, name="source")
err = Console(stderr=True)


def open_wire() -> Wire:
    return Wire.open(Settings.from_env())


LogJson = Annotated[bool | None, typer.Option(
    "--log-json/--log-text", help="JSON log lines with request ids (default: NEWSWIRE_LOG_JSON).")]


def _logging(log_json: bool | None, settings: Settings) -> None:
    from newswire.ops.logging import configure_logging

    configure_logging(json_lines=settings.log_json if log_json is None else log_json, level=settings.log_level)


def _media_store(settings: Settings) -> None:
    """Stop at once when ``NEWSWIRE_MEDIA_URL`` names a store this node cannot open (a bad URL,
    an s3:// store without boto3), rather than at the first upload."""
    from rich.markup import escape

    from newswire.media.blobs import MediaStoreError, store_for

    try:
        store_for(settings)
    except MediaStoreError as exc:
        err.print(f"[red]{escape(str(exc))}[/red]", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


def _content_credentials(settings: Settings) -> None:
    """Stop at once when the C2PA trust anchors or the agency's signing certificate and key
    cannot be used, rather than at the first upload or download."""
    if not (settings.c2pa_trust_anchors or settings.c2pa_cert or settings.c2pa_key):
        return  # nothing to check: the signer, c2pa and cryptography stay unimported
    from rich.markup import escape

    from newswire.media import provenance, provenance_sign

    try:
        provenance.load_anchors(settings.c2pa_trust_anchors)
        provenance_sign.signer_for(settings)
    except (provenance.TrustAnchorsError, provenance_sign.SigningConfigError) as exc:
        err.print(f"[red]{escape(str(exc))}[/red]", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    log_json: LogJson = None,
    workers: Annotated[int, typer.Option(min=1, help="Processes sharing the port (use the cores).")] = 1,
) -> None:
    """Serve the HTTP API, the public site and (unless disabled) the webhook worker.

    Run any number of these on different ports or hosts against one PostgreSQL; set
    NEWSWIRE_BUS_URL=nats://... so they wake each other at once (else within 0.5 s).
    With --workers N the processes of one node wake each other by reading the store's last
    sequence every 50 ms (NEWSWIRE_POLL_SECONDS), unless a bus is configured.
    """
    import os

    import uvicorn

    settings = Settings.from_env()
    _logging(log_json, settings)
    _media_store(settings)
    _content_credentials(settings)
    if workers == 1:
        from newswire.api.app import create_app

        uvicorn.run(create_app(Wire.open(settings)), host=host, port=port, log_config=None, access_log=False,
                    timeout_graceful_shutdown=5)
        return
    Wire.open(settings).close()  # migrate once, here, before the processes start
    if not settings.bus_url:
        os.environ.setdefault("NEWSWIRE_POLL_SECONDS", "0.05")
    from newswire.ops.metrics import multiprocess_directory

    with multiprocess_directory():  # every process writes its metrics there; a scrape adds them up
        uvicorn.run("newswire.api.app:app_from_env", factory=True, workers=workers, host=host, port=port,
                    log_config=None, access_log=False, timeout_graceful_shutdown=5)


@app.command()
def demo(
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 8000,
) -> None:
    """Migrate, load the sample stories (once), print an editor token, and serve."""
    import uvicorn

    from newswire.api.app import create_app
    from newswire.samples import load_samples

    wire = open_wire()
    if store.last_seq(wire.engine) == 0:
        report = load_samples(wire, pictures=True)
        err.print(f"Loaded sample stories: {report.published} published, {report.killed} killed, "
                  f"{report.pictures} pictures, {report.videos} video.")
        for failure in report.failed:
            err.print(f"[red]sample failed[/red] {failure}")
    token = create_token(wire.engine, "editor", label="demo")
    admin = create_token(wire.engine, "admin", label="demo")
    key = _demo_subscriber_key(wire)
    portal_email, portal_password = demo_user(wire.engine, "demo-newsroom")
    desk_email, desk_password = demo_user(wire.engine, None, DEMO_EDITOR, "editor")
    base = f"http://{host}:{port}"
    err.print(f"\n[bold]Editor token:[/bold]   {token}", soft_wrap=True)
    err.print(f"[bold]Admin token:[/bold]    {admin}", soft_wrap=True)
    err.print(f"[bold]Subscriber key:[/bold] {key}  (demo-newsroom: the whole wire)", soft_wrap=True)
    err.print(f"Site:      {base}/")
    err.print(f"Portal:    {base}/portal/  (sign in as {portal_email} / {portal_password})", soft_wrap=True)
    err.print(f"Desk:      {base}/desk/  (sign in as {desk_email} / {desk_password})", soft_wrap=True)
    err.print(f"Feed:      {base}/v1/feed?wait=30  (Authorization: Bearer <key>)")
    err.print(f"API:       {base}/v1/items  (Authorization: Bearer <token>)")
    err.print(f"API docs:  {base}/docs")
    err.print(f"Health:    {base}/healthz\n")
    uvicorn.run(create_app(wire), host=host, port=port, log_level="info")


def _demo_subscriber_key(wire: Wire) -> str:
    """A subscriber entitled to the whole wire (embargoes included), for trying the feed."""
    try:
        sub = accounts.get_subscriber(wire.engine, "demo-newsroom")
    except AccountError:
        accounts.create_product(wire.engine, "whole-wire", {"embargoEarly": True})
        sub = accounts.create_subscriber(wire.engine, "demo-newsroom", ["whole-wire"])
    return create_token(wire.engine, "subscriber", subscriber_id=sub.id, label="demo")


@token_app.command("create")
def token_create(
    role: Annotated[str, typer.Option(help="editor or admin")] = "editor",
    label: Annotated[str | None, typer.Option(help="A note on whose token this is.")] = None,
) -> None:
    """Create a token and print it alone on stdout (it is shown only this once)."""
    if role not in ROLES or role == "subscriber":
        err.print("[red]--role must be editor or admin[/red] (subscriber keys: newswire key create)")
        raise typer.Exit(2)
    typer.echo(create_token(open_wire().engine, role, label=label))


@token_app.command("revoke")
def token_revoke(token: Annotated[str, typer.Argument(help="The token, or its id.")]) -> None:
    """Revoke a token (or key) at once."""
    if not revoke_token(open_wire().engine, token):
        err.print("[red]No such active token.[/red]")
        raise typer.Exit(1)
    err.print("Revoked.")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the database to the latest schema."""
    Wire.open(Settings.from_env(), migrate=True)
    err.print("Database is at the latest schema.")


class IngestRefused(Exception):
    """A file ``ingest`` will not read, and why."""


def _files(paths: list[Path]) -> list[tuple[Path, Path | None]]:
    """Each file with the folder it was found in (None: named on the command line). Links to
    folders inside a folder are listed, not entered: ``read_story`` refuses every link."""
    found: list[tuple[Path, Path | None]] = []
    for path in paths:
        if path.is_dir():
            root, inside = path.resolve(), []
            for folder, dirs, names in os.walk(path):  # never descends into linked folders
                inside += [Path(folder) / d for d in dirs if (Path(folder) / d).is_symlink()]
                inside += [Path(folder) / n for n in names if not n.startswith(".")]
            found.extend((p, root) for p in sorted(inside))
        else:
            found.append((path, None))
    return found


def read_story(path: Path, root: Path | None, limit: int) -> bytes:
    """The file's bytes, if it is a regular file (not a link) inside ``root`` and at most
    ``limit`` bytes; never reads more than ``limit + 1`` bytes."""
    from newswire.media.folder import Skipped, opened  # the rules pictures are read by too

    try:
        with opened(path, root, limit, "NEWSWIRE_MAX_BODY_BYTES") as f:
            data = f.read(limit + 1)
    except Skipped as exc:
        raise IngestRefused(str(exc)) from exc
    if len(data) > limit:  # it grew while it was read
        raise IngestRefused(f"{len(data)} bytes, over the {limit}-byte limit (NEWSWIRE_MAX_BODY_BYTES)")
    return data


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of stories, pictures and videos.")],
    format: Annotated[str, typer.Option(help="auto, ninjs, newsml, nitf or text")] = "auto",
    public: Annotated[bool, typer.Option("--public", help="Show these on the public site.")] = False,
    graphics: Annotated[bool, typer.Option(
        "--graphics", help="The stills are graphics (infographics, maps, charts): items of type graphic, "
                           "not picture; videos stay videos.")] = False,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", min=1, help="Enrich stories in N processes and store them in batches (a bulk import; "
                              "run it again after an interruption: what is stored is skipped).")] = None,
) -> None:
    """Publish stories and pictures (with their .xmp sidecars) from files; never stops at a bad
    file; exits non-zero if any failed."""
    if format not in ("auto", "ninjs", "newsml", "nitf", "text"):
        err.print("[red]--format must be auto, ninjs, newsml, nitf or text[/red]")
        raise typer.Exit(2)
    from newswire.media import folder
    from newswire.media.probe import Refused

    wire = open_wire()
    files, orphans = folder.sort(_files(paths))  # pictures (by their bytes) with their XMP sidecars
    published = unchanged = 0
    failed: list[tuple[str, str]] = []
    skipped: list[tuple[str, str]] = [(str(p), "an XMP sidecar with no picture beside it") for p in orphans]
    if jobs is not None:  # stories in bulk; pictures (made into renditions by the worker) one by one
        from newswire import bulk

        stories = [f for f in files if f.picture is None]
        files = [f for f in files if f.picture is not None]
        limit = wire.settings.max_body_bytes
        with Progress(console=err, transient=True) as progress:
            task = progress.add_task("Ingesting", total=len(stories))
            tally = bulk.import_stories(
                wire, [(str(f.path), partial(read_story, f.path, f.root, limit)) for f in stories],
                fmt=format, public=public, jobs=jobs, refused=(IngestRefused,),
                advance=lambda n: progress.advance(task, n))
        published, unchanged = tally.published, tally.unchanged
        failed += tally.failed
        skipped += tally.skipped
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("Ingesting", total=len(files))
        for found in files:
            path, root = found.path, found.root
            try:
                if found.picture is not None:
                    result = folder.ingest_picture(wire, path, root, found.picture, found.sidecar, public=public,
                                                   graphic=graphics)
                else:
                    result = wire.ingest(read_story(path, root, wire.settings.max_body_bytes), format, public=public)
                if result.created:
                    published += 1
                else:
                    unchanged += 1
            except (IngestRefused, folder.Skipped) as exc:
                skipped.append((str(path), str(exc)))
            except (FormatError, StoreConflict, OSError, Refused) as exc:
                failed.append((str(path), getattr(exc, "detail", None) or str(exc)))
            progress.advance(task)
    table = Table(title="Ingest summary")
    table.add_column("result")
    table.add_column("count", justify="right")
    table.add_row("published", str(published))
    table.add_row("unchanged", str(unchanged))
    table.add_row("failed", str(len(failed)))
    table.add_row("skipped", str(len(skipped)))
    err.print(table)
    for name, reason in failed:
        err.print(f"[red]failed[/red] {name}: {reason}")
    for name, reason in skipped:
        err.print(f"[yellow]skipped[/yellow] {name}: {reason}", markup=True, highlight=False, soft_wrap=True)
    if failed or skipped:
        raise typer.Exit(1)


def _repeated(help: str) -> Any:
    """A repeatable option, empty when not given (typer would print its default as "<class 'list'>")."""
    return typer.Option(help=help, default_factory=list, show_default=False)


def _fail(exc: AccountError) -> typer.Exit:
    err.print(f"[red]{exc.detail}[/red]")
    return typer.Exit(1)


def _product_filters(
    language: list[str], topic: list[str], type: list[str], urgency: str | None, service: list[str],
    place: list[str], embargo_early: bool, public_only: bool, rendition: list[str] | None = None,
) -> dict[str, object]:
    filters: dict[str, object] = {
        "languages": language, "topics": topic, "types": type, "services": service, "places": place,
        "embargoEarly": embargo_early, "publicOnly": public_only, "renditions": rendition or [],
    }
    if urgency:
        low, _, high = urgency.partition("-")
        try:
            filters["urgency"] = [int(low), int(high or low)]
        except ValueError as exc:
            raise typer.BadParameter("--urgency is MIN-MAX, e.g. 1-4") from exc
    return filters


@product_app.command("create")
def product_create(
    name: str,
    language: Annotated[list[str], _repeated("Language code (repeat).")],
    topic: Annotated[list[str], _repeated("Media Topic code; admits descendants.")],
    type: Annotated[list[str], _repeated("Item type (repeat).")],
    service: Annotated[list[str], _repeated("Service/desk code (repeat).")],
    place: Annotated[list[str], _repeated("Place name or URI (repeat).")],
    rendition: Annotated[list[str], _repeated(
        "A picture or video rendition the product carries (repeat; none: all): original, baseImage, "
        "viewImage, thumbnail, preview, poster.")],
    urgency: Annotated[str | None, typer.Option(help="MIN-MAX within 1-9.")] = None,
    embargo_early: Annotated[bool, typer.Option(help="Deliver embargoed items at once, flagged.")] = False,
    public_only: Annotated[bool, typer.Option(help="Only stories marked public.")] = False,
) -> None:
    """Create a product (a filter over the wire)."""
    filters = _product_filters(language, topic, type, urgency, service, place, embargo_early, public_only,
                               rendition)
    try:
        product = accounts.create_product(open_wire().engine, name, filters)
    except AccountError as exc:
        raise _fail(exc) from exc
    err.print(f"Product {product.name}: {json.dumps(product.to_dict(), ensure_ascii=False)}")


@product_app.command("list")
def product_list() -> None:
    """List products."""
    table = Table("name", "filter", "disabled")
    for product, disabled in accounts.list_products(open_wire().engine):
        table.add_row(product.name, json.dumps(product.to_dict(), ensure_ascii=False), "yes" if disabled else "")
    Console().print(table)


@product_app.command("show")
def product_show(name: str) -> None:
    """Show one product's filter as JSON."""
    for product, disabled in accounts.list_products(open_wire().engine):
        if product.name == name:
            typer.echo(json.dumps({"name": name, "filter": product.to_dict(), "disabled": disabled}, indent=2))
            return
    err.print(f"[red]No product {name!r}.[/red]")
    raise typer.Exit(1)


@product_app.command("disable")
def product_disable(name: str) -> None:
    """Disable a product: it stops admitting anything."""
    try:
        accounts.set_product_disabled(open_wire().engine, name, True)
    except AccountError as exc:
        raise _fail(exc) from exc
    err.print(f"Product {name} disabled.")


@subscriber_app.command("create")
def subscriber_create(
    name: str,
    product: Annotated[list[str], _repeated("A product the subscriber holds (repeat).")],
    rate_limit: Annotated[int, typer.Option(
        help="Requests per minute, shared by all its keys.")] = accounts.DEFAULT_RATE_LIMIT,
) -> None:
    """Create a subscriber holding products."""
    try:
        sub = accounts.create_subscriber(open_wire().engine, name, product, rate_limit=rate_limit)
    except AccountError as exc:
        raise _fail(exc) from exc
    err.print(f"Subscriber {sub.name} holds: {', '.join(sub.products) or 'nothing yet'}.")


@subscriber_app.command("list")
def subscriber_list() -> None:
    """List subscribers."""
    table = Table("name", "products", "rate limit", "disabled")
    for sub in accounts.list_subscribers(open_wire().engine):
        table.add_row(sub.name, ", ".join(sub.products), str(sub.rate_limit), "yes" if sub.disabled else "")
    Console().print(table)


@subscriber_app.command("show")
def subscriber_show(name: str) -> None:
    """Show a subscriber as JSON."""
    try:
        sub = accounts.get_subscriber(open_wire().engine, name)
    except AccountError as exc:
        raise _fail(exc) from exc
    typer.echo(json.dumps({"name": sub.name, "products": list(sub.products), "rateLimit": sub.rate_limit,
                           "disabled": sub.disabled}, indent=2))


@subscriber_app.command("disable")
def subscriber_disable(name: str) -> None:
    """Disable a subscriber; their keys stop working at once."""
    try:
        accounts.set_subscriber_disabled(open_wire().engine, name, True)
    except AccountError as exc:
        raise _fail(exc) from exc
    err.print(f"Subscriber {name} disabled and their keys revoked.")


@key_app.command("create")
def key_create(subscriber: str) -> None:
    """Create an API key for a subscriber and print it alone on stdout (shown only once)."""
    engine = open_wire().engine
    try:
        sub = accounts.get_subscriber(engine, subscriber)
    except AccountError as exc:
        raise _fail(exc) from exc
    typer.echo(create_token(engine, "subscriber", subscriber_id=sub.id))


@key_app.command("revoke")
def key_revoke(key: Annotated[str, typer.Argument(help="The key, or its id.")]) -> None:
    """Revoke a key with immediate effect."""
    token_revoke(key)


@usage_app.command("report")
def usage_report(
    month: Annotated[str, typer.Option(help="YYYY-MM")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="CSV file (default: stdout)")] = None,
) -> None:
    """Write the month's usage audit as CSV."""
    try:
        text = usage_store.report_csv(open_wire().engine, month)
    except ValueError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    if output:
        output.write_text(text, "utf-8")
        err.print(f"Wrote {output}.")
    else:
        typer.echo(text, nl=False)


@app.command()
def worker(
    log_json: LogJson = None,
    metrics_port: Annotated[int, typer.Option(help="Serve Prometheus /metrics on this port (0: off).")] = 0,
) -> None:
    """Drain webhook deliveries, fire embargo lifts, make picture renditions, poll partner sources
    and notify portal users of what they follow (run any number of these)."""
    import asyncio

    from newswire.delivery.webhooks import RetryPolicy, WebhookWorker
    from newswire.store.secrets import box_for
    from newswire.store.usage import UsageRecorder

    settings = Settings.from_env()
    _logging(log_json, settings)
    _media_store(settings)
    wire = Wire.open(settings)
    usage = UsageRecorder(wire.engine)

    async def run() -> None:
        wire.hub.bind(asyncio.get_running_loop())
        wire.hub.start_polling(lambda: store.last_seq(wire.engine), 0.5)
        policy = RetryPolicy(retry_period=timedelta(hours=wire.settings.webhook_retry_hours))
        hooks = WebhookWorker(wire.engine, wire.hub, usage=usage, policy=policy,
                              timeout=settings.webhook_timeout_seconds,
                              lease=timedelta(seconds=max(settings.webhook_lease_seconds,
                                                          settings.webhook_timeout_seconds + 1)),
                              allow_private=settings.webhooks_allow_private,
                              secret_box=lambda: box_for(settings), settings=settings)

        async def clocks() -> None:
            while True:
                try:
                    await asyncio.to_thread(wire.lift_embargoes)
                    await asyncio.to_thread(usage.flush)
                except Exception:  # the store may be briefly unreachable; keep ticking
                    logging.getLogger("newswire.worker").warning("embargo clock could not reach the store",
                                                                 exc_info=True)
                await asyncio.sleep(wire.settings.embargo_poll_seconds)

        from newswire.media.worker import MediaWorker
        from newswire.portal.notify import Notifier

        jobs = [hooks.run(), clocks(), MediaWorker(settings, wire.engine, wire.hub).run(), Notifier(wire).run()]
        if settings.sources_poller:
            from newswire.sources.scheduler import SourcePoller

            jobs.append(SourcePoller(wire).run())
        if metrics_port:
            jobs.append(_serve_metrics(wire, metrics_port))
        try:
            await asyncio.gather(*jobs)
        finally:
            await wire.hub.close()

    err.print("Worker running: webhooks, the embargo clock, picture renditions, partner sources and portal "
              "notifications.")
    try:
        asyncio.run(run())
    except KeyboardInterrupt:
        usage.flush()


async def _serve_metrics(wire: Wire, port: int) -> None:
    """A minimal HTTP listener for the worker's /metrics (it has no API of its own)."""
    import asyncio

    from newswire.model import utcnow
    from newswire.ops.metrics import CONTENT_TYPE, METRICS, store_collectors

    store_collectors(METRICS.registry, wire.engine, utcnow)

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
            path = request.split(b" ", 2)[1] if request.count(b" ") >= 2 else b""
            content_type = CONTENT_TYPE
            if not _scrape_allowed(request, wire.settings.metrics_token):
                body, status = b"unauthorized\n", b"401 Unauthorized"
            elif path.split(b"?")[0] == b"/metrics":
                body, content_type = await asyncio.to_thread(METRICS.registry.scrape, _header(request, b"accept"))
                status = b"200 OK"
            else:
                body, status = b"not found\n", b"404 Not Found"
            writer.write(b"HTTP/1.1 " + status + b"\r\ncontent-type: " + content_type.encode()
                         + b"\r\ncontent-length: " + str(len(body)).encode() + b"\r\nconnection: close\r\n\r\n"
                         + body)
            await writer.drain()
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError):
            pass
        finally:
            writer.close()

    # Without a scrape token, only this machine may read it (it names every webhook endpoint).
    host = "0.0.0.0" if wire.settings.metrics_token else "127.0.0.1"
    server = await asyncio.start_server(answer, host, port)
    async with server:
        await server.serve_forever()


def _header(request: bytes, name: bytes) -> str | None:
    """A header of a raw HTTP/1.1 request head (the first one of that name)."""
    for line in request.split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        if key.strip().lower() == name:
            return value.strip().decode("latin-1")
    return None


def _scrape_allowed(request: bytes, token: str | None) -> bool:
    """With ``NEWSWIRE_METRICS_TOKEN`` set, the scrape must carry it as a bearer token."""
    import hmac

    if not token:
        return True
    for line in request.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"authorization":
            scheme, _, given = value.strip().partition(b" ")
            return scheme.lower() == b"bearer" and hmac.compare_digest(given.strip(), token.encode())
    return False


@app.command()
def enrich(target: Annotated[str, typer.Argument(help="A stored item's URI, or a story file.")]) -> None:
    """Show what the enrichment pipeline makes of a story (nothing is stored)."""
    from newswire import formats
    from newswire.enrich.report import enrichment_report

    wire = open_wire()
    path = Path(target)
    try:
        item = formats.parse(path.read_bytes()) if path.exists() else store.get_item(wire.engine, target)
    except FormatError as exc:
        err.print(f"[red]{exc.detail}[/red]")
        raise typer.Exit(1) from exc
    if item is None:
        err.print(f"[red]No stored item {target} and no such file.[/red]")
        raise typer.Exit(1)
    typer.echo(json.dumps(enrichment_report(item, wire.pipeline), ensure_ascii=False, indent=2))


@app.command()
def reenrich(
    since: Annotated[str, typer.Option(help="Re-run over items updated since this date (ISO 8601).")],
    dry_run: Annotated[bool, typer.Option(help="Only count what would change.")] = False,
) -> None:
    """Re-run enrichment over the archive: a new version (event "updated", reason
    "re-enrichment") for each item whose machine-made metadata changes; editors' values and
    unchanged items are left alone."""
    from newswire.enrich.report import reenrich_archive
    from newswire.model import parse_time

    try:
        start = parse_time(since)
    except ValueError as exc:
        err.print("[red]--since must be an ISO 8601 date or date-time[/red]")
        raise typer.Exit(2) from exc
    changed, seen = reenrich_archive(open_wire(), start, dry_run=dry_run)
    err.print(f"{seen} items examined, {changed} {'would get' if dry_run else 'got'} a new version.")


@tagger_app.command("train")
def tagger_train(
    output: Annotated[Path | None, typer.Option(help="Model file (default $NEWSWIRE_TAGGER_MODEL or "
                                                     "data/tagger.json).")] = None,
) -> None:
    """Learn Media Topics from the archive's editor-assigned subjects."""
    from newswire.enrich.tagger import examples_from_items, train
    from newswire.enrich.topics import model_path

    wire = open_wire()
    examples = list(examples_from_items(store.iter_current_items(wire.engine)))
    if len(examples) < 2:
        err.print(f"[red]Only {len(examples)} stories carry editor-assigned Media Topics; need at least 2.[/red]")
        raise typer.Exit(1)
    model = train(examples)
    target = output or model_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    model.save(target)
    err.print(f"Trained on {len(examples)} stories; model written to {target}.")


@vocab_app.command("import")
def vocab_import(path: Annotated[Path, typer.Argument(help="CSV or JSON: kind,name,aliases,uri,lang")]) -> None:
    """Import people and organisations into the entity vocabulary."""
    from newswire.vocab.people_orgs import import_vocab, vocab_path

    try:
        count = import_vocab(path)
    except (ValueError, OSError) as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    err.print(f"Imported {count} entries into {vocab_path()}.")


@vocab_app.command("learn")
def vocab_learn(
    min_stories: Annotated[int, typer.Option(min=1, help="Learn a name named by editors in at least this many "
                                                          "stories.")] = 1,
    since: Annotated[str | None, typer.Option(help="Only stories updated since this date (ISO 8601).")] = None,
    dry_run: Annotated[bool, typer.Option(help="List what would be learned; write nothing.")] = False,
) -> None:
    """Learn the people and organisations editors set on the archive's stories (not those
    enrichment found) that the vocabulary does not know yet."""
    from newswire.model import parse_time
    from newswire.vocab.learn import learned_rows
    from newswire.vocab.people_orgs import import_vocab, load_vocab, vocab_path

    try:
        start = parse_time(since) if since else None
    except ValueError as exc:
        err.print("[red]--since must be an ISO 8601 date or date-time[/red]")
        raise typer.Exit(2) from exc
    wire = open_wire()
    try:
        rows = learned_rows(store.iter_current_items(wire.engine, since=start), load_vocab(),
                            min_stories=min_stories)
    finally:
        wire.close()
    for row in rows:
        typer.echo(f"{row['kind']}\t{row['name']}\t{row['lang'] or ''}\t{row['uri'] or ''}")
    if rows and not dry_run:
        import_vocab(rows)
    verb = "would be learned" if dry_run else f"learned into {vocab_path()}"
    err.print(f"{len(rows)} names {verb}.")


@secrets_app.command("new-key")
def secrets_new_key() -> None:
    """Print a new key for NEWSWIRE_SECRET_KEYS (put it first; keep the old ones until rotated)."""
    from newswire.store.secrets import new_key

    typer.echo(new_key())


@secrets_app.command("rotate")
def secrets_rotate() -> None:
    """Re-encrypt every webhook and TOTP secret with the first key (plaintext too); exit 1 if some cannot be read."""
    from newswire.store.secrets import SecretKeyError, box_for
    from newswire.store.webhooks import rotate_secrets

    wire = open_wire()
    try:
        rotated, unreadable = rotate_secrets(wire.engine, box_for(wire.settings))
    except SecretKeyError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(1) from exc
    err.print(f"Re-encrypted {rotated} webhook secrets with the first key.")
    from newswire.store.twofactor import rotate_secrets as rotate_totp

    totp, unreadable_totp = rotate_totp(wire.engine, box_for(wire.settings))  # sign-in's second factor
    err.print(f"Re-encrypted {totp} second-factor (TOTP) secrets with the first key.")
    if unreadable or unreadable_totp:
        err.print(f"[red]{len(unreadable) + len(unreadable_totp)} secrets open with none of the keys[/red] "
                  "(left as they are): " + ", ".join([*unreadable, *(f"user {n}" for n in unreadable_totp)]))
        raise typer.Exit(1)


def main() -> None:
    app(prog_name="newswire")


if __name__ == "__main__":
    main()


def _source_json(src: object, wire: Wire, with_health: bool = False) -> str:
    from newswire.delivery.webhook_client import without_credentials
    from newswire.model import format_time
    from newswire.sources.health import health
    from newswire.sources.model import Source

    assert isinstance(src, Source)
    out: dict[str, object] = {
        "name": src.name, "kind": src.kind, "url": without_credentials(src.url) if src.url else None,
        "path": src.path, "interval": src.interval_seconds,
        "language": src.language, "hold": src.hold, "paused": src.paused, "hasCredentials": src.has_credentials,
        "createdAt": format_time(src.created_at)}
    if with_health:
        out["health"] = health(wire.engine, src.name)
    return json.dumps(out, indent=2)


def _source_call(fn: Any, *args: object, **kwargs: object) -> object:
    from newswire.sources.model import SourceError

    try:
        return fn(*args, **kwargs)
    except SourceError as exc:
        err.print(f"[red]{exc.detail}[/red]")
        raise typer.Exit(1) from None


@source_app.command("add")
def source_add(
    name: Annotated[str, typer.Argument(help="The source's name (lower-case letters, digits, . _ -).")],
    kind: Annotated[str, typer.Option(help="rss, atom, ninjs, newsml, folder or imap")],
    url: Annotated[str | None, typer.Option(
        help="The feed's URL (HTTP kinds); imaps://host[:port]/MAILBOX for imap (imap:// on trusted networks).",
    )] = None,
    path: Annotated[str | None, typer.Option(help="The watched folder (kind folder).")] = None,
    interval: Annotated[int | None, typer.Option(help="Between polls (s): 300; a folder 10, a mailbox 60.")] = None,
    language: Annotated[str | None, typer.Option(help="Language for items that name none.")] = None,
    hold: Annotated[bool, typer.Option("--hold", help="Hold items for the desk (drafts, never delivered).")] = False,
    username: Annotated[str | None, typer.Option(help="User name for the feed (basic auth) or the mailbox.")] = None,
    password_stdin: Annotated[bool, typer.Option(
        "--password-stdin", help="Read the password from the first line of stdin "
                                 "(otherwise from NEWSWIRE_SOURCE_PASSWORD).")] = False,
) -> None:
    """Declare a source; the workers poll it at once, then every --interval seconds."""
    from newswire.sources import store as sources_store
    from newswire.sources.model import credentials_text
    from newswire.store.secrets import box_for

    wire = open_wire()
    sealed = None
    if username is not None:
        password = typer.get_text_stream("stdin").readline().rstrip("\r\n") if password_stdin \
            else os.environ.get("NEWSWIRE_SOURCE_PASSWORD")
        if not password:
            err.print("[red]--username needs a password: --password-stdin or NEWSWIRE_SOURCE_PASSWORD.[/red]")
            raise typer.Exit(1)
        sealed = box_for(wire.settings).seal(str(_source_call(credentials_text, username, password)))
    src = _source_call(sources_store.add_source, wire.engine, name, kind, url=url, path=path, interval=interval,
                       language=language, hold=hold, credentials=sealed)
    typer.echo(_source_json(src, wire))


@source_app.command("list")
def source_list() -> None:
    """Every source, one a line: name, kind, where, interval, state."""
    from newswire.delivery.webhook_client import without_credentials
    from newswire.sources import store as sources_store

    for src in sources_store.list_sources(open_wire().engine):
        state = "paused" if src.paused else ("hold" if src.hold else "live")
        where = without_credentials(src.url) if src.url else src.path
        typer.echo(f"{src.name}\t{src.kind}\t{where}\t{src.interval_seconds}s\t{state}")


@source_app.command("show")
def source_show(name: str) -> None:
    """A source and its health (last success, last error, items last hour, lag)."""
    from newswire.sources import store as sources_store

    wire = open_wire()
    typer.echo(_source_json(_source_call(sources_store.get_source, wire.engine, name), wire, with_health=True))


@source_app.command("pause")
def source_pause(name: str) -> None:
    from newswire.sources import store as sources_store

    wire = open_wire()
    typer.echo(_source_json(_source_call(sources_store.set_paused, wire.engine, name, True), wire))


@source_app.command("resume")
def source_resume(name: str) -> None:
    from newswire.sources import store as sources_store

    wire = open_wire()
    typer.echo(_source_json(_source_call(sources_store.set_paused, wire.engine, name, False), wire))


@source_app.command("remove")
def source_remove(name: str) -> None:
    """Forget a source; what it published stays on the wire."""
    from newswire.sources import store as sources_store

    _source_call(sources_store.remove_source, open_wire().engine, name)
    typer.echo(f"Removed {name}.")
