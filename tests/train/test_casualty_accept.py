"""The shipped casualty candidate model: small JSON, sane decisions, and reproducible training.

The reproducibility check re-runs the training recipe on its fixed subset of the MUC-4 dev set
(``SUBSET`` stories) and compares the coefficients with those the shipped JSON recorded for the
same recipe; it needs ../shared/eval and is skipped without it.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from sitrep.extract.casualties.accept import (
    FEATURE_NAMES,
    MODEL_FILE,
    LinearModel,
    accepted,
    features,
    shipped_model,
)
from sitrep.model import CasualtyClaim, Evidence

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "casualties" / "dev"


def _claim(sentence: str, count: int, victims: str | None, **kw: object) -> CasualtyClaim:
    return CasualtyClaim(
        id=f"c{count}",
        kind=kw.pop("kind", "killed"),  # type: ignore[arg-type]
        count=count,
        low=count,
        high=count,
        hedge=kw.pop("hedge", None),  # type: ignore[arg-type]
        evidence=Evidence(0, len(sentence), sentence),
        victims=victims,
        **kw,  # type: ignore[arg-type]
    )


def test_the_shipped_model_is_small_plain_json() -> None:
    ref = resources.files("sitrep") / "data" / MODEL_FILE
    raw = ref.read_text(encoding="utf-8")
    assert len(raw) < 20_000
    data = json.loads(raw)
    assert tuple(data["names"]) == FEATURE_NAMES
    assert len(data["coef"]) == len(FEATURE_NAMES)
    model = shipped_model()
    assert 0.0 < model.threshold < 1.0
    assert LinearModel.from_json(model.to_json()) == model


def test_features_cover_every_name_and_are_numbers() -> None:
    c = _claim("SEVEN PEASANTS WERE KILLED IN THE ATTACK.", 7, "peasants")
    feats = features(c, story=[c], text_length=400)
    assert set(feats) == set(FEATURE_NAMES)
    assert all(isinstance(v, float) for v in feats.values())


def test_decisions_on_fixtures() -> None:
    """An incident's civilian dead count; a hedged figure and combat losses in a clash do not."""
    civilians = _claim("SEVEN PEASANTS WERE KILLED IN THE BOMB ATTACK.", 7, "peasants")
    hedged = _claim("ABOUT 40 PEOPLE DIED IN THE BOMB ATTACK.", 40, "people", hedge="about")
    combat = _claim("TWELVE SOLDIERS WERE KILLED IN CLASHES WITH GUERRILLAS.", 12, "soldiers")
    assert accepted([civilians], text_length=400) == [civilians]
    assert accepted([hedged], text_length=400) == []
    assert accepted([combat], text_length=400) == []


@pytest.mark.slow
def test_training_on_the_subset_reproduces_the_shipped_coefficients() -> None:
    if not DEV.is_dir():
        pytest.skip("../shared/eval/casualties/dev not present")
    pytest.importorskip("sklearn")
    from sitrep.train.casualty_accept import SUBSET, candidate_rows, fit, stories_and_gold

    meta = shipped_model().meta or {}
    stories, gold = stories_and_gold(DEV, limit=SUBSET)
    again = fit(candidate_rows(stories, gold))
    shipped = meta["subset"]["coef"]
    assert meta["subset"]["stories"] == SUBSET
    assert len(shipped) == len(again.coef)
    assert max(abs(a - b) for a, b in zip(again.coef, shipped, strict=True)) < 1e-3


def test_a_single_victim_the_story_returns_to_recurs() -> None:
    """A victim named again and again is the story's subject; one named once is an aside."""
    c = _claim("THE MAYOR OF THE TOWN WAS KILLED ON MONDAY.", 1, "mayor")
    story = "THE MAYOR OF THE TOWN WAS KILLED ON MONDAY. THE MAYOR HAD BEEN THREATENED. THE MAYOR"
    again = features(c, story=[c], text_length=len(story), text=story)["name_recurs"]
    once = features(c, story=[c], text_length=60, text=story[:44])["name_recurs"]
    assert again > once > 0.0
    assert features(c, story=[c], text_length=60)["name_recurs"] == 0.0
