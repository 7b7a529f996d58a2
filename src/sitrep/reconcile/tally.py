"""Casualty tallies: low / best / high from many sources' claims, with the lineage of each.

For one group of claims (an event cluster, or a place and period) and one kind of casualty:

1. Claims that must never count are set aside with the reason: flagged negated,
   hypothetical, future or historical; denials and disputes (they are contradictions, not
   figures); and claims below ``min_confidence``.
2. Copies count once: claims of the same kind and figure from articles of one duplicate
   group (the same canonical article) are one claim; the canonical article's claim is kept.
3. Claims are grouped by source: the named source ("the regional governor"), else the outlet
   of the canonical article. Each source's claims ordered by report date make its time
   series, split into incidents (:func:`same_incident`): a claim updates an earlier one of
   the same source when it says so (``updates``, "rose to 23 from 21"), when a later report
   gives a figure for an overlapping (or unstated) date or period, or when one article
   gives a new figure for the same stated time and victims. It adds to it when its words
   say so ("four more", "another 4"), when one article gives it another date or period
   ("21 in the past 24 hours, and four more on Wednesday morning") or other victims, or
   when two reports state disjoint dates or periods. A source's figure is the sum over its
   incidents of each incident's latest figure; the earlier ones are superseded.
4. Over the sources' figures: ``low`` is the lowest lower bound, ``high`` the highest
   upper bound (an open-ended "more than 2,000" counts with its lower bound), and ``best``
   depends on the rule: ``conservative`` (ACLED's practice) takes the lowest source figure,
   ``latest`` the figure of the source with the most recent report, ``highest`` the
   highest source figure.

Incident and cumulative claims are never mixed: clusters hold incident claims; a place's
cumulative figures ("2,000 civilians since the invasion") are tallied apart from the sum of
its incidents.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sitrep.extract.casualties.numbers import find_quantities
from sitrep.reconcile.items import Figure, norm_name

EXCLUDING_FLAGS = frozenset({"negated", "hypothetical", "future", "historical"})
COUNTING_STANCES = frozenset({"reports", "claims", "confirms"})
RULES = ("conservative", "latest", "highest")


@dataclass(frozen=True, slots=True)
class Point:
    """One report of a source: its date, figure and claim."""

    report_date: dt.date | None
    figure: int
    low: int
    high: int
    claim_id: str
    article_id: str
    incident: int = 0  # which of the source's incidents (0, 1, ...) the figure is about


@dataclass(frozen=True, slots=True)
class SourceFigure:
    """One source's figure for a group: the sum of its incidents' latest figures."""

    figure: int
    low: int
    high: int
    last: Point  # its most recent report
    points: tuple[Point, ...]  # each incident's latest figure


def source_figure(points: Sequence[Point]) -> SourceFigure:
    """A source's figure from its series: each incident's last point, summed."""
    latest: dict[int, Point] = {}
    for p in points:
        latest[p.incident] = p
    tops = tuple(latest[k] for k in sorted(latest))
    return SourceFigure(
        figure=sum(p.figure for p in tops),
        low=sum(p.low for p in tops),
        high=sum(p.high for p in tops),
        last=points[-1],
        points=tops,
    )


@dataclass(frozen=True, slots=True)
class Tally:
    """A low / best / high casualty figure for one group and kind, and where it came from."""

    key: str
    kind: str
    scope: str
    rule: str
    low: int | None
    best: int | None
    high: int | None
    best_claim_id: str | None
    claim_ids: tuple[str, ...]  # each source's latest claim per incident: the ones that count
    superseded_ids: tuple[str, ...]  # earlier figures of the same source and incident
    copy_ids: tuple[str, ...]  # the same claim in a copy of an article
    excluded_ids: tuple[tuple[str, str], ...]  # (claim id, reason)
    series: Mapping[str, tuple[Point, ...]]  # source -> its figures by report date

    @property
    def n_sources(self) -> int:
        return len(self.series)


def excluded_reason(f: Figure, *, min_confidence: float = 0.0) -> str | None:
    """Why a claim must not count, or ``None`` when it counts."""
    bad = sorted(set(f.flags) & EXCLUDING_FLAGS)
    if bad:
        return "flagged " + ",".join(bad)
    if f.stance not in COUNTING_STANCES:
        return f"stance {f.stance}"
    if f.point is None:
        return "no figure"
    if f.confidence < min_confidence:
        return f"confidence {f.confidence:.2f} < {min_confidence:.2f}"
    return None


def source_key(f: Figure, outlets: Mapping[str, str | None]) -> tuple[str, str]:
    """Who a claim's figure comes from, as (folded key, display name): its named source, else
    the outlet of its canonical article (so a wire copy is credited to the wire)."""
    if f.source and norm_name(f.source):
        return norm_name(f.source), f.source.strip()
    outlet = outlets.get(f.canonical_id) or f.outlet
    if outlet:
        return f"outlet:{norm_name(outlet)}", f"{outlet.strip()} (outlet)"
    return f"article:{f.canonical_id}", f"article {f.canonical_id}"


def _order(f: Figure) -> tuple[dt.date, int, int, str]:
    # later report date first; within one article, a stated update, then text order
    return (f.report_date or dt.date.min, 1 if f.updates else 0, f.start, f.id)


def collapse_copies(figs: Sequence[Figure]) -> tuple[list[Figure], list[str]]:
    """One claim per duplicate group, kind, source, figure and stated time; the ids of the
    dropped copies (a restatement in one article, or the same claim in a copy)."""
    keep: dict[tuple[str, str, str, int | None, int | None, str | None], Figure] = {}
    copies: list[str] = []
    for f in sorted(figs, key=lambda f: (f.article_id != f.canonical_id, f.start, f.id)):
        k = (f.canonical_id, f.kind, norm_name(f.source), f.point, f.upper, f.when)
        if k in keep:
            copies.append(f.id)
        else:
            keep[k] = f
    return list(keep.values()), copies


_ADDED_AFTER = re.compile(r"\s+(?:more|other|additional|further)\b(?!\s+than)", re.I)
_ADDED_BEFORE = re.compile(r"\b(?:another|additional|further|other)\s+$", re.I)
_DURATION = re.compile(r"P(\d+)([DWMY])")
_DAYS = {"D": 1, "W": 7, "M": 30, "Y": 365}
_GENERIC_VICTIMS = frozenset({"", "people", "persons", "person", "others", "victims"})
_NUMBER = re.compile(r"\d[\d,]*")


def _day(text: str, *, end: bool = False) -> dt.date | None:
    try:
        if len(text) >= 10:
            return dt.date.fromisoformat(text[:10])
        if len(text) == 7:
            first = dt.date.fromisoformat(text + "-01")
            if not end:
                return first
            nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return nxt - dt.timedelta(days=1)
        if len(text) == 4 and text.isdigit():
            return dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
    except ValueError:
        return None
    return None


def time_slot(when: str | None) -> tuple[dt.date, dt.date] | None:
    """The calendar days a stated date or period covers ("P1W/2022-03-02" -> the week to
    2 March), or ``None`` when it says none."""
    if not when:
        return None
    first, _, second = when.partition("/")
    if not second:
        a, b = _day(first), _day(first, end=True)
        return (a, b) if a and b else None
    b = _day(second, end=True)
    a = _day(first)
    m = _DURATION.fullmatch(first)
    if a is None and m and b is not None:
        a = b - dt.timedelta(days=int(m.group(1)) * _DAYS[m.group(2)])
    return (a, b) if a and b else None


def is_added(f: Figure) -> bool:
    """Whether the claim's own words add its figure to another ("four more", "another 4")."""
    if not f.text or f.count is None:
        return False
    for q in find_quantities(f.text):
        if q.count != f.count:
            continue
        if _ADDED_AFTER.match(f.text, q.end) or _ADDED_BEFORE.search(f.text[: q.start]):
            return True
    return False


