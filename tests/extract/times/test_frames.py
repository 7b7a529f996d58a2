"""Tests for sitrep.extract.times.frames: ages, past ranges and comparison frames (issue 16)."""

from __future__ import annotations

import datetime as dt

import pytest

import sitrep
from sitrep.extract.times.frames import claim_times, fix_times, without_frames
from sitrep.model import TimeRef

pytestmark = pytest.mark.slow

PUBLISHED = "2025-09-10"


def _extract(text: str) -> sitrep.model.Record:
    return sitrep.extract(text, published=PUBLISHED)


def test_an_age_is_no_period() -> None:
    record = _extract("A three-month-old baby was among 12 people killed in the strike.")
    assert not any(t.value.startswith("P") for t in record.times)
    assert all(c.period is None for c in record.casualties)


def test_a_month_range_lies_before_publication() -> None:
    record = _extract(
        "From January to June, 1,200 civilians were killed in the region, the UN said."
    )
    claim = next(c for c in record.casualties if c.count == 1200)
    assert claim.period == "2025-01-01/2025-06-30"


def test_a_frame_of_comparison_is_no_period() -> None:
    record = _extract("It was the deadliest attack in 2023, killing 45 people.")
    claim = next(c for c in record.casualties if c.count == 45)
    assert claim.period is None


def test_an_ordinary_month_still_dates_a_claim() -> None:
    record = _extract("In the first week of March, 30 people were killed.")
    claim = next(c for c in record.casualties if c.count == 30)
    assert claim.period == "2025-03-01/2025-03-31"


def test_fix_times_without_publication_only_drops_ages() -> None:
    text = "a 10-year-old boy"
    age = TimeRef("10-year-old", 2, 13, "P10Y", type="DURATION")
    assert fix_times([age], text=text, published=None) == []


def test_claim_times_keeps_other_times() -> None:
    text = "On Monday the deadliest strike since 2014 hit the city."
    monday = TimeRef("Monday", 3, 9, "2025-09-08", begin=dt.date(2025, 9, 8))
    since = TimeRef("2014", 37, 41, "2014", grain="year")
    assert claim_times([monday, since], text=text) == [monday]


def test_without_frames_blanks_a_since_clause_after_a_superlative() -> None:
    text = "20 killed, the deadliest attack on the city since the invasion began in 2022."
    out = without_frames(text)
    assert len(out) == len(text) and out.startswith("20 killed,")
    assert "2022" not in out and "since" not in out
    plain = "20 people have been killed since the war began in 2022."
    assert without_frames(plain) == plain


def test_a_superlative_since_frame_makes_no_total_and_no_history() -> None:
    record = _extract(
        "A missile strike on Tuesday killed 20 people in the city, the deadliest attack on it "
        "since the full-scale invasion began in 2022, officials said."
    )
    claim = next(c for c in record.casualties if c.count == 20)
    assert claim.scope == "incident" and "historical" not in claim.flags
    record = _extract(
        "More than 500 people were killed in the blast, the biggest single loss of life in the "
        "territory since the group took control of the area in 2007."
    )
    claim = next(c for c in record.casualties if c.low == 501)
    assert claim.scope == "incident" and claim.period is None
    assert "historical" not in claim.flags


def test_a_possessive_before_a_superlative_is_a_frame_too() -> None:
    text = "93 people were killed, making it one of the war's deadliest strikes."
    out = without_frames(text)
    assert len(out) == len(text) and "war" not in out and out.startswith("93 people")
    record = _extract(
        "The civil defence agency said at least 93 people were killed in the strike on the "
        "school, making it one of the war's deadliest strikes."
    )
    claim = next(c for c in record.casualties if c.count == 93)
    assert claim.scope == "incident"
    plain = "The agency's figures show 93 people were killed in the war."
    assert without_frames(plain) == plain
