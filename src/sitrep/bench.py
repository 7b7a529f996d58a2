"""``sitrep bench``: the full pipeline against bare spaCy on the same documents, in one run.

Every measurement runs in a fresh worker process (:func:`sitrep.timing.run_timed`), so that its
peak memory (``ru_maxrss``) is its own and the model load is excluded from the timed part. Speed
is reported as ratios against the baseline measured in the same run, never as absolute targets.
Bare spaCy and the full pipeline take turns over parts of the corpus
(:func:`sitrep.timing.run_paired`): on a shared machine whose speed drifts by 10-20% from one
minute to the next, two runs timed one after the other compare two different machines.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sitrep.timing import (
    Measure,
    Runner,
    Setup,
    load_corpus,
    peak_mb,
    run_paired,
    run_timed,
)


def _spacy_setup() -> Runner:
    import spacy

    from sitrep.nlp import MODEL

    nlp = spacy.load(MODEL)
    nlp("warm up")

    def run(texts: list[str]) -> None:
        for _ in nlp.pipe(texts, batch_size=64):
            pass

    return run


def _sitrep_setup() -> Runner:
    from sitrep.extract.places import war_gazetteer
    from sitrep.ingest.document import article_from_string
    from sitrep.nlp import load
    from sitrep.pipeline import pipe

    load()
    # one-time data loads stay outside the timed part, as spaCy's own load does for both
    # runs; they are measured on their own (gazetteer / war_gazetteer jobs)
    war_gazetteer.load()
    warm = "Warm-up: five people were killed in Kyiv on Monday, police said."
    list(pipe([article_from_string(warm)]))

    def run(texts: list[str]) -> None:
        articles = []
        for i, t in enumerate(texts):
            try:
                articles.append(article_from_string(t, source=f"doc{i}"))
            except Exception:  # a bad document costs only itself, as in ingest
                continue
        for _ in pipe(articles, batch_size=64):
            pass

    return run


def _timed(setup: Setup, texts: list[str]) -> tuple[float, float]:
    """One job's run over ``texts``, its set-up outside the clock: (seconds, peak MB)."""
    run = setup()
    t0 = time.perf_counter()
    run(texts)
    return time.perf_counter() - t0, peak_mb()


def _bare_spacy(texts: list[str]) -> tuple[float, float]:
    return _timed(_spacy_setup, texts)


def _full_pipeline(texts: list[str]) -> tuple[float, float]:
    return _timed(_sitrep_setup, texts)


def _gazetteer_load(texts: list[str]) -> tuple[float, float]:
    from sitrep.extract.places import gazetteer

    gazetteer.load()  # builds the on-disk cache on first use; the timed load reads it
    gazetteer.load.cache_clear()
    t0 = time.perf_counter()
    gazetteer.load()
    return time.perf_counter() - t0, peak_mb()


def _war_gazetteer_load(texts: list[str]) -> tuple[float, float]:
    from sitrep.extract.places import war_gazetteer

    war_gazetteer.load.cache_clear()
    t0 = time.perf_counter()
    war_gazetteer.load()
    return time.perf_counter() - t0, peak_mb()


def _ingest_job(
    texts: list[str], *, engine: str = "local", workers: int = 1
) -> tuple[float, float]:
    """The whole ``sitrep ingest`` job over the texts as a JSONL dump, into a fresh database.

    The executor is started and its model loaded before the clock starts; reading, cleaning,
    parsing, extracting and writing are timed. Peak memory is the largest of this process and
    its worker processes.
    """
    import json
    import tempfile

    from sitrep.ingest.job import ingest
    from sitrep.scale import make_executor
    from sitrep.store import Store

    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        dump = Path(tmp) / "corpus.jsonl"
        with dump.open("w", encoding="utf-8") as fh:
            for t in texts:
                fh.write(json.dumps({"text": t}) + "\n")
        executor = make_executor(engine, processes=workers, workers=workers)
        try:
            executor.warm()
            with Store(Path(tmp) / "bench.duckdb") as store:
                t0 = time.perf_counter()
                ingest([dump], store=store, batch_size=32, executor=executor)
                seconds = time.perf_counter() - t0
        finally:
            executor.close()
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    return seconds, max(peak_mb(), children)


def _ingest_local(texts: list[str]) -> tuple[float, float]:
    return _ingest_job(texts)


def _ingest_2proc(texts: list[str]) -> tuple[float, float]:
    return _ingest_job(texts, workers=2)


def _ingest_2dask(texts: list[str]) -> tuple[float, float]:
    return _ingest_job(texts, engine="dask", workers=2)


_JOBS: dict[str, Callable[[list[str]], tuple[float, float]]] = {
    "spacy": _bare_spacy,
    "sitrep": _full_pipeline,
    "gazetteer": _gazetteer_load,
    "war_gazetteer": _war_gazetteer_load,
    "ingest": _ingest_local,
    "ingest_2proc": _ingest_2proc,
    "ingest_2dask": _ingest_2dask,
}


