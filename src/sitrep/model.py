"""The data model: every fact sitrep finds, as frozen dataclasses.

Every extracted item carries the character span of its evidence in the article text, the
versioned name of the extractor that produced it and a confidence in [0, 1]. Records turn into
plain JSON with :func:`to_jsonable`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

CasualtyKind = Literal[
    "killed",
    "injured",
    "missing",
    "captured",
    "arrested",
    "kidnapped",
    "displaced",
    "evacuated",
    "casualties",
]
Stance = Literal["reports", "claims", "confirms", "denies", "disputes"]
# Stances that contest a statement rather than report it.
DENYING_STANCES: frozenset[Stance] = frozenset({"denies", "disputes"})
Precision = Literal["point", "city", "region", "country", "continent"]
Scope = Literal["incident", "cumulative"]


def content_id(*parts: object, n: int = 16) -> str:
    """A stable hex id from the given parts (content hash)."""
    h = hashlib.sha256()
    for p in parts:
        h.update(str(p).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:n]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the article text that supports an item."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Removed:
    """A line the cleaner dropped from the input, and why."""

    text: str
    reason: str
    line: int


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned news article, the unit that every extractor reads."""

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    outlet_source: str | None = None
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    published_source: str | None = None
    language: str = "en"
    source_path: str | None = None
    removed: tuple[Removed, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity mention."""

    label: str
    text: str
    start: int
    end: int
    extractor: str = "entities.v1"


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    """One reading a resolver had for a place mention it left unresolved.

    ``geonameid`` is the GeoNames id (None for a war-gazetteer place without one), ``admin1``
    the first-level division's name where the war gazetteer knows the place ("Donetsk
    Oblast"), else GeoNames' admin1 code ("TX"), ``feature`` the GeoNames feature code when known
    ("PPL", "ADM1") and ``score`` the reading's share of the readings' weight (0..1).
    """

    name: str
    geonameid: int | None
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    precision: Precision | None
    feature: str | None = None
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention resolved (or not) to a GeoNames entry.

    ``candidates`` holds, for a mention left unresolved although the gazetteers had readings
    for it (namesakes far apart, a hamlet abroad), up to five of them, best first.
    """

    text: str
    start: int
    end: int
    name: str | None = None
    geonameid: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: Precision | None = None
    resolved: bool = False
    role: Literal["location", "actor"] = "location"
    confidence: float = 0.0
    extractor: str = "places.v1"
    candidates: tuple[PlaceCandidate, ...] = ()


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression normalized to a TIMEX3-style value.

    ``value`` is an ISO day ("2022-03-01"), month ("2022-03"), year, time ("2022-03-02T10:00"),
    interval ("2022-03-01/2022-03-02"), or duration ("P1W"). ``begin``/``end`` give the
    calendar interval covered, when there is one.
    """

    text: str
    start: int
    end: int
    value: str
    type: Literal["DATE", "TIME", "DURATION", "SET", "INTERVAL"] = "DATE"
    grain: str = "day"
    begin: dt.date | None = None
    end_date: dt.date | None = None
    modifier: str | None = None
    extractor: str = "times.v1"


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """The place a claim or event is pinned to (a compact copy of a :class:`Place`)."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: Precision | None = None


@dataclass(frozen=True, slots=True)
class CasualtyClaim:
    """A casualty figure as somebody's claim.

    ``count`` is the figure as stated; ``low``/``high`` bound the real number the words allow
    ("more than 2,000" -> low 2001, high None; "dozens" -> 24..99).
    """

    id: str
    kind: CasualtyKind
    count: int | None
    low: int | None
    high: int | None
    hedge: str | None
    evidence: Evidence
    victims: str | None = None
    side: str | None = None
    cause: str | None = None
    perpetrator: str | None = None
    place: PlaceRef | None = None
    date: dt.date | None = None
    period: str | None = None
    as_of: dt.date | None = None
    scope: Scope = "incident"
    source: str | None = None
    stance: Stance = "reports"
    updates: str | None = None
    mentions: tuple[Evidence, ...] = ()
    flags: tuple[str, ...] = ()
    confidence: float = 0.5
    extractor: str = "casualties.v1"


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation with its speaker."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_role: str | None = None
    cue: str | None = None
    date: dt.date | None = None
    confidence: float = 0.5
    extractor: str = "quotes.v1"


@dataclass(frozen=True, slots=True)
class Claim:
    """An attributed statement with the source's stance towards it."""

    id: str
    source: str
    stance: Stance
    content: str
    evidence: Evidence
    cue: str | None = None
    contradicts: tuple[str, ...] = ()
    confidence: float = 0.5
    extractor: str = "claims.v1"


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, where and when."""

    id: str
    event_type: str
    sub_event_type: str | None
    plover: str
    evidence: Evidence
    mode: str | None = None
    context: str | None = None
    actor1: str | None = None
    actor1_kind: str | None = None
    actor2: str | None = None
    actor2_kind: str | None = None
    target: str | None = None
    place: PlaceRef | None = None
    date: dt.date | None = None
    period: str | None = None
    fatalities: int | None = None
    casualty_ids: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    confidence: float = 0.5
    extractor: str = "events.v1"


@dataclass(slots=True)
class Record:
    """Everything extracted from one article."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    casualties: list[CasualtyClaim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON-ready data (the ``sitrep extract`` JSON)."""
        out = to_jsonable(self)
        assert isinstance(out, dict)
        return out


def to_jsonable(obj: object) -> Any:
    """Convert dataclasses, dates and tuples into JSON-ready values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if isinstance(obj, Mapping):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    return obj
