"""Text filtering for MUC casualty figures (issue #16): does a story-relevance or sentence-context
text classifier help the casualty acceptance model (:mod:`sitrep.extract.casualties.accept`)?

MUC-4 keys only count human targets of relevant terrorist incidents, so many false positives
sit in stories whose key has no figure. The classic MUC remedy is text filtering. This module
fits such filters and measures them; nothing it fits ships, because none beat the acceptance
model alone on story-grouped cross-validation on dev (numbers below).

Text model: an L2 logistic regression (scikit-learn, train time only, seed 0) over the presence
of lower-cased words (and, optionally, adjacent word pairs), with a vocabulary limited to terms
found in at least ``MIN_DF`` development stories, so that no story's own names are memorised.
Variants compared (``python -m sitrep.train.casualty_relevance``):

- ``story-figure``: the whole story, labelled by "its key holds a countable figure"; trained on
  the stories with at least one candidate; its out-of-fold log-odds are one more feature;
- ``story-template``: the same, labelled by "its key holds any template";
- ``story-gate``: ``story-figure`` as a gate (a story below the gate keeps no figure; the gate
  is chosen on out-of-fold predictions);
- ``sentence``: the candidate's sentence, labelled as the candidate (its figure is in the key).

Every variant is scored like the acceptance model: 5 folds by story on dev (the text model's
out-of-fold probabilities feed the acceptance model's own out-of-fold fit, the threshold is
chosen on them), then a fit on all of dev applied to tst1 and tst2, which no model has seen.
Measured on 2026-12-06 (MUC F1: CV on dev / tst1 / tst2; the acceptance model alone is "none"):
none 0.718 / 0.747 / 0.686; story-figure 0.713 / 0.730 / 0.705 (the filter's AUC over stories
with candidates: 0.78 CV, 0.81 tst1, 0.60 tst2); story-template 0.715 / 0.747 / 0.705;
story-gate 0.720 / 0.747 / 0.686; sentence 0.718 / 0.744 / 0.718 (paired bootstrap over
stories: a gain in 49 % of dev resamples, in 86 % of tst1+tst2 ones, 90 % interval
-0.008..+0.039). Word pairs, other C, the lead only, and both text features at once did no
better.
"""

from __future__ import annotations

import argparse
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from sitrep.eval.casualties import GoldItem, Story, collect, keyed_stories
from sitrep.eval.casualties import score as muc_score
from sitrep.extract.casualties.accept import FEATURE_NAMES
from sitrep.train.casualty_accept import (
    SEED,
    Row,
    best_threshold,
    candidate_rows,
    fit,
    fold_of,
    out_of_fold,
    predicted_items,
    stories_and_gold,
)

MIN_DF = 5
TEXT_C = 0.1
_WORD = re.compile(r"[a-z]+")

Weights = tuple[dict[str, float], float]  # term -> weight, intercept


def terms(text: str, *, pairs: bool = False) -> set[str]:
    """The lower-cased words of ``text`` (digits dropped) and, with ``pairs``, adjacent pairs."""
    words = _WORD.findall(text.lower())
    out = set(words)
    if pairs:
        out.update(f"{a} {b}" for a, b in pairwise(words))
    return out


def fit_text(
    docs: Sequence[set[str]],
    labels: Sequence[int],
    groups: Sequence[str],
    *,
    min_df: int = MIN_DF,
    c: float = TEXT_C,
    seed: int = SEED,
) -> Weights:
    """A logistic regression over term presence; the vocabulary is the terms found in at least
    ``min_df`` distinct ``groups`` (stories), so a term of one story never gets a weight."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    per_group: dict[str, set[str]] = {}
    for d, g in zip(docs, groups, strict=True):
        per_group.setdefault(g, set()).update(d)
    df = Counter(t for ts in per_group.values() for t in ts)
    vocab = {t: i for i, t in enumerate(sorted(t for t, n in df.items() if n >= min_df))}
    rows, cols = [], []
    for i, d in enumerate(docs):
        for t in d:
            if t in vocab:
                rows.append(i)
                cols.append(vocab[t])
    x = csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(docs), len(vocab)))
    clf = LogisticRegression(C=c, max_iter=5000, random_state=seed).fit(x, list(labels))
    weights = {t: float(clf.coef_[0][i]) for t, i in vocab.items() if clf.coef_[0][i] != 0.0}
    return weights, float(clf.intercept_[0])


def log_odds(model: Weights, doc: set[str]) -> float:
    """The text model's log-odds for one document's terms."""
    weights, intercept = model
    return intercept + sum(weights.get(t, 0.0) for t in doc)


def out_of_fold_text(
    docs: Sequence[set[str]],
    labels: Sequence[int],
    groups: Sequence[str],
    folds: dict[str, int],
    *,
    c: float = TEXT_C,
) -> list[float]:
    """Each document's log-odds from a text model fit on the other folds."""
    out = [0.0] * len(docs)
    for f in sorted(set(folds.values())):
        train = [i for i, g in enumerate(groups) if folds[g] != f]
        model = fit_text(
            [docs[i] for i in train], [labels[i] for i in train], [groups[i] for i in train], c=c
        )
        for i, g in enumerate(groups):
            if folds[g] == f:
                out[i] = log_odds(model, docs[i])
    return out


