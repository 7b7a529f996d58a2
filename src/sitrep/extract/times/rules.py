"""Lexicons, precompiled patterns and calendar arithmetic behind :mod:`sitrep.extract.times.timexes`.

The patterns follow HeidelTime's split between *finding* an expression (a regex over the raw
text, case-insensitive so that upper-case wire copy works too) and *normalizing* it against the
anchor date (pure calendar functions here, the discourse-aware rules in ``timexes.py``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

Tense = Literal["past", "future"]

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}  # fmt: skip
NUMBERS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a couple of": 2, "a dozen": 12, "half a": 0.5,
}  # fmt: skip
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "a number of")
ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
    "WI": (12, 2),
}
UNITS: dict[str, str] = {
    "minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M", "year": "Y",
    "decade": "DE", "century": "CE", "fortnight": "F",
}  # fmt: skip
MODIFIERS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "nearly": "APPROX", "almost": "APPROX",
    "roughly": "APPROX", "some": "APPROX", "approximately": "APPROX",
    "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "less than": "LESS_THAN", "under": "LESS_THAN", "up to": "EQUAL_OR_LESS",
    "early": "START", "late": "END", "mid": "MID", "the end of": "END",
    "the beginning of": "START", "the start of": "START", "the middle of": "MID",
}  # fmt: skip

# --- regex fragments -------------------------------------------------------------------------

_MONTH_NAMES = sorted(MONTHS, key=len, reverse=True)
MON = (
    r"(?:"
    + "|".join(m if len(m) > 4 or m == "june" else m + r"\.?" for m in _MONTH_NAMES)
    + r")(?![a-z])"
)
MON_FULL = r"(?:" + "|".join(m for m in _MONTH_NAMES if len(m) > 3 and m != "sept") + r")\b"
WDAY = r"(?:" + "|".join(WEEKDAYS) + r")\b"
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?(?![\d,]\d)"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d%])"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
# Years read out in broadcast transcripts: "nineteen ninety-six", "two thousand and one".
WORD_YEAR = (
    rf"(?:(?:nineteen|twenty)[\s-](?:hundred|{_TENS}(?:[\s-]{_ONES})?|{_TEENS}|oh[\s-]{_ONES})"
    rf"|two\s+thousand(?:\s+and)?(?:[\s-](?:{_TEENS}|{_ONES}))?)\b"
)
ANY_YEAR = rf"(?:{YEAR}|{WORD_YEAR})"
DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip
NUMWORD = r"(?:" + "|".join(sorted((re.escape(k) for k in NUMBERS), key=len, reverse=True)) + r")"
VAGUE = r"(?:" + "|".join(VAGUE_NUMBERS) + r")"
AMOUNT = rf"(?:\d+(?:\.\d+)?|{NUMWORD}(?:[- ](?!an?\b){NUMWORD})?|{VAGUE})"
UNIT = r"(?:minute|hour|day|week|month|year|decade|century|centuries|fortnight)s?"
MODWORD = (
    r"(?:about|around|nearly|almost|roughly|approximately|more\s+than|over|at\s+least|"
    r"less\s+than|under|up\s+to|some)"
)
PART = r"(?:morning|afternoon|evening|night|overnight)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
EDGE = r"(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"

_F = re.IGNORECASE


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _F)


PATTERNS: dict[str, re.Pattern[str]] = {
    "iso": _c(r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<hh>[0-2]\d):(?P<mm>\d\d))?\b"),
    "numeric": _c(r"(?<![\d/])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\d/])"),
    "month_day": _c(
        rf"\b(?:(?:on\s+)?(?P<wd>{WDAY}),?\s+)?(?:(?P<edge>{EDGE})[\s-]+)?(?P<mon>{MON})\s+(?P<d>{DAY})"
        rf"(?:\s*[-–]\s*[0-3]?\d(?!\d))?(?:(?:,\s*|\s+)(?P<y>{YEAR}))?"
    ),
    "day_month": _c(
        rf"\b(?:(?:on\s+)?(?P<wd>{WDAY}),?\s+)?(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<mon>{MON})"
        rf"(?:,?\s+(?P<y>{YEAR})|\s+(?P<y2>\d\d)(?=\s*(?:\(|--|-\s|_|,|$)))?"
    ),
    "month_year": _c(
        rf"\b(?:(?P<edge>{EDGE})[\s-]+)?(?P<mon>{MON_FULL}|{MON})(?:\s+of)?,?\s+(?P<y>{ANY_YEAR})"
    ),
    "month_rel": _c(
        rf"\b(?P<mon>{MON_FULL})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b(?!['’]s)"
    ),
    "month": _c(
        rf"\b(?:(?P<rel>last|next|this|early|late|mid|the\s+end\s+of|the\s+beginning\s+of"
        rf"|the\s+start\s+of|the\s+middle\s+of)[\s-]+)?(?P<mon>{MON_FULL}|may\b)(?!\s*\d)"
    ),
    "year": _c(
        rf"(?<![\$£€\d.,/-])\b(?:(?P<edge>{EDGE}|fiscal(?:\s+year)?|the\s+year)[\s-]+)?"
        rf"(?P<y>{ANY_YEAR})"
        r"(?!-[a-z])(?!\s*(?:%|percent\b))"
    ),
    "decade": _c(
        r"\b(?:the\s+)?(?:(?P<edge>early|late|mid)[\s-]+)?(?:(?P<c>1[6-9]|20)(?P<d>\d)0|'(?P<d2>\d)0)'?s\b"
        r"|\bthe\s+(?:(?P<wedge>early|late|mid)[\s-]+)?(?P<dw>" + "|".join(DECADE_WORDS) + r")\b"
    ),
    "century": _c(
        r"\bthe\s+(?:(?P<edge>early|late|mid)[\s-]+)?(?P<n>1[5-9]|2[01])(?:th|st)\s+century\b"
    ),
    "weekday": _c(
        rf"\b(?:(?P<pre>(?:later|earlier|late|early)\s+on|on|last|next|this|late|early|coming)\s+)?"
        rf"(?P<wd>{WDAY})(?:\s+(?P<part>{PART}))?"
    ),
    "deictic": _c(
        rf"\b(?:(?P<pre>late|early|earlier|later)\s+)?"
        rf"(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today"
        rf"|tomorrow|tonight|last\s+night|this\s+(?:{PART}))"
        rf"(?:\s+(?P<part>{PART}))?(?!['’]s\s+(?:world|society|economy))"
    ),
    "relative": _c(
        r"\b(?P<rel>last|this|next|the\s+coming|the(?=\s+weekend)|earlier\s+this|later\s+this|early\s+this"
        r"|late\s+this|early\s+next|late\s+next|late\s+last|early\s+last|earlier\s+last)"
        r"\s+(?P<unit>week(?:end)?|month|year|decade|century|quarter)\b"
    ),
    "ago": _c(
        rf"\b(?:(?P<mod>{MODWORD})\s+)?(?P<amt>{AMOUNT})[\s-]+(?P<unit>{UNIT})(?P<so>\s+or\s+so)?"
        r"\s+(?P<dir>ago|earlier|before|later|from\s+now|hence)\b"
    ),
    # "that year", "later that day", "that same day", "the same month": the unit of the last
    # date the article mentioned.
    "anaphor": _c(
        r"\b(?:(?P<pre>earlier|later|on)\s+)?(?P<det>that|the\s+same)\s+(?P<same>same\s+)?"
        r"(?P<unit>day|week|month|quarter|year)\b(?![-'’])"
    ),
    # "the year", "the current year", "the full fiscal year", "the end of the month".
    "theyear": _c(
        r"\b(?:(?P<edge>the\s+(?:end|beginning|start|middle)\s+of)\s+)?the\s+"
        r"(?:(?P<q>current|full|fiscal|calendar|entire|whole|present)\s+)?(?:fiscal\s+)?"
        r"(?P<unit>year|month|week)\b"
        r"(?![-'’]|\s+(?:ago|earlier|before|later|ended|ending|end|to|through|of|old|or|\d))"
    ),
    "span": _c(
        rf"\b(?P<rel>the\s+(?:past|last|previous|next|coming|following))"
        rf"(?:\s+(?P<amt>{AMOUNT}))?\s+(?P<unit>{UNIT})\b"
    ),
    "duration": _c(
        rf"\b(?:(?P<mod>{MODWORD})\s+)?(?P<amt>{AMOUNT})[\s-]+(?P<unit>{UNIT})(?:-long|-old)?\b"
    ),
    "quarter": _c(
        r"\b(?:(?P<the>the)\s+)?(?:(?P<pre>year-ago|year-earlier|latest|last|past|current|previous"
        r"|same|comparable|(?:this|last|next)\s+year's)\s+)?(?:fiscal\s+)?"
        r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-])?(?P<unit>quarter|half|period)\b"
        rf"(?:\s+of\s+(?:fiscal\s+)?(?P<y>{YEAR})|,?\s+(?P<y2>{YEAR}))?"
    ),
    "season": _c(
        rf"\b(?:(?P<rel>this\s+past|last|this|next|early|late|the|in\s+the)\s+)?(?P<s>{SEASON})"
        rf"(?:\s+(?:of\s+)?(?P<y>{ANY_YEAR}))?\b"
    ),
    "ref": _c(
        r"\b(?P<w>now|currently|nowadays|at\s+present|presently|recently"
        r"|the\s+(?:near\s+|distant\s+)?future(?!\s+of\b)|the\s+(?:near|short|long)\s+term"
        r"|the\s+past(?=\s*[,.;:!?)'\"]|\s+(?:that|and|but|when|it|they|he|she|we|to|as|there|in"
        r"|on|at|for|is|was|were|have|has|had)\b))\b"
    ),
    "clock": _c(
        r"\b(?P<h>[012]?\d)(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)"
        r"|\b(?P<h24>[01]\d|2[0-3]):(?P<m24>[0-5]\d)(?=\s*(?:GMT|UTC|local|hours|hrs|EST|EDT|CET))"
        r"|\b(?P<word>noon|midday|midnight)\b"
    ),
    "yearago": _c(r"\b(?:the\s+)?year-(?:ago|earlier)\b"),
    "holiday": _c(
        r"\b(?P<h>christmas(?:\s+(?:eve|day))?|new\s+year's\s+(?:eve|day)|thanksgiving(?:\s+day)?"
        r"|independence\s+day|easter(?:\s+sunday)?)\b"
    ),
}


def _case_free(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern for lower-cased text: without IGNORECASE unless it spells an upper-case
    letter itself ("GMT", the ISO "T"), which lower-cased text never holds."""
    literal = re.sub(r"\\.|\(\?P<\w+>", "", pattern.pattern)
    return pattern if re.search("[A-Z]", literal) else re.compile(pattern.pattern)


