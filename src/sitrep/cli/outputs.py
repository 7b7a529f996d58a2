"""``sitrep serve``, ``report`` and ``export``: the database for people and other programs."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from sitrep.cli.common import db_option, die, err, parse_date, read_store
from sitrep.errors import SitrepError


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=int,
    help="Port to listen on (0 picks a free one).",
)
@click.option(
    "--read-only",
    is_flag=True,
    help="Open the database read-only (no ingestion; another process may write it).",
)
@click.option(
    "--max-body",
    default=2 * 1024 * 1024,
    show_default=True,
    type=int,
    help="Largest request body in bytes.",
)
def serve(db: str | None, host: str, port: int, read_only: bool, max_body: int) -> None:
    """Serve the JSON API under /api/ and the map dashboard at / (POST needs $SITREP_TOKEN)."""
    try:
        import uvicorn  # noqa: F401

        from sitrep.api.app import Settings, create_app
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise click.UsageError(
            f"the server needs the 'server' extra ({exc}); pip install 'sitrep[server]'"
        ) from exc
    from sitrep.store import default_db

    try:
        app = create_app(
            Settings.from_env(
                db or default_db(), read_only=read_only, max_body=max_body, snapshot=not read_only
            )
        )
    except SitrepError as exc:
        die(exc)
    if not app.state.backend.settings.token:
        err.print("[yellow]SITREP_TOKEN is not set: POST /api/articles is disabled[/yellow]")
    from sitrep.api.server import serve as run_server

    run_server(app, host=host, port=port)


def _read_con(db: str | None) -> Any:
    return read_store(db)


@click.command()
@db_option
@click.option("--place", help="Place name or two-letter country code.")
@click.option("--since", callback=parse_date, help="First day YYYY-MM-DD.")
@click.option("--until", callback=parse_date, help="Last day YYYY-MM-DD.")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write to FILE instead of stdout.",
)
def report(
    db: str | None,
    place: str | None,
    since: dt.date | None,
    until: dt.date | None,
    fmt: str,
    out: str | None,
) -> None:
    """A situation report: key figures with sources, events in order, what is disputed."""
    from sitrep.report import build, render

    with _read_con(db) as store:
        text = render(
            build(store.con, place=place, since=since, until=until),
            "html" if fmt == "html" else "md",
        )
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@click.command(name="export")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "parquet", "geojson", "acled"]),
    required=True,
)
@click.option(
    "--what",
    type=click.Choice(["claims", "events"]),
    default=None,
    help="Casualty claims (default) or events (default for acled).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write to FILE (required for parquet).",
)
@click.option("--place", help="Only this place (name or country code).")
@click.option("--since", callback=parse_date, help="First day YYYY-MM-DD.")
@click.option("--until", callback=parse_date, help="Last day YYYY-MM-DD.")
def export_cmd(
    db: str | None,
    fmt: str,
    what: str | None,
    out: str | None,
    place: str | None,
    since: dt.date | None,
    until: dt.date | None,
) -> None:
    """Export claims or events as CSV, JSON lines, Parquet, GeoJSON or ACLED-style CSV."""
    from sitrep.api.queries import Filters
    from sitrep.export import FORMATS, export

    chosen = what or ("events" if fmt == "acled" else "claims")
    fmt_ = next(f for f in FORMATS if f == fmt)
    with _read_con(db) as store:
        try:
            n = export(
                store.con,
                fmt=fmt_,
                what="events" if chosen == "events" else "claims",
                out=Path(out) if out else None,
                stream=sys.stdout,
                filters=Filters(place=place, since=since, until=until),
            )
        except SitrepError as exc:
            die(exc)
    if out:
        err.print(f"{n} {chosen} -> {out}")
