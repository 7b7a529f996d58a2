"""Contradictions and updates between claims, as records.

Three kinds:

- ``denial`` / ``dispute``: a source denies or disputes a claim. Matched by the claim ids in
  ``Claim.contradicts`` (rule ``contradicts-id``); for a denial that names no claim, by its
  words against the victims, kind and cause of casualty claims of other sources in the same
  article or event cluster (``victims-match``), or in the event clusters at the places its
  article names around its publication date (``place-date-victims``); and a casualty claim whose own stance is a
  denial against the other sources' figures in its cluster (``same-cluster``).
- ``figures_differ``: two sources' figures for one event cluster and kind that cannot both be
  right (their ranges do not overlap), rule ``latest-per-source``; a source's figure is the
  sum of its incidents' latest figures (see :mod:`sitrep.reconcile.tally`).
- ``update``: a later figure of the same source for the same incident supersedes an earlier
  one (``same-source-later``), or another source's later report supersedes a source's figure
  (``other-source-later``, both sentences in the detail); figures of one source for different
  incidents ("21 in the past 24 hours, and four more on Wednesday") add up and are no update;
  a claim stating what it updates ("rose to 23 from 21") with no earlier claim stored gives
  an update whose earlier figure is read from that text (``stated-update``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise

from sitrep.model import DENYING_STANCES, content_id
from sitrep.reconcile.items import APPROX_HEDGES, Figure, round_apart
from sitrep.reconcile.tally import Tally, open_lower, source_figure

_WORD = re.compile(r"[a-z]{4,}")
_NUMBER = re.compile(r"\d[\d,]*")
_KIND_WORDS = {
    "killed": "kill killing killed dead death deaths died",
    "injured": "injur injured wounded wounding hurt",
    "missing": "missing",
    "captured": "captur captured prisoners",
    "arrested": "arrest arrested detained detention",
    "kidnapped": "kidnap kidnapped abducted abduction",
    "displaced": "displac displaced fled",
    "evacuated": "evacuat evacuated",
    "casualties": "casualties",
}


@dataclass(frozen=True, slots=True)
class StatedClaim:
    """An attributed statement (a row of ``claims``) as contradiction matching needs it."""

    id: str
    article_id: str
    source: str | None
    stance: str
    content: str
    contradicts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two claims that disagree, or a figure and its update."""

    kind: str
    rule: str
    cluster_id: str | None
    item_a: str | None
    item_b: str | None
    source_a: str | None = None
    source_b: str | None = None
    figure_a: int | None = None
    figure_b: int | None = None
    date_a: dt.date | None = None
    date_b: dt.date | None = None
    detail: str | None = None

    @property
    def id(self) -> str:
        return content_id("contradiction", self.kind, self.item_a, self.item_b, self.figure_a)


_CIVILIAN = frozenset({"civil", "peopl", "resid", "child", "women", "inhab", "perso", "famil"})


def _stems(text: str | None) -> set[str]:
    """Word stems (first five letters); every word for non-combatants folds to "civil"."""
    stems = {w[:5] for w in _WORD.findall((text or "").lower())}
    return {"civil" if s in _CIVILIAN else s for s in stems}


def _about(claim: StatedClaim, f: Figure) -> bool:
    """Whether a denial's words speak of this casualty claim's victims or kind."""
    words = _stems(claim.content)
    target = _stems(f.victims) | _stems(_KIND_WORDS.get(f.kind, f.kind))
    return bool(words & target)


