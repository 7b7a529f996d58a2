"""Train the casualty candidate model (:mod:`sitrep.extract.casualties.accept`) on MUC-4 keys.

Recipe: every story of the given MUC sets is parsed as ``sitrep eval casualties`` parses it;
every exact, unflagged killed/injured claim the rules extract is a candidate, labelled 1 when its (kind,
number) is one of the story's gold figures (required or optional) and 0 otherwise; features
are standardized and a L2 logistic regression (lbfgs, fixed seed) is fit. The threshold is the
one that maximizes the MUC F1 of out-of-fold probabilities (5 folds by story), so it is not
chosen on predictions the model has seen.

    python -m sitrep.train.casualty_accept --data ../shared/eval/casualties/dev \\
        --out src/sitrep/data/casualty_accept.json

The JSON also carries the coefficients of the same recipe on the first ``SUBSET`` stories,
which CI re-fits and compares (tests/train/test_casualty_accept.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sitrep import nlp as nlp_mod
from sitrep.eval.base import Progress
from sitrep.eval.casualties import (
    GoldItem,
    Story,
    candidate_text,
    collect,
    read_key,
    read_stories,
    story_claims,
)
from sitrep.eval.casualties import score as muc_score
from sitrep.extract.casualties.accept import FEATURE_NAMES, candidates, features
from sitrep.extract.linear import LinearModel
from sitrep.train.linear import fit_linear, train_main

SEED = 0
C = 0.5
SUBSET = 150
FOLDS = 5


@dataclass(frozen=True, slots=True)
class Row:
    """One candidate: its story, (kind, number), features, label and sentence."""

    story: str
    kind: str
    count: int
    feats: dict[str, float]
    label: int
    sentence: str = ""


def stories_and_gold(data: Path, *, limit: int | None = None) -> tuple[list[Story], list[GoldItem]]:
    """The MUC stories under ``data`` (the first ``limit``) and their gold items."""
    texts, keys = collect(data)
    stories = [s for p in texts for s in read_stories(p)]
    if limit is not None:
        stories = stories[:limit]
    ids = {s.id for s in stories}
    gold = [g for k in keys for g in read_key(k) if g.story in ids]
    return stories, gold


def candidate_rows(
    stories: Sequence[Story], gold: Sequence[GoldItem], progress: Progress | None = None
) -> list[Row]:
    """Feature rows of every exact killed/injured candidate in ``stories``, labelled by ``gold``."""
    progress = progress or Progress.silent()
    wanted: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for g in gold:
        for n in g.numbers:
            wanted[g.story].add((g.kind, n))
    docs = nlp_mod.parse_many([candidate_text(s.text) for s in stories], batch_size=32)
    rows: list[Row] = []
    for story, doc in progress.track(zip(stories, docs, strict=True), len(stories), "candidates"):
        pool = candidates(story_claims(doc, story))
        for c in pool:
            assert c.count is not None
            feats = features(c, story=pool, text_length=len(story.text), text=story.text)
            label = int((c.kind, c.count) in wanted[story.id])
            rows.append(Row(story.id, c.kind, c.count, feats, label, c.evidence.text))
    return rows


def _matrix(rows: Sequence[Row], names: tuple[str, ...]) -> list[list[float]]:
    return [[r.feats[n] for n in names] for r in rows]


def fit(
    rows: Sequence[Row],
    *,
    c: float = C,
    seed: int = SEED,
    threshold: float = 0.5,
    names: tuple[str, ...] = FEATURE_NAMES,
) -> LinearModel:
    """A standardized L2 logistic regression on ``rows`` (deterministic for a seed), over the
    features ``names`` (the shipped model's by default)."""
    return fit_linear(
        _matrix(rows, names), [r.label for r in rows], names, c=c, seed=seed, threshold=threshold
    )


def fold_of(ids: Sequence[str], folds: int = FOLDS) -> dict[str, int]:
    """Story -> fold: the sorted stories cut into ``folds`` runs in order."""
    ordered = sorted(set(ids))
    return {s: k * folds // len(ordered) for k, s in enumerate(ordered)}


def predicted_items(
    rows: Sequence[Row], probs: Sequence[float], threshold: float
) -> set[tuple[str, str, int]]:
    """(story, kind, number) of the candidates at or above ``threshold``."""
    return {(r.story, r.kind, r.count) for r, p in zip(rows, probs, strict=True) if p >= threshold}


def out_of_fold(
    rows: Sequence[Row],
    *,
    folds: int = FOLDS,
    c: float = C,
    seed: int = SEED,
    names: tuple[str, ...] = FEATURE_NAMES,
) -> list[float]:
    """Each row's probability from a model fit on the other folds (:func:`fold_of`)."""
    fold = fold_of([r.story for r in rows], folds)
    probs = [0.0] * len(rows)
    for f in range(folds):
        model = fit([r for r in rows if fold[r.story] != f], c=c, seed=seed, names=names)
        for i, r in enumerate(rows):
            if fold[r.story] == f:
                probs[i] = model.probability(r.feats)
    return probs


def best_threshold(rows: Sequence[Row], probs: Sequence[float], gold: Sequence[GoldItem]) -> float:
    """The threshold in 0.20..0.80 (step 0.02) with the best MUC F1 of ``probs``."""
    best, best_f1 = 0.5, -1.0
    for k in range(31):
        t = round(0.2 + 0.02 * k, 2)
        f1 = muc_score(gold, predicted_items(rows, probs, t)).f1
        if f1 > best_f1 + 1e-9:
            best, best_f1 = t, f1
    return best


def train(data: Path, *, limit: int | None = None, progress: Progress | None = None) -> LinearModel:
    """The full recipe on ``data``; the returned model's ``meta`` says how it was made."""
    stories, gold = stories_and_gold(data, limit=limit)
    rows = candidate_rows(stories, gold, progress)
    probs = out_of_fold(rows)
    threshold = best_threshold(rows, probs, gold)
    model = fit(rows, threshold=threshold)
    oof = muc_score(gold, predicted_items(rows, probs, threshold))
    subset_stories, subset_gold = stories_and_gold(data, limit=SUBSET)
    subset = fit(candidate_rows(subset_stories, subset_gold))
    meta: dict[str, Any] = {
        "recipe": "sitrep.train.casualty_accept",
        "data": data.name,
        "stories": len(stories),
        "candidates": len(rows),
        "positives": sum(r.label for r in rows),
        "seed": SEED,
        "C": C,
        "out_of_fold_f1": round(oof.f1, 4),
        "subset": {"stories": SUBSET, "coef": [round(w, 6) for w in subset.coef]},
    }
    return replace(model, threshold=threshold, meta=meta)


def main(argv: Sequence[str] | None = None) -> None:
    """Train and write the model JSON."""
    train_main(
        argv,
        description=__doc__.split("\n\n")[0],
        data=Path("../shared/eval/casualties/dev"),
        out=Path("src/sitrep/data/casualty_accept.json"),
        train=train,
    )


if __name__ == "__main__":
    main()