_LOWER_PATTERNS = {kind: _case_free(p) for kind, p in PATTERNS.items()}
# The only characters that IGNORECASE matches to an ASCII letter other than its own (or that
# lower-case to two characters): a text that holds one is scanned as written.
_ODD_FOLDS = frozenset("\u0130\u0131\u017f\u212a")


def lowered(text: str) -> str | None:
    """``text`` lower-cased for :func:`finditer`, or None when scanning it as written is
    needed (a character in :data:`_ODD_FOLDS`)."""
    if any(c in text for c in _ODD_FOLDS):
        return None
    return text.lower()


def finditer(kind: str, text: str, low: str | None) -> list[re.Match[str]]:
    """The matches of ``PATTERNS[kind]`` in ``text``, found in its lower-cased copy ``low``.

    A case-insensitive scan is about twice as slow as a case-sensitive one of the lower-cased
    text; each match found there is taken again from ``text`` at the same place, so groups
    keep their case ("May" the month, "may" the verb). The two scans agree on every text
    :func:`lowered` accepts; should they not, the text is scanned as written.
    """
    pattern = PATTERNS[kind]
    if low is None:
        return list(pattern.finditer(text))
    out: list[re.Match[str]] = []
    for lm in _LOWER_PATTERNS[kind].finditer(low):
        m = pattern.match(text, lm.start())
        if m is None or m.end() != lm.end():
            return list(pattern.finditer(text))
        out.append(m)
    return out


