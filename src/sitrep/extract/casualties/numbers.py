"""Counts in news text: digits, number words, vague quantities, hedges and ranges.

:func:`find_quantities` scans a text (any case) and returns every quantity with its character
span, the figure as stated (``count``), the interval the words allow (``low``/``high``) and the
hedge that qualifies it ("more than", "about", "dozens" ...). It knows nothing of casualties:
deciding what a number counts is the caller's job. Ages ("12-year-old"), money ("$5"),
percentages and ordinals are not counts and are skipped here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.extract.casualties.lexicon import MONTH_NAMES

_UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# Fractions of a scale: "half a million", "a quarter of a million" (the scale word follows).
_FRACTIONS: tuple[tuple[tuple[str, ...], float], ...] = (
    (("half", "a"), 0.5),
    (("half", "an"), 0.5),
    (("a", "quarter", "of", "a"), 0.25),
    (("three", "quarters", "of", "a"), 0.75),
)

_SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "dozen": 12,
}

# Hedge phrase -> how it bounds the figure n: (low, high) as functions of n.
_Bound = tuple[str, str]  # symbolic: "n", "n+1", "n-1", "" (unbounded)
_HEDGES: dict[str, _Bound] = {
    "more than": ("n+1", ""),
    "over": ("n+1", ""),
    "just over": ("n+1", ""),
    "upwards of": ("n+1", ""),
    "in excess of": ("n+1", ""),
    "at least": ("n", ""),
    "no fewer than": ("n", ""),
    "no less than": ("n", ""),
    "a minimum of": ("n", ""),
    "nearly": ("", "n-1"),
    "almost": ("", "n-1"),
    "close to": ("", "n-1"),
    "closer to": ("", ""),
    "just under": ("", "n-1"),
    "fewer than": ("", "n-1"),
    "less than": ("", "n-1"),
    "under": ("", "n-1"),
    "up to": ("", "n"),
    "as many as": ("", "n"),
    "at most": ("", "n"),
    "a maximum of": ("", "n"),
    "about": ("", ""),
    "around": ("", ""),
    "some": ("", ""),
    "approximately": ("", ""),
    "roughly": ("", ""),
    "an estimated": ("", ""),
    "estimated": ("", ""),
}
# Vague quantities -> (low, high) and whether "of" follows them.
_VAGUE: dict[str, tuple[int, int | None]] = {
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "dozens": (24, 99),
    "scores": (40, 199),
    "hundreds": (200, 999),
    "thousands": (1_000, 9_999),  # the nominal value a reader takes (README of the real set)
    "millions": (2_000_000, None),
    "several": (3, 9),
    "a number of": (2, None),
    "a handful of": (2, 9),
    "a few": (2, 5),
    "numerous": (3, None),
}
_MULTIPLIABLE = {"several": (3, 9), "a few": (2, 5), "a couple of": (2, 3)}
# Units of an age written apart: "a 3 year old girl", "a 10 year-old boy" (never a count).
_AGE_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})

_TOKEN = re.compile(r"\d+(?:st|nd|rd|th)\b|\d[\d,.]*\d|\d|[ap]\.m\.|[A-Za-z]+(?:[-'][A-Za-z]+)*|\S")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
# Words before "May 25" that make it a date
_BEFORE_DATE = frozenset(
    ["on", "since", "until", "till", "by", "from", "to", "of", "before", "after"]
)
# A calendar date written with digits ("2024-05-28", "28.05.2024"): none of its parts is a count
_NUMERIC_DATE = re.compile(
    r"\b(?:1[5-9]|20)\d\d-\d{1,2}-\d{1,2}\b|\b\d{1,2}\.\d{1,2}\.(?:1[5-9]|20)\d\d\b"
)
# A clock time ("as of 21:50", "at 07:00"): neither of its parts is a count
_CLOCK = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A stated quantity and the interval it allows.

    Attributes:
        start: offset of the first character (the hedge, when there is one).
        end: offset after the last character (after a trailing "of" of vague quantities).
        text: the quantity as written.
        count: the figure as stated, None for vague quantities and ranges.
        low: the smallest number the words allow, None when unbounded.
        high: the largest number the words allow, None when unbounded.
        hedge: the qualifier as written in lower case ("more than", "dozens", "between").
        num_start: offset where the number proper starts (after the hedge).
    """

    start: int
    end: int
    text: str
    count: int | None
    low: int | None
    high: int | None
    hedge: str | None
    num_start: int

    @property
    def exact(self) -> bool:
        """Whether the figure is an exact count (no hedge, no range)."""
        return self.count is not None and self.hedge is None

    @property
    def year_like(self) -> bool:
        """Whether the figure could be a calendar year (1900-2099 written without a comma)."""
        return (
            self.count is not None
            and 1900 <= self.count <= 2099
            and "," not in self.text
            and self.text.strip().isdigit()
        )


