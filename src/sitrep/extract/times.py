"""Time expressions normalized against the publication date.

A HeidelTime-style rule normalizer in pure Python: precompiled patterns find candidate
expressions (``timex_rules.PATTERNS``), the longest leftmost ones win, and each is normalized
in text order so that anaphoric expressions ("the quarter", "a year earlier", "the next day")
can lean on what the article mentioned before. Values follow TimeML TIMEX3 conventions
("2022-03-01", "2022-W09", "1998-Q3", "PRESENT_REF", "P1W", "2022-03-02TMO").

Weekdays follow the news same-day rule: in an article published on a Wednesday, "on Wednesday"
is that day, "on Tuesday" the day before, and "on Thursday" last week's Thursday unless the
verb is in the future tense ("will meet on Thursday").
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from sitrep.extract import timex_rules as R
from sitrep.extract.timex_rules import Tense, resolve_weekday
from sitrep.model import TimeRef

__all__ = ["Timex", "dateline_date", "find_times", "find_timexes", "resolve_weekday", "times"]

TenseOf = Callable[[int, int], Tense | None]
_CLOCK_GAP = re.compile(r"[\s,]*(?:on|of|(?:[A-Z]{2,4}\s*)?)[\s,]*(?:on\s+)?")
_ENDED = re.compile(
    rf"\s+(?:ended|ending|through|to)\s+(?P<mon>{R.MON})(?:\s+\d{{1,2}})?(?:,?\s+(?P<y>{R.YEAR}))?",
    re.I,
)
_ANAPHORIC = re.compile(r"ago|earlier|before|previous|same|comparable", re.I)
_PRIORITY = {kind: i for i, kind in enumerate(R.PATTERNS)}


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
class _Context:
    """What the normalizer remembers while it walks through one text."""

    text: str
    anchor: dt.date | None
    tense_of: TenseOf | None
    allcaps: bool
    last_day: dt.date | None = None
    last_grain: str | None = None
    last_quarter: tuple[int, int] | None = None


def find_timexes(
    text: str, *, anchor: dt.date | None, tense_of: TenseOf | None = None
) -> list[Timex]:
    """Every time expression in ``text`` with its TimeML value, in text order.

    Args:
        text: the article text.
        anchor: the publication date that relative expressions resolve against; without it,
            expressions that need it are skipped and bare month-days get ``XXXX`` years.
        tense_of: optional ``(start, end) -> "past" | "future" | None`` from a parse; text cues
            are used when it is missing or undecided.

    Returns:
        Timexes sorted by start, including dates nested in "since ..." intervals.
    """
    letters = [c for c in text[:4000] if c.isalpha()]
    allcaps = bool(letters) and sum(c.islower() for c in letters) < 0.1 * len(letters)
    ctx = _Context(text=text, anchor=anchor, tense_of=tense_of, allcaps=allcaps)
    cands: list[tuple[int, int, int, str, re.Match[str]]] = []
    for kind, pattern in R.PATTERNS.items():
        for m in pattern.finditer(text):
            if m.end() > m.start() and _accept(kind, m, ctx):
                cands.append((m.start(), -(m.end() - m.start()), _PRIORITY[kind], kind, m))
    cands.sort()
    out: list[Timex] = []
    clocks: list[re.Match[str]] = []
    last_end = -1
    for start, _neg, _prio, kind, m in cands:
        if start < last_end:
            continue
        last_end = m.end()
        if kind == "clock":
            clocks.append(m)
            continue
        tx = _NORMALIZERS[kind](m, ctx)
        if tx is None:
            continue
        out.append(tx)
        _remember(ctx, tx)
        since = _since(tx, ctx)
        if since is not None:
            out.append(since)
    for m in clocks:
        tx, merged = _clock(m, ctx, out)
        if merged is not None:
            out.remove(merged)
        if tx is not None:
            out.append(tx)
    out.sort(key=lambda t: (t.start, -t.end))
    return out


def find_times(
    text: str, *, anchor: dt.date | None, tense_of: TenseOf | None = None
) -> list[TimeRef]:
    """Every time expression in ``text`` as :class:`TimeRef`, without needing spaCy.

    Part-of-day values keep the day ("2022-03-02", grain ``part-of-day``); a date inside a
    "since ..." interval is reported once, as the interval.

    Args:
        text: the article text.
        anchor: the publication date, or None when unknown.
        tense_of: optional tense oracle, see :func:`find_timexes`.

    Returns:
        TimeRefs sorted by start offset.
    """
    found = find_timexes(text, anchor=anchor, tense_of=tense_of)
    intervals = [t for t in found if t.type == "INTERVAL"]
    refs: list[TimeRef] = []
    for t in found:
        if t.type != "INTERVAL" and any(
            i.start <= t.start and t.end <= i.end and i is not t for i in intervals
        ):
            continue
        value = t.value[:10] if t.grain == "part-of-day" else t.value
        refs.append(
            TimeRef(
                text=t.text,
                start=t.start,
                end=t.end,
                value=value,
                type=t.type,  # type: ignore[arg-type]
                grain=t.grain,
                begin=t.begin,
                end_date=t.end_date,
                modifier=t.modifier,
            )
        )
    return refs


def times(doc: Doc, *, anchor: dt.date | None) -> list[TimeRef]:
    """Every time expression in the document with its normalized value.

    Uses the parse to read the tense of the verb governing each expression, which decides
    whether a weekday or a year-less date lies before or after the anchor.
    """
    return find_times(doc.text, anchor=anchor, tense_of=_doc_tense(doc))


def dateline_date(text: str, *, anchor: dt.date | None = None) -> dt.date | None:
    """The date of a wire dateline near the top of ``text``, if there is one.

    Reads "GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) --" and "KYIV, March 2 (Reuters) -". When the
    dateline has no year, it is taken from ``anchor`` (the closest one); without an anchor the
    result is None rather than a guess.
    """
    for line in text[:600].splitlines()[:8]:
        m = R.DATELINE.match(line)
        if not m:
            continue
        month = R.MONTHS[(m["mon"] or m["mon2"]).lower().rstrip(".")]
        day = int(m["d"] or m["d2"])
        if m["y"]:
            year = int(m["y"])
            if year < 100:
                century = (anchor.year // 100 * 100) if anchor else (1900 if year >= 50 else 2000)
                year += century
            try:
                return dt.date(year, month, day)
            except ValueError:
                return None
        return R.closest_year(anchor, month, day) if anchor else None
    return None


# --- acceptance: cheap checks that keep numbers and common words out -------------------------


def _capitalized(word: str, ctx: _Context) -> bool:
    return ctx.allcaps or word[:1].isupper()


def _accept(kind: str, m: re.Match[str], ctx: _Context) -> bool:
    text = ctx.text
    if kind in ("month_day", "day_month", "month_year", "month", "month_rel"):
        mon = m["mon"]
        if not _capitalized(mon, ctx):
            return False
        if kind in ("month_day", "day_month") and not 1 <= int(re.sub(r"\D", "", m["d"])) <= 31:
            return False
        if kind == "month" and mon.lower() in ("may", "march") and not m["rel"]:
            before = text[max(0, m.start() - 12) : m.start()].lower()
            return bool(
                re.search(
                    r"\b(?:in|of|since|until|by|through|from|during|to|before|after)\s+$", before
                )
            )
        return True
    if kind == "numeric":
        return 1 <= int(m["m"]) <= 12 and 1 <= int(m["d"]) <= 31
    if kind == "year":
        if m["edge"]:
            return True
        before = text[max(0, m.start() - 12) : m.start()]
        if R.YEAR_CUES.search(before) or re.search(r"\bthe\s+$", before, re.I):
            return True
        return not R.COUNTED.match(text, m.end())
    if kind == "weekday":
        return _capitalized(m["wd"], ctx)
    if kind == "holiday":
        return _capitalized(m["h"], ctx)
    if kind == "quarter":
        if m["unit"].lower() == "period":
            return bool(m["pre"] and not m["ord"])
        return bool(m["ord"] or m["pre"] or (m["the"] and m["unit"].lower() == "quarter"))
    if kind == "season":
        rel = (m["rel"] or "").lower()
        if not rel and not m["y"]:
            return False
        return not (rel.endswith("the") and not m["y"] and re.match(r"\s+of\b", text[m.end() :]))
    if kind == "duration":
        amt = m["amt"].lower()
        return not (amt in ("a", "an", "one") and m["unit"].lower().startswith("century"))
    return True


# --- tense -----------------------------------------------------------------------------------


def _tense(start: int, end: int, ctx: _Context) -> Tense | None:
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
    return None


def _doc_tense(doc: Doc) -> TenseOf:
    future_aux = {"will", "'ll", "shall", "wo", "would", "'d"}
    future_heads = {"expect", "schedule", "plan", "set", "due", "intend", "hope", "aim", "going"}

    def tense_of(start: int, end: int) -> Tense | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        tok = span.root
        for _ in range(4):
            if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
                break
            tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if aux & future_aux:
            return "future"
        if tok.tag_ == "VB" and "to" in aux and tok.head.lemma_.lower() in future_heads:
            return "future"
        if tok.tag_ == "VBD" or (tok.tag_ == "VBN" and aux & {"had", "has", "have", "was", "were"}):
            return "past"
        return None

    return tense_of


# --- normalizers -----------------------------------------------------------------------------


def _mk(
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


def _day(m: re.Match[str], d: dt.date, **kw: object) -> Timex:
    return _mk(m, d.isoformat(), begin=d, end_date=d, **kw)  # type: ignore[arg-type]


def _modifier(edge: str | None) -> str | None:
    return R.MODIFIERS.get(" ".join(edge.lower().split())) if edge else None


def _year2(y: str, ctx: _Context) -> int:
    n = int(y)
    if n >= 100:
        return n
    if ctx.anchor is not None:
        cand = ctx.anchor.year // 100 * 100 + n
        return cand - 100 if cand > ctx.anchor.year + 10 else cand
    return n + (1900 if n >= 50 else 2000)


def _explicit(m: re.Match[str], ctx: _Context) -> Timex | None:
    month = R.MONTHS[m["mon"].lower().rstrip(".")]
    day = int(re.sub(r"\D", "", m["d"]))
    ystr = m["y"] or (m["y2"] if "y2" in m.re.groupindex else None)
    if ystr:
        try:
            return _day(m, dt.date(_year2(ystr, ctx), month, day))
        except ValueError:
            return None
    if ctx.anchor is None:
        return _mk(m, f"XXXX-{month:02d}-{day:02d}")
    d = R.closest_year(ctx.anchor, month, day, _tense(m.start(), m.end(), ctx))
    return _day(m, d) if d else None


def _numeric(m: re.Match[str], ctx: _Context) -> Timex | None:
    try:
        return _day(m, dt.date(_year2(m["y"], ctx), int(m["m"]), int(m["d"])))
    except ValueError:
        return None


def _iso(m: re.Match[str], ctx: _Context) -> Timex | None:
    try:
        d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["hh"]:
        return _mk(m, f"{d}T{m['hh']}:{m['mm']}", type="TIME", grain="minute", begin=d, end_date=d)
    return _day(m, d)


def _month_value(m: re.Match[str], year: int, month: int, edge: str | None) -> Timex:
    b, e = R.month_bounds(year, month)
    return _mk(
        m, f"{year}-{month:02d}", grain="month", begin=b, end_date=e, modifier=_modifier(edge)
    )


def _month_year(m: re.Match[str], ctx: _Context) -> Timex | None:
    return _month_value(m, int(m["y"]), R.MONTHS[m["mon"].lower().rstrip(".")], m["edge"])


def _month(m: re.Match[str], ctx: _Context) -> Timex | None:
    month = R.MONTHS[m["mon"].lower()]
    rel = " ".join((m["rel"] or "").lower().split())
    if ctx.anchor is None:
        return _mk(m, f"XXXX-{month:02d}", grain="month", modifier=_modifier(rel))
    a = ctx.anchor
    if rel == "last":
        year = a.year if month < a.month else a.year - 1
    elif rel == "next":
        year = a.year if month > a.month else a.year + 1
    elif rel == "this":
        year = a.year
    else:
        year = R.month_year(a, month, _tense(m.start(), m.end(), ctx))
    return _month_value(m, year, month, rel if rel not in ("last", "next", "this") else None)


def _month_rel(m: re.Match[str], ctx: _Context) -> Timex | None:
    if ctx.anchor is None:
        return None
    year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return _month_value(m, year, R.MONTHS[m["mon"].lower()], None)


def _year(m: re.Match[str], ctx: _Context) -> Timex | None:
    y = int(m["y"])
    edge = (m["edge"] or "").lower()
    mod = None if edge.startswith("fiscal") else _modifier(edge)
    return _mk(
        m, str(y), grain="year", begin=dt.date(y, 1, 1), end_date=dt.date(y, 12, 31), modifier=mod
    )


def _decade(m: re.Match[str], ctx: _Context) -> Timex | None:
    if m["c"]:
        first = int(m["c"]) * 100 + int(m["d"]) * 10
    else:
        base = ctx.anchor.year if ctx.anchor else 2000
        first = base // 100 * 100 + int(m["d2"]) * 10
        if first > base:
            first -= 100
    b, e = dt.date(first, 1, 1), dt.date(first + 9, 12, 31)
    return _mk(
        m, str(first // 10), grain="decade", begin=b, end_date=e, modifier=_modifier(m["edge"])
    )


def _century(m: re.Match[str], ctx: _Context) -> Timex | None:
    c = int(m["n"]) - 1
    b, e = dt.date(max(1, c * 100), 1, 1), dt.date(c * 100 + 99, 12, 31)
    return _mk(m, f"{c:02d}", grain="century", begin=b, end_date=e, modifier=_modifier(m["edge"]))


def _weekday(m: re.Match[str], ctx: _Context) -> Timex | None:
    wd = R.WEEKDAYS[m["wd"].lower()]
    pre = " ".join((m["pre"] or "").lower().split())
    part = (m["part"] or "").lower()
    start = m.start("wd") if part and pre == "on" else m.start()
    if ctx.anchor is None:
        return _mk(m, f"XXXX-WXX-{wd + 1}", start=start)
    a = ctx.anchor
    if pre == "last":
        d = a - dt.timedelta(days=(a.weekday() - wd - 1) % 7 + 1)
    elif pre in ("next", "coming"):
        d = a + dt.timedelta(days=(wd - a.weekday() - 1) % 7 + 1)
    else:
        d = resolve_weekday(a, wd, _tense(m.start(), m.end(), ctx))
    mod = {"late": "END", "early": "START"}.get(pre)
    if part:
        code = R.PARTS_OF_DAY[part]
        return _mk(
            m,
            f"{d}T{code}",
            start=start,
            type="TIME",
            grain="part-of-day",
            begin=d,
            end_date=d,
            modifier=mod,
        )
    return _day(m, d, start=start, modifier=mod)


def _deictic(m: re.Match[str], ctx: _Context) -> Timex | None:
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
        return _mk(
            m, f"{d}T{code}", type="TIME", grain="part-of-day", begin=d, end_date=d, modifier=mod
        )
    return _day(m, d, modifier=mod)


def _quarter_of(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _last_completed_quarter(a: dt.date) -> tuple[int, int]:
    y, q = _quarter_of(a)
    return (y - 1, 4) if q == 1 else (y, q - 1)


def _quarter(m: re.Match[str], ctx: _Context) -> Timex | None:
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
        if first_month > a.month and _tense(m.start(), m.end(), ctx) != "future":
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
            year, n = _quarter_of(a)
        else:
            year, n = ctx.last_quarter or _last_completed_quarter(a)
    if pre in ("year-ago", "year-earlier"):
        year -= 1
    if year < 0:
        code = "H" if unit == "half" else "Q"
        return _mk(m, f"XXXX-{code}{n}", grain=unit)
    if unit == "half":
        b, e = dt.date(year, 6 * n - 5, 1), R.month_bounds(year, 6 * n)[1]
        return _mk(m, f"{year}-H{n}", grain="half", begin=b, end_date=e)
    b, e = R.quarter_bounds(year, n)
    return _mk(m, f"{year}-Q{n}", grain="quarter", begin=b, end_date=e)


def _unit_key(unit: str) -> str:
    u = unit.lower()
    return "century" if u.startswith("centur") else u.rstrip("s")


def _shifted(m: re.Match[str], ctx: _Context, unit: str, n: int) -> Timex | None:
    """A calendar unit ``n`` steps away from the anchor, at that unit's granularity."""
    assert ctx.anchor is not None
    a = ctx.anchor
    if unit == "day":
        return _day(m, a + dt.timedelta(days=n))
    if unit in ("week", "weekend", "fortnight"):
        d = a + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))
        b, e = R.week_bounds(d)
        if unit == "weekend":
            b = e - dt.timedelta(days=1)
            if n == 0 and a.weekday() < 5 and _tense(m.start(), m.end(), ctx) == "past":
                b, e = b - dt.timedelta(weeks=1), e - dt.timedelta(weeks=1)
            return _mk(m, f"{R.iso_week(b)}-WE", grain="weekend", begin=b, end_date=e)
        return _mk(m, R.iso_week(d), grain="week", begin=b, end_date=e)
    if unit == "month":
        d = R.add_months(a, n)
        b, e = R.month_bounds(d.year, d.month)
        return _mk(m, f"{d.year}-{d.month:02d}", grain="month", begin=b, end_date=e)
    if unit == "quarter":
        y, q = _quarter_of(a)
        y, q0 = divmod(y * 4 + q - 1 + n, 4)
        b, e = R.quarter_bounds(y, q0 + 1)
        return _mk(m, f"{y}-Q{q0 + 1}", grain="quarter", begin=b, end_date=e)
    if unit == "year":
        y = a.year + n
        return _mk(m, str(y), grain="year", begin=dt.date(y, 1, 1), end_date=dt.date(y, 12, 31))
    if unit == "decade":
        y = a.year // 10 * 10 + 10 * n
        return _mk(
            m, str(y // 10), grain="decade", begin=dt.date(y, 1, 1), end_date=dt.date(y + 9, 12, 31)
        )
    if unit == "century":
        c = a.year // 100 + n
        return _mk(
            m,
            f"{c:02d}",
            grain="century",
            begin=dt.date(max(1, c * 100), 1, 1),
            end_date=dt.date(c * 100 + 99, 12, 31),
        )
    return None


def _season(m: re.Match[str], ctx: _Context) -> Timex | None:
    code = R.SEASONS[m["s"].lower()]
    rel = " ".join((m["rel"] or "").lower().split())
    start = m.start("rel") + 3 if rel == "in the" else m.start()
    if m["y"]:
        year = int(m["y"])
    elif ctx.anchor is None:
        return _mk(m, f"XXXX-{code}", start=start, grain="season")
    else:
        a = ctx.anchor
        b, _e = R.season_bounds(a.year, code)
        year = a.year
        if rel == "last" or (
            rel not in ("this", "next") and _tense(m.start(), m.end(), ctx) == "past"
        ):
            year -= 1 if b > a else 0
            if rel == "last" and b <= a <= R.season_bounds(a.year, code)[1]:
                year -= 1
        elif rel == "next" or _tense(m.start(), m.end(), ctx) == "future":
            year += 1 if R.season_bounds(a.year, code)[1] < a else 0
    b, e = R.season_bounds(year, code)
    mod = {"early": "START", "late": "END"}.get(rel)
    return _mk(m, f"{year}-{code}", start=start, grain="season", begin=b, end_date=e, modifier=mod)


def _relative(m: re.Match[str], ctx: _Context) -> Timex | None:
    if ctx.anchor is None:
        return None
    rel = " ".join(m["rel"].lower().split())
    unit = m["unit"].lower()
    step = rel.split()[-1]
    n = {"last": -1, "this": 0, "the": 0, "next": 1, "coming": 1}[step]
    if unit == "quarter" and n < 0:
        y, q = _last_completed_quarter(ctx.anchor)
        b, e = R.quarter_bounds(y, q)
        return _mk(m, f"{y}-Q{q}", grain="quarter", begin=b, end_date=e)
    tx = _shifted(m, ctx, unit, n)
    if tx is None:
        return None
    head = rel.split()[0]
    mod = {"early": "START", "late": "END"}.get(head)
    return Timex(tx.start, tx.end, tx.text, tx.value, tx.type, tx.grain, tx.begin, tx.end_date, mod)


def _ago(m: re.Match[str], ctx: _Context) -> Timex | None:
    if ctx.anchor is None:
        return None
    amount = R.parse_amount(m["amt"])
    unit = _unit_key(m["unit"])
    if amount is None or amount != int(amount):
        return None
    direction = -1 if m["dir"].lower() in ("ago", "earlier", "before") else 1
    n = int(amount) * direction
    if unit in ("hour", "minute"):
        return _day(m, ctx.anchor)
    if unit == "year" and abs(n) == 1 and ctx.last_grain in ("quarter", "month"):
        if ctx.last_grain == "quarter" and ctx.last_quarter:
            y, q = ctx.last_quarter
            b, e = R.quarter_bounds(y + n, q)
            return _mk(m, f"{y + n}-Q{q}", grain="quarter", begin=b, end_date=e)
        return _shifted(m, ctx, "month", 12 * n)
    if unit == "decade":
        return _shifted(m, ctx, "year", 10 * n)
    return _shifted(m, ctx, unit, n)


def _year_ago(m: re.Match[str], ctx: _Context) -> Timex | None:
    """ "year-earlier" / "the year-ago": the discourse's last quarter or month, a year back."""
    if ctx.last_grain == "quarter" and ctx.last_quarter:
        y, q = ctx.last_quarter
        b, e = R.quarter_bounds(y - 1, q)
        return _mk(m, f"{y - 1}-Q{q}", grain="quarter", begin=b, end_date=e)
    if ctx.anchor is None:
        return None
    return _shifted(m, ctx, "year", -1)


def _duration_value(amount: float | None, unit: str) -> str:
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


def _span(m: re.Match[str], ctx: _Context) -> Timex | None:
    rel = m["rel"].lower().split()[-1]
    unit = _unit_key(m["unit"])
    amount = R.parse_amount(m["amt"]) if m["amt"] else 1.0
    a = ctx.anchor
    if not m["amt"] and unit == "day" and rel in ("next", "following", "previous"):
        base = ctx.last_day or a
        if base is None:
            return None
        return _day(m, base + dt.timedelta(days=-1 if rel == "previous" else 1))
    forward = rel in ("next", "coming", "following")
    if a is None or amount is None:
        return _mk(
            m,
            _duration_value(amount, unit),
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
    return _mk(m, f"{b}/{e}", type="INTERVAL", grain=unit, begin=b, end_date=e)


def _duration(m: re.Match[str], ctx: _Context) -> Timex | None:
    unit = _unit_key(m["unit"])
    amount = R.parse_amount(m["amt"])
    before = ctx.text[max(0, m.start() - 8) : m.start()].lower()
    if re.search(r"\b(?:once|twice|times|per|every)\s+$", before):
        return _mk(m, _duration_value(1, unit), type="SET", grain=unit)
    mod = R.MODIFIERS.get(" ".join(m["mod"].lower().split())) if m["mod"] else None
    if (m["amt"].lower() == "some") and mod is None:
        amount = None
    return _mk(m, _duration_value(amount, unit), type="DURATION", grain=unit, modifier=mod)


def _ref(m: re.Match[str], ctx: _Context) -> Timex | None:
    w = " ".join(m["w"].lower().split())
    a = ctx.anchor
    if w in ("recently", "recent"):
        return _mk(m, "PAST_REF", grain="ref", end_date=a)
    if w.endswith("future"):
        return _mk(m, "FUTURE_REF", grain="ref", begin=a)
    return _mk(m, "PRESENT_REF", grain="ref", begin=a, end_date=a)


def _holiday(m: re.Match[str], ctx: _Context) -> Timex | None:
    if ctx.anchor is None:
        return None
    a = ctx.anchor
    tense = _tense(m.start(), m.end(), ctx)
    days = [R.holiday(m["h"], y) for y in (a.year - 1, a.year, a.year + 1)]
    if tense == "past":
        days = [d for d in days if d <= a] or days
    elif tense == "future":
        days = [d for d in days if d >= a] or days
    return _day(m, min(days, key=lambda d: abs((d - a).days)))


def _clock(
    m: re.Match[str], ctx: _Context, found: list[Timex]
) -> tuple[Timex | None, Timex | None]:
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
            if 0 <= hi - lo <= 16 and _CLOCK_GAP.fullmatch(ctx.text[lo:hi]):
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


def _since(tx: Timex, ctx: _Context) -> Timex | None:
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


def _remember(ctx: _Context, tx: Timex) -> None:
    if tx.type == "DURATION" and tx.grain in ("month", "year"):
        ctx.last_grain = None  # "the nine months ... a year earlier" compares years again
        return
    if tx.type not in ("DATE", "TIME") or tx.grain == "ref":
        return
    ctx.last_grain = tx.grain
    if tx.grain in ("day", "part-of-day") and tx.begin:
        ctx.last_day = tx.begin
    if tx.grain == "quarter" and tx.begin and not _ANAPHORIC.search(tx.text):
        ctx.last_quarter = _quarter_of(tx.begin)


_NORMALIZERS: dict[str, Callable[[re.Match[str], _Context], Timex | None]] = {
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
    "relative": _relative,
    "ago": _ago,
    "span": _span,
    "duration": _duration,
    "quarter": _quarter,
    "season": _season,
    "ref": _ref,
    "holiday": _holiday,
    "yearago": _year_ago,
}
