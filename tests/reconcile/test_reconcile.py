"""Reconciliation of a day's reporting on one strike, from several outlets (see conftest)."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.errors import StoreError
from sitrep.reconcile import is_stale, reconcile, split_item, unsplit_item
from sitrep.store import Store

from .conftest import Story, build_stories


def _cluster_of(store: Store, item_id: str) -> dict[str, Any]:
    return store.query(
        "SELECT c.* FROM clusters c JOIN merges m ON m.cluster_id = c.id WHERE m.item_id = ?",
        [item_id],
    )[0]


def test_wire_copy_found_and_counted_once(store: Store, stories: dict[str, Story]) -> None:
    res = reconcile(store)
    assert res.new_duplicates == 1
    dups = store.query("SELECT article_id, canonical_id FROM duplicates")
    assert dups == [{"article_id": stories["gbnews"].id, "canonical_id": stories["reuters"].id}]
    strike = _cluster_of(store, stories["reuters"].events[0].id)
    assert strike["n_reports"] == 5  # Reuters, GB News, Kyiv Independent x2, BBC
    assert strike["n_independent"] == 4  # GB News ran the Reuters copy
    assert set(strike["outlets"]) == {"Reuters", "GB News", "Kyiv Independent", "BBC"}


def test_clusters_keep_incidents_apart(store: Store, stories: dict[str, Story]) -> None:
    reconcile(store)
    strike = _cluster_of(store, stories["reuters"].events[0].id)
    members = {
        r["item_id"]
        for r in store.query("SELECT item_id FROM merges WHERE cluster_id = ?", [strike["id"]])
    }
    for name in ("gbnews", "kyivindependent", "bbc"):
        assert stories[name].events[0].id in members, name
    assert stories["update"].casualties[0].id in members
    for name in ("kyiv", "later", "kherson_ua"):
        assert stories[name].events[0].id not in members, name
    # both sides' reports of the Kherson fighting are one event despite naming the sides
    # in opposite order
    assert (
        _cluster_of(store, stories["kherson_ua"].events[0].id)["id"]
        == _cluster_of(store, stories["kherson_ru"].events[0].id)["id"]
    )
    # cumulative and historical claims are no incident
    hist = stories["reuters"].casualties[1].id
    cum = stories["nationwide"].casualties[0].id
    assert store.query("SELECT * FROM merges WHERE item_id IN (?, ?)", [hist, cum]) == []


def test_every_merge_has_its_reason(store: Store, stories: dict[str, Story]) -> None:
    reconcile(store)
    rows = store.query("SELECT * FROM merges")
    assert {r["rule"] for r in rows} <= {"seed", "geo", "same-place", "event-link", "split"}
    ki = next(r for r in rows if r["item_id"] == stories["kyivindependent"].events[0].id)
    assert ki["rule"] == "geo" and 0 < ki["distance_km"] < 5 and ki["day_gap"] == 0
    for r in rows:
        if r["rule"] != "seed":
            assert r["joined_item"] is not None


def test_tally_with_lineage(store: Store, stories: dict[str, Story]) -> None:
    reconcile(store)
    strike = _cluster_of(store, stories["reuters"].events[0].id)
    t = {
        r["rule"]: r
        for r in store.query(
            "SELECT * FROM tallies WHERE cluster_id = ? AND kind = 'killed'", [strike["id"]]
        )
    }
    # the governor's 10 (day 1) is superseded by the emergency service's 23 (day 2)
    assert (t["conservative"]["low"], t["conservative"]["best"], t["conservative"]["high"]) == (
        23,
        23,
        23,
    )
    assert t["latest"]["best"] == 23 and t["highest"]["best"] == 23
    assert t["latest"]["best_claim_id"] == stories["update"].casualties[0].id
    assert stories["kyivindependent"].casualties[0].id in t["conservative"]["superseded_ids"]
    assert t["conservative"]["copy_ids"] == [stories["gbnews"].casualties[0].id]
    assert t["conservative"]["n_sources"] == 3  # governor, emergency service, BBC's own


def test_contradiction_records(store: Store, stories: dict[str, Story]) -> None:
    reconcile(store)
    rows = store.query("SELECT * FROM contradictions")
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_kind.setdefault(r["kind"], []).append(r)
    (upd,) = [r for r in by_kind["update"] if r["rule"] == "same-source-later"]
    assert (upd["figure_a"], upd["figure_b"]) == (21, 23)
    across = [r for r in by_kind["update"] if r["rule"] == "other-source-later"]
    assert {(r["figure_a"], r["figure_b"]) for r in across} == {(10, 23)}
    assert upd["item_a"] == stories["kyivindependent"].casualties[0].id
    denial = {(r["rule"], r["source_a"]) for r in by_kind["denial"]}
    assert ("contradicts-id", "Russian Defence Ministry") in denial
    assert ("victims-match", "Moscow") in denial
    # TASS names no claim: found by the place its article names, its date and the victims
    staged = [r for r in by_kind["dispute"] if r["rule"] == "place-date-victims"]
    assert {r["source_a"] for r in staged} == {"Russian Defence Ministry"}
    disputed = {r["item_b"] for r in staged}
    assert stories["bbc"].casualties[0].id in disputed
    assert stories["update"].casualties[0].id in disputed
    assert stories["gbnews"].casualties[0].id not in disputed  # a copy stands for nothing new
    assert stories["kyiv"].casualties[0].id not in disputed  # another city
    pairs = {(r["figure_a"], r["figure_b"]) for r in by_kind["figures_differ"]}
    assert (10, 100) in pairs  # the two sides' figures for the Kherson fighting
    assert (10, 23) not in pairs  # the governor's early figure was superseded, not disputed
    assert all(r["cluster_id"] for r in rows)


def test_split_is_recorded_and_survives_reclustering(
    store: Store, stories: dict[str, Story]
) -> None:
    reconcile(store)
    bbc = stories["bbc"].events[0].id
    before = _cluster_of(store, bbc)
    split_item(store, bbc, reason="a different missile")
    after = _cluster_of(store, bbc)
    assert after["n_items"] == 1 and before["n_items"] > 1
    rest = _cluster_of(store, stories["reuters"].events[0].id)
    assert rest["id"] != after["id"] and rest["n_items"] == before["n_items"] - 1
    assert store.query("SELECT rule FROM merges WHERE item_id = ?", [bbc]) == [{"rule": "split"}]
    reconcile(store)  # a later run respects the split
    assert _cluster_of(store, bbc)["id"] == after["id"]
    assert unsplit_item(store, bbc)
    assert _cluster_of(store, bbc)["n_events"] > 1
    with pytest.raises(StoreError):
        split_item(store, "no-such-item")


def test_staleness_and_incremental_runs(store: Store) -> None:
    assert is_stale(store)
    reconcile(store)
    assert not is_stale(store)
    extra = build_stories()["reuters"]
    extra.text = "UPDATED: " + extra.text.replace("at least 10", "at least 11")
    extra.outlet = "Yahoo News"
    extra.casualties, extra.events = [], []
    store.write([extra.record()])
    assert is_stale(store)
    res = reconcile(store)
    assert res.new_duplicates == 1  # an edited copy of the Reuters report
    assert not is_stale(store)
