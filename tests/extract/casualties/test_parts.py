"""Tests for sitrep.extract.casualties.parts: sub-counts linked to their total, far-off tolls."""

from __future__ import annotations

import pytest

import sitrep

pytestmark = pytest.mark.slow


def _claims(text: str) -> set[tuple[str, int | None, str | None, bool]]:
    record = sitrep.extract(text, published="2022-07-15")
    return {(c.kind, c.count, c.victims, "part" in c.flags) for c in record.casualties}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Currently, 21 people, including three children, have died in a rocket attack.",
            ("killed", 3, "children", True),
        ),
        (
            "23 people were killed (three of them were minors); 66 people were hospitalized.",
            ("killed", 3, "children", True),
        ),
        (
            "One soldier was killed and six more persons were injured, including three newsmen.",
            ("injured", 3, "newsmen", True),
        ),
        (
            "In Uman 20 people were killed, another 18 were wounded, 9 of them are in hospital.",
            ("injured", 9, "people", True),
        ),
        (
            "The minister said 21 people were killed and at least 91 wounded, 50 of them seriously.",
            ("injured", 50, "people", True),
        ),
        (
            "Three children were among the dead, the governor wrote.",
            ("killed", 3, "children", False),
        ),
        (
            "The strike killed 12 women and seven children in the market.",
            ("killed", 12, "women", False),
        ),
        (
            "The shelling killed 15 villagers, including four girls and six boys.",
            ("killed", 6, "children", True),
        ),
        (
            "A drone hit the bus and 9 passengers, three of them female and six male, died.",
            ("killed", 6, "male", True),
        ),
        (
            "Ten people were killed in the raid. The victims were farmers, including two women "
            "and three teenagers.",
            ("killed", 3, "teenagers", True),
        ),
        (
            "Two people were killed in the strike. One of them was a doctor, the mayor said.",
            ("killed", 1, "doctors", True),
        ),
        (
            "More than 20 people were injured, and 11 have died. Among them is a very small child.",
            ("killed", 1, "children", True),
        ),
        (
            "A strike killed 51 people in the village. The youngest victim was a 6-year-old boy.",
            ("killed", 1, "children", True),
        ),
    ],
)
def test_sub_counts(text: str, expected: tuple[str, int, str, bool]) -> None:
    assert expected in _claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "The death toll in the town of about 3,500 residents rose to 25 after more bodies were found.",
        "The number of people killed in the missile strike on the city has increased to 25.",
        "Death toll in Russian strikes on Ukrainian city reaches 25",
        "Kyiv toll rises to 25 after a wave of Russian strikes",
    ],
)
def test_tolls_far_from_their_number(text: str) -> None:
    assert ("killed", 25) in {(k, n) for k, n, _, _ in _claims(text)}


@pytest.mark.parametrize(
    "text",
    [
        "A town mourns 7 teenagers lost to a drone strike",
        "Seven soldiers were lost in the shelling of the bridge.",
    ],
)
def test_people_lost_to_a_cause_of_death_are_killed(text: str) -> None:
    assert ("killed", 7) in {(k, n) for k, n, _, _ in _claims(text)}


def test_an_age_of_the_youngest_victim_is_no_figure() -> None:
    assert _claims("A strike killed 51 people. The youngest victim was 6 years old.") == {
        ("killed", 51, "people", False)
    }


def test_others_who_sustained_injuries_are_injured() -> None:
    claims = _claims(
        "A child was wounded, together with at least six others who sustained injuries."
    )
    assert ("injured", 6, "people", False) in claims


def test_lost_without_a_cause_of_death_is_no_figure() -> None:
    assert not _claims("The club lost 7 players to injury over the winter.")


def test_a_far_toll_since_a_date_is_a_running_total_one_attack_s_is_not() -> None:
    from sitrep.reconcile.groups import extent

    def scopes(text: str) -> set[tuple[int | None, str]]:
        # the extent a tally gives the figure: a toll that rose is "cumulative" as found, the
        # toll of one attack whatever it rose to
        found = sitrep.extract(text, published="2024-08-10").casualties
        return {(c.count, extent(c.scope, c.period, c.evidence.text)) for c in found}

    since = "Since the war began in October, the death toll in the territory has risen to 39,699."
    assert scopes(since) & {(39699, "cumulative"), (39699, "war-wide")}  # a running total
    one = "The death toll from the missile strike on the market on Tuesday has risen to 35."
    assert (35, "incident") in scopes(one)
    framed = "The death toll from the strike, the deadliest since the war began, has risen to 35."
    assert {c.count for c in sitrep.extract(framed, published="2024-08-10").casualties} == {35}