def _other_victims(a: Figure, b: Figure) -> bool:
    va, vb = norm_name(a.victims), norm_name(b.victims)
    if va in _GENERIC_VICTIMS or vb in _GENERIC_VICTIMS:
        return False
    return va.rstrip("s")[:5] != vb.rstrip("s")[:5]


def _names_figure(f: Figure, earlier: Figure) -> bool:
    """Whether a claim's stated update names the earlier claim or its figure."""
    if not f.updates:
        return False
    if f.updates == earlier.id:
        return True
    nums = {int(n.replace(",", "")) for n in _NUMBER.findall(f.updates)}
    words = {q.count for q in find_quantities(f.updates) if q.count is not None}
    return earlier.point in nums | words or earlier.count in nums | words


def same_incident(earlier: Figure, f: Figure) -> bool:
    """Whether ``f`` (of the same source, later in report order) gives a new figure for the
    incident ``earlier`` counted, rather than another incident to add to it."""
    if _names_figure(f, earlier):
        return True
    if is_added(f) or _other_victims(earlier, f):
        return False
    if earlier.canonical_id == f.canonical_id:
        # one article: a figure for another stated date or period is another incident
        if f.updates or not earlier.when or not f.when:
            return True
        return earlier.when == f.when
    a, b = time_slot(earlier.when), time_slot(f.when)
    return a is None or b is None or not (a[1] < b[0] or b[1] < a[0])


def incidents(figs: Sequence[Figure]) -> list[list[Figure]]:
    """One source's claims (in report order) split into incidents, each in report order."""
    threads: list[list[Figure]] = []
    for f in figs:
        home = next((t for t in reversed(threads) if _names_figure(f, t[-1])), None)
        if home is None:
            home = next((t for t in reversed(threads) if same_incident(t[-1], f)), None)
        if home is None:
            threads.append([f])
        else:
            home.append(f)
    return threads


