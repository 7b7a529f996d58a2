"""Fitting the standardized L2 logistic regression both learned components ship."""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Callable, Sequence
from pathlib import Path

from sitrep.extract.linear import LinearModel


def fit_linear(
    x: Sequence[Sequence[float]],
    y: Sequence[int],
    names: tuple[str, ...],
    *,
    c: float,
    seed: int,
    threshold: float = 0.5,
) -> LinearModel:
    """A logistic regression on features standardized by their training mean and standard
    deviation (deterministic for a seed); ``names`` label the columns of ``x``."""
    from sklearn.linear_model import LogisticRegression

    cols = list(zip(*x, strict=True))
    mean = [sum(col) / len(col) for col in cols]
    scale = [
        math.sqrt(sum((v - m) ** 2 for v in col) / len(col)) or 1.0
        for col, m in zip(cols, mean, strict=True)
    ]
    z = [[(v - m) / s for v, m, s in zip(row, mean, scale, strict=True)] for row in x]
    clf = LogisticRegression(C=c, solver="lbfgs", max_iter=2000, random_state=seed)
    clf.fit(z, list(y))
    return LinearModel(
        names=names,
        mean=tuple(mean),
        scale=tuple(scale),
        coef=tuple(float(w) for w in clf.coef_[0]),
        intercept=float(clf.intercept_[0]),
        threshold=threshold,
    )


__all__ = ["fit_linear"]


def train_main(
    argv: Sequence[str] | None,
    *,
    description: str,
    data: Path,
    out: Path,
    train: Callable[..., LinearModel],
) -> None:
    """The command line of a training script: ``--data`` (default ``data``), ``--out``
    (default ``out``, the shipped model JSON) and ``--limit``; ``train(data, limit=...)``
    fits the model, which is written to ``--out`` and its metadata printed."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--data", type=Path, default=data)
    ap.add_argument("--out", type=Path, default=out)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    model = train(args.data, limit=args.limit)
    args.out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    print(json.dumps(model.meta))