def _with(rows: Sequence[Row], extra: Sequence[float]) -> list[Row]:
    return [replace(r, feats={**r.feats, "text": v}) for r, v in zip(rows, extra, strict=True)]


def evaluate(
    dev: tuple[list[Row], list[GoldItem]],
    tests: dict[str, tuple[list[Row], list[GoldItem]]],
    dev_extra: Sequence[float] | None,
    test_extra: dict[str, list[float]] | None,
    *,
    gate: bool = False,
) -> dict[str, float]:
    """MUC F1 of the acceptance model with one extra text feature (or none, or as a gate): on
    dev out of fold, and on each test set from a fit on all of dev."""
    rows, gold = dev
    names = FEATURE_NAMES if dev_extra is None or gate else (*FEATURE_NAMES, "text")
    x_rows = rows if dev_extra is None or gate else _with(rows, dev_extra)
    probs = out_of_fold(x_rows, names=names)
    gates = [0.0] if not gate or dev_extra is None else [-3.0 + 0.25 * k for k in range(13)]
    best = (-1.0, 0.5, -math.inf)
    for g in gates:
        kept = [
            p if dev_extra is None or not gate or e >= g else 0.0
            for p, e in zip(probs, dev_extra or probs, strict=True)
        ]
        t = best_threshold(x_rows, kept, gold)
        f1 = muc_score(gold, predicted_items(x_rows, kept, t)).f1
        if f1 > best[0] + 1e-9:
            best = (f1, t, g)
    out = {"cv": round(best[0], 4)}
    full = fit(x_rows, names=names)
    for name, (t_rows, t_gold) in tests.items():
        extra = (test_extra or {}).get(name, [0.0] * len(t_rows))
        x_t = t_rows if dev_extra is None or gate else _with(t_rows, extra)
        probs_t = [
            full.probability(r.feats) if not gate or e >= best[2] else 0.0
            for r, e in zip(x_t, extra, strict=True)
        ]
        out[name] = round(muc_score(t_gold, predicted_items(x_t, probs_t, best[1])).f1, 4)
    return out


Variant = Callable[[list[Story], list[Row]], list[set[str]]]


def compare(dev_dir: Path, test_dirs: Sequence[Path]) -> dict[str, dict[str, float]]:
    """Every variant of the module docstring, scored on dev (CV) and each test set."""
    dev_stories, dev_gold = stories_and_gold(dev_dir)
    dev_rows = candidate_rows(dev_stories, dev_gold)
    tests = {}
    test_stories = {}
    for d in test_dirs:
        st, gold = stories_and_gold(d)
        tests[d.name] = (candidate_rows(st, gold), gold)
        test_stories[d.name] = st
    keyed = {s for k in collect(dev_dir)[1] for s in keyed_stories(k)}
    with_figure = {g.story for g in dev_gold}
    results = {"none": evaluate((dev_rows, dev_gold), tests, None, None)}
    folds = fold_of([r.story for r in dev_rows])
    text_of = {s.id: terms(s.text) for s in dev_stories}
    cand = sorted(folds)
    for label, positive in (("figure", with_figure), ("template", keyed)):
        docs = [text_of[s] for s in cand]
        labels = [int(s in positive) for s in cand]
        story_oof = dict(zip(cand, out_of_fold_text(docs, labels, cand, folds), strict=True))
        full = fit_text(docs, labels, cand)
        dev_extra = [story_oof[r.story] for r in dev_rows]
        test_extra = {}
        for name, (t_rows, _) in tests.items():
            by_id = {s.id: terms(s.text) for s in test_stories[name]}
            test_extra[name] = [log_odds(full, by_id[r.story]) for r in t_rows]
        results[f"story-{label}"] = evaluate((dev_rows, dev_gold), tests, dev_extra, test_extra)
        if label == "figure":
            results["story-gate"] = evaluate(
                (dev_rows, dev_gold), tests, dev_extra, test_extra, gate=True
            )
    docs = [terms(r.sentence) for r in dev_rows]
    labels = [r.label for r in dev_rows]
    groups = [r.story for r in dev_rows]
    full = fit_text(docs, labels, groups, c=0.3)
    dev_extra = out_of_fold_text(docs, labels, groups, folds, c=0.3)
    test_extra = {
        n: [log_odds(full, terms(r.sentence)) for r in t_rows] for n, (t_rows, _) in tests.items()
    }
    results["sentence"] = evaluate((dev_rows, dev_gold), tests, dev_extra, test_extra)
    return results


def main(argv: Sequence[str] | None = None) -> None:
    """Print the comparison of the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    base = Path("../shared/eval/casualties")
    ap.add_argument("--dev", type=Path, default=base / "dev")
    ap.add_argument("--test", type=Path, nargs="*", default=[base / "tst1", base / "tst2"])
    args = ap.parse_args(argv)
    for name, scores in compare(args.dev, args.test).items():
        print(name, " ".join(f"{k} {v:.3f}" for k, v in scores.items()))


if __name__ == "__main__":
    main()
