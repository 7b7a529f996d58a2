"""Incremental reconciliation: a new article touches only the incidents it can join.

:func:`reconcile_new` takes the articles the reconciler has not placed yet
(``reconcile_articles`` lists the ones it has) and rewrites only the part of the database
they can change:

1. **Block**: the articles one index or the other could compare a new article with, found in
   ``reconcile_keys`` by place cell, GeoNames id, place name and day (clustering), place cell
   or country and day (linking), and the canonical article of its copies.
2. **Close**: with them the articles of every cluster and incident any of them is in, the
   copies of each, and the articles whose denials name their figures, until nothing is added.
3. **Recompute** that part with :func:`sitrep.reconcile.passes.compute`, the full pass's code
   (TF-IDF with the whole corpus's word counts from ``reconcile_df``).
4. **Check**: an old item whose cluster changed (another cluster, another first report, other
   old members) may change the choices of items near it, so the articles near it join the
   part and it is recomputed again, until no old item moves (or the part grows past
   ``max_part`` articles, when a full pass runs instead).
5. **Write** the part's clusters, merges, tallies and contradictions in place of its old rows,
   in one transaction (:func:`sitrep.reconcile.tables.write`).

What remains global: TF-IDF weights move a little with every article, so a pair of articles
outside the part whose similarity sits on a threshold could link in a full pass and not
here; the next full pass (``sitrep reconcile``, a new VERSION, a split) settles it.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sitrep.model import DENYING_STANCES
from sitrep.reconcile.cluster import Rules
from sitrep.reconcile.dedup import DedupIndex, dedup_articles, load_index
from sitrep.reconcile.items import Spot, figure_item, load_events, load_figures
from sitrep.reconcile.linking import load_profiles
from sitrep.reconcile.passes import (
    EVENT_EXCLUDING_FLAGS,
    VERSION,
    Computed,
    blocking_keys,
    compute,
    fingerprint,
    query_keys,
)
from sitrep.reconcile.tables import VERSION_KEY, Scope, write
from sitrep.store import Store

MAX_PART = 5000
MAX_ROUNDS = 8


@dataclass(frozen=True, slots=True)
class IncrementalResult:
    """What one incremental pass did."""

    new_articles: int
    part: int  # articles recomputed
    rounds: int
    clusters: int  # clusters of the part after the pass
    seconds: float
    full: bool = False  # a full pass ran instead
    dedup_seconds: float = 0.0  # of ``seconds``: the copy check (its LSH index is rebuilt)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _ids(store: Store, sql: str, *params: Iterable[str]) -> set[str]:
    args = [sorted(p) for p in params]
    return {str(r[0]) for r in store.con.execute(sql, args).fetchall() if r[0] is not None}


_IN = "IN (SELECT unnest(?::VARCHAR[]))"


def ready(store: Store) -> bool:
    """Whether the stored index is this version's and no split changed since it was written."""
    state = dict(store.con.execute("SELECT key, value FROM reconcile_state").fetchall())
    if state.get("incremental") != VERSION_KEY or not state.get("fingerprint"):
        return False
    stored, current = json.loads(state["fingerprint"]), json.loads(fingerprint(store))
    return bool(stored[0] == VERSION and stored[-1] == current[-1])


def new_articles(store: Store) -> list[str]:
    """Articles the reconciler has not placed yet."""
    return sorted(
        _ids(
            store,
            """SELECT a.id FROM articles a ANTI JOIN reconcile_articles r
               ON r.article_id = a.id""",
        )
    )


