"""``--engine``: the executor a command asked for, local or Dask.

The three modules stand one above the other: :mod:`sitrep.scale.executors` (in this process or
in worker processes, and the helpers every engine shares), :mod:`sitrep.scale.cluster` (Dask,
built on those helpers), and this one, which picks between them.
"""

from __future__ import annotations

from sitrep.scale.executors import Executor, InlineExecutor, ProcessExecutor


def make_executor(
    engine: str = "local",
    *,
    processes: int = 1,
    scheduler: str | None = None,
    workers: int | None = None,
) -> Executor:
    """The executor for ``--engine``: ``local`` (``processes`` workers) or ``dask``.

    Args:
        engine: ``local`` or ``dask``.
        processes: worker processes for the local engine; 1 runs in this process.
        scheduler: a Dask scheduler address; a LocalCluster is started when None.
        workers: Dask LocalCluster workers (default: ``processes``).
    """
    if engine == "dask":
        from sitrep.scale.cluster import DaskExecutor

        return DaskExecutor(address=scheduler, n_workers=workers or processes)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}; use 'local' or 'dask'")
    if processes <= 1:
        return InlineExecutor()
    return ProcessExecutor(processes)