def tally_group(
    figs: Iterable[Figure],
    *,
    key: str,
    kind: str,
    rule: str = "conservative",
    scope: str = "incident",
    outlets: Mapping[str, str | None] | None = None,
    min_confidence: float = 0.0,
) -> Tally:
    """The tally of one kind of casualty over a group of claims (see the module docstring)."""
    if rule not in RULES:
        raise ValueError(f"unknown tally rule {rule!r}; choose one of {', '.join(RULES)}")
    outlets = outlets or {}
    excluded: list[tuple[str, str]] = []
    usable: list[Figure] = []
    for f in figs:
        if f.kind != kind or f.scope != scope:
            continue
        why = excluded_reason(f, min_confidence=min_confidence)
        if why:
            excluded.append((f.id, why))
        else:
            usable.append(f)
    kept, copies = collapse_copies(usable)
    by_source: dict[str, list[Figure]] = defaultdict(list)
    label: dict[str, str] = {}
    for f in sorted(kept, key=_order):
        k, name = source_key(f, outlets)
        by_source[k].append(f)
        label.setdefault(k, name)
    series: dict[str, tuple[Point, ...]] = {}
    totals: dict[str, SourceFigure] = {}
    counted: list[str] = []
    superseded: list[str] = []
    for k, fl in sorted(by_source.items()):
        number = {f.id: n for n, thread in enumerate(incidents(fl)) for f in thread}
        points = tuple(_point(f, number[f.id]) for f in fl)
        series[label[k]] = points
        totals[k] = source_figure(points)
        tops = {p.claim_id for p in totals[k].points}
        counted.extend(tops)
        superseded.extend(f.id for f in fl if f.id not in tops)
    low = best = high = None
    best_id = None
    if totals:
        figs_ = list(totals.values())
        low = min(t.low for t in figs_)
        high = max(t.high for t in figs_)
        if rule == "conservative":
            chosen = min(figs_, key=lambda t: (t.figure, t.last.claim_id))
        elif rule == "highest":
            chosen = max(figs_, key=lambda t: (t.figure, t.last.claim_id))
        else:
            chosen = max(
                figs_,
                key=lambda t: (t.last.report_date or dt.date.min, -t.figure, t.last.claim_id),
            )
        best, best_id = chosen.figure, chosen.last.claim_id
    return Tally(
        key=key,
        kind=kind,
        scope=scope,
        rule=rule,
        low=low,
        best=best,
        high=high,
        best_claim_id=best_id,
        claim_ids=tuple(sorted(counted)),
        superseded_ids=tuple(sorted(superseded)),
        copy_ids=tuple(sorted(copies)),
        excluded_ids=tuple(sorted(excluded)),
        series=series,
    )


def _point(f: Figure, incident: int = 0) -> Point:
    fig = f.point
    assert fig is not None
    up = f.upper
    high = up if up is not None else fig
    return Point(f.report_date, fig, fig, high, f.id, f.article_id, incident)


def tally_all(
    groups: Mapping[str, Sequence[Figure]],
    *,
    scope: str = "incident",
    rules: Sequence[str] = RULES,
    outlets: Mapping[str, str | None] | None = None,
    min_confidence: float = 0.0,
) -> list[Tally]:
    """Tallies of every group, every kind present in it, and every rule."""
    out: list[Tally] = []
    for key, figs in groups.items():
        for kind in sorted({f.kind for f in figs if f.scope == scope}):
            for rule in rules:
                out.append(
                    tally_group(
                        figs,
                        key=key,
                        kind=kind,
                        rule=rule,
                        scope=scope,
                        outlets=outlets,
                        min_confidence=min_confidence,
                    )
                )
    return out


@dataclass(frozen=True, slots=True)
class Sum:
    """The sum of several clusters' tallies (a place and period's incidents)."""

    kind: str
    rule: str
    low: int
    best: int
    high: int
    cluster_ids: tuple[str, ...]
    claim_ids: tuple[str, ...]


def sum_tallies(tallies: Iterable[Tally]) -> list[Sum]:
    """Per kind and rule, the sum of low / best / high over clusters, with the lineage."""
    acc: dict[tuple[str, str], list[Tally]] = defaultdict(list)
    for t in tallies:
        if t.best is not None:
            acc[(t.kind, t.rule)].append(t)
    return [
        Sum(
            kind=kind,
            rule=rule,
            low=sum(t.low or 0 for t in ts),
            best=sum(t.best or 0 for t in ts),
            high=sum(t.high or 0 for t in ts),
            cluster_ids=tuple(t.key for t in ts),
            claim_ids=tuple(c for t in ts for c in t.claim_ids),
        )
        for (kind, rule), ts in sorted(acc.items())
    ]