_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _parts(word: str) -> list[str]:
    """The number words of one token: "twenty-one" and wire copy's "thirtythree" -> two."""
    if "-" in word:
        return word.split("-")
    for tens in _TENS:
        rest = word[len(tens) :]
        if word.startswith(tens) and rest and _UNITS.get(rest, 10) < 10:
            return [tens, rest]
    return [word]


def words_to_int(words: list[str]) -> int | None:
    """The value of a sequence of number words or digits ("two thousand", "1.5 million").

    Args:
        words: lower-case tokens such as ``["twenty-one"]`` or ``["3", "hundred"]``.

    Returns:
        The integer, or None if a token is not part of a number.
    """
    total = 0.0
    current = 0.0
    seen = False
    for raw in words:
        w = raw.lower()
        if w in {"and", "a", "an"}:
            continue
        parts = _parts(w)
        if all(p in _UNITS for p in parts):
            current += sum(_UNITS[p] for p in parts)
            seen = True
        elif _DIGITS.fullmatch(w):
            current += float(w.replace(",", ""))
            seen = True
        elif w in {"hundred", "dozen"}:
            current = max(current, 1.0) * _SCALES[w]
            seen = True
        elif w in _SCALES:
            total += max(current, 1.0) * _SCALES[w]
            current = 0.0
            seen = True
        else:
            return None
    return round(total + current) if seen else None


def _bounds(n: int, bound: _Bound) -> tuple[int | None, int | None]:
    def one(sym: str) -> int | None:
        return {"n": n, "n+1": n + 1, "n-1": n - 1}.get(sym)

    return one(bound[0]), one(bound[1])


PhraseIndex = dict[str, list[tuple[str, tuple[str, ...]]]]


def phrase_index(phrases: Iterable[str]) -> PhraseIndex:
    """The phrases of a table by their first word, each with its words, in table order."""
    out: PhraseIndex = {}
    for ph in phrases:
        words = tuple(ph.split())
        if not words:
            raise ValueError("an empty phrase in a phrase table")
        out.setdefault(words[0], []).append((ph, words))
    return out


_HEDGE_INDEX = phrase_index(_HEDGES)
_MULTIPLIABLE_INDEX = phrase_index(_MULTIPLIABLE)
_VAGUE_INDEX = phrase_index(_VAGUE)


