"""Reconciliation across articles: copies, event clusters, casualty tallies, contradictions.

:func:`reconcile` runs after ingest (``sitrep reconcile``). It is incremental where that pays
(every article's MinHash signature is computed once and kept; new articles are checked against
the stored ones) and rebuilds the derived tables (``clusters``, ``merges``, ``tallies``,
``contradictions``) from the extracted rows otherwise (events flagged negated, denied,
hypothetical, future, generic or summary are no incident and never clustered), which keeps them consistent with the
extractors' output and with the user's splits. ``reconcile_state`` holds a fingerprint of the
inputs; :func:`is_stale` compares it, and the ``events``/``tally``/``contradictions``
commands reconcile first when the database changed since the last run.

:func:`reconcile_incremental` places only the articles added since the last pass: a new
article touches the incidents it can join and nothing else (:mod:`sitrep.reconcile.incremental`),
and the result equals a full pass's; ``sitrep serve`` reconciles that way after writes.
"""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sitrep.reconcile.cluster import Rules
from sitrep.reconcile.dedup import dedup_articles
from sitrep.reconcile.incremental import IncrementalResult, denial_spots, ready, reconcile_new
from sitrep.reconcile.items import norm_name
from sitrep.reconcile.passes import VERSION, blocking_keys, compute, fingerprint
from sitrep.reconcile.tables import write
from sitrep.store import Store


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


def is_stale(store: Store) -> bool:
    """Whether the reconcile tables are older than the extracted data (or were never built)."""
    rows = store.con.execute(
        "SELECT value FROM reconcile_state WHERE key = 'fingerprint'"
    ).fetchall()
    return not rows or rows[0][0] != fingerprint(store)


def reconcile(
    store: Store, *, rules: Rules | None = None, min_confidence: float = 0.0
) -> ReconcileResult:
    """Find copies, cluster reports into events, tally casualties, record contradictions:
    the full pass, which rewrites every derived table and the incremental index.

    Args:
        store: the database, opened for writing.
        rules: clustering thresholds (distance, day window, actor similarity).
        min_confidence: casualty claims below this confidence do not count in tallies.
    """
    t0 = time.perf_counter()
    new_dups = dedup_articles(store)
    comp = compute(store, rules=rules, min_confidence=min_confidence)
    df: Counter[str] = Counter()
    for p in comp.profiles:
        df.update(p.tokens.keys())
    write(
        store,
        comp.cl,
        comp.figures,
        comp.tallies,
        comp.contras,
        state=lambda: fingerprint(store),
        incidents=comp.incidents(),
        keys=blocking_keys(comp.profiles, comp.items, denial_spots(store, None), rules=rules),
        df=df,
    )
    n_dups = store.con.execute("SELECT count(*) FROM duplicates").fetchone()
    return ReconcileResult(
        new_duplicates=len(new_dups),
        duplicates=int(n_dups[0]) if n_dups else 0,
        clusters=len(comp.cl.clusters),
        merged=sum(1 for m in comp.cl.merges if m.joined_item is not None),
        tallies=len(comp.tallies),
        contradictions=len({c.id for c in comp.contras}),
        seconds=round(time.perf_counter() - t0, 3),
    )


def ensure_reconciled(store: Store) -> ReconcileResult | None:
    """Reconcile when the database changed since the last run; ``None`` when it was fresh."""
    return reconcile(store) if is_stale(store) else None


def reconcile_incremental(
    store: Store, *, rules: Rules | None = None, min_confidence: float = 0.0
) -> IncrementalResult | ReconcileResult | None:
    """Place the articles added since the last pass, touching only what they can join
    (:mod:`sitrep.reconcile.incremental`); a full pass when the index is missing or of
    another version or a split changed; ``None`` when nothing was new."""

    def full(st: Store) -> ReconcileResult:
        return reconcile(st, rules=rules, min_confidence=min_confidence)

    if not ready(store):
        return full(store) if is_stale(store) else None
    res = reconcile_new(store, rules=rules, min_confidence=min_confidence, full=full)
    if res is None and is_stale(store):
        return full(store)  # rows changed under known articles: only a full pass sees it
    return res


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
    "IncrementalResult",
    "ReconcileResult",
    "Rules",
    "ensure_reconciled",
    "fingerprint",
    "is_stale",
    "norm_name",
    "reconcile",
    "reconcile_incremental",
    "split_item",
    "unsplit_item",
]
