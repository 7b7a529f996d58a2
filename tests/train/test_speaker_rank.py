"""The shipped speaker ranker: small JSON, sane choices, and reproducible training.

The reproducibility check re-runs the training recipe on its fixed subset of the PolNeAR
train split (the first ``SUBSET`` articles) and compares the coefficients with those the
shipped JSON recorded for the same recipe; it needs ../shared/eval and is skipped without it.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from sitrep.extract.attribution.ranker import FEATURE_NAMES, MODEL_FILE, SpeakerModel, shipped_model

TRAIN = (
    Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "quotes" / "polnear" / "train"
)


def test_the_shipped_model_is_small_plain_json() -> None:
    ref = resources.files("sitrep") / "data" / MODEL_FILE
    raw = ref.read_text(encoding="utf-8")
    assert len(raw) < 20_000
    data = json.loads(raw)
    assert tuple(data["names"]) == FEATURE_NAMES
    model = shipped_model()
    assert model is not None
    assert SpeakerModel.from_json(model.to_json()) == model
    assert "dev" not in model.meta["data"]  # never trained on the split that is reported


def test_the_model_prefers_the_subject_of_the_cue() -> None:
    model = shipped_model()
    assert model is not None
    base = dict.fromkeys(FEATURE_NAMES, 0.0)
    cue_subject = base | {"same_sentence": 1.0, "nsubj": 1.0, "cue_head": 1.0, "person": 1.0}
    far_mention = base | {"next_sentence": 1.0, "line_break": 1.0, "person": 1.0}
    assert model.probability(cue_subject) > model.probability(far_mention)


@pytest.mark.slow
def test_training_on_the_subset_reproduces_the_shipped_coefficients() -> None:
    if not TRAIN.is_dir():
        pytest.skip("../shared/eval/quotes/polnear/train not present")
    pytest.importorskip("sklearn")
    from sitrep.train.speaker_rank import SUBSET, fit, split_rows

    model = shipped_model()
    assert model is not None and model.meta is not None
    again = fit(split_rows(TRAIN, limit=SUBSET))
    shipped = model.meta["subset"]["coef"]
    assert model.meta["subset"]["articles"] == SUBSET
    assert max(abs(a - b) for a, b in zip(again.coef, shipped, strict=True)) < 1e-3
