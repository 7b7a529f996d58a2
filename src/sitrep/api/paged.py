"""Reconciled tallies and contradictions filtered, ordered and paged in SQL.

:mod:`sitrep.api.reconciled` builds whole listings in Python (reports and the CLI use them);
the API pages here instead: one query filters and orders the reconciler's rows with every
filter the listing accepts, a second counts them, and only the page's rows are turned into
items, with only the claims and statements they cite read back. Each filter below mirrors
``reconciled._keep`` and its callers, so a page is the same slice of the same list
(``tests/api/test_paged.py`` checks it on a fixture database).

Indexes: DuckDB's ART indexes serve point lookups and very selective filters (under ~0.1 %
of rows), not range filters or sorts (docs: *SQL → Indexes*); dates and coordinates are
pruned by the min-max zone maps DuckDB keeps on every column of every row group. The lookups
these queries make by id (``clusters.id``, ``casualties.id``, ``claims.id``, the tallies'
primary key) already have the ART of their primary keys, so no index is added.
"""

from __future__ import annotations

from typing import Any

import duckdb

from sitrep.api.queries import Filters, _Where, claims_by_ids, rows, statements_by_ids
from sitrep.api.reconciled import (
    contradiction_item,
    contradiction_sides,
    tally_item,
    tally_place_days,
)
from sitrep.reconcile.groups import EXTENTS
from sitrep.reconcile.query import SCOPE_ORDER

MAX_PAGE = 1000
"""The hard cap on one page, whatever the caller asks for."""

# casualty claims and attributed statements with what the filters read (a statement has no
# kind nor place; an id that is a casualty claim is never read as a statement)
# (only the rows the listing cites: ``$cited`` is a subquery of their ids)
_CASUALTIES = """
    SELECT c.id, c.article_id, c.kind, c.place_name, c.place_country, c.place_lat, c.place_lon,
        c.source, c.evidence, coalesce(c.date, c.as_of, a.published) AS day, a.outlet
    FROM casualties c JOIN articles a ON a.id = c.article_id WHERE c.id IN ($cited)"""
_ITEMS = f"""{_CASUALTIES}
    UNION ALL
    SELECT s.id, s.article_id, NULL, NULL, NULL, NULL, NULL, s.source, s.evidence,
        a.published, a.outlet
    FROM claims s JOIN articles a ON a.id = s.article_id
    WHERE s.id IN ($cited) AND NOT EXISTS (SELECT 1 FROM casualties x WHERE x.id = s.id)"""


def _cap(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(int(limit), MAX_PAGE)), max(0, int(offset))


def _place_match(w: _Where, f: Filters, name: str, country: str, lat: str, lon: str) -> None:
    if f.place:
        w.add(f"(lower({name}) = lower(?) OR {country} = upper(?))", f.place, f.place)
    if f.bbox:
        x0, y0, x1, y1 = f.bbox
        w.add(f"({lon} BETWEEN ? AND ? AND {lat} BETWEEN ? AND ?)", x0, x1, y0, y1)


def _any_item(w: _Where, f: Filters, exists: str) -> None:
    """Filters any one of a row's items must pass: ``exists`` is ``EXISTS (... AND {})``."""
    if f.outlet:
        w.add(exists.format("lower(i.outlet) = lower(?)"), f.outlet)
    if f.source:
        w.add(exists.format("contains(lower(i.source), lower(?))"), f.source)
    if f.article_id:
        w.add(exists.format("i.article_id = ?"), f.article_id)
    if f.q:
        w.add(exists.format("contains(lower(i.evidence), lower(?))"), f.q)


