"""When a figure was first stated, and whether a report says the toll rose to it.

A later article often restates an old figure ("officials have said at least 300 died", "the
ministry reported 500 dead") beside, or after, a newer revision it does not know of. Such a
restatement is no news: it must not supersede a figure first stated after it, and it is itself
superseded by a later, higher figure. So supersession compares the date each figure was
*first stated* in the tally's claims, not the date of the article that last repeated it.

A report that the toll "rose to" (or "climbed to", "reached") its figure says the toll of the
incident is now that figure: it supersedes earlier, lower figures of the incident whoever
gave them, not only those of sources ranked at most as high as its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from sitrep.extract.casualties.numbers import find_quantities
from sitrep.reconcile.items import Figure

# A toll's own words that it has risen to its figure: "has risen to 36", "climbed to 40",
# "bringing the death toll to 23". Words of a rise only: a fall ("revised down to") is a dispute.
_RISEN_TO = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|climbing|increased|increases|jumped|jumps"
    r"|grew|grown|reached|reaches|mounted|soared|bringing\s+(?:the\s+)?(?:\w+\s+){0,3}?toll)"
    r"(?:\s+(?:further|again|sharply))?\s+(?:to|past)\s+(?:at\s+least\s+|over\s+|more\s+than\s+)?$",
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


__all__ = ["first_stated", "risen_to", "stale", "stated_on"]
