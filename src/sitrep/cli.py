"""The ``sitrep`` command line."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import sys
from pathlib import Path
from typing import Any, NoReturn

import click
from rich.console import Console

from sitrep import __version__
from sitrep.errors import SitrepError

err = Console(stderr=True, soft_wrap=True)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from exc


def _die(exc: SitrepError) -> NoReturn:
    """Report a sitrep error on stderr with its code and exit with status 2."""
    err.print(f"[red]error[/red] {exc} [dim]({exc.code})[/dim]")
    sys.exit(2)


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


db_option = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    default=None,
    help="DuckDB database file (default: $SITREP_DB or ./sitrep.duckdb).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitrep")
def main() -> None:
    """Turn news reporting about wars and crises into a source-attributed, geolocated,
    dated record of what happened."""


@main.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option(
    "--published", callback=_date, help="Publication date YYYY-MM-DD, if the input has none."
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
        _die(exc)
    if fmt == "json":
        _echo_json(record.to_dict())
    else:
        from sitrep.render import print_record

        print_record(record, Console())


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--published", callback=_date, help="Publication date for inputs that carry none.")
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

    if ingest_or_send(paths, db=db, published=published, outlet=outlet, die=_die, log=err.print):
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
        _die(exc)
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


@main.command()
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True
)
def stats(db: str | None, fmt: str) -> None:
    """Row count of every table in the database."""
    try:
        with _read_con(db) as store:
            counts = store.stats()
    except SitrepError as exc:
        _die(exc)
    if fmt == "json":
        _echo_json(counts)
    else:
        from rich.table import Table

        table = Table("table", "rows", title="sitrep database")
        for k, v in counts.items():
            table.add_row(k, str(v))
        Console().print(table)


@main.command(name="eval")
@click.argument("task")
@click.option(
    "--data", type=click.Path(exists=True), required=True, help="Gold data in its original format."
)
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def eval_cmd(task: str, data: str, limit: int | None, fmt: str) -> None:
    """Score sitrep and its peers on gold data (boilerplate, casualties, places, times, quotes,
    events, acled)."""
    from sitrep.eval import TASKS, Progress, run_task

    if task not in TASKS:
        raise click.BadParameter(f"unknown task {task!r}; choose one of: {', '.join(TASKS)}")
    from rich.progress import track

    def tracker(items: Any, total: int | None, label: str) -> Any:
        return track(items, total=total, description=label or task, console=err, transient=True)

    report = run_task(
        task, Path(data), limit=limit, progress=Progress(tracker if sys.stderr.isatty() else None)
    )
    if fmt == "json":
        _echo_json(report.to_dict())
    else:
        from sitrep.render import print_report

        print_report(report, Console())


@main.command()
@click.option(
    "--eval-root",
    type=click.Path(file_okay=False),
    default="../shared/eval",
    show_default=True,
    help="Folder holding the gold data sets.",
)
@click.option(
    "--only", multiple=True, help="Run only these suites (e.g. casualties, places-gwn); repeatable."
)
@click.option(
    "--limit", type=int, default=None, help="Score only the first N documents of each set."
)
@click.option(
    "--bench/--no-bench", "with_bench", default=False, help="Also run `sitrep bench` and record it."
)
@click.option(
    "--bench-limit", type=int, default=None, help="Documents for the bench (default: whole corpus)."
)
@click.option(
    "--processes",
    type=int,
    default=2,
    show_default=True,
    help="Processes for the bench scaling run.",
)
@click.option(
    "--out", type=click.Path(dir_okay=False), default="docs/benchmarks.md", show_default=True
)
@click.option(
    "--render-only", is_flag=True, help="Rewrite the markdown from the stored JSON; run nothing."
)
def benchmarks(
    eval_root: str,
    only: tuple[str, ...],
    limit: int | None,
    with_bench: bool,
    bench_limit: int | None,
    processes: int,
    out: str,
    render_only: bool,
) -> None:
    """Re-run evaluations (and the bench) and rewrite docs/benchmarks.md from the results."""
    from sitrep.eval.docs import _commit, render, update

    if render_only:
        stored = Path(out).with_suffix(".json")
        if not stored.exists():
            raise click.UsageError(f"{stored}: no stored results; run `sitrep benchmarks` first")
        Path(out).write_text(render(json.loads(stored.read_text())))
        err.print(f"wrote {out}")
        return

    bench_report = None
    if with_bench:
        from sitrep.bench import DEFAULT_CORPUS, run_all

        with err.status("benchmarking (pipeline, ingest scaling, memory growth, dedup)..."):
            bench_report = run_all(DEFAULT_CORPUS, limit=bench_limit, processes=processes)
        bench_report["command"] = (
            f"sitrep benchmarks --bench --processes {processes}"
            + (f" --bench-limit {bench_limit}" if bench_limit else "")
            + " (= sitrep bench --processes 2 --ingest --growth --dedup, with ingest on 600 and"
            " growth on 150 documents)"
        )
        bench_report["date"] = dt.date.today().isoformat()
        bench_report["commit"] = _commit()
    update(
        Path(out),
        eval_root=Path(eval_root),
        only=set(only) or None,
        limit=limit,
        bench=bench_report,
        log=lambda m: err.print(f"[dim]{m}[/dim]"),
    )
    err.print(f"wrote {out}")


@main.command()
@click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="Folder of .txt articles (default ../shared/corpora/bbc).",
)
@click.option("--limit", type=int, default=None, help="Use only the first N documents.")
@click.option(
    "--processes",
    type=int,
    default=1,
    show_default=True,
    help="Also measure N processes against 1.",
)
@click.option(
    "--ingest",
    "with_ingest",
    is_flag=True,
    help="Also time the ingest job with 1 worker, 2 processes and 2 Dask workers.",
)
@click.option(
    "--growth",
    is_flag=True,
    help="Also measure the ingest job's peak memory on 1x, 4x and 16x the corpus (slow: use --limit).",
)
@click.option(
    "--dedup",
    "with_dedup",
    is_flag=True,
    help="Also time copy detection on 1x, 2x, 4x the corpus and score finding edited copies.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def bench(
    corpus: str | None,
    limit: int | None,
    processes: int,
    with_ingest: bool,
    growth: bool,
    with_dedup: bool,
    fmt: str,
) -> None:
    """Throughput and peak memory of the full pipeline against bare spaCy, in one run."""
    from sitrep.bench import DEFAULT_CORPUS, run_bench, run_growth, run_ingest_scaling

    root = Path(corpus) if corpus else DEFAULT_CORPUS
    if not root.is_dir():
        raise click.UsageError(f"{root}: no such corpus folder; pass --corpus DIR")
    with err.status("benchmarking (each measurement in a fresh process)..."):
        report = run_bench(root, limit=limit, processes=processes)
        if with_ingest:
            report["ingest_scaling"] = run_ingest_scaling(root, limit=limit)
        if growth:
            report["ingest_growth"] = run_growth(root, limit=limit)
        if with_dedup:
            from sitrep.reconcile.dedup_bench import run_dedup_bench

            report["dedup"] = run_dedup_bench(root, limit=limit)
    if fmt == "json":
        _echo_json(report)
        return
    from rich.table import Table

    t = Table(title=f"sitrep bench: {report['documents']} documents from {report['corpus']}")
    for col in ("run", "processes", "docs/s", "words/s", "seconds", "peak MB"):
        t.add_column(col, justify="right" if col != "run" else "left")
    for key in ("spacy", "sitrep", f"sitrep_{processes}proc"):
        m = report.get(key)
        if m:
            t.add_row(
                key,
                str(m["processes"]),
                f"{m['docs_per_s']:.1f}",
                f"{m['words_per_s']:.0f}",
                f"{m['seconds']:.1f}",
                f"{m['peak_mb']:.0f}",
            )
    Console().print(t)
    Console().print(f"full pipeline / bare spaCy: [bold]{report['ratio_sitrep_vs_spacy']}[/bold]x")
    if "scaling_ratio" in report:
        Console().print(f"{processes} processes / 1: [bold]{report['scaling_ratio']}[/bold]x")
    Console().print(f"gazetteer index load: {report['gazetteer_load_seconds']} s")
    scaling = report.get("ingest_scaling")
    if scaling:
        t = Table(title="ingest job (JSONL dump -> database)")
        for col in ("run", "workers", "docs/s", "seconds", "peak MB", "vs 1"):
            t.add_column(col, justify="right" if col != "run" else "left")
        for key in ("ingest", "ingest_2proc", "ingest_2dask"):
            m = scaling[key]
            t.add_row(
                key,
                str(m["processes"]),
                f"{m['docs_per_s']:.1f}",
                f"{m['seconds']:.1f}",
                f"{m['peak_mb']:.0f}",
                str(scaling.get(f"{key}_ratio", 1.0)),
            )
        Console().print(t)
    grown = report.get("ingest_growth")
    if grown:
        t = Table(title="ingest job peak memory as the corpus grows")
        for col in ("corpus", "documents", "docs/s", "peak MB"):
            t.add_column(col, justify="right")
        for g in grown["growth"]:
            t.add_row(
                f"{g['factor']}x", str(g["docs"]), f"{g['docs_per_s']:.1f}", f"{g['peak_mb']:.0f}"
            )
        Console().print(t)
        Console().print(
            f"peak memory {grown['growth'][-1]['factor']}x / 1x: [bold]{grown['growth_peak_ratio']}[/bold]x"
        )
    if with_dedup:
        from sitrep.reconcile.dedup_bench import print_dedup_report

        print_dedup_report(report["dedup"], Console())


@main.command()
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
        _die(exc)
    if not app.state.backend.settings.token:
        err.print("[yellow]SITREP_TOKEN is not set: POST /api/articles is disabled[/yellow]")
    from sitrep.api.server import serve as run_server

    run_server(app, host=host, port=port)


def _note(message: str) -> None:
    err.print(f"[dim]{message}[/dim]")


def _read_con(db: str | None) -> Any:
    """The database read-only, or a running server's snapshot of it (sitrep.store.access)."""
    from sitrep.store.access import open_for_read

    try:
        return open_for_read(db, note=_note)
    except SitrepError as exc:
        _die(exc)


