"""The ``newswire`` command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from newswire.config import Settings
from newswire.formats.errors import FormatError
from newswire.store import items as store
from newswire.store.items import StoreConflict
from newswire.store.tokens import ROLES, create_token, revoke_token
from newswire.wire import Wire

app = typer.Typer(help="newswire: a news agency's wire.", no_args_is_help=True)
token_app = typer.Typer(help="Editor and admin tokens.", no_args_is_help=True)
db_app = typer.Typer(help="The database.", no_args_is_help=True)
app.add_typer(token_app, name="token")
app.add_typer(db_app, name="db")
err = Console(stderr=True)


def open_wire() -> Wire:
    return Wire.open(Settings.from_env())


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the HTTP API (and, with the site and delivery, everything else)."""
    import uvicorn

    from newswire.api.app import create_app

    uvicorn.run(create_app(open_wire()), host=host, port=port, log_level="info")


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
        report = load_samples(wire)
        err.print(f"Loaded sample stories: {report.published} published, {report.killed} killed.")
        for failure in report.failed:
            err.print(f"[red]sample failed[/red] {failure}")
    token = create_token(wire.engine, "editor", label="demo")
    base = f"http://{host}:{port}"
    err.print(f"\n[bold]Editor token:[/bold] {token}")
    err.print(f"API:       {base}/v1/items  (Authorization: Bearer <token>)")
    err.print(f"API docs:  {base}/docs")
    err.print(f"Health:    {base}/healthz\n")
    uvicorn.run(create_app(wire), host=host, port=port, log_level="info")


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


def _files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")))
        else:
            found.append(path)
    return found


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of stories.")],
    format: Annotated[str, typer.Option(help="auto, ninjs, newsml, nitf or text")] = "auto",
    public: Annotated[bool, typer.Option("--public", help="Show these on the public site.")] = False,
) -> None:
    """Publish stories from files; never stops at a bad file; exits non-zero if any failed."""
    if format not in ("auto", "ninjs", "newsml", "nitf", "text"):
        err.print("[red]--format must be auto, ninjs, newsml, nitf or text[/red]")
        raise typer.Exit(2)
    wire = open_wire()
    files = _files(paths)
    published = unchanged = 0
    failed: list[tuple[str, str]] = []
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("Ingesting", total=len(files))
        for path in files:
            try:
                result = wire.ingest(path.read_bytes(), format, public=public)
                if result.created:
                    published += 1
                else:
                    unchanged += 1
            except (FormatError, StoreConflict, OSError) as exc:
                failed.append((str(path), getattr(exc, "detail", None) or str(exc)))
            progress.advance(task)
    table = Table(title="Ingest summary")
    table.add_column("result")
    table.add_column("count", justify="right")
    table.add_row("published", str(published))
    table.add_row("unchanged", str(unchanged))
    table.add_row("failed", str(len(failed)))
    err.print(table)
    for name, reason in failed:
        err.print(f"[red]failed[/red] {name}: {reason}")
    if failed:
        raise typer.Exit(1)


def main() -> None:
    app(prog_name="newswire")


if __name__ == "__main__":
    main()
