"""Times: time expressions found by rules, relative dates, and values normalised to the anchor.

``rules`` holds the patterns and calendar helpers; ``relative`` resolves "last Tuesday" and
"three days ago"; ``normalize`` turns a matched expression into a TIMEX3 value; ``timexes`` finds
them in a Doc and makes :class:`~sitrep.model.TimeRef` records.
"""

from __future__ import annotations

from sitrep.extract.times.timexes import (
    Timex,
    dateline_date,
    find_times,
    find_timexes,
    resolve_weekday,
    times,
)

__all__ = ["Timex", "dateline_date", "find_times", "find_timexes", "resolve_weekday", "times"]