def denial_spots(store: Store, article_ids: Sequence[str] | None) -> dict[str, list[Spot]]:
    """Location places of the articles with a denial that names no claim (their denials are
    matched to the clusters near those places)."""
    only = "" if article_ids is None else f" AND p.article_id {_IN}"
    rows = store.con.execute(
        f"""SELECT p.article_id, p.name, p.country, p.lat, p.lon, p.geonameid, p.precision
            FROM places p
            WHERE p.resolved AND p.role = 'location' AND p.article_id IN (
                SELECT article_id FROM claims
                WHERE list_contains(?, stance) AND len(coalesce(contradicts, [])) = 0){only}""",
        [sorted(DENYING_STANCES), *([] if article_ids is None else [list(article_ids)])],
    ).fetchall()
    out: dict[str, list[Spot]] = defaultdict(list)
    for aid, name, country, lat, lon, gid, precision in rows:
        out[str(aid)].append(Spot(name, country, lat, lon, gid, precision))
    return dict(out)


def _neighbours(store: Store, ids: Sequence[str], rules: Rules) -> set[str]:
    """The articles stored under a key these articles' lookups reach."""
    profiles = load_profiles(store, article_ids=ids, df={}, n=1)
    events = [e for e in load_events(store, ids) if not set(e.flags) & EVENT_EXCLUDING_FLAGS]
    items = [*events, *(figure_item(f) for f in load_figures(store, ids))]
    by_article = defaultdict(list)
    for it in items:
        by_article[it.article_id].append(it)
    spots = denial_spots(store, ids)
    keys: set[str] = set()
    for p in profiles:
        keys.update(
            query_keys(p, by_article[p.article_id], spots.get(p.article_id, ()), rules=rules)
        )
    if not keys:
        return set()
    return _ids(store, f"SELECT DISTINCT article_id FROM reconcile_keys WHERE kd {_IN}", keys)


def _close(store: Store, part: set[str]) -> set[str]:
    """The part with every article that shares a cluster, incident, copy or denial with it."""
    while True:
        grow = _ids(
            store,
            f"""SELECT DISTINCT article_id FROM merges WHERE cluster_id IN (
                    SELECT cluster_id FROM merges WHERE article_id {_IN})
                UNION SELECT article_id FROM reconcile_articles WHERE incident IN (
                    SELECT incident FROM reconcile_articles WHERE article_id {_IN})
                UNION SELECT canonical_id FROM duplicates WHERE article_id {_IN}
                UNION SELECT article_id FROM duplicates WHERE canonical_id {_IN}
                UNION SELECT article_id FROM casualties WHERE id IN (
                    SELECT unnest(contradicts) FROM claims WHERE article_id {_IN})
                UNION SELECT article_id FROM claims WHERE list_has_any(contradicts, (
                    SELECT list(id) FROM casualties WHERE article_id {_IN}))""",
            *([part] * 6),
        )
        if grow <= part:
            return part
        part |= grow


def _before(store: Store, part: set[str]) -> dict[str, tuple[str, str]]:
    """item id -> (article id, cluster id) as stored, for the part's items."""
    rows = store.con.execute(
        f"SELECT item_id, article_id, cluster_id FROM merges WHERE article_id {_IN}",
        [sorted(part)],
    ).fetchall()
    return {str(i): (str(a), str(c)) for i, a, c in rows}


def _moved(before: Mapping[str, tuple[str, str]], comp: Computed) -> set[str]:
    """Articles with an old item whose cluster changed: its id (first report), or the old
    items it holds."""
    old_members: dict[str, set[str]] = defaultdict(set)
    for item, (_, cid) in before.items():
        old_members[cid].add(item)
    now = {iid: c.id for iid, c in comp.cl.cluster_of.items()}
    new_members: dict[str, set[str]] = defaultdict(set)
    for item, cid in now.items():
        if item in before:
            new_members[cid].add(item)
    out = set()
    for item, (aid, cid) in before.items():
        if now.get(item) != cid or new_members[cid] != old_members[cid]:
            out.add(aid)
    return out


def _denying(store: Store, part: set[str]) -> set[str]:
    return _ids(
        store,
        f"""SELECT DISTINCT article_id FROM claims WHERE article_id {_IN}
            AND list_contains(?, stance) AND len(coalesce(contradicts, [])) = 0""",
        part,
        DENYING_STANCES,
    )