def test_a_sub_count_is_never_larger_than_its_total_nor_an_age() -> None:
    found = _claims("A 3-year-old girl was among 2 people killed, including 40 children.")
    assert all(n != 3 for _, n, _, _ in found)
    assert all(n != 40 for _, n, _, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said the death toll in the city has reached 45.", ("killed", 45)),
        ("The death toll in Russian strikes on the city has mounted to 23.", ("killed", 23)),
        ("The death toll from the attack has been raised from 260 to 350.", ("killed", 260)),
        ("The death toll from the attack has been raised from 260 to 350.", ("killed", 350)),
        ("90 people sought help from medical institutions.", ("injured", 90)),
        ("Five people remain in critical condition.", ("injured", 5)),
        ("Of the injured, 34 are in serious condition, officials said.", ("injured", 34)),
        ("The offensive forced 400,000 people to flee, the UN said.", ("displaced", 400000)),
    ],
)
def test_figures_stated_by_toll_condition_or_flight(text: str, expected: tuple[str, int]) -> None:
    assert expected in {(k, n) for k, n, _, _ in _claims(text)}


def test_one_victim_without_a_number_is_a_sub_count() -> None:
    found = _claims("A missile hit a building in Uman, killing seven people, including a child.")
    assert ("killed", 1, "children", True) in found


def test_time_to_flee_is_no_displacement() -> None:
    assert not _claims("The army gave residents 3 hours to flee the town.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("280 people have already been buried in mass graves in the town.", ("killed", 280)),
        ("At least 39 people remain unaccounted for.", ("missing", 39)),
        ("Five of the dead were recovered from one of the railway cars.", ("killed", 5)),
        ("Another 35 people are in moderate condition.", ("injured", 35)),
        ("The governor said two 10-year-old children were among those killed.", ("killed", 2)),
        ("Officials said a 10-year-old child was among those killed in the attack.", ("killed", 1)),
        ("Medics said four women were among 30 killed in the raid.", ("killed", 4)),
        ("A farmer who lost three relatives in the raid spoke to us.", ("killed", 3)),
        ("The dead included a teenager from the next village.", ("killed", 1)),
        ("Volunteers spent the day burying 40 people near the road.", ("killed", 40)),
        ("Some 60 people, mostly men, were buried in one grave.", ("killed", 60)),
        ("A nurse said she found a teenager among the dead in the yard.", ("killed", 1)),
    ],
)
def test_burials_missing_and_shares_of_the_dead(text: str, expected: tuple[str, int]) -> None:
    assert expected in {(k, n) for k, n, _, _ in _claims(text)}


def test_a_loss_that_is_not_kin_is_no_figure() -> None:
    assert not _claims("The club lost three matches and two players in March.")


def test_a_part_after_including_takes_the_kind_of_the_total_before_it() -> None:
    found = _claims(
        "The shelling left 12 dead, including four women, and 30 wounded, including six men."
    )
    assert ("killed", 4, "women", True) in found
    assert ("injured", 6, "men", True) in found
    assert ("injured", 4, "women", True) not in found