@main.command()
@db_option
@click.option("--place", help="Place name or two-letter country code.")
@click.option("--since", callback=_date, help="First day YYYY-MM-DD.")
@click.option("--until", callback=_date, help="Last day YYYY-MM-DD.")
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


@main.command(name="export")
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
@click.option("--since", callback=_date, help="First day YYYY-MM-DD.")
@click.option("--until", callback=_date, help="Last day YYYY-MM-DD.")
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
            _die(exc)
    if out:
        err.print(f"{n} {chosen} -> {out}")


# -- reconciliation: events, tallies, contradictions across articles ---------------------------
def _reconcile_filters(fn: Any) -> Any:
    """The options shared by ``events``, ``tally`` and ``contradictions``."""
    for opt in reversed([
        db_option,
        click.option("--place", help="Place name or two-letter country code."),
        click.option("--since", callback=_date, help="First day YYYY-MM-DD."),
        click.option("--until", callback=_date, help="Last day YYYY-MM-DD."),
        click.option("--type", "type_", help="Event type: PLOVER (ASSAULT) or ACLED type words."),
        click.option("--source", help="Outlet or source name (substring)."),
        click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
                     show_default=True),
        click.option("--no-reconcile", is_flag=True,
                     help="Show the tables as they are, even if the database changed since the "
                     "last `sitrep reconcile`."),
    ]):  # fmt: skip
        fn = opt(fn)
    return fn