SINCE = _c(r"\b(?:ever\s+)?since\s+$")
YEAR_CUES = _c(
    r"(?:\b(?:in|since|by|of|until|till|before|after|from|through|to|during|early|late|mid"
    r"|fiscal|year|between|and|or|spring|summer|fall|autumn|winter|around|circa|c\.)\s*|[(-])$"
)
# What follows a four-digit number that counts things rather than naming a year.
COUNTED = _c(
    r"\s*(?:[-\s]?(?:%|percent|per\b)|(?:more|fewer|other|of|people|persons|troops|soldiers"
    r"|men|women|children|civilians|residents|refugees|dead|killed|wounded|injured|casualties"
    r"|members|fighters|militants|rebels|police|officers|workers|employees|jobs|units|tons"
    r"|tonnes|miles|km|kilometers|kilometres|meters|metres|feet|acres|hectares|votes|dollars"
    r"|euros|pounds|shares|barrels|cars|homes|houses|buildings|rockets|missiles|shells"
    r"|vehicles|tanks|aircraft|planes|drones|rounds|points|hours|days|years|times)\b)"
)
DATELINE = _c(
    rf"^\s*(?P<place>[A-Z][^\n,]{{1,40}}(?:,\s*[A-Z][^\n,]{{1,30}})?),\s+"
    rf"(?:(?P<mon>{MON})\s+(?P<d>[0-3]?\d)|(?P<d2>[0-3]?\d)\s+(?P<mon2>{MON}))"
    rf"(?:,?\s+(?P<y>{YEAR}|\d\d))?\s*(?:\([^)\n]{{1,40}}\))?\s*(?:--|-|_|—|–|:)"
)
FUTURE_CUES = _c(
    r"\b(?:will|shall|won't|going\s+to|expected\s+to|scheduled|due\s+to|plans?\s+to"
    r"|as\s+(?:soon|early)\s+as|planning\s+to|(?:is|are)\s+to\s+(?!be\s+\w+ed\b)\w+"
    r"|set\s+to|to\s+be\s+held|would|next(?!\s+to\b)|upcoming|intends?\s+to|aims?\s+to|hopes?\s+to)\b|'ll\b"
)
PAST_CUES = _c(r"\b(?:ago|was|were|had|did|last|earlier|previous|since)\b")
# Deadlines look ahead ("has until Tuesday", "extended its deadline until 9 a.m. Tuesday")
# unless something in the clause says it is past.
WEAK_FUTURE_CUES = _c(
    r"\b(?:deadline|postponed|delayed|adjourned|extended|given|has|have)\b[^.;]*\b(?:until|till)\s"
)
# A sentence or clause boundary; the full stop of "a.m.", "Jan." or "Mr." is not one.
CLAUSE_START = re.compile(
    r"(?:(?<!\b[ap]\.m)(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Lt))(?<!\bSept)"
    r"(?<!\b(?:Mrs|Gen|Col|Sgt|Rep|Sen|Gov|Jan|Feb|Mar|Apr|Aug|Sep|Oct|Nov|Dec))\.['\"’”)]*\s"
    r"|[!?;:,]['\"’”)]*\s|\n|(?i:\b(?:that|when|after|before|while)\s))"
)


