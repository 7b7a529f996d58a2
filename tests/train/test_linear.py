from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from sitrep.extract.linear import LinearModel
from sitrep.train.linear import fit_linear, train_main


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


def test_train_main_writes_the_model_the_training_gives(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = LinearModel(("a",), (0.0,), (1.0,), (2.0,), -1.0, 0.5)
    seen: list[tuple[Path, int | None]] = []

    def train(data: Path, *, limit: int | None = None) -> LinearModel:
        seen.append((data, limit))
        return replace(model, meta={"rows": 3})

    out = tmp_path / "m.json"
    train_main(
        ["--out", str(out), "--limit", "7"],
        description="x",
        data=tmp_path / "gold",
        out=tmp_path / "unused.json",
        train=train,
    )
    assert seen == [(tmp_path / "gold", 7)]
    assert LinearModel.from_json(json.loads(out.read_text())).coef == (2.0,)
    assert json.loads(capsys.readouterr().out) == {"rows": 3}
