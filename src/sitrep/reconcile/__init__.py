"""Reconciliation across articles: copies, event clusters, casualty tallies, contradictions.

:func:`reconcile` runs after ingest (``sitrep reconcile``). It is incremental where that pays
(every article's MinHash signature is computed once and kept; new articles are checked against
the stored ones) and rebuilds the derived tables (``clusters``, ``merges``, ``tallies``,
``contradictions``) from the extracted rows otherwise (events flagged negated, denied,
hypothetical, future, generic or summary are no incident and never clustered), which keeps them consistent with the
extractors' output and with the user's splits. ``reconcile_state`` holds a fingerprint of the
inputs; :func:`is_stale` compares it, and the ``events``/``tally``/``contradictions``
commands reconcile first when the database changed since the last run.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.model import to_jsonable
from sitrep.reconcile.cluster import Clusterer, Merge, Rules, clusters_near
from sitrep.reconcile.contradict import (
    DENYING,
    Contradiction,
    StatedClaim,
    denials,
    differing_figures,
    updates,
)
from sitrep.reconcile.dedup import dedup_articles
from sitrep.reconcile.incidents import cluster_items
from sitrep.reconcile.items import (
    Figure,
    Spot,
    figure_item,
    load_events,
    load_figures,
    norm_name,
)
from sitrep.reconcile.linking import load_profiles
from sitrep.reconcile.tally import EXCLUDING_FLAGS, Tally, tally_all
from sitrep.store import Store

VERSION = "reconcile.v3"  # v3: incidents from whole articles, tallies per victim group
EVENT_EXCLUDING_FLAGS = frozenset(
    {"negated", "denied", "hypothetical", "future", "generic", "summary"}
)


@dataclass(frozen=True, slots=True)
class ReconcileResult:
    """What one reconciliation run found."""

    new_duplicates: int
    duplicates: int
    clusters: int
    merged: int  # items that joined an existing cluster
    tallies: int
    contradictions: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def fingerprint(store: Store) -> str:
    """A digest of what reconciliation reads: row counts, last ingest, splits, version."""
    row = store.con.execute(
        """SELECT (SELECT count(*) FROM articles), (SELECT max(ingested_at) FROM articles),
                  (SELECT count(*) FROM events), (SELECT count(*) FROM casualties),
                  (SELECT count(*) FROM claims),
                  (SELECT count(*) || ':' || coalesce(max(split_at)::VARCHAR, '')
                   FROM cluster_splits)"""
    ).fetchone()
    return json.dumps([VERSION, *(str(v) for v in (row or ()))])


def is_stale(store: Store) -> bool:
    """Whether the reconcile tables are older than the extracted data (or were never built)."""
    rows = store.con.execute(
        "SELECT value FROM reconcile_state WHERE key = 'fingerprint'"
    ).fetchall()
    return not rows or rows[0][0] != fingerprint(store)


def _splits(store: Store) -> list[str]:
    return [r[0] for r in store.con.execute("SELECT item_id FROM cluster_splits").fetchall()]


def _claims(store: Store) -> list[StatedClaim]:
    rows = store.con.execute(
        "SELECT id, article_id, source, stance, content, contradicts FROM claims"
    ).fetchall()
    return [
        StatedClaim(
            str(r[0]), str(r[1]), r[2], str(r[3] or "reports"), str(r[4] or ""), tuple(r[5] or ())
        )
        for r in rows
    ]


def _nearby(store: Store, cl: Clusterer, claims: Sequence[StatedClaim]) -> dict[str, list[str]]:
    """For articles with a denial that names no claim: the clusters at the places they name,
    around their publication date."""
    arts = sorted({c.article_id for c in claims if c.stance in DENYING and not c.contradicts})
    if not arts:
        return {}
    rows = store.query(
        """SELECT p.article_id, p.name, p.country, p.lat, p.lon, p.geonameid, p.precision,
                  a.published
           FROM places p JOIN articles a ON a.id = p.article_id
           WHERE list_contains(?, p.article_id) AND p.resolved AND p.role = 'location'
             AND a.published IS NOT NULL""",
        [arts],
    )
    out: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        spot = Spot(r["name"], r["country"], r["lat"], r["lon"], r["geonameid"], r["precision"])
        for c in clusters_near(cl, spot, r["published"]):
            if c.id not in out[r["article_id"]]:
                out[r["article_id"]].append(c.id)
    return dict(out)


def reconcile(
    store: Store, *, rules: Rules | None = None, min_confidence: float = 0.0
) -> ReconcileResult:
    """Find copies, cluster reports into events, tally casualties, record contradictions.

    Args:
        store: the database, opened for writing.
        rules: clustering thresholds (distance, day window, actor similarity).
        min_confidence: casualty claims below this confidence do not count in tallies.
    """
    t0 = time.perf_counter()
    new_dups = dedup_articles(store)
    # negated, denied, hypothetical and future events are statements, generic and summary
    # ones no single incident: they stay in ``events`` with their flags, clustered nowhere
    events = [e for e in load_events(store) if not set(e.flags) & EVENT_EXCLUDING_FLAGS]
    figures = load_figures(store)
    # flagged claims (negated, hypothetical, future, historical) report no incident
    incident = [figure_item(f) for f in figures if not set(f.flags) & EXCLUDING_FLAGS]
    cl = cluster_items(
        events, incident, rules=rules, splits=_splits(store), profiles=load_profiles(store)
    )
    cluster_of = {iid: c.id for iid, c in cl.cluster_of.items()}
    outlets = {
        str(r[0]): r[1] for r in store.con.execute("SELECT id, outlet FROM articles").fetchall()
    }
    groups: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        if f.id in cluster_of:
            groups[cluster_of[f.id]].append(f)
    tallies = tally_all(groups, outlets=outlets, min_confidence=min_confidence)
    claims = _claims(store)
    contras = [
        *denials(claims, figures, cluster_of, nearby=_nearby(store, cl, claims)),
        *differing_figures(tallies, figures),
        *updates(tallies, figures),
    ]
    contras = [
        c
        if c.cluster_id or not c.item_b
        else dataclasses.replace(c, cluster_id=cluster_of.get(c.item_b))
        for c in contras
    ]
    _write(store, cl, figures, tallies, contras)
    n_dups = store.con.execute("SELECT count(*) FROM duplicates").fetchone()
    return ReconcileResult(
        new_duplicates=len(new_dups),
        duplicates=int(n_dups[0]) if n_dups else 0,
        clusters=len(cl.clusters),
        merged=sum(1 for m in cl.merges if m.joined_item is not None),
        tallies=len(tallies),
        contradictions=len({c.id for c in contras}),
        seconds=round(time.perf_counter() - t0, 3),
    )


def ensure_reconciled(store: Store) -> ReconcileResult | None:
    """Reconcile when the database changed since the last run; ``None`` when it was fresh."""
    return reconcile(store) if is_stale(store) else None


def _insert(store: Store, table: str, cols: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    if not rows:
        return
    columns = list(zip(*rows, strict=True))
    sel = ", ".join(f"unnest(${i + 1})" for i in range(len(cols)))
    collist = ", ".join(f'"{c}"' for c in cols)
    store.con.execute(
        f"INSERT INTO {table} ({collist}) SELECT {sel} ON CONFLICT DO NOTHING",
        [list(c) for c in columns],
    )


_MERGE_COLS = [f.name for f in dataclasses.fields(Merge)]
_CONTRA_COLS = [
    "id",
    "kind",
    "cluster_id",
    "item_a",
    "item_b",
    "source_a",
    "source_b",
    "figure_a",
    "figure_b",
    "date_a",
    "date_b",
    "rule",
    "detail",
]


def _write(
    store: Store,
    cl: Clusterer,
    figures: Sequence[Figure],
    tallies: Sequence[Tally],
    contras: Sequence[Contradiction],
) -> None:
    src_by_id = {f.id: f.source for f in figures}
    cluster_rows = []
    for c in cl.clusters:
        sp = c.spot
        actors = sorted({a for i in c.items for a in (i.actor1, i.actor2) if a})
        sources = sorted({s for i in c.items if (s := src_by_id.get(i.id))})
        cluster_rows.append(
            [
                c.id,
                c.plover,
                c.event_type if c.plover else "casualties",
                c.sub_event_type,
                sp.name,
                sp.country,
                sp.lat,
                sp.lon,
                sp.geonameid,
                c.first,
                c.last,
                len(c.items),
                sum(1 for i in c.items if i.kind == "event"),
                sum(1 for i in c.items if i.kind == "casualty"),
                len({i.article_id for i in c.items}),
                len({i.canonical_id for i in c.items}),
                sorted({i.outlet for i in c.items if i.outlet}),
                sources,
                actors,
                sorted({i.article_id for i in c.items}),
            ]
        )
    tally_rows = [
        [
            t.key,
            t.kind,
            t.scope,
            t.rule,
            t.low,
            t.best,
            t.high,
            t.best_claim_id,
            list(t.claim_ids),
            list(t.superseded_ids),
            list(t.copy_ids),
            [f"{i}: {why}" for i, why in t.excluded_ids],
            t.n_sources,
            json.dumps(to_jsonable(dict(t.series))),
        ]
        for t in tallies
    ]
    contra_rows = {
        c.id: [
            c.id,
            c.kind,
            c.cluster_id,
            c.item_a,
            c.item_b,
            c.source_a,
            c.source_b,
            c.figure_a,
            c.figure_b,
            c.date_a,
            c.date_b,
            c.rule,
            c.detail,
        ]
        for c in contras
    }
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        for table in ("clusters", "merges", "tallies", "contradictions"):
            con.execute(f"DELETE FROM {table}")
        _insert(
            store,
            "clusters",
            [
                "id",
                "plover",
                "event_type",
                "sub_event_type",
                "place_name",
                "place_country",
                "place_lat",
                "place_lon",
                "place_geonameid",
                "first_date",
                "last_date",
                "n_items",
                "n_events",
                "n_casualties",
                "n_reports",
                "n_independent",
                "outlets",
                "sources",
                "actors",
                "article_ids",
            ],
            cluster_rows,
        )
        _insert(
            store, "merges", _MERGE_COLS, [[getattr(m, c) for c in _MERGE_COLS] for m in cl.merges]
        )
        _insert(
            store,
            "tallies",
            [
                "cluster_id",
                "kind",
                "scope",
                "rule",
                "low",
                "best",
                "high",
                "best_claim_id",
                "claim_ids",
                "superseded_ids",
                "copy_ids",
                "excluded_ids",
                "n_sources",
                "series",
            ],
            tally_rows,
        )
        _insert(store, "contradictions", _CONTRA_COLS, list(contra_rows.values()))
        con.execute(
            "INSERT INTO reconcile_state VALUES ('fingerprint', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [fingerprint(store)],
        )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def split_item(store: Store, item_id: str, *, reason: str = "split by user") -> None:
    """Take an event or casualty claim out of its cluster, for good, and recluster.

    The split is recorded in ``cluster_splits`` and respected by every later run.
    """
    known = store.con.execute(
        "SELECT 1 FROM events WHERE id = ? UNION ALL SELECT 1 FROM casualties WHERE id = ?",
        [item_id, item_id],
    ).fetchall()
    if not known:
        from sitrep.errors import StoreError

        raise StoreError(f"no event or casualty claim with id {item_id!r}; see `sitrep events`")
    store.con.execute(
        "INSERT INTO cluster_splits (item_id, reason) VALUES (?, ?) "
        "ON CONFLICT (item_id) DO UPDATE SET reason = excluded.reason, split_at = now()",
        [item_id, reason],
    )
    reconcile(store)


def unsplit_item(store: Store, item_id: str) -> bool:
    """Undo a split, so the item clusters by the rules again; whether there was one."""
    n = store.con.execute(
        "SELECT count(*) FROM cluster_splits WHERE item_id = ?", [item_id]
    ).fetchone()
    if not n or not n[0]:
        return False
    store.con.execute("DELETE FROM cluster_splits WHERE item_id = ?", [item_id])
    reconcile(store)
    return True


__all__ = [
    "VERSION",
    "ReconcileResult",
    "Rules",
    "ensure_reconciled",
    "fingerprint",
    "is_stale",
    "norm_name",
    "reconcile",
    "split_item",
    "unsplit_item",
]
