"""Relative, anaphoric and measured time expressions.

"last week", "two days ago", "the past 24 hours", "the third quarter", "a year earlier",
"three days", "now": values computed from the anchor or from what the article mentioned
before (the last day, quarter or grain kept in :class:`~sitrep.extract.times.normalize.Context`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import replace

from sitrep.extract.times import rules as R
from sitrep.extract.times.normalize import (
    Context,
    Normalizer,
    Timex,
    day_timex,
    duration_value,
    last_completed_quarter,
    mk,
    modifier_of,
    quarter_of,
    shifted,
    tense_at,
    unit_key,
)

_ENDED = re.compile(
    rf"\s+(?:ended|ending|through|to)\s+(?P<mon>{R.MON})(?:\s+\d{{1,2}})?(?:,?\s+(?P<y>{R.YEAR}))?",
    re.I,
)
_ANAPHORIC = re.compile(r"ago|earlier|before|previous|same|comparable", re.I)


def _quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    unit = m["unit"].lower()
    pre = " ".join((m["pre"] or "").lower().split())
    if unit == "period":
        if ctx.last_quarter is None:
            return None
        unit = "quarter"
    ystr = m["y"] or m["y2"]
    n = R.ORDINALS.get((m["ord"] or "").lower())
    a = ctx.anchor
    if ystr:
        year = int(ystr)
    elif a is None:
        year = -1
    elif pre.endswith("year's"):
        year = a.year + {"this": 0, "last": -1, "next": 1}[pre.split()[0]]
    elif n is None:
        year = -1
    else:
        year = a.year
        first_month = (n - 1) * (6 if unit == "half" else 3) + 1
        if first_month > a.month and tense_at(m.start(), m.end(), ctx) != "future":
            year -= 1
    ended = _ENDED.match(ctx.text, m.end()) if n is None and not ystr else None
    if ended is not None:  # "the quarter ended Sept. 30": the calendar quarter it mostly covers
        year = int(ended["y"]) if ended["y"] else (a.year if a else -1)
        end_month = R.MONTHS[ended["mon"].lower().rstrip(".")]
        n = ((end_month - 2) % 12) // 3 + 1  # most of a quarter ending in July lies in Q2
        year -= end_month == 1
        if a is not None and not ended["y"] and R.quarter_bounds(year, n)[0] > a:
            year -= 1
    if n is None:
        if unit == "half" or a is None:
            return None
        if pre == "current":
            year, n = quarter_of(a)
        else:
            year, n = ctx.last_quarter or last_completed_quarter(a)
    if pre in ("year-ago", "year-earlier"):
        year -= 1
    if year < 0:
        code = "H" if unit == "half" else "Q"
        return mk(m, f"XXXX-{code}{n}", grain=unit)
    if unit == "half":
        b, e = dt.date(year, 6 * n - 5, 1), R.month_bounds(year, 6 * n)[1]
        return mk(m, f"{year}-H{n}", grain="half", begin=b, end_date=e)
    b, e = R.quarter_bounds(year, n)
    return mk(m, f"{year}-Q{n}", grain="quarter", begin=b, end_date=e)


def _relative(m: re.Match[str], ctx: Context) -> Timex | None:
    if ctx.anchor is None:
        return None
    rel = " ".join(m["rel"].lower().split())
    unit = m["unit"].lower()
    step = rel.split()[-1]
    n = {"last": -1, "this": 0, "the": 0, "next": 1, "coming": 1}[step]
    if unit == "quarter" and n < 0:
        y, q = last_completed_quarter(ctx.anchor)
        b, e = R.quarter_bounds(y, q)
        return mk(m, f"{y}-Q{q}", grain="quarter", begin=b, end_date=e)
    tx = shifted(m, ctx, unit, n)
    if tx is None:
        return None
    head = rel.split()[0]
    mod = {"early": "START", "late": "END"}.get(head)
    return Timex(tx.start, tx.end, tx.text, tx.value, tx.type, tx.grain, tx.begin, tx.end_date, mod)


def _ago(m: re.Match[str], ctx: Context) -> Timex | None:
    if ctx.anchor is None:
        return None
    direction = -1 if m["dir"].lower() in ("ago", "earlier", "before") else 1
    amount = R.parse_amount(m["amt"])
    if amount is None:  # "several years ago": some time before the anchor
        ref = "PAST_REF" if direction < 0 else "FUTURE_REF"
        return mk(m, ref, grain="ref", end_date=ctx.anchor if direction < 0 else None)
    if amount != int(amount):
        return None
    tx = _ago_value(m, ctx, unit_key(m["unit"]), int(amount) * direction)
    mod = "APPROX" if m["so"] else modifier_of(m["mod"])
    return replace(tx, modifier=mod) if tx is not None and mod else tx


def _ago_value(m: re.Match[str], ctx: Context, unit: str, n: int) -> Timex | None:
    assert ctx.anchor is not None
    if unit in ("hour", "minute"):
        return day_timex(m, ctx.anchor)
    if unit == "year" and abs(n) == 1 and ctx.last_grain in ("quarter", "month"):
        if ctx.last_grain == "quarter" and ctx.last_quarter:
            y, q = ctx.last_quarter
            b, e = R.quarter_bounds(y + n, q)
            return mk(m, f"{y + n}-Q{q}", grain="quarter", begin=b, end_date=e)
        return shifted(m, ctx, "month", 12 * n)
    if unit == "decade":
        return shifted(m, ctx, "year", 10 * n)
    return shifted(m, ctx, unit, n)


def _year_ago(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "year-earlier" / "the year-ago": the discourse's last quarter or month, a year back."""
    if ctx.last_grain == "quarter" and ctx.last_quarter:
        y, q = ctx.last_quarter
        b, e = R.quarter_bounds(y - 1, q)
        return mk(m, f"{y - 1}-Q{q}", grain="quarter", begin=b, end_date=e)
    if ctx.anchor is None:
        return None
    return shifted(m, ctx, "year", -1)


