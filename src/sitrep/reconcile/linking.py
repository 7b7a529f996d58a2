"""Articles into incidents: what happened, where, when, and how alike the reports read.

Item clustering (:mod:`sitrep.reconcile.cluster`) needs every event and casualty claim to be
pinned to a place and a date of its own; real reports often pin a figure to nothing better
than a country ("killing at least 22 people", "Ukraine"), so the reports of one strike end in
many clusters. This module decides, per pair of articles, whether they report one incident,
from the article as a whole:

- **what** (:attr:`Profile.kinds`): both report violence (an assault or fight event, or an
  incident casualty figure);
- **where** (:attr:`Profile.places`): the places the article puts things at, by how often it
  names them. Two articles share a place when a city-, village- or point-precision place of
  each lies within ``max_km`` of the other (or is the same GeoNames entry), both among the
  places that carry a fair share (``min_share``) of the article's mentions. A region or
  country is weak evidence: it never links two articles by itself, it only keeps apart
  articles about different countries;
- **when** (:attr:`Profile.days`): the event date, not the publication date: the days the
  article names up to its publication, and the publication day; follow-ups ("the death toll
  rose to 40") name the day of the attack or come out within ``max_days`` of it. One of the
  two days compared must be recent in its article (:attr:`Profile.fresh`): two reports that
  both name a long-past day (a war's first day, in passing) are not one incident for it;
- **text** (:func:`cosine`): the TF-IDF cosine of the two texts' content words, as
  supporting evidence: a shared place needs ``min_text`` of it, and only a much higher
  similarity (``strong_text``) links two articles without a shared place.

Candidates come from an index by place cell (or country) and day, so each article is
compared with the few articles near it in place and time, never with the whole corpus.
Every link is a :class:`Link` with its reasons (place and distance, day gap, similarity);
linked articles form incidents by union-find (:func:`link_articles`), and
:func:`sitrep.reconcile.incidents.merge_incidents` merges their item clusters, recording
each merge with the link that made it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sitrep.reconcile.items import Spot, haversine_km, norm_name
from sitrep.store import Store

VIOLENT_TYPES = frozenset({"ASSAULT", "FIGHT"})
_FINE = frozenset({"city", "point", "village"})
_STOP_WORDS = """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own said same says she should so some such than that the
    their theirs them themselves then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves told according reported reports report news also one two three
    new year years day days monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    updated published photo video image getty reuters ap afp"""
_STOP = frozenset(_STOP_WORDS.split())
_TOKEN = re.compile(r"[a-z][a-z\-']{2,}")


@dataclass(frozen=True, slots=True)
class LinkRules:
    """The thresholds of article linking.

    Attributes:
        max_km: farthest two city-precision places may be apart to be one place.
        max_days: most days between an event day of each article.
        min_share: least share of an article's place mentions a place needs to count.
        min_text: least text similarity of two articles that share a place.
        region_text: least text similarity of two articles that share only a region.
        strong_text: least text similarity of two articles that share no place.
        region_km: farthest two region-precision places may be apart to be one region.
        lookback_days: how far before its publication a named day can be the event's (an
            anniversary piece names the day of the attack).
        recent_days: how far before its publication a named day is recent (see
            :attr:`Profile.fresh`); an older day is the article's own only when it names it
            more than once and more often than any recent day.
    """

    max_km: float = 40.0
    max_days: int = 3
    min_share: float = 0.15
    min_text: float = 0.06
    region_text: float = 0.15
    strong_text: float = 0.2
    region_km: float = 150.0
    lookback_days: int = 3660
    recent_days: int = 7


@dataclass(slots=True)
class Profile:
    """What incident linking knows of one article."""

    article_id: str
    canonical_id: str
    published: dt.date | None
    places: list[tuple[Spot, float]] = field(default_factory=list)  # fine places, share
    regions: list[tuple[Spot, float]] = field(default_factory=list)  # regions, share
    countries: frozenset[str] = frozenset()
    days: frozenset[dt.date] = frozenset()
    # days near publication, and the past day a later piece is about (all days if undated)
    fresh: frozenset[dt.date] = frozenset()
    kinds: frozenset[str] = frozenset()
    tokens: Counter[str] = field(default_factory=Counter)
    vector: dict[str, float] = field(default_factory=dict)

    @property
    def violent(self) -> bool:
        return bool(self.kinds & (VIOLENT_TYPES | {"casualty"}))


@dataclass(frozen=True, slots=True)
class Link:
    """Why two articles report one incident."""

    article_a: str
    article_b: str
    rule: str  # copy | place-date-text | region-date-text | date-text
    place: str | None = None
    distance_km: float | None = None
    day_gap: int | None = None
    similarity: float | None = None


def tokens(text: str) -> Counter[str]:
    """Content words of a text, lower case, without stop words."""
    return Counter(t for t in _TOKEN.findall(text.lower()) if t not in _STOP)


def vectorize(
    profiles: Sequence[Profile], *, df: Mapping[str, int] | None = None, n: int | None = None
) -> None:
    """Give each profile its unit-length TF-IDF vector (IDF over these profiles: a word every
    article has counts nothing, so the similarity of two reports rests on the words that
    tell their story from the rest of the corpus). With ``df`` and ``n``, the document
    frequencies and size of the whole corpus, of which these profiles are a part."""
    if df is None:
        counts: Counter[str] = Counter()
        for p in profiles:
            counts.update(p.tokens.keys())
        df = counts
    n = max(1, len(profiles) if n is None else n)
    for p in profiles:
        vec = {
            t: (1 + math.log(c)) * math.log((1 + n) / (1 + df.get(t, 0)))
            for t, c in p.tokens.items()
        }
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        p.vector = {t: v / norm for t, v in vec.items() if v > 0}


def cosine(a: Profile, b: Profile) -> float:
    """Cosine similarity of two profiles' TF-IDF vectors."""
    x, y = (a.vector, b.vector) if len(a.vector) <= len(b.vector) else (b.vector, a.vector)
    return sum(v * y.get(t, 0.0) for t, v in x.items())


