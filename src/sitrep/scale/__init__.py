"""Running the pipeline's batch functions in place, in worker processes, or on Dask.

An executor maps one picklable function over a stream of tasks (batches of documents) and
yields the results in task order, with a bounded number of tasks in flight, so that memory stays
flat however long the stream is. It adds no logic of its own: the same function runs everywhere.
"""

from sitrep.scale.engine import make_executor
from sitrep.scale.executors import Executor, InlineExecutor, ProcessExecutor

__all__ = ["Executor", "InlineExecutor", "ProcessExecutor", "make_executor"]