def _df(store: Store, new: Sequence[str]) -> tuple[Counter[str], Callable[[], int]]:
    added: Counter[str] = Counter()
    for p in load_profiles(store, article_ids=new, df={}, n=1):
        added.update(p.tokens.keys())

    def n() -> int:
        row = store.con.execute("SELECT count(*) FROM reconcile_articles").fetchone()
        return (int(row[0]) if row else 0) + len(new)

    return added, n


_DEDUP: dict[str, tuple[tuple[object, ...], DedupIndex]] = {}
"""Per database path: the copy index the last incremental pass left, and the signature
table's state then (a server keeps it between passes instead of rebuilding it each time)."""


def _dedup(store: Store) -> None:
    def state() -> tuple[object, ...]:
        row = store.con.execute(
            "SELECT count(*), coalesce(max(seq), 0) FROM article_minhash"
        ).fetchone()
        return tuple(row or ())

    cached = _DEDUP.pop(store.path, None)
    index = cached[1] if cached is not None and cached[0] == state() else None
    if index is None:
        index = load_index(store)
    dedup_articles(store, index=index)
    _DEDUP[store.path] = (state(), index)


def reconcile_new(
    store: Store,
    *,
    rules: Rules | None = None,
    min_confidence: float = 0.0,
    max_part: int = MAX_PART,
    full: Callable[[Store], object] | None = None,
) -> IncrementalResult | None:
    """Place the articles added since the last pass; ``None`` when there were none.

    Falls back to ``full(store)`` (the full pass) when the index is missing or of another
    version, when a split changed, or when the part outgrows ``max_part`` articles.
    """
    t0 = time.perf_counter()
    rules = rules or Rules()

    def fallback(n_new: int) -> IncrementalResult:
        if full is None:
            raise RuntimeError("the incremental index needs a full pass first")
        full(store)
        return IncrementalResult(n_new, n_new, 0, 0, round(time.perf_counter() - t0, 3), True)

    if not ready(store):
        return fallback(len(new_articles(store)))
    new = new_articles(store)
    if not new:
        return None
    t_dedup = time.perf_counter()
    _dedup(store)
    t_dedup = time.perf_counter() - t_dedup
    added, n_articles = _df(store, new)
    total = n_articles()

    def df_of(tokens: Iterable[str]) -> dict[str, int]:
        toks = sorted(set(tokens))
        stored = dict(
            store.con.execute(
                f"SELECT token, n FROM reconcile_df WHERE token {_IN}", [toks]
            ).fetchall()
        )
        return {t: int(stored.get(t, 0)) + added.get(t, 0) for t in toks}

    part, queried, frontier = set(new), set(), set(new)
    rounds = 0
    while frontier:
        rounds += 1
        if rounds > MAX_ROUNDS:
            return fallback(len(new))
        part |= _neighbours(store, sorted(frontier), rules)
        queried |= frontier
        part = _close(store, part)
        if len(part) > max_part:
            return fallback(len(new))
        comp = compute(
            store,
            sorted(part),
            df=df_of,
            n_articles=total,
            rules=rules,
            min_confidence=min_confidence,
        )
        before = _before(store, part)
        frontier = (_moved(before, comp) | _denying(store, part)) - queried
    new_set = set(new)
    profiles = [p for p in comp.profiles if p.article_id in new_set]
    items = [i for i in comp.items if i.article_id in new_set]
    keys = blocking_keys(profiles, items, denial_spots(store, new), rules=rules)
    scope = Scope(
        sorted(part),
        sorted({cid for _, cid in before.values()}),
        sorted({*before, *(i.id for i in comp.items), *comp.claim_ids}),
    )
    write(
        store,
        comp.cl,
        comp.figures,
        comp.tallies,
        comp.contras,
        state=lambda: fingerprint(store),
        incidents=comp.incidents(),
        keys=keys,
        df=added,
        scope=scope,
    )
    return IncrementalResult(
        len(new),
        len(part),
        rounds,
        len(comp.cl.clusters),
        round(time.perf_counter() - t0, 3),
        dedup_seconds=round(t_dedup, 3),
    )