def test_one_victim_alone_in_its_sentence_takes_the_article_place() -> None:
    text = (
        "A drone struck a school in Kupiansk on Monday, killing four people.\n\n"
        "Rescuers said a small boy was among the dead."
    )
    rec = sitrep.extract(text, published="2024-03-04")
    boy = next(c for c in rec.casualties if c.count == 1)
    assert boy.place is not None and boy.place.name == "Kupyansk"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nine residents are currently missing, the mayor said.",
            ("missing", 9, "residents", False),
        ),
        (
            "Six villagers are considered missing after the raid.",
            ("missing", 6, "villagers", False),
        ),
        (
            "Three more people may be under the debris, rescuers said.",
            ("missing", 3, "people", False),
        ),
    ],
)
def test_missing_told_by_a_state(text: str, expected: tuple[str, int, str, bool]) -> None:
    assert expected in _claims(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Among the wounded were 5 pupils, the regional governor said.",
            ("injured", 5, "pupils", True),
        ),
        (
            "The number of dead includes two teenagers, officials said.",
            ("killed", 2, "teenagers", True),
        ),
        ("Among the dead is a boy, the governor said.", ("killed", 1, "children", True)),
        (
            "A nurse is among at least 9 people killed in the shelling.",
            ("killed", 1, "nurses", True),
        ),
        (
            "Medics among at least 11 victims of missile strike on port",
            ("killed", 11, "people", False),
        ),
    ],
)
def test_group_named_around_the_number(text: str, expected: tuple[str, int, str, bool]) -> None:
    assert expected in _claims(text)


def test_among_them_points_to_the_sentence_before() -> None:
    found = _claims(
        "Police identified the bodies of 11 victims. Among them are 7 workers of the depot and "
        "four passengers."
    )
    assert {("killed", 11, "victims", False), ("killed", 7, "workers", True)} <= found
    assert ("killed", 4, "passengers", True) in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials said a further 29 people, including five children, were taken to hospital.",
            {("injured", 29, "people", False), ("injured", 5, "children", True)},
        ),
        (
            "Another 12 residents with shrapnel wounds were brought to a clinic, police said.",
            {("injured", 12, "residents", False)},
        ),
        (
            "There are 23 people in city hospitals after the strike.",
            {("injured", 23, "people", True)},
        ),
    ],
)
def test_injured_told_by_the_hospital(text: str, expected: set[tuple[str, int, str, bool]]) -> None:
    assert expected <= _claims(text)


def test_a_patient_killed_in_hospital_is_not_injured() -> None:
    assert ("injured", 3) not in {
        (k, n)
        for k, n, _, _ in _claims(
            "Shelling hit the ward and 3 patients in the hospital were killed."
        )
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Of these, 12 people died in the school, five — at the bus stop.",
            ("killed", 5, "people", True),
        ),
        (
            "30 people were wounded, 28 of them — in the market, two — at the station.",
            ("injured", 28, "people", True),
        ),
    ],
)
def test_parts_with_the_verb_left_out(text: str, expected: tuple[str, int, str, bool]) -> None:
    assert expected in _claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "The number of soldiers who died in the ambush near the river grew to 25, the army said.",
        "Number of those killed in the blast at the depot rose to 25",
    ],
)
def test_number_of_those_who_died(text: str) -> None:
    found = _claims(text)
    assert ("killed", 25) in {(k, n) for k, n, _, _ in found}
    assert all(v != "number" for _, _, v, _ in found)


def test_one_victim_each_in_a_list() -> None:
    found = _claims(
        "At least 9 people died, including one nurse and one police officer, on Monday."
    )
    assert {("killed", 1, "nurses", True)} <= found


def test_a_toll_in_a_town_of_many_residents() -> None:
    found = _claims(
        "The death toll in the town of about 8,000 residents rose from an initially reported 14 after two more bodies were found."
    )
    counts = {(k, n) for k, n, _, _ in found}
    assert ("killed", 14) in counts
    assert ("killed", 8000) not in counts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Army says it wiped out 45 enemy fighters near the bridge",
            ("killed", 45, "enemy fighters", False),
        ),
        (
            "The ministry said 70 mercenaries were destroyed in the raid.",
            ("killed", 70, "mercenaries", False),
        ),
        (
            "Another 15 people were taken to the border as hostages.",
            ("captured", 15, "people", False),
        ),
        ("Dead: at least 31 people, the list is being updated.", ("killed", 31, "people", False)),
        (
            "Rescuers found the body of the 27th person killed in the blast.",
            ("killed", 27, "people", False),
        ),
    ],
)
def test_figures_told_without_a_cue_word(text: str, expected: tuple[str, int, str, bool]) -> None:
    assert expected in _claims(text)


