"""Counts, hedges, vague quantities and ranges."""

from __future__ import annotations

import pytest

from sitrep.extract.casualties.numbers import find_quantities, parse_quantity, words_to_int


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("killed 2,500 people", (2500, 2500, 2500, None)),
        ("some 1.5 million people", (1500000, None, None, "some")),
        ("two thousand residents", (2000, 2000, 2000, None)),
        ("twenty-three soldiers", (23, 23, 23, None)),
        ("a dozen fighters", (12, 12, 12, None)),
        ("one hundred and five bodies", (105, 105, 105, None)),
        ("more than 40 civilians", (40, 41, None, "more than")),
        ("over 300 people", (300, 301, None, "over")),
        ("at least 6 people", (6, 6, None, "at least")),
        ("nearly 90 soldiers", (90, None, 89, "nearly")),
        ("almost 1,000 people", (1000, None, 999, "almost")),
        ("about 70 people", (70, None, None, "about")),
        ("around 15 people", (15, None, None, "around")),
        ("up to 200 people", (200, None, 200, "up to")),
        ("as many as 50 people", (50, None, 50, "as many as")),
        ("at most 9 people", (9, None, 9, "at most")),
        ("dozens of people", (None, 24, 99, "dozens")),
        ("scores of people", (None, 40, 199, "scores")),
        ("hundreds of people", (None, 200, 999, "hundreds")),
        ("several people", (None, 3, 9, "several")),
        ("a number of people", (None, 2, None, "a number of")),
        ("several hundred people", (None, 200, 999, "several")),
        ("between 10 and 15 people", (None, 10, 15, "between")),
        ("10-15 people", (None, 10, 15, "range")),
        ("three or four people", (None, 3, 4, "range")),
        ("tens of thousands of people", (None, 20000, 99999, "tens of thousands")),
        ("MORE THAN 20 PEASANTS", (20, 21, None, "more than")),
    ],
)
def test_quantity(
    text: str, expected: tuple[int | None, int | None, int | None, str | None]
) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert (q.count, q.low, q.high, q.hedge) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a 12-year-old boy", 12),
        ("$40 million in aid", 40),
        ("40% of homes", 40),
        ("at 9 a.m.", 9),
        ("the 3rd brigade", 3),
        ("posted 2023-04-17 at noon", 4),
        ("posted 2023-04-17 at noon", 17),
        ("a man who died on March 12 in a clinic", 12),
        ("a ceasefire from 9 October", 9),
        # a designation: a group, a jet, a missile, a disease
        ("M-19 presidential candidate Carlos Pizarro", 19),
        ("two Su-25 jets", 25),
        ("a Kh-101 cruise missile", 101),
        ("the COVID-19 ward", 19),
        # a clock time
        ("as of 21:50 the number of wounded rose", 21),
        ("as of 21:50 the number of wounded rose", 50),
        ("At 07:00 (0400 GMT) rescuers found eight", 7),
    ],
)
def test_not_counts(text: str, value: int) -> None:
    assert value not in [q.count for q in find_quantities(text)]


def test_offsets_and_order() -> None:
    text = "Three were killed and 14 wounded; rescuers found 2 more."
    found = find_quantities(text)
    assert [(q.text, text[q.start : q.end]) for q in found] == [
        ("Three", "Three"),
        ("14", "14"),
        ("2", "2"),
    ]


def test_year_like() -> None:
    (q,) = find_quantities("in 2014")
    assert q.year_like
    (p,) = find_quantities("2,014 people")
    assert not p.year_like


def test_range_not_from_to() -> None:
    assert [q.count for q in find_quantities("rose from 10 to 15")] == [10, 15]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["two", "thousand"], 2000),
        (["1.5", "million"], 1500000),
        (["forty-two"], 42),
        (["hundred"], 100),
        (["people"], None),
    ],
)
def test_words_to_int(words: list[str], value: int | None) -> None:
    assert words_to_int(words) == value


@pytest.mark.parametrize(
    "text",
    ["the blast killed a 4 year old boy", "a 7 month-old baby died", "a 9 years old girl was hurt"],
)
def test_an_age_written_apart_is_no_count(text: str) -> None:
    assert find_quantities(text) == []


def test_a_range_may_end_in_a_vague_multiple() -> None:
    (q,) = find_quantities("between 40 and several hundred people")
    assert (q.count, q.low, q.high, q.hedge) == (None, 40, 999, "between")
    # "from 20 to several hundred" is an update, not a range: two figures
    assert [q.low for q in find_quantities("rose from 20 to several hundred")] == [20, 200]


def test_a_month_name_alone_does_not_make_a_day() -> None:
    # "In March 14 people were detained": without "on", "since"... it may be a count; "may" is a verb
    assert [q.count for q in find_quantities("In March 14 people were detained")] == [14]
    assert [q.count for q in find_quantities("9 may die")] == [9]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("half a million people have been displaced", 500_000),
        ("a quarter of a million refugees", 250_000),
        ("three quarters of a million people", 750_000),
        ("two and a half million people fled", 2_500_000),
    ],
)
def test_fractions_of_a_scale(text: str, count: int) -> None:
    (q,) = find_quantities(text)
    assert q.count == count


def test_a_half_of_no_scale_is_no_fraction() -> None:
    assert [q.count for q in find_quantities("two and a half years later, 12 people")] == [2, 12]