def _reconciled_store(db: str | None, no_reconcile: bool) -> Any:
    """The database, reconciled first when it changed since the last run (lazy reconcile)."""
    from sitrep.errors import StoreError
    from sitrep.reconcile import is_stale, reconcile
    from sitrep.store import Store

    try:
        if no_reconcile:
            store = _read_con(db)
        else:
            try:
                store = Store(db)
            except StoreError:
                if db and not Path(db).exists():
                    raise
                store = _read_con(db)
                err.print("[yellow]the database is busy: showing the last reconciliation[/yellow]")
                no_reconcile = True
        have = store.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'clusters'"
        ).fetchone()
        if not have or not have[0]:
            raise StoreError(
                f"{store.path} was never reconciled; run `sitrep reconcile --db {store.path}`"
            )
        if not no_reconcile and is_stale(store):
            with err.status("reconciling (the database changed since the last run)..."):
                res = reconcile(store)
            err.print(f"[dim]reconciled: {res.clusters} events, {res.duplicates} copies, "
                      f"{res.contradictions} contradictions ({res.seconds} s)[/dim]")  # fmt: skip
        return store
    except SitrepError as exc:
        _die(exc)


@main.command(name="reconcile")
@db_option
@click.option("--split", "split_id", help="Take this event or casualty claim out of its cluster.")
@click.option("--reason", default="split by user", show_default=True, help="Why (with --split).")
@click.option("--unsplit", "unsplit_id", help="Undo an earlier --split of this item.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)  # fmt: skip
def reconcile_cmd(
    db: str | None, split_id: str | None, reason: str, unsplit_id: str | None, fmt: str
) -> None:
    """Find copies, cluster reports into events, tally casualties, record contradictions.

    Runs after ingest; `events`, `tally` and `contradictions` also run it when the database
    changed since the last run. Splits are recorded and kept by every later run.
    """
    from sitrep.reconcile import reconcile, split_item, unsplit_item
    from sitrep.store import Store

    try:
        with Store(db) as store:
            if split_id:
                split_item(store, split_id, reason=reason)
            if unsplit_id and not unsplit_item(store, unsplit_id):
                err.print(f"[yellow]{unsplit_id} was not split[/yellow]")
            result = reconcile(store)
    except SitrepError as exc:
        _die(exc)
    if fmt == "json":
        _echo_json(result.as_dict())
    else:
        Console().print(
            f"{result.clusters} events, {result.merged} merged reports, {result.duplicates} "
            f"copies ({result.new_duplicates} new), {result.tallies} tallies, "
            f"{result.contradictions} contradictions and updates in {result.seconds} s"
        )


@main.command(name="events")
@_reconcile_filters
@click.option("--limit", type=int, default=None, help="At most N events.")
@click.option("--cluster", "cluster_id", help="Show the reports of this event and why each joined.")
def events_cmd(
    db: str | None, place: str | None, since: dt.date | None, until: dt.date | None,
    type_: str | None, source: str | None, fmt: str, no_reconcile: bool, limit: int | None,
    cluster_id: str | None,
) -> None:  # fmt: skip
    """Events reconciled across articles: reports, independent sources, casualties."""
    from sitrep.reconcile import query
    from sitrep.reconcile.render import print_events

    with _reconciled_store(db, no_reconcile) as store:
        if cluster_id:
            rows = query.members(store, cluster_id)
            if fmt == "json":
                _echo_json(rows)
                return
            from rich.table import Table

            t = Table("item", "kind", "outlet", "published", "rule", "joined", "km", "days",
                      "actor sim", "evidence", title=f"event {cluster_id}")  # fmt: skip
            for r in rows:
                t.add_row(*(str(r.get(k) if r.get(k) is not None else "") for k in (
                    "item_id", "item_kind", "outlet", "published", "rule", "joined_item",
                    "distance_km", "day_gap", "similarity", "evidence")))  # fmt: skip
            Console().print(t)
            return
        flt = query.Filters(place, since, until, type_, source)
        rows = query.events(store, flt, limit=limit)
    if fmt == "json":
        _echo_json(rows)
    else:
        print_events(rows, Console())


@main.command(name="tally")
@_reconcile_filters
@click.option(
    "--by",
    type=click.Choice(["event", "place"]),
    default="event",
    show_default=True,
    help="Per event cluster, or per place over the --since/--until period.",
)
@click.option(
    "--rule",
    type=click.Choice(["conservative", "latest", "highest"]),
    default="conservative",
    show_default=True,
    help="Best figure: lowest latest figure of the sources (ACLED), latest, highest.",
)
@click.option("--kind", help="Casualty kind (killed, injured, ...).")
def tally_cmd(
    db: str | None, place: str | None, since: dt.date | None, until: dt.date | None,
    type_: str | None, source: str | None, fmt: str, no_reconcile: bool, by: str, rule: str,
    kind: str | None,
) -> None:  # fmt: skip
    """Casualty tallies (low / best / high) with the claims behind them."""
    from sitrep.reconcile import query
    from sitrep.reconcile.render import print_tallies

    flt = query.Filters(place, since, until, type_, source)
    with _reconciled_store(db, no_reconcile) as store:
        if by == "place":
            rows = query.place_tallies(store, flt, rule=rule, kind=kind)
        else:
            rows = query.cluster_tallies(store, flt, rule=rule, kind=kind)
    if fmt == "json":
        _echo_json(rows)
    else:
        print_tallies(rows, Console())


@main.command(name="contradictions")
@_reconcile_filters
@click.option("--kind", type=click.Choice(["denial", "dispute", "figures_differ", "update"]),
              help="Only this kind of record.")  # fmt: skip
def contradictions_cmd(
    db: str | None, place: str | None, since: dt.date | None, until: dt.date | None,
    type_: str | None, source: str | None, fmt: str, no_reconcile: bool, kind: str | None,
) -> None:  # fmt: skip
    """Denials, disputes, differing figures and updates between sources."""
    from sitrep.reconcile import query
    from sitrep.reconcile.render import print_contradictions

    with _reconciled_store(db, no_reconcile) as store:
        rows = query.contradictions(store, query.Filters(place, since, until, type_, source),
                                    kind=kind)  # fmt: skip
    if fmt == "json":
        _echo_json(rows)
    else:
        print_contradictions(rows, Console())


main.add_command(importlib.import_module("sitrep.watch").watch)

if __name__ == "__main__":  # pragma: no cover
    main()
