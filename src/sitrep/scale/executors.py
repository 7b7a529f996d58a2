"""Executors: in this process or in a pool of worker processes, and the helpers every engine
shares (the ordered window of tasks in flight, the warm-up of a worker). The Dask engine in
:mod:`sitrep.scale.cluster` builds on these; :mod:`sitrep.scale.engine` picks one."""

from __future__ import annotations

import collections
import multiprocessing as mp
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    """Maps a function over tasks, yielding results in task order with bounded work in flight."""

    workers: int

    def map(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]: ...

    def warm(self) -> None: ...

    def close(self) -> None: ...


class InlineExecutor:
    """Runs every task in this process, one after the other."""

    workers = 1

    def map(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        for task in tasks:
            yield fn(task)

    def warm(self) -> None:
        """Load the model now rather than in the first task."""
        warm_worker()

    def close(self) -> None:
        pass

    def __enter__(self) -> InlineExecutor:
        return self

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def ordered_window(
    submit: Callable[[T], Any], result: Callable[[Any], R], tasks: Iterable[T], window: int
) -> Iterator[R]:
    """Submit tasks keeping at most ``window`` in flight; yield their results in order."""
    pending: collections.deque[Any] = collections.deque()
    for task in tasks:
        pending.append(submit(task))
        if len(pending) >= window:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def warm_worker() -> None:
    """Load the model, the gazetteer and every lazy table once per worker, before its tasks."""
    from sitrep.ingest.document import article_from_string
    from sitrep.pipeline import pipe

    list(pipe([article_from_string("Warm-up: five people were killed in Kyiv on Monday.")]))


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this worker when its parent dies, even by ``kill -9`` (Linux).

    The signal is sent when the thread that started the worker ends; the pool starts its
    workers from the thread that submits, the ingest job's main thread.
    """
    import signal
    import sys

    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - no prctl
            pass
    if os.getppid() != parent:  # the parent died before the line above ran
        os._exit(1)


def _init_worker(warm: bool, parent: int) -> None:
    die_with_parent(parent)
    if warm:
        warm_worker()


def _started(seconds: float) -> None:
    time.sleep(seconds)  # hold this worker, so that the next task starts another


class ProcessExecutor:
    """Runs tasks in ``n`` fresh worker processes (spawned: no state shared with the writer)."""

    def __init__(self, n: int, *, warm: bool = True) -> None:
        self.workers = n
        self._pool = ProcessPoolExecutor(
            max_workers=n,
            mp_context=mp.get_context("spawn"),
            initializer=_init_worker,
            initargs=(warm, os.getpid()),
        )

    def map(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        def submit(task: T) -> Future[R]:
            return self._pool.submit(fn, task)

        def result(fut: Future[R]) -> R:
            return fut.result()

        return ordered_window(submit, result, tasks, window=2 * self.workers)

    def warm(self) -> None:
        """Start every worker and load its model now rather than in the first batches."""
        futures = [self._pool.submit(_started, 0.5) for _ in range(self.workers)]
        for f in futures:
            f.result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ProcessExecutor:
        return self

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
