"""The Dask engine: the same batch function, mapped over partitions on a Dask cluster.

Workers return records; the caller (the one writer) stores them. A LocalCluster is started when
no scheduler address is given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import Any, TypeVar

from sitrep.errors import SitrepError
from sitrep.scale.executors import ordered_window, warm_worker

T = TypeVar("T")
R = TypeVar("R")


class DaskExecutor:
    """Runs tasks on a Dask cluster, in order, with two tasks per worker in flight.

    Args:
        address: a scheduler address (``tcp://host:8786``); None starts a LocalCluster.
        n_workers: LocalCluster workers (ignored with an address).
        processes: LocalCluster workers as processes (True) or threads in this process.
    """

    def __init__(
        self, *, address: str | None = None, n_workers: int = 1, processes: bool = True
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - install problem
            raise SitrepError(
                "the Dask engine needs dask[distributed]: pip install 'sitrep[scale]'"
            ) from exc
        self._cluster: Any = None
        if address:
            self.client: Any = Client(address)  # type: ignore[no-untyped-call]
        else:
            self._cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=max(1, n_workers),
                threads_per_worker=1,
                processes=processes,
                dashboard_address=None,
            )
            self.client = Client(self._cluster)  # type: ignore[no-untyped-call]
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def map(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[R]:
        def submit(task: T) -> Any:
            return self.client.submit(fn, task, pure=False)

        def result(fut: Any) -> R:
            out: R = fut.result()
            fut.release()
            return out

        return ordered_window(submit, result, tasks, window=2 * self.workers)

    def warm(self) -> None:
        """Load the model on every worker now rather than in the first batches."""
        self.client.run(warm_worker)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
