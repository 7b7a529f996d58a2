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
    results = [_result(out, procs) for _ in procs]
    for p in procs:
        p.join()
    seconds = max(r[0] for r in results)
    peak = max(r[1] for r in results)
    words = sum(len(t.split()) for t in texts)
    return Measure(name, len(texts), words, seconds, peak, processes)


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
