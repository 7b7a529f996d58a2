"""Figures tied to their casualty cue (sentences written for these tests)."""

from __future__ import annotations

import pytest

from sitrep import nlp
from sitrep.extract.casualties import finding

F = tuple[str, str]  # (kind, figure as written)


def _found(text: str) -> set[F]:
    doc = nlp.parse(text)
    return {(f.kind, f.q.text.strip()) for s in doc.sents for f in finding.find(doc, s)}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a plural name the tagger read as a modifier is still the victims' head
        ("Hundreds of Kurds killed in a night raid on the valley", {("killed", "Hundreds of")}),
        # prisoners and hostages are victims when a verb of killing governs them
        (
            "The shelling reportedly killed dozens of enemy prisoners of war.",
            {("killed", "dozens of")},
        ),
        ("The missile killed at least 40 POWs held in the camp.", {("killed", "at least 40")}),
        ("Four prisoners were freed and 3 hostages were killed.", {("killed", "3")}),
        # "a third of the N": an ordinal fraction is no part-of-a-group count
        ("Half the wounded were among a third of the 900 people killed.", {("killed", "900")}),
        # hedged and passive-with-adverb figures
        ("Some 80 people possibly died in the blast.", {("killed", "Some 80")}),
        ("Two people are known to have been killed.", {("killed", "Two")}),
        ("The strike killed closer to 70 people.", {("killed", "closer to 70")}),
        ("The blast left 12 martyrs, a spokesman said.", {("killed", "12")}),
        ("About 30 people were taken captive by the gunmen.", {("captured", "About 30")}),
        (
            "A rocket kills 5, wounds more than 20 in a port town",
            {("killed", "5"), ("injured", "more than 20")},
        ),
        # a hedge the parse hangs on the verb before it; injuries "to" the victims
        ("The strike kills over 70 as officials are targeted", {("killed", "over 70")}),
        ("The blast caused injuries to 289 others.", {("injured", "289")}),
        # how the counted reached the hospital stands between the number and its cue
        (
            "The hospital received dozens, with 28 already dead and 180 arriving injured.",
            {("killed", "28"), ("injured", "180")},
        ),
        # a passive cue inside the tally's subject: the figure is the tally's new value
        (
            "The number of people reported to have been injured has risen to 31.",
            {("injured", "31")},
        ),
        # a tally's verb of change reaches its figure however many words lie between
        ("The death toll of the shelling on Aug. 5 has risen to 44.", {("killed", "44")}),
        (
            "The number of people killed in the raid on the market has risen to 61.",
            {("killed", "61")},
        ),
        # modifiers joined by "and" before the victims
        (
            "The raid killed 37 French and German military advisers gathered at a hotel.",
            {("killed", "37")},
        ),
    ],
)
def test_find(text: str, want: set[F]) -> None:
    assert want <= _found(text)


def test_prisoners_alone_are_captured() -> None:
    assert ("captured", "12") in _found("The army said 12 prisoners were taken near the river.")


def test_aside_between_count_and_cue() -> None:
    assert ("killed", "30") in _found(
        "Some say 30 people, including nine children, have died there."
    )


def test_single_victims_of_different_cues_stay_apart() -> None:
    doc = nlp.parse("A guard was killed and a driver was wounded at the gate.")
    found = [f for s in doc.sents for f in finding.find(doc, s)]
    assert sorted((f.kind, f.q.count) for f in found) == [("injured", 1), ("killed", 1)]


def test_a_participle_after_the_victims_describes_them() -> None:
    found = _found("Gunmen killed 12 villagers wounded in an earlier raid.")
    assert found == {("killed", "12")}


def test_prisoners_of_war_is_one_victim_name() -> None:
    doc = nlp.parse("Shelling killed 14 enemy prisoners of war at the camp.")
    (f,) = [f for s in doc.sents for f in finding.find(doc, s)]
    assert f.victim is not None and doc[f.victim[0] : f.victim[1]].text.endswith("prisoners of war")


def test_both_counts_two_victims() -> None:
    assert _found("Both young men were killed when the car was hit.") == {("killed", "young men")}
    assert not _found("Both teams were beaten in the final.")


def test_things_are_not_tied_to_a_cue_by_the_parse() -> None:
    found = _found("We killed one and wounded four, and seized a rifle and three backpacks.")
    assert all(text != "three" for _, text in found)


def test_hostages_are_captured_and_a_toll_may_range() -> None:
    assert _found("Dozens were taken hostage after the gunmen stormed the town.") == {
        ("captured", "Dozens")
    }
    assert _found("The death toll varies between 40 and several hundred.") == {
        ("killed", "between 40 and several hundred")
    }


def test_struck_dead_is_a_killing() -> None:
    assert _found("A boy was struck dead in his home by the blast.") == {("killed", "boy")}