def test_destroyed_things_are_no_figure() -> None:
    assert _claims("The army said it destroyed 12 tanks and 3 lorries near the bridge.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eight people received injuries of varying severity.", ("injured", 8, "people", False)),
        ("Four residents sustained shrapnel wounds overnight.", ("injured", 4, "residents", False)),
        (
            "Thirteen people received medical assistance at the scene.",
            ("injured", 13, "people", False),
        ),
        ("Six villagers lost their lives in the shelling.", ("killed", 6, "villagers", False)),
        ("Two people also lost their lives in Samar.", ("killed", 2, "people", False)),
        ("We took 76 to the hospital.", ("injured", 76, "people", False)),
        ("Two others are in a severe state.", ("injured", 2, "people", True)),
        ("Three of the children are in serious condition.", ("injured", 3, "children", True)),
        ("Rescuers rushed 12 villagers to a nearby hospital.", ("injured", 12, "villagers", False)),
        ("Three soldiers lost their life in the clash.", ("killed", 3, "soldiers", False)),
        (  # an aside on who they were between the figure and the phrase
            "At least 26 people, including 16 police officers, lost their lives in the blast.",
            ("killed", 26, "people", False),
        ),
        ("The fate of five people remains unknown.", ("missing", 5, "people", False)),
        ("Two people are trapped under the rubble of the school.", ("missing", 2, "people", False)),
        ("Killed: 3, injured: 17.", ("injured", 17, "people", False)),
    ],
)
def test_more_figures_told_by_a_state(text: str, expected: tuple[str, int, str, bool]) -> None:
    assert expected in _claims(text)


def test_life_savings_lost_are_no_figure() -> None:
    assert _claims("Two families lost their life savings in the fire.") == set()


def test_things_in_a_severe_state_are_no_figure() -> None:
    assert _claims("Four of the houses are in a severe state.") == set()


def test_medical_staff_sent_to_a_hospital_are_no_figure() -> None:
    assert _claims("The ministry sent 3 doctors to the hospital.") == set()


def test_injured_players_are_no_figure() -> None:
    assert _claims("Two players suffered injuries in the cup match on Saturday.") == set()


def test_treated_and_fought_for_are_injured() -> None:
    assert ("injured", 7, "people", False) in _claims("Seven people are being treated in hospital.")
    assert ("injured", 4, "people", True) in _claims(
        "Surgeons are fighting for the lives of 4 people."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Three teenagers among 11 killed in strike on port town",
            ("killed", 3, "teenagers", True),
        ),
        ("Girl among dead in drone strike on village", ("killed", 1, "Girl", True)),
        ("Divers recover body of 6th victim from the river", ("killed", 6, "people", False)),
    ],
)
def test_headlines_without_copula_or_article(
    text: str, expected: tuple[str, int, str, bool]
) -> None:
    assert expected in _claims(text)


def test_a_headline_toll_run_into_the_lede_takes_no_source_from_it() -> None:
    text = (
        "Death toll in the shelling of the northern market town rises to 31\n"
        "A rocket hit a busy market in an area of the town that was meant to be quiet\n"
        "Regional officials have announced that rescuers are still searching the ruins.\n"
    )
    record = sitrep.extract(text, published="2022-07-15")
    toll = next(c for c in record.casualties if c.count == 31)
    assert toll.source is None


def test_the_nearest_toll_names_the_kind_of_a_far_figure() -> None:
    text = (
        "Earlier, officials said the death toll from the attack on the market had risen to six "
        "and the number of injured to 40."
    )
    kinds = {(k, n) for k, n, _, _ in _claims(text)}
    assert ("injured", 40) in kinds and ("killed", 40) not in kinds
    assert ("killed", 6) in kinds


def test_the_injured_still_in_hospital_are_a_part() -> None:
    found = _claims("As of Tuesday, 20 wounded people remained in hospitals after the strike.")
    assert ("injured", 20, "wounded people", True) in found or any(
        k == "injured" and n == 20 and part for k, n, _, part in found
    )
    assert not any(part for _, _, _, part in _claims("38 people were injured in the strike."))


def test_people_who_needed_medical_help_are_injured() -> None:
    claims = _claims("Nine people died in the blast. Four more people needed medical help.")
    assert ("injured", 4, "people", False) in claims


def test_the_number_of_martyrs_reaching_a_figure_is_a_toll() -> None:
    text = "Doctors said the number of martyrs brought to the hospital reached 61 by noon."
    assert ("killed", 61) in {(k, n) for k, n, _, _ in _claims(text)}


