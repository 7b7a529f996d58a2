"""The stored events and casualty claims as the reconciler sees them: one row, one report."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.reconcile.groups import extent, victim_group
from sitrep.store import Store

EARTH_KM = 6371.0088
VAGUE_HEDGES = frozenset(
    {
        "several",
        "dozens",
        "scores",
        "hundreds",
        "thousands",
        "tens of thousands",
        "numerous",
        "some",
        "many",
        "a few",
        "few",
        "a number of",
        "multiple",
    }
)
"""Hedges that make a count by a word: the figure is a nominal value inside a wide range."""
APPROX_HEDGES = frozenset(
    {
        "about",  # "about 300": a round number, not a count
        "around",
        "roughly",
        "approximately",
        "some",  # "some 300 people"
        "nearly",  # "nearly 300": short of a round number
        "almost",
        "closer to",  # "closer to 600": an estimate nearer one figure than another
        "estimated",
        "at least",  # open lower bounds: a round figure the toll passes
        "more than",
        "over",
    }
)
"""Hedges of a round figure: two reports within ``ROUND_SHARE`` of each other, one of them so
hedged ("almost 300" and "about 300", "50" and "more than 50"), give one figure, no dispute."""
ROUND_SHARE = 0.1
OPEN_BELOW = frozenset({"at least", "more than", "over"})
"""Hedges that leave a figure open above: "at least 93" and "more than 93" state one number."""


def round_apart(low: float, high: float) -> bool:
    """Whether ``low`` is at most ``ROUND_SHARE`` of ``high`` below it: the round figure of a
    count (50 of 53), or two round figures of one toll (299 and 300)."""
    return high - low <= ROUND_SHARE * high


@dataclass(frozen=True, slots=True)
class Spot:
    """Where an item is pinned: a place name, maybe coordinates and a GeoNames id."""

    name: str | None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str | None = None

    @property
    def vague(self) -> bool:
        """A country or continent is too coarse to say two reports are one incident."""
        return self.precision in ("country", "continent")

    @property
    def known(self) -> bool:
        return bool(self.name) or self.geonameid is not None or self.lat is not None


@dataclass(frozen=True, slots=True)
class Item:
    """One event or casualty claim from one article, with the facts clustering compares."""

    id: str
    kind: str  # "event" | "casualty"
    article_id: str
    canonical_id: str  # the article's canonical article (itself unless it is a copy)
    outlet: str | None
    published: dt.date | None
    date: dt.date | None  # the item's date, else the article's publication date
    spot: Spot
    plover: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    casualty_ids: tuple[str, ...] = ()
    scope: str = "incident"
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Figure:
    """A casualty claim with what tallies and contradictions need."""

    id: str
    article_id: str
    canonical_id: str
    outlet: str | None
    kind: str
    count: int | None
    low: int | None
    high: int | None
    source: str | None
    stance: str
    scope: str
    flags: tuple[str, ...]
    report_date: dt.date | None  # as_of, else the publication date, else the claim's date
    date: dt.date | None
    start: int
    updates: str | None
    victims: str | None
    perpetrator: str | None
    spot: Spot
    confidence: float
    when: str | None = None  # the claim's own stated date or period ("2022-03-01/2022-03-02")
    text: str = ""  # the evidence sentence
    hedge: str | None = None  # "at least", "dozens", ...
    side: str | None = None  # the victims' side as the text names it ("Ukrainian")
    group: str = ""  # the victim group it counts; from ``victims`` and ``side`` when not given

    def __post_init__(self) -> None:
        if not self.group:
            object.__setattr__(self, "group", victim_group(self.victims, self.side))

    @property
    def vague(self) -> bool:
        """A count by a word ("several", "dozens"): an interval, never a figure to update."""
        if self.hedge and self.hedge.lower() in VAGUE_HEDGES:
            return True
        # no stated number but a range or an open bound ("300-400", "numerous")
        return self.count is None and (self.high is None or self.low != self.high)

    @property
    def point(self) -> int | None:
        """The figure's single value: the lower bound the words allow, else the stated count."""
        if self.low is not None:
            return self.low
        if self.count is not None:
            # "nearly 300" allows at most 299: the value never passes the upper bound
            return min(self.count, self.high) if self.high is not None else self.count
        return self.high

    @property
    def upper(self) -> int | None:
        """The upper bound; ``None`` when the words set none ("more than 2,000")."""
        if self.high is not None:
            return self.high
        if self.low is not None and self.count is not None and self.low > self.count:
            return None  # "more than N": open above
        return self.point


