"""Read queries over the store, shared by the API, situation reports and exports.

Every value that comes from a caller travels as a bound parameter; the only text pasted into
SQL is the fixed clauses written here. Rows come back JSON-ready (dates as ISO strings).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb

BBox = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Filters:
    """What a caller narrows a listing to; ``None`` means no narrowing.

    ``place`` matches a place name (case-insensitive) or a two-letter country code; ``bbox`` is
    ``(min_lon, min_lat, max_lon, max_lat)``; ``since``/``until`` bound the day a fact is about
    (its own date, else its as-of date, else the article's publication date); ``q`` is free text.
    """

    place: str | None = None
    bbox: BBox | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    kind: str | None = None
    type: str | None = None
    min_count: int | None = None
    source: str | None = None
    outlet: str | None = None
    q: str | None = None
    article_id: str | None = None


@dataclass(slots=True)
class Page:
    """One page of a listing and the size of the whole listing."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


@dataclass(slots=True)
class _Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def parse_bbox(text: str) -> BBox:
    """Parse ``minlon,minlat,maxlon,maxlat``; raises ValueError saying what is wrong."""
    parts = text.split(",")
    if len(parts) != 4:
        raise ValueError("bbox needs four numbers: minlon,minlat,maxlon,maxlat")
    try:
        x0, y0, x1, y1 = (float(p) for p in parts)
    except ValueError:
        raise ValueError("bbox needs four numbers: minlon,minlat,maxlon,maxlat") from None
    if not (-180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90):
        raise ValueError(
            "bbox must have -180 <= minlon <= maxlon <= 180 and -90 <= minlat <= maxlat <= 90"
        )
    return (x0, y0, x1, y1)


def rows(
    con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()
) -> list[dict[str, Any]]:
    """Run a parameterized query; rows as JSON-ready dicts."""
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description or []]
    return [_jsonable(dict(zip(names, r, strict=True))) for r in cur.fetchall()]


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    for k, v in row.items():
        if isinstance(v, dt.datetime | dt.date):
            row[k] = v.isoformat()
        elif k in ("mentions", "removed", "candidates") and isinstance(v, str):
            row[k] = json.loads(v)
    return row


def _count(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any]) -> int:
    got = con.execute(f"SELECT count(*) FROM ({sql})", list(params)).fetchone()
    return int(got[0]) if got else 0


def _page(
    con: duckdb.DuckDBPyConnection, sql: str, where: _Where, order: str, limit: int, offset: int
) -> Page:
    full = sql + where.sql()
    total = _count(con, full, where.params)
    items = rows(con, f"{full} ORDER BY {order} LIMIT ? OFFSET ?", [*where.params, limit, offset])
    return Page(items=items, total=total, limit=limit, offset=offset)


def _place(w: _Where, f: Filters, p: str) -> None:
    """Place name / country code and bbox filters on columns ``{p}name, {p}lat, ...``."""
    if f.place:
        w.add(f"(lower({p}name) = lower(?) OR {p}country = upper(?))", f.place, f.place)
    if f.bbox:
        x0, y0, x1, y1 = f.bbox
        w.add(f"({p}lon BETWEEN ? AND ? AND {p}lat BETWEEN ? AND ?)", x0, x1, y0, y1)


def _days(w: _Where, f: Filters, day: str) -> None:
    if f.since:
        w.add(f"{day} >= ?", f.since)
    if f.until:
        w.add(f"{day} <= ?", f.until)


def _common(w: _Where, f: Filters) -> None:
    if f.outlet:
        w.add("lower(a.outlet) = lower(?)", f.outlet)
    if f.article_id:
        w.add("a.id = ?", f.article_id)


def _mentions_place(w: _Where, f: Filters) -> None:
    """Place filters for rows without a place of their own: the article mentions the place."""
    if f.place or f.bbox:
        sub = _Where()
        _place(sub, f, "p.")
        w.add(
            "EXISTS (SELECT 1 FROM places p WHERE p.article_id = a.id AND "
            + " AND ".join(sub.clauses)
            + ")",
            *sub.params,
        )


# -- articles -----------------------------------------------------------------------------
_ARTICLE_COLS = """a.id, a.url, a.outlet, a.title, a.author, a.published, a.language,
    a.ingested_at, length(a.text) AS n_chars,
    (SELECT count(*) FROM casualties x WHERE x.article_id = a.id) AS n_claims,
    (SELECT count(*) FROM events x WHERE x.article_id = a.id) AS n_events,
    (SELECT count(*) FROM quotes x WHERE x.article_id = a.id) AS n_quotes"""