def test_the_injured_who_died_are_no_part_of_the_injured() -> None:
    claims = _claims("Ten people were injured and two of the injured later died.")
    assert ("injured", 10, "people", False) in claims
    assert not any(kind == "injured" and count == 2 for kind, count, *_ in claims)


def test_one_victim_included_belongs_to_the_figure_stated_just_before_it() -> None:
    found = _claims(
        "The list names 57 people who were killed and 18 who are missing, including a nurse."
    )
    assert ("missing", 1, "nurses", True) in found
    assert not [c for c in found if c[0] == "killed" and c[1] == 1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Shelling killed 27 people in the town. Of these, six are children.",
            ("killed", 6, "children", True),
        ),
        (
            "A missile killed 41 people at the market. Nine of them are children, the mayor said.",
            ("killed", 9, "children", True),
        ),
        (
            "72 people were taken to hospital: 11 children, 30 women and 31 men.",
            ("injured", 11, "children", True),
        ),
        (
            "Of the 72 wounded who were taken to hospital, 11 are children.",
            ("injured", 11, "children", True),
        ),
    ],
)
def test_sub_counts_that_open_the_next_sentence_or_follow_a_colon(
    text: str, expected: tuple[str, int, str, bool]
) -> None:
    assert expected in _claims(text)


def test_a_share_with_no_figure_before_it_is_no_claim() -> None:
    assert _claims("Nine of them are children, the mayor said.") == set()


def test_a_share_in_a_sentence_of_its_own_keeps_that_sentences_source() -> None:
    text = (
        "Rockets killed 35 people at the station, a rescue worker said. Four of them are "
        "children, Artyom Dehtyarenko of the security service said."
    )
    record = sitrep.extract(text, published="2022-04-08")
    part = next(c for c in record.casualties if c.count == 4)
    assert part.source is not None and "Dehtyarenko" in part.source


@pytest.mark.parametrize(
    "text",
    ["Under the rubble, 9 more body fragments were found.", "They found 12 body pieces."],
)
def test_a_cue_noun_that_names_a_thing_is_no_count(text: str) -> None:
    assert _claims(text) == set()


def test_bodies_are_still_the_dead() -> None:
    assert ("killed", 9, "people", False) in _claims("Rescuers found 9 more bodies.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rescue work goes on; one person is still considered missing.", ("missing", 1)),
        ("The mayor said 12 people might still be trapped under the rubble.", ("missing", 12)),
        ("The fate of another 14 residents of the block is unknown.", ("missing", 14)),
        ("An earlier toll from rescuers had stood at 19.", ("killed", 19)),
    ],
)
def test_the_missing_and_tolls_with_words_between(text: str, expected: tuple[str, int]) -> None:
    assert expected in {(k, n) for k, n, _, _ in _claims(text)}


def test_a_share_among_the_dead_may_say_where_it_comes_from() -> None:
    text = "Rescuers said nine children from one family were among those killed in the town."
    assert ("killed", 9, "children", True) in _claims(text)


def test_a_toll_given_by_a_pronoun_in_the_next_sentence() -> None:
    text = "The death toll from the strike on Darvo has increased. As of now, it stands at 20."
    assert ("killed", 20, "people", False) in _claims(text)
    text = "The number of injured in Darvo has grown. It has reached 159."
    assert ("injured", 159, "people", False) in _claims(text)
    # a pronoun with a figure of something else is no toll
    text = "The death toll was not given. It was 20 years ago that the town was hit."
    assert not any(c[1] == 20 for c in _claims(text))


def test_a_cue_word_in_the_victims_adds_no_figure_of_its_own() -> None:
    got = _claims("The strike killed 12 displaced people in Darvo.")
    assert {c[0] for c in got if c[1] == 12} == {"killed"}


def test_medical_care_given_to_people_counts_them_injured() -> None:
    got = _claims("Medical care has already been provided to 18 children in Darvo, the mayor said.")
    assert ("injured", 18, "children", False) in got
    assert ("injured", 40, "people", False) in _claims("Doctors treated 40 people for burns.")
    # aid that is not medical counts no one
    assert not _claims("Humanitarian assistance was provided to 3,000 people in the region.")