def shared_place(
    a: Profile, b: Profile, *, rules: LinkRules, regions: bool = False
) -> tuple[str, float, float] | None:
    """The strongest place both articles name (a fine place, or with ``regions`` a region),
    its distance and the lesser of its shares."""
    best: tuple[str, float, float] | None = None
    pa, pb = (a.regions, b.regions) if regions else (a.places, b.places)
    limit = rules.region_km if regions else rules.max_km
    for sa, wa in pa:
        if wa < rules.min_share:
            continue
        for sb, wb in pb:
            if wb < rules.min_share:
                continue
            if sa.geonameid is not None and sa.geonameid == sb.geonameid:
                d: float | None = 0.0
            else:
                d = haversine_km(sa, sb)
                if d is None and norm_name(sa.name) and norm_name(sa.name) == norm_name(sb.name):
                    d = 0.0
            if d is None or d > limit:
                continue
            w = min(wa, wb)
            if best is None or w > best[2]:
                best = (sa.name or sb.name or "", round(d, 2), w)
    return best


def day_gap(a: Profile, b: Profile) -> int | None:
    """Fewest days between an event day of each article, one of the two recent in its own
    article (``None`` if either has none)."""
    if not a.days or not b.days:
        return None
    gaps = [abs((x - y).days) for x in a.fresh for y in b.days]
    gaps += [abs((x - y).days) for x in a.days for y in b.fresh]
    return min(gaps, default=None)


def judge(a: Profile, b: Profile, *, rules: LinkRules) -> Link | None:
    """Whether two articles report one incident, and why (see the module docstring)."""
    if a.canonical_id == b.canonical_id:
        return Link(a.article_id, b.article_id, "copy", similarity=1.0)
    if not (a.violent and b.violent):
        return None
    gap = day_gap(a, b)
    if gap is None or gap > rules.max_days:
        return None
    if a.countries and b.countries and not a.countries & b.countries:
        return None
    sim = round(cosine(a, b), 4)
    place = shared_place(a, b, rules=rules)
    if place is not None and sim >= rules.min_text:
        return Link(a.article_id, b.article_id, "place-date-text", place[0], place[1], gap, sim)
    region = shared_place(a, b, rules=rules, regions=True)
    if region is not None and sim >= rules.region_text and not _apart(a, b, rules=rules):
        return Link(a.article_id, b.article_id, "region-date-text", region[0], region[1], gap, sim)
    if sim >= rules.strong_text:
        # no fine place in common: the text must carry it, and the places they name must not
        # tell them apart (two fine places far from each other)
        if a.places and b.places and _apart(a, b, rules=rules):
            return None
        return Link(a.article_id, b.article_id, "date-text", None, None, gap, sim)
    return None


def _apart(a: Profile, b: Profile, *, rules: LinkRules) -> bool:
    """Whether the main fine places of two articles are far apart."""
    if not a.places or not b.places:
        return False
    sa, sb = a.places[0][0], b.places[0][0]
    d = haversine_km(sa, sb)
    return d is not None and d > 4 * rules.max_km


