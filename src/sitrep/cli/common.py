"""What every group of ``sitrep`` commands shares: the error console, option callbacks, output."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any, NoReturn

import click
from rich.console import Console

from sitrep.errors import SitrepError

err = Console(stderr=True, soft_wrap=True)


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from exc


def die(exc: SitrepError) -> NoReturn:
    """Report a sitrep error on stderr with its code and exit with status 2."""
    err.print(f"[red]error[/red] {exc} [dim]({exc.code})[/dim]")
    sys.exit(2)


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def note(message: str) -> None:
    """A dim line on stderr: how a command got at the database."""
    err.print(f"[dim]{message}[/dim]")


def read_store(db: str | None) -> Any:
    """The database read-only, or a running server's snapshot of it (sitrep.store.access)."""
    from sitrep.store.access import open_for_read

    try:
        return open_for_read(db, note=note)
    except SitrepError as exc:
        die(exc)


db_option = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    default=None,
    help="DuckDB database file (default: $SITREP_DB or ./sitrep.duckdb).",
)