def list_articles(
    con: duckdb.DuckDBPyConnection, f: Filters, *, limit: int = 50, offset: int = 0
) -> Page:
    """Articles, newest first. Filters: place/bbox (any place mentioned), dates, outlet, q."""
    w = _Where()
    _common(w, f)
    _days(w, f, "a.published")
    if f.q:
        w.add("(contains(lower(a.text), lower(?)) OR contains(lower(a.title), lower(?)))", f.q, f.q)
    _mentions_place(w, f)
    # count and page over the bare table; the per-article counts only for the page's rows
    order = "a.published DESC NULLS LAST, a.id"
    where = w.sql()
    total = _count(con, f"SELECT 1 FROM articles a{where}", w.params)
    items = rows(
        con,
        f"""SELECT {_ARTICLE_COLS} FROM (
                SELECT * FROM articles a{where} ORDER BY {order} LIMIT ? OFFSET ?
            ) a ORDER BY {order}""",
        [*w.params, limit, offset],
    )
    return Page(items=items, total=total, limit=limit, offset=offset)


def get_article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """One article with its text and every extraction, or None."""
    found = rows(
        con, f"SELECT {_ARTICLE_COLS}, a.text FROM articles a WHERE a.id = ?", [article_id]
    )
    if not found:
        return None
    art = found[0]
    for table, order in (
        ("entities", "start"),
        ("places", "start"),
        ("times", "start"),
        ("casualties", "start, id"),
        ("quotes", "start"),
        ("claims", "start, id"),
        ("events", "start, id"),
    ):
        items = rows(
            con,
            f"SELECT * EXCLUDE (article_id) FROM {table} WHERE article_id = ? ORDER BY {order}",
            [article_id],
        )
        art["claims" if table == "casualties" else "statements" if table == "claims" else table] = (
            items
        )
    return art


# -- casualty claims ----------------------------------------------------------------------
CLAIM_DAY = "coalesce(c.date, c.as_of, a.published)"
_CLAIMS = f"""SELECT c.* EXCLUDE (mentions), {CLAIM_DAY} AS day, a.outlet, a.url, a.title,
    a.published FROM casualties c JOIN articles a ON a.id = c.article_id"""


def claim_filters(f: Filters) -> _Where:
    """The WHERE clause of a casualty-claim listing."""
    w = _Where()
    _common(w, f)
    _place(w, f, "c.place_")
    _days(w, f, CLAIM_DAY)
    if f.kind:
        w.add("c.kind = lower(?)", f.kind)
    if f.min_count is not None:
        w.add("coalesce(c.count, c.low) >= ?", f.min_count)
    if f.source:
        w.add("contains(lower(c.source), lower(?))", f.source)
    if f.type:
        w.add("c.scope = lower(?)", f.type)
    if f.q:
        w.add("contains(lower(c.evidence), lower(?))", f.q)
    return w


def list_claims(
    con: duckdb.DuckDBPyConnection, f: Filters, *, limit: int = 50, offset: int = 0
) -> Page:
    """Casualty claims in day order. ``type`` filters the scope (incident or cumulative)."""
    return _page(
        con, _CLAIMS, claim_filters(f), "day NULLS LAST, c.article_id, c.start, c.id", limit, offset
    )


def select_claims(f: Filters) -> tuple[str, list[Any]]:
    """The SQL and parameters that list every casualty claim passing the filters."""
    w = claim_filters(f)
    return f"{_CLAIMS}{w.sql()} ORDER BY day NULLS LAST, c.article_id, c.start, c.id", w.params


def all_claims(con: duckdb.DuckDBPyConnection, f: Filters) -> list[dict[str, Any]]:
    """Every casualty claim that passes the filters, in day order."""
    return rows(con, *select_claims(f))


# -- events -------------------------------------------------------------------------------
EVENT_DAY = "coalesce(e.date, a.published)"
_EVENTS = f"""SELECT e.*, {EVENT_DAY} AS day, a.outlet, a.url, a.title, a.published
    FROM events e JOIN articles a ON a.id = e.article_id"""


def event_filters(f: Filters) -> _Where:
    """The WHERE clause of an event listing."""
    w = _Where()
    _common(w, f)
    _place(w, f, "e.place_")
    _days(w, f, EVENT_DAY)
    if f.type:
        w.add(
            "(lower(e.event_type) = lower(?) OR lower(e.sub_event_type) = lower(?) "
            "OR e.plover = upper(?))",
            f.type,
            f.type,
            f.type,
        )
    if f.kind:
        w.add("lower(e.mode) = lower(?)", f.kind)
    if f.min_count is not None:
        w.add("e.fatalities >= ?", f.min_count)
    if f.source:
        w.add(
            "(contains(lower(e.actor1), lower(?)) OR contains(lower(e.actor2), lower(?)))",
            f.source,
            f.source,
        )
    if f.q:
        w.add("contains(lower(e.evidence), lower(?))", f.q)
    return w


