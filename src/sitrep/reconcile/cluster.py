"""Reports into events: clustering of events and casualty claims, every merge with its reason.

Two reports are one incident when they have the same PLOVER type (and the same event type when
both name one), their places are within ``max_km`` of each other (or are the same GeoNames
entry or the same place name in the same country), their dates are at most ``max_days``
apart, and their actors are compatible (absent, or the same after folding "Russian forces" to
"russia"). A report pinned to a whole country, or with no date, is never merged: that is too
little to say two reports describe one incident, so it stays alone rather than be guessed.

A new report is compared with the members of the clusters whose date window covers its date
(an index by type and day, so the work grows with the number of reports, not its square), and
must also match the place and date (within ``max_days``) of the cluster's first report, so
clusters cannot creep along a front line or through a week of daily shelling of one city.
Two events of one article never share a cluster: the article told them apart. A cluster is
placed where its seed is, unless the seed names only a country: then at the most specific
place of its members in that country.

Casualty claims join the cluster of an event that lists them; otherwise they join a violent
event's cluster (or another casualty claim's) by the same place and date rules.
Cumulative claims ("2,000 civilians since the invasion began") are not incidents and are
tallied by place and period instead.

Real reports often pin a figure to no more than a country, or to no date of its own, so the
reports of one strike end in many clusters. :func:`~sitrep.reconcile.incidents.merge_incidents` merges the clusters
of the articles that :mod:`sitrep.reconcile.linking` found to report one incident (by what
happened, where, when, and text similarity as evidence): a cluster joins its articles'
incident when its place fits the incident's (no place, a whole country, a place abroad that
is no evidence against it, or within ``region_km`` of its main place) and its date fits one
of the incident's days. Its
items' merge rows then name the rule ``incident:<link rule>``, the incident's first item,
the distance and day gap of the link and the text similarity that supported it.

Every item's membership is a :class:`Merge` row naming the rule, the report it matched, the
distance, the day gap and the actor similarity. Items listed in ``cluster_splits`` are kept
alone: nothing joins them and they join nothing, so a split survives reclustering.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from sitrep.model import content_id
from sitrep.reconcile.items import Item, Spot, haversine_km, norm_name

VIOLENT = frozenset({"ASSAULT", "FIGHT", "COERCE", "PROTEST"})
"""PLOVER types whose events can have casualties: casualty claims may join their clusters."""

_GENERIC_ACTOR_WORDS = frozenset(
    {
        "forces",
        "force",
        "troops",
        "army",
        "military",
        "soldiers",
        "government",
        "officials",
        "authorities",
        "militants",
        "fighters",
        "units",
        "unit",
        "armed",
        "side",
        "regime",
    }
)


@dataclass(frozen=True, slots=True)
class Rules:
    """The thresholds of clustering.

    Attributes:
        max_km: farthest two reports' places may be apart.
        max_days: most days two reports' dates may be apart.
        actor_score: lowest actor similarity (0-100) for two named actors to be the same.
    """

    max_km: float = 50.0
    max_days: int = 2
    actor_score: float = 85.0


@dataclass(frozen=True, slots=True)
class Merge:
    """Why an item is in its cluster: the rule, the item it matched, and how close they were."""

    item_id: str
    item_kind: str
    article_id: str
    canonical_article_id: str
    cluster_id: str
    rule: str  # seed | split | geo | same-place | event-link
    joined_item: str | None = None
    distance_km: float | None = None
    day_gap: int | None = None
    similarity: float | None = None


@dataclass(slots=True)
class Cluster:
    """A group of reports taken to describe one incident."""

    id: str
    seed: Item
    items: list[Item] = field(default_factory=list)
    closed: bool = False  # a split item: nothing joins it
    first: dt.date | None = None
    last: dt.date | None = None
    plover: str | None = None
    event_type: str | None = None
    event_articles: set[str] = field(default_factory=set)  # articles with an event in it

    def add(self, item: Item) -> None:
        """Take an item in, keeping the date span and the type up to date."""
        self.items.append(item)
        if item.kind == "event":
            self.event_articles.add(item.article_id)
        if item.date is not None:
            self.first = item.date if self.first is None else min(self.first, item.date)
            self.last = item.date if self.last is None else max(self.last, item.date)
        self.plover = self.plover or item.plover
        self.event_type = self.event_type or item.event_type

    @property
    def sub_event_type(self) -> str | None:
        return _most_common(i.sub_event_type for i in self.items)

    @property
    def spot(self) -> Spot:
        """Where the incident happened: the place most of its members name (the seed's on a
        tie, then the most specific), of those with coordinates finer than a country in the
        seed's country (a casualty claim pinned to a city, linked to an event its report left
        at the country; an Uman strike's report that also names a Dnipro strike of the night
        is still Uman's); else the seed's place."""
        seed = self.seed.spot
        inside = [
            i.spot
            for i in self.items
            if i.spot.lat is not None
            and i.spot.name
            and not i.spot.vague
            and (not seed.country or not i.spot.country or i.spot.country == seed.country)
        ]
        if not inside:
            return seed
        votes = Counter(sp.name for sp in inside)
        return max(
            inside,
            key=lambda sp: (
                votes[sp.name],
                sp.name == seed.name,
                -_PRECISION.get(sp.precision or "", 3),
            ),
        )


_PRECISION = {"point": 0, "city": 1, "region": 2}


def _most_common(values: Iterable[str | None]) -> str | None:
    c = Counter(v for v in values if v)
    return c.most_common(1)[0][0] if c else None


def place_match(a: Spot, b: Spot, *, max_km: float) -> tuple[str, float | None] | None:
    """The rule by which two places are one, with the distance; ``None`` if they are not."""
    if not a.known or not b.known or a.vague or b.vague:
        return None
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return "same-place", 0.0
    d = haversine_km(a, b)
    if d is not None:
        return ("geo", round(d, 2)) if d <= max_km else None
    if a.country and b.country and a.country != b.country:
        return None
    if norm_name(a.name) and norm_name(a.name) == norm_name(b.name):
        return "same-place", None
    return None


def _actor_key(name: str | None) -> str:
    words = [w for w in norm_name(name).split() if w not in _GENERIC_ACTOR_WORDS]
    return " ".join(words)


def actor_similarity(a: str | None, b: str | None) -> float | None:
    """How alike two actor names are (0-100), or ``None`` when either is not named.

    "Russian forces" and "Russia" fold to stems sharing a long prefix and score 100.
    """
    ka, kb = _actor_key(a), _actor_key(b)
    if not ka or not kb:
        return None
    score = float(fuzz.ratio(ka, kb))
    short = min(len(ka), len(kb))
    common = 0
    for x, y in zip(ka, kb, strict=False):
        if x != y:
            break
        common += 1
    if common >= 5 and common >= 0.7 * short:
        score = 100.0
    return score


def actors_compatible(a: Item, b: Item, *, rules: Rules) -> tuple[bool, float | None]:
    """Whether two items' actors can be the same, and the similarity that decided it.

    The first actors must match when both are named; in a two-sided clash (FIGHT) either
    side may be named first.
    """
    s = actor_similarity(a.actor1, b.actor1)
    if s is None:
        return True, None
    if s >= rules.actor_score:
        return True, round(s / 100, 3)
    if a.plover == "FIGHT" and b.plover == "FIGHT":
        cross = [actor_similarity(a.actor1, b.actor2), actor_similarity(a.actor2, b.actor1)]
        best = max((c for c in cross if c is not None), default=None)
        if best is not None and best >= rules.actor_score:
            return True, round(best / 100, 3)
    return False, round(s / 100, 3)


def _types_compatible(item: Item, cluster: Cluster) -> bool:
    if item.kind == "casualty":
        return cluster.plover is None or cluster.plover in VIOLENT
    if item.plover != cluster.plover:
        return False
    et = cluster.event_type
    return not (item.event_type and et and item.event_type != et)


def _place_keys(spot: Spot, max_km: float, *, query: bool) -> list[tuple[object, ...]]:
    """Index keys of a place: its GeoNames id, its folded name, and its grid cell (for a query,
    every cell within ``max_km``). Two places that :func:`place_match` accepts share a key."""
    keys: list[tuple[object, ...]] = []
    if spot.geonameid is not None:
        keys.append(("id", spot.geonameid))
    if norm_name(spot.name):
        keys.append(("name", norm_name(spot.name)))
    if spot.lat is not None and spot.lon is not None:
        cell = max_km / 111.0  # degrees of latitude per cell: no match is more than 1 cell away
        y, x = math.floor(spot.lat / cell), math.floor(spot.lon / cell)
        if not query:
            keys.append(("cell", y, x))
        else:
            shrink = max(math.cos(math.radians(min(89.0, abs(spot.lat) + cell))), 0.01)
            dx = math.ceil(1 / shrink)
            keys.extend(("cell", y + i, x + j) for i in (-1, 0, 1) for j in range(-dx, dx + 1))
    return keys


class _Index:
    """Open clusters by (type, day, place key) for each day around their first report's date."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.cells: dict[tuple[str | None, dt.date, tuple[object, ...]], list[Cluster]] = {}

    def register(self, c: Cluster) -> None:
        if c.seed.date is None or not c.seed.spot.known or c.seed.spot.vague:
            return
        keys = _place_keys(c.seed.spot, self.rules.max_km, query=False)
        for d in range(-self.rules.max_days, self.rules.max_days + 1):
            day = c.seed.date + dt.timedelta(days=d)
            for k in keys:
                self.cells.setdefault((c.plover, day, k), []).append(c)

    def candidates(self, types: Iterable[str | None], item: Item) -> list[Cluster]:
        assert item.date is not None
        out: dict[str, Cluster] = {}
        keys = _place_keys(item.spot, self.rules.max_km, query=True)
        for t in types:
            for k in keys:
                for c in self.cells.get((t, item.date, k), ()):
                    out.setdefault(c.id, c)
        return list(out.values())