def haversine_km(a: Spot, b: Spot) -> float | None:
    """Great-circle distance in km, or ``None`` when either spot has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


_NAME = re.compile(r"[^\w]+")


def norm_name(name: str | None) -> str:
    """A name folded for comparison: lower case, punctuation and a leading 'the' dropped."""
    if not name:
        return ""
    s = _NAME.sub(" ", name.lower()).strip()
    return s[4:] if s.startswith("the ") else s


def _spot(row: dict[str, object]) -> Spot:
    lat, lon, gid = row.get("place_lat"), row.get("place_lon"), row.get("place_geonameid")
    return Spot(
        name=str(row["place_name"]) if row.get("place_name") else None,
        country=str(row["place_country"]) if row.get("place_country") else None,
        lat=float(lat) if isinstance(lat, int | float) else None,
        lon=float(lon) if isinstance(lon, int | float) else None,
        geonameid=int(gid) if isinstance(gid, int) else None,
        precision=str(row["place_precision"]) if row.get("place_precision") else None,
    )


def _date(v: object) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    return v if isinstance(v, dt.date) else None


def _s(v: object) -> str | None:
    return str(v) if v is not None else None


_ARTICLE_JOIN = """
    JOIN articles a ON a.id = t.article_id
    LEFT JOIN duplicates d ON d.article_id = t.article_id"""


def _only(article_ids: Sequence[str] | None) -> tuple[str, list[Any]]:
    """A WHERE clause keeping the rows of these articles (every row with ``None``)."""
    if article_ids is None:
        return "", []
    return " WHERE t.article_id IN (SELECT unnest(?::VARCHAR[]))", [list(article_ids)]


def load_events(store: Store, article_ids: Sequence[str] | None = None) -> list[Item]:
    """Every stored event (of these articles) as an :class:`Item`, in date order."""
    where, params = _only(article_ids)
    rows = store.query(
        f"""SELECT t.*, a.outlet AS outlet, a.published AS published,
                   coalesce(d.canonical_id, t.article_id) AS canonical_id
            FROM events t {_ARTICLE_JOIN}{where}""",
        params,
    )
    items = [
        Item(
            id=str(r["id"]),
            kind="event",
            article_id=str(r["article_id"]),
            canonical_id=str(r["canonical_id"]),
            outlet=_s(r["outlet"]),
            published=_date(r["published"]),
            date=_date(r["date"]) or _date(r["published"]),
            spot=_spot(r),
            plover=_s(r["plover"]),
            event_type=_s(r["event_type"]),
            sub_event_type=_s(r["sub_event_type"]),
            actor1=_s(r["actor1"]),
            actor2=_s(r["actor2"]),
            casualty_ids=tuple(r["casualty_ids"] or ()),
            flags=tuple(r["flags"] or ()),
        )
        for r in rows
    ]
    return sorted(items, key=lambda i: (i.date or dt.date.max, i.id))


def load_figures(store: Store, article_ids: Sequence[str] | None = None) -> list[Figure]:
    """Every stored casualty claim (of these articles) as a :class:`Figure`."""
    where, params = _only(article_ids)
    rows = store.query(
        f"""SELECT t.*, a.outlet AS outlet, a.published AS published,
                   coalesce(d.canonical_id, t.article_id) AS canonical_id
            FROM casualties t {_ARTICLE_JOIN}{where}""",
        params,
    )
    out: list[Figure] = []
    for r in rows:
        published = _date(r["published"])
        evidence = str(r["evidence"] or "")
        out.append(
            Figure(
                id=str(r["id"]),
                article_id=str(r["article_id"]),
                canonical_id=str(r["canonical_id"]),
                outlet=_s(r["outlet"]),
                kind=str(r["kind"]),
                count=r["count"],
                low=r["low"],
                high=r["high"],
                source=_s(r["source"]),
                stance=str(r["stance"] or "reports"),
                scope=extent(_s(r["scope"]), _s(r["period"]), evidence),
                flags=tuple(r["flags"] or ()),
                report_date=_date(r["as_of"]) or published or _date(r["date"]),
                date=_date(r["date"]) or published,
                start=int(r["start"] or 0),
                updates=_s(r["updates"]),
                victims=_s(r["victims"]),
                perpetrator=_s(r["perpetrator"]),
                spot=_spot(r),
                confidence=float(r["confidence"] or 0.0),
                when=_s(r["period"]) or (d.isoformat() if (d := _date(r["date"])) else None),
                text=evidence,
                hedge=_s(r["hedge"]),
                side=_s(r["side"]),
            )
        )
    return out


def figure_item(f: Figure) -> Item:
    """A casualty claim as a clustering item."""
    return Item(
        id=f.id,
        kind="casualty",
        article_id=f.article_id,
        canonical_id=f.canonical_id,
        outlet=f.outlet,
        published=f.report_date,
        date=f.date,
        spot=f.spot,
        actor1=f.perpetrator,
        scope=f.scope,
        flags=f.flags,
    )
