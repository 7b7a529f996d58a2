"""Time expressions normalized against the publication date.

A HeidelTime-style rule normalizer in pure Python: precompiled patterns find candidate
expressions (``rules.PATTERNS``), the longest leftmost ones win, and each is normalized
in text order so that anaphoric expressions ("the quarter", "a year earlier", "the next day")
can lean on what the article mentioned before. Values follow TimeML TIMEX3 conventions
("2022-03-01", "2022-W09", "1998-Q3", "PRESENT_REF", "P1W", "2022-03-02TMO"). This module finds
and selects the expressions; ``normalize`` holds the rules for named calendar expressions
and ``relative`` those for relative, anaphoric and measured ones.

Weekdays follow the news same-day rule: in an article published on a Wednesday, "on Wednesday"
is that day, "on Tuesday" the day before, and "on Thursday" last week's Thursday unless the
verb is in the future tense ("will meet on Thursday").
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from sitrep.extract.times import normalize as N
from sitrep.extract.times import relative as V
from sitrep.extract.times import rules as R
from sitrep.extract.times.normalize import Context, Normalizer, TenseOf, Timex
from sitrep.extract.times.rules import Tense, resolve_weekday
from sitrep.model import TimeRef
from sitrep.nlp import text_of

__all__ = ["Timex", "dateline_date", "find_times", "find_timexes", "resolve_weekday", "times"]

_PRIORITY = {kind: i for i, kind in enumerate(R.PATTERNS)}
_NORMALIZERS: dict[str, Normalizer] = {**N.NORMALIZERS, **V.NORMALIZERS}


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
    letters = list(filter(str.isalpha, text[:4000]))
    allcaps = bool(letters) and sum(map(str.islower, letters)) < 0.1 * len(letters)
    ctx = Context(text=text, anchor=anchor, tense_of=tense_of, allcaps=allcaps)
    cands: list[tuple[int, int, int, str, re.Match[str]]] = []
    low = R.lowered(text)
    for kind in R.PATTERNS:
        for m in R.finditer(kind, text, low):
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
        V.remember(ctx, tx)
        since = V.since_interval(tx, ctx)
        if since is not None:
            out.append(since)
    for m in clocks:
        tx, merged = N.clock(m, ctx, out)
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
    return find_times(text_of(doc), anchor=anchor, tense_of=_doc_tense(doc))


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


def _capitalized(word: str, ctx: Context) -> bool:
    return ctx.allcaps or word[:1].isupper()


def _accept(kind: str, m: re.Match[str], ctx: Context) -> bool:
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
        if not m["y"][0].isdigit() and not m["y"].lower().startswith("nineteen"):
            return False  # "two thousand" is a count unless something says it is a year
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
