"""Tallies and contradictions across articles, as the API, reports and dashboard show them.

This is the one place that decides where they come from. When the cross-article reconciler
(``sitrep.reconcile``, ``sitrep reconcile``) has filled its ``tallies`` and ``contradictions``
tables, they are served from there, with the lineage of every figure. Otherwise both are
computed here from the extracted rows (``fallback.v1``):

* a *tally* groups casualty claims of one kind, place, scope and day; ``low`` is the smallest
  lower bound, ``high`` the largest upper bound (``None`` when some claim is open-ended, as in
  "more than 2,000"), ``best`` the median stated figure; ``lineage`` lists every claim behind it;
* a *contradiction* is a pair of claims about the same thing that cannot both hold: figures
  from different articles or sources whose ranges do not overlap, a denial set against a
  report, or an attributed statement that names the statements it contradicts.

Every result carries ``method`` so callers can tell the simple fallback from the reconciler's.
"""

from __future__ import annotations

import itertools
import statistics
from collections import defaultdict
from typing import Any

import duckdb

from sitrep.api.queries import Filters, all_claims, rows, statement_rows
from sitrep.model import DENYING_STANCES
from sitrep.reconcile.groups import EXTENTS
from sitrep.reconcile.query import SCOPE_ORDER

METHOD = "fallback.v1"
RECONCILED = "reconcile"
RULES = ("conservative", "latest", "highest")


def method(con: duckdb.DuckDBPyConnection) -> str:
    """``reconcile`` when the reconciler's tables hold results, else ``fallback.v1``."""
    try:
        got = con.execute(
            "SELECT (SELECT count(*) FROM tallies) + (SELECT count(*) FROM contradictions)"
        ).fetchone()
    except duckdb.CatalogException:
        return METHOD
    return RECONCILED if got and got[0] else METHOD


def _key(c: dict[str, Any]) -> tuple[str, str, str, str]:
    place = (c.get("place_name") or "").lower()
    return (c["kind"], place, c.get("scope") or "incident", c.get("day") or "")


def _lineage(c: dict[str, Any]) -> dict[str, Any]:
    return {
        "claim_id": c["id"],
        "article_id": c["article_id"],
        "outlet": c.get("outlet"),
        "url": c.get("url"),
        "source": c.get("source"),
        "stance": c.get("stance"),
        "count": c.get("count"),
        "low": c.get("low"),
        "high": c.get("high"),
        "hedge": c.get("hedge"),
        "day": c.get("day"),
        "evidence": c.get("evidence"),
        "start": c.get("start"),
        "end": c.get("end"),
    }