def _warm_pipeline() -> None:
    from sitrep.nlp import load

    load()


def measure(job: str, texts: list[str], *, processes: int = 1) -> Measure:
    """Run one of the jobs above over ``texts`` in ``processes`` fresh worker processes."""
    warm = _warm_pipeline if job == "sitrep" else None
    return run_timed(_JOBS[job], texts, name=job, processes=processes, warm=warm)


def run_bench(
    corpus: Path, *, limit: int | None = None, processes: int = 1, chunks: int = 8
) -> dict[str, Any]:
    """The bench report: bare spaCy, the full pipeline, their ratio, and scaling with processes.

    Bare spaCy and the full pipeline take turns over ``chunks`` parts of the corpus
    (:func:`~sitrep.timing.run_paired`), so that the ratio compares them under the same load;
    the range of the per-chunk ratios is reported beside it.
    """
    texts = load_corpus(corpus, limit=limit)
    paired = run_paired({"spacy": _spacy_setup, "sitrep": _sitrep_setup}, texts, chunks=chunks)
    spacy_m, full = paired.measures["spacy"], paired.measures["sitrep"]
    per_chunk = sorted(paired.chunk_ratios("sitrep", "spacy"))
    report: dict[str, Any] = {
        "corpus": str(corpus),
        "documents": len(texts),
        "spacy": spacy_m.as_dict(),
        "sitrep": full.as_dict(),
        "ratio_sitrep_vs_spacy": round(paired.ratio("sitrep", "spacy"), 3),
        "ratio_chunks": len(per_chunk),
        "ratio_chunk_range": [round(per_chunk[0], 3), round(per_chunk[-1], 3)],
    }
    gz = measure("gazetteer", texts[:1])
    report["gazetteer_load_seconds"] = round(gz.seconds, 3)
    war = measure("war_gazetteer", texts[:1])
    report["war_gazetteer_load_seconds"] = round(war.seconds, 3)
    report["places_data_load_seconds"] = round(gz.seconds + war.seconds, 3)
    if processes > 1:
        multi = measure("sitrep", texts, processes=processes)
        report[f"sitrep_{processes}proc"] = multi.as_dict()
        report["scaling_ratio"] = (
            round(multi.docs_per_s / full.docs_per_s, 3) if full.docs_per_s else None
        )
    return report


def grown_corpus(texts: list[str], factor: int) -> list[str]:
    """``factor`` copies of the corpus, each copy edited so that its articles are new ones."""
    out = list(texts)
    for k in range(1, factor):
        out.extend(f"{t.rstrip()}\n\n(Edition {k}.)\n" for t in texts)
    return out


def run_ingest_scaling(corpus: Path, *, limit: int | None = None) -> dict[str, Any]:
    """The ingest job with 1 worker, 2 worker processes and 2 Dask workers, and the ratios."""
    texts = load_corpus(corpus, limit=limit)
    report: dict[str, Any] = {"corpus": str(corpus), "documents": len(texts)}
    one = measure("ingest", texts)
    report["ingest"] = one.as_dict()
    for key in ("ingest_2proc", "ingest_2dask"):
        m = measure(key, texts)
        report[key] = {**m.as_dict(), "processes": 2}
        report[f"{key}_ratio"] = round(m.docs_per_s / one.docs_per_s, 3) if one.docs_per_s else None
    return report


def run_growth(
    corpus: Path, *, limit: int | None = None, factors: tuple[int, ...] = (1, 4, 16)
) -> dict[str, Any]:
    """Peak memory of the ingest job as the corpus grows (each size in a fresh process)."""
    texts = load_corpus(corpus, limit=limit)
    report: dict[str, Any] = {"corpus": str(corpus), "documents": len(texts), "growth": []}
    for f in factors:
        m = measure("ingest", grown_corpus(texts, f))
        report["growth"].append({"factor": f, **m.as_dict()})
    first, last = report["growth"][0], report["growth"][-1]
    report["growth_peak_ratio"] = round(last["peak_mb"] / first["peak_mb"], 3)
    return report


def run_all(
    corpus: Path,
    *,
    limit: int | None = None,
    processes: int = 2,
    ingest_limit: int | None = 600,
    growth_limit: int | None = 150,
) -> dict[str, Any]:
    """Everything docs/benchmarks.md reports: pipeline vs spaCy, scaling, ingest, memory, dedup."""
    from sitrep.reconcile.dedup_bench import run_dedup_bench

    report = run_bench(corpus, limit=limit, processes=processes)
    report["ingest_scaling"] = run_ingest_scaling(corpus, limit=ingest_limit)
    report["ingest_growth"] = run_growth(corpus, limit=growth_limit)
    report["dedup"] = run_dedup_bench(corpus, limit=limit)
    return report
