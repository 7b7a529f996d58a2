"""Tests for sitrep.extract.attribution.carry: sources from the sentences beside a figure."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.attribution.antecedents import antecedents
from sitrep.extract.attribution.quotes import quotes
from sitrep.extract.attribution.settle import attribute_claims, attribute_quotes
from sitrep.extract.casualties.claims import casualties
from sitrep.model import Article, CasualtyClaim
from sitrep.nlp import parse

pytestmark = pytest.mark.slow


def _claims(nlp: Language, text: str) -> list[CasualtyClaim]:
    doc = parse(text, nlp=nlp)
    art = Article(id="t", text=text)
    ants = antecedents(doc)
    qs = attribute_quotes(doc, quotes(doc, article=art, times=[]), ants=ants)
    cs = casualties(doc, article=art, places=[], times=[])
    return attribute_claims(doc, cs, qs, ants=ants)


def _source(claims: list[CasualtyClaim], count: int) -> str | None:
    return next(c.source for c in claims if c.count == count)


def test_this_was_reported_by_attributes_the_sentence_before(nlp: Language) -> None:
    text = (
        "At least 14 people were killed in the shelling of Tarvik on Monday.\n"
        "This was reported by the regional water authority."
    )
    assert _source(_claims(nlp, text), 14) == "regional water authority"


def test_x_said_this_attributes_the_sentence_before(nlp: Language) -> None:
    text = (
        "Nine people were killed in the drone strike on Ostrel.\n"
        "The Ostrel town council said this in a post on Sunday."
    )
    assert _source(_claims(nlp, text), 9) == "Ostrel town council"


def test_x_shared_the_update_attributes_the_sentence_before(nlp: Language) -> None:
    text = (
        "Thirteen people were killed in the strike on Ostrel.\n\n"
        "Marko Lenz, the head of the city administration, shared the update on Telegram."
    )
    assert _source(_claims(nlp, text), 13) == "Marko Lenz"
    other = "Thirteen people were killed. The mayor shared the update on the reconstruction."
    assert _source(_claims(nlp, other), 13) is None


def test_source_carries_on_within_a_paragraph(nlp: Language) -> None:
    text = (
        "The Red Cross said 12 people were killed in the attack on the market. "
        "Another 40 people were wounded."
    )
    assert _source(_claims(nlp, text), 40) == "Red Cross"


def test_source_does_not_cross_a_blank_line(nlp: Language) -> None:
    text = (
        "The Red Cross said 12 people were killed in the attack on the market.\n\n"
        "Another 40 people were wounded."
    )
    assert _source(_claims(nlp, text), 40) is None


def test_source_does_not_carry_to_a_figure_of_another_scope(nlp: Language) -> None:
    text = (
        "The Red Cross said 12 people were killed in the attack on the market. "
        "Since the start of the war, more than 9,000 civilians have been killed."
    )
    assert _source(_claims(nlp, text), 9000) is None


def test_this_is_stated_in_a_document_attributes_the_figure(nlp: Language) -> None:
    text = (
        "About 70 people may have died in the collapse of the Tarvik bridge.\n\n"
        "This is stated in the report of the Tarvik Engineering Board."
    )
    assert "Tarvik Engineering Board" in (_source(_claims(nlp, text), 70) or "")


def test_x_told_this_sums_up_the_paragraph_before(nlp: Language) -> None:
    text = (
        "At least 19 people were killed in the shelling of Ostrel on Monday. "
        "More than 30 people have been hospitalized.\n\n"
        "Anna Berg, the head of the Ostrel district, told this to a local reporter."
    )
    claims = _claims(nlp, text)
    assert _source(claims, 19) == _source(claims, 30) == "Anna Berg"


def test_this_does_not_reach_past_a_sentence_with_its_own_source(nlp: Language) -> None:
    text = (
        "At least 19 people were killed in Ostrel. "
        "The army said 4 soldiers were among them. "
        "Anna Berg told this to a local reporter."
    )
    assert _source(_claims(nlp, text), 19) != "Anna Berg"


def test_a_bare_credit_line_after_the_paragraph_gives_its_source(nlp: Language) -> None:
    text = (
        "Rescuers worked through the night at the site.\n\n"
        "In addition, 18 people have been injured in the town.\n\n"
        "Regional Emergency Service\n\n"
        "Two assistance points were set up for residents.\n"
    )
    assert _source(_claims(nlp, text), 18) == "Regional Emergency Service"


def test_a_line_with_a_verb_is_no_credit_line(nlp: Language) -> None:
    text = (
        "In addition, 18 people have been injured in the town.\n\n"
        "Emergency Service Sends Teams\n\n"
        "Two assistance points were set up for residents.\n"
    )
    assert _source(_claims(nlp, text), 18) is None


def test_a_sentence_going_on_with_the_figure_keeps_its_source_across_a_break(
    nlp: Language,
) -> None:
    text = (
        "A missile strike on the village of Tarvik killed 20 people.\n\n"
        "This was reported by the regional water authority.\n\n"
        "Of these, 16 people died in a residential building."
    )
    assert _source(_claims(nlp, text), 16) == "regional water authority"


def test_he_later_clarified_is_a_report(nlp: Language) -> None:
    text = (
        "Mayor Ivan Petrov first reported four deaths. However, he later clarified that there "
        "were already eight confirmed deaths."
    )
    assert _source(_claims(nlp, text), 8) == "Ivan Petrov"


def test_a_reported_clause_after_said_keeps_the_subject_as_source(nlp: Language) -> None:
    text = "One resident of Tarvik, Ana Ruiz, said the airstrikes killed 15 members of her family."
    assert _source(_claims(nlp, text), 15) == "Ana Ruiz"


def test_a_date_stamp_is_no_source(nlp: Language) -> None:
    text = "date 2023-11-02 Officials in Tarvik say shelling has killed at least 19 people."
    assert _source(_claims(nlp, text), 19) != "date 2023-11-02"


def test_the_end_of_a_line_names_no_source_for_an_earlier_sentence_of_it(nlp: Language) -> None:
    text = (
        "Shelling of Tarvik killed 14 people on Monday, the governor said. Rescuers dug through "
        "the night. Nine Medics Have Been Killed Since May, Says Aid Group Report."
    )
    claims = _claims(nlp, text)
    assert _source(claims, 14) == "governor"
    assert _source(claims, 9) == "Aid Group Report"


def test_this_was_reported_by_goes_on_to_the_figures_after_it(nlp: Language) -> None:
    text = (
        "In the city, rescuers finished clearing the rubble of the shopping centre.\n"
        "This was reported by the Ministry of Internal Affairs on Saturday.\n"
        "As a result of the attack, 21 people died. Also, 66 people were injured."
    )
    claims = _claims(nlp, text)
    assert _source(claims, 21) == "Ministry of Internal Affairs"
    assert _source(claims, 66) == "Ministry of Internal Affairs"


def test_a_figure_between_stops_the_report_of_this(nlp: Language) -> None:
    text = (
        "The strike destroyed a school.\n"
        "This was reported by the regional governor.\n"
        "The police said 4 people died. Also, 9 people were injured."
    )
    assert _source(_claims(nlp, text), 9) == "police"


def test_agent_of_this_may_hang_on_the_occasion(nlp: Language) -> None:
    text = (
        "The rocket attack on the mall killed more than 20 people.\n"
        "This was announced during a briefing by Deputy Chief of Staff Kyrylo Tymoshenko."
    )
    source = _source(_claims(nlp, text), 20)
    assert source is not None and "Kyrylo Tymoshenko" in source


def test_a_byline_under_a_headline_is_no_credit_line(nlp: Language) -> None:
    for byline in ("By The Newsroom", "Darvo Desk", "By Anna Berg"):
        text = (
            "Missile strike on Darvo kills 31\n\n"
            f"{byline}\n\n"
            "Rescuers worked through the night at the site.\n"
        )
        assert _source(_claims(nlp, text), 31) is None, byline


def test_a_sentence_adding_to_the_one_before_states_it_too(nlp: Language) -> None:
    # "In addition, ..., X reports.": X reported the figure of the sentence before as well
    text = (
        "A missile strike on Darvo killed 18 people. In addition, around 300 civilians were "
        "injured, the head of the regional administration, Ivan Petrenko, reports."
    )
    assert _source(_claims(nlp, text), 18) == "Ivan Petrenko"
    # a new paragraph is a new report
    text = (
        "A missile strike on Darvo killed 18 people.\n\n"
        "In addition, 300 were injured, the head of the regional administration, Ivan "
        "Petrenko, reports."
    )
    assert _source(_claims(nlp, text), 18) is None


def test_the_source_of_a_revised_toll_carries_on_to_the_figures_after_it(nlp: Language) -> None:
    text = (
        "The regional police said the death toll from the strike on the depot had risen to 17. "
        "Six bodies are still unidentified. Thirty-one people were injured."
    )
    claims = _claims(nlp, text)
    assert _source(claims, 6) == "regional police" and _source(claims, 31) == "regional police"
