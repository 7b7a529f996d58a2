"""Tests for sitrep.extract.attribution.coref: pronouns and descriptions to the last named source."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.extract.attribution.coref import Antecedents, introduced_people
from sitrep.nlp import parse


def _article() -> Antecedents:
    ants = Antecedents()
    ants.add("Gaza's Health Ministry", 0, "organisation")
    ants.add("Oleksandr Starukh", 100, "person", role="governor")
    ants.add("Officials", 200, "group")
    return ants


def test_he_and_she_go_to_the_last_person() -> None:
    ants = _article()
    assert (found := ants.resolve("He", 300)) is not None and found.name == "Oleksandr Starukh"
    assert ants.resolve("she", 50) is None  # no person before it


def test_they_goes_to_the_last_organisation_or_group() -> None:
    ants = _article()
    assert (found := ants.resolve("they", 300)) is not None and found.name == "Officials"
    assert (found := ants.resolve("They", 150)) is not None
    assert found.name == "Gaza's Health Ministry"


def test_it_goes_to_the_last_organisation() -> None:
    assert (found := _article().resolve("it", 300)) is not None
    assert found.name == "Gaza's Health Ministry"


def test_definite_descriptions_match_a_name_or_role_word() -> None:
    ants = _article()
    assert (found := ants.resolve("the ministry", 300)) is not None
    assert found.name == "Gaza's Health Ministry"
    assert (found := ants.resolve("the governor", 300)) is not None
    assert found.name == "Oleksandr Starukh"
    assert ants.resolve("the army", 300) is None


def test_documents_go_to_the_last_source() -> None:
    ants = _article()
    assert (found := ants.resolve("the statement", 150)) is not None
    assert found.name == "Oleksandr Starukh"
    assert (found := ants.last(250)) is not None and found.name == "Officials"


def test_only_what_came_before_and_not_too_far() -> None:
    ants = Antecedents(window=100)
    ants.add("Oleksandr Starukh", 0, "person")
    assert ants.resolve("he", 0) is None
    assert ants.resolve("he", 500) is None
    assert ants.resolve("he", 80) is not None
    ants.add("he", 90, "pronoun")  # pronouns are never antecedents
    assert (found := ants.resolve("he", 95)) is not None and found.name == "Oleksandr Starukh"


def test_a_generic_description_goes_to_the_last_organisation() -> None:
    ants = Antecedents()
    ants.add("JNIM", 0, "organisation")
    ants.add("Jean Ouedraogo", 50, "person")
    assert (found := ants.resolve("the group", 100)) is not None and found.name == "JNIM"
    assert ants.resolve("the army", 100) is None


def test_the_statement_goes_to_the_first_source_of_the_latest_sentence() -> None:
    # "The water board said in a post, according to Riverside Radio. ... the post said"
    ants = Antecedents(sentence_starts=[0, 80, 160])
    ants.add("Mayor Lena Holt", 5, "person")
    ants.add("The water board", 80, "organisation")
    ants.add("Riverside Radio", 130, "organisation")
    assert (found := ants.resolve("the post", 200)) is not None
    assert found.name == "The water board"
    assert (found := ants.resolve("the document", 200)) is not None
    assert found.name == "The water board"


def test_the_statement_is_not_the_relaying_outlets() -> None:
    ants = Antecedents()
    ants.add("Darvo Fire Service", 0, "organisation")
    ants.add("Northwire", 60, "organisation", relay=True)
    assert (found := ants.resolve("the statement", 200)) is not None
    assert found.name == "Darvo Fire Service"
    assert (found := ants.last(200)) is not None and found.name == "Darvo Fire Service"
    only = Antecedents()
    only.add("Northwire", 60, "organisation", relay=True)
    assert (found := only.resolve("the statement", 200)) is not None and found.name == "Northwire"


@pytest.mark.slow
def test_introduced_people_are_named_with_a_role(nlp: Language) -> None:
    doc = parse(
        "Ivan Petrenko, a regional government adviser, shared images of the strike. "
        "Maria Kovalenko visited the site.",
        nlp=nlp,
    )
    assert [e.text for e in introduced_people(doc)] == ["Ivan Petrenko"]


def test_a_plural_description_is_no_single_member_named_once() -> None:
    ants = Antecedents()
    ants.add("Kyi Tauk Pauk resident", 0, "group")
    ants.add("Rapid Support Force", 50, "organisation")
    assert ants.resolve("the residents", 300) is None
    assert (found := ants.resolve("the forces", 300)) is not None
    assert found.name == "Rapid Support Force"


def test_the_official_goes_to_the_last_person_with_an_office() -> None:
    ants = Antecedents()
    ants.add("Oleksandr Starukh", 0, "person", role="head of the regional administration")
    ants.add("Nataliya", 50, "person")
    found = ants.resolve("the official", 100)
    assert found is not None and found.name == "Oleksandr Starukh"


def test_a_short_form_stands_for_the_fuller_name_of_an_organisation() -> None:
    ants = Antecedents()
    ants.add("Mariupol City Council", 0, "organisation")
    ants.add("World Central Kitchen food aid organization", 50, "organisation")
    assert (found := ants.fuller("the City Council", 100)) is not None
    assert found.name == "Mariupol City Council"
    assert (found := ants.fuller("city council", 100)) is not None
    assert ants.fuller("World Central Kitchen", 100) is None  # a name of its own
    assert ants.fuller("the Council", 100) is None  # one word: resolve() reads it
    assert ants.fuller("the City Council", 0) is None  # nothing before it


def test_an_office_goes_to_its_holder_named_before_or_else_after() -> None:
    ants = Antecedents()
    ants.add("Volodymyr Zelenskyy", 900, "person", role="Ukrainian President")
    ants.add("Kyrylo Tymoshenko", 400, "person", role="deputy head of the presidential office")
    found = ants.holder("president", 100)  # "the country's president" in the lead
    assert found is not None and found.name == "Volodymyr Zelenskyy"
    assert ants.holder("governor", 100) is None
    assert ants.holder("president", 100 - ants.window - 900) is None  # too far ahead
