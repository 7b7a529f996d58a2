"""The normalizer's shared state and the rules for named calendar expressions.

:class:`Timex` is one normalized expression; :class:`Context` is what the normalizer remembers
while it walks through one text (the anchor, the tense oracle, the last day and quarter
mentioned). The helpers here build values at a grain and read the tense around an expression;
the ``NORMALIZERS`` below turn matches of named dates (explicit dates, months, years, decades,
weekdays, "yesterday", seasons, holidays, clock times) into TimeML values.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from sitrep.extract.times import rules as R
from sitrep.extract.times.rules import Tense, resolve_weekday

TenseOf = Callable[[int, int], Tense | None]
Normalizer = Callable[[re.Match[str], "Context"], "Timex | None"]
# Between a clock time and its day: "10 p.m. on Friday", "9 a.m. EST Tuesday", "10:35 a.m. (0735 GMT)
# Friday".
_CLOCK_GAP = re.compile(
    r"[\s,]*(?:\([^()\n]{1,16}\)\s*)?(?:on|of|(?:[A-Z]{2,4}\s*)?)[\s,]*(?:on\s+)?"
)


@dataclass(frozen=True, slots=True)
class Timex:
    """One normalized time expression with its TimeML value (``value``)."""

    start: int
    end: int
    text: str
    value: str
    type: str = "DATE"
    grain: str = "day"
    begin: dt.date | None = None
    end_date: dt.date | None = None
    modifier: str | None = None


@dataclass(slots=True)
class Context:
    """What the normalizer remembers while it walks through one text."""

    text: str
    anchor: dt.date | None
    tense_of: TenseOf | None
    allcaps: bool
    last_day: dt.date | None = None
    last_grain: str | None = None
    last_quarter: tuple[int, int] | None = None
    last_date: dt.date | None = None
    last_date_grain: str | None = None


# --- helpers shared by the rules -------------------------------------------------------------


def mk(
    m: re.Match[str],
    value: str,
    *,
    start: int | None = None,
    type: str = "DATE",
    grain: str = "day",
    begin: dt.date | None = None,
    end_date: dt.date | None = None,
    modifier: str | None = None,
) -> Timex:
    s = m.start() if start is None else start
    src = m.string
    return Timex(s, m.end(), src[s : m.end()], value, type, grain, begin, end_date, modifier)


def day_timex(m: re.Match[str], d: dt.date, **kw: object) -> Timex:
    return mk(m, d.isoformat(), begin=d, end_date=d, **kw)  # type: ignore[arg-type]


def modifier_of(edge: str | None) -> str | None:
    return R.MODIFIERS.get(" ".join(edge.lower().split())) if edge else None


def year2(y: str, ctx: Context) -> int:
    n = int(y)
    if n >= 100:
        return n
    if ctx.anchor is not None:
        cand = ctx.anchor.year // 100 * 100 + n
        return cand - 100 if cand > ctx.anchor.year + 10 else cand
    return n + (1900 if n >= 50 else 2000)


def tense_at(start: int, end: int, ctx: Context) -> Tense | None:
    if ctx.tense_of is not None:
        t = ctx.tense_of(start, end)
        if t is not None:
            return t
    text = ctx.text
    left = text[max(0, start - 160) : start]
    cut = [c.end() for c in R.CLAUSE_START.finditer(left)]
    if cut:
        left = left[cut[-1] :]
    if R.FUTURE_CUES.search(left):
        return "future"
    right = ""
    words = len(left.split())
    if words < 3:
        right = text[end : end + 120]
        if words == 0:  # a clause-initial "On Tuesday, ..." takes the tense of what follows
            right = right.lstrip(" ,")
        stop = R.CLAUSE_START.search(right)
        if stop:
            right = right[: stop.start()]
        if R.FUTURE_CUES.search(right):
            return "future"
    if R.PAST_CUES.search(left) or R.PAST_CUES.search(right):
        return "past"
    if R.WEAK_FUTURE_CUES.search(left):
        return "future"
    return None


def quarter_of(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def last_completed_quarter(a: dt.date) -> tuple[int, int]:
    y, q = quarter_of(a)
    return (y - 1, 4) if q == 1 else (y, q - 1)


def unit_key(unit: str) -> str:
    u = unit.lower()
    return "century" if u.startswith("centur") else u.rstrip("s")


def shifted(m: re.Match[str], ctx: Context, unit: str, n: int) -> Timex | None:
    """A calendar unit ``n`` steps away from the anchor, at that unit's granularity."""
    assert ctx.anchor is not None
    a = ctx.anchor
    if unit == "day":
        return day_timex(m, a + dt.timedelta(days=n))
    if unit in ("week", "weekend", "fortnight"):
        d = a + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))
        b, e = R.week_bounds(d)
        if unit == "weekend":
            b = e - dt.timedelta(days=1)
            if n == 0 and a.weekday() < 5:
                # News on a Monday or Tuesday reports "the weekend" just gone, unless it looks ahead.
                tense = tense_at(m.start(), m.end(), ctx)
                if tense == "past" or (tense is None and a.weekday() <= 1):
                    b, e = b - dt.timedelta(weeks=1), e - dt.timedelta(weeks=1)
            return mk(m, f"{R.iso_week(b)}-WE", grain="weekend", begin=b, end_date=e)
        return mk(m, R.iso_week(d), grain="week", begin=b, end_date=e)
    if unit == "month":
        d = R.add_months(a, n)
        b, e = R.month_bounds(d.year, d.month)
        return mk(m, f"{d.year}-{d.month:02d}", grain="month", begin=b, end_date=e)
    if unit == "quarter":
        y, q = quarter_of(a)
        y, q0 = divmod(y * 4 + q - 1 + n, 4)
        b, e = R.quarter_bounds(y, q0 + 1)
        return mk(m, f"{y}-Q{q0 + 1}", grain="quarter", begin=b, end_date=e)
    if unit == "year":
        y = a.year + n
        return mk(m, str(y), grain="year", begin=dt.date(y, 1, 1), end_date=dt.date(y, 12, 31))
    if unit == "decade":
        y = a.year // 10 * 10 + 10 * n
        return mk(
            m, str(y // 10), grain="decade", begin=dt.date(y, 1, 1), end_date=dt.date(y + 9, 12, 31)
        )
    if unit == "century":
        c = a.year // 100 + n
        return mk(
            m,
            f"{c:02d}",
            grain="century",
            begin=dt.date(max(1, c * 100), 1, 1),
            end_date=dt.date(c * 100 + 99, 12, 31),
        )
    return None


def duration_value(amount: float | None, unit: str) -> str:
    code = R.UNITS[unit]
    if amount is None:
        n = "X"
    elif amount != int(amount):
        smaller = {"Y": (12, "M"), "D": (24, "TH"), "W": (7, "D"), "M": (30, "D")}.get(code)
        if smaller is None:
            return f"P{amount:g}{code}"
        amount, code = amount * smaller[0], smaller[1]
        n = f"{amount:g}"
    else:
        n = str(int(amount))
    if code == "F":
        return f"P{n if n == 'X' else int(n) * 2}W"
    return f"PT{n}{code[1]}" if code.startswith("T") else f"P{n}{code}"


# --- named calendar expressions --------------------------------------------------------------


def _explicit(m: re.Match[str], ctx: Context) -> Timex | None:
    month = R.MONTHS[m["mon"].lower().rstrip(".")]
    day = int(re.sub(r"\D", "", m["d"]))
    ystr = m["y"] or (m["y2"] if "y2" in m.re.groupindex else None)
    if ystr:
        try:
            return day_timex(m, dt.date(year2(ystr, ctx), month, day))
        except ValueError:
            return None
    if ctx.anchor is None:
        return mk(m, f"XXXX-{month:02d}-{day:02d}")
    d = R.closest_year(ctx.anchor, month, day, tense_at(m.start(), m.end(), ctx))
    return day_timex(m, d) if d else None


def _numeric(m: re.Match[str], ctx: Context) -> Timex | None:
    try:
        return day_timex(m, dt.date(year2(m["y"], ctx), int(m["m"]), int(m["d"])))
    except ValueError:
        return None


def _iso(m: re.Match[str], ctx: Context) -> Timex | None:
    try:
        d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["hh"]:
        return mk(m, f"{d}T{m['hh']}:{m['mm']}", type="TIME", grain="minute", begin=d, end_date=d)
    return day_timex(m, d)


def _month_value(m: re.Match[str], year: int, month: int, edge: str | None) -> Timex:
    b, e = R.month_bounds(year, month)
    return mk(
        m, f"{year}-{month:02d}", grain="month", begin=b, end_date=e, modifier=modifier_of(edge)
    )


def _month_year(m: re.Match[str], ctx: Context) -> Timex | None:
    year = R.parse_year(m["y"])
    return _month_value(m, year, R.MONTHS[m["mon"].lower().rstrip(".")], m["edge"])


def _month(m: re.Match[str], ctx: Context) -> Timex | None:
    month = R.MONTHS[m["mon"].lower()]
    rel = " ".join((m["rel"] or "").lower().split())
    if ctx.anchor is None:
        return mk(m, f"XXXX-{month:02d}", grain="month", modifier=modifier_of(rel))
    a = ctx.anchor
    if rel == "last":
        year = a.year if month < a.month else a.year - 1
    elif rel == "next":
        year = a.year if month > a.month else a.year + 1
    elif rel == "this":
        year = a.year
    else:
        year = R.month_year(a, month, tense_at(m.start(), m.end(), ctx))
    return _month_value(m, year, month, rel if rel not in ("last", "next", "this") else None)


def _month_rel(m: re.Match[str], ctx: Context) -> Timex | None:
    if ctx.anchor is None:
        return None
    year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return _month_value(m, year, R.MONTHS[m["mon"].lower()], None)


def _year(m: re.Match[str], ctx: Context) -> Timex | None:
    y = R.parse_year(m["y"])
    edge = (m["edge"] or "").lower()
    mod = None if edge.startswith("fiscal") else modifier_of(edge)
    return mk(
        m, str(y), grain="year", begin=dt.date(y, 1, 1), end_date=dt.date(y, 12, 31), modifier=mod
    )


def _decade(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["c"]:
        first = int(m["c"]) * 100 + int(m["d"]) * 10
    else:  # "the '80s", "the nineties": the latest such decade that has begun
        base = ctx.anchor.year if ctx.anchor else 2000
        digit = R.DECADE_WORDS[m["dw"].lower()] if m["dw"] else int(m["d2"])
        first = base // 100 * 100 + digit * 10
        if first > base:
            first -= 100
    b, e = dt.date(first, 1, 1), dt.date(first + 9, 12, 31)
    mod = modifier_of(m["edge"] or m["wedge"])
    return mk(m, str(first // 10), grain="decade", begin=b, end_date=e, modifier=mod)


def _century(m: re.Match[str], ctx: Context) -> Timex | None:
    c = int(m["n"]) - 1
    b, e = dt.date(max(1, c * 100), 1, 1), dt.date(c * 100 + 99, 12, 31)
    return mk(m, f"{c:02d}", grain="century", begin=b, end_date=e, modifier=modifier_of(m["edge"]))


def _weekday(m: re.Match[str], ctx: Context) -> Timex | None:
    wd = R.WEEKDAYS[m["wd"].lower()]
    pre = " ".join((m["pre"] or "").lower().split())
    part = (m["part"] or "").lower()
    start = m.start("wd") if part and pre == "on" else m.start()
    if ctx.anchor is None:
        return mk(m, f"XXXX-WXX-{wd + 1}", start=start)
    a = ctx.anchor
    if pre == "last":
        d = a - dt.timedelta(days=(a.weekday() - wd - 1) % 7 + 1)
    elif pre in ("next", "coming"):
        d = a + dt.timedelta(days=(wd - a.weekday() - 1) % 7 + 1)
    else:
        d = resolve_weekday(a, wd, tense_at(m.start(), m.end(), ctx))
    mod = {"late": "END", "early": "START"}.get(pre)
    if part:
        code = R.PARTS_OF_DAY[part]
        return mk(
            m,
            f"{d}T{code}",
            start=start,
            type="TIME",
            grain="part-of-day",
            begin=d,
            end_date=d,
            modifier=mod,
        )
    return day_timex(m, d, start=start, modifier=mod)


def _deictic(m: re.Match[str], ctx: Context) -> Timex | None:
    if ctx.anchor is None:
        return None
    a = ctx.anchor
    word = " ".join(m["word"].lower().split())
    pre = (m["pre"] or "").lower()
    part = (m["part"] or "").lower()
    offsets = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "last night": -1,
               "the day before yesterday": -2, "the day after tomorrow": 2}  # fmt: skip
    if word.startswith("this "):
        part, offset = word[5:], 0
    else:
        offset = offsets[word]
        if word in ("tonight", "last night"):
            part = "night"
    d = a + dt.timedelta(days=offset)
    mod = {"late": "END", "early": "START"}.get(pre)
    if part:
        code = R.PARTS_OF_DAY[part]
        return mk(
            m, f"{d}T{code}", type="TIME", grain="part-of-day", begin=d, end_date=d, modifier=mod
        )
    return day_timex(m, d, modifier=mod)


def _season(m: re.Match[str], ctx: Context) -> Timex | None:
    code = R.SEASONS[m["s"].lower()]
    rel = " ".join((m["rel"] or "").lower().split())
    start = m.start("rel") + 3 if rel == "in the" else m.start()
    rel = "last" if rel == "this past" else rel
    if m["y"]:
        year = R.parse_year(m["y"])
    elif ctx.anchor is None:
        return mk(m, f"XXXX-{code}", start=start, grain="season")
    else:
        a = ctx.anchor
        b, _e = R.season_bounds(a.year, code)
        year = a.year
        if rel == "last" or (
            rel not in ("this", "next") and tense_at(m.start(), m.end(), ctx) == "past"
        ):
            year -= 1 if b > a else 0
            if rel == "last" and b <= a <= R.season_bounds(a.year, code)[1]:
                year -= 1
        elif rel == "next" or tense_at(m.start(), m.end(), ctx) == "future":
            year += 1 if R.season_bounds(a.year, code)[1] < a else 0
    b, e = R.season_bounds(year, code)
    mod = {"early": "START", "late": "END"}.get(rel)
    return mk(m, f"{year}-{code}", start=start, grain="season", begin=b, end_date=e, modifier=mod)


def _holiday(m: re.Match[str], ctx: Context) -> Timex | None:
    if ctx.anchor is None:
        return None
    a = ctx.anchor
    tense = tense_at(m.start(), m.end(), ctx)
    days = [R.holiday(m["h"], y) for y in (a.year - 1, a.year, a.year + 1)]
    if tense == "past":
        days = [d for d in days if d <= a] or days
    elif tense == "future":
        days = [d for d in days if d >= a] or days
    return day_timex(m, min(days, key=lambda d: abs((d - a).days)))


def clock(m: re.Match[str], ctx: Context, found: list[Timex]) -> tuple[Timex | None, Timex | None]:
    """A clock time, merged with an adjacent day ("10 p.m. Wednesday"); returns (new, merged)."""
    if m["word"]:
        hour, minute = {"noon": 12, "midday": 12, "midnight": 24}[m["word"].lower()], 0
    elif m["h24"]:
        hour, minute = int(m["h24"]), int(m["m24"])
    else:
        hour, minute = int(m["h"]), int(m["m"] or 0)
        if not 1 <= hour <= 12:
            return None, None
        pm = m["ap"].lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    day: dt.date | None = None
    merged: Timex | None = None
    for t in found:
        if t.type == "DATE" and t.grain == "day" and t.begin:
            lo, hi = min(t.end, m.end()), max(t.start, m.start())
            if 0 <= hi - lo <= 32 and _CLOCK_GAP.fullmatch(ctx.text[lo:hi]):
                day, merged = t.begin, t
                break
    day = day or ctx.anchor
    if day is None:
        return None, None
    start, end = m.start(), m.end()
    if merged is not None:
        start, end = min(start, merged.start), max(end, merged.end)
    value = f"{day}T{hour:02d}:{minute:02d}"
    tx = Timex(start, end, ctx.text[start:end], value, "TIME", "minute", day, day)
    return tx, merged


NORMALIZERS: dict[str, Normalizer] = {
    "iso": _iso,
    "numeric": _numeric,
    "month_day": _explicit,
    "day_month": _explicit,
    "month_year": _month_year,
    "month": _month,
    "month_rel": _month_rel,
    "year": _year,
    "decade": _decade,
    "century": _century,
    "weekday": _weekday,
    "deictic": _deictic,
    "season": _season,
    "holiday": _holiday,
}
