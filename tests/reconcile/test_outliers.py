"""Which figures a tally takes: outliers set aside, a side filled in."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sitrep.reconcile.items import Figure, Spot
from sitrep.reconcile.outliers import one_side, outliers

P = Spot("Town", "XX", 10.0, 20.0, 1, "city")


def _f(fid: str, count: int | None, *, low: int | None = None, high: int | None = None,
       victims: str = "people", side: str | None = None, hedge: str | None = None) -> Figure:  # fmt: skip
    return Figure(
        id=fid, article_id=fid, canonical_id=fid, outlet="o", kind="killed", count=count,
        low=count if low is None else low, high=count if high is None else high, source="S",
        stance="reports", scope="incident", flags=(), report_date=dt.date(2024, 5, 2),
        date=None, start=0, updates=None, victims=victims, perpetrator=None, spot=P,
        confidence=0.8, hedge=hedge, side=side,
    )  # fmt: skip


def test_a_tenfold_figure_is_set_aside_among_numbers() -> None:
    keep, out = outliers([_f("a", 20), _f("b", 23), _f("c", 25), _f("war", 30000)])
    assert out == ["war"] and len(keep) == 3


def test_word_counts_stand_in_when_numbers_are_few() -> None:
    dozens = [_f(f"d{k}", None, low=24, high=99, hedge="dozens") for k in range(3)]
    keep, out = outliers([*dozens, _f("war", 91722)])
    assert out == ["war"] and keep == dozens
    # a small number beside word counts is no part set aside
    keep, out = outliers([*dozens, _f("two", 2)])
    assert out == []


def test_one_side_fills_in_the_only_side_named() -> None:
    named = _f("n", 200, victims="reservists", side="Ukrainian")
    bare = _f("b", 200, victims="reservists")
    out = one_side([named, bare])
    assert {f.group for f in out} == {"ukrainian soldiers"}
    other = _f("r", 10, victims="soldiers", side="Russian")
    out = one_side([named, bare, other])
    assert replace(bare).group == "soldiers" and {f.group for f in out} == {
        "ukrainian soldiers", "soldiers", "russian soldiers"}  # fmt: skip
