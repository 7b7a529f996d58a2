"""Write docs/benchmarks.md from real runs: every eval task beside its peers, and the bench.

The raw results are kept in ``docs/benchmarks.json``; re-running some tasks updates only their
entries, so the document always shows the latest real run of each, with its date and commit.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.eval import run_task
from sitrep.eval.base import Progress
from sitrep.eval.incidents import MissingTexts


@dataclass(frozen=True, slots=True)
class Suite:
    """One row group of the benchmark document: a task on one gold set."""

    key: str
    task: str
    data: str  # relative to the eval root, or to the repo when it starts with "tests/"
    source: str  # what the gold data is, with its citation
    articles: str | None = None  # the texts kept apart from their gold, relative to the repo


SUITES: tuple[Suite, ...] = (
    Suite(
        "boilerplate",
        "boilerplate",
        "boilerplate/scrapinghub",
        "scrapinghub article-extraction-benchmark, 181 pages (MIT)",
    ),
    Suite(
        "casualties",
        "casualties",
        "casualties",
        "MUC-3/4 dev+tst1+tst2 answer keys (NIST), via xinyadu/grit_doc_event_entity",
    ),
    Suite("places-gwn", "places", "places/GWN.xml", "GeoWebNews, Gritta et al. 2019"),
    Suite("places-lgl", "places", "places/lgl.xml", "LGL, Lieberman et al. 2010"),
    # GPL-3 data, not shipped: copy geoai-lab/EUPEG's corpora/TR-News.xml to ../trnews/ beside
    # the shared folder (the suite is skipped when it is absent)
    Suite(
        "places-trnews",
        "places",
        "../../trnews/TR-News.xml",
        "TR-News, Kamalloo & Rafiei 2018, 118 news articles (geoai-lab/EUPEG@97d5b6c"
        " corpora/TR-News.xml, GPL-3, not shipped)",
    ),
    Suite("times", "times", "times/TBAQ-cleaned", "TempEval-3 TimeBank + AQUAINT (SemEval-2013)"),
    Suite("quotes", "quotes", "quotes/polnear/dev", "PolNeAR dev, Newell, Margolin & Ruths 2018"),
    Suite(
        "events",
        "events",
        "events/gold_standard_records",
        "PLOVER gold-standard records (openeventdata/PLOVER, CC BY-SA 4.0)",
    ),
    Suite(
        "acled",
        "acled",
        "tests/data/acled_sample.csv",
        "sitrep's own real-style notes in ACLED's public columns (not ACLED data)",
    ),
    Suite(
        "acled-war",
        "acled",
        "tests/data/acled_war_dev.csv",
        "sitrep's own ACLED-style notes on real 2022-2025 events in 17 countries, coordinates"
        " from the war gazetteer (scripts/build_acled_dev.py; not ACLED data)",
    ),
    # the real set's every score in one reading of its texts (sitrep eval incidents gives the
    # cross-article half alone, through the ingest job)
    Suite(
        "real",
        "real",
        "../real",
        "real war reporting with hand-written gold (../shared/real, 124 articles, 14 incidents;"
        " texts rebuilt into ../real-articles by the set's README): claims, sources, places,"
        " victims, quotes, speakers and refusals per article, incidents and copies across them",
    ),
    # sitrep's own hand-annotated set on other incidents: the gold is in the repo, the texts
    # (third-party pages) are rebuilt beside the checkout as its README says
    Suite(
        "real-own",
        "real",
        "tests/data/real-own",
        "sitrep's own hand annotations of real war reporting on other incidents"
        " (tests/data/real-own; texts rebuilt into ../own-articles by its README)",
        articles="../own-articles",
    ),
    # the first held-aside set, a development set since a newer one replaced it (stop 21)
    Suite(
        "real-held",
        "real",
        "tests/data/real-held",
        "sitrep's own hand annotations of real war reporting, held aside until stop 21,"
        " a development set since (tests/data/real-held; texts rebuilt into ../own-articles"
        " by its README)",
        articles="../own-articles",
    ),
    # the second held-aside set, a development set since a newer one replaced it (stop 28)
    Suite(
        "real-held2",
        "real",
        "tests/data/real-held2",
        "sitrep's own blind hand annotations of real war reporting, held aside until stop 28,"
        " a development set since (tests/data/real-held2; texts rebuilt into ../held2-articles"
        " by its README)",
        articles="../held2-articles",
    ),
    # the third held-aside set, a development set since a newer one replaced it (stop 29)
    Suite(
        "real-held3",
        "real",
        "tests/data/real-held3",
        "sitrep's own blind hand annotations of real war reporting, held aside until stop 29,"
        " a development set since (tests/data/real-held3; texts rebuilt into ../held3-articles"
        " by its README)",
        articles="../held3-articles",
    ),
    # the fourth held-aside set, a development set since a newer one replaced it (stop 30)
    Suite(
        "real-held4",
        "real",
        "tests/data/real-held4",
        "sitrep's own blind hand annotations of real war reporting, held aside until stop 30,"
        " a development set since (tests/data/real-held4; texts rebuilt into ../held4-articles"
        " by its README)",
        articles="../held4-articles",
    ),
    # the fifth held-aside set, a development set since a newer one replaced it (stop 31)
    Suite(
        "real-held5",
        "real",
        "tests/data/real-held5",
        "sitrep's own blind hand annotations of real war reporting, held aside until stop 31,"
        " a development set since (tests/data/real-held5; texts rebuilt into ../held5-articles"
        " by its README)",
        articles="../held5-articles",
    ),
    # held aside: no rule was written from its gold (its README says how it is used)
    Suite(
        "real-held6",
        "real",
        "tests/data/real-held6",
        "sitrep's own blind hand annotations of real war reporting, held aside from rule work"
        " (tests/data/real-held6; texts rebuilt into ../held6-articles by its README)",
        articles="../held6-articles",
    ),
    # blind annotations written at the start of stop 22, scored once unread, then read
    Suite(
        "real-fresh2",
        "real",
        "tests/data/real-fresh2",
        "sitrep's own blind hand annotations of 2024-2025 war reporting, scored unread at the"
        " start of stop 22 and a development set since (tests/data/real-fresh2; texts rebuilt"
        " into ../fresh2-articles by its README)",
        articles="../fresh2-articles",
    ),
    # blind annotations written in stop 22, scored unread at its start and middle, then read
    Suite(
        "real-fresh3",
        "real",
        "tests/data/real-fresh3",
        "sitrep's own blind hand annotations of 2023-2025 war reporting, scored unread in"
        " stop 22 and a development set since (tests/data/real-fresh3; texts rebuilt into"
        " ../fresh3-articles by its README)",
        articles="../fresh3-articles",
    ),
)


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def run_suites(
    eval_root: Path,
    *,
    only: set[str] | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
    log: Callable[[str], None] = lambda s: None,
) -> dict[str, Any]:
    """Run the eval suites (all, or those named in ``only``) and return their reports."""
    results: dict[str, Any] = {}
    for suite in SUITES:
        if only and suite.key not in only and suite.task not in only:
            continue
        path = Path(suite.data) if suite.data.startswith("tests/") else eval_root / suite.data
        path = Path(os.path.normpath(path))
        if not path.exists():
            log(f"skip {suite.key}: {path} not found")
            continue
        log(f"eval {suite.key} on {path}")
        articles = Path(suite.articles) if suite.articles else None
        try:
            report = run_task(suite.task, path, limit=limit, progress=progress, articles=articles)
        except MissingTexts as exc:  # texts kept outside the repository, not on this machine
            log(f"skip {suite.key}: {exc.message}")
            continue
        entry = report.to_dict()
        entry["command"] = (
            f"sitrep eval {suite.task} --data {path}"
            + (f" --articles {articles}" if articles else "")
            + (f" --limit {limit}" if limit else "")
        )
        entry["source"] = suite.source
        entry["date"] = dt.date.today().isoformat()
        entry["commit"] = _commit()
        results[suite.key] = entry
    return results


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    return "" if v is None else str(v)


_PRF = ("precision", "recall", "f1")


def _metric_order(metric: str) -> tuple[int, str, int]:
    """Columns in a stable order, whatever order the results were stored in: precision,
    recall and F1 first, then each family (``span_``, ``value_``...) as P, R, F1, then the
    rest by name."""
    for rank, part in enumerate(_PRF):
        if metric == part:
            return (0, "", rank)
        if metric.endswith("_" + part):
            return (1, metric[: -len(part) - 1], rank)
    return (1, metric, len(_PRF))


def _cell(scores: dict[str, Any], m: str) -> str:
    return "n/a" if m in scores and scores[m] is None else _fmt(scores.get(m))


def _table(
    systems: dict[str, dict[str, Any]], metrics: list[str], targets: dict[str, str]
) -> list[str]:
    """One row per system and a column per metric; with targets (an issue's done-when), one
    row per metric with the target beside the numbers."""
    labels = [f"**{name}**" if name == "sitrep" else name for name in systems]
    if targets:
        out = ["| metric | " + " | ".join(labels) + " | target |"]
        out.append("|---|" + "---|" * (len(systems) + 1))
        for m in metrics:
            cells = [_cell(scores, m) for scores in systems.values()] + [targets.get(m, "")]
            out.append(f"| {m} | " + " | ".join(cells) + " |")
        return out
    out = ["| system | " + " | ".join(metrics) + " |", "|---|" + "---|" * len(metrics)]
    for label, scores in zip(labels, systems.values(), strict=True):
        out.append(f"| {label} | " + " | ".join(_cell(scores, m) for m in metrics) + " |")
    return out


def render(results: dict[str, Any]) -> str:
    """The markdown document for the stored results."""
    lines = [
        "# Benchmarks",
        "",
        "Generated by `sitrep benchmarks` from real runs (raw numbers in `docs/benchmarks.json`);",
        "nothing here is typed by hand. Each section names the exact command, the date and the",
        "commit of its run. The gold data sits outside the repository, in `../shared/eval/`.",
        "",
    ]
    for suite in SUITES:
        entry = results.get(suite.key)
        if not entry:
            continue
        lines += [
            f"## {suite.key}",
            "",
            f"Gold: {entry.get('source', suite.source)}; n = {entry['n']}.",
            "",
        ]
        systems: dict[str, dict[str, Any]] = dict(
            sorted(entry["systems"].items(), key=lambda kv: (kv[0] != "sitrep", kv[0]))
        )
        metrics: list[str] = []
        for scores in systems.values():
            metrics += [m for m in scores if m not in metrics]
        metrics.sort(key=_metric_order)
        lines += _table(systems, metrics, entry.get("targets") or {})
        lines.append("")
        if entry.get("reference"):
            lines.append(f"Published reference: {entry['reference']}")
            lines.append("")
        for note in entry.get("notes") or []:
            lines.append(f"- {note}")
        if entry.get("notes"):
            lines.append("")
        lines += [f"Command: `{entry['command']}` ({entry['date']}, commit {entry['commit']})", ""]
    bench = results.get("bench")
    if bench:
        lines += _render_bench(bench)
    return "\n".join(lines)


def update(
    out: Path,
    *,
    eval_root: Path,
    only: set[str] | None = None,
    limit: int | None = None,
    bench: dict[str, Any] | None = None,
    progress: Progress | None = None,
    log: Callable[[str], None] = lambda s: None,
) -> dict[str, Any]:
    """Run suites (and take a bench report), merge into the stored JSON, rewrite the markdown."""
    store = out.with_suffix(".json")
    results: dict[str, Any] = json.loads(store.read_text()) if store.exists() else {}
    results.update(run_suites(eval_root, only=only, limit=limit, progress=progress, log=log))
    if bench is not None:
        results["bench"] = bench
    out.parent.mkdir(parents=True, exist_ok=True)
    store.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    out.write_text(render(results))
    return results


def _measure_rows(rows: list[tuple[str, dict[str, Any]]]) -> list[str]:
    out = ["| run | processes | documents | docs/s | words/s | seconds | peak MB |"]
    out.append("|---|---|---|---|---|---|---|")
    for key, m in rows:
        out.append(
            f"| {key} | {m['processes']} | {m['docs']} | {m['docs_per_s']:.1f} | "
            f"{m['words_per_s']:.0f} | {m['seconds']:.1f} | {m['peak_mb']:.0f} |"
        )
    return out


def _render_bench(bench: dict[str, Any]) -> list[str]:
    """The throughput, scaling, memory and dedup sections from a ``run_all`` report."""
    lines = ["## Throughput and memory (`sitrep bench`)", ""]
    lines.append(
        f"Corpus: {bench.get('corpus')} ({bench.get('documents')} documents). Every measurement "
        "runs in a fresh process; ratios compare runs of the same report. Bare spaCy and the "
        "full pipeline take turns over parts of the corpus (`ratio_chunk_range`: the ratio part "
        "by part), so that a shared machine's drift weighs on both alike."
    )
    lines.append("")
    rows = [(k, v) for k, v in bench.items() if isinstance(v, dict) and "docs_per_s" in v]
    lines += _measure_rows(rows)
    lines.append("")
    for key in (
        "ratio_sitrep_vs_spacy",
        "ratio_chunk_range",
        "scaling_ratio",
        "gazetteer_load_seconds",
        "war_gazetteer_load_seconds",
        "places_data_load_seconds",
    ):
        if key in bench:
            lines.append(f"- {key}: {bench[key]}")
    scaling = bench.get("ingest_scaling")
    if scaling:
        lines += ["", "### Ingest job: 1 worker, 2 processes, 2 Dask workers", ""]
        lines += _measure_rows(
            [(k, v) for k, v in scaling.items() if isinstance(v, dict) and "docs_per_s" in v]
        )
        lines.append("")
        lines += [f"- {k}: {v}" for k, v in scaling.items() if k.endswith("_ratio")]
    growth = bench.get("ingest_growth")
    if growth:
        lines += ["", "### Ingest peak memory as the corpus grows", ""]
        lines += _measure_rows([(f"{g['factor']}x", g) for g in growth["growth"]])
        lines += ["", f"- growth_peak_ratio: {growth.get('growth_peak_ratio')}"]
    dedup = bench.get("dedup")
    if dedup:
        lines += ["", "### Copy detection (MinHash LSH) as the corpus grows", ""]
        lines += _measure_rows([(f"{g['factor']}x", g) for g in dedup["growth"]])
        lines += [""]
        for k in ("clock", "seconds_per_doc_ratio", "time_ratio"):
            if k in dedup:
                lines.append(f"- {k}: {dedup[k]}")
        copies = dedup.get("copies")
        if isinstance(copies, dict):
            lines += ["", "Edited copies of 100 articles among the corpus ingested twice:", ""]
            for k, v in sorted(copies.items()):
                if isinstance(v, dict):
                    lines.append(f"- {k}: " + ", ".join(f"{a} {b}" for a, b in sorted(v.items())))
                elif isinstance(v, list):
                    lines.append(f"- {k}: {len(v)}")
                else:
                    lines.append(f"- {k}: {v}")
            pairs = copies.get("pairs_inside_corpus")
            if isinstance(pairs, list) and pairs:
                lines += [
                    "",
                    "Near-duplicate pairs already inside the corpus (lowest similarity first):",
                    "",
                ]
                lines.append("| article | canonical | similarity |")
                lines.append("|---|---|---|")
                for pair in sorted(pairs, key=lambda x: x.get("similarity", 0))[:10]:
                    lines.append(
                        f"| {pair.get('article')} | {pair.get('canonical')} | {pair.get('similarity')} |"
                    )
        if dedup.get("command"):
            lines += [
                "",
                f"Copy detection re-measured alone: `{dedup['command']}` ({dedup.get('date')}, "
                f"commit {dedup.get('commit')})",
            ]
    lines += [
        "",
        f"Command: `{bench.get('command')}` ({bench.get('date')}, commit {bench.get('commit')})",
        "",
    ]
    return lines
