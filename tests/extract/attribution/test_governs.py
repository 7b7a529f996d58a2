"""Tests for sitrep.extract.attribution.governs: which cue verb states a figure."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.attribution.cues import attribute, trailing_attribution
from sitrep.extract.attribution.governs import issuer, possessed, statement_stance
from sitrep.nlp import parse

pytestmark = pytest.mark.slow


def _source(nlp: Language, text: str, figure: str) -> str | None:
    doc = parse(text, nlp=nlp)
    tok = next(t for t in doc if t.text == figure)
    found = attribute(tok.sent, at=tok.i, text=doc.text)
    return found.source if found is not None else None


def test_the_governing_cue_verb_wins_over_the_nearer_one(nlp: Language) -> None:
    text = (
        "While early estimates from the Red Crescent put the toll at about 80, "
        "the militia claimed it had killed some 140 soldiers."
    )
    assert _source(nlp, text, "80") == "early estimates from the Red Crescent"
    assert _source(nlp, text, "140") == "militia"


def test_a_dateline_before_a_colon_is_not_the_speaker(nlp: Language) -> None:
    text = (
        "Gaza City, Gaza Strip: The Hamas-run Health Ministry in the Gaza Strip says at least "
        "500 people have been killed in an explosion."
    )
    assert _source(nlp, text, "500") == "Hamas-run Health Ministry in the Gaza Strip"


def test_a_figure_in_an_adjunct_relative_clause_is_background(nlp: Language) -> None:
    text = "The farmer Ali Noor spoke to reporters after the shelling that killed 14 villagers."
    assert _source(nlp, text, "14") is None
    text = (
        '"We lost everything," Ali Noor told Reuters in the wake of the raid that killed 14 people.'
    )
    assert _source(nlp, text, "14") is None


def test_an_investigation_that_found_evidence_is_a_source(nlp: Language) -> None:
    text = "A Reuters investigation has found evidence that the raid killed some 90 people."
    assert _source(nlp, text, "90") == "Reuters investigation"


def test_observers_who_saw_bodies_are_the_source(nlp: Language) -> None:
    text = "Reuters journalists at the market saw dozens of bodies under the rubble."
    assert _source(nlp, text, "dozens") == "Reuters journalists at the market"


def test_evidence_with_no_finder_is_no_source(nlp: Language) -> None:
    assert _source(nlp, "Up to 90 people may have died in the raid, evidence shows", "90") is None


def test_claimed_lives_is_no_statement(nlp: Language) -> None:
    text = "The governor visited the market, which claimed 12 lives, on Monday."
    assert _source(nlp, text, "12") is None


def test_a_speech_verb_above_a_finding_is_the_source(nlp: Language) -> None:
    text = "The governor reported that rescuers have found 9 people dead in the rubble."
    assert _source(nlp, text, "9") == "governor"


def test_a_contentless_while_clause_states_the_figure_it_hangs_from(nlp: Language) -> None:
    text = "While local officials have said at least 50 people died in the raid, the army said none did."
    assert _source(nlp, text, "50") == "local officials"


def test_with_officials_stressing_names_the_source(nlp: Language) -> None:
    text = (
        "The toll from the raid on the depot has been raised from 30 to 45, "
        "with officials stressing the number could rise."
    )
    assert _source(nlp, text, "45") == "officials"


def test_condemning_a_killing_is_no_statement_of_its_figure(nlp: Language) -> None:
    text = "The Kenyan government has condemned the raid, which claimed 17 lives, as a massacre."
    assert _source(nlp, text, "17") is None


def test_a_denial_in_an_adverbial_clause_is_not_the_figures_source(nlp: Language) -> None:
    text = "Twenty villagers were killed in a market blast as the militia denied responsibility."
    assert _source(nlp, text, "Twenty") is None


def test_citing_still_wins_beside_a_speech_verb(nlp: Language) -> None:
    text = "At least 12 people were killed in the raid, the agency said, citing the governor."
    assert _source(nlp, text, "12") == "governor"


def test_a_toll_announced_by_someone_is_theirs(nlp: Language) -> None:
    text = (
        "The shelling killed at least 31 people in the port, according to a new toll "
        "announced on Friday by the regional governor."
    )
    assert _source(nlp, text, "31") == "regional governor"


def test_a_headline_run_into_the_sentence_does_not_give_the_verb_its_subject(
    nlp: Language,
) -> None:
    text = "Smoke Over Darvo, Families Flee: A Town Waits\nThe Red Cross reported that 300 families had fled."
    assert _source(nlp, text, "300") == "Red Cross"


def test_a_short_said_sentence_with_its_own_victims_does_not_attribute_the_one_before(
    nlp: Language,
) -> None:
    doc = parse(
        "Shells killed 14 people in Darvo. The mayor said a child was among the dead.", nlp=nlp
    )
    after = list(doc.sents)[1]
    assert trailing_attribution(after, text=doc.text) is None
    doc = parse("Shells killed 14 people in Darvo. The mayor said.", nlp=nlp)
    assert trailing_attribution(list(doc.sents)[1], text=doc.text) is not None


def test_a_finding_verb_without_a_clause_or_finder_gives_no_source(nlp: Language) -> None:
    text = "A look at the family history reveals a grandfather who died with 30 comrades."
    assert _source(nlp, text, "30") is None
    text = "An earlier estimate, kept in a 2001 Ministry of Works file, suggested 40 could die."
    assert _source(nlp, text, "40") is None
    assert _source(nlp, "He revealed that 9 aid workers were killed.", "9") == "He"


def test_a_light_verb_with_a_report_noun_and_its_clause_states(nlp: Language) -> None:
    doc = parse("The governor gave initial reports that 23 were killed.", nlp=nlp)
    gave = next(t for t in doc if t.text == "gave")
    assert statement_stance(gave) == "reports"
    doc = parse("The army made a mess of the town.", nlp=nlp)
    assert statement_stance(next(t for t in doc if t.text == "made")) is None


def test_a_that_clause_of_a_statement_is_what_the_verb_says(nlp: Language) -> None:
    # "said in a statement that ...": the clause hangs from the noun, but it is the content
    text = "The Darvo Doctors' Network said in a statement that at least 43 people were killed."
    assert _source(nlp, text, "43") == "Darvo Doctors' Network"
    text = (
        "The army, which has been fighting the rebels since April, said in a statement that "
        "it was mourning the deaths of 70 people."
    )
    assert _source(nlp, text, "70") == "army"
    # a relative clause in an adjunct stays background
    assert (
        _source(nlp, "The governor spoke at the hospital where 5 people were killed.", "5") is None
    )


def test_a_quoted_name_stays_in_the_source(nlp: Language) -> None:
    text = 'The so-called "Darvo Front" group said 12 soldiers were killed.'
    assert _source(nlp, text, "12") == 'so-called "Darvo Front" group'


def test_a_source_phrase_in_another_part_of_the_sentence_yields_to_the_stating_verb(
    nlp: Language,
) -> None:
    # "said by medics" belongs to the "with" phrase about the toll, not to the figures that
    # the ministry's parenthetical "said" states
    text = (
        "Sixty-four of the dead were children and 57 were women, the Darvo health ministry "
        "said, with Saturday's death toll said by medics to be the worst for months."
    )
    assert _source(nlp, text, "57") == "Darvo health ministry"
    # a source phrase on the figure's own clause still wins
    text = "Eleven people were killed in Darvo, according to the regional health board."
    assert _source(nlp, text, "Eleven") == "regional health board"


def test_a_warning_is_a_statement(nlp: Language) -> None:
    text = "The governor warned that 98 people were still in hospital."
    assert _source(nlp, text, "98") == "governor"


def test_a_participle_inside_a_reported_clause_keeps_the_reporters_source(
    nlp: Language,
) -> None:
    # "saying" hangs from the clause the governor warned of; its subject ("the number of
    # victims") says nothing
    text = (
        "The governor warned that the number of victims is likely to change, saying there "
        "are still 98 people wounded."
    )
    assert _source(nlp, text, "98") == "governor"


@pytest.mark.parametrize(
    "text",
    [
        "The group has claimed responsibility for an attack on a concert hall that has killed "
        "at least 40 people.",
        "At least 133 people died in the attack, which has been claimed by the group.",
        "Gunmen kill more than 60 in concert attack near the capital; the group claims "
        "responsibility",
    ],
)
def test_a_claimed_deed_is_no_claimed_figure(nlp: Language, text: str) -> None:
    figure = next(w for w in ("40", "133", "60") if w in text)
    assert _source(nlp, text, figure) is None


def test_responsibility_claimed_for_a_killing_states_its_figure(nlp: Language) -> None:
    text = "The group itself claimed responsibility for killing nearly 300 villagers."
    assert _source(nlp, text, "300") == "group"


def test_a_possessor_the_parser_made_the_subject_gives_way_to_its_name(nlp: Language) -> None:
    doc = parse(
        "Jammu and Kashmir\u2019s former Chief Minister Omar Abdullah called it a massacre.",
        nlp=nlp,
    )
    subject = next(t for t in doc if t.dep_ == "nsubj")
    assert possessed(subject).text == "Abdullah" and issuer(subject).text == "Abdullah"
    plain = parse("The governor of the region called it a massacre.", nlp=nlp)
    governor = next(t for t in plain if t.dep_ == "nsubj")
    assert possessed(governor) is governor
