"""Fitting the standardized L2 logistic regression both learned components ship."""

from __future__ import annotations

import math
from collections.abc import Sequence

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
