"""Reconciled tallies and contradictions paged in SQL (sitrep.api.paged) against the Python path.

The fixture is the API's three hand-made articles copied six times (new ids, dates shifted by
60 days per copy, as the load test grows its databases) and reconciled, with a few rows bent
to reach the fallbacks: a cluster without a place, a contradiction whose item is unknown and
one without a cluster.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from sitrep.api import paged, reconciled
from sitrep.api.loadtest import grow
from sitrep.api.queries import Filters

records = sys.modules["sitrep_test_records"]  # loaded by tests/conftest.py

FILTERS = [
    Filters(),
    Filters(kind="killed"),
    Filters(kind="Injured"),
    Filters(place="Kharkiv"),
    Filters(place="ua"),
    Filters(place="Goma"),
    Filters(place="Nowhere"),
    Filters(bbox=(30.0, 45.0, 40.0, 55.0)),
    Filters(bbox=(-180.0, -90.0, 180.0, 90.0)),
    Filters(since=dt.date(2022, 6, 1)),
    Filters(until=dt.date(2022, 6, 1)),
    Filters(since=dt.date(2022, 5, 1), until=dt.date(2023, 1, 1)),
    Filters(min_count=5),
    Filters(min_count=1000),
    Filters(source="army"),
    Filters(source="ministry"),
    Filters(outlet="kyiv wire"),
    Filters(outlet="Lviv Daily"),
    Filters(q="killed"),
    Filters(q="missile"),
    Filters(article_id="nope"),
    Filters(place="Kharkiv", since=dt.date(2022, 3, 1), kind="killed"),
    Filters(place="UA", outlet="Kyiv Wire", q="people"),
]


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    db: Path = records.build_db(tmp_path_factory.mktemp("paged") / "p.duckdb")
    grow(db, 6)
    c = duckdb.connect(str(db))
    c.execute("UPDATE clusters SET place_name = NULL, place_lat = NULL WHERE id = (SELECT min(id) FROM clusters)")  # fmt: skip
    c.execute(
        """INSERT INTO contradictions (id, kind, cluster_id, item_a, item_b, source_a,
        source_b, figure_a, figure_b, date_a, date_b, rule, detail)
        SELECT id || '+', kind, NULL, 'unknown-item', item_b, 'the army', source_b,
            figure_a, figure_b, NULL, date_b, rule, detail FROM contradictions"""
    )
    c.execute(  # a best claim outside the counted ones: its place stands in for the cluster's
        """UPDATE tallies SET best_claim_id = (SELECT max(id) FROM casualties WHERE place_name = 'Kharkiv')
        WHERE cluster_id = (SELECT min(id) FROM clusters)"""
    )
    c.execute("UPDATE clusters SET first_date = NULL, last_date = NULL WHERE id = (SELECT max(id) FROM clusters)")  # fmt: skip
    c.execute(  # differing figures between casualty claims, in a cluster or none
        """INSERT INTO contradictions (id, kind, cluster_id, item_a, item_b, source_a,
        source_b, figure_a, figure_b, date_a, date_b, rule, detail)
        SELECT 'fig-' || a.id, 'figures', m.cluster_id, a.id, b.id, a.source, b.source,
            a.count, b.count, a.date, NULL, 'test', 'differing figures'
        FROM casualties a JOIN casualties b
            ON b.id = (SELECT min(x.id) FROM casualties x WHERE x.id > a.id)
        LEFT JOIN merges m ON m.item_id = a.id"""
    )
    assert reconciled.method(c) == reconciled.RECONCILED
    yield c
    c.close()


def _article_ids(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id LIMIT 3").fetchall()]


@pytest.mark.parametrize("f", FILTERS, ids=str)
def test_tallies_sql_equal_python(con: duckdb.DuckDBPyConnection, f: Filters) -> None:
    for rule in reconciled.RULES:
        old = reconciled.tallies(con, f, rule=rule)
        new, total = paged.tally_page(con, f, rule=rule, limit=1000)
        assert (new, total) == (old, len(old))


@pytest.mark.parametrize("f", FILTERS, ids=str)
def test_contradictions_sql_equal_python(con: duckdb.DuckDBPyConnection, f: Filters) -> None:
    old = reconciled.contradictions(con, f)
    new, total = paged.contradiction_page(con, f, limit=1000)
    assert (new, total) == (old, len(old))


def test_fixture_reaches_the_listings(con: duckdb.DuckDBPyConnection) -> None:
    assert len(reconciled.tallies(con, Filters())) >= 3
    kinds = {k["type"] for k in reconciled.contradictions(con, Filters())}
    assert kinds == {"denial", "figures", "update"}  # a superseded source is an update
    assert reconciled.contradictions(con, Filters(kind="killed"))
    assert con.execute("SELECT count(cluster_id) FROM contradictions").fetchone()[0] > 0
    for a in _article_ids(con):  # filters by article, on real ids
        f = Filters(article_id=a)
        assert paged.tally_page(con, f, limit=1000) == (
            reconciled.tallies(con, f),
            len(reconciled.tallies(con, f)),
        )
        old = reconciled.contradictions(con, f)
        assert paged.contradiction_page(con, f, limit=1000) == (old, len(old))


def test_pages_are_slices_in_a_stable_order(con: duckdb.DuckDBPyConnection) -> None:
    whole_t = reconciled.tallies(con, Filters())
    whole_k = reconciled.contradictions(con, Filters())
    for limit, offset in itertools.product((1, 2, 5), (0, 1, 3, 7)):
        assert paged.tally_page(con, Filters(), limit=limit, offset=offset) == (
            whole_t[offset : offset + limit],
            len(whole_t),
        )
        assert paged.contradiction_page(con, Filters(), limit=limit, offset=offset) == (
            whole_k[offset : offset + limit],
            len(whole_k),
        )
    again = [paged.tally_page(con, Filters(), limit=2, offset=o)[0] for o in range(0, 20, 2)]
    assert [t["id"] for page in again for t in page] == [t["id"] for t in whole_t]


def test_page_past_the_end_is_empty_with_the_total(con: duckdb.DuckDBPyConnection) -> None:
    n = len(reconciled.tallies(con, Filters()))
    assert paged.tally_page(con, Filters(), limit=10, offset=n) == ([], n)
    assert paged.tally_page(con, Filters(), limit=10, offset=10**9) == ([], n)
    k = len(reconciled.contradictions(con, Filters()))
    assert paged.contradiction_page(con, Filters(), limit=10, offset=k + 5) == ([], k)


def test_the_cap_holds_whatever_is_asked(con: duckdb.DuckDBPyConnection) -> None:
    assert paged.MAX_PAGE == 1000
    assert paged._cap(10**6, -3) == (paged.MAX_PAGE, 0)
    assert paged._cap(0, 5) == (1, 5)
    items, total = paged.tally_page(con, Filters(), limit=10**6)
    assert len(items) == min(total, paged.MAX_PAGE)
    # one row over the cap: a database with more contradictions than a page holds
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            """INSERT INTO contradictions (id, kind, cluster_id, item_a, item_b, detail)
            SELECT 'cap-' || i, 'figures', NULL, 'x' || i, 'y' || i, 'cap' FROM range(1001) t(i)"""
        )
        items, total = paged.contradiction_page(con, Filters(), limit=10**6)
        assert len(items) == paged.MAX_PAGE and total > paged.MAX_PAGE
    finally:
        con.execute("ROLLBACK")


def test_api_pages_past_the_end_and_refuses_over_the_cap(client: object) -> None:
    from fastapi.testclient import TestClient

    assert isinstance(client, TestClient)
    for path in ("/api/tallies", "/api/contradictions"):
        total = client.get(path).json()["total"]
        body = client.get(path, params={"offset": total + 3, "limit": 5}).json()
        assert body["items"] == [] and body["total"] == total
        assert (body["limit"], body["offset"], body["method"]) == (5, total + 3, "reconcile")
        assert client.get(path, params={"limit": 1001}).status_code == 422


def test_running_totals_come_after_the_incident_and_filter_by_scope(tmp_path: Path) -> None:
    """A cluster's running total is its own tally (its id names the scope), listed after the
    incident's figures, the same in SQL and Python; ``type`` set to an extent keeps it."""
    db = records.build_db(tmp_path / "run.duckdb", running=True)
    reconcile = pytest.importorskip("sitrep.reconcile")
    from sitrep.store import Store

    with Store(db) as st:
        reconcile.reconcile(st)
    c = duckdb.connect(str(db))
    try:
        whole = reconciled.tallies(c, Filters(place="Kharkiv"))
        assert paged.tally_page(c, Filters(place="Kharkiv"), limit=1000) == (whole, len(whole))
        scopes = [t["scope"] for t in whole]
        assert scopes.index("cumulative") > scopes.index("incident")
        ids = [t["id"] for t in whole]
        assert len(set(ids)) == len(ids)
        (cum,) = [t for t in whole if t["scope"] == "cumulative"]
        assert cum["best"] == 870 and ":cumulative:" in cum["id"]
        for scope in ("cumulative", "incident"):
            f = Filters(place="Kharkiv", type=scope)
            got = reconciled.tallies(c, f)
            assert got and {t["scope"] for t in got} == {scope}
            assert paged.tally_page(c, f, limit=1000) == (got, len(got))
    finally:
        c.close()
