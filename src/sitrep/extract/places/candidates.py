"""The readings of a mention the resolver leaves unresolved, kept as its candidates.

No reading is better than a wrong one, but a reader (or a later pass with more context) can
still use the readings the gazetteers had: the namesake villages far apart, the hamlet abroad.
:func:`readings` lists them, best first, each with its share of the readings' weight; it is
called only for mentions left unresolved, so it costs nothing on the others.
"""

from __future__ import annotations

import math

from sitrep.extract.places import gazetteer as gz
from sitrep.extract.places import scoring, war_places
from sitrep.extract.places import war_gazetteer as wg
from sitrep.extract.places.ruler import strip_mention
from sitrep.model import PlaceCandidate

MAX_CANDIDATES = 5
_SAME_KM = 5.0  # two readings of one name this close are one place (GeoNames and the war file)
_WAR_LOOKUP = 20  # how many war-gazetteer namesakes to weigh at most
LOW_CONFIDENCE = 0.55  # the resolver's confidence for a margin of about 0.1 (a coin flip)
_BIG_TOWN = 100_000  # a town this big is what its name means, namesakes or not
_NEARLY = 0.8  # a reading with 80% of the best one's weight is nearly as likely
_FAR_KM = 25.0  # namesakes further apart than this are different places for a claim


def readings(
    text: str, ctx: scoring.Context, *, region: bool = False
) -> tuple[PlaceCandidate, ...]:
    """Up to :data:`MAX_CANDIDATES` readings of a mention, best first.

    Args:
        text: the mention as written ("Hryhorivka", "Paris").
        ctx: the article's context, as the resolver weighed it.
        region: whether the mention carries a region word.

    Returns:
        Readings from the main gazetteer and, in an article about a country the war
        gazetteer covers, that country's namesakes; ``score`` is each one's softmax share of
        the resolver's scores (they sum to at most 1 over all readings, also those cut off).
    """
    key = strip_mention(text)[0]
    if not key:
        return ()
    scored: list[tuple[float, PlaceCandidate]] = [
        (s, _from_entry(e)) for s, e in scoring.rank(key, ctx, region=region)
    ]
    for cc in war_places.article_countries(ctx.countries)[:1]:
        for p in wg.lookup(text, cc)[:_WAR_LOOKUP]:
            s = scoring.score(war_places.entry(p), key, ctx, region=region)
            scored.append((s, _from_war(p)))
    if not scored:
        return ()
    scored.sort(key=lambda sc: -sc[0])
    kept: list[tuple[float, PlaceCandidate]] = []
    for s, c in scored:
        if not any(_same(c, k) for _, k in kept):
            kept.append((s, c))
    top = kept[0][0]
    weights = [math.exp(s - top) for s, _ in kept]
    total = sum(weights)
    return tuple(
        _with_score(c, w / total)
        for (_, c), w in zip(kept[:MAX_CANDIDATES], weights[:MAX_CANDIDATES], strict=True)
    )


def coin_flip(entry: gz.GeoEntry, conf: float, cands: tuple[PlaceCandidate, ...]) -> bool:
    """Whether a town's reading is a guess between namesakes far apart: in a country the war
    gazetteer covers (where villages of one name are many and a wrong one misplaces a claim),
    the resolver's margin was next to nothing (confidence under :data:`LOW_CONFIDENCE`), the
    town is no city of 100,000 people, and a reading nearly as likely lies over 25 km away."""
    if entry.kind != "city" or entry.population >= _BIG_TOWN or conf >= LOW_CONFIDENCE:
        return False
    if entry.country not in war_places.countries():
        return False
    if not cands:
        return False
    top = cands[0].score
    return any(
        c.score >= _NEARLY * top and gz.distance_km(c.lat, c.lon, entry.lat, entry.lon) > _FAR_KM
        for c in cands
    )


def _same(a: PlaceCandidate, b: PlaceCandidate) -> bool:
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    near = gz.distance_km(a.lat, a.lon, b.lat, b.lon) <= _SAME_KM
    return near and a.precision == b.precision


def _with_score(c: PlaceCandidate, share: float) -> PlaceCandidate:
    return PlaceCandidate(
        c.name, c.geonameid, c.country, c.admin1, c.lat, c.lon, c.precision, c.feature,
        round(share, 3),
    )  # fmt: skip


def _region_name(p: wg.WarPlace) -> str | None:
    region = p if p.feature_code == "ADM1" else wg.load().region_of(p)
    return region.name if region is not None else None


def _admin1(e: gz.GeoEntry) -> str | None:
    """The region's name where the war gazetteer knows the place (within 5 km), else
    GeoNames' admin1 code ("TX")."""
    if e.country in war_places.countries() and e.kind == "city":
        near = wg.load().nearest(e.lat, e.lon, max_km=_SAME_KM, country=e.country)
        if near is not None:
            return _region_name(near)
    return e.admin1 or None


def _from_entry(e: gz.GeoEntry) -> PlaceCandidate:
    return PlaceCandidate(
        name=e.name,
        geonameid=e.geonameid,
        country=e.country or None,
        admin1=_admin1(e),
        lat=round(e.lat, 5),
        lon=round(e.lon, 5),
        precision=scoring.entry_precision(e),
    )


def _from_war(p: wg.WarPlace) -> PlaceCandidate:
    return PlaceCandidate(
        name=p.name,
        geonameid=p.geonameid,
        country=p.country or None,
        admin1=_region_name(p),
        lat=round(p.lat, 5),
        lon=round(p.lon, 5),
        precision="region" if p.is_admin else "city",
        feature=p.feature_code or None,
    )


__all__ = ["LOW_CONFIDENCE", "MAX_CANDIDATES", "coin_flip", "readings"]