def _groups(
    con: duckdb.DuckDBPyConnection, f: Filters
) -> dict[tuple[str, str, str, str], list[dict[str, Any]]]:
    groups: dict[tuple[str, str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for c in all_claims(con, f):
        groups[_key(c)].append(c)
    return groups


def _bounds(c: dict[str, Any]) -> tuple[int | None, int | None]:
    low = c.get("low") if c.get("low") is not None else c.get("count")
    high = c.get("high") if c.get("high") is not None else None
    if high is None and c.get("hedge") is None and c.get("count") is not None:
        high = c.get("count")
    return low, high


def tallies(
    con: duckdb.DuckDBPyConnection, f: Filters, *, rule: str = "conservative"
) -> list[dict[str, Any]]:
    """Tallies of casualty figures with low/best/high and the claims behind each.

    ``rule`` picks the reconciler's best figure (conservative, latest or highest); the
    fallback takes the median stated figure.
    """
    if method(con) == RECONCILED:
        return _reconciled_tallies(con, f, rule=rule)
    out: list[dict[str, Any]] = []
    for (kind, _, scope, day), claims in _groups(con, f).items():
        reporting = [c for c in claims if c.get("stance") not in DENYING_STANCES]
        if not reporting:
            continue
        bounds = [_bounds(c) for c in reporting]
        lows = [b[0] for b in bounds if b[0] is not None]
        highs = [b[1] for b in bounds]
        counts = [c["count"] for c in reporting if c.get("count") is not None]
        first = reporting[0]
        low = min(lows) if lows else None
        high = None if (not highs or None in highs) else max(h for h in highs if h is not None)
        best = int(statistics.median_high(counts)) if counts else None
        if best is not None:  # "more than 2,000": the stated figure is below the bound
            best = max(best, low) if low is not None else best
            best = min(best, high) if high is not None else best
        out.append(
            {
                "id": f"{kind}:{first.get('place_name') or '-'}:{scope}:{day or '-'}",
                "kind": kind,
                "scope": scope,
                "day": day or None,
                "place": {
                    "name": first.get("place_name"),
                    "country": first.get("place_country"),
                    "lat": first.get("place_lat"),
                    "lon": first.get("place_lon"),
                },
                "low": low,
                "best": best,
                "high": high,
                "n_claims": len(reporting),
                "n_articles": len({c["article_id"] for c in reporting}),
                "sources": sorted({c["source"] for c in reporting if c.get("source")}),
                "lineage": [_lineage(c) for c in claims],
                "method": METHOD,
            }
        )
    out.sort(key=lambda t: (t["day"] or "", -(t["best"] or 0)))
    return out


def _disjoint(a: dict[str, Any], b: dict[str, Any]) -> bool:
    (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
    return (ahi is not None and blo is not None and ahi < blo) or (
        bhi is not None and alo is not None and bhi < alo
    )


def _side(c: dict[str, Any], *, text_field: str) -> dict[str, Any]:
    return {
        "id": c["id"],
        "article_id": c["article_id"],
        "outlet": c.get("outlet"),
        "url": c.get("url"),
        "source": c.get("source"),
        "stance": c.get("stance"),
        "day": c.get("day"),
        "count": c.get("count"),
        "hedge": c.get("hedge"),
        "text": c.get(text_field),
        "evidence": c.get("evidence"),
        "start": c.get("start"),
        "end": c.get("end"),
    }


def contradictions(con: duckdb.DuckDBPyConnection, f: Filters) -> list[dict[str, Any]]:
    """Pairs of claims that cannot both hold, each with both sides and why."""
    if method(con) == RECONCILED:
        return _reconciled_contradictions(con, f)
    out: list[dict[str, Any]] = []
    for (kind, _, scope, day), claims in _groups(con, f).items():
        topic = (
            f"{kind} in {claims[0].get('place_name') or 'an unknown place'}"
            + (f" on {day}" if day else "")
            + (" (cumulative)" if scope == "cumulative" else "")
        )
        for a, b in itertools.combinations(claims, 2):
            if a["article_id"] == b["article_id"] and a.get("source") == b.get("source"):
                continue
            denial = (a.get("stance") in DENYING_STANCES) != (b.get("stance") in DENYING_STANCES)
            if denial or _disjoint(a, b):
                out.append(
                    {
                        "id": f"{a['id']}~{b['id']}",
                        "type": "stance" if denial else "figures",
                        "topic": topic,
                        "a": _side(a, text_field="evidence"),
                        "b": _side(b, text_field="evidence"),
                        "method": METHOD,
                    }
                )
    out.extend(_statement_conflicts(con, f))
    return out


def _statement_conflicts(con: duckdb.DuckDBPyConnection, f: Filters) -> list[dict[str, Any]]:
    statements = [s for s in statement_rows(con, f)]
    by_id = {s["id"]: s for s in statements}
    wanted = {o for s in statements for o in (s.get("contradicts") or []) if o not in by_id}
    if wanted:
        for r in rows(
            con,
            """SELECT s.*, a.published AS day, a.outlet, a.url FROM claims s
            JOIN articles a ON a.id = s.article_id WHERE list_contains(?, s.id)""",
            [sorted(wanted)],
        ):
            by_id[r["id"]] = r
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for s in statements:
        for other_id in s.get("contradicts") or []:
            other = by_id.get(other_id)
            pair = (min(s["id"], other_id), max(s["id"], other_id))
            if other is None or pair in seen:
                continue
            seen.add(pair)
            out.append(
                {
                    "id": f"{pair[0]}~{pair[1]}",
                    "type": "statement",
                    "topic": s.get("content"),
                    "a": _side(s, text_field="content"),
                    "b": _side(other, text_field="content"),
                    "method": METHOD,
                }
            )
    return out


# -- from the reconciler's tables ----------------------------------------------------------
def _claims_by_id(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in all_claims(con, Filters())}


def _statements_by_id(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in statement_rows(con, Filters())}


def _keep(f: Filters, items: list[dict[str, Any]], place: dict[str, Any], days: list[str]) -> bool:
    """Python-side filters over a reconciled row (its place, days and claims)."""
    if f.place and not (
        (place.get("name") or "").lower() == f.place.lower()
        or (place.get("country") or "") == f.place.upper()
    ):
        return False
    if f.bbox:
        lat, lon = place.get("lat"), place.get("lon")
        x0, y0, x1, y1 = f.bbox
        if lat is None or lon is None or not (x0 <= lon <= x1 and y0 <= lat <= y1):
            return False
    if f.since and not any(d >= f.since.isoformat() for d in days):
        return False
    if f.until and not any(d <= f.until.isoformat() for d in days):
        return False
    if f.outlet and not any((c.get("outlet") or "").lower() == f.outlet.lower() for c in items):
        return False
    if f.source and not any(f.source.lower() in (c.get("source") or "").lower() for c in items):
        return False
    if f.article_id and not any(c.get("article_id") == f.article_id for c in items):
        return False
    return not (f.q and not any(f.q.lower() in (c.get("evidence") or "").lower() for c in items))


def _reconciled_tallies(
    con: duckdb.DuckDBPyConnection, f: Filters, *, rule: str
) -> list[dict[str, Any]]:
    claims = _claims_by_id(con)
    params: list[Any] = [rule]
    extra = ""
    if f.kind:
        extra += " AND t.kind = lower(?)"
        params.append(f.kind)
    if f.min_count is not None:
        extra += " AND coalesce(t.best, t.low) >= ?"
        params.append(f.min_count)
    if f.type and f.type.lower() in EXTENTS:  # a claim scope: the tallies of that extent
        extra += " AND t.scope = lower(?)"
        params.append(f.type)
    out: list[dict[str, Any]] = []
    for t in rows(
        con,
        f"""SELECT t.*, c.place_name, c.place_country, c.place_lat, c.place_lon,
            c.first_date, c.last_date
        FROM tallies t LEFT JOIN clusters c ON c.id = t.cluster_id
        WHERE t.rule = ?{extra}
        ORDER BY c.last_date NULLS LAST, t.cluster_id, {SCOPE_ORDER}, t.kind""",
        params,
    ):
        items, place, days = tally_place_days(t, claims)
        if _keep(f, items, place, days):
            out.append(tally_item(t, claims, items, place, days))
    return out


def tally_place_days(
    t: dict[str, Any], claims: dict[str, dict[str, Any]]
) -> tuple[list[dict[str, Any]], dict[str, Any], list[str]]:
    """A reconciled tally row's counted claims, its place and its days (cluster's or claims')."""
    items = [claims[i] for i in t["claim_ids"] or [] if i in claims]
    best = claims.get(t["best_claim_id"] or "") or (items[0] if items else {})
    place = {
        "name": t["place_name"] or best.get("place_name"),
        "country": t["place_country"] or best.get("place_country"),
        "lat": t["place_lat"] if t["place_lat"] is not None else best.get("place_lat"),
        "lon": t["place_lon"] if t["place_lon"] is not None else best.get("place_lon"),
    }
    days = [d for d in (t["first_date"], t["last_date"]) if d] or [
        c["day"] for c in items if c.get("day")
    ]
    return items, place, days


def tally_item(
    t: dict[str, Any],
    claims: dict[str, dict[str, Any]],
    items: list[dict[str, Any]],
    place: dict[str, Any],
    days: list[str],
) -> dict[str, Any]:
    """The API's view of one reconciled tally row, with the lineage of every claim."""
    role = {i: "superseded" for i in t["superseded_ids"] or []}
    role.update({i: "copy" for i in t["copy_ids"] or []})
    lineage = [{**_lineage(c), "role": "counted"} for c in items]
    lineage += [{**_lineage(claims[i]), "role": r} for i, r in role.items() if i in claims]
    for excluded in t["excluded_ids"] or []:
        cid, _, why = excluded.partition(": ")
        if cid in claims:
            lineage.append({**_lineage(claims[cid]), "role": "excluded", "why": why})
    scope = t["scope"] or "incident"
    return {  # an incident tally keeps its id; another extent's names its scope
        "id": ":".join(
            [t["cluster_id"], t["kind"], *([] if scope == "incident" else [scope]), t["rule"]]
        ),
        "kind": t["kind"],
        "scope": scope,
        "day": max(days) if days else None,
        "first_day": min(days) if days else None,
        "place": place,
        "low": t["low"],
        "best": t["best"],
        "high": t["high"],
        "rule": t["rule"],
        "best_claim_id": t["best_claim_id"],
        "n_claims": len(items),
        "n_articles": len({c["article_id"] for c in items}),
        "n_sources": t["n_sources"],
        "sources": sorted({c["source"] for c in items if c.get("source")}),
        "lineage": lineage,
        "cluster_id": t["cluster_id"],
        "method": f"{RECONCILED}:{t['rule']}",
    }


def _reconciled_contradictions(con: duckdb.DuckDBPyConnection, f: Filters) -> list[dict[str, Any]]:
    claims = _claims_by_id(con)
    statements = _statements_by_id(con)
    out: list[dict[str, Any]] = []
    for k in rows(
        con,
        """SELECT k.*, c.place_name, c.place_country, c.place_lat, c.place_lon
        FROM contradictions k LEFT JOIN clusters c ON c.id = k.cluster_id
        ORDER BY coalesce(k.date_a, k.date_b) NULLS LAST, k.id""",
    ):
        sides, full = contradiction_sides(k, claims, statements)
        anchor = next((c for c in full if c.get("place_name")), {})
        place = {
            "name": k["place_name"] or anchor.get("place_name"),
            "country": k["place_country"] or anchor.get("place_country"),
            "lat": k["place_lat"] if k["place_lat"] is not None else anchor.get("place_lat"),
            "lon": k["place_lon"] if k["place_lon"] is not None else anchor.get("place_lon"),
        }
        if (f.place or f.bbox) and not place["name"]:
            ids = [s.get("article_id") for s in sides]
            place = _article_place(con, f, ids)
        days = [s["day"] for s in sides if s.get("day")]
        if f.kind and not any(c.get("kind") == f.kind.lower() for c in full):
            continue
        if not _keep(f, full, place, days or ["0000-00-00", "9999-99-99"]):
            continue
        out.append(contradiction_item(k, sides))
    return out


def contradiction_sides(
    k: dict[str, Any], claims: dict[str, dict[str, Any]], statements: dict[str, dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Both sides of a contradiction row as the API shows them, and the full rows behind them."""
    sides = []
    for item, source, figure, day in (
        (k["item_a"], k["source_a"], k["figure_a"], k["date_a"]),
        (k["item_b"], k["source_b"], k["figure_b"], k["date_b"]),
    ):
        if item in claims:
            side = _side(claims[item], text_field="evidence")
        elif item in statements:
            side = _side(statements[item], text_field="content")
        else:
            side = {"id": item, "article_id": None, "text": None}
        side.update(
            source=side.get("source") or source,
            count=side.get("count") if item in claims else figure,
            day=day or side.get("day"),
        )
        sides.append(side)
    full = [claims.get(s["id"]) or statements.get(s["id"]) or s for s in sides]
    return sides, full


def contradiction_item(k: dict[str, Any], sides: list[dict[str, Any]]) -> dict[str, Any]:
    """The API's view of one reconciled contradiction row."""
    return {
        "id": k["id"],
        "type": k["kind"],
        "topic": k["detail"],
        "rule": k["rule"],
        "cluster_id": k["cluster_id"],
        "a": sides[0],
        "b": sides[1],
        "method": RECONCILED,
    }


def _article_place(
    con: duckdb.DuckDBPyConnection, f: Filters, article_ids: list[Any]
) -> dict[str, Any]:
    """A place the articles mention that passes the place filters (for placeless statements)."""
    for p in rows(
        con,
        "SELECT name, country, lat, lon FROM places WHERE resolved AND list_contains(?, article_id)",
        [[a for a in article_ids if a]],
    ):
        if _keep(Filters(place=f.place, bbox=f.bbox), [], p, ["0000-00-00"]):
            return p
    return {"name": None, "country": None, "lat": None, "lon": None}