def _span(m: re.Match[str], ctx: Context) -> Timex | None:
    rel = m["rel"].lower().split()[-1]
    unit = unit_key(m["unit"])
    amount = R.parse_amount(m["amt"]) if m["amt"] else 1.0
    a = ctx.anchor
    if not m["amt"] and unit == "day" and rel in ("next", "following", "previous"):
        base = ctx.last_day or a
        if base is None:
            return None
        return day_timex(m, base + dt.timedelta(days=-1 if rel == "previous" else 1))
    if not m["amt"] and unit in ("month", "year") and rel in ("following", "previous"):
        return _anaphoric(m, ctx, unit, -1 if rel == "previous" else 1)
    forward = rel in ("next", "coming", "following")
    if a is None or amount is None:
        return mk(
            m,
            duration_value(amount, unit),
            type="DURATION",
            grain=unit,
            end_date=None if forward else a,
        )
    days = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "fortnight": 14}.get(unit)
    if days is not None:
        other = a + dt.timedelta(days=math.ceil(amount * days) * (1 if forward else -1))
    else:
        months = {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit]
        other = R.add_months(a, int(amount * months) * (1 if forward else -1))
    b, e = (a, other) if forward else (other, a)
    return mk(m, f"{b}/{e}", type="INTERVAL", grain=unit, begin=b, end_date=e)


def _duration(m: re.Match[str], ctx: Context) -> Timex | None:
    unit = unit_key(m["unit"])
    amount = R.parse_amount(m["amt"])
    before = ctx.text[max(0, m.start() - 8) : m.start()].lower()
    if re.search(r"\b(?:once|twice|times|per|every)\s+$", before):
        return mk(m, duration_value(1, unit), type="SET", grain=unit)
    mod = R.MODIFIERS.get(" ".join(m["mod"].lower().split())) if m["mod"] else None
    if (m["amt"].lower() == "some") and mod is None:
        amount = None
    return mk(m, duration_value(amount, unit), type="DURATION", grain=unit, modifier=mod)