def _keys(p: Profile, rules: LinkRules, *, query: bool) -> list[tuple[object, ...]]:
    keys: list[tuple[object, ...]] = []
    cell = rules.max_km / 111.0
    for spot, share in [*p.places, *p.regions]:
        if share < rules.min_share or spot.lat is None or spot.lon is None:
            continue
        y, x = math.floor(spot.lat / cell), math.floor(spot.lon / cell)
        if not query:
            keys.append(("cell", y, x))
        else:
            shrink = max(math.cos(math.radians(min(89.0, abs(spot.lat) + cell))), 0.01)
            dx = math.ceil(1 / shrink)
            keys.extend(("cell", y + i, x + j) for i in (-1, 0, 1) for j in range(-dx, dx + 1))
    for c in sorted(p.countries) or [""]:
        keys.append(("country", c))
    return keys


def link_articles(
    profiles: Sequence[Profile], *, rules: LinkRules | None = None
) -> tuple[dict[str, str], list[Link]]:
    """Incidents of articles: article id -> incident root id, and every link made.

    Each article is compared with the articles indexed under one of its place cells or
    countries on one of its event days (give or take ``max_days``), in publication order.
    """
    rules = rules or LinkRules()
    parent: dict[str, str] = {p.article_id: p.article_id for p in profiles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    index: dict[tuple[object, ...], list[Profile]] = defaultdict(list)
    by_canon: dict[str, Profile] = {}
    links: list[Link] = []
    order = sorted(profiles, key=lambda p: (p.published or dt.date.max, p.article_id))
    for p in order:
        cands: dict[str, Profile] = {}
        if p.canonical_id in by_canon:
            cands[by_canon[p.canonical_id].article_id] = by_canon[p.canonical_id]
        for key in _keys(p, rules, query=True):
            for day in p.days:
                for d in range(-rules.max_days, rules.max_days + 1):
                    for q in index.get((*key, day + dt.timedelta(days=d)), ()):
                        cands.setdefault(q.article_id, q)
        for q in sorted(cands.values(), key=lambda q: q.article_id):
            if find(q.article_id) == find(p.article_id):
                continue
            link = judge(q, p, rules=rules)
            if link is not None:
                links.append(link)
                parent[find(p.article_id)] = find(q.article_id)
        by_canon.setdefault(p.canonical_id, p)
        for key in _keys(p, rules, query=False):
            for day in p.days:
                index[(*key, day)].append(p)
    return {p.article_id: find(p.article_id) for p in profiles}, links


def load_profiles(
    store: Store,
    *,
    rules: LinkRules | None = None,
    article_ids: Sequence[str] | None = None,
    df: Mapping[str, int] | None = None,
    n: int | None = None,
) -> list[Profile]:
    """The incident profile of every stored article (see :class:`Profile`), or of these
    articles (then ``df`` and ``n`` give the whole corpus's word counts for TF-IDF)."""
    rules = rules or LinkRules()
    ids = [] if article_ids is None else [list(article_ids)]
    only = "" if article_ids is None else " AND article_id IN (SELECT unnest(?::VARCHAR[]))"
    arts = store.con.execute(
        """SELECT a.id, coalesce(d.canonical_id, a.id), a.published, a.text
           FROM articles a LEFT JOIN duplicates d ON d.article_id = a.id"""
        + ("" if article_ids is None else " WHERE a.id IN (SELECT unnest(?::VARCHAR[]))"),
        ids,
    ).fetchall()
    places: dict[str, list[tuple[object, ...]]] = defaultdict(list)
    for row in store.con.execute(
        """SELECT article_id, name, country, lat, lon, geonameid, precision
           FROM places WHERE resolved AND role = 'location'"""
        + only,
        ids,
    ).fetchall():
        places[str(row[0])].append(row[1:])
    days: dict[str, list[dt.date]] = defaultdict(list)
    for aid, begin in store.con.execute(
        # a day named on its own; "since October 7" starts a period, it is no event's day
        """SELECT article_id, begin FROM times
           WHERE grain = 'day' AND begin IS NOT NULL AND begin = coalesce(end_date, begin)"""
        + only,
        ids,
    ).fetchall():
        days[str(aid)].append(begin)
    kinds: dict[str, set[str]] = defaultdict(set)
    for aid, plover in store.con.execute(
        """SELECT article_id, plover FROM events
           WHERE plover IS NOT NULL AND NOT list_has_any(coalesce(flags, []),
                 ['negated', 'denied', 'hypothetical', 'future', 'generic'])"""
        + only,
        ids,
    ).fetchall():
        kinds[str(aid)].add(str(plover))
    for (aid,) in store.con.execute(
        """SELECT DISTINCT article_id FROM casualties
           WHERE NOT list_has_any(coalesce(flags, []), ['negated', 'hypothetical', 'future',
                                                        'historical'])"""
        + only,
        ids,
    ).fetchall():
        kinds[str(aid)].add("casualty")
    profiles = [
        profile(
            str(aid),
            str(canon),
            pub,
            text or "",
            places.get(str(aid), ()),
            days.get(str(aid), []),
            kinds.get(str(aid), set()),
            rules=rules,
        )
        for aid, canon, pub, text in arts
    ]
    vectorize(profiles, df=df, n=n)
    return profiles


def profile(
    article_id: str,
    canonical_id: str,
    published: dt.date | None,
    text: str,
    places: Iterable[Sequence[object]],
    named_days: Iterable[dt.date],
    kinds: Iterable[str],
    *,
    rules: LinkRules | None = None,
) -> Profile:
    """One article's profile from its rows (places as name, country, lat, lon, geonameid,
    precision; ``named_days``: one date per mention, so repeats count). Call
    :func:`vectorize` over all profiles afterwards."""
    rules = rules or LinkRules()
    places = list(places)
    fine: Counter[tuple[object, ...]] = Counter()
    coarse: Counter[tuple[object, ...]] = Counter()
    spots: dict[tuple[object, ...], Spot] = {}
    countries: set[str] = set()
    for name, country, lat, lon, gid, precision in places:
        if country:
            countries.add(str(country))
        if precision not in _FINE and precision != "region":
            continue
        spot = Spot(
            str(name) if name else None,
            str(country) if country else None,
            float(lat) if isinstance(lat, int | float) else None,
            float(lon) if isinstance(lon, int | float) else None,
            int(gid) if isinstance(gid, int) else None,
            str(precision),
        )
        key: tuple[object, ...] = (spot.geonameid,) if spot.geonameid else (norm_name(spot.name),)
        (fine if precision in _FINE else coarse)[key] += 1
        spots.setdefault(key, spot)
    total = sum(fine.values())
    ranked = [(spots[k], round(n / total, 3)) for k, n in fine.most_common()] if total else []
    n_coarse = sum(coarse.values())
    regions = [(spots[k], round(n / n_coarse, 3)) for k, n in coarse.most_common()]
    day_set: set[dt.date] = set()
    fresh: set[dt.date] = set()
    if published is not None:
        day_set.add(published)
        earliest = published - dt.timedelta(days=rules.lookback_days)
        named = Counter(d for d in named_days if earliest <= d <= published)
        day_set.update(named)
        recent = published - dt.timedelta(days=rules.recent_days)
        fresh = {d for d in day_set if d >= recent}
        # a follow-up or anniversary piece is about the past day it names most (and more than
        # once: a war's first day named once in passing is background)
        top_recent = max((n for d, n in named.items() if d >= recent), default=0)
        top_old = max((n for d, n in named.items() if d < recent), default=0)
        if top_old > max(top_recent, 1):  # named once, a past day is background
            fresh.update(d for d, n in named.items() if d < recent and n == top_old)
    else:
        day_set.update(named_days)
        fresh = day_set
    # a country the article names only in passing does not tell it apart
    return Profile(
        article_id=article_id,
        canonical_id=canonical_id,
        published=published,
        places=ranked,
        regions=regions,
        countries=frozenset(_main_countries(places)) if countries else frozenset(),
        days=frozenset(day_set),
        fresh=frozenset(fresh),
        kinds=frozenset(kinds),
        tokens=tokens(text),
    )


def _main_countries(places: Iterable[Sequence[object]]) -> set[str]:
    """The countries where the article's places lie, those named at least a third as often as
    the most named one."""
    c: Counter[str] = Counter(str(r[1]) for r in places if r[1])
    if not c:
        return set()
    top = c.most_common(1)[0][1]
    return {k for k, n in c.items() if n * 3 >= top}


def incidents_of(groups: Mapping[str, str]) -> dict[str, list[str]]:
    """Incident root -> its article ids."""
    out: dict[str, list[str]] = defaultdict(list)
    for aid, root in groups.items():
        out[root].append(aid)
    return dict(out)


__all__ = [
    "Link",
    "LinkRules",
    "Profile",
    "cosine",
    "incidents_of",
    "judge",
    "link_articles",
    "load_profiles",
    "profile",
    "shared_place",
    "tokens",
    "vectorize",
]
