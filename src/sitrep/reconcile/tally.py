"""Casualty tallies: low / best / high from many sources' claims, with the lineage of each.

For one group of claims (an event cluster, or a place and period) and one kind of casualty:

1. Claims that must never count are set aside with the reason: flagged negated,
   hypothetical, future or historical; denials and disputes (they are contradictions, not
   figures); and claims below ``min_confidence``.
2. Copies count once: claims of the same kind and figure from articles of one duplicate
   group (the same canonical article) are one claim; the canonical article's claim is kept.
3. Claims are grouped by source: the named source ("the regional governor"), else the outlet
   of the canonical article. Each source's claims ordered by report date make its time
   series; the last is its latest update and supersedes the earlier ones.
4. Over the sources' latest figures: ``low`` is the lowest lower bound, ``high`` the highest
   upper bound (an open-ended "more than 2,000" counts with its lower bound), and ``best``
   depends on the rule: ``conservative`` (ACLED's practice) takes the lowest latest figure,
   ``latest`` the figure of the most recent report, ``highest`` the highest latest figure.

Incident and cumulative claims are never mixed: clusters hold incident claims; a place's
cumulative figures ("2,000 civilians since the invasion") are tallied apart from the sum of
its incidents.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

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
    claim_ids: tuple[str, ...]  # each source's latest claim: the ones that count
    superseded_ids: tuple[str, ...]  # earlier updates of the same source
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
    """One claim per duplicate group, kind, source and figure; the ids of the dropped copies."""
    keep: dict[tuple[str, str, str, int | None, int | None], Figure] = {}
    copies: list[str] = []
    for f in sorted(figs, key=lambda f: (f.article_id != f.canonical_id, f.id)):
        k = (f.canonical_id, f.kind, norm_name(f.source), f.point, f.upper)
        if k in keep:
            copies.append(f.id)
        else:
            keep[k] = f
    return list(keep.values()), copies


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
    latest: dict[str, Figure] = {}
    superseded: list[str] = []
    for k, fl in sorted(by_source.items()):
        series[label[k]] = tuple(_point(f) for f in fl)
        latest[k] = fl[-1]
        superseded.extend(f.id for f in fl[:-1])
    low = best = high = None
    best_id = None
    if latest:
        lat = list(latest.values())
        low = min(_point(f).low for f in lat)
        high = max(_point(f).high for f in lat)
        if rule == "conservative":
            chosen = min(lat, key=lambda f: (_point(f).figure, f.id))
        elif rule == "highest":
            chosen = max(lat, key=lambda f: (_point(f).figure, f.id))
        else:
            chosen = max(lat, key=lambda f: (f.report_date or dt.date.min, -_point(f).figure, f.id))
        best, best_id = _point(chosen).figure, chosen.id
    return Tally(
        key=key,
        kind=kind,
        scope=scope,
        rule=rule,
        low=low,
        best=best,
        high=high,
        best_claim_id=best_id,
        claim_ids=tuple(sorted(f.id for f in latest.values())),
        superseded_ids=tuple(sorted(superseded)),
        copy_ids=tuple(sorted(copies)),
        excluded_ids=tuple(sorted(excluded)),
        series=series,
    )


def _point(f: Figure) -> Point:
    fig = f.point
    assert fig is not None
    up = f.upper
    return Point(f.report_date, fig, fig, up if up is not None else fig, f.id, f.article_id)


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