# --- calendar arithmetic ---------------------------------------------------------------------


def add_months(d: dt.date, n: int) -> dt.date:
    """The same day ``n`` months later (clamped to the month's last day)."""
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def iso_week(d: dt.date) -> str:
    """The TimeML week value of a day, e.g. ``2022-W09``."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def week_bounds(d: dt.date) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of the ISO week holding ``d``."""
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def quarter_bounds(year: int, q: int) -> tuple[dt.date, dt.date]:
    """First and last day of a calendar quarter."""
    return dt.date(year, 3 * q - 2, 1), month_bounds(year, 3 * q)[1]


def season_bounds(year: int, code: str) -> tuple[dt.date, dt.date]:
    """Approximate meteorological bounds of a season (winter runs into the next year)."""
    first, last = SEASON_MONTHS[code]
    return dt.date(year, first, 1), month_bounds(year + (last < first), last)[1]


def resolve_weekday(anchor: dt.date, weekday: int, tense: Tense | None = None) -> dt.date:
    """The day a bare weekday name refers to in an article published on ``anchor``.

    The anchor's own weekday is the anchor itself (news says "on Wednesday" for today); other
    weekdays are the last such day before the anchor, or the next one after it when the
    expression is in the future tense.

    Args:
        anchor: the publication date.
        weekday: Monday = 0 ... Sunday = 6.
        tense: ``"future"`` to look forward; anything else looks back.

    Returns:
        The resolved calendar day.
    """
    delta = weekday - anchor.weekday()
    if delta == 0:
        return anchor
    if tense == "future":
        return anchor + dt.timedelta(days=delta % 7)
    return anchor - dt.timedelta(days=(-delta) % 7)