def _ref(m: re.Match[str], ctx: Context) -> Timex | None:
    w = " ".join(m["w"].lower().split())
    a = ctx.anchor
    if w in ("recently", "recent", "the past"):
        return mk(m, "PAST_REF", grain="ref", end_date=a)
    if w.endswith(("future", "term")):
        return mk(m, "FUTURE_REF", grain="ref", begin=a)
    return mk(m, "PRESENT_REF", grain="ref", begin=a, end_date=a)


def _anaphoric(m: re.Match[str], ctx: Context, unit: str, n: int) -> Timex | None:
    """The ``unit`` holding the last date mentioned (or the anchor), shifted by ``n``."""
    base = ctx.last_date or ctx.anchor
    if base is None:
        return None
    return shifted(m, replace(ctx, anchor=base), unit, n)


def _anaphor(m: re.Match[str], ctx: Context) -> Timex | None:
    unit = m["unit"].lower()
    pre = (m["pre"] or "").lower()
    if unit == "day" and m["det"].lower() == "that" and not (pre or m["same"]):
        return None  # a bare "that day" is as often generic ("trades made that day")
    if unit == "quarter" and ctx.last_quarter is not None:
        y, q = ctx.last_quarter
        b, e = R.quarter_bounds(y, q)
        tx: Timex | None = mk(m, f"{y}-Q{q}", grain="quarter", begin=b, end_date=e)
    else:
        tx = _anaphoric(m, ctx, unit, 0)
    if tx is None:
        return None
    if pre == "on":
        tx = replace(tx, start=m.start("det"), text=ctx.text[m.start("det") : tx.end])
    return tx


def _the_year(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the year", "the current fiscal year", "the end of the month": the anchor's unit."""
    unit = m["unit"].lower()
    if ctx.anchor is None or (unit != "year" and not (m["q"] or m["edge"])):
        return None
    tx = shifted(m, ctx, unit, 0)
    mod = modifier_of(m["edge"])
    return replace(tx, modifier=mod) if tx is not None and mod else tx


def since_interval(tx: Timex, ctx: Context) -> Timex | None:
    if tx.type not in ("DATE", "TIME") or tx.begin is None or ctx.anchor is None:
        return None
    m = R.SINCE.search(ctx.text[max(0, tx.start - 16) : tx.start])
    if not m or tx.begin > ctx.anchor:
        return None
    start = tx.start - (len(m.group(0)))
    end = ctx.anchor
    return Timex(
        start,
        tx.end,
        ctx.text[start : tx.end],
        f"{tx.begin}/{end}",
        "INTERVAL",
        tx.grain,
        tx.begin,
        end,
    )


def remember(ctx: Context, tx: Timex) -> None:
    if tx.type == "DURATION" and tx.grain in ("month", "year"):
        ctx.last_grain = None  # "the nine months ... a year earlier" compares years again
        return
    if tx.type not in ("DATE", "TIME") or tx.grain == "ref":
        return
    ctx.last_grain = tx.grain
    if tx.grain in ("day", "part-of-day") and tx.begin:
        ctx.last_day = tx.begin
    if tx.grain == "quarter" and tx.begin and not _ANAPHORIC.search(tx.text):
        ctx.last_quarter = quarter_of(tx.begin)
    if tx.begin is not None:
        ctx.last_date, ctx.last_date_grain = tx.begin, tx.grain


NORMALIZERS: dict[str, Normalizer] = {
    "relative": _relative,
    "ago": _ago,
    "span": _span,
    "duration": _duration,
    "quarter": _quarter,
    "ref": _ref,
    "yearago": _year_ago,
    "anaphor": _anaphor,
    "theyear": _the_year,
}
