"""Evaluation against gold data written by others, with the peers scored the same way.

Each task module exposes ``run(data: Path, *, limit: int | None, progress: Progress) -> Report``.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from sitrep.eval.base import Progress, Report

TASKS: dict[str, str] = {
    "boilerplate": "sitrep.eval.boilerplate",
    "casualties": "sitrep.eval.casualties",
    "places": "sitrep.eval.places",
    "times": "sitrep.eval.times",
    "quotes": "sitrep.eval.quotes",
    "events": "sitrep.eval.events",
    "acled": "sitrep.eval.acled",
    "incidents": "sitrep.eval.incidents",
}


def run_task(
    task: str,
    data: Path,
    *,
    limit: int | None = None,
    progress: Progress | None = None,
    articles: Path | None = None,
) -> Report:
    """Score sitrep and the task's peers on the gold data at ``data`` (``articles``: the
    folder of texts kept apart from their gold, for ``incidents``)."""
    if task not in TASKS:
        raise ValueError(f"unknown eval task {task!r}; choose one of {', '.join(TASKS)}")
    mod = importlib.import_module(TASKS[task])
    extra = {"articles": articles} if articles is not None else {}
    report: Report = mod.run(data, limit=limit, progress=progress or Progress.silent(), **extra)
    return report


__all__ = ["TASKS", "Progress", "Report", "run_task"]
