"""Tests for sitrep.extract.attribution.antecedents: the named sources an article gives."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.attribution.antecedents import (
    antecedents,
    country_office,
    description,
    named,
)
from sitrep.extract.attribution.phrase import SourcePhrase
from sitrep.nlp import parse

pytestmark = pytest.mark.slow


def test_descriptions_and_names() -> None:
    assert description("the ministry") == "the ministry"
    assert description("ministry") == "the ministry"
    assert description("Oleksandr Starukh") is None
    assert named(SourcePhrase("Oleksandr Starukh", 0, 17, "Oleksandr Starukh", None, "person"))
    assert not named(SourcePhrase("he", 0, 2, "he", None, "pronoun"))
    # "The attack, which claimed 32 lives": a relative pronoun names no one
    assert not named(SourcePhrase("which", 0, 5, "which", None, "organisation"))


def test_the_issuer_of_a_message_this_states_is_an_antecedent(nlp: Language) -> None:
    text = "Six bodies were found. This is stated in the message of the State Emergency Service."
    ants = antecedents(parse(text, nlp=nlp))
    found = ants.resolve("the statement", len(text))
    assert found is not None and found.name == "State Emergency Service"


def test_a_cue_subject_is_an_antecedent_and_he_resolves_to_it(nlp: Language) -> None:
    text = "Governor Oleksandr Prokudin said five people were killed. He added more may die."
    ants = antecedents(parse(text, nlp=nlp))
    found = ants.resolve("He", text.index("He added"))
    assert found is not None and "Prokudin" in found.name


def test_a_source_at_a_sentence_end_is_what_the_statement_resolves_to(nlp: Language) -> None:
    text = (
        "In addition, around 300 civilians were injured, the Head of the Darvo Regional "
        "Military Administration, Ivan Petrenko, reports. The statement says more may die."
    )
    ants = antecedents(parse(text, nlp=nlp))
    found = ants.resolve("the statement", text.index("The statement"))
    assert found is not None and found.name == "Ivan Petrenko"


def test_an_attack_is_no_antecedent_so_it_resolves_to_the_reporting_body(nlp: Language) -> None:
    assert not named(
        SourcePhrase("Ukrainian attack", 0, 16, "Ukrainian attack", None, "organisation")
    )
    text = (
        "The Health Ministry said that the Russian attack had claimed the lives of nine people. "
        "It noted that 40 were injured."
    )
    ants = antecedents(parse(text, nlp=nlp))
    found = ants.resolve("It", text.index("It noted"))
    assert found is not None and found.name == "Health Ministry"


def test_the_countrys_office_is_a_description_of_its_holder() -> None:
    assert country_office("The country's president") == "president"
    assert country_office("the nation\u2019s leader") == "leader"
    assert country_office("Ukraine's president") is None  # a name of its own
    assert country_office("the president") is None