FUTURE_COST = 2.5
"""How much farther a year-less date after the anchor counts than one before it, without a
future cue: news mostly reports what happened ("the October 7 attack" in a June article is
last October's, 8 months back, not the coming one, 4 months ahead)."""


def _news_distance(diff: int, tense: Tense | None) -> float:
    """How far a candidate lies from the anchor; news mostly looks back, so the future costs more."""
    return diff * FUTURE_COST if diff > 0 and tense != "future" else float(abs(diff))


def _agrees(diff: int, tense: Tense | None) -> bool:
    return tense is None or (diff <= 3 if tense == "past" else diff >= -3)


def closest_year(
    anchor: dt.date, month: int, day: int, tense: Tense | None = None
) -> dt.date | None:
    """A month-day without a year, placed in the year that puts it nearest the anchor.

    The tense picks the nearest date on its side of the anchor when that lies within half a
    year; otherwise the nearest date wins ("Dec. 30" in a Jan. 3 article is last year's).
    Returns None for impossible days (Feb. 30).
    """
    cands: list[dt.date] = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cands.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not cands:
        return None
    cands.sort(key=lambda c: (_news_distance((c - anchor).days, tense), c > anchor))
    if tense is not None:
        for c in cands:
            diff = (c - anchor).days
            if abs(diff) <= 183 and _agrees(diff, tense):
                return c
    return cands[0]


def month_year(anchor: dt.date, month: int, tense: Tense | None = None) -> int:
    """The year of a bare month name: the one that puts the month nearest the anchor.

    Ties (six months either way) go to the past; the tense picks its side when that side is
    within half a year.
    """
    cands = sorted(
        (anchor.year + k for k in (-1, 0, 1)),
        key=lambda y: (
            _news_distance((y - anchor.year) * 12 + month - anchor.month, tense),
            y > anchor.year,
        ),
    )
    if tense is not None:
        for y in cands:
            diff = (y - anchor.year) * 12 + month - anchor.month
            if abs(diff) <= 6 and (diff <= 0 if tense == "past" else diff >= 0):
                return y
    return cands[0]


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (h + m - 7 * ((a + 11 * h + 22 * m) // 451) + 114) // 31
    p = (h + m - 7 * ((a + 11 * h + 22 * m) // 451) + 114) % 31
    return dt.date(year, n, p + 1)


def holiday(name: str, year: int) -> dt.date:
    """The date of a named holiday in a year."""
    key = " ".join(name.lower().split())
    if key.startswith("christmas"):
        return dt.date(year, 12, 24 if key.endswith("eve") else 25)
    if key.startswith("new year"):
        return dt.date(year, 12, 31) if key.endswith("eve") else dt.date(year, 1, 1)
    if key.startswith("thanksgiving"):
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if key.startswith("independence"):
        return dt.date(year, 7, 4)
    return easter(year)


def parse_year(word: str) -> int:
    """A year written in digits or read out in words ("nineteen ninety-six", "two thousand")."""
    if word.isdigit():
        return int(word)
    words = [w for w in word.lower().replace("-", " ").split() if w not in ("and", "oh")]
    if words[:2] == ["two", "thousand"]:
        return 2000 + int(sum(NUMBERS[w] for w in words[2:]))
    if words[1:] == ["hundred"]:
        return int(NUMBERS[words[0]]) * 100
    return int(NUMBERS[words[0]]) * 100 + int(sum(NUMBERS[w] for w in words[1:]))


def parse_amount(word: str) -> float | None:
    """A number written in digits or words ("24", "two", "twenty-four"); None when vague."""
    w = " ".join(word.lower().replace("-", " ").split())
    if w in VAGUE_NUMBERS:
        return None
    try:
        return float(w)
    except ValueError:
        pass
    if w in NUMBERS:
        return NUMBERS[w]
    parts = w.split()
    if parts and all(p in NUMBERS for p in parts):
        return float(sum(NUMBERS[p] for p in parts))
    return None
