"""A logistic regression as plain numbers, shared by the learned components of extract/.

The casualty acceptance model (``casualties.accept``) and the speaker ranker
(``attribution.ranker``) are both standardized L2 logistic regressions whose weights ship as
small JSON in ``sitrep/data``; ``sitrep.train`` writes them.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class LinearModel:
    """A logistic regression as plain numbers: standardization, weights, bias and threshold.

    Used by the casualty acceptance model (which reads ``threshold``) and the speaker ranker
    (which only compares probabilities).

    Attributes:
        names: the feature names, in the order of ``mean``, ``scale`` and ``coef``.
        mean: each feature's training mean (subtracted before weighting).
        scale: each feature's training standard deviation (divided by).
        coef: the weights.
        intercept: the bias.
        threshold: the probability from which a candidate is accepted.
        meta: how the model was trained (recipe, data, seed, scores).
    """

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float = 0.5
    meta: dict[str, Any] | None = None

    def probability(self, feats: dict[str, float]) -> float:
        """The model's probability that a candidate with these features counts."""
        z = self.intercept
        for name, mu, sd, w in zip(self.names, self.mean, self.scale, self.coef, strict=True):
            z += w * (feats.get(name, 0.0) - mu) / sd
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    def accepts(self, feats: dict[str, float]) -> bool:
        """Whether the probability reaches the threshold."""
        return self.probability(feats) >= self.threshold

    def to_json(self) -> dict[str, Any]:
        """The model as a JSON object (what ships in ``sitrep/data``)."""
        return {
            "names": list(self.names),
            "mean": [round(v, 8) for v in self.mean],
            "scale": [round(v, 8) for v in self.scale],
            "coef": [round(v, 8) for v in self.coef],
            "intercept": round(self.intercept, 8),
            "threshold": self.threshold,
            "meta": self.meta or {},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinearModel:
        """Read a model written by :meth:`to_json`."""
        return cls(
            names=tuple(data["names"]),
            mean=tuple(float(v) for v in data["mean"]),
            scale=tuple(float(v) for v in data["scale"]),
            coef=tuple(float(v) for v in data["coef"]),
            intercept=float(data["intercept"]),
            threshold=float(data.get("threshold", 0.5)),
            meta=dict(data.get("meta") or {}),
        )


def shipped(filename: str) -> LinearModel | None:
    """The model ``sitrep/data/<filename>`` that ships with sitrep, or ``None`` if absent."""
    ref = resources.files("sitrep") / "data" / filename
    if not ref.is_file():
        return None
    return LinearModel.from_json(json.loads(ref.read_text(encoding="utf-8")))


__all__ = ["LinearModel", "shipped"]
