"""What every eval task returns, the scoring arithmetic they share, and progress reporting."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sitrep.errors import EvalDataError

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 from counts."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self, prefix: str = "") -> dict[str, float]:
        return {
            f"{prefix}precision": round(self.precision, 4),
            f"{prefix}recall": round(self.recall, 4),
            f"{prefix}f1": round(self.f1, 4),
        }


def prf_sets(gold: Iterable[Any], pred: Iterable[Any]) -> PRF:
    """P/R/F1 of two sets of hashable items (exact match)."""
    g, p = set(gold), set(pred)
    tp = len(g & p)
    return PRF(tp=tp, fp=len(p) - tp, fn=len(g) - tp)


def require_gold(count: int, *, task: str, data: Path, what: str) -> None:
    """Refuse to score against nothing: a task that finds no gold items fails loudly.

    A score over zero gold items reads as a perfect or a zero score and hides a wrong path, a
    renamed folder or a reader that no longer understands the format.

    Args:
        count: how many gold items the task read.
        task: the eval task ("casualties").
        data: the path it read them from.
        what: what a gold item is, in the plural ("answer-key figures").

    Raises:
        EvalDataError: when ``count`` is zero.
    """
    if count <= 0:
        raise EvalDataError(
            f"no {what} found for `sitrep eval {task}`; check that --data points at the gold "
            "data in its original format (see ../shared/eval/README.md)",
            source=str(data),
        )


@dataclass(slots=True)
class Report:
    """The scores of sitrep and its peers on one task, in the ``--format json`` shape."""

    task: str
    n: int
    # Metric values are floats, or None (shown as n/a) for a metric with nothing to score.
    systems: dict[str, dict[str, Any]] = field(default_factory=dict)
    reference: str | None = None
    notes: list[str] = field(default_factory=list)
    # The done-when of the issues behind the task, per metric (">= 0.90"), shown beside sitrep.
    targets: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "task": self.task,
            "systems": self.systems,
            "n": self.n,
            "reference": self.reference,
            "notes": self.notes,
        }
        if self.targets:
            out["targets"] = self.targets
        return out


@dataclass(slots=True)
class Progress:
    """A progress callback wrapper: ``track(items, total, label)`` yields the items."""

    tracker: Callable[[Iterable[Any], int | None, str], Iterable[Any]] | None = None

    @classmethod
    def silent(cls) -> Progress:
        return cls(None)

    def track(self, items: Iterable[T], total: int | None = None, label: str = "") -> Iterator[T]:
        if self.tracker is None:
            yield from items
        else:
            yield from self.tracker(items, total, label)