def list_events(
    con: duckdb.DuckDBPyConnection, f: Filters, *, limit: int = 50, offset: int = 0
) -> Page:
    """Events in day order. ``type`` is the ACLED event or sub-event type or the PLOVER
    category, ``kind`` the mode, ``source`` an actor, ``min_count`` the fatalities."""
    return _page(
        con, _EVENTS, event_filters(f), "day NULLS LAST, e.article_id, e.start, e.id", limit, offset
    )


def select_events(f: Filters) -> tuple[str, list[Any]]:
    """The SQL and parameters that list every event passing the filters."""
    w = event_filters(f)
    return f"{_EVENTS}{w.sql()} ORDER BY day NULLS LAST, e.article_id, e.start, e.id", w.params


def all_events(con: duckdb.DuckDBPyConnection, f: Filters) -> list[dict[str, Any]]:
    """Every event that passes the filters, in day order."""
    return rows(con, *select_events(f))


# -- quotes and places --------------------------------------------------------------------
def list_quotes(
    con: duckdb.DuckDBPyConnection, f: Filters, *, limit: int = 50, offset: int = 0
) -> Page:
    """Quotations. ``source`` matches the speaker; the day is the quote's or the article's;
    ``place``/``bbox`` keep quotes from articles that mention the place."""
    day = "coalesce(qt.date, a.published)"
    w = _Where()
    _common(w, f)
    _days(w, f, day)
    _mentions_place(w, f)
    if f.source:
        w.add("contains(lower(qt.speaker), lower(?))", f.source)
    if f.q:
        w.add("contains(lower(qt.text), lower(?))", f.q)
    sql = f"""SELECT qt.*, {day} AS day, a.outlet, a.url, a.title
        FROM quotes qt JOIN articles a ON a.id = qt.article_id"""
    return _page(con, sql, w, "day NULLS LAST, qt.article_id, qt.start", limit, offset)


def list_places(
    con: duckdb.DuckDBPyConnection, f: Filters, *, limit: int = 50, offset: int = 0
) -> Page:
    """Resolved places with how often and in how many articles they are mentioned.

    ``type`` filters the precision (city, region, country, ...), ``kind`` the role
    (location or actor), ``min_count`` the number of mentions.
    """
    w = _Where()
    w.add("p.resolved")
    _common(w, f)
    _place(w, f, "p.")
    _days(w, f, "a.published")
    if f.type:
        w.add("p.precision = lower(?)", f.type)
    if f.kind:
        w.add("p.role = lower(?)", f.kind)
    if f.q:
        w.add("contains(lower(p.text), lower(?))", f.q)
    sql = """SELECT p.name, p.country, p.lat, p.lon, p.precision, p.geonameid,
        count(*) AS mentions, count(DISTINCT p.article_id) AS articles
        FROM places p JOIN articles a ON a.id = p.article_id"""
    group = " GROUP BY p.name, p.country, p.lat, p.lon, p.precision, p.geonameid"
    having: list[Any] = []
    if f.min_count is not None:
        group += " HAVING count(*) >= ?"
        having.append(f.min_count)
    full = sql + w.sql() + group
    params = [*w.params, *having]
    total = _count(con, full, params)
    items = rows(
        con, f"{full} ORDER BY mentions DESC, p.name LIMIT ? OFFSET ?", [*params, limit, offset]
    )
    return Page(items=items, total=total, limit=limit, offset=offset)


def statement_rows(con: duckdb.DuckDBPyConnection, f: Filters) -> list[dict[str, Any]]:
    """Attributed statements (the ``claims`` table) with their article's outlet and day."""
    w = _Where()
    _common(w, f)
    _days(w, f, "a.published")
    _mentions_place(w, f)
    if f.source:
        w.add("contains(lower(s.source), lower(?))", f.source)
    return rows(
        con,
        f"""SELECT s.*, a.published AS day, a.outlet, a.url, a.title
        FROM claims s JOIN articles a ON a.id = s.article_id{w.sql()}
        ORDER BY day NULLS LAST, s.article_id, s.start""",
        w.params,
    )


def claims_by_ids(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The casualty claims with these ids (as :func:`all_claims` lists them), by id."""
    if not ids:
        return {}
    got = rows(con, f"{_CLAIMS} WHERE list_contains(?, c.id)", [sorted(set(ids))])
    return {c["id"]: c for c in got}


def statements_by_ids(
    con: duckdb.DuckDBPyConnection, ids: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """The attributed statements with these ids (as :func:`statement_rows` lists them), by id."""
    if not ids:
        return {}
    got = rows(
        con,
        """SELECT s.*, a.published AS day, a.outlet, a.url, a.title
        FROM claims s JOIN articles a ON a.id = s.article_id WHERE list_contains(?, s.id)""",
        [sorted(set(ids))],
    )
    return {s["id"]: s for s in got}
