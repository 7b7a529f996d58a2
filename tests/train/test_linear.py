from __future__ import annotations

import pytest

from sitrep.train.linear import fit_linear


def test_fit_linear_standardizes_and_separates() -> None:
    pytest.importorskip("sklearn")
    x = [[0.0, 5.0], [1.0, 5.0], [2.0, 5.0], [3.0, 5.0]]
    y = [0, 0, 1, 1]
    m = fit_linear(x, y, ("step", "constant"), c=1.0, seed=0, threshold=0.4)
    assert m.mean == (1.5, 5.0)
    assert m.scale[1] == 1.0  # a constant column is not divided by zero
    assert m.threshold == 0.4 and m.coef[0] > 0
    assert m.probability({"step": 3.0, "constant": 5.0}) > m.probability(
        {"step": 0.0, "constant": 5.0}
    )
    assert fit_linear(x, y, ("step", "constant"), c=1.0, seed=0, threshold=0.4) == m
