"""Reading the reconciled picture: event clusters, tallies and contradictions, with filters.

Every function returns plain JSON-ready dicts (dates as ISO strings) so that the CLI's table
and ``--format json`` show the same thing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sitrep.model import to_jsonable
from sitrep.reconcile.groups import EXTENTS
from sitrep.reconcile.items import load_figures, norm_name
from sitrep.reconcile.tally import RULES, Tally, sum_tallies, tally_group
from sitrep.store import Store


@dataclass(frozen=True, slots=True)
class Filters:
    """What to show: a place (name or country code), a date range, a type and a source."""

    place: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    type: str | None = None
    source: str | None = None


def _cluster_where(f: Filters, alias: str = "c") -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.place:
        where.append(f"(lower({alias}.place_name) = lower(?) OR {alias}.place_country = upper(?))")
        params += [f.place, f.place]
    if f.since:
        where.append(f"{alias}.last_date >= ?")
        params.append(f.since)
    if f.until:
        where.append(f"{alias}.first_date <= ?")
        params.append(f.until)
    if f.type:
        where.append(
            f"(upper({alias}.plover) = upper(?) OR {alias}.event_type ILIKE ? "
            f"OR {alias}.sub_event_type ILIKE ?)"
        )
        params += [f.type, f"%{f.type}%", f"%{f.type}%"]
    if f.source:
        where.append(f"array_to_string(list_concat({alias}.outlets, {alias}.sources), '|') ILIKE ?")
        params.append(f"%{f.source}%")
    return (" WHERE " + " AND ".join(where)) if where else "", params


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    out = to_jsonable(row)
    assert isinstance(out, dict)
    return out


def events(
    store: Store, filters: Filters | None = None, *, limit: int | None = None
) -> list[dict[str, Any]]:
    """Event clusters, newest first, each with its conservative casualty tallies and the
    number of contradiction records about it."""
    where, params = _cluster_where(filters or Filters())
    sql = f"""
        SELECT c.*,
               (SELECT count(*) FROM contradictions x WHERE x.cluster_id = c.id) AS contradictions
        FROM clusters c {where}
        ORDER BY c.first_date DESC NULLS LAST, c.n_independent DESC, c.id"""
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = store.query(sql, params)
    tallies: dict[str, dict[str, Any]] = defaultdict(dict)
    if rows:
        for t in store.query(
            "SELECT cluster_id, kind, low, best, high, n_sources FROM tallies "
            "WHERE rule = 'conservative' AND best IS NOT NULL AND scope = 'incident' "
            "AND list_contains(?, cluster_id)",
            [[r["id"] for r in rows]],
        ):
            tallies[t["cluster_id"]][t["kind"]] = {
                k: t[k] for k in ("low", "best", "high", "n_sources")
            }
    out = []
    for r in rows:
        r.pop("article_ids", None)
        r["casualties"] = tallies.get(r["id"], {})
        out.append(_jsonable(r))
    return out


def members(store: Store, cluster_id: str) -> list[dict[str, Any]]:
    """The items of one cluster with the reason each joined it."""
    rows = store.query(
        """SELECT m.*, a.outlet, a.published,
                  coalesce(e.evidence, k.evidence) AS evidence
           FROM merges m JOIN articles a ON a.id = m.article_id
           LEFT JOIN events e ON e.id = m.item_id
           LEFT JOIN casualties k ON k.id = m.item_id
           WHERE m.cluster_id = ? ORDER BY a.published, m.item_kind DESC, m.item_id""",
        [cluster_id],
    )
    return [_jsonable(r) for r in rows]


SCOPE_ORDER = f"""CASE t.scope {
    " ".join(f"WHEN '{s}' THEN {n}" for n, s in enumerate(EXTENTS))
} ELSE {len(EXTENTS)} END"""  # incident first, then daily, cumulative, war-wide


def cluster_tallies(
    store: Store, filters: Filters | None = None, *, rule: str = "conservative",
    kind: str | None = None, scope: str | None = None,
) -> list[dict[str, Any]]:  # fmt: skip
    """Per event cluster, extent and casualty kind: low / best / high with the lineage.
    Each cluster's incident tallies come first, then its running totals (``scope`` keeps
    one extent only)."""
    _check_rule(rule)
    where, params = _cluster_where(filters or Filters())
    where += (" AND " if where else " WHERE ") + "t.rule = ?"
    params.append(rule)
    if kind:
        where += " AND t.kind = ?"
        params.append(kind)
    if scope:
        where += " AND t.scope = ?"
        params.append(scope)
    rows = store.query(
        f"""SELECT t.*, c.place_name, c.place_country, c.first_date, c.last_date, c.plover,
                   c.event_type
            FROM tallies t JOIN clusters c ON c.id = t.cluster_id {where}
            ORDER BY c.first_date DESC NULLS LAST, t.cluster_id, {SCOPE_ORDER}, t.kind""",
        params,
    )
    for r in rows:
        r["series"] = json.loads(r["series"]) if isinstance(r["series"], str) else r["series"]
    return [_jsonable(r) for r in rows]


def place_tallies(
    store: Store, filters: Filters | None = None, *, rule: str = "conservative",
    kind: str | None = None,
) -> list[dict[str, Any]]:  # fmt: skip
    """Per place and the filter's period: the sum of its clusters' incident tallies, and,
    apart, the latest cumulative figures ("since the war began") that sources gave for it."""
    _check_rule(rule)
    f = filters or Filters()
    incident = cluster_tallies(store, f, rule=rule, kind=kind, scope="incident")
    by_place: dict[str, list[Tally]] = defaultdict(list)
    names: dict[str, str] = {}
    for r in incident:
        key = norm_name(r["place_name"]) or "(unknown place)"
        names.setdefault(key, r["place_name"] or key)
        by_place[key].append(
            Tally(r["cluster_id"], r["kind"], r["scope"], r["rule"], r["low"], r["best"],
                  r["high"], r["best_claim_id"], tuple(r["claim_ids"] or ()), (), (), (), {})
        )  # fmt: skip
    out: list[dict[str, Any]] = []
    for key, ts in sorted(by_place.items()):
        for s in sum_tallies(ts):
            out.append(_jsonable({
                "place": names[key], "scope": "incident", "kind": s.kind, "rule": s.rule,
                "since": f.since, "until": f.until, "low": s.low, "best": s.best,
                "high": s.high, "clusters": list(s.cluster_ids), "claim_ids": list(s.claim_ids),
            }))  # fmt: skip
    outlets = {
        str(r[0]): r[1] for r in store.con.execute("SELECT id, outlet FROM articles").fetchall()
    }
    cumulative = [
        x for x in load_figures(store)
        if x.scope == "cumulative" and (kind is None or x.kind == kind)
        and (f.place is None or norm_name(x.spot.name) == norm_name(f.place)
             or (x.spot.country or "").upper() == f.place.upper())
        and (f.since is None or (x.report_date is not None and x.report_date >= f.since))
        and (f.until is None or (x.report_date is not None and x.report_date <= f.until))
        and (f.source is None or f.source.lower() in f"{x.source} {x.outlet}".lower())
    ]  # fmt: skip
    groups: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for x in cumulative:
        groups[(x.spot.name or "(unknown place)", x.kind)].append(x)
    for (place, k), figs in sorted(groups.items()):
        t = tally_group(figs, key=place, kind=k, rule=rule, scope="cumulative", outlets=outlets)
        if t.best is None:
            continue
        out.append(_jsonable({
            "place": place, "scope": "cumulative", "kind": k, "rule": rule, "since": f.since,
            "until": f.until, "low": t.low, "best": t.best, "high": t.high,
            "best_claim_id": t.best_claim_id, "claim_ids": list(t.claim_ids),
            "superseded_ids": list(t.superseded_ids), "copy_ids": list(t.copy_ids),
            "excluded_ids": [f"{i}: {why}" for i, why in t.excluded_ids],
            "series": dict(t.series),
        }))  # fmt: skip
    return out


def contradictions(
    store: Store, filters: Filters | None = None, *, kind: str | None = None
) -> list[dict[str, Any]]:
    """Contradiction and update records, newest first."""
    f = filters or Filters()
    cwhere, params = _cluster_where(Filters(place=f.place, type=f.type))
    where = [cwhere[len(" WHERE ") :]] if cwhere else []
    if f.since:
        where.append("coalesce(x.date_b, x.date_a, c.last_date) >= ?")
        params.append(f.since)
    if f.until:
        where.append("coalesce(x.date_a, x.date_b, c.first_date) <= ?")
        params.append(f.until)
    if f.source:
        where.append("(x.source_a ILIKE ? OR x.source_b ILIKE ?)")
        params += [f"%{f.source}%", f"%{f.source}%"]
    if kind:
        where.append("x.kind = ?")
        params.append(kind)
    sql = f"""SELECT x.*, c.place_name, c.first_date AS event_date, c.plover
              FROM contradictions x LEFT JOIN clusters c ON c.id = x.cluster_id
              {"WHERE " + " AND ".join(where) if where else ""}
              ORDER BY coalesce(x.date_b, x.date_a) DESC NULLS LAST, x.kind, x.id"""
    return [_jsonable(r) for r in store.query(sql, params)]


def _check_rule(rule: str) -> None:
    if rule not in RULES:
        raise ValueError(f"unknown tally rule {rule!r}; choose one of {', '.join(RULES)}")
