"""Tests for sitrep.extract.attribution.carry: sources from the sentences beside a figure."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.attribution.quotes import quotes
from sitrep.extract.attribution.settle import antecedents, attribute_claims, attribute_quotes
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
