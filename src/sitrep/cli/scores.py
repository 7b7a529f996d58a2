"""``sitrep eval``, ``benchmarks`` and ``bench``: scores on gold data and speed."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from sitrep.cli.common import die, echo_json, err
from sitrep.errors import SitrepError


@click.command(name="eval")
@click.argument("task")
@click.option(
    "--data", type=click.Path(exists=True), required=True, help="Gold data in its original format."
)
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option(
    "--articles",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="incidents, real: folder of the rebuilt article texts (default ../real-articles).",
)
@click.option(
    "--misses",
    type=click.Path(dir_okay=False),
    default=None,
    help="real: write every miss (gold, what sitrep gave, the sentence) to this JSON file.",
)
def eval_cmd(
    task: str, data: str, limit: int | None, fmt: str, articles: str | None, misses: str | None
) -> None:
    """Score sitrep and its peers on gold data (boilerplate, casualties, places, times, quotes,
    events, acled, incidents, real)."""
    from sitrep.eval import TASKS, Progress, run_task

    if task not in TASKS:
        raise click.BadParameter(f"unknown task {task!r}; choose one of: {', '.join(TASKS)}")
    if misses and task != "real":
        raise click.UsageError("--misses is for `sitrep eval real` only")
    from rich.progress import track

    def tracker(items: Any, total: int | None, label: str) -> Any:
        return track(items, total=total, description=label or task, console=err, transient=True)

    try:
        report = run_task(
            task,
            Path(data),
            limit=limit,
            progress=Progress(tracker if sys.stderr.isatty() else None),
            articles=Path(articles) if articles else None,
            misses=Path(misses) if misses else None,
        )
    except SitrepError as exc:
        die(exc)
    if fmt == "json":
        echo_json(report.to_dict())
    else:
        from sitrep.render import print_report

        print_report(report, Console())


@click.command()
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
        from sitrep.bench import run_all
        from sitrep.timing import DEFAULT_CORPUS

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


@click.command()
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
    from sitrep.bench import run_bench, run_growth, run_ingest_scaling
    from sitrep.timing import DEFAULT_CORPUS

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
        echo_json(report)
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
    Console().print(
        f"full pipeline / bare spaCy: [bold]{report['ratio_sitrep_vs_spacy']}[/bold]x "
        f"(taking turns over {report['ratio_chunks']} parts of the corpus; per part "
        f"{report['ratio_chunk_range'][0]}-{report['ratio_chunk_range'][1]}x)"
    )
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
