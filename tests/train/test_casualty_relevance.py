"""The text-filtering experiment for MUC casualty figures: terms, the text model's vocabulary
and fit, its out-of-fold scores, and the scoring of a variant, on made-up stories."""

from __future__ import annotations

import pytest

from sitrep.eval.casualties import GoldItem
from sitrep.extract.casualties.accept import FEATURE_NAMES
from sitrep.train.casualty_accept import Row, fold_of
from sitrep.train.casualty_relevance import (
    evaluate,
    fit_text,
    log_odds,
    out_of_fold_text,
    terms,
)

pytest.importorskip("sklearn")

RELEVANT = "gunmen bombed a bus and killed passengers in the town"
IRRELEVANT = "the senate debated the budget and the minister resigned"


def test_terms_are_lower_case_words_and_optional_pairs() -> None:
    assert terms("Gunmen KILLED 12 people") == {"gunmen", "killed", "people"}
    assert "killed people" in terms("Gunmen KILLED 12 people", pairs=True)


def _corpus(n: int) -> tuple[list[set[str]], list[int], list[str]]:
    docs, labels, groups = [], [], []
    for k in range(n):
        relevant = k % 2 == 0
        docs.append(terms((RELEVANT if relevant else IRRELEVANT) + f" story{chr(97 + k)}"))
        labels.append(int(relevant))
        groups.append(f"s{k:02d}")
    return docs, labels, groups


def test_the_text_model_weighs_shared_words_and_never_a_single_story_s_word() -> None:
    docs, labels, groups = _corpus(20)
    model = fit_text(docs, labels, groups, min_df=5, c=1.0)
    weights, _ = model
    assert weights["bombed"] > 0 > weights["budget"]
    assert not any(t.startswith("story") for t in weights)  # each is in one story only
    assert log_odds(model, terms(RELEVANT)) > 0 > log_odds(model, terms(IRRELEVANT))
    assert fit_text(docs, labels, groups, min_df=5, c=1.0) == model


def test_out_of_fold_scores_come_from_the_other_folds() -> None:
    docs, labels, groups = _corpus(26)
    folds = fold_of(groups, 3)
    assert sorted(set(folds.values())) == [0, 1, 2]
    scores = out_of_fold_text(docs, labels, groups, folds, c=1.0)
    assert len(scores) == 26
    assert all((s > 0) == bool(y) for s, y in zip(scores, labels, strict=True))


def test_evaluate_scores_a_text_feature_on_cv_and_a_test_set() -> None:
    """A figure in a relevant story is the key's; the text feature alone separates them."""
    rows, gold = [], []
    for k in range(40):
        relevant = k % 2 == 0
        feats = dict.fromkeys(FEATURE_NAMES, 0.0)
        rows.append(Row(f"s{k:02d}", "killed", 3, feats, int(relevant)))
        if relevant:
            gold.append(GoldItem(f"s{k:02d}", "killed", frozenset({3}), False))
    extra = [2.0 if r.label else -2.0 for r in rows]
    tests = {"tst": (rows[:10], gold[:5])}
    with_text = evaluate((rows, gold), tests, extra, {"tst": extra[:10]})
    without = evaluate((rows, gold), tests, None, None)
    assert with_text["cv"] == with_text["tst"] == 1.0
    assert without["cv"] < 1.0
    gated = evaluate((rows, gold), tests, extra, {"tst": extra[:10]}, gate=True)
    assert gated["cv"] == 1.0