def test_one_person_named_by_an_unlisted_noun() -> None:
    # a determined singular noun for a person counts one; "a number of" is an amount, not one
    assert _found("A vendor was wounded by the blast near the market.") == {("injured", "vendor")}
    assert _found("An unknown number of rebels were also wounded.") == set()
    assert _found("The treaty was killed by the senate.") == set()


def test_a_place_the_parser_made_a_subject_is_no_named_victim() -> None:
    # a dateline parsed as a second passive subject: the place is where, never whom
    text = "KYIV, Ukraine (AP) — More than 20 people have been killed in a missile strike."
    assert _found(text) == {("killed", "More than 20")}


def test_victims_who_bear_injuries() -> None:
    # "suffered", "sustained", "received" and the injury their object names
    assert _found("One person suffered minor injuries in the attack.") == {("injured", "One")}
    assert _found("Two soldiers sustained serious shrapnel wounds.") == {("injured", "Two")}
    assert _found("A man suffered serious injuries in the blast.") == {("injured", "man")}
    assert _found("The president suffered a defeat in the vote.") == set()


def test_assassinated_takes_its_count_as_object() -> None:
    assert _found("Death squads assassinated 10 labor leaders.") == {("killed", "10")}


def test_one_of_a_group_a_cue_describes_counts_the_group() -> None:
    # the participle describes the six: they are the figure; "seven of the nine" stays seven
    text = "Ignacio Ellacuria, one of the six Jesuits murdered on 16 November, founded Proceso."
    assert _found(text) == {("killed", "six")}
    assert _found("Seven of the nine soldiers were killed.") == {("killed", "Seven")}


def test_some_of_the_injured_who_died_are_deaths() -> None:
    assert _found("Two of the injured later died in hospital.") == {("killed", "Two")}
    assert _found("Three of the wounded succumbed to their wounds.") == {("killed", "Three")}
    assert _found("A woman succumbed to her injuries on Sunday.") == {("killed", "woman")}
    # a share of a group that did not die stays a part counted elsewhere
    assert _found("Five of the murdered priests were Spaniards.") == set()


def test_wounded_victims_who_died_are_deaths() -> None:
    # an injury word that describes the victims is no cue when a death cue follows them
    assert _found("Later, 11 critically injured victims succumbed to wounds.") == {("killed", "11")}
    assert _found("Two wounded soldiers died in hospital on Monday.") == {("killed", "Two")}
    assert _found("Two wounded soldiers were taken to hospital.") == {("injured", "Two")}


def test_him_or_her_is_the_person_named_before() -> None:
    text = "A soldier fired a rifle at a civilian woman, wounding her in the head."
    assert _found(text) == {("injured", "civilian woman")}
    assert _found("Gunmen broke into the residence of the mayor and killed him.") == {
        ("killed", "mayor")
    }
    # never who acted, and never twice the victim already counted
    assert _found("The captain and a cook disarmed one of the soldiers and killed him.") == set()
    assert _found("A man was killed and the attackers wounded him first.") == {("killed", "man")}


def test_coordinated_participles_share_their_subject() -> None:
    # "was shot and killed": "killed" has the subject and the auxiliary of "shot"
    assert _found("Marta Quispe, a local councillor, was shot and killed on Friday.") == {
        ("killed", "Marta Quispe")
    }


def test_lives_fought_for_are_no_dead() -> None:
    # "claimed the lives of N" counts the dead; "fighting for the lives of N" counts none of them
    assert _found("Surgeons are fighting for the lives of 4 people.") == set()
    assert _found("The fire claimed the lives of 4 people.") == {("killed", "4")}


def test_a_victim_coordinated_with_a_count_is_one_of_its_own() -> None:
    # "the judge and two of her guards": the judge is a victim beside the two guards
    assert _found("The judge and two of her guards were killed outside the courthouse.") == {
        ("killed", "judge"),
        ("killed", "two"),
    }
    assert _found("Rosa Apaza and three others were wounded in the market.") == {
        ("injured", "Rosa Apaza"),
        ("injured", "three"),
    }


def test_murders_slaying_and_maiming_are_cues() -> None:
    # "the murders of A and B" names two victims; "slaying" is a killing; "maimed" takes an object
    assert _found("Lawyers condemned the murders of Ana Ruiz and Pedro Soto in the city.") == {
        ("killed", "Ana Ruiz"),
        ("killed", "Pedro Soto"),
    }
    assert _found("The slaying of four farmers was condemned by the bishop.") == {
        ("killed", "four")
    }
    assert _found("The gunmen maimed two people near the market.") == {("injured", "two")}


