"""Incremental reconciliation gives what a full pass gives, whatever order articles come in."""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest

from sitrep.reconcile import (
    IncrementalResult,
    is_stale,
    reconcile,
    reconcile_incremental,
    split_item,
)
from sitrep.store import Store

from .conftest import Story, add_denial, build_stories


def _stories() -> dict[str, Story]:
    s = build_stories()
    add_denial(s)
    return s


def tables(store: Store) -> dict[str, Any]:
    """The reconciled tables as comparable values: clusters as partitions of items, every
    cluster row, every tally, every contradiction."""
    members: dict[str, set[str]] = {}
    for item, cid in store.con.execute("SELECT item_id, cluster_id FROM merges").fetchall():
        members.setdefault(cid, set()).add(item)
    clusters = {
        r[0]: tuple(sorted(x) if isinstance(x, list) else x for x in r[1:])
        for r in store.con.execute("SELECT * FROM clusters").fetchall()
    }
    tallies = sorted(
        tuple(json.dumps(x, sort_keys=True, default=str) for x in r)
        for r in store.con.execute("SELECT * FROM tallies").fetchall()
    )
    contras = sorted(
        tuple(str(x) for x in r)
        for r in store.con.execute("SELECT * FROM contradictions").fetchall()
    )
    return {
        "partition": sorted(sorted(m) for m in members.values()),
        "clusters": clusters,
        "tallies": tallies,
        "contradictions": contras,
    }


def _full(tmp_path: Path, stories: list[Story]) -> dict[str, Any]:
    with Store(tmp_path / "full.duckdb") as st:
        st.write(s.record() for s in stories)
        reconcile(st)
        return tables(st)


def _one_by_one(path: Path, stories: list[Story]) -> tuple[dict[str, Any], list[Any]]:
    results = []
    with Store(path) as st:
        for s in stories:
            st.write([s.record()])
            results.append(reconcile_incremental(st))
            assert not is_stale(st)
        return tables(st), results


def _full_again(path: Path) -> dict[str, Any]:
    """A full pass over a copy of the same database (the same copies found: which report of
    a wire story is canonical depends on which came first, in a full pass too)."""
    again = path.with_name("again.duckdb")
    shutil.copy(path, again)
    with Store(again) as st:
        reconcile(st)
        return tables(st)


ORDERS = ["published", "reversed", "shuffle-1", "shuffle-2", "shuffle-3"]


def _order(stories: list[Story], how: str) -> list[Story]:
    if how == "published":
        return sorted(stories, key=lambda s: (s.published, s.id))
    if how == "reversed":
        return sorted(stories, key=lambda s: (s.published, s.id), reverse=True)
    out = list(stories)
    random.Random(int(how.split("-")[1])).shuffle(out)
    return out


@pytest.mark.parametrize("how", ORDERS)
def test_incremental_adds_equal_a_full_pass(tmp_path: Path, how: str) -> None:
    stories = list(_stories().values())
    expected = _full(tmp_path, stories)
    got, results = _one_by_one(tmp_path / "incr.duckdb", _order(stories, how))
    assert got == _full_again(tmp_path / "incr.duckdb")
    assert got["partition"] == expected["partition"]
    # the first pass builds the index; every later one is incremental
    assert all(isinstance(r, IncrementalResult) and not r.full for r in results[1:])


def test_batches_and_variants_equal_a_full_pass(tmp_path: Path) -> None:
    """Two stories at once, then copies of the whole set moved by a few days (one group
    joins the first's incidents, one lies a month later) and a repeated article."""
    base = list(_stories().values())
    variants = []
    for shift in (1, 30):
        for s in _stories().values():
            v = Story(
                f"{s.text} (update +{shift})",
                s.outlet,
                s.published + dt.timedelta(days=shift),
            )
            variants.append(v)
    everything = base + variants
    expected = _full(tmp_path, everything)
    with Store(tmp_path / "incr.duckdb") as st:
        st.write(s.record() for s in base[:3])
        reconcile(st)
        batches = [
            base[3:5],
            base[5:],
            variants[: len(variants) // 2],
            variants[len(variants) // 2 :],
        ]
        for batch in batches:
            st.write(s.record() for s in batch)
            res = reconcile_incremental(st)
            assert isinstance(res, IncrementalResult) and not res.full
        st.write([base[0].record()])  # nothing new: nothing to do
        assert reconcile_incremental(st) is None
        got = tables(st)
    assert got == _full_again(tmp_path / "incr.duckdb")
    assert got["partition"] == expected["partition"]


def test_split_and_version_change_fall_back_to_a_full_pass(tmp_path: Path) -> None:
    stories = list(_stories().values())
    with Store(tmp_path / "s.duckdb") as st:
        st.write(s.record() for s in stories[:-1])
        reconcile(st)
        item = st.con.execute("SELECT item_id FROM merges LIMIT 1").fetchone()[0]
        split_item(st, item)
        st.write([stories[-1].record()])
        res = reconcile_incremental(st)
        assert isinstance(res, IncrementalResult) and not res.full
        got = tables(st)
        st.con.execute("UPDATE reconcile_state SET value = 'old' WHERE key = 'incremental'")
        st.write(
            [Story("A new line about nothing in particular.", "X", dt.date(2022, 3, 3)).record()]
        )
        res2 = reconcile_incremental(st)
        assert res2 is not None and not isinstance(res2, IncrementalResult)  # the full pass
    with Store(tmp_path / "f.duckdb") as st:
        st.write(s.record() for s in stories)
        st.con.execute("INSERT INTO cluster_splits (item_id, reason) VALUES (?, 'x')", [item])
        reconcile(st)
        assert tables(st) == got


def test_sample_and_variants_equal_a_full_pass(tmp_path: Path) -> None:
    """The bundled sample article as the pipeline reads it, then copies of its rows (the
    load test's way of growing data) moved 1, 3 and 30 days and one on its own day."""
    import sitrep
    from sitrep.api.loadtest import copy_rows

    text = (Path(__file__).parents[1] / "data" / "gbnews-2022-03-02-kharkiv.txt").read_text()
    record = sitrep.extract(text, published="2022-03-02")
    shifts = [("~v1", 1), ("~v3", 3), ("~v30", 30), ("~v0", 0)]
    path = tmp_path / "incr.duckdb"
    with Store(path) as st:
        st.write([record])
        reconcile_incremental(st)
        aid = st.con.execute("SELECT id FROM articles").fetchone()[0]
        for suffix, days in shifts:
            copy_rows(st.con, suffix, days, aid)
            res = reconcile_incremental(st)
            assert isinstance(res, IncrementalResult) and not res.full
        got = tables(st)
    assert got["partition"]
    assert got == _full_again(path)
    with Store(tmp_path / "fresh.duckdb") as st:
        st.write([record])
        for suffix, days in shifts:
            copy_rows(st.con, suffix, days, aid)
        reconcile(st)
        assert tables(st)["partition"] == got["partition"]


@pytest.mark.parametrize("how", ["published", "reversed", "shuffle-1"])
def test_running_totals_incrementally_equal_a_full_pass(tmp_path: Path, how: str) -> None:
    """A follow-up whose figures are all running totals: its tallies of every extent come
    out the same whichever order the articles arrive in."""
    from .test_passes import stories_with_running_totals

    stories = list(stories_with_running_totals().values())
    got, _ = _one_by_one(tmp_path / "incr.duckdb", _order(stories, how))
    assert got == _full_again(tmp_path / "incr.duckdb")
    assert any('"cumulative"' in row for t in got["tallies"] for row in t)
