"""Quotation marks paired into quotation spans.

Quotation marks are paired on the raw text line by line (straight and curly double quotes;
single quotes only on lines without double ones), so inner single quotes stay part of the
content; curly marks that balance on a line nest. A double quotation left open at the end of
a line runs on: the next line with words continues it up to a closing mark, even without an
opening mark of its own, and so do up to ``RUN_ON_LINES`` lines without any mark before the
line that closes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

RUN_ON_LINES = 3
"""How many paragraphs without a quotation mark a quotation left open may run through, when a
later paragraph closes it without opening one ('Quote from X: "...¶...¶... terror."')."""
_DQ_OPEN = "\u201c\u00ab\u201e"
_DQ_CLOSE = "\u201d\u00bb"
_SQ_OPEN = "'\u2018"
SQ_CLOSE = "'\u2019"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A pair of quotation marks: ``open``/``close`` mark offsets, content ``start``/``end``."""

    open: int
    start: int
    end: int
    close: int


def inner_pair(marks: list[int], lo: int, hi: int) -> set[int]:
    """Of the quotation marks at token indices ``marks`` inside a phrase [lo, hi], the pair
    that quotes a name within it ('the so-called "Donetsk People's Republic" Denis Pushilin'):
    exactly two, neither at an end. Such marks end no phrase."""
    return set(marks) if len(marks) == 2 and lo < marks[0] and marks[1] < hi else set()


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pair_line(text: str, lo: int, hi: int, single: bool, runs_on: bool = False) -> list[QuoteSpan]:
    opens = _SQ_OPEN if single else _DQ_OPEN + '"'
    closes = SQ_CLOSE if single else _DQ_CLOSE + '"'
    out: list[QuoteSpan] = []
    # a quotation left open on the line before that closes here, with no opening mark of its
    # own ('... the last.¶We will rebuild," the council said.'): it runs from the line's start
    cur: int | None = lo - 1 if runs_on else None
    # curly marks that balance on the line nest ("... one of the “martyrs.” His ...”): an inner
    # opening mark is part of the quotation, not a new one
    line = text[lo:hi]
    nests = not single and 0 < line.count("\u201c") == line.count("\u201d")
    depth = 0
    for i in range(lo, hi):
        ch = text[i]
        if ch not in opens and ch not in closes:
            continue
        if nests and cur is not None and cur >= lo and ch in "\u201c\u201d":
            if ch == "\u201c":
                depth += 1
                continue
            if depth:
                depth -= 1
                continue
        prev = text[i - 1] if i > lo else " "
        nxt = text[i + 1] if i + 1 < hi else " "
        if single:
            can_open = ch in opens and (prev.isspace() or prev in "([-\u2014") and nxt.isalnum()
            can_close = ch in closes and not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)")
        else:
            can_open = (ch in opens and ch != '"') or (ch == '"' and not nxt.isspace())
            can_close = (ch in closes and ch != '"') or (ch == '"' and not prev.isspace())
            if ch == '"' and cur is None:
                can_close = False
            elif ch == '"' and prev.isspace() and nxt.isspace() and text[i - 2 : i - 1] == ",":
                can_close = True  # 'a threat, " X wrote': a stray space before the closing mark
        if cur is not None and can_close:
            s, e = _strip_span(text, cur + 1, i)
            if e > s:
                out.append(QuoteSpan(max(cur, lo), s, e, i + 1))
            cur = None
        elif can_open:
            if cur == lo - 1:  # the line opens a quotation of its own: none ran on into it
                cur = None
            if cur is not None and ch != '"':  # a new opening mark: the last one never closed
                s, e = _strip_span(text, cur + 1, i)
                if e > s:
                    out.append(QuoteSpan(cur, s, e, i))
            cur = i
    if cur is not None and cur >= lo:  # unclosed: a quotation that runs on into the next paragraph
        s, e = _strip_span(text, cur + 1, hi)
        if e > s:
            out.append(QuoteSpan(cur, s, e, e))
    return out


def quote_spans(text: str) -> list[QuoteSpan]:
    """Pair the quotation marks of a text, line by line.

    Args:
        text: the article text.

    Returns:
        The quotation spans in text order; inner quotes are not returned separately.
    """
    return list(_quote_spans(text))  # several passes over one article ask for them


@lru_cache(maxsize=4)
def _quote_spans(text: str) -> tuple[QuoteSpan, ...]:
    out: list[QuoteSpan] = []
    pos = 0
    open_at_end = False  # the last line with words left a double quotation open
    between: list[QuoteSpan] = []  # lines without marks inside a quotation left open
    for line in text.split("\n"):
        lo, hi = pos, pos + len(line)
        pos = hi + 1
        if not line.strip():
            continue
        runs_on, open_at_end = open_at_end, False
        if any(c in line for c in _DQ_OPEN + _DQ_CLOSE + '"'):
            pairs = _pair_line(text, lo, hi, single=False, runs_on=runs_on)
            if between and pairs and pairs[0].open == lo and text[lo] not in _DQ_OPEN + '"':
                out.extend(between)  # the quotation closes here: the lines between were in it
            between = []
            out.extend(pairs)
            open_at_end = bool(pairs) and pairs[-1].close == pairs[-1].end
        elif runs_on and len(between) < RUN_ON_LINES and not any(c in line for c in _SQ_OPEN):
            s, e = _strip_span(text, lo, hi)
            between.append(QuoteSpan(lo, s, e, e))
            open_at_end = True
        elif any(c in line for c in _SQ_OPEN + SQ_CLOSE):
            out.extend(
                q
                for q in _pair_line(text, lo, hi, single=True)
                if words(text[q.start : q.end]) >= 4
            )
    return tuple(out)


def words(text: str) -> int:
    return len(re.findall(r"\w+(?:['\u2019]\w+)*", text))
