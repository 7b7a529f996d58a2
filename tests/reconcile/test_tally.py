from __future__ import annotations

import datetime as dt

import pytest

from sitrep.reconcile.items import Figure, Spot
from sitrep.reconcile.tally import sum_tallies, tally_group

K = Spot("Kharkiv", "UA", 49.98, 36.25, 706483, "city")


def _f(
    fid: str,
    count: int | None,
    source: str | None,
    day: int,
    *,
    art: str | None = None,
    canon: str | None = None,
    low: int | None = None,
    high: int | None = None,
    flags: tuple[str, ...] = (),
    stance: str = "reports",
    scope: str = "incident",
    kind: str = "killed",
    start: int = 0,
) -> Figure:
    art = art or fid
    return Figure(
        id=fid,
        article_id=art,
        canonical_id=canon or art,
        outlet=f"outlet-{art}",
        kind=kind,
        count=count,
        low=count if low is None else low,
        high=high,
        source=source,
        stance=stance,
        scope=scope,
        flags=flags,
        report_date=dt.date(2022, 3, day),
        date=dt.date(2022, 3, 1),
        start=start,
        updates=None,
        victims=None,
        perpetrator=None,
        spot=K,
        confidence=0.8,
    )


FIGS = [
    _f("gov", 10, "Governor", 1),
    _f("ses1", 21, "State Emergency Service", 1),
    _f("ses2", 23, "State Emergency Service", 2),
    _f("copy", 10, "Governor", 1, art="gbnews", canon="gov"),
    _f("hist", 50, "Governor", 1, flags=("historical",)),
    _f("neg", 0, "Police", 1, flags=("negated",)),
    _f("deny", 0, "Ministry", 2, stance="denies"),
    _f("cum", 2000, "State Emergency Service", 2, scope="cumulative", low=2001),
]


@pytest.mark.parametrize(
    ("rule", "best", "best_id"),
    [("conservative", 10, "gov"), ("latest", 23, "ses2"), ("highest", 23, "ses2")],
)
def test_rules_and_lineage(rule: str, best: int, best_id: str) -> None:
    t = tally_group(FIGS, key="c1", kind="killed", rule=rule)
    assert (t.low, t.best, t.high, t.best_claim_id) == (10, best, 23, best_id)
    assert t.claim_ids == ("gov", "ses2")
    assert t.superseded_ids == ("ses1",)
    assert t.copy_ids == ("copy",)
    assert {i for i, _ in t.excluded_ids} == {"hist", "neg", "deny"}
    assert t.n_sources == 2
    assert [p.figure for p in t.series["State Emergency Service"]] == [21, 23]


def test_cumulative_is_tallied_apart() -> None:
    t = tally_group(FIGS, key="UA", kind="killed", scope="cumulative")
    assert (t.low, t.best, t.high, t.claim_ids) == (2001, 2001, 2001, ("cum",))


def test_unattributed_claims_count_per_outlet_and_copies_once() -> None:
    figs = [
        _f("a", 5, None, 1, art="A"),
        _f("b", 5, None, 1, art="B", canon="A"),
        _f("c", 7, None, 1, art="C"),
    ]
    t = tally_group(figs, key="k", kind="killed", outlets={"A": "Reuters", "C": "BBC"})
    assert set(t.series) == {"Reuters (outlet)", "BBC (outlet)"}
    assert t.copy_ids == ("b",)


def test_open_ended_and_vague_figures() -> None:
    figs = [
        _f("more", 2000, "A", 1, low=2001, high=None),
        _f("dozens", None, "B", 1, low=24, high=99),
    ]
    t = tally_group(figs, key="k", kind="killed")
    assert (t.low, t.best, t.high) == (24, 24, 2001)


def test_sum_over_clusters() -> None:
    t1 = tally_group([_f("a", 3, "A", 1)], key="c1", kind="killed")
    t2 = tally_group([_f("b", 4, "B", 1, high=6)], key="c2", kind="killed")
    (s,) = sum_tallies([t1, t2])
    assert (s.low, s.best, s.high, s.cluster_ids) == (7, 7, 9, ("c1", "c2"))


def test_unknown_rule_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown tally rule"):
        tally_group(FIGS, key="c", kind="killed", rule="average")
