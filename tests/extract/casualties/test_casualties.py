"""Casualty claims from real-style news sentences (written for these tests)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from sitrep.extract.casualties.claims import BLOCKING_FLAGS, casualties
from sitrep.model import Article, CasualtyClaim, Place, TimeRef

PUB = dt.date(2023, 6, 14)
C = tuple[str, int | None, int | None, int | None]

# sentence -> the counted claims as (kind, count, low, high); claims with a blocking flag are
# left out here and checked in test_flags.
TABLE: list[tuple[str, set[C]]] = [
    # digits and words
    (
        "Twelve people were killed when a bus hit a landmine near the border.",
        {("killed", 12, 12, 12)},
    ),
    ("At least 7 civilians died in the attack on the market.", {("killed", 7, 7, None)}),
    ("The strike killed 31 people, including six children.", {("killed", 31, 31, 31)}),
    ("Four soldiers were wounded in the ambush, the army said.", {("injured", 4, 4, 4)}),
    (
        "Police said two thousand people had been evacuated from the flooded district.",
        {("evacuated", 2000, 2000, 2000)},
    ),
    (
        "A dozen fighters were captured after the battle for the airport.",
        {("captured", 12, 12, 12)},
    ),
    ("Gunmen kidnapped 15 students from a boarding school overnight.", {("captured", 15, 15, 15)}),
    (
        "Security forces arrested 43 protesters in the capital on Sunday.",
        {("arrested", 43, 43, 43)},
    ),
    ("Nine people are still missing after the building collapsed.", {("missing", 9, 9, 9)}),
    (
        "The fighting has displaced 1.5 million people since April.",
        {("displaced", 1500000, 1500000, 1500000)},
    ),
    ("Twenty-one miners were killed in the blast.", {("killed", 21, 21, 21)}),
    ("One hundred and five bodies have been recovered so far.", {("killed", 105, 105, 105)}),
    ("The explosion injured 63 people, hospital officials said.", {("injured", 63, 63, 63)}),
    (
        "Three policemen died and two were hurt in the shootout.",
        {("killed", 3, 3, 3), ("injured", 2, 2, 2)},
    ),
    ("Two journalists were among those killed, the union said.", {("killed", 2, 2, 2)}),
    ("Two soldiers were fatally wounded by a mine.", {("killed", 2, 2, 2)}),
    ("The navy evacuated 112 migrants from the island.", {("evacuated", 112, 112, 112)}),
    # people rescued are no casualty figure (what befell them is counted by its own words)
    ("The navy rescued 112 migrants off the coast.", set()),
    ("Rebels abducted 30 villagers during a raid on Tuesday.", {("captured", 30, 30, 30)}),
    (
        "Five thousand families fled the town ahead of the offensive.",
        {("displaced", 5000, 5000, 5000)},
    ),
    (
        "The shelling left 14 dead and 40 wounded.",
        {("killed", 14, 14, 14), ("injured", 40, 40, 40)},
    ),
    ("Eight peacekeepers were injured when their convoy was attacked.", {("injured", 8, 8, 8)}),
    # hedges
    ("More than 300 people have died in the clashes, medics said.", {("killed", 300, 301, None)}),
    ("Nearly 50 civilians were killed in the raid.", {("killed", 50, None, 49)}),
    ("Almost 200 people were injured in the stampede.", {("injured", 200, None, 199)}),
    (
        "About 40 fighters were killed in the offensive, the group said.",
        {("killed", 40, None, None)},
    ),
    ("Around 25 people were wounded by the blast.", {("injured", 25, None, None)}),
    ("Some 60 villagers were abducted by the gunmen.", {("captured", 60, None, None)}),
    ("Up to 90 people may be trapped, but 12 were killed.", {("killed", 12, 12, 12)}),
    ("As many as 70 people were arrested after the rally.", {("arrested", 70, None, 70)}),
    ("No fewer than 18 soldiers were killed in the attack.", {("killed", 18, 18, None)}),
    ("Fewer than 10 people were injured, officials said.", {("injured", 10, None, 9)}),
    (
        "An estimated 4,000 people were displaced by the fighting.",
        {("displaced", 4000, None, None)},
    ),
    ("Roughly 120 migrants were evacuated by sea.", {("evacuated", 120, None, None)}),
    # vague quantities
    ("Dozens of people were killed in the air strikes.", {("killed", None, 24, 99)}),
    ("Hundreds of civilians were wounded in the shelling.", {("injured", None, 200, 999)}),
    ("Several soldiers were killed in the ambush.", {("killed", None, 3, 9)}),
    ("Scores of people were arrested during the protests.", {("arrested", None, 40, 199)}),
    ("A number of civilians were injured in the crossfire.", {("injured", None, 2, None)}),
    ("Thousands of residents were evacuated from the city.", {("evacuated", None, 1000, 9999)}),
    ("Tens of thousands of people have fled their homes.", {("displaced", None, 20000, 99999)}),
    ("Several hundred people were detained overnight.", {("arrested", None, 200, 999)}),
    # ranges
    ("Between 10 and 15 people were killed in the blast.", {("killed", None, 10, 15)}),
    ("Witnesses said 20-30 people were wounded.", {("injured", None, 20, 30)}),
    ("Two or three soldiers were captured, the ministry said.", {("captured", None, 2, 3)}),
    # cue first
    (
        "The missile strike killed at least 12 people in the town centre.",
        {("killed", 12, 12, None)},
    ),
    ("The bombing killed 8 and wounded 25.", {("killed", 8, 8, 8), ("injured", 25, 25, 25)}),
    ("Militants attacked the base, killing 17 soldiers.", {("killed", 17, 17, 17)}),
    ("The storm claimed the lives of 9 people.", {("killed", 9, 9, 9)}),
    ("The drone attack wounded three civilians in the port city.", {("injured", 3, 3, 3)}),
    ("The death toll from the earthquake rose to 230 on Friday.", {("killed", 230, 230, 230)}),
    ("The death toll has risen to 47, the health ministry said.", {("killed", 47, 47, 47)}),
    ("The toll now stands at 19 dead.", {("killed", 19, 19, 19)}),
    # singular victims
    ("A soldier was killed by sniper fire on Monday.", {("killed", 1, 1, 1)}),
    ("A woman was injured when a shell hit her house.", {("injured", 1, 1, 1)}),
    ("Gunmen shot dead a police officer at a checkpoint.", {("killed", 1, 1, 1)}),
    ("The mayor was kidnapped on his way to work.", {("captured", 1, 1, 1)}),
    ("The attack caused the death of a teacher.", {("killed", 1, 1, 1)}),
    # coordination, ellipsis, others
    (
        "Five soldiers were killed and seven others were wounded in the clash.",
        {("killed", 5, 5, 5), ("injured", 7, 7, 7)},
    ),
    (
        "Eleven people were killed on Monday and three more on Tuesday.",
        {("killed", 11, 11, 11), ("killed", 3, 3, 3)},
    ),
    ("The raid killed 4 soldiers and 2 civilians.", {("killed", 4, 4, 4), ("killed", 2, 2, 2)}),
    ("Six of the ten hostages were wounded.", {("injured", 6, 6, 6)}),
    ("Two of his bodyguards were killed in the attack.", {("killed", 2, 2, 2)}),
    ("Fourteen dead and wounded were taken to the hospital.", set()),  # combined: never counted
    ("The army reported 30 casualties after the battle.", {("casualties", 30, 30, 30)}),
    ("The unit suffered 12 casualties.", {("casualties", 12, 12, 12)}),
    # no claim: populations, troop numbers, prices, years, ages, addresses, times
    ("The city of 400,000 people has been without power for days.", set()),
    ("Moscow has massed 100,000 troops near the border.", set()),
    ("Bread now costs 15 pounds, twice last year's price.", set()),
    ("The ceasefire was signed in 2019 after five years of war.", set()),
    ("The 45-year-old driver was questioned by police.", set()),
    ("The office at 12 Station Road was searched.", set()),
    ("The convoy left at 10 a.m. and reached the town four hours later.", set()),
    ("Three aid trucks crossed the border on Thursday.", set()),
    ("He and two colleagues carried the stretcher to the ambulance.", set()),
    ("The country of 38 million people holds elections next year.", set()),
    ("No one was killed in the attack, police said.", set()),
    ("There were no casualties, the ministry said.", set()),
    ("The bridge was hit by 3 missiles overnight.", set()),
    ("The army said it had destroyed 12 tanks and 4 helicopters.", set()),
    ("The 5 million people in the region need food aid.", set()),
    ("The brigade lost 6 tanks in the battle.", set()),
    ("The talks lasted 24 hours without a deal.", set()),
    ("Over 2,000 buildings were damaged in the shelling.", set()),
    ("The 3rd Brigade moved to the front on Monday.", set()),
    ("Officials said 40 percent of the city was without water.", set()),
    # attribution forms (figures only here)
    ("According to the regional governor, 6 people died in the fire.", {("killed", 6, 6, 6)}),
    ("Citing local officials, the agency said 13 people were injured.", {("injured", 13, 13, 13)}),
    ("Officials say 22 people were killed.", {("killed", 22, 22, 22)}),
    ("A security source said 5 guards were kidnapped.", {("captured", 5, 5, 5)}),
    ("The rebels claimed that 40 government soldiers had been killed.", {("killed", 40, 40, 40)}),
    ("The ministry confirmed that 3 soldiers were missing.", {("missing", 3, 3, 3)}),
    # upper-case wire copy
    (
        "THREE PEASANTS WERE KILLED AND FIVE OTHERS WERE WOUNDED DURING THE ATTACK.",
        {("killed", 3, 3, 3), ("injured", 5, 5, 5)},
    ),
    ("THE BOMB EXPLOSION INJURED 14 PEOPLE, POLICE SOURCES REPORTED.", {("injured", 14, 14, 14)}),
    ("GUERRILLAS KILLED A PEASANT IN THE NORTHERN DEPARTMENT.", {("killed", 1, 1, 1)}),
    ("AT LEAST 20 PERSONS WERE KIDNAPPED BY THE TERRORISTS.", {("captured", 20, 20, None)}),
    ("NO ONE WAS INJURED IN THE ATTACK ON THE EMBASSY.", set()),
    ("THE ARMY REPORTED THAT 2 SOLDIERS DIED IN THE CLASH.", {("killed", 2, 2, 2)}),
    (
        "SIX JESUIT PRIESTS AND TWO WOMEN WERE MURDERED AT DAWN.",
        {("killed", 6, 6, 6), ("killed", 2, 2, 2)},
    ),
    ("A CAR BOMB KILLED 12 PEOPLE IN THE CAPITAL TODAY.", {("killed", 12, 12, 12)}),
    # named victims: one each (the sum is the number of people named)
    ("Gunmen shot dead Marta Quispe, a trade unionist, outside her home.", {("killed", 1, 1, 1)}),
    (
        "UNIDENTIFIED MEN KILLED COUNCILLOR RAMON VELARDE AND HIS DRIVER ON TUESDAY.",
        {("killed", 1, 1, 1)},
    ),
    (
        "FARMER ANSELMO TICONA AND HIS SON WERE SHOT TO DEATH NEAR THE BRIDGE.",
        {("killed", 1, 1, 1)},
    ),
    ("Journalist Tomas Aranibar was stabbed to death in the market.", {("killed", 1, 1, 1)}),
    (
        "JUDGE ELVIRA MANCO, WHO WAS MURDERED ON FRIDAY, HAD RECEIVED THREATS.",
        {("killed", 1, 1, 1)},
    ),
    ("THE ASSASSINATION OF SENATOR LUCIO BRAVANTE SHOCKED THE PROVINCE.", {("killed", 1, 1, 1)}),
    ("Okafor's murder was the third in the district this month.", {("killed", 1, 1, 1)}),
    ("THE BODY OF TEACHER HILDA SARAVIA WAS FOUND NEAR THE RIVER.", {("killed", 1, 1, 1)}),
    ("DELFINA ARCE, 34, WAS WOUNDED BY A STRAY BULLET.", {("injured", 1, 1, 1)}),
    ("HIS BODYGUARD DIED IN THE AMBUSH.", {("killed", 1, 1, 1)}),
    # wire-copy number words and clock times
    ("THIRTYTWO PASSENGERS WERE INJURED WHEN THE BOMB EXPLODED.", {("injured", 32, 32, 32)}),
    ("THE GRENADE ATTACK AT 1620 KILLED TWO GUARDS.", {("killed", 2, 2, 2)}),
    ("TWO POLICEMEN WERE WOUNDED IN THE RAID AT 1745 GMT ON SUNDAY.", {("injured", 2, 2, 2)}),
    # parts of a figure and things that are not figures
    ("Twenty people were injured, of whom 12 were hospitalized.", {("injured", 20, 20, 20)}),
    ("There were four assassination attempts on the mayor last year.", set()),
    ("The minister received two death threats this week.", set()),
    ("NOT A SINGLE PERSON WAS HURT IN THE BLAST.", set()),
    ("The victims had three bullet wounds each.", set()),
    ("The sniper fired from 300 metres, killing 2 soldiers.", {("killed", 2, 2, 2)}),
    ("Fifteen others were wounded 12 km north of the town.", {("injured", 15, 15, 15)}),
    # a part of a group already counted, an abbreviation or a day is no victim
    ("Four of the slain miners were buried on Sunday in the valley.", set()),
    ("Police said 6 of their dead comrades were left behind on the ridge.", set()),
    ("Two of the wounded hostages were flown to the capital.", set()),
    ("Prosecutors reopened the killing of the two U.N. monitors.", {("killed", 2, 2, 2)}),
    ("The envoy condemned Friday's murder of five aid workers.", {("killed", 5, 5, 5)}),
    # victims of the figure before them
    (
        "Two guerrillas were killed and six others wounded in the clash.",
        {("killed", 2, 2, 2), ("injured", 6, 6, 6)},
    ),
    # a thing counted after the harmed is no victim
    (
        "One person was killed, three people wounded, and one vehicle destroyed.",
        {("killed", 1, 1, 1), ("injured", 3, 3, 3)},
    ),
    # a designation is no count
    ("The M-19 presidential candidate was assassinated.", {("killed", 1, 1, 1)}),
    (
        "TWO POLICEMEN WERE INJURED AND 13 BUSINESS ESTABLISHMENTS WERE DESTROYED.",
        {("injured", 2, 2, 2)},
    ),
]


def _run(nlp: Any, text: str, **kw: Any) -> list[CasualtyClaim]:
    from sitrep.nlp import parse

    art = Article(
        id="t", text=text, outlet=kw.pop("outlet", "Test Wire"), published=kw.pop("published", PUB)
    )
    return casualties(
        parse(text, nlp=nlp), article=art, places=kw.get("places", []), times=kw.get("times", [])
    )


def _counted(claims: list[CasualtyClaim]) -> set[C]:
    return {(c.kind, c.count, c.low, c.high) for c in claims if not set(c.flags) & BLOCKING_FLAGS}


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_table(nlp: Any, text: str, expected: set[C]) -> None:
    assert _counted(_run(nlp, text)) == expected


FLAGGED: list[tuple[str, str]] = [
    ("None of the 12 hostages were hurt, officials said.", "negated"),
    ("Thirty passengers of the bus sustained no injuries.", "negated"),
    ("Officials warned the dam collapse could kill 5,000 people.", "hypothetical"),
    ("The militants threatened to kill 20 hostages.", "hypothetical"),
    ("About 3,000 civilians were killed in the city in 1945.", "historical"),
    ("The authorities will evacuate 8,000 residents on Friday.", "future"),
    ("The commandos flew to the capital to kill the minister.", "hypothetical"),
    ("LET US RECALL THAT 40 PEOPLE DIED IN THE FIRE AT THE THEATRE.", "historical"),
    ("A 1984 bombing of the embassy killed 11 people.", "historical"),
    ("The initial raid on the border towns killed about 1,200 people.", "historical"),
    ("The war began when rebels stormed the capital, killing 300 people.", "historical"),
    ("An attempt to kill the minister was foiled.", "hypothetical"),
    # a killing demanded is no death
    ("The group called for the killing of five officials.", "hypothetical"),
    ("He was expelled for calling for the assassination of the general.", "hypothetical"),
    # dated by "N units ago" more than a season back: background
    ("Luis Carlos Galan was killed eight months ago.", "historical"),
    ("Two guards were murdered a year ago in Lima.", "historical"),
    # an anniversary looks back
    (
        "Crowds marked the first anniversary of the massacre in which 400 people were killed.",
        "historical",
    ),
]


@pytest.mark.slow
def test_a_plural_victim_noun_that_guessed_case_capitalised_is_no_named_victim(nlp: Any) -> None:
    claims = _run(
        nlp,
        "RESCUERS TRIED TO REACH DOZENS OF WOMEN, CHILDREN, AND ELDERLY WHO HAVE BEEN GRAVELY "
        "WOUNDED BY THE BOMBING.",
    )
    assert not [c for c in claims if c.count == 1]


@pytest.mark.slow
def test_a_few_days_ago_is_news_not_history(nlp: Any) -> None:
    claims = _run(nlp, "Two soldiers were killed two days ago in the village.")
    assert [(c.count, c.flags) for c in claims] == [(2, ())]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Fourteen dead and wounded were taken to the hospital.",
        "The blast left about 60 injuries and deaths, the agency said.",
        "Dozens were killed or injured in the stampede.",
    ],
)
def test_dead_and_wounded_together_is_each_kind_combined(nlp: Any, text: str) -> None:
    claims = _run(nlp, text)
    assert sorted(c.kind for c in claims) == ["injured", "killed"]
    assert all("combined" in c.flags for c in claims)
    assert len({(c.count, c.low, c.high) for c in claims}) == 1


@pytest.mark.slow
def test_victims_joined_by_and_are_one_group(nlp: Any) -> None:
    claims = _run(
        nlp, "Crowds gathered at the funerals of 9 farmers and shepherds killed by a drone."
    )
    assert [(c.kind, c.count, c.victims) for c in claims] == [
        ("killed", 9, "farmers and shepherds")
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("The air strike killed two Hamas leaders, the army said.", "Hamas leaders"),
        ("The ministry said eight RSF fighters were killed in the raid.", "RSF fighters"),
        ("The shelling killed 40 Palestinian civilians.", "Palestinian civilians"),
    ],
)
def test_who_the_victims_are_stays_with_them(nlp: Any, text: str, victims: str) -> None:
    # the words before the victims' noun say who they are: a reader counts "Hamas leaders"
    assert [c.victims for c in _run(nlp, text)] == [victims]


@pytest.mark.slow
def test_toll_that_tops_a_figure_far_from_it(nlp: Any) -> None:
    from sitrep.extract.casualties.parts import more_casualties
    from sitrep.nlp import parse

    text = "The death toll from Monday's shelling of the market town has surpassed 40."
    art = Article(id="t", text=text, outlet="Test Wire", published=PUB)
    claims = more_casualties(parse(text, nlp=nlp), _run(nlp, text), article=art)
    assert ("killed", 40) in {(c.kind, c.count) for c in claims}


@pytest.mark.slow
def test_clock_time_beside_gmt_is_no_year(nlp: Any) -> None:
    text = "THE MAYOR WAS SHOT DEAD AT APPROXIMATELY 1430 (1930 GMT) TODAY IN THE MARKET."
    claims = _run(nlp, text)
    assert claims and not set(claims[0].flags) & BLOCKING_FLAGS


@pytest.mark.slow
def test_day_and_month_long_before_publication_is_background(nlp: Any) -> None:
    pub = dt.date(1992, 9, 20)
    old = "Talks broke down after gunmen shot dead 6 villagers on 3 March."
    assert "historical" in _run(nlp, old, published=pub)[0].flags
    season = "The truce collapsed in April, when a mortar attack killed 9 refugees."
    assert "historical" in _run(nlp, season, published=pub)[0].flags
    recent = "Gunmen shot dead 6 villagers on 14 September, the army said."
    assert _counted(_run(nlp, recent, published=pub)) == {("killed", 6, 6, 6)}
    new_year = "A car bomb killed 4 passers-by on 28 December."
    assert _counted(_run(nlp, new_year, published=dt.date(1993, 1, 5))) == {("killed", 4, 4, 4)}


@pytest.mark.slow
@pytest.mark.parametrize(("text", "flag"), FLAGGED)
def test_flags(nlp: Any, text: str, flag: str) -> None:
    claims = _run(nlp, text)
    assert claims, "a flagged claim is kept for the record"
    assert all(flag in c.flags for c in claims)
    assert _counted(claims) == set()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source", "stance"),
    [
        (
            "According to the regional governor, 6 people died in the fire.",
            "regional governor",
            "reports",
        ),
        ("Officials say 22 people were killed.", "Officials", "reports"),
        ("The rebels claimed that 40 government soldiers had been killed.", "rebels", "claims"),
        ("The ministry confirmed that 3 soldiers were missing.", "ministry", "confirms"),
        ("The army denied that 15 recruits were killed in the raid.", "army", "denies"),
        ("Twelve people were killed in the strike.", "Test Wire", "reports"),
        ("Nine people died in the blast. Police said.", "Police", "reports"),
    ],
)
def test_source_and_stance(nlp: Any, text: str, source: str, stance: str) -> None:
    claims = _run(nlp, text)
    assert claims
    assert claims[0].source == source
    assert claims[0].stance == stance


@pytest.mark.slow
def test_details(nlp: Any) -> None:
    text = "Russian shelling killed 9 Ukrainian soldiers near the river, the general staff said."
    (c,) = _run(nlp, text)
    assert (c.cause, c.perpetrator, c.victims, c.side) == (
        "Russian shelling",
        "Russia",
        "Ukrainian soldiers",  # a nationality stays with the victims; the side names it too
        "Ukrainian",
    )
    (d,) = _run(nlp, "Seven people were killed by a drone strike on the station.")
    assert d.cause == "drone strike" and d.perpetrator is None
    (e,) = _run(nlp, "Four people were killed in a blast.")
    assert e.perpetrator is None and e.count == 4


@pytest.mark.slow
def test_who_died_is_not_who_killed(nlp: Any) -> None:
    (c,) = _run(nlp, "More than 270 villagers died in the raid, officials said.")
    assert c.perpetrator is None and c.cause == "raid"
    (d,) = _run(nlp, "Police officer John Smith died of his wounds on Sunday.")
    assert d.perpetrator is None
    (e,) = _run(nlp, "Russian forces killed 12 civilians in the village.")
    assert e.perpetrator == "Russian forces"
    (f,) = _run(nlp, "The camp shelters 350 families displaced by the ongoing conflict.")
    assert f.perpetrator is None
    (g,) = _run(nlp, "A missile hit the block on Friday, killing 21 people, authorities said.")
    assert g.perpetrator != "authorities"


@pytest.mark.slow
def test_scope_and_updates(nlp: Any) -> None:
    (c,) = _run(nlp, "The death toll rose to 23 from 17, officials said.")
    assert c.scope == "cumulative" and c.updates is not None and "17" in c.updates
    (d,) = _run(nlp, "Since February, 410 civilians have been killed in the region.")
    assert d.scope == "cumulative" and d.as_of == PUB
    (e,) = _run(nlp, "Three people were killed in the strike on Monday.")
    assert e.scope == "incident"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The war has killed 70,000 people in a decade.",
        "Militants have killed 300 people during the offensive.",
        "About 3,000 people die on the roads every year.",
        "In only 3 months, 137 bodies were found.",
        "During 1990, 700 people died in political violence.",
        "The bishop handed over a list of 64 villagers killed by the militia.",
    ],
)
def test_tallies_are_cumulative(nlp: Any, text: str) -> None:
    claims = _run(nlp, text, published=dt.date(1991, 3, 1))
    assert claims and all(c.scope == "cumulative" for c in claims)


@pytest.mark.slow
def test_named_victims_and_others(nlp: Any) -> None:
    text = "GUERRILLAS KILLED MAYOR ESTEBAN QUIROGA AND TEACHER ROSA APAZA IN THE SQUARE."
    claims = _run(nlp, text)
    assert sorted((c.count, c.victims) for c in claims) == [
        (1, "mayor esteban quiroga"),
        (1, "teacher rosa apaza"),
    ]
    (k, w) = _run(nlp, "Three soldiers were killed and seven others were wounded.")
    assert (k.victims, w.victims) == ("soldiers", "soldiers")
    # others beside one victim are other people, not more of that victim
    one, others = _run(nlp, "She and eight others were killed in the attack.")
    assert (one.count, others.count) == (1, 8)
    assert others.victims != "She"


@pytest.mark.slow
def test_repeated_figure_is_a_claim_per_sentence(nlp: Any) -> None:
    text = (
        "Shelling killed 40 civilians, according to the city council\n\n"
        "The town was hit again overnight. Shelling killed 40 civilians, according to the city council."
    )
    first, second = _run(nlp, text)
    assert first.evidence.start < second.evidence.start
    assert (first.count, second.count) == (40, 40)
    assert [m.start for m in first.mentions] == [first.evidence.start, second.evidence.start]
    assert [m.start for m in second.mentions] == [second.evidence.start, first.evidence.start]


@pytest.mark.slow
def test_repeat_in_one_sentence_is_one_claim(nlp: Any) -> None:
    (c,) = _run(nlp, "Shelling killed 40 civilians and, the council said, killed 40 civilians.")
    assert c.count == 40


@pytest.mark.slow
def test_place_and_time_linking(nlp: Any) -> None:
    text = "Troops entered Avdiivka on Monday. Officials said 8 people were killed in the city in the past 24 hours, and two more on Tuesday morning."
    a = text.index("Avdiivka")
    s24 = text.index("the past 24 hours")
    tue = text.index("Tuesday morning")
    places = [
        Place(
            text="Avdiivka",
            start=a,
            end=a + 8,
            name="Avdiivka",
            country="UA",
            lat=48.14,
            lon=37.74,
            precision="city",
            resolved=True,
        )
    ]
    times = [
        TimeRef(
            text="the past 24 hours",
            start=s24,
            end=s24 + 17,
            value="2023-06-13/2023-06-14",
            type="INTERVAL",
            begin=dt.date(2023, 6, 13),
            end_date=dt.date(2023, 6, 14),
        ),
        TimeRef(text="Tuesday morning", start=tue, end=tue + 15, value="2023-06-13"),
    ]
    claims = _run(nlp, text, places=places, times=times)
    assert [(c.count, c.period, c.date) for c in claims] == [
        (8, "2023-06-13/2023-06-14", None),
        (2, None, dt.date(2023, 6, 13)),
    ]
    assert all(c.place is not None and c.place.name == "Avdiivka" for c in claims)
    assert all(c.source == "Officials" for c in claims)


@pytest.mark.slow
def test_single_victims_joined_by_and_are_also_a_total(nlp: Any) -> None:
    claims = _run(nlp, "A retired teacher and her son were killed when a drone hit the house.")
    assert sorted((c.count, c.victims) for c in claims) == [
        (1, "her son"),
        (1, "retired teacher"),
        (2, None),
    ]
    assert [c.flags for c in claims if c.count == 2] == [("sum",)]
    named = _run(nlp, "Gunmen killed Ana Ruiz and Pedro Soto outside the court.")
    assert sorted(c.count for c in named) == [1, 1]  # named victims are counted one by one


@pytest.mark.slow
def test_a_plan_named_as_the_occasion_happened(nlp: Any) -> None:
    text = "During the assassination attempt 7 people were killed, the police said."
    assert ("killed", 7, 7, 7) in _counted(_run(nlp, text))
