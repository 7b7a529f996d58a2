"""``sitrep watch``: poll folders and feed files, ingest what is new, keep tallies current.

Each pass reads the inputs again; a document is ingested once (the ingest job keeps the key
of every document it stored, and an article's id is the hash of its text). When ``sitrep
serve`` holds the database, documents go to the server (which reconciles after writes and
tells the dashboard through ``/api/changes``); otherwise the watcher opens the database for the
pass only, reconciles if anything was new, checkpoints and lets go of the file, so that read
commands and the server can open it between passes.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import click

from sitrep.cli.common import db_option, die, err, parse_date
from sitrep.errors import SitrepError

if TYPE_CHECKING:
    from sitrep.ingest.job import IngestResult


@dataclass(frozen=True, slots=True)
class Pass:
    """What one polling pass did, and where it wrote."""

    number: int
    result: IngestResult
    target: str
    reconciled: bool


def watch_pass(
    paths: tuple[str, ...],
    *,
    db: str | None,
    published: dt.date | None = None,
    outlet: str | None = None,
    seen: set[str] | None = None,
    reconcile: bool = True,
) -> tuple[IngestResult, str, bool]:
    """One pass over the inputs: into the server when one holds ``db``, else into ``db``.

    Returns:
        The ingest result, where it went, and whether the database was reconciled.
    """
    from sitrep.ingest import iter_raw
    from sitrep.ingest.remote import Server, send

    server = Server.for_db(db)
    if server is not None:
        result = send(iter_raw(paths), server, published=published, outlet=outlet, seen=seen)
        return result, server.url, False  # the server reconciles after its writes
    from sitrep.ingest.job import ingest
    from sitrep.store import Store

    with Store(db) as store:
        result = ingest(paths, store=store, published=published, outlet=outlet)
        done = False
        if reconcile and result.written:
            from sitrep.reconcile import reconcile_incremental

            reconcile_incremental(store)  # only what the new articles can join
            done = True
        store.con.execute("CHECKPOINT")
        return result, store.path, done


def run_watch(
    paths: tuple[str, ...],
    *,
    db: str | None,
    interval: float,
    passes: int | None = None,
    published: dt.date | None = None,
    outlet: str | None = None,
    on_pass: Callable[[Pass], None] | None = None,
) -> list[Pass]:
    """Poll ``paths`` every ``interval`` seconds, ``passes`` times (``None``: until stopped)."""
    seen: set[str] = set()
    done: list[Pass] = []
    n = 0
    while passes is None or n < passes:
        n += 1
        started = time.monotonic()
        result, target, reconciled = watch_pass(
            paths, db=db, published=published, outlet=outlet, seen=seen
        )
        p = Pass(n, result, target, reconciled)
        if passes is not None:
            done.append(p)
        if on_pass:
            on_pass(p)
        if passes is not None and n >= passes:
            break
        time.sleep(max(0.0, interval - (time.monotonic() - started)))
    return done


@click.command(name="watch")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--interval", type=float, default=60.0, show_default=True, help="Seconds between passes."
)
@click.option("--passes", type=int, default=None, help="Stop after N passes (default: never).")
@click.option(
    "--published", callback=parse_date, help="Publication date for inputs that carry none."
)
@click.option("--outlet", help="Outlet name for inputs that carry none.")
def watch(
    paths: tuple[str, ...],
    db: str | None,
    interval: float,
    passes: int | None,
    published: dt.date | None,
    outlet: str | None,
) -> None:
    """Poll folders, feed files and dumps every --interval seconds and ingest what is new.

    While `sitrep serve` runs on the database the documents go to it (set SITREP_TOKEN);
    the dashboard shows new items without a reload.
    """
    if interval <= 0 or (passes is not None and passes < 1):
        raise click.BadParameter("--interval must be above 0 and --passes at least 1")

    def report(p: Pass) -> None:
        r = p.result
        for f in r.failures[:20]:
            err.print(f"[yellow]skipped[/yellow] {f.source}: {f.reason} [dim]({f.code})[/dim]")
        err.print(
            f"pass {p.number}: {r.read} read, {r.written} new articles, {r.skipped} known, "
            f"{r.failed} failed -> {p.target}" + (" (reconciled)" if p.reconciled else "")
        )

    try:
        run_watch(
            paths,
            db=db,
            interval=interval,
            passes=passes,
            published=published,
            outlet=outlet,
            on_pass=report,
        )
    except SitrepError as exc:
        die(exc)
    except KeyboardInterrupt:
        err.print("stopped")


__all__ = ["Pass", "run_watch", "watch", "watch_pass"]
