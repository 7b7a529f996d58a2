"""When a figure was first stated, and whether a report says the toll rose to it.

A later article often restates an old figure ("officials have said at least 300 died", "the
ministry reported 500 dead") beside, or after, a newer revision it does not know of. Such a
restatement is no news: it must not supersede a figure first stated after it, and it is itself
superseded by a later, higher figure. So supersession compares the date each figure was
*first stated* in the tally's claims, not the date of the article that last repeated it.

A report that the toll "rose to" (or "climbed to", "reached") its figure says the toll of the
incident is now that figure: it supersedes earlier, lower figures of the incident whoever
gave them, not only those of sources ranked at most as high as its own. A figure the text
tells as an earlier one ("the previous toll was 370") is superseded by a higher figure of
the same article or a later one, even on the same day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from sitrep.extract.casualties.numbers import find_quantities
from sitrep.reconcile.items import Figure


class _Report(Protocol):
    @property
    def report_date(self) -> dt.date | None: ...
    @property
    def article_id(self) -> str: ...
    @property
    def claim_id(self) -> str: ...
    @property
    def vague(self) -> bool: ...


class SourceTotal(Protocol):
    """What supersession reads of one source's figure (``tally.SourceFigure``)."""

    @property
    def figure(self) -> int: ...
    @property
    def last(self) -> _Report: ...
    @property
    def points(self) -> Sequence[_Report]: ...


# A toll's own words that it has risen to its figure: "has risen to 36", "climbed to 40",
# "bringing the death toll to 23". Words of a rise only: a fall ("revised down to") is a dispute.
_RISEN_TO = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|climbing|increased|increases|jumped|jumps"
    r"|grew|grown|reached|reaches|mounted|soared|bringing\s+(?:the\s+)?(?:\w+\s+){0,3}?toll)"
    r"(?:\s+(?:further|again|sharply))?\s+(?:to|past)\s+(?:at\s+least\s+|over\s+|more\s+than\s+)?$",
    re.I,
)

# Words that tell a figure as an earlier one: "the previous death toll was 370", "earlier
# reports said 35", "it had been reported that 24 were killed", "originally put at 260", "the
# civil defence had earlier said 40", "Earlier on Tuesday, the office had reported 40".
_EARLIER = re.compile(
    r"\b(?:previous|earlier|initial|original|preliminary|old)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:toll|figures?|counts?|estimates?|tally|reports?)\b"
    r"|\b(?:initially|originally|previously|at first)\b,?\s+(?:\w+\s+){0,4}?"
    r"(?:reported|said|put|estimated|announced|given|stood)\b"
    r"|\bhad (?:earlier |previously )?been (?:reported|put|given|estimated)\b"
    r"|\bhad (?:earlier|previously) (?:said|reported|put|announced|stated|estimated)\b"
    r"|^\W*earlier\b[^.;]{0,100}?\bhad (?:said|reported|announced|put|stated)\b",
    re.I,
)


def first_stated(figs: Iterable[Figure]) -> dict[int, dt.date]:
    """The earliest report date of each numeric figure (a vague count is no figure)."""
    first: dict[int, dt.date] = {}
    for f in figs:
        p, day = f.point, f.report_date
        if p is None or day is None or f.vague:
            continue
        if p not in first or day < first[p]:
            first[p] = day
    return first


def stated_on(
    figure: int, reported: dt.date | None, first: Mapping[int, dt.date]
) -> dt.date | None:
    """The date a figure counts as stated: its first statement, when an earlier report
    already gave it, else the report at hand."""
    seen = first.get(figure)
    if reported is None:
        return seen
    return min(reported, seen) if seen is not None else reported


def stale(
    figure: int, reported: dt.date | None, newer_day: dt.date | None, first: Mapping[int, dt.date]
) -> bool:
    """Whether a report of ``figure`` only restates an old figure: first stated before a
    figure that was itself first stated (``newer_day``) on a day before this report."""
    seen = first.get(figure)
    return bool(seen and reported and newer_day and seen < newer_day < reported)


def risen_to(f: Figure) -> bool:
    """Whether the claim's words say the toll rose to its figure ("has risen to 36")."""
    if not f.text or f.point is None or f.vague:
        return False
    for q in find_quantities(f.text):
        if f.point in (q.count, q.low) and _RISEN_TO.search(f.text[max(0, q.start - 60) : q.start]):
            return True
    return False


def told_as_earlier(f: Figure) -> bool:
    """Whether the claim's sentence tells its figure as an earlier one, since replaced."""
    return bool(f.text and _EARLIER.search(f.text))


def _later_day(db: dt.date | None, da: dt.date | None) -> bool:
    """Whether a report came out on a later day than another (an outlet stating a higher toll
    itself a day or more after an official's figure gives the official toll as it now is)."""
    return db is not None and da is not None and db > da


def _same_number(a: Figure, b: Figure) -> bool:
    """Whether two figures state one number with other hedges ("up to 100", "more than 100"):
    no new figure, so neither is an update of the other."""
    return a.count is not None and a.count == b.count and not (a.vague or b.vague)


def superseded_sources(
    totals: Mapping[str, SourceTotal],
    by_source: Mapping[str, Sequence[Figure]],
    rank: Mapping[str, int],
    first: Mapping[int, dt.date],
    *,
    combatants: bool = False,
) -> set[str]:
    """Sources whose figure a later report of an equal or higher figure from a source at
    least as good supersedes (on one report day: another article's report, and for
    combatants at most twice the figure: the two sides' claims of one day are a dispute).
    A figure counts from the day it was first stated (``first``, by figure), and a report
    restating a figure first stated before the other one is stale and supersedes nothing, and
    so is one stating the same number with another hedge ("more than 100" after "up to 100");
    a report that the toll rose to its figure, or a report of a later day, supersedes whatever
    the rank of the earlier source, unless its own source is a weak one; a figure told as an earlier one is
    superseded by a higher one of its own report day or article (module docstring)."""
    lasts = {k: next(f for f in by_source[k] if f.id == t.last.claim_id) for k, t in totals.items()}
    risen = {k for k, f in lasts.items() if risen_to(f)}
    earlier = {k for k, f in lasts.items() if told_as_earlier(f)}
    gone: set[str] = set()
    for ka, a in totals.items():
        if all(p.vague for p in a.points):
            continue
        for kb, b in totals.items():
            if kb == ka or all(p.vague for p in b.points):
                continue
            db = b.last.report_date
            if rank[kb] < rank[ka] and not (
                rank[kb] > 0 and (kb in risen or _later_day(db, a.last.report_date))
            ):
                continue
            if _same_number(lasts[ka], lasts[kb]) and a.figure != b.figure:
                continue  # "more than 100" after "up to 100": one number, other words
            same = b.figure == a.figure  # the same figure: the later report is the one to cite
            da = a.last.report_date if same else stated_on(a.figure, a.last.report_date, first)
            if stale(b.figure, db, da, first):
                continue
            if da is None or db is None or db < da or b.figure < a.figure:
                continue
            if ka in earlier and kb not in earlier and b.figure > a.figure:
                gone.add(ka)
                break
            if db == da and (
                b.figure == a.figure
                or b.last.article_id == a.last.article_id
                or (combatants and b.figure > 2 * a.figure)  # two sides' claims
            ):
                continue
            if db == da and {p.article_id for p in a.points} & {p.article_id for p in b.points}:
                continue  # one article gives both: a dispute, not an update
            gone.add(ka)
            break
    return gone


__all__ = [
    "SourceTotal",
    "first_stated",
    "risen_to",
    "stale",
    "stated_on",
    "superseded_sources",
    "told_as_earlier",
]