class Clusterer:
    """Builds clusters from items, recording every merge.

    Args:
        rules: the thresholds.
        splits: ids of items the user split out; they stay alone.
    """

    def __init__(self, *, rules: Rules | None = None, splits: Iterable[str] = ()) -> None:
        self.rules = rules or Rules()
        self.splits = set(splits)
        self.clusters: list[Cluster] = []
        self.merges: list[Merge] = []
        self.cluster_of: dict[str, Cluster] = {}
        self.by_id: dict[str, Cluster] = {}
        self._index = _Index(self.rules)

    def _new(self, item: Item, rule: str) -> Cluster:
        c = Cluster(id=content_id("cluster", item.id), seed=item)
        c.add(item)
        c.closed = item.id in self.splits
        self.clusters.append(c)
        self.by_id[c.id] = c
        self.cluster_of[item.id] = c
        self.merges.append(self._merge(item, c, rule))
        if not c.closed:
            self._index.register(c)
        return c

    def _merge(
        self,
        item: Item,
        c: Cluster,
        rule: str,
        other: Item | None = None,
        dist: float | None = None,
        gap: int | None = None,
        sim: float | None = None,
    ) -> Merge:
        return Merge(
            item.id,
            item.kind,
            item.article_id,
            item.canonical_id,
            c.id,
            rule,
            other.id if other else None,
            dist,
            gap,
            sim,
        )

    def _join(self, item: Item, c: Cluster, m: Merge) -> None:
        c.add(item)
        self.cluster_of[item.id] = c
        self.merges.append(m)

    def _best_match(self, item: Item, keys: Sequence[str | None]) -> Merge | None:
        """The closest member of a compatible cluster that every rule accepts."""
        if item.date is None or not item.spot.known or item.spot.vague:
            return None
        best: tuple[tuple[float, int, str], Merge] | None = None
        seen: set[str] = set()
        for c in self._index.candidates(keys, item):
            if c.id in seen or c.closed or not _types_compatible(item, c):
                continue
            if item.kind == "event" and item.article_id in c.event_articles:
                continue  # one article's two events are two incidents, by its own account
            seen.add(c.id)
            # the cluster's first report anchors it in place and time: no creeping along a
            # front line or from one day's shelling to the next week's
            if c.seed.date is None or abs((item.date - c.seed.date).days) > self.rules.max_days:
                continue
            if place_match(item.spot, c.seed.spot, max_km=self.rules.max_km) is None:
                continue
            for other in reversed(c.items):  # the latest reports first
                if other.date is None:
                    continue
                gap = abs((item.date - other.date).days)
                if gap > self.rules.max_days:
                    continue
                pm = place_match(item.spot, other.spot, max_km=self.rules.max_km)
                if pm is None:
                    continue
                ok, sim = actors_compatible(item, other, rules=self.rules)
                if not ok:
                    continue
                key = (pm[1] if pm[1] is not None else 0.0, gap, other.id)
                if best is None or key < best[0]:
                    best = (key, self._merge(item, c, pm[0], other, pm[1], gap, sim))
                if key[:2] == (0.0, 0):
                    break  # no member of this cluster can be closer
        return best[1] if best else None

    def add_event(self, item: Item) -> Cluster:
        """Place one event (call in date order)."""
        if item.id in self.splits:
            return self._new(item, "split")
        m = self._best_match(item, [item.plover])
        if m is None:
            return self._new(item, "seed")
        c = self.by_id[m.cluster_id]
        self._join(item, c, m)
        return c

    def add_casualty(self, item: Item, *, linked_event: Item | None = None) -> Cluster:
        """Place one incident casualty claim (call after every event, in date order)."""
        if item.id in self.splits:
            return self._new(item, "split")
        if linked_event is not None and linked_event.id in self.cluster_of:
            c = self.cluster_of[linked_event.id]
            gap = (
                abs((item.date - linked_event.date).days)
                if item.date and linked_event.date
                else None
            )
            self._join(
                item,
                c,
                self._merge(
                    item,
                    c,
                    "event-link",
                    linked_event,
                    haversine_km(item.spot, linked_event.spot),
                    gap,
                ),
            )
            return c
        m = self._best_match(item, [*sorted(VIOLENT), None])
        if m is None:
            return self._new(item, "seed")
        c = self.by_id[m.cluster_id]
        self._join(item, c, m)
        return c


def clusters_near(cl: Clusterer, spot: Spot, day: dt.date) -> list[Cluster]:
    """The clusters whose first report is at this place (by the place rules) within the day
    window of this date."""
    probe = Item("", "event", "", "", None, None, day, spot)
    types = {c.plover for c in cl.clusters}
    out = []
    for c in cl._index.candidates(types, probe):
        if c.id not in cl.by_id:
            continue  # merged into an incident
        if c.seed.date is None or abs((day - c.seed.date).days) > cl.rules.max_days:
            continue
        if place_match(spot, c.seed.spot, max_km=cl.rules.max_km) is not None:
            out.append(c)
    return out
