"""Time expressions: forms, anchoring rules, tense, intervals, durations and datelines."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.times.timexes import (
    dateline_date,
    find_times,
    find_timexes,
    resolve_weekday,
    times,
)
from sitrep.ingest.document import article_from_string

WED = dt.date(2022, 3, 2)  # a Wednesday
TUE = dt.date(2023, 1, 3)  # a Tuesday, just after New Year
FRI = dt.date(2024, 6, 14)  # a Friday
SAT = dt.date(2024, 6, 15)  # a Saturday
MON = dt.date(2022, 3, 7)  # a Monday

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
    # a year-less day with no future cue lies in the past, even 8 months back
    ("Gunmen attacked the village on October 7 and killed dozens.", SAT, "October 7", "2023-10-07"),
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
    ("The blast hit the market at about 10:35 a.m. (0735 GMT) Thursday.", FRI, "10:35 a.m. (0735 GMT) Thursday", "2024-06-13T10:35"),
    # upper-case wire copy with a dateline
    ("TEGUCIGALPA, 12 MAR 89 -- TWO POLICEMEN WERE WOUNDED YESTERDAY.", dt.date(1989, 3, 12), "12 MAR 89", "1989-03-12"),
    ("TEGUCIGALPA, 12 MAR 89 -- TWO POLICEMEN WERE WOUNDED YESTERDAY.", dt.date(1989, 3, 12), "YESTERDAY", "1989-03-11"),
    ("KHARTOUM, June 12 (Reuters) - Heavy fighting broke out.", FRI, "June 12", "2024-06-12"),
    # years read out in broadcast transcripts
    ("The siege of the city began in nineteen ninety-two, the minister told the radio station.", FRI, "nineteen ninety-two", "1992"),
    ("Peacekeepers are due to leave by the year two thousand, officials say.", FRI, "the year two thousand", "2000"),
    ("Relief flights resumed in January nineteen ninety-seven.", FRI, "January nineteen ninety-seven", "1997-01"),
    ("The insurgency peaked in the winter of nineteen ninety-four.", FRI, "the winter of nineteen ninety-four", "1994-WI"),
    ("Ethnic violence in the region dates back to the nineties.", FRI, "the nineties", "199"),
    # the year in focus, vague past and future references (TimeML PAST_REF / FUTURE_REF)
    ("Attacks on aid convoys rose sharply in the first months of the year.", FRI, "the year", "2024"),
    ("The army expects to keep troops in the region for the current fiscal year.", FRI, "the current fiscal year", "2024"),
    ("Aid agencies expect the number of displaced people to double by the end of the year.", FRI, "the end of the year", "2024"),
    ("In the past, the rebels have used every ceasefire to regroup.", FRI, "the past", "PAST_REF"),
    ("The envoy said a settlement was unlikely in the near term.", FRI, "the near term", "FUTURE_REF"),
    ("Several years ago, the camp held fewer than a thousand people.", FRI, "Several years ago", "PAST_REF"),
    ("The border town fell almost four years ago.", WED, "almost four years ago", "2018"),
    ("The agency now runs 13 camps, up from seven a year ago.", WED, "a year ago", "2021"),
    # anaphora: the unit of the last date the story mentioned
    ("Government forces retook the town on March 3, 2021. Earlier that day, rebels had shelled the market.", FRI, "Earlier that day", "2021-03-03"),
    ("The dam was breached on June 6, 2023, and the flood reached the city that same day.", FRI, "that same day", "2023-06-06"),
    ("The first ceasefire was signed in 2014. The following year, fighting resumed.", FRI, "The following year", "2015"),
    ("The militia seized the airport in 2019 and held it for most of that year.", FRI, "that year", "2019"),
    ("The truce was agreed on Oct. 12, 2022. Negotiators met again the following month.", FRI, "the following month", "2022-11"),
    # months and seasons relative to the publication date
    ("The referendum on the new constitution was held last May.", TUE, "last May", "2022-05"),
    ("The talks are scheduled to conclude by May.", TUE, "May", "2023-05"),
    ("The offensive stalled this past spring, commanders admitted.", FRI, "this past spring", "2024-SP"),
    # weekends and weekdays: the weekend just gone on a Monday, deadlines look ahead
    ("Shelling continued over the weekend, residents said.", MON, "the weekend", "2022-W09-WE"),
    ("The foreign minister will visit Kyiv at the weekend.", WED, "the weekend", "2022-W09-WE"),
    ("The court has given the government until 9 a.m. Tuesday to respond.", FRI, "9 a.m. Tuesday", "2024-06-18T09:00"),
    ("Two people died in the blast next to the embassy on Friday.", SAT, "on Friday", "2024-06-14"),
    ('"We will rebuild the bridge," Mr. Ruto said Friday.', SAT, "Friday", "2024-06-14"),
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
    "Two thousand people fled the town before dawn.",
    "For the year-ago period the company reported a loss.",
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


def test_approximate_ago_keeps_its_modifier() -> None:
    (ref,) = find_times("The border town fell almost four years ago.", anchor=WED)
    assert (ref.value, ref.modifier, ref.grain) == ("2018", "APPROX", "year")


def test_edge_of_the_year_keeps_its_modifier() -> None:
    text = "Aid agencies expect the number of displaced people to double by the end of the year."
    (ref,) = find_times(text, anchor=FRI)
    assert (ref.value, ref.modifier) == ("2024", "END")


def test_bare_that_day_is_not_anaphoric() -> None:
    assert find_times("Traders lost heavily on deals made that day.", anchor=WED) == []


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


MUC_STORY = (
    "GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) -- [TEXT] THE GUATEMALAN ARMY HAS DENIED THAT SOLDIERS "
    "KILLED TWO PEASANTS YESTERDAY IN THE VILLAGE OF SAN JUAN. A SPOKESMAN SAID THE TROOPS WERE "
    "ATTACKED BY GUERRILLAS ON FRIDAY AND THAT THREE SOLDIERS WERE WOUNDED IN THE CLASH."
)
REUTERS_STORY = (
    "KYIV, March 2, 2022 (Reuters) - Russian forces shelled the centre of Kharkiv on Wednesday, "
    "killing at least 21 people, the regional governor said. Officials said more than 100 people "
    "had been wounded in the past 24 hours."
)


@pytest.mark.parametrize(
    ("story", "published", "expressions"),
    [
        (
            MUC_STORY,
            dt.date(1990, 2, 4),
            {"YESTERDAY": "1990-02-03", "ON FRIDAY": "1990-02-02"},
        ),
        (
            REUTERS_STORY,
            dt.date(2022, 3, 2),
            {"on Wednesday": "2022-03-02", "the past 24 hours": "2022-03-01/2022-03-02"},
        ),
    ],
)
def test_dateline_dates_the_story_end_to_end(
    story: str, published: dt.date, expressions: dict[str, str]
) -> None:
    article = article_from_string(story)
    assert (article.published, article.published_source) == (published, "dateline")
    refs = {r.text: r.value for r in find_times(article.text, anchor=article.published)}
    for expr, value in expressions.items():
        assert refs.get(expr) == value, refs


def test_given_date_wins_over_dateline() -> None:
    article = article_from_string(REUTERS_STORY, published="2022-03-03")
    assert (article.published, article.published_source) == (dt.date(2022, 3, 3), "given")


def test_dateline_without_year_and_without_anchor_is_not_guessed() -> None:
    article = article_from_string(REUTERS_STORY.replace("March 2, 2022", "March 2"))
    assert (article.published, article.published_source) == (None, None)


@pytest.mark.slow
def test_doc_tense_decides_weekday(nlp) -> None:  # type: ignore[no-untyped-def]
    past = times(nlp("The delegations met in Minsk on Thursday."), anchor=WED)
    future = times(nlp("The delegations will meet again in Minsk on Thursday."), anchor=WED)
    assert [r.value for r in past] == ["2022-02-24"]
    assert [r.value for r in future] == ["2022-03-03"]
