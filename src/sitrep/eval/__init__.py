"""Evaluation against gold data written by others, with the peers scored the same way.

Each task module exposes ``run(data: Path, *, limit: int | None, progress: Progress) -> Report``.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from sitrep.errors import EvalDataError
from sitrep.eval.base import Progress, Report, require_gold

TASKS: dict[str, str] = {
    "boilerplate": "sitrep.eval.boilerplate",
    "casualties": "sitrep.eval.casualties",
    "places": "sitrep.eval.places",
    "times": "sitrep.eval.times",
    "quotes": "sitrep.eval.quotes",
    "events": "sitrep.eval.events",
    "acled": "sitrep.eval.acled",
    "incidents": "sitrep.eval.incidents",
    "real": "sitrep.eval.real",
}


def run_task(
    task: str,
    data: Path,
    *,
    limit: int | None = None,
    progress: Progress | None = None,
    articles: Path | None = None,
    misses: Path | None = None,
) -> Report:
    """Score sitrep and the task's peers on the gold data at ``data`` (``articles``: the
    folder of texts kept apart from their gold, for ``incidents`` and ``real``; ``misses``: a
    JSON file for every miss, for ``real``).

    Raises:
        EvalDataError: when the data holds no gold item the task can score.
    """
    if task not in TASKS:
        raise ValueError(f"unknown eval task {task!r}; choose one of {', '.join(TASKS)}")
    mod = importlib.import_module(TASKS[task])
    extra: dict[str, Path] = {"articles": articles} if articles is not None else {}
    if misses is not None:
        if task != "real":
            raise ValueError(f"eval task {task!r} writes no misses; only `real` does")
        extra["misses"] = misses
    report: Report = mod.run(data, limit=limit, progress=progress or Progress.silent(), **extra)
    require_gold(report.n, task=task, data=data, what="scored items")
    return report


__all__ = ["TASKS", "EvalDataError", "Progress", "Report", "require_gold", "run_task"]
