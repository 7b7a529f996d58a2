"""What both benches stand on: the bench corpus loader and timed runs in fresh processes.

``sitrep bench`` (:mod:`sitrep.bench`) and the copy-detection bench
(:mod:`sitrep.reconcile.dedup_bench`) both load their documents and time their jobs here. A
job is a picklable function from a list of texts to ``(seconds, peak_mb)``; every run spawns
fresh worker processes, so that a worker's peak memory (``ru_maxrss``) is its own and whatever
the job loads before its clock starts is not timed. This module imports nothing of sitrep's.
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

Job = Callable[[list[str]], tuple[float, float]]


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


def peak_mb() -> float:
    """This process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _worker(
    job: Job, warm: Callable[[], None] | None, texts: list[str], barrier: Any, out: Any
) -> None:
    if barrier is not None:
        # load first, then start together: time only the work
        if warm is not None:
            warm()
        barrier.wait()
    seconds, peak = job(texts)
    out.put((seconds, peak))


def run_timed(
    job: Job,
    texts: list[str],
    *,
    name: str,
    processes: int = 1,
    warm: Callable[[], None] | None = None,
) -> Measure:
    """Run ``job`` over ``texts`` in ``processes`` fresh worker processes (shards).

    With more than one process, each worker first calls ``warm`` (if given) and then waits for
    the others, so that they start their work together.
    """
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    barrier = ctx.Barrier(processes) if processes > 1 else None
    shards = [texts[i::processes] for i in range(processes)]
    procs = [ctx.Process(target=_worker, args=(job, warm, s, barrier, out)) for s in shards]
    for p in procs:
        p.start()
    results: list[tuple[float, float]] = [_result(out, procs) for _ in procs]
    for p in procs:
        p.join()
    seconds = max(r[0] for r in results)
    peak = max(r[1] for r in results)
    words = sum(len(t.split()) for t in texts)
    return Measure(name, len(texts), words, seconds, peak, processes)


def _result(out: Any, procs: list[Any]) -> Any:
    """The next message on ``out``; an error rather than a hang when the workers died without
    one."""
    import queue

    while True:
        try:
            return out.get(timeout=5)
        except queue.Empty:
            if not any(p.is_alive() for p in procs):
                codes = [p.exitcode for p in procs]
                raise RuntimeError(
                    f"bench worker died without a result (exit codes {codes})"
                ) from None


Runner = Callable[[list[str]], None]
"""Processes a list of texts (what is timed)."""
Setup = Callable[[], Runner]
"""Loads what a job needs, outside the clock, and returns its runner."""


@dataclass(frozen=True, slots=True)
class Paired:
    """Two or more jobs timed over the same chunks of a corpus, taking turns."""

    measures: dict[str, Measure]
    chunk_seconds: dict[str, list[float]]

    def ratio(self, job: str, baseline: str) -> float:
        """Throughput of ``job`` over that of ``baseline`` on all chunks together."""
        job_s, base_s = self.measures[job].seconds, self.measures[baseline].seconds
        return base_s / job_s if job_s else 0.0

    def chunk_ratios(self, job: str, baseline: str) -> list[float]:
        """The same ratio chunk by chunk: its spread shows how noisy the machine was."""
        pairs = zip(self.chunk_seconds[baseline], self.chunk_seconds[job], strict=True)
        return [b / j if j else 0.0 for b, j in pairs]


def _paired_worker(setup: Setup, texts: list[str], inbox: Any, out: Any) -> None:
    run = setup()
    out.put(("ready", 0.0))
    while True:
        got = inbox.get()
        if got is None:
            break
        start, end = got
        t0 = time.perf_counter()
        run(texts[start:end])
        out.put(("done", time.perf_counter() - t0))
    out.put(("peak", peak_mb()))


def _message(out: Any, proc: Any, expected: str) -> float:
    kind, value = _result(out, [proc])
    if kind != expected:  # pragma: no cover - a protocol error
        raise RuntimeError(f"bench worker sent {kind!r}, expected {expected!r}")
    return float(value)


def run_paired(setups: dict[str, Setup], texts: list[str], *, chunks: int = 8) -> Paired:
    """Time each job over the same chunks of ``texts``, the jobs taking turns chunk by chunk.

    Every job runs in its own fresh worker process, which loads what it needs before any clock
    starts and keeps it loaded. The corpus is cut into ``chunks`` parts; each part is given to
    every job in turn, the order of the jobs reversed from one part to the next, so that a
    machine that slows down or speeds up during the run (another tenant, a warming cache)
    weighs on every job alike instead of on whichever ran in that minute. Seconds add up over
    the chunks; peak memory is each worker's own.
    """
    ctx = mp.get_context("spawn")
    names = list(setups)
    workers: dict[str, tuple[Any, Any, Any]] = {}
    try:
        for name in names:
            inbox, out = ctx.Queue(), ctx.Queue()
            proc = ctx.Process(target=_paired_worker, args=(setups[name], texts, inbox, out))
            proc.start()
            workers[name] = (proc, inbox, out)
        for name in names:
            proc, _, out = workers[name]
            _message(out, proc, "ready")
        k = max(1, min(chunks, len(texts)))
        bounds = [(i * len(texts) // k, (i + 1) * len(texts) // k) for i in range(k)]
        seconds: dict[str, list[float]] = {name: [] for name in names}
        for i, span in enumerate(bounds):
            for name in names if i % 2 == 0 else names[::-1]:
                proc, inbox, out = workers[name]
                inbox.put(span)
                seconds[name].append(_message(out, proc, "done"))
        peaks: dict[str, float] = {}
        for name in names:
            proc, inbox, out = workers[name]
            inbox.put(None)
            peaks[name] = _message(out, proc, "peak")
            proc.join()
    finally:
        for proc, _, _ in workers.values():
            if proc.is_alive():
                proc.kill()
    words = sum(len(t.split()) for t in texts)
    measures = {
        name: Measure(name, len(texts), words, sum(seconds[name]), peaks[name]) for name in names
    }
    return Paired(measures, seconds)