def test_assassinations_of_name_each_victim() -> None:
    assert _found("Judges probe the assassinations of Ana Ruiz and Pedro Soto.") == {
        ("killed", "Ana Ruiz"),
        ("killed", "Pedro Soto"),
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ('Gunmen have killed "up to 60" villagers, a local group said.', ("killed", "up to 60")),
        (
            "The army said \u201cfewer than 30\u201d people were killed.",
            ("killed", "fewer than 30"),
        ),
    ],
)
def test_a_figure_in_quotation_marks_keeps_its_cue(text: str, want: F) -> None:
    assert want in _found(text)


def test_a_quoted_cue_word_is_no_figure_of_the_number_before() -> None:
    assert not _found("Her daughter was one of the \u201cmartyrs\u201d.")


def test_a_single_victim_never_spans_a_blanked_run_nor_is_an_institution() -> None:
    from sitrep.eval.casualties import candidate_text

    # the scorer blanks sentences without a cue; the parse may hang the blanks on a name
    text = candidate_text(
        "THE MINISTER SPOKE ABOUT THE ECONOMY FOR AN HOUR.  HE SAID THE MARKETS WERE UP AGAIN."
        "\n\nTHE LEADER SPOKE AT THE U.S. EMBASSY, AND A FEW HUNDRED PEOPLE SHOULD BE MURDERED."
    )
    doc = nlp.parse(text)
    singles = [f for s in doc.sents for f in finding.find(doc, s) if f.via == "singular"]
    assert all(f.q.text.strip() == f.q.text and "\n" not in f.q.text for f in singles)
    assert not [f for f in singles if f.q.text.lower().endswith("embassy")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a cue noun's adjective or participle stands between the count and the cue
        ("Police found 12 mutilated bodies near the river.", {("killed", "12")}),
        ("Rescuers began recovering 107 disfigured bodies.", {("killed", "107")}),
        ("Their action caused one unfortunate death, injuries and damage.", {("killed", "one")}),
        # the verb still gives the kind when the adjective names the prisoners' side
        (
            "The attack killed 53 Ukrainian POWs and injured 75 others.",
            {("killed", "53"), ("injured", "75")},
        ),
    ],
)
def test_modifiers_before_a_cue_noun(text: str, want: set[F]) -> None:
    assert _found(text) == want


def test_a_modified_dual_noun_keeps_its_whole_name() -> None:
    doc = nlp.parse("As a result, 40 Ukrainian prisoners of war were killed.")
    (f,) = [f for s in doc.sents for f in finding.find(doc, s)]
    assert f.kind == "killed" and f.victim is not None
    assert doc[f.victim[0] : f.victim[1]].text.endswith("prisoners of war")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The blast caused one death and 20 injuries.", {("killed", "one"), ("injured", "20")}),
        # a singular event noun after a larger number counts cases, not people
        ("Police are investigating three murder cases.", set()),
    ],
)
def test_one_death(text: str, want: set[F]) -> None:
    assert _found(text) == want


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The victim was taken to hospital, where he passed away.", "killed"),
        ("Gunmen gunned down two policemen outside the station.", "killed"),
        ("The legal adviser was gunned down in the capital this morning.", "killed"),
    ],
)
def test_cues_of_two_words(text: str, kind: str) -> None:
    assert {k for k, _ in _found(text)} == {kind}


def test_a_first_word_alone_is_no_cue() -> None:
    assert _found("The bill passed by a vote of 230 to 190 and went down to the Senate.") == set()


def test_a_place_by_its_grammar_is_no_single_victim() -> None:
    # the tagger reads "Al Fasher" as a person; its apposition says it is a city
    text = "The militia took the town a day after capturing Al Fasher, a key city in Darfur."
    assert _found(text) == set()
    assert _found("The militia took the town a day after capturing Ali Musa, a commander.") == {
        ("captured", "Ali Musa")
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Five buildings were hit and 12 children killed.", {("killed", "12")}),
        (
            "Strikes on two other encampments of displaced Gazans killed a further nine people.",
            {("killed", "nine")},
        ),
    ],
)
def test_things_counted_beside_the_harmed_are_no_figure(text: str, want: set[F]) -> None:
    assert _found(text) == want


def test_a_preposition_of_something_else_is_no_hedge() -> None:
    doc = nlp.parse("In Dnipro, there is information about one fatality and five injured.")
    hedges = {f.q.text.strip(): f.q.hedge for s in doc.sents for f in finding.find(doc, s)}
    assert hedges == {"one": None, "five": None}
    doc = nlp.parse("About 30 people died in the strike.")
    assert [f.q.hedge for s in doc.sents for f in finding.find(doc, s)] == ["about"]


