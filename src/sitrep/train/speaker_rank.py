"""Train the speaker ranker (:mod:`sitrep.extract.attribution.ranker`) on PolNeAR's train split.

Recipe: every article of the split is parsed as ``sitrep eval quotes`` parses it; for each
quotation the rules find that overlaps a gold quoted attribution with a Source, every
candidate mention around it is a row, labelled 1 when its span overlaps the gold Source and 0
otherwise; quotations where no candidate is right are left out (nothing to rank). Features
are standardized and an L2 logistic regression (lbfgs, fixed seed) is fit. Never trained on
the dev split, which ``sitrep eval quotes`` reports.

    python -m sitrep.train.speaker_rank --data ../shared/eval/quotes/polnear/train \\
        --out src/sitrep/data/speaker_rank.json

The JSON also carries the coefficients of the same recipe on the first ``SUBSET`` articles,
which CI re-fits and compares (tests/train/test_speaker_rank.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from sitrep import nlp as nlp_mod
from sitrep.eval.quotes import GoldDoc, load_split
from sitrep.extract.attribution.quotes import quotes as extract_quotes
from sitrep.extract.attribution.ranker import (
    FEATURE_NAMES,
    Sentences,
    SpeakerModel,
    candidates,
    features,
)
from sitrep.extract.attribution.settle import attribute_quotes
from sitrep.model import Article
from sitrep.train.linear import fit_linear, train_main

SEED = 0
C = 1.0
SUBSET = 40


@dataclass(frozen=True, slots=True)
class Row:
    """One candidate speaker of one quotation: its article, quotation, features and label."""

    doc: str
    quote: int
    feats: dict[str, float]
    label: int


def _overlap(a: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def doc_rows(gdoc: GoldDoc, doc: Doc) -> list[Row]:
    """The candidate rows of one parsed article, labelled by its gold Sources."""
    found = extract_quotes(doc, article=Article(id=gdoc.name, text=gdoc.text), times=[])
    sents = Sentences(doc)
    rows: list[Row] = []
    for n, q in enumerate(attribute_quotes(doc, found, rank=False)):
        gold = next((g for g in gdoc.gold if _overlap((q.start, q.end), g.content)), None)
        if gold is None or not gold.source:
            continue
        open_at, close_at = max(0, q.start - 1), q.end + 1
        cands = candidates(sents, open_at, close_at)
        rule = None
        if q.speaker_start is not None and q.speaker_end is not None:
            rule = (q.speaker_start, q.speaker_end)
        labels = [int(_overlap((c.start, c.end), gold.source)) for c in cands]
        if not any(labels):
            continue
        for f, y in zip(features(doc, sents, cands, open_at, close_at, rule), labels, strict=True):
            rows.append(Row(gdoc.name, n, f, y))
    return rows


def split_rows(data: Path, *, limit: int | None = None) -> list[Row]:
    """Rows of the first ``limit`` articles of a PolNeAR split."""
    docs = load_split(data)
    if limit is not None:
        docs = docs[:limit]
    parsed = nlp_mod.parse_many(d.text for d in docs)
    return [r for g, doc in zip(docs, parsed, strict=True) for r in doc_rows(g, doc)]


def fit(rows: Sequence[Row], *, c: float = C, seed: int = SEED) -> SpeakerModel:
    """A standardized L2 logistic regression on ``rows`` (deterministic for a seed)."""
    x = [[r.feats[n] for n in FEATURE_NAMES] for r in rows]
    return fit_linear(x, [r.label for r in rows], FEATURE_NAMES, c=c, seed=seed)


def top1(rows: Sequence[Row], model: SpeakerModel) -> tuple[float, float]:
    """(ranker, rules) share of quotations whose top candidate is right."""
    groups: dict[tuple[str, int], list[Row]] = {}
    for r in rows:
        groups.setdefault((r.doc, r.quote), []).append(r)
    ranked = ruled = 0
    for group in groups.values():
        best = max(group, key=lambda r: model.probability(r.feats))
        ranked += best.label
        ruled += any(r.label and r.feats["rule_pick"] for r in group)
    n = max(1, len(groups))
    return ranked / n, ruled / n


def train(data: Path, *, limit: int | None = None) -> SpeakerModel:
    """The full recipe on ``data``; the returned model's ``meta`` says how it was made."""
    rows = split_rows(data, limit=limit)
    model = fit(rows)
    first = {d.name for d in load_split(data)[:SUBSET]}
    subset = fit([r for r in rows if r.doc in first])
    ranked, ruled = top1(rows, model)
    meta: dict[str, Any] = {
        "recipe": "sitrep.train.speaker_rank",
        "data": f"{data.parent.name}/{data.name}",
        "articles": len({r.doc for r in rows}),
        "candidates": len(rows),
        "quotations": len({(r.doc, r.quote) for r in rows}),
        "seed": SEED,
        "C": C,
        "train_top1": round(ranked, 4),
        "train_rules_top1": round(ruled, 4),
        "subset": {"articles": SUBSET, "coef": [round(w, 6) for w in subset.coef]},
    }
    return replace(model, meta=meta)


def main(argv: Sequence[str] | None = None) -> None:
    """Train and write the model JSON."""
    train_main(
        argv,
        description=__doc__.split("\n\n")[0],
        data=Path("../shared/eval/quotes/polnear/train"),
        out=Path("src/sitrep/data/speaker_rank.json"),
        train=train,
    )


if __name__ == "__main__":
    main()
