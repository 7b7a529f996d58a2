from __future__ import annotations

import math

from sitrep.extract.linear import LinearModel, shipped


def test_probability_standardizes_then_weighs() -> None:
    m = LinearModel(("a", "b"), (1.0, 0.0), (2.0, 1.0), (1.0, -1.0), 0.5, threshold=0.6)
    z = 0.5 + 1.0 * (3.0 - 1.0) / 2.0 - 1.0 * (0.0 - 0.0) / 1.0
    assert math.isclose(m.probability({"a": 3.0}), 1 / (1 + math.exp(-z)))
    assert m.accepts({"a": 3.0}) and not m.accepts({"a": 1.0, "b": 1.0})


def test_json_round_trip_and_shipped_models() -> None:
    m = LinearModel(("a",), (0.0,), (1.0,), (2.0,), -1.0, meta={"seed": 0})
    assert LinearModel.from_json(m.to_json()) == m
    assert shipped("no-such-model.json") is None
    for name in ("casualty_accept.json", "speaker_rank.json"):
        model = shipped(name)
        assert model is not None and len(model.names) == len(model.coef)
