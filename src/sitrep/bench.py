"""``sitrep bench``: the full pipeline against bare spaCy on the same documents, in one run.

Every measurement runs in a fresh worker process, so that its peak memory (``ru_maxrss``) is
its own and the model load is excluded from the timed part. Speed is reported as ratios
against the baseline measured in the same run, never as absolute targets.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

DEFAULT_CORPUS = Path("../shared/corpora/bbc")


@dataclass(frozen=True, slots=True)
class Measure:
    """One timed run over a list of documents."""

    name: str
    docs: int
    words: int
    seconds: float
    peak_mb: float
    processes: int = 1

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["docs_per_s"] = round(self.docs_per_s, 2)
        d["words_per_s"] = round(self.words_per_s, 1)
        d["seconds"] = round(self.seconds, 3)
        d["peak_mb"] = round(self.peak_mb, 1)
        return d


def load_corpus(root: Path, *, limit: int | None = None) -> list[str]:
    """The texts of a corpus folder (every ``*.txt`` below it, sorted)."""
    files = sorted(p for p in root.rglob("*.txt") if p.name.upper() != "README.TXT")
    if limit:
        files = files[:limit]
    texts: list[str] = []
    for p in files:
        texts.append(p.read_bytes().decode("utf-8", errors="replace"))
    if not texts:
        raise FileNotFoundError(
            f"no .txt documents under {root}; point --corpus at a folder of articles"
        )
    return texts


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _bare_spacy(texts: list[str]) -> tuple[float, float]:
    import spacy

    from sitrep.nlp import MODEL

    nlp = spacy.load(MODEL)
    nlp("warm up")
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - t0, _peak_mb()


def _full_pipeline(texts: list[str]) -> tuple[float, float]:
    from sitrep.ingest.document import article_from_string
    from sitrep.nlp import load
    from sitrep.pipeline import pipe

    load()
    list(
        pipe(
            [
                article_from_string(
                    "Warm-up: five people were killed in Kyiv on Monday, police said."
                )
            ]
        )
    )
    t0 = time.perf_counter()
    articles = []
    for i, t in enumerate(texts):
        try:
            articles.append(article_from_string(t, source=f"doc{i}"))
        except Exception:  # a bad document costs only itself, as in ingest
            continue
    for _ in pipe(articles, batch_size=64):
        pass
    return time.perf_counter() - t0, _peak_mb()


def _gazetteer_load(texts: list[str]) -> tuple[float, float]:
    from sitrep.extract.places import gazetteer

    gazetteer.load()  # builds the on-disk cache on first use; the timed load reads it
    gazetteer.load.cache_clear()
    t0 = time.perf_counter()
    gazetteer.load()
    return time.perf_counter() - t0, _peak_mb()


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
    return seconds, max(_peak_mb(), children)


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
    "ingest": _ingest_local,
    "ingest_2proc": _ingest_2proc,
    "ingest_2dask": _ingest_2dask,
}


def _dedup(texts: list[str]) -> tuple[float, float]:
    from sitrep.reconcile.dedup_bench import time_dedup

    return time_dedup(texts), _peak_mb()


_JOBS["dedup"] = _dedup  # copy detection: see sitrep.reconcile.dedup_bench.run_dedup_bench


def _worker(job: str, texts: list[str], barrier: Any, out: Any) -> None:
    fn = _JOBS[job]
    if barrier is not None:
        # load first, then start together: time only the work
        _warm(job)
        barrier.wait()
    seconds, peak = fn(texts)
    out.put((seconds, peak))


def _warm(job: str) -> None:
    if job == "sitrep":
        from sitrep.nlp import load

        load()


def measure(job: str, texts: list[str], *, processes: int = 1) -> Measure:
    """Run one job over ``texts`` in ``processes`` fresh worker processes (shards)."""
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    barrier = ctx.Barrier(processes) if processes > 1 else None
    shards = [texts[i::processes] for i in range(processes)]
    procs = [ctx.Process(target=_worker, args=(job, s, barrier, out)) for s in shards]
    for p in procs:
        p.start()
    results = [_result(out, procs) for _ in procs]
    for p in procs:
        p.join()
    seconds = max(r[0] for r in results)
    peak = max(r[1] for r in results)
    words = sum(len(t.split()) for t in texts)
    return Measure(job, len(texts), words, seconds, peak, processes)


def _result(out: Any, procs: list[Any]) -> tuple[float, float]:
    """The next worker's result; an error rather than a hang when the workers died without one."""
    import queue

    while True:
        try:
            got: tuple[float, float] = out.get(timeout=5)
            return got
        except queue.Empty:
            if not any(p.is_alive() for p in procs):
                codes = [p.exitcode for p in procs]
                raise RuntimeError(
                    f"bench worker died without a result (exit codes {codes})"
                ) from None


def run_bench(corpus: Path, *, limit: int | None = None, processes: int = 1) -> dict[str, Any]:
    """The bench report: bare spaCy, the full pipeline, their ratio, and scaling with processes."""
    texts = load_corpus(corpus, limit=limit)
    spacy_m = measure("spacy", texts)
    full = measure("sitrep", texts)
    report: dict[str, Any] = {
        "corpus": str(corpus),
        "documents": len(texts),
        "spacy": spacy_m.as_dict(),
        "sitrep": full.as_dict(),
        "ratio_sitrep_vs_spacy": round(full.docs_per_s / spacy_m.docs_per_s, 3)
        if spacy_m.docs_per_s
        else None,
    }
    gz = measure("gazetteer", texts[:1])
    report["gazetteer_load_seconds"] = round(gz.seconds, 3)
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
