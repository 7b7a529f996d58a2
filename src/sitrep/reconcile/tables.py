"""Writing the reconciler's tables: every row of a full pass, or the rows of one part of the
database (the clusters, tallies and contradictions an incremental pass recomputed)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.model import to_jsonable
from sitrep.reconcile.cluster import Clusterer, Merge
from sitrep.reconcile.contradict import Contradiction
from sitrep.reconcile.items import Figure
from sitrep.reconcile.tally import Tally
from sitrep.store import Store


@dataclass(frozen=True, slots=True)
class Scope:
    """The part of the database a pass rewrote: its articles, the clusters they were in
    before, and the ids of their items and claims (whose contradictions are rewritten)."""

    article_ids: Sequence[str]
    cluster_ids: Sequence[str]
    item_ids: Sequence[str]


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


_TABLES = (
    "clusters",
    "merges",
    "tallies",
    "contradictions",
    "reconcile_articles",
    "reconcile_keys",
    "reconcile_df",
)
VERSION_KEY = "index.v1"  # what the incremental index holds; another value needs a full pass


def _delete(store: Store, scope: Scope, new_clusters: Sequence[str]) -> None:
    """Delete the rows a partial pass recomputes."""
    con = store.con
    old = list(scope.cluster_ids)
    arts = list(scope.article_ids)
    both = sorted({*old, *new_clusters})
    con.execute("DELETE FROM clusters WHERE id IN (SELECT unnest(?::VARCHAR[]))", [both])
    con.execute("DELETE FROM merges WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [arts])
    con.execute("DELETE FROM tallies WHERE cluster_id IN (SELECT unnest(?::VARCHAR[]))", [both])
    con.execute(
        """DELETE FROM contradictions WHERE cluster_id IN (SELECT unnest(?::VARCHAR[]))
           OR item_a IN (SELECT unnest(?::VARCHAR[])) OR item_b IN (SELECT unnest(?::VARCHAR[]))""",
        [both, list(scope.item_ids), list(scope.item_ids)],
    )
    con.execute(
        "DELETE FROM reconcile_articles WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [arts]
    )


def write(
    store: Store,
    cl: Clusterer,
    figures: Sequence[Figure],
    tallies: Sequence[Tally],
    contras: Sequence[Contradiction],
    *,
    state: Callable[[], str],
    incidents: Mapping[str, str],
    keys: Sequence[tuple[str, str]] = (),
    df: Mapping[str, int] | None = None,
    scope: Scope | None = None,
) -> None:
    """Write a pass's results in one transaction: with no ``scope`` every row anew, else in
    place of the rows of ``scope`` (``df`` then adds to the stored word counts).

    Args:
        state: the fingerprint to record (called inside the transaction).
        incidents: article id -> its incident, for every article the pass placed.
        keys: (article id, blocking key) rows to add for the articles new to the index.
    """
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
        if scope is None:
            for table in _TABLES:
                con.execute(f"DELETE FROM {table}")
        else:
            _delete(store, scope, [c.id for c in cl.clusters])
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
        _insert(store, "reconcile_articles", ["article_id", "incident"], list(incidents.items()))
        _insert(store, "reconcile_keys", ["article_id", "kd"], list(set(keys)))
        if df:
            con.execute(
                """INSERT INTO reconcile_df SELECT unnest(?::VARCHAR[]), unnest(?::INTEGER[])
                   ON CONFLICT (token) DO UPDATE SET n = reconcile_df.n + excluded.n""",
                [list(df), list(df.values())],
            )
        con.execute(
            "INSERT INTO reconcile_state VALUES ('fingerprint', ?), ('incremental', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [state(), VERSION_KEY],
        )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