def denials(
    claims: Sequence[StatedClaim],
    figures: Sequence[Figure],
    cluster_of: Mapping[str, str],
    *,
    nearby: Mapping[str, Sequence[str]] | None = None,
) -> list[Contradiction]:
    """Denials and disputes against casualty claims or other claims.

    Args:
        claims: attributed statements (only denials and disputes are read).
        figures: casualty claims.
        cluster_of: item id -> its event cluster id.
        nearby: article id -> event clusters at the places the article names, around its
            publication date: where a denial that names no claim is looked for.
    """
    fig_by_id = {f.id: f for f in figures}
    claim_by_id = {c.id: c for c in claims}
    by_article: dict[str, list[Figure]] = {}
    by_cluster: dict[str, list[Figure]] = {}
    for f in figures:
        by_article.setdefault(f.article_id, []).append(f)
        if f.id in cluster_of:
            by_cluster.setdefault(cluster_of[f.id], []).append(f)
    clusters_of_article: dict[str, set[str]] = {}
    for f in figures:
        if f.id in cluster_of:
            clusters_of_article.setdefault(f.article_id, set()).add(cluster_of[f.id])
    out: list[Contradiction] = []
    for c in claims:
        if c.stance not in DENYING_STANCES:
            continue
        kind = "denial" if c.stance == "denies" else "dispute"
        if c.contradicts:
            for t in c.contradicts:
                if t in fig_by_id:
                    f = fig_by_id[t]
                    out.append(
                        Contradiction(
                            kind,
                            "contradicts-id",
                            cluster_of.get(t),
                            c.id,
                            t,
                            c.source,
                            _who(f),
                            None,
                            f.point,
                            None,
                            f.report_date,
                            c.content,
                        )
                    )
                elif t in claim_by_id:
                    o = claim_by_id[t]
                    out.append(
                        Contradiction(
                            kind,
                            "contradicts-id",
                            None,
                            c.id,
                            t,
                            c.source,
                            o.source,
                            detail=c.content,
                        )
                    )
            continue
        pool = [(f, "victims-match") for f in by_article.get(c.article_id, ())]
        for cid in sorted(clusters_of_article.get(c.article_id, ())):
            pool.extend((f, "victims-match") for f in by_cluster.get(cid, ()))
        for cid in (nearby or {}).get(c.article_id, ()):
            pool.extend((f, "place-date-victims") for f in by_cluster.get(cid, ()))
        seen: set[str] = set()
        for f, rule in pool:
            if f.id in seen or f.stance in DENYING_STANCES or _same_source(c.source, f.source):
                continue
            if f.article_id != f.canonical_id:
                continue  # a copy: the claim in its canonical article stands for it
            seen.add(f.id)
            if _about(c, f):
                out.append(
                    Contradiction(
                        kind,
                        rule,
                        cluster_of.get(f.id),
                        c.id,
                        f.id,
                        c.source,
                        _who(f),
                        None,
                        f.point,
                        None,
                        f.report_date,
                        c.content,
                    )
                )
    for d in figures:
        if d.stance not in DENYING_STANCES or d.id not in cluster_of:
            continue
        kind = "denial" if d.stance == "denies" else "dispute"
        for f in by_cluster.get(cluster_of[d.id], ()):
            if f.stance in DENYING_STANCES or f.kind != d.kind or _same_source(d.source, f.source):
                continue
            out.append(
                Contradiction(
                    kind,
                    "same-cluster",
                    cluster_of[d.id],
                    d.id,
                    f.id,
                    _who(d),
                    _who(f),
                    d.point,
                    f.point,
                    d.report_date,
                    f.report_date,
                )
            )
    return out


def _who(f: Figure) -> str | None:
    return f.source or (f"{f.outlet} (outlet)" if f.outlet else None)


def _same_source(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.strip().lower() == b.strip().lower())


def differing_figures(
    tallies: Iterable[Tally],
    figures: Sequence[Figure] = (),
    *,
    max_sources: int = 20,
) -> list[Contradiction]:
    """Pairs of sources whose current figures for one incident, kind and victim group cannot
    both hold (a source superseded by a later report is no longer in dispute; a vague count
    disputes nothing). With ``figures``, the record's detail quotes both sentences."""
    text = {f.id: f.text for f in figures}
    bound = {f.id for f in figures if open_lower(f)}
    rounded = {f.id for f in figures if (f.hedge or "").lower() in APPROX_HEDGES}
    out: list[Contradiction] = []
    for t in tallies:
        if t.rule != "conservative" or len(t.series) < 2:
            continue
        gone = set(t.superseded_sources)
        latest = [
            (src, sf)
            for src, sf in ((s, source_figure(pts)) for s, pts in sorted(t.series.items()))
            if src not in gone and not all(p.vague for p in sf.points)
        ]
        for (sa, a), (sb, b) in combinations(latest[:max_sources], 2):
            if a.high < b.low or b.high < a.low:
                lo, hi = ((sa, a), (sb, b)) if a.figure <= b.figure else ((sb, b), (sa, a))
                if all(p.claim_id in bound for p in lo[1].points):
                    continue  # "at least 50" beside 53: the bound agrees with the count
                if round_apart(lo[1].figure, hi[1].figure) and any(
                    p.claim_id in rounded for p in (*lo[1].points, *hi[1].points)
                ):
                    continue  # "almost 300" beside "about 300": one round figure
                detail = t.kind
                ta, tb = text.get(lo[1].last.claim_id), text.get(hi[1].last.claim_id)
                if ta and tb:
                    detail = f"{t.kind}: \u201c{ta.strip()}\u201d vs \u201c{tb.strip()}\u201d"
                out.append(
                    Contradiction(
                        "figures_differ",
                        "latest-per-source",
                        t.key,
                        lo[1].last.claim_id,
                        hi[1].last.claim_id,
                        lo[0],
                        hi[0],
                        lo[1].figure,
                        hi[1].figure,
                        lo[1].last.report_date,
                        hi[1].last.report_date,
                        detail,
                    )
                )
    return out


