"""Tallies and contradictions across articles, as the API, reports and dashboard show them.

This is the one place that decides where they come from. Until the cross-article reconciler
(``sitrep.reconcile``) stores its own tables, both are computed here from what the store has:

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

METHOD = "fallback.v1"
_DENIALS = ("denies", "disputes")


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


def tallies(con: duckdb.DuckDBPyConnection, f: Filters) -> list[dict[str, Any]]:
    """Tallies of casualty figures with low/best/high and the claims behind each."""
    out: list[dict[str, Any]] = []
    for (kind, _, scope, day), claims in _groups(con, f).items():
        reporting = [c for c in claims if c.get("stance") not in _DENIALS]
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
            denial = (a.get("stance") in _DENIALS) != (b.get("stance") in _DENIALS)
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