def test_people_lost_are_dead_and_people_believed_trapped_missing() -> None:
    assert ("killed", 18, "residents", False) in _claims(
        "Today, Darvo mourns, having lost 18 residents to the enemy attack."
    )
    assert ("killed", 86, "people", False) in _claims("The village says we have lost 86 persons.")
    assert not any(c[1] == 40 for c in _claims("The company lost 40 homes in the fire."))
    got = _claims("Officials said five people are believed to still be trapped under the rubble.")
    assert ("missing", 5, "people", False) in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials said 82 others were injured, including 38 emergency workers and two kids.",
            ("injured", 38, "emergency workers", True),
        ),
        (
            "Zelensky said nine people died. He said among the wounded there are two children.",
            ("injured", 2, "children", True),
        ),
        (
            "The number of people reported to have been injured has risen to 31, of them 19 are "
            "police officers.",
            ("injured", 19, "police officers", True),
        ),
        (
            "5 people, including 4 international World Central Kitchen aid workers, were killed.",
            ("killed", 4, "aid workers", True),
        ),
        (
            "Seven aid workers died. Those killed include three British nationals and a driver.",
            ("killed", 3, "British nationals", True),
        ),
    ],
)
def test_sub_counts_keep_their_names_and_their_groups(
    text: str, expected: tuple[str, int, str, bool]
) -> None:
    assert expected in _claims(text)


def test_a_long_victim_name_never_reaches_over_another_phrase() -> None:
    found = _claims("Twelve people were killed, including 4 in the city of Kharkiv and 3 children.")
    assert ("killed", 4, "children", True) not in found


def test_the_items_of_a_list_of_parts_are_parts_each() -> None:
    text = (
        "Volunteers recovered 140 bodies. Among the victims were 61 men, 29 women, and 30 "
        "children, as well as 20 people who could not be identified."
    )
    got = _claims(text)
    for count, victims in ((61, "men"), (29, "women"), (30, "children"), (20, "people")):
        assert ("killed", count, victims, True) in got


def test_two_equal_parts_of_one_total_are_two_claims() -> None:
    got = _claims("Six people were killed, including three children and three women.")
    assert {("killed", 3, "children", True), ("killed", 3, "women", True)} <= got


def test_the_deceased_name_a_group_of_the_dead() -> None:
    got = _claims(
        "Gunmen killed 19 hikers. Among the deceased were three foreigners and two locals."
    )
    assert {("killed", 3, "foreigners", True), ("killed", 2, "locals", True)} <= got


@pytest.mark.parametrize(
    "text",
    [
        "A missile hit the barracks, killing 30. Up to 11 people may be buried under the rubble.",
        "A missile hit the barracks, killing 30. Four more people may remain trapped as of noon.",
    ],
)
def test_people_buried_or_trapped_under_rubble_are_missing(text: str) -> None:
    assert any(kind == "missing" for kind, *_ in _claims(text))


@pytest.mark.parametrize(
    "text",
    [
        "Shelling killed 8 people. Three children are still undergoing treatment in hospital.",
        "Shelling killed 8 people. Three other children were transferred to medical facilities.",
    ],
)
def test_people_in_treatment_or_taken_to_medical_facilities_are_injured(text: str) -> None:
    assert any(kind == "injured" and n == 3 for kind, n, _, _ in _claims(text))


def test_a_modifier_before_the_victims_still_under_the_rubble_is_missing() -> None:
    got = _claims("A bomb killed 6. Rescuers seek two border guards still under the rubble.")
    assert any(kind == "missing" and n == 2 for kind, n, _, _ in got)


def test_a_part_after_a_counted_group_named_before_it() -> None:
    claims = _claims("Among the 64 wounded were 14 children, according to police.")
    assert ("injured", 64, "people", False) in claims
    assert any(k == "injured" and n == 14 and v == "children" for k, n, v, _ in claims)


def test_both_counts_of_a_pair_in_a_hospital_state_are_injured() -> None:
    claims = _claims("After the strike, 12 adults and two children are in intensive care.")
    assert {(k, n, v) for k, n, v, _ in claims} >= {
        ("injured", 12, "adults"),
        ("injured", 2, "children"),
    }