def superseded_by_others(
    tallies: Iterable[Tally], figures: Sequence[Figure]
) -> list[Contradiction]:
    """A source's figure that another source's later report superseded (300 by the city
    hall, then 600 by an investigation): an update across sources, with both sentences, paired
    with the earliest later report of a higher figure among the sources still counted."""
    text = {f.id: f.text for f in figures}
    out: list[Contradiction] = []
    for t in tallies:
        if t.rule != "conservative" or not t.superseded_sources:
            continue
        gone = set(t.superseded_sources)
        figs = {s: source_figure(pts) for s, pts in sorted(t.series.items())}
        live = [(s, b) for s, b in figs.items() if s not in gone and not b.last.vague]
        for src in sorted(gone):
            a = figs.get(src)
            if a is None or a.last.vague or a.last.report_date is None:
                continue
            later = [
                (s, b)
                for s, b in live
                if b.figure > a.figure  # supersession is by a higher figure
                and b.last.report_date is not None
                and b.last.report_date >= a.last.report_date
            ]
            if not later:
                continue
            sb, b = min(later, key=lambda x: (x[1].last.report_date, -x[1].figure, x[0]))
            ta, tb = text.get(a.last.claim_id), text.get(b.last.claim_id)
            detail = f"{t.kind} rose from {a.figure} ({src}) to {b.figure} ({sb})"
            if ta and tb:
                detail += f": \u201c{ta.strip()}\u201d then \u201c{tb.strip()}\u201d"
            out.append(
                Contradiction(
                    "update",
                    "other-source-later",
                    t.key,
                    a.last.claim_id,
                    b.last.claim_id,
                    src,
                    sb,
                    a.figure,
                    b.figure,
                    a.last.report_date,
                    b.last.report_date,
                    detail,
                )
            )
    return out


def updates(tallies: Iterable[Tally], figures: Sequence[Figure]) -> list[Contradiction]:
    """Each source's later figure superseding its earlier one, and stated updates."""
    fig_by_id = {f.id: f for f in figures}
    out: list[Contradiction] = []
    linked: set[str] = set()
    for t in tallies:
        if t.rule != "conservative":
            continue
        for src, pts in t.series.items():
            steps = [
                (a, b)
                for n in sorted({p.incident for p in pts})
                for a, b in pairwise([p for p in pts if p.incident == n])
            ]
            for a, b in steps:
                if a.figure == b.figure or a.vague or b.vague:
                    continue  # a vague count ("several") is an interval, never an update
                stated = fig_by_id[b.claim_id].updates if b.claim_id in fig_by_id else None
                verb = "rose" if b.figure > a.figure else "fell"
                detail = stated or f"{t.kind} {verb} from {a.figure} to {b.figure}"
                out.append(
                    Contradiction(
                        "update",
                        "same-source-later",
                        t.key,
                        a.claim_id,
                        b.claim_id,
                        src,
                        src,
                        a.figure,
                        b.figure,
                        a.report_date,
                        b.report_date,
                        detail,
                    )
                )
                linked.add(b.claim_id)
    for f in figures:
        if not f.updates or f.id in linked:
            continue
        if f.updates in fig_by_id:
            e = fig_by_id[f.updates]
            out.append(
                Contradiction(
                    "update",
                    "stated-update",
                    None,
                    e.id,
                    f.id,
                    e.source,
                    f.source,
                    e.point,
                    f.point,
                    e.report_date,
                    f.report_date,
                    f.updates,
                )
            )
            continue
        nums = [int(n.replace(",", "")) for n in _NUMBER.findall(f.updates)]
        earlier = next((n for n in nums if n != f.point), None)
        if earlier is not None:
            out.append(
                Contradiction(
                    "update",
                    "stated-update",
                    None,
                    None,
                    f.id,
                    f.source,
                    f.source,
                    earlier,
                    f.point,
                    None,
                    f.report_date,
                    f.updates,
                )
            )
    return out