class _Scanner:
    """Walks the tokens of one text and reads quantities off them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)]
        self.dates = (
            [m.span() for m in _NUMERIC_DATE.finditer(text)] if "-" in text or "." in text else []
        ) + ([m.span() for m in _CLOCK.finditer(text)] if ":" in text else [])

    def month(self, i: int) -> bool:
        """Whether token i is a month name written in title case ("May", not the verb "may")."""
        return (
            self.word(i) in MONTH_NAMES and self.text[self.toks[i][0] : self.toks[i][1]].istitle()
        )

    def word(self, i: int) -> str:
        return self.toks[i][2] if 0 <= i < len(self.toks) else ""

    def match_phrase(self, i: int, phrases: PhraseIndex) -> tuple[str, int] | None:
        """The longest phrase of ``phrases`` starting at token i, and the index after it (the
        first of the table's order among phrases as long)."""
        best: tuple[str, int] | None = None
        for ph, words in phrases.get(self.word(i), ()):
            if all(self.word(i + k) == w for k, w in enumerate(words) if k) and (
                best is None or i + len(words) > best[1]
            ):
                best = (ph, i + len(words))
        return best

    def is_num_word(self, i: int) -> bool:
        w = self.word(i)
        return (
            bool(_DIGITS.fullmatch(w))
            or all(p in _UNITS for p in _parts(w))
            or w in _SCALES
            or (
                w in {"a", "an"} and self.word(i + 1) in {"hundred", "thousand", "dozen", "million"}
            )
        )

    def fraction(self, i: int) -> tuple[int, int] | None:
        """A fraction of a scale starting at token i: "half a million", "a quarter of a
        million" (value, index after it)."""
        for words, share in _FRACTIONS:
            end = i + len(words)
            if all(self.word(i + k) == w for k, w in enumerate(words)) and (
                self.word(end) in _SCALES and self.word(end) != "dozen"
            ):
                return int(share * _SCALES[self.word(end)]), end + 1
        return None

    def number(self, i: int) -> tuple[int, int] | None:
        """An exact number starting at token i: (value, index after it)."""
        part = self.fraction(i)
        if part is not None:
            return part
        if not self.is_num_word(i) or (self.word(i) in _SCALES and self.word(i) != "dozen"):
            return None
        j = i
        while self.is_num_word(j) or (
            self.word(j) == "and"
            and j > i
            and self.word(j - 1) == "hundred"
            and self.is_num_word(j + 1)
        ):
            if j > i and _DIGITS.fullmatch(self.word(j)):
                break  # "10 15" and "two 10-year-old children" are two numbers
            j += 1
        value = words_to_int([t[2] for t in self.toks[i:j]])
        if (
            value is not None
            and [self.word(j + k) for k in range(3)] == ["and", "a", "half"]
            and self.word(j + 3) in _SCALES
            and self.word(j - 1) not in _SCALES
        ):  # "two and a half million"
            return int((value + 0.5) * _SCALES[self.word(j + 3)]), j + 4
        return None if value is None else (value, j)

    def not_a_count(self, j: int, i: int) -> bool:
        """Whether the number ending before token j (starting at i) is an age, price, rank..."""
        nxt = self.word(j)
        prev = self.word(i - 1)
        if any(a <= self.toks[i][0] < b for a, b in self.dates):
            return True  # "2024-05-28" is a date, not the range 5 to 28
        at = self.toks[i][0]
        if at >= 2 and self.text[at - 1] in "-\u2011" and self.text[at - 2].isalpha():
            return True  # a designation: "M-19", "Su-25", "Kh-101", "COVID-19"
        if (
            j == i + 1
            and self.word(i).isdigit()
            and int(self.word(i)) <= 31
            and ((self.month(i - 1) and self.word(i - 2) in _BEFORE_DATE) or self.month(j))
        ):
            return True  # "on May 25", "25 May": a day ("in January 25 people" may be a count)
        if prev in {"$", "£", "€", "#", "no.", "no"} or nxt in {"%", "percent", "per", "pct"}:
            return True
        if nxt.startswith(("-year", "-month", "-week", "-day", "-hour", "-minute")):
            return True
        if nxt in {"-", "–"} and self.word(j + 1).startswith(("year", "month", "week", "day")):
            return True
        age = nxt.partition("-")
        if age[0] in _AGE_UNITS and (age[2] == "old" or self.word(j + 1) == "old"):
            return True
        if nxt in {"a.m.", "p.m.", "am", "pm", "gmt", "hours", "hrs"} and self.toks[i][2].isdigit():
            return nxt != "hours" or len(self.toks[i][2]) == 4
        word = self.toks[i][2]
        if prev == "at" and len(word) == 4 and word.isdigit() and int(word[2:]) < 60:
            return int(word[:2]) < 24  # "at 1620": a clock time
        return bool(re.fullmatch(r"\d+(st|nd|rd|th)", self.word(i)))

    def scan(self) -> list[Quantity]:
        out: list[Quantity] = []
        i = 0
        n = len(self.toks)
        while i < n:
            q = self.read(i)
            if q is None:
                i += 1
                continue
            quantity, i = q
            out.append(quantity)
        return out

    def read(self, i: int) -> tuple[Quantity, int] | None:
        hedge: str | None = None
        k = i
        h = self.match_phrase(i, _HEDGE_INDEX)
        if h is not None:
            hedge, k = h
        if self.word(k) == "between":
            hedge, k = "between", k + 1
        # vague quantities, optionally multiplied: "several hundred", "dozens of"
        mult = self.match_phrase(k, _MULTIPLIABLE_INDEX)
        if mult is not None and self.word(mult[1]) in {"dozen", "hundred", "thousand"}:
            lo, hi = _MULTIPLIABLE[mult[0]]
            scale = _SCALES[self.word(mult[1])]
            # "several hundred" reads as "hundreds": the plural's nominal value is its low end
            nominal = _VAGUE.get(self.word(mult[1]) + "s", (lo * scale, None))[0]
            j = mult[1] + 1
            j += self.word(j) == "of"
            high = (hi + 1) * scale - 1
            low = min(lo * scale, nominal)
            return self.make(i, k, j, None, low, high, hedge or mult[0]), j
        v = self.match_phrase(k, _VAGUE_INDEX)
        if v is not None and not (v[0] == "several" and self.is_num_word(v[1])):
            vlo, vhi = _VAGUE[v[0]]
            j = v[1] + (self.word(v[1]) == "of" and not v[0].endswith("of"))
            vague = v[0] if hedge is None else f"{hedge} {v[0]}"
            return self.make(i, k, j, None, vlo, vhi, vague), j
        num = self.number(k)
        if num is None:
            return None
        value, j = num
        if self.not_a_count(j, k):
            return None
        # ranges: "10-15", "two or three", "between 10 and 15", "10 to 15"
        sep = self.word(j)
        if sep in {"-", "–", "to", "or", "and"} and (sep != "and" or hedge == "between"):
            mult = self.match_phrase(j + 1, _MULTIPLIABLE_INDEX)
            if (
                mult is not None
                and self.word(mult[1]) in {"hundred", "thousand"}
                and self.word(k - 1) != "from"
            ):  # "between 100 and several hundred": a range whose top is vague
                scale = _SCALES[self.word(mult[1])]
                high = (_MULTIPLIABLE[mult[0]][1] + 1) * scale - 1
                if high > value:
                    end = mult[1] + 1
                    return self.make(i, k, end, None, value, high, hedge or "range"), end
            other = self.number(j + 1)
            if (
                other is not None
                and other[0] > value
                and self.word(k - 1) != "from"
                and not self.not_a_count(other[1], j + 1)
            ):
                return self.make(i, k, other[1], None, value, other[0], hedge or "range"), other[1]
        if hedge == "between":
            hedge, i = None, k
        if hedge is None:
            return self.make(i, k, j, value, value, value, None), j
        blo, bhi = _bounds(value, _HEDGES[hedge])
        return self.make(i, k, j, value, blo, bhi, hedge), j

    def make(
        self, i: int, k: int, j: int, count: int | None, low: int | None, high: int | None,
        hedge: str | None,
    ) -> Quantity:  # fmt: skip
        start, end = self.toks[i][0], self.toks[j - 1][1]
        return Quantity(
            start=start,
            end=end,
            text=self.text[start:end],
            count=count,
            low=low,
            high=high,
            hedge=hedge,
            num_start=self.toks[k][0],
        )


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity stated in ``text``, left to right, without overlaps.

    Args:
        text: any text, mixed or upper case.

    Returns:
        The quantities with character offsets into ``text``.

    Example:
        >>> [(q.count, q.low, q.high, q.hedge) for q in find_quantities("more than 2,000 people")]
        [(2000, 2001, None, 'more than')]
    """
    return _Scanner(text).scan()


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in ``text``, or None (a convenience for short phrases)."""
    found = find_quantities(text)
    return found[0] if found else None