def _page(
    con: duckdb.DuckDBPyConnection, sql: str, w: _Where, order: str, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """The page and the total in one query (a window count before LIMIT); a page past the
    end has no row to carry the total, so only then is it counted on its own."""
    full = f"{sql}{w.sql()}"
    page = rows(
        con,
        f"SELECT *, count(*) OVER () AS _total FROM ({full}) t ORDER BY {order} LIMIT ? OFFSET ?",
        [*w.params, limit, offset],
    )
    if page:
        total = int(page[0]["_total"])
    else:
        got = con.execute(f"SELECT count(*) FROM ({full})", w.params).fetchone()
        total = int(got[0]) if got else 0
    return page, total


# -- tallies ------------------------------------------------------------------------------
_TALLIES = f"""
    WITH tc AS (
        SELECT cluster_id, kind AS tkind, scope AS tscope, unnest(claim_ids) AS cid,
            unnest(range(1, len(claim_ids) + 1)) AS pos
        FROM tallies WHERE rule = $rule
    ),
    it AS ({_CASUALTIES.replace("$cited", "SELECT cid FROM tc UNION ALL SELECT best_claim_id FROM tallies WHERE rule = $rule")}),
    ti AS (
        SELECT tc.cluster_id, tc.tkind, tc.tscope, tc.cid, tc.pos, it.*
        FROM tc JOIN it ON it.id = tc.cid
    ),
    agg AS (
        SELECT cluster_id, tkind, tscope, min(day) AS dmin, max(day) AS dmax,
            arg_min(cid, pos) AS first
        FROM ti GROUP BY cluster_id, tkind, tscope
    ),
    tp AS (
        SELECT t.*, c.place_name, c.place_country, c.place_lat, c.place_lon,
            c.first_date, c.last_date,
            CASE WHEN b.id IS NOT NULL THEN b.place_name ELSE fi.place_name END AS b_name,
            CASE WHEN b.id IS NOT NULL THEN b.place_country ELSE fi.place_country END AS b_country,
            CASE WHEN b.id IS NOT NULL THEN b.place_lat ELSE fi.place_lat END AS b_lat,
            CASE WHEN b.id IS NOT NULL THEN b.place_lon ELSE fi.place_lon END AS b_lon,
            CASE WHEN c.first_date IS NULL AND c.last_date IS NULL THEN agg.dmin
                ELSE least(c.first_date, c.last_date) END AS d_first,
            CASE WHEN c.first_date IS NULL AND c.last_date IS NULL THEN agg.dmax
                ELSE greatest(c.first_date, c.last_date) END AS d_last
        FROM tallies t LEFT JOIN clusters c ON c.id = t.cluster_id
        LEFT JOIN agg ON agg.cluster_id = t.cluster_id AND agg.tkind = t.kind
            AND agg.tscope = t.scope
        LEFT JOIN it b ON b.id = t.best_claim_id
        LEFT JOIN it fi ON fi.id = agg.first
        WHERE t.rule = $rule
    )
    SELECT * FROM (
        SELECT tp.*,
            coalesce(nullif(place_name, ''), b_name) AS p_name,
            coalesce(nullif(place_country, ''), b_country) AS p_country,
            coalesce(place_lat, b_lat) AS p_lat, coalesce(place_lon, b_lon) AS p_lon
        FROM tp
    ) t"""


def tally_page(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    *,
    rule: str = "conservative",
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """One page of reconciled tallies (``rule``'s figures) passing ``f``, and their total."""
    limit, offset = _cap(limit, offset)
    w = _Where()
    if f.kind:
        w.add("t.kind = lower(?)", f.kind)
    if f.min_count is not None:
        w.add("coalesce(t.best, t.low) >= ?", f.min_count)
    if f.type and f.type.lower() in EXTENTS:  # a claim scope: the tallies of that extent
        w.add("t.scope = lower(?)", f.type)
    _place_match(w, f, "t.p_name", "t.p_country", "t.p_lat", "t.p_lon")
    if f.since:
        w.add("t.d_last >= ?", f.since)
    if f.until:
        w.add("t.d_first <= ?", f.until)
    _any_item(
        w, f, "EXISTS (SELECT 1 FROM ti i WHERE i.cluster_id = t.cluster_id AND i.tkind = t.kind"
        " AND i.tscope = t.scope AND {})",
    )  # fmt: skip
    sql = _TALLIES.replace("$rule", "?")
    w.params[:0] = [rule] * _TALLIES.count("$rule")  # they come before every filter's
    order = f"last_date NULLS LAST, cluster_id, {SCOPE_ORDER}, kind"  # incident first
    page, total = _page(con, sql, w, order, limit, offset)
    ids = [
        i for t in page for key in ("claim_ids", "superseded_ids", "copy_ids") for i in t[key] or []
    ]
    ids += [e.partition(": ")[0] for t in page for e in t["excluded_ids"] or []]
    ids += [t["best_claim_id"] for t in page if t["best_claim_id"]]  # its place may stand in
    claims = claims_by_ids(con, ids)
    out = []
    for t in page:
        items, place, days = tally_place_days(t, claims)
        out.append(tally_item(t, claims, items, place, days))
    return out, total


# -- contradictions -----------------------------------------------------------------------
def _side_cols(x: str) -> str:
    return (
        f"i{x}.id AS {x}_id, i{x}.article_id AS {x}_art, i{x}.kind AS {x}_kind, "
        f"i{x}.place_name AS {x}_pn, i{x}.place_country AS {x}_pc, i{x}.place_lat AS {x}_lat, "
        f"i{x}.place_lon AS {x}_lon, i{x}.outlet AS {x}_outlet, i{x}.evidence AS {x}_ev, "
        f"coalesce(k.date_{x}, i{x}.day) AS {x}_day, "
        f"CASE WHEN i{x}.id IS NULL THEN k.source_{x} ELSE i{x}.source END AS {x}_src"
    )


def _anchored(col: str) -> str:
    return f"CASE anchor WHEN 'a' THEN a_{col} WHEN 'b' THEN b_{col} END"


_CONTRADICTIONS = f"""
    WITH it AS ({_ITEMS.replace("$cited", "SELECT item_a FROM contradictions UNION ALL SELECT item_b FROM contradictions")}),
    kk AS (
        SELECT k.*, cl.place_name, cl.place_country, cl.place_lat, cl.place_lon,
            {_side_cols("a")}, {_side_cols("b")}
        FROM contradictions k LEFT JOIN clusters cl ON cl.id = k.cluster_id
        LEFT JOIN it ia ON ia.id = k.item_a LEFT JOIN it ib ON ib.id = k.item_b
    ),
    kp AS (
        SELECT kk.*, CASE WHEN nullif(a_pn, '') IS NOT NULL THEN 'a'
            WHEN nullif(b_pn, '') IS NOT NULL THEN 'b' END AS anchor
        FROM kk
    )
    SELECT * FROM (
        SELECT kp.*,
            coalesce(nullif(place_name, ''), {_anchored("pn")}) AS p_name,
            coalesce(nullif(place_country, ''), {_anchored("pc")}) AS p_country,
            coalesce(place_lat, {_anchored("lat")}) AS p_lat,
            coalesce(place_lon, {_anchored("lon")}) AS p_lon
        FROM kp
    ) k"""


def _both(w: _Where, clause: str, value: Any) -> None:
    w.add(f"({clause.format('a')} OR {clause.format('b')})", value, value)


def contradiction_page(
    con: duckdb.DuckDBPyConnection, f: Filters, *, limit: int = 50, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """One page of reconciled contradictions passing ``f``, and their total."""
    limit, offset = _cap(limit, offset)
    w = _Where()
    if f.kind:
        _both(w, "k.{}_kind = lower(?)", f.kind)
    if f.place or f.bbox:
        own, mentioned = _Where(), _Where()
        _place_match(own, f, "k.p_name", "k.p_country", "k.p_lat", "k.p_lon")
        _place_match(mentioned, f, "p.name", "p.country", "p.lat", "p.lon")
        w.add(
            f"""CASE WHEN k.p_name IS NOT NULL THEN {" AND ".join(own.clauses)}
            ELSE EXISTS (SELECT 1 FROM places p WHERE p.resolved
                AND p.article_id IN (k.a_art, k.b_art) AND {" AND ".join(mentioned.clauses)})
            END""",
            *own.params,
            *mentioned.params,
        )
    for bound, op in ((f.since, ">="), (f.until, "<=")):
        if bound:
            w.add(
                f"((k.a_day IS NULL AND k.b_day IS NULL) OR k.a_day {op} ? OR k.b_day {op} ?)",
                bound,
                bound,
            )
    if f.outlet:
        _both(w, "lower(k.{}_outlet) = lower(?)", f.outlet)
    if f.source:
        _both(w, "contains(lower(k.{}_src), lower(?))", f.source)
    if f.article_id:
        _both(w, "k.{}_art = ?", f.article_id)
    if f.q:
        _both(w, "contains(lower(k.{}_ev), lower(?))", f.q)
    page, total = _page(
        con, _CONTRADICTIONS, w, "coalesce(date_a, date_b) NULLS LAST, id", limit, offset
    )
    ids = [i for k in page for i in (k["item_a"], k["item_b"]) if i]
    claims = claims_by_ids(con, ids)
    statements = statements_by_ids(con, ids)
    out = []
    for k in page:
        sides, _ = contradiction_sides(k, claims, statements)
        out.append(contradiction_item(k, sides))
    return out, total
