"""Tallies for every extent: running totals reported alongside an incident get their own
tallies in that incident's cluster, never mixed with its own figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitrep.reconcile import query, reconcile
from sitrep.reconcile.items import Figure, Item, Spot
from sitrep.reconcile.passes import SCOPES, scope_clusters
from sitrep.store import Store

from .conftest import AIR, KHARKIV, Story, add_denial, build_stories

D = dt.date


def running_total_story() -> Story:
    """A made-up follow-up whose only figures are running totals (and a flagged one)."""
    s = Story(
        "Rescuers cleared the rubble of the administration building in Kharkiv after "
        "Tuesday's missile strike. Since the invasion began, 870 civilians have been killed "
        "in the region, the regional prosecutor said on Thursday, and 40 people were killed in "
        "the city in the past 24 hours. A ceasefire could save 500 lives, one official said.",
        "Regional Herald",
        D(2022, 3, 3),
    )
    s.event("strike", "Tuesday's missile strike", place=KHARKIV, date=D(2022, 3, 1), **AIR)
    s.killed(
        "cum",
        "870 civilians have been killed",
        870,
        victims="civilians",
        source="regional prosecutor",
        place=KHARKIV,
        period="2022-02-24/2022-03-03",
        scope="cumulative",
    )
    s.killed(
        "day",
        "40 people were killed in the city in the past 24 hours",
        40,
        place=KHARKIV,
        scope="cumulative",
        period="P1D/2022-03-03",
    )
    s.killed(
        "hyp",
        "save 500 lives",
        500,
        place=KHARKIV,
        scope="cumulative",
        flags=("hypothetical",),
    )
    return s


def stories_with_running_totals() -> dict[str, Story]:
    s = build_stories()
    add_denial(s)
    s["running"] = running_total_story()
    return s


def _db(tmp_path: Path, stories: dict[str, Story]) -> Store:
    st = Store(tmp_path / "scopes.duckdb")
    st.write(x.record() for x in stories.values())
    reconcile(st)
    return st


def test_running_totals_are_tallied_apart_in_their_incident(tmp_path: Path) -> None:
    stories = stories_with_running_totals()
    run = stories["running"]
    with _db(tmp_path, stories) as st:
        strike = st.query(
            "SELECT cluster_id FROM merges WHERE item_id = ?", [stories["reuters"].events[0].id]
        )[0]["cluster_id"]
        rows = query.cluster_tallies(st)
        mine = [r for r in rows if r["cluster_id"] == strike]
        # the incident's own figures first, then the running totals, one tally per extent
        scopes = [r["scope"] for r in mine]
        assert scopes == sorted(scopes, key=SCOPES.index)
        assert scopes[0] == "incident"
        killed = {(r["scope"], r["kind"]): r for r in mine if r["kind"].startswith("killed")}
        assert killed[("incident", "killed")]["best"] == 23  # unchanged by the running totals
        cum = next(r for (sc, _), r in killed.items() if sc == "cumulative")
        assert cum["best"] == 870 and cum["claim_ids"] == [run.casualties[0].id]
        daily = next(r for (sc, _), r in killed.items() if sc == "daily")
        assert daily["best"] == 40
        # a flagged claim joins no tally; no tally of one extent holds another's claim
        every = {i for r in rows for i in r["claim_ids"] + r["superseded_ids"]}
        assert run.casualties[2].id not in every
        for r in mine:
            assert r["low"] <= r["best"] <= r["high"]
        # the filter keeps one extent, and a place's sum counts incident tallies only
        only = query.cluster_tallies(st, scope="cumulative")
        assert only and {r["scope"] for r in only} == {"cumulative"}
        by_place = query.place_tallies(st, query.Filters(place="Kharkiv"), kind="killed")
        summed = [r for r in by_place if r["scope"] == "incident"]
        assert summed and all(870 not in (r["best"], r["high"]) for r in summed)
        # an event cluster's casualties are its incident figures
        ev = next(e for e in query.events(st) if e["id"] == strike)
        assert ev["casualties"]["killed"]["best"] == 23


def test_an_article_with_nothing_clustered_keeps_its_totals_out(tmp_path: Path) -> None:
    s = Story(
        "Since the war began, 1,200 people have been killed across the country, the "
        "ministry said in its weekly bulletin.",
        "Weekly Bulletin",
        D(2022, 3, 4),
    )
    s.killed("cum", "1,200 people have been killed", 1200, scope="cumulative",
             period="2022-02-24/2022-03-04")  # fmt: skip
    with _db(tmp_path, {"only": s}) as st:
        assert st.query("SELECT count(*) AS n FROM tallies")[0]["n"] == 0


def _fig(fid: str, art: str, scope: str, flags: tuple[str, ...] = ()) -> Figure:
    return Figure(
        id=fid, article_id=art, canonical_id=art, outlet="o", kind="killed", count=5, low=5,
        high=5, source=None, stance="reports", scope=scope, flags=flags, report_date=D(2024, 1, 2),
        date=None, start=0, updates=None, victims=None, perpetrator=None, spot=SPOT,
        confidence=0.8,
    )  # fmt: skip


def _item(iid: str, art: str, casualty_ids: tuple[str, ...] = ()) -> Item:
    return Item(iid, "event", art, art, "o", D(2024, 1, 2), D(2024, 1, 1), SPOT,
                casualty_ids=casualty_ids)  # fmt: skip


SPOT = Spot("Town", "XX", 10.0, 20.0, 1, "city")


def test_scope_clusters_follow_the_linked_event_else_the_article_s_main_cluster() -> None:
    figs = [
        _fig("linked", "a", "cumulative"),
        _fig("loose", "a", "war-wide"),
        _fig("own", "a", "incident"),  # an incident claim is clustered on its own, or nowhere
        _fig("flagged", "a", "cumulative", ("historical",)),
        _fig("alone", "b", "cumulative"),  # its article has nothing clustered
    ]
    items = [_item("e1", "a", ("linked",)), _item("e2", "a"), _item("e3", "a")]
    cluster_of = {"e1": "c-small", "e2": "c-main", "e3": "c-main"}
    for order in (items, items[::-1]):
        got = scope_clusters(figs, order, cluster_of)
        assert got == {"linked": "c-small", "loose": "c-main"}
