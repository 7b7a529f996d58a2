"""Time expressions: forms, anchoring rules, tense, intervals, durations and datelines."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.times import dateline_date, find_times, find_timexes, resolve_weekday, times

WED = dt.date(2022, 3, 2)  # a Wednesday
TUE = dt.date(2023, 1, 3)  # a Tuesday, just after New Year
FRI = dt.date(2024, 6, 14)  # a Friday

# (sentence, anchor, expression as written, normalized TimeRef value)
CASES: list[tuple[str, dt.date | None, str, str]] = [
    # weekdays: before the anchor, same day, after it with the future tense
    ("Shelling resumed on Monday after a brief lull.", WED, "on Monday", "2022-02-28"),
    ("The governor said on Wednesday that two bridges had been destroyed.", WED, "on Wednesday", "2022-03-02"),
    ("Foreign ministers will meet on Friday in Geneva.", WED, "on Friday", "2022-03-04"),
    ("The convoy reached the border on Friday.", WED, "on Friday", "2022-02-25"),
    ("Airstrikes hit the port city early Thursday, officials said.", FRI, "early Thursday", "2024-06-13"),
    ("Talks are expected to continue next Tuesday.", WED, "next Tuesday", "2022-03-08"),
    ("Protesters gathered last Saturday outside the embassy.", FRI, "last Saturday", "2024-06-08"),
    ("The agreement, reached Wednesday, was published at once.", WED, "Wednesday", "2022-03-02"),
    ("The truce will take effect on Thursday, the mediators said.", WED, "on Thursday", "2022-03-03"),
    ("He said on Tuesday that he would travel to Warsaw on Thursday.", WED, "on Tuesday", "2022-03-01"),
    ("He said on Tuesday that he would travel to Warsaw on Thursday.", WED, "on Thursday", "2022-03-03"),
    ("Negotiators hope to meet again later on Wednesday.", WED, "later on Wednesday", "2022-03-02"),
    ("The last evacuation bus left on Saturday night.", FRI, "Saturday night", "2024-06-08"),
    ("Rescue teams worked through Tuesday night to free survivors.", WED, "Tuesday night", "2022-03-01"),
    # explicit dates in the usual news forms
    ("The ceasefire took effect on Dec. 30 and collapsed within hours.", TUE, "Dec. 30", "2022-12-30"),
    ("Elections are scheduled for Jan. 28.", TUE, "Jan. 28", "2023-01-28"),
    ("The siege began on February 24, 2022, and lasted for months.", FRI, "February 24, 2022", "2022-02-24"),
    ("Troops withdrew from the town on 9 May 2024.", FRI, "9 May 2024", "2024-05-09"),
    ("The report was published on 2023-11-05 by the ministry.", FRI, "2023-11-05", "2023-11-05"),
    ("The blockade was lifted on Sept. 3, 2021, after talks.", None, "Sept. 3, 2021", "2021-09-03"),
    ("Fighting flared again in March 2022 along the coast.", FRI, "March 2022", "2022-03"),
    ("The region was annexed in 2014 and never returned.", FRI, "2014", "2014"),
    ("The insurgency has its roots in the 1990s.", FRI, "the 1990s", "199"),
    ("The clashes in mid-2021 left dozens dead.", FRI, "mid-2021", "2021"),
    ("Aid workers expect the road to reopen in early April.", TUE, "early April", "2023-04"),
    ("The treaty was signed in the spring of 2019.", FRI, "the spring of 2019", "2019-SP"),
    ("Thousands marched through the capital on Christmas Day.", TUE, "Christmas Day", "2022-12-25"),
    ("Sales of fuel fell in the third quarter of 2023.", FRI, "the third quarter of 2023", "2023-Q3"),
    # relative expressions
    ("Two soldiers were killed yesterday near the front line.", WED, "yesterday", "2022-03-01"),
    ("The mayor will address residents tomorrow.", WED, "tomorrow", "2022-03-03"),
    ("Explosions were heard in the capital last night.", WED, "last night", "2022-03-01"),
    ("Power was restored this morning in most districts.", WED, "this morning", "2022-03-02"),
    ("Aid deliveries slowed sharply last week.", WED, "last week", "2022-W08"),
    ("Earlier this week, the army said it had retaken the airport.", WED, "Earlier this week", "2022-W09"),
    ("Parliament will vote on the measure next month.", WED, "next month", "2022-04"),
    ("Food prices doubled last year, the central bank said.", WED, "last year", "2021"),
    ("The bridge was destroyed two days ago.", WED, "two days ago", "2022-02-28"),
    ("Refugees began arriving three weeks ago.", WED, "three weeks ago", "2022-W06"),
    ("The offensive stalled last summer.", TUE, "last summer", "2022-SU"),
    ("The talks are now in their second day.", WED, "now", "PRESENT_REF"),
    # durations and intervals
    ("Civilians have been trapped for nearly a week.", WED, "nearly a week", "P1W"),
    ("The shelling lasted three days.", WED, "three days", "P3D"),
    ("Rebels have held the town for two years.", WED, "two years", "P2Y"),
    ("At least 40 people died in the past 24 hours.", WED, "the past 24 hours", "2022-03-01/2022-03-02"),
    ("More than a million people have fled since Feb. 24.", WED, "since Feb. 24", "2022-02-24/2022-03-02"),
    ("Prices rose over the past week.", WED, "the past week", "2022-02-23/2022-03-02"),
    # clock times, on their own and with a day
    ("The curfew starts at 10:30 p.m. on Friday.", FRI, "10:30 p.m. on Friday", "2024-06-14T22:30"),
    ("The first convoy left at 6 a.m. under fire.", FRI, "6 a.m.", "2024-06-14T06:00"),
    # upper-case wire copy with a dateline
    ("TEGUCIGALPA, 12 MAR 89 -- TWO POLICEMEN WERE WOUNDED YESTERDAY.", dt.date(1989, 3, 12), "12 MAR 89", "1989-03-12"),
    ("TEGUCIGALPA, 12 MAR 89 -- TWO POLICEMEN WERE WOUNDED YESTERDAY.", dt.date(1989, 3, 12), "YESTERDAY", "1989-03-11"),
    ("KHARTOUM, June 12 (Reuters) - Heavy fighting broke out.", FRI, "June 12", "2024-06-12"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "anchor", "expr", "value"), CASES)
def test_expression(sentence: str, anchor: dt.date | None, expr: str, value: str) -> None:
    refs = find_times(sentence, anchor=anchor)
    found = [r for r in refs if r.text == expr]
    assert found, f"{expr!r} not found in {[(r.text, r.value) for r in refs]}"
    ref = found[0]
    assert ref.value == value
    assert sentence[ref.start : ref.end] == expr


NO_TIMES = [
    "Mariupol, a port of 400,000 residents, remains encircled.",
    "Seventeen civilians were wounded in the blast.",
    "A 3,000-strong brigade moved north towards the river.",
    "The army fielded 2000 troops and 150 tanks.",
    "Officials may march on the capital if talks fail.",
    "The brigade lost 1,200 men and 40 armoured vehicles.",
    "Temperatures fell to minus 20 degrees in the shelters.",
    "The French quarter of the city was spared.",
    "About 21 people were killed and 112 injured.",
]


@pytest.mark.parametrize("sentence", NO_TIMES)
def test_no_time_expression(sentence: str) -> None:
    assert find_times(sentence, anchor=WED) == []


def test_duration_modifier_and_type() -> None:
    (ref,) = find_times("Civilians have been trapped for nearly a week.", anchor=WED)
    assert (ref.type, ref.modifier, ref.grain) == ("DURATION", "APPROX", "week")


def test_interval_bounds() -> None:
    (ref,) = find_times("At least 40 people died in the past 24 hours.", anchor=WED)
    assert ref.type == "INTERVAL"
    assert (ref.begin, ref.end_date) == (dt.date(2022, 3, 1), WED)


def test_since_reports_interval_not_nested_date() -> None:
    refs = find_times("More than a million people have fled since Feb. 24.", anchor=WED)
    assert [r.text for r in refs] == ["since Feb. 24"]
    nested = find_timexes("More than a million people have fled since Feb. 24.", anchor=WED)
    assert [t.value for t in nested] == ["2022-02-24/2022-03-02", "2022-02-24"]


def test_part_of_day_keeps_day_in_timeref_and_timeml_in_timex() -> None:
    text = "An air strike on Wednesday morning destroyed the school."
    (ref,) = find_times(text, anchor=WED)
    assert (ref.text, ref.value, ref.grain, ref.type) == (
        "Wednesday morning",
        "2022-03-02",
        "part-of-day",
        "TIME",
    )
    (tx,) = find_timexes(text, anchor=WED)
    assert tx.value == "2022-03-02TMO"


def test_quarter_anaphora_and_year_ago() -> None:
    text = "Profit rose in the third quarter. Sales were flat a year earlier."
    values = [t.value for t in find_timexes(text, anchor=dt.date(1999, 10, 20))]
    assert values == ["1999-Q3", "1998-Q3"]


def test_without_anchor_relative_expressions_are_skipped() -> None:
    refs = find_times("Shelling resumed yesterday and on Feb. 24.", anchor=None)
    assert [(r.text, r.value) for r in refs] == [("Feb. 24", "XXXX-02-24")]


def test_resolve_weekday() -> None:
    assert resolve_weekday(WED, 2) == WED
    assert resolve_weekday(WED, 1) == dt.date(2022, 3, 1)
    assert resolve_weekday(WED, 3) == dt.date(2022, 2, 24)
    assert resolve_weekday(WED, 3, "future") == dt.date(2022, 3, 3)


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) -- [TEXT] SOLDIERS...", None, dt.date(1990, 2, 4)),
        ("KYIV, March 2 (Reuters) - Russian forces...", dt.date(2022, 3, 3), dt.date(2022, 3, 2)),
        ("KYIV, March 2 (Reuters) - Russian forces...", None, None),
        (
            "Header line\n\n  BOGOTA, Colombia, Nov. 7, 1989 (AP) _ Guerrillas...",
            None,
            dt.date(1989, 11, 7),
        ),
        ("Russian forces advanced on Monday.", dt.date(2022, 3, 3), None),
    ],
)
def test_dateline_date(text: str, anchor: dt.date | None, expected: dt.date | None) -> None:
    assert dateline_date(text, anchor=anchor) == expected


@pytest.mark.slow
def test_doc_tense_decides_weekday(nlp) -> None:  # type: ignore[no-untyped-def]
    past = times(nlp("The delegations met in Minsk on Thursday."), anchor=WED)
    future = times(nlp("The delegations will meet again in Minsk on Thursday."), anchor=WED)
    assert [r.value for r in past] == ["2022-02-24"]
    assert [r.value for r in future] == ["2022-03-03"]
