"""Clusters into incidents: the clustering entry point and the merge of linked articles' clusters.

:func:`cluster_items` clusters events and casualty claims (:class:`~sitrep.reconcile.cluster.Clusterer`)
and, given the articles' profiles, merges the clusters of the articles that
:mod:`sitrep.reconcile.linking` found to report one incident (:func:`merge_incidents`; the rules
are in :mod:`sitrep.reconcile.cluster`'s docstring).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sitrep.reconcile.cluster import Cluster, Clusterer, Merge, Rules
from sitrep.reconcile.items import Item, Spot, haversine_km, norm_name
from sitrep.reconcile.linking import Link, LinkRules, Profile, link_articles


def cluster_items(
    events: Sequence[Item],
    casualties: Sequence[Item],
    *,
    rules: Rules | None = None,
    splits: Iterable[str] = (),
    profiles: Sequence[Profile] | None = None,
    link_rules: LinkRules | None = None,
) -> Clusterer:
    """Cluster events, then incident casualty claims; cumulative claims are left out. With
    the articles' ``profiles``, then merge the clusters of each incident
    (:func:`merge_incidents`).

    Returns:
        The :class:`Clusterer` holding ``clusters``, ``merges`` and ``cluster_of``.
    """
    cl = Clusterer(rules=rules, splits=splits)
    by_date = sorted(events, key=lambda i: (i.date or dt.date.max, i.id))
    for ev in by_date:
        cl.add_event(ev)
    link: dict[str, Item] = {}
    for ev in by_date:
        for cid in ev.casualty_ids:
            link.setdefault(cid, ev)
    for it in sorted(casualties, key=lambda i: (i.date or dt.date.max, i.id)):
        if it.scope != "incident":
            continue
        cl.add_casualty(it, linked_event=link.get(it.id))
    if profiles:
        merge_incidents(cl, profiles, rules=link_rules)
    return cl


@dataclass(frozen=True, slots=True)
class Incident:
    """Where and when an incident of linked articles happened, as the clusters must fit."""

    root: str
    articles: frozenset[str]
    spot: Spot | None  # the fine place its articles name most
    countries: frozenset[str]
    days: frozenset[dt.date]
    common: tuple[Spot, ...] = ()  # places (fine or regions) a third of its reports name


def _incident(root: str, members: Sequence[Profile]) -> Incident:
    weight: dict[tuple[object, ...], float] = {}
    spots: dict[tuple[object, ...], Spot] = {}
    named: Counter[dt.date] = Counter()
    naming: Counter[tuple[object, ...]] = Counter()
    countries: set[str] = set()
    for p in members:
        for sp, share in p.places:
            k: tuple[object, ...] = (sp.geonameid,) if sp.geonameid else (norm_name(sp.name),)
            weight[k] = weight.get(k, 0.0) + share
            spots.setdefault(k, sp)
        for sp, share in [*p.places, *p.regions]:
            if share >= LinkRules().min_share:
                k = (sp.geonameid,) if sp.geonameid else (norm_name(sp.name),)
                naming[k] += 1
                spots.setdefault(k, sp)
        named.update(p.days)
        countries.update(p.countries)
    if len(members) > 1:
        # days at least two reports name, and the days they came out
        days = {d for d, n in named.items() if n >= 2}
        days.update(p.published for p in members if p.published)
    else:
        days = set(named)
    spot = spots[max(weight, key=lambda k: (weight[k], str(k)))] if weight else None
    enough = max(2, math.ceil(len(members) / 3))
    common = tuple(spots[k] for k, n in sorted(naming.items(), key=str) if n >= enough)
    return Incident(
        root,
        frozenset(p.article_id for p in members),
        spot,
        frozenset(countries),
        frozenset(days),
        common,
    )


def _fits(c: Cluster, inc: Incident, *, rules: LinkRules) -> bool:
    """Whether a cluster's place and date fit an incident's (see the module docstring).

    A place in another country than the incident's main place says nothing against it (a
    name read as a namesake abroad, an actor's capital); a place in the same country must
    lie within ``region_km`` of it (a region's centre within twice that), or of a place a
    third of the incident's reports name (a dateline, the region it lies in)."""
    sp = c.seed.spot
    if sp.lat is not None and not sp.vague and inc.spot is not None:
        same_country = not sp.country or not inc.spot.country or sp.country == inc.spot.country
        limit = rules.region_km * (2 if sp.precision == "region" else 1)
        near = [d for o in (inc.spot, *inc.common) if (d := haversine_km(sp, o)) is not None]
        if same_country and near and min(near) > limit:
            return False
    day = c.seed.date
    if day is None or day == c.seed.published or not inc.days:
        return True
    return min(abs((day - d).days) for d in inc.days) <= rules.max_days


def merge_incidents(
    cl: Clusterer, profiles: Sequence[Profile], *, rules: LinkRules | None = None
) -> list[Link]:
    """Merge the clusters of each incident of linked articles; the links made.

    A cluster belongs to the incident of most of its items' articles; split items' clusters
    never merge. The cluster with the most casualty claims (then items, then the earliest)
    takes the others' items in, and each moved item's merge row names the link that brought
    its article into the incident.
    """
    rules = rules or LinkRules()
    groups, links = link_articles(profiles, rules=rules)
    via: dict[str, Link] = {}
    for ln in links:
        via.setdefault(ln.article_b, ln)
        via.setdefault(ln.article_a, ln)
    members: dict[str, list[Profile]] = {}
    for p in profiles:
        members.setdefault(groups[p.article_id], []).append(p)
    incidents = {root: _incident(root, ps) for root, ps in members.items()}
    by_incident: dict[str, list[Cluster]] = {}
    for c in cl.clusters:
        if c.closed:
            continue
        roots = Counter(groups[i.article_id] for i in c.items if i.article_id in groups)
        if not roots:
            continue
        root = roots.most_common(1)[0][0]
        if _fits(c, incidents[root], rules=rules):
            by_incident.setdefault(root, []).append(c)
    merge_of = {m.item_id: n for n, m in enumerate(cl.merges)}
    gone: set[str] = set()
    for _, cs in sorted(by_incident.items()):
        if len(cs) < 2:
            continue
        target = max(
            cs,
            key=lambda c: (
                sum(1 for i in c.items if i.kind == "casualty"),
                len(c.items),
                -(c.first or dt.date.max).toordinal(),
                c.id,
            ),
        )
        for c in cs:
            if c is target:
                continue
            for item in c.items:
                target.add(item)
                cl.cluster_of[item.id] = target
                via_link = via.get(item.article_id)
                same = item.article_id == target.seed.article_id
                m = Merge(
                    item.id,
                    item.kind,
                    item.article_id,
                    item.canonical_id,
                    target.id,
                    "incident:same-article"
                    if same or via_link is None
                    else f"incident:{via_link.rule}",
                    target.seed.id,
                    None if same or via_link is None else via_link.distance_km,
                    None if same or via_link is None else via_link.day_gap,
                    None if same or via_link is None else via_link.similarity,
                )
                cl.merges[merge_of[item.id]] = m
            gone.add(c.id)
    if gone:
        cl.clusters = [c for c in cl.clusters if c.id not in gone]
        for cid in gone:
            cl.by_id.pop(cid, None)
    return links
