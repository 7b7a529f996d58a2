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
   depends on the rule: ``conservative`` (ACLED's practice) takes the lowest source figure
   (an open lower bound, "at least 50", that another source's exact count meets as its round
   figure, 53, is no lower estimate: it agrees with the count),
   ``latest`` the figure first stated most recently (an old figure restated by a later
   report is no later news), ``highest`` the highest source figure.

Incident and cumulative claims are never mixed: clusters hold incident claims; a place's
cumulative figures ("2,000 civilians since the invasion") are tallied apart from the sum of
its incidents.

What one tally may hold (:mod:`sitrep.reconcile.groups`): one kind, one extent (incident,
daily, cumulative, war-wide) and one victim group. :func:`tally_all` gives each cluster one
tally per kind and victim group; the group most of its figures count (``people`` on a tie)
is the headline and keeps the plain kind (``killed``), the others are tallied apart under
``kind:group`` (``killed:children``, ``killed:ukrainian soldiers``). Within a tally:

- a vague count ("several", "dozens") stays an interval: it widens ``low``/``high`` (unless
  it allows the best figure: "dozens" beside 36 widens nothing) but is
  never a source's latest figure when the source gave a number, never the best figure when
  any source gave one, and never an update;
- a source's figure is superseded by a later report (by report date; on one day, by another
  article's, and for soldiers or militants of at most twice the figure: a bigger jump on one
  day is the two sides' claims, a dispute) of an equal or higher figure from a source at least as good (a named source
  over the outlet's own statement, both over "witnesses", "footage", "earlier reports"):
  death tolls rise as bodies are found, and the earlier figures stay in the lineage
  (``superseded_ids``, ``series``) but out of ``low``/``best``/``high``; one article's two
  sources with two figures are a dispute, never an update;
- of three figures or more, one ten times their median is set aside as another extent (a
  war-wide total in an incident's report), and one a tenth of it or less as a part of the
  incident ("one more died in hospital", "she saw seven die");
- which later report supersedes which (:func:`sitrep.reconcile.revisions.superseded_sources`)
  compares the days figures were first stated: a restated old figure is no news;
- ``low <= best <= high`` always.

``copy_ids`` are the claims of syndicated copies (another article of the same duplicate
group with the same figure): the canonical article's claim stands for them, so a wire story
counts once whoever runs it. A figure restated in one article is superseded by its first
statement, not a copy.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from sitrep.extract.casualties.numbers import find_quantities
from sitrep.reconcile.items import OPEN_BELOW, VAGUE_HEDGES, Figure, norm_name, round_apart
from sitrep.reconcile.outliers import COMBATANTS, one_side, outliers
from sitrep.reconcile.revisions import first_stated, stated_on, superseded_sources

HEADLINE_GROUP = "people"
_PRONOUNS = frozenset({"he", "she", "it", "they", "which", "who", "that", "this", "we", "i"})
_WEAK_SOURCE = re.compile(
    r"^(?:post|posts|reports?|earlier reports?"
    r"|witness(?:es)?|residents?|locals?|footage|video(?: footage)?|graphic footage|images?"
    r"|sources?|activists?|survivors?|social media|media reports?|unconfirmed reports?"
    r"|initial reports?|some|others|one|people)$",
    re.I,
)

# "part": a sub-count of a total in the same sentence ("including 7 children"), never a total
EXCLUDING_FLAGS = frozenset({"negated", "hypothetical", "future", "historical", "part"})
# A figure of "dead and wounded" together clusters with its incident but counts as neither kind.
UNCOUNTED_FLAGS = EXCLUDING_FLAGS | {"combined"}
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
    vague: bool = False  # a count by a word ("dozens"): an interval, never an update


@dataclass(frozen=True, slots=True)
class SourceFigure:
    """One source's figure for a group: the sum of its incidents' latest figures."""

    figure: int
    low: int
    high: int
    last: Point  # its most recent report
    points: tuple[Point, ...]  # each incident's latest figure


def source_figure(points: Sequence[Point]) -> SourceFigure:
    """A source's figure from its series: each incident's last point (its last number, when
    it gave one: a later vague count updates nothing; of one report's numbers, its highest:
    "risen to 19 ... the bodies of 16 identified" is 19), summed; an incident told only by a
    word count adds to the upper bound, not to the figure, when others have numbers."""
    latest: dict[int, Point] = {}
    for p in points:
        if p.vague and p.incident in latest and not latest[p.incident].vague:
            continue
        was = latest.get(p.incident)
        if (
            was is not None
            and not was.vague
            and was.article_id == p.article_id
            and p.figure < was.figure
        ):
            continue  # a lower figure later in one report: a part or a recalled toll
        latest[p.incident] = p
    tops = tuple(latest[k] for k in sorted(latest))
    numbers = [p for p in points if not p.vague]
    # a word count beside numbers ("53 ... and dozens more") widens the source's upper bound
    # but adds no number to its figure: "dozens" says how many at most, not how many
    counted = [p for p in tops if not p.vague] or list(tops)
    return SourceFigure(
        figure=sum(p.figure for p in counted),
        low=sum(p.low for p in counted),
        high=sum(p.high for p in tops),
        last=numbers[-1] if numbers else points[-1],
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
    superseded_sources: tuple[str, ...] = ()  # sources whose figure a later one superseded
    group: str = HEADLINE_GROUP  # the victim group it counts

    @property
    def n_sources(self) -> int:
        return len(self.series)


def excluded_reason(f: Figure, *, min_confidence: float = 0.0) -> str | None:
    """Why a claim must not count, or ``None`` when it counts."""
    bad = sorted(set(f.flags) & UNCOUNTED_FLAGS)
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


def collapse_copies(figs: Sequence[Figure]) -> tuple[list[Figure], list[str], list[str]]:
    """One claim per duplicate group, kind, victim group and figure: the kept claims, the ids
    of the same claims in syndicated copies (whatever source wording the copy gives), and
    the ids of restatements of a claim in one article (same source and stated time)."""
    keep: dict[tuple[object, ...], Figure] = {}
    first_in: dict[tuple[object, ...], Figure] = {}
    copies: list[str] = []
    restated: list[str] = []
    for f in sorted(figs, key=lambda f: (f.article_id != f.canonical_id, f.start, f.id)):
        same_article = (f.article_id, f.kind, norm_name(f.source), f.point, f.upper, f.when)
        if same_article in keep:
            restated.append(f.id)
            continue
        # a copy may reword a bound: its "more than 93" is the original's "at least 93" or "93"
        stated = (f.hedge or "").lower() in OPEN_BELOW or not f.hedge
        figure = (f.count, None) if stated and f.count is not None else (f.point, f.upper)
        across = (f.canonical_id, f.kind, f.group, *figure)
        first = first_in.get(across)
        if first is not None and first.article_id != f.article_id:
            copies.append(f.id)
            continue
        keep[same_article] = f
        first_in.setdefault(across, f)
    return list(keep.values()), copies, restated


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


def source_rank(f: Figure) -> int:
    """How good a claim's source is for a figure: 2 for a named source (an official, a body,
    an agency), 1 for the outlet stating the figure itself (or a bare pronoun, whose name the
    extractor missed), 0 for an unnamed "witnesses", "footage", "earlier reports"."""
    name = norm_name(f.source)
    if not name or name in _PRONOUNS:
        return 1
    return 0 if _WEAK_SOURCE.match(name) else 2


def _other_victims(a: Figure, b: Figure) -> bool:
    if a.group != b.group:
        return True
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
    group: str | None = None,
) -> Tally:
    """The tally of one kind of casualty over a group of claims (see the module docstring).

    ``kind`` may name a victim group as ``kind:group``; ``group`` (else that suffix, else
    ``people``) keeps only the claims of that victim group: one tally never mixes groups.
    """
    if rule not in RULES:
        raise ValueError(f"unknown tally rule {rule!r}; choose one of {', '.join(RULES)}")
    base, _, suffix = kind.partition(":")
    group = group or suffix or HEADLINE_GROUP
    outlets = outlets or {}
    excluded: list[tuple[str, str]] = []
    usable: list[Figure] = []
    for f in figs:
        if f.kind != base or f.scope != scope or f.group != group:
            continue
        why = excluded_reason(f, min_confidence=min_confidence)
        if why:
            excluded.append((f.id, why))
        else:
            usable.append(f)
    usable, set_aside = outliers(usable)
    excluded.extend((i, "outlier: tenfold off the other figures") for i in set_aside)
    kept, copies, restated = collapse_copies(usable)
    by_source: dict[str, list[Figure]] = defaultdict(list)
    label: dict[str, str] = {}
    rank: dict[str, int] = {}
    for f in sorted(kept, key=_order):
        k, name = source_key(f, outlets)
        by_source[k].append(f)
        label.setdefault(k, name)
        rank[k] = max(rank.get(k, 0), source_rank(f))
    series: dict[str, tuple[Point, ...]] = {}
    totals: dict[str, SourceFigure] = {}
    counted: list[str] = []
    superseded: list[str] = list(restated)
    for k, fl in sorted(by_source.items()):
        number = {f.id: n for n, thread in enumerate(incidents(fl)) for f in thread}
        points = tuple(_point(f, number[f.id]) for f in fl)
        series[label[k]] = points
        totals[k] = source_figure(points)
    first = first_stated(kept)
    gone = superseded_sources(totals, by_source, rank, first, combatants=group.endswith(COMBATANTS))
    for k, fl in sorted(by_source.items()):
        tops = {p.claim_id for p in totals[k].points}
        if k in gone:
            superseded.extend(f.id for f in fl)
            continue
        counted.extend(tops)
        superseded.extend(f.id for f in fl if f.id not in tops)
    low = best = high = None
    best_id = None
    keys = [k for k in totals if k not in gone]
    if keys:
        numbers = [k for k in keys if not all(p.vague for p in totals[k].points)] or keys
        if rule == "conservative":
            met = _met_bounds(numbers, totals, by_source)
            pool = [k for k in numbers if k not in met] or numbers
            top = min(pool, key=lambda k: (totals[k].figure, totals[k].last.claim_id))
        elif rule == "highest":
            top = max(numbers, key=lambda k: (totals[k].figure, totals[k].last.claim_id))
        else:  # the figure first stated last: a restated old figure is no later news
            top = max(
                numbers,
                key=lambda k: (
                    stated_on(totals[k].figure, totals[k].last.report_date, first) or dt.date.min,
                    -totals[k].figure,
                    totals[k].last.claim_id,
                ),
            )
        chosen = totals[top]
        best, best_id = chosen.figure, chosen.last.claim_id
        # a count by a word that allows the best figure ("dozens" beside 36) widens nothing;
        # a stated range ("300-400") still does
        worded = {
            k for k in keys if all((f.hedge or "").lower() in VAGUE_HEDGES for f in by_source[k])
        }
        spans = [
            t
            for k, t in totals.items()
            if k in keys and (k in numbers or k not in worded or not t.low <= best <= t.high)
        ]
        low = min([t.low for t in spans] + [best])
        high = max([t.high for t in spans] + [best])
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
        superseded_sources=tuple(sorted(label[k] for k in gone)),
        group=group,
    )


def open_lower(f: Figure) -> bool:
    """A figure stated as an open lower bound only ("at least 50", "more than 50")."""
    return f.hedge is not None and not f.vague and f.low is not None and f.high is None


def _exact(f: Figure) -> bool:
    """A figure stated as an exact count ("killed 53"), no hedge and no range."""
    return f.hedge is None and f.count is not None and f.low == f.high == f.count


def _met_bounds(
    keys: Sequence[str], totals: Mapping[str, SourceFigure], by_source: Mapping[str, list[Figure]]
) -> set[str]:
    """Sources whose figure is only open lower bounds that another source's exact count
    meets as its round figure ("at least 50" beside 53, within ``ROUND_SHARE`` of the count):
    such a bound is no lower estimate of the toll, it agrees with the count, so the
    conservative best is the count, not the bound. A bound far below the count ("at least
    100" beside 150) is a lower estimate and stays the conservative best."""
    claim = {f.id: f for k in keys for f in by_source[k]}

    def only(k: str, test: Callable[[Figure], bool]) -> bool:
        return all(test(claim[p.claim_id]) for p in totals[k].points)

    exact = {k: totals[k].figure for k in keys if only(k, _exact)}
    return {
        k
        for k in keys
        if only(k, open_lower)
        and any(
            v >= totals[k].figure and round_apart(totals[k].figure, v)
            for e, v in exact.items()
            if e != k
        )
    }


def _point(f: Figure, incident: int = 0) -> Point:
    fig = f.point
    assert fig is not None
    up = f.upper
    high = up if up is not None else fig
    lo = min(fig, high, f.low if f.low is not None else fig)
    return Point(f.report_date, fig, lo, max(fig, high), f.id, f.article_id, incident, f.vague)


def headline_group(figs: Iterable[Figure], kind: str) -> str:
    """The victim group most of a cluster's figures of this kind count (``people`` on a
    tie): its tally keeps the plain kind."""
    c = Counter(f.group for f in figs if f.kind == kind)
    if not c:
        return HEADLINE_GROUP
    top = max(c.values())
    return HEADLINE_GROUP if c.get(HEADLINE_GROUP) == top else c.most_common(1)[0][0]


def tally_all(
    groups: Mapping[str, Sequence[Figure]],
    *,
    scope: str = "incident",
    rules: Sequence[str] = RULES,
    outlets: Mapping[str, str | None] | None = None,
    min_confidence: float = 0.0,
) -> list[Tally]:
    """Tallies of every group, every kind and victim group present in it, and every rule."""
    out: list[Tally] = []
    for key, group_figs in groups.items():
        figs = one_side(group_figs)
        inscope = [f for f in figs if f.scope == scope]
        for kind in sorted({f.kind for f in inscope}):
            head = headline_group(inscope, kind)
            for grp in sorted({f.group for f in inscope if f.kind == kind}):
                label = kind if grp == head else f"{kind}:{grp}"
                for rule in rules:
                    out.append(
                        tally_group(
                            figs,
                            key=key,
                            kind=label,
                            rule=rule,
                            scope=scope,
                            outlets=outlets,
                            min_confidence=min_confidence,
                            group=grp,
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
