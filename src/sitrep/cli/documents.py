"""``sitrep extract``, ``ingest`` and ``stats``: from documents to facts and stored rows."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click
from rich.console import Console

from sitrep.cli.common import db_option, die, echo_json, err, parse_date, read_store
from sitrep.errors import SitrepError


@click.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option(
    "--published", callback=parse_date, help="Publication date YYYY-MM-DD, if the input has none."
)
@click.option("--outlet", help="Outlet name, if the input has none.")
@click.option("--url", help="The article's address.")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True
)
def extract(
    file: str, published: dt.date | None, outlet: str | None, url: str | None, fmt: str
) -> None:
    """Extract every fact from one article (text or HTML file, or - for stdin)."""
    from sitrep.ingest.single import extract_file

    if file != "-" and not Path(file).is_file():
        raise click.UsageError(f"{file}: no such file")
    try:
        record = extract_file(file, published=published, outlet=outlet, url=url)
    except SitrepError as exc:
        die(exc)
    if fmt == "json":
        echo_json(record.to_dict())
    else:
        from sitrep.render import print_record

        print_record(record, Console())


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--published", callback=parse_date, help="Publication date for inputs that carry none."
)
@click.option("--outlet", help="Outlet name for inputs that carry none.")
@click.option(
    "--batch-size",
    default=32,
    show_default=True,
    help="Documents per batch and transaction (bounds memory).",
)
@click.option(
    "--processes",
    default=1,
    show_default=True,
    help="Worker processes that parse and extract (local engine).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Run batches in this machine's processes or on a Dask cluster.",
)
@click.option(
    "--scheduler", default=None, help="Dask scheduler address (default: start a LocalCluster)."
)
@click.option(
    "--workers", type=int, default=None, help="Dask LocalCluster workers (default: --processes)."
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest(
    paths: tuple[str, ...],
    db: str | None,
    published: dt.date | None,
    outlet: str | None,
    batch_size: int,
    processes: int,
    engine: str,
    scheduler: str | None,
    workers: int | None,
    quiet: bool,
) -> None:
    """Ingest text/HTML pages, RSS/Atom feeds, WARC archives and JSONL dumps (files,
    directories or globs; .gz too) into the database. Resumable: run it again after an
    interruption and it picks up where it stopped."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from sitrep.ingest.job import ingest as run_ingest
    from sitrep.scale import make_executor
    from sitrep.store import Store

    if batch_size < 1 or processes < 1 or (workers is not None and workers < 1):
        raise click.BadParameter("--batch-size, --processes and --workers must be at least 1")
    from sitrep.ingest.remote import ingest_or_send

    if ingest_or_send(paths, db=db, published=published, outlet=outlet, die=die, log=err.print):
        return  # a running server held the database: the documents went to it
    try:
        with (
            Store(db) as store,
            Progress(
                TextColumn("[bold]ingest[/bold]"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                console=err,
                disable=quiet,
            ) as bar,
        ):
            task = bar.add_task("ingest", total=None, rate="")

            def tick(n: int) -> None:
                bar.advance(task, n)
                t = bar.tasks[0]
                if t.elapsed:
                    bar.update(task, rate=f"{t.completed / t.elapsed:.1f} docs/s")

            executor = make_executor(
                engine, processes=processes, scheduler=scheduler, workers=workers
            )
            try:
                result = run_ingest(
                    paths,
                    store=store,
                    published=published,
                    outlet=outlet,
                    batch_size=batch_size,
                    executor=executor,
                    on_progress=tick,
                )
            finally:
                executor.close()
            db_path = store.path
    except SitrepError as exc:
        die(exc)
    for f in result.failures:
        err.print(f"[yellow]skipped[/yellow] {f.source}: {f.reason} [dim]({f.code})[/dim]")
    if result.failed > len(result.failures):
        err.print(f"... and {result.failed - len(result.failures)} more in the failures table")
    err.print(
        f"{result.read} read, {result.written} new articles, {result.skipped} already stored, "
        f"{result.failed} failed -> {db_path}"
    )
    if result.read and result.failed == result.read:
        sys.exit(1)


@click.command()
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True
)
def stats(db: str | None, fmt: str) -> None:
    """Row count of every table in the database."""

    try:
        with read_store(db) as store:
            counts = store.stats()
    except SitrepError as exc:
        die(exc)
    if fmt == "json":
        echo_json(counts)
    else:
        from rich.table import Table

        table = Table("table", "rows", title="sitrep database")
        for k, v in counts.items():
            table.add_row(k, str(v))
        Console().print(table)