def test_a_name_a_parse_hangs_a_counted_group_on_is_no_single_victim() -> None:
    text = (
        "Israel reported killing 11 Hezbollah members, including Ibrahim Akil, the commander "
        "of the group's Radwan Force, who were meeting in the building."
    )
    assert _found(text) == {("killed", "11")}
    assert _found("The three soldiers' commander was killed.") == {
        ("killed", "three soldiers' commander")
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The army announced the rescue of four Israeli captives in Nuseirat.", set()),
        ("Hamas released 13 hostages on Friday.", set()),
        ("Four prisoners were freed and 3 hostages were killed.", {("killed", "3")}),
        ("Hamas still holds 130 hostages.", {("captured", "130")}),
        ("Police found 12 bodies after the exchange of fire.", {("killed", "12")}),
    ],
)
def test_freed_captives_are_no_one_held(text: str, want: set[F]) -> None:
    assert _found(text) == want


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("19 seriously injured were taken to Maiduguri in four ambulances.", 19),
        ("For now 22 people -- 20 children and two teachers -- have been killed.", 22),
        ("For now 22 people \u2014 20 children and two teachers \u2014 have been killed.", 22),
    ],
)
def test_a_degree_adverb_or_a_dashed_aside_stands_between_count_and_cue(
    text: str, count: int
) -> None:
    import sitrep

    assert count in {c.count for c in sitrep.extract(text).casualties}


def test_a_participle_before_the_victims_is_part_of_them() -> None:
    doc = nlp.parse("The army killed 45 suspected militants near the border.")
    found = [f for s in doc.sents for f in finding.find(doc, s)]
    assert [(f.kind, doc[f.victim[0] : f.victim[1]].text) for f in found if f.victim] == [
        ("killed", "suspected militants")
    ]


def test_a_cue_word_describing_the_victims_gives_no_kind_of_its_own() -> None:
    # "killed 12 displaced people": killed, of displaced people; no figure of displacement
    assert _found("The strike killed 12 displaced people in a school.") == {("killed", "12")}
    assert _found("5 wounded soldiers were evacuated.") == {("injured", "5")}


def test_a_figure_with_a_verb_of_its_own_is_no_ellipsis() -> None:
    text = (
        "At least 42 people are missing, 91 people have sought treatment, and 52 are in hospital."
    )
    assert ("missing", "91") not in _found(text)
    assert ("killed", "four") in _found(
        "Two people were killed on Monday, and four more on Friday."
    )
    # "others" with a verb of its own: no killed figure inherited from "died"
    found = _found("At least 23 people have died and 115 others appealed for help, police said.")
    assert ("killed", "115") not in found and ("killed", "At least 23") in found
    assert ("injured", "seven") in _found("Three soldiers were killed and seven others wounded.")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # an official's list with a dash for the verb
        ("The situation in Darvo at 6 p.m.: 5 people - killed, 15 - injured.",
         {("killed", "5"), ("injured", "15")}),
        # "the demise of", "the injury of": nouns of death and injury with their people after
        ("The raid led to the demise of at least 37 people in Darvo.", {("killed", "at least 37")}),
        ("The shelling resulted in the death of nine people and the injury of 21 others.",
         {("killed", "nine"), ("injured", "21")}),
    ],
)  # fmt: skip
def test_more_ways_of_counting(text: str, want: set[F]) -> None:
    assert _found(text) == want


def test_a_nationality_stays_with_the_victims() -> None:
    doc = nlp.parse("At least 68 African migrants were killed in the strike.")
    found = [f for s in doc.sents for f in finding.find(doc, s)]
    assert [doc[f.victim[0] : f.victim[1]].text for f in found if f.victim] == ["African migrants"]


def test_a_dependency_figure_keeps_the_nouns_that_name_its_victims() -> None:
    doc = nlp.parse("Four rescue workers, eight police officers, and three civilians were hurt.")
    names = {
        doc[f.victim[0] : f.victim[1]].text
        for s in doc.sents
        for f in finding.find(doc, s)
        if f.victim
    }
    assert {"rescue workers", "police officers"} <= names


def test_an_item_after_a_list_takes_the_kind_of_the_nearest_figure_before_it() -> None:
    doc = nlp.parse(
        "Nine people died (six men and two guards of the depot), 20 were injured "
        "(17 workers, including four women, and one guard of the depot)."
    )
    found = [f for s in doc.sents for f in finding.find(doc, s)]
    last = max(found, key=lambda f: f.num)
    assert last.q.text.strip() == "one" and last.kind == "injured"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a noun of the act before "of" and its count: the arrested, the hospitalised
        (
            "The security service reported the detention of 11 people after the attack.",
            {("arrested", "11")},
        ),
        ("The governor announced the hospitalisation of 40 people.", {("injured", "40")}),
        # two-word cues
        ("At least 300 people have starved to death in the siege.", {("killed", "At least 300")}),
        ("Another 6 people went missing after the flood of the dam.", {("missing", "6")}),
    ],
)
def test_nouns_of_the_act_and_two_word_cues(text: str, want: set[F]) -> None:
    assert _found(text) == want
