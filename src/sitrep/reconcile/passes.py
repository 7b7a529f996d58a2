"""One reconciliation pass over the whole database or over one part of it.

:func:`compute` loads the rows of every article (or of the given articles), clusters their
events and casualty claims, merges the clusters of linked articles into incidents, tallies
and finds contradictions: the full pass and the incremental pass run the same code, the
latter on the articles a new one can touch (:mod:`sitrep.reconcile.incremental`). The part's
TF-IDF uses the whole corpus's word counts (``reconcile_df``), so two articles read as alike
in a partial pass as in a full one.

:func:`blocking_keys` gives an article's keys in ``reconcile_keys`` (place cell, GeoNames id,
place name, country or canonical copy, each with a day): the ones the linking and clustering
indexes would put it under. :func:`query_keys` gives the keys to look up to find every
article one article could be compared with, by either index (a wider net than theirs).

Tallies are made for every extent a cluster's claims have (:data:`SCOPES`: incident, daily,
cumulative, war-wide), each its own tally, never mixed; the incident tallies come first.
Only incident claims are clustered; an article's other claims (running totals, "in the past
24 hours", "since the war began") join the cluster of the event they are linked to, else the
cluster holding most of that article's clustered items (:func:`scope_clusters`): they are
what that incident's reports say alongside it. An article with nothing clustered keeps them
out of every cluster (the place-keyed cumulative query still reads them). A running total is
tallied by the same rules as an incident's figure: a source's latest total supersedes its
earlier ones (their periods overlap), a later equal or higher total from a source at least as
good supersedes another source's (running totals only grow, so a lower later figure is no
revision but a dispute and stays in ``low``), and ``low <= best <= high`` holds. Two
reports' totals for different days count as one source's latest only when their stated
periods overlap; a "daily" figure's disjoint days add up, as the tally's incidents do.
Contradictions are read from the incident tallies only: running totals of different days
differ by nature.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from sitrep.model import DENYING_STANCES
from sitrep.reconcile.cluster import Clusterer, Rules, _place_keys, clusters_near
from sitrep.reconcile.contradict import (
    Contradiction,
    StatedClaim,
    denials,
    differing_figures,
    superseded_by_others,
    updates,
)
from sitrep.reconcile.groups import EXTENTS
from sitrep.reconcile.incidents import cluster_items, merge_incidents
from sitrep.reconcile.items import Figure, Item, Spot, figure_item, load_events, load_figures
from sitrep.reconcile.linking import Link, LinkRules, Profile, _keys, load_profiles, vectorize
from sitrep.reconcile.tally import EXCLUDING_FLAGS, Tally, tally_all
from sitrep.store import Store

VERSION = "reconcile.v7"  # v7: one number with another hedge is no update, a report's highest figure, outliers by word counts, sides filled in, incidents named by their members' place; v6: old named days only when most named; v5: met lower bounds, cross-source updates; v4: tallies for every extent
SCOPES = EXTENTS  # the order tallies come in: the incident's own figures first
EVENT_EXCLUDING_FLAGS = frozenset(
    {"negated", "denied", "hypothetical", "future", "generic", "summary"}
)


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


def _splits(store: Store) -> list[str]:
    return [r[0] for r in store.con.execute("SELECT item_id FROM cluster_splits").fetchall()]


def _claims(store: Store, article_ids: Sequence[str] | None) -> list[StatedClaim]:
    where = "" if article_ids is None else " WHERE article_id IN (SELECT unnest(?::VARCHAR[]))"
    rows = store.con.execute(
        "SELECT id, article_id, source, stance, content, contradicts FROM claims" + where,
        [] if article_ids is None else [list(article_ids)],
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
    arts = sorted(
        {c.article_id for c in claims if c.stance in DENYING_STANCES and not c.contradicts}
    )
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


@dataclass(slots=True)
class Computed:
    """What one pass found, before it is written."""

    cl: Clusterer
    figures: list[Figure]
    items: list[Item]
    profiles: list[Profile]
    links: list[Link]
    tallies: list[Tally]
    contras: list[Contradiction]
    claim_ids: list[str]

    def incidents(self) -> dict[str, str]:
        """Article id -> its incident (the least article id of the linked articles)."""
        parent = {p.article_id: p.article_id for p in self.profiles}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for ln in self.links:
            if ln.article_a in parent and ln.article_b in parent:
                a, b = find(ln.article_a), find(ln.article_b)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        return {aid: find(aid) for aid in parent}


def compute(
    store: Store,
    article_ids: Sequence[str] | None = None,
    *,
    df: Callable[[Iterable[str]], Mapping[str, int]] | None = None,
    n_articles: int | None = None,
    rules: Rules | None = None,
    min_confidence: float = 0.0,
) -> Computed:
    """Cluster, link, tally and find contradictions over every article, or over these ones
    (with ``df`` and ``n_articles``, the whole corpus's word counts)."""
    # negated, denied, hypothetical and future events are statements, generic and summary
    # ones no single incident: they stay in ``events`` with their flags, clustered nowhere
    events = [
        e for e in load_events(store, article_ids) if not set(e.flags) & EVENT_EXCLUDING_FLAGS
    ]
    figures = load_figures(store, article_ids)
    # flagged claims (negated, hypothetical, future, historical) report no incident
    incident = [figure_item(f) for f in figures if not set(f.flags) & EXCLUDING_FLAGS]
    if df is None:
        profiles = load_profiles(store, article_ids=article_ids)
    else:  # a part of the corpus: the whole corpus's word counts
        profiles = load_profiles(store, article_ids=article_ids, df={}, n=1)
        vectorize(profiles, df=df({t for p in profiles for t in p.tokens}), n=n_articles)
    cl = cluster_items(events, incident, rules=rules, splits=_splits(store))
    links = merge_incidents(cl, profiles) if profiles else []
    cluster_of = {iid: c.id for iid, c in cl.cluster_of.items()}
    where = "" if article_ids is None else " WHERE id IN (SELECT unnest(?::VARCHAR[]))"
    outlets = {
        str(r[0]): r[1]
        for r in store.con.execute(
            "SELECT id, outlet FROM articles" + where,
            [] if article_ids is None else [list(article_ids)],
        ).fetchall()
    }
    home = scope_clusters(figures, [*events, *incident], cluster_of)
    groups: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        if f.id in cluster_of:
            groups[cluster_of[f.id]].append(f)
        elif f.id in home:
            groups[home[f.id]].append(f)
    tallies = [
        t
        for scope in SCOPES
        for t in tally_all(groups, scope=scope, outlets=outlets, min_confidence=min_confidence)
    ]
    own = [t for t in tallies if t.scope == "incident"]
    claims = _claims(store, article_ids)
    contras = [
        *denials(claims, figures, cluster_of, nearby=_nearby(store, cl, claims)),
        *differing_figures(own, figures),
        *updates(own, figures),
        *superseded_by_others(own, figures),
    ]
    contras = [
        c
        if c.cluster_id or not c.item_b
        else dataclasses.replace(c, cluster_id=cluster_of.get(c.item_b))
        for c in contras
    ]
    return Computed(
        cl, figures, [*events, *incident], profiles, links, tallies, contras, [c.id for c in claims]
    )


def scope_clusters(
    figures: Sequence[Figure], items: Sequence[Item], cluster_of: Mapping[str, str]
) -> dict[str, str]:
    """Claim id -> cluster for the unflagged claims of another extent than an incident's
    (running totals, daily figures), which are clustered nowhere: the cluster of an event
    linked to the claim, else of its article's clustered items; of several, the one holding
    most of the article's items (the least cluster id on a tie)."""
    by_event: dict[str, set[str]] = defaultdict(set)
    per_article: dict[str, Counter[str]] = defaultdict(Counter)
    for it in items:
        cid = cluster_of.get(it.id)
        if cid is None:
            continue
        per_article[it.article_id][cid] += 1
        for fid in it.casualty_ids:
            by_event[fid].add(cid)
    out: dict[str, str] = {}
    for f in figures:
        if f.id in cluster_of or f.scope == "incident" or set(f.flags) & EXCLUDING_FLAGS:
            continue
        counts = per_article.get(f.article_id, Counter())
        # whatever order the items came in: the linked events' (else the article's) cluster
        # holding most of the article's items, the least id on a tie
        candidates = by_event.get(f.id) or set(counts)
        if candidates:
            out[f.id] = min(candidates, key=lambda c: (-counts[c], c))
    return out


def _k(key: Iterable[object]) -> str:
    return ":".join(str(x) for x in key)


def _cluster_query_keys(spot: Spot, max_km: float) -> list[str]:
    """A place's clustering keys and every cell two cells around (wider than the index's)."""
    keys = [_k(k) for k in _place_keys(spot, max_km, query=False) if k[0] != "cell"]
    if spot.lat is not None and spot.lon is not None:
        cell = max_km / 111.0
        y, x = math.floor(spot.lat / cell), math.floor(spot.lon / cell)
        shrink = max(math.cos(math.radians(min(89.0, abs(spot.lat) + 2 * cell))), 0.01)
        dx = math.ceil(1 / shrink) + 1
        keys.extend(f"cell:{y + i}:{x + j}" for i in (-2, -1, 0, 1, 2) for j in range(-dx, dx + 1))
    return keys


def _day(d: dt.date) -> str:
    return d.isoformat()


def blocking_keys(
    profiles: Sequence[Profile],
    items: Sequence[Item],
    places: Mapping[str, Sequence[Spot]],
    *,
    rules: Rules | None = None,
) -> list[tuple[str, str]]:
    """(article id, key) rows: where the linking and clustering indexes put each article
    (its items at their places and days, its location places at its publication day)."""
    rules = rules or Rules()
    lr = LinkRules()
    out: list[tuple[str, str]] = []
    pub: dict[str, dt.date | None] = {}
    for p in profiles:
        pub[p.article_id] = p.published
        out.append((p.article_id, f"K|{p.canonical_id}"))
        for key in _keys(p, lr, query=False):
            out.extend((p.article_id, f"L|{_k(key)}|{_day(d)}") for d in p.days)
    for it in items:
        if it.date is None or not it.spot.known:
            continue
        for key in _place_keys(it.spot, rules.max_km, query=False):
            out.append((it.article_id, f"C|{_k(key)}|{_day(it.date)}"))
    for aid, spots in places.items():
        day = pub.get(aid)
        if day is None:
            continue
        for sp in spots:
            for key in _place_keys(sp, rules.max_km, query=False):
                out.append((aid, f"C|{_k(key)}|{_day(day)}"))
    return out


def query_keys(
    profile: Profile,
    items: Sequence[Item],
    spots: Sequence[Spot],
    *,
    rules: Rules | None = None,
) -> list[str]:
    """The keys of every article the indexes could compare this one with: the same copy,
    linking keys within the linking day window, clustering keys within twice the cluster
    day window (a cluster's members lie within one window of its first report)."""
    rules = rules or Rules()
    lr = LinkRules()
    out = {f"K|{profile.canonical_id}"}
    for key in _keys(profile, lr, query=True):
        for d in profile.days:
            for g in range(-lr.max_days, lr.max_days + 1):
                out.add(f"L|{_k(key)}|{_day(d + dt.timedelta(days=g))}")
    reach = 2 * rules.max_days
    where = [(it.spot, it.date) for it in items if it.date is not None and it.spot.known]
    if profile.published is not None:
        where.extend((sp, profile.published) for sp in spots)
    for spot, day in where:
        for k in _cluster_query_keys(spot, rules.max_km):
            for g in range(-reach, reach + 1):
                out.add(f"C|{k}|{_day(day + dt.timedelta(days=g))}")
    return sorted(out)
