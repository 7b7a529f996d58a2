"""Which figures a tally takes: another extent's total or a part set aside, a side filled in.

:func:`outliers` sets aside, of at least three figures, one ten times their median or more (a
war-wide total in an incident's report) and one a tenth of it or less (a part of the incident:
"one more died in hospital"). :func:`one_side` gives soldiers or militants whose side a sentence
left out the side the incident's other figures name, when they name only one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from sitrep.reconcile.items import Figure

OUTLIER_RATIO = 10
COMBATANTS = ("soldiers", "militants")


def outliers(figs: list[Figure]) -> tuple[list[Figure], list[str]]:
    """Of at least three figures, those ten times their (upper) median or more (another
    extent's total), or a tenth of it or less (a part of the incident); with fewer than three
    numbers, word counts stand in by their upper bound, for the first test only."""
    values = sorted(p for f in figs if (p := f.point) is not None and not f.vague)
    # with fewer numbers, word counts stand in by their upper bound ("dozens" at most 99): a
    # war's 91,722 injured beside four "dozens injured" of one strike is another extent
    by_words = len(values) < 3
    if by_words:
        values = sorted(
            values + [u for f in figs if f.vague and (u := f.upper or f.point) is not None]
        )
    if len(values) < 3:
        return figs, []
    median = values[len(values) // 2]  # the upper median of all figures
    out: list[str] = []
    keep: list[Figure] = []
    for f in figs:
        p = f.point
        if p is None or (by_words and f.vague):
            keep.append(f)
            continue
        high = median > 0 and p >= OUTLIER_RATIO * median and p > median + 10
        low = not by_words and p * OUTLIER_RATIO <= median and p < median - 10
        if high or low:
            out.append(f.id)
        else:
            keep.append(f)
    return keep, out


def one_side(figs: Sequence[Figure]) -> list[Figure]:
    """Soldiers or militants whose side the sentence left out are the side's that the other
    figures of the incident name, when they name only one ("200 reservists destroyed", beside
    "200 Ukrainian reservists", are one tally)."""
    sides: dict[str, set[str]] = defaultdict(set)
    for f in figs:
        for base in COMBATANTS:
            if f.group.endswith(" " + base):
                sides[base].add(f.group)
    out = list(figs)
    for base, named in sides.items():
        if len(named) == 1:
            (only,) = named
            out = [replace(f, group=only) if f.group == base else f for f in out]
    return out


__all__ = ["COMBATANTS", "OUTLIER_RATIO", "one_side", "outliers"]
