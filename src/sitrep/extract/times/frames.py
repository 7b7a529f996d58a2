"""Times as a casualty claim reads them: ages are no times, ranges lie in the past, frames of
comparison are no periods.

:func:`fix_times` corrects the article's time expressions where the general normalizer reads
them wrongly for news about what happened:

- an age ("a three-month-old baby", "10-year-old") is a description of a person, not a
  duration: it is dropped;
- a month without a year at either end of a range ("from January to June", "between March and
  May") or after "since" lies before publication: a reading after it moves back a year, and
  the two ends of a range become one interval.

:func:`claim_times` leaves out the expressions that frame a comparison rather than date the
figure ("the deadliest attack in 2023", "the worst since 2014"), so that a claim's period is
never taken from them; :func:`without_frames` blanks those frames out of a sentence ("the
deadliest attack on the city since the invasion began in 2022", "the biggest loss of life since
Hamas took control in 2007"), so that neither their year makes a figure historical nor their
"since" makes it a running total.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace

from sitrep.model import TimeRef

_AGE_AFTER = re.compile(r"^[-\s]*old\b", re.I)
_MONTH_VALUE = re.compile(r"^(\d{4})-(\d{2})$")
_YEARLESS = re.compile(r"^[^\d]*$")
_RANGE_BETWEEN = re.compile(r"^\s*(?:to|until|till|through|and|-|\u2013)\s*$", re.I)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s*$", re.I)
_SINCE = re.compile(r"\b(?:since|last)\s*$", re.I)
_COMPARISON = re.compile(
    r"\b(?:deadliest|worst|bloodiest|largest|biggest|heaviest|most\s+\w+|highest)\b"
    r"[^.;:!?]{0,60}?\b(?:in|since|of|for|this|that)\s*(?:the\s+)?$",
    re.I,
)


# A frame of comparison: a superlative, then "in/since/of/for/during/ever" and what it compares
# with, up to a clause boundary: the words after a superlative that say against what it is
# measured, not when or over what span the figure counts.
_SUPERLATIVE = r"\b(?:deadliest|worst|bloodiest|largest|biggest|heaviest|highest|most\s+\w+)\b"
_FRAME = re.compile(
    _SUPERLATIVE + r"[^.;:!?,]{0,80}?\b(?:in|since|of|for|during|ever)\b"
    r"(?:(?!\b(?:killed|killing|with|and|as|after|when|while|who|which|where)\b)"
    r"[^.;:!?,()\u2013\u2014]){0,100}",
    re.I,
)

# The same frame told by a possessive before the superlative ("one of the war's deadliest
# strikes", "the year's worst attack"): the possessor is what the figure is compared against.
_POSSESSED_FRAME = re.compile(
    r"\b(?:the\s+|this\s+)?[\w-]+(?:['\u2019]s|s['\u2019])\s+" + _SUPERLATIVE, re.I
)


def without_frames(text: str) -> str:
    """``text`` with its frames of comparison blanked out (spaces: offsets keep their place).

    "20 killed, the deadliest attack since the invasion began in 2022" keeps "20 killed," and
    blanks the rest; so "one of the war's deadliest strikes" its "the war's deadliest"; a
    sentence without a superlative comes back unchanged.
    """
    blank = _FRAME.sub(lambda m: " " * len(m.group(0)), text)
    return _POSSESSED_FRAME.sub(lambda m: " " * len(m.group(0)), blank)


def _is_age(t: TimeRef, text: str) -> bool:
    return t.text.lower().endswith("-old") or bool(_AGE_AFTER.match(text[t.end : t.end + 8]))


def _month_back(t: TimeRef) -> TimeRef:
    """The same month a year earlier."""
    m = _MONTH_VALUE.match(t.value)
    if m is None:
        return t
    year, month = int(m.group(1)) - 1, int(m.group(2))
    last = calendar.monthrange(year, month)[1]
    return replace(
        t,
        value=f"{year:04d}-{month:02d}",
        begin=dt.date(year, month, 1),
        end_date=dt.date(year, month, last),
    )


def _after(t: TimeRef, published: dt.date) -> bool:
    return t.begin is not None and t.begin > published


def fix_times(times: list[TimeRef], *, text: str, published: dt.date | None) -> list[TimeRef]:
    """The article's time expressions without ages, with year-less past months in the past.

    Args:
        times: the time expressions found (:func:`sitrep.extract.times.times`).
        text: the article text they index.
        published: the publication date; without it months are left as they are.

    Returns:
        The corrected expressions in text order; a "from M1 to M2" range is one interval.
    """
    kept = [t for t in times if not _is_age(t, text)]
    if published is None:
        return kept
    out: list[TimeRef] = []
    k = 0
    while k < len(kept):
        t = kept[k]
        nxt = kept[k + 1] if k + 1 < len(kept) else None
        yearless = bool(_MONTH_VALUE.match(t.value)) and bool(_YEARLESS.match(t.text))
        opens = _RANGE_OPEN.search(text[max(0, t.start - 12) : t.start])
        if (
            yearless
            and opens
            and nxt is not None
            and _MONTH_VALUE.match(nxt.value)
            and _RANGE_BETWEEN.match(text[t.end : nxt.start])
        ):
            first = _month_back(t) if _after(t, published) else t
            last = _month_back(nxt) if _after(nxt, published) and _YEARLESS.match(nxt.text) else nxt
            if first.begin and last.begin and first.begin > last.begin:
                first = _month_back(first)
            if first.begin and last.end_date:
                out.append(
                    replace(
                        first,
                        text=text[first.start : last.end],
                        end=last.end,
                        value=f"{first.begin.isoformat()}/{last.end_date.isoformat()}",
                        type="INTERVAL",
                        grain="month",
                        end_date=last.end_date,
                    )
                )
                k += 2
                continue
        if yearless and _after(t, published) and _SINCE.search(text[max(0, t.start - 8) : t.start]):
            t = _month_back(t)
        out.append(t)
        k += 1
    return out


def claim_times(times: list[TimeRef], *, text: str) -> list[TimeRef]:
    """The expressions that may date a casualty claim: not frames of comparison.

    Args:
        times: the article's time expressions.
        text: the article text.

    Returns:
        ``times`` without those after "the deadliest ... in", "the worst since" and the like.
    """
    out: list[TimeRef] = []
    for t in times:
        lo = max(text.rfind(".", 0, t.start), text.rfind("\n", 0, t.start), t.start - 90)
        if _COMPARISON.search(text[lo + 1 : t.start]):
            continue
        before = text[lo + 1 : t.end]
        if without_frames(before)[t.start - lo - 1 :].isspace():
            continue  # inside a frame further from its superlative: "since X took control in 2007"
        out.append(t)
    return out
