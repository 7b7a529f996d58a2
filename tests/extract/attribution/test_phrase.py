"""Tests for sitrep.extract.attribution.phrase: whole source names, never fragments or victims."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Token

from sitrep.extract.attribution.phrase import SourcePhrase, source_phrase
from sitrep.nlp import parse

pytestmark = pytest.mark.slow


def _head(nlp: Language, text: str, word: str) -> Token:
    doc = parse(text, nlp=nlp)
    return next(t for t in doc if t.text == word)


def _phrase(nlp: Language, text: str, word: str) -> SourcePhrase | None:
    return source_phrase(_head(nlp, text, word))


@pytest.mark.parametrize(
    ("text", "head", "name", "role", "kind"),
    [
        # possessive kept whole (issue 16: "'s Health Ministry")
        (
            "Gaza's Health Ministry said 45 people were killed.",
            "Ministry",
            "Gaza's Health Ministry",
            None,
            "organisation",
        ),
        # a long organisation name with "and" inside it
        (
            "At least 30 people were killed, according to the Armed Conflict Location and Event "
            "Data Project.",
            "Location",
            "Armed Conflict Location and Event Data Project",
            None,
            "organisation",
        ),
        (
            "The UN Office for the Coordination of Humanitarian Affairs said 100 people fled.",
            "Office",
            "UN Office for the Coordination of Humanitarian Affairs",
            None,
            "organisation",
        ),
        # apposition: name and role
        (
            '"Six dead," Oleksandr Starukh, the governor, wrote on Telegram.',
            "Starukh",
            "Oleksandr Starukh",
            "governor",
            "person",
        ),
        (
            "The head of the regional administration, Oleh Syniehubov, said three people died.",
            "head",
            "Oleh Syniehubov",
            "head of the regional administration",
            "person",
        ),
        # the parser hung the name on the phrase's last noun, a place
        (
            "One resident of Jabaliya, Abdel Kareem Rayan, said the strikes killed 15 people.",
            "resident",
            "Abdel Kareem Rayan",
            "One resident of Jabaliya",
            "person",
        ),
        (
            "US President Joe Biden said the attack was horrific.",
            "Biden",
            "Joe Biden",
            "US President",
            "person",
        ),
        ("Officials said 21 people were killed.", "Officials", "Officials", None, "group"),
    ],
)
def test_full_phrases(
    nlp: Language, text: str, head: str, name: str, role: str | None, kind: str
) -> None:
    found = _phrase(nlp, text, head)
    assert found is not None
    assert (found.name, found.role, found.kind) == (name, role, kind)
    assert text[found.start : found.end] == found.text


def test_never_across_a_sentence_the_parser_missed(nlp: Language) -> None:
    """Regression (issue 16): "Tochka-U. He" is not a source."""
    found = _phrase(
        nlp, "The strike was carried out by Tochka-U. He also confirmed 30 killed.", "He"
    )
    assert found is not None
    assert found.text == "He"
    assert found.kind == "pronoun"


def test_never_a_place_its_apposition_names(nlp: Language) -> None:
    text = "Majdal Shams, a Druse Arab village in the Golan Heights, said nothing."
    assert _phrase(nlp, text, "Shams") is None


def test_never_the_victims(nlp: Language) -> None:
    """Regression (issue 16): '"... All civilians," X wrote' does not make civilians a source."""
    text = '"So far, 23 dead and 28 wounded. All civilians," Oleksandr Starukh wrote.'
    assert _phrase(nlp, text, "civilians") is None
    found = _phrase(nlp, text, "Starukh")
    assert found is not None and found.name == "Oleksandr Starukh"


def test_the_platform_is_not_part_of_the_name(nlp: Language) -> None:
    doc = parse("This was reported by the Darvo Fire Service on Facebook on Monday.", nlp=nlp)
    head = next(t for t in doc if t.text == "Service")
    found = source_phrase(head)
    assert found is not None and found.text == "Darvo Fire Service"


@pytest.mark.parametrize(
    ("text", "head", "name"),
    [
        # whom a role serves is not who speaks: the adviser, the spokesman, the wife
        (
            "An adviser to Moldovan President Ion Stanescu called the raid a massacre.",
            "adviser",
            "adviser to Moldovan President Ion Stanescu",
        ),
        (
            "A spokesman for Defence Minister Ana Petrova said 12 soldiers died.",
            "spokesman",
            "spokesman for Defence Minister Ana Petrova",
        ),
    ],
)
def test_a_role_that_serves_a_named_person_is_not_that_person(
    nlp: Language, text: str, head: str, name: str
) -> None:
    phrase = _phrase(nlp, text, head)
    assert phrase is not None
    assert phrase.name == name
    assert phrase.role is None


@pytest.mark.parametrize(
    ("text", "head", "name"),
    [
        # a title that holds a preposition is still the named person's own title
        (
            "Deputy Head of the Office of the President Ivan Korol said 12 soldiers died.",
            "Korol",
            "Ivan Korol",
        ),
        (
            "The head of the regional military administration Petro Marko said 12 soldiers died.",
            "Marko",
            "Petro Marko",
        ),
    ],
)
def test_a_title_with_a_preposition_still_names_the_person(
    nlp: Language, text: str, head: str, name: str
) -> None:
    phrase = _phrase(nlp, text, head)
    assert phrase is not None
    assert phrase.name == name


def test_a_role_naming_its_body_before_the_name_is_a_person(nlp: Language) -> None:
    doc = parse(
        "Head of Zaporizhia Regional Military Administration Oleksandr Starukh has said so.",
        nlp=nlp,
    )
    head = next(t for t in doc if t.text == "Starukh")
    phrase = source_phrase(head, text=doc.text)
    assert phrase is not None and phrase.kind == "person"
    assert phrase.name == "Oleksandr Starukh"


def test_a_source_phrase_ends_before_its_date(nlp: Language) -> None:
    doc = parse("This was reported by the Ministry of Internal Affairs on Saturday.", nlp=nlp)
    head = next(t for t in doc if t.text == "Ministry")
    phrase = source_phrase(head, text=doc.text)
    assert phrase is not None and phrase.text == "Ministry of Internal Affairs"


def test_a_name_the_model_tags_as_part_of_the_body_before_it_is_the_persons(
    nlp: Language,
) -> None:
    doc = parse(
        "The head of the Donetsk Military-Civil Administration Pavlo Kyrylenko stated this.",
        nlp=nlp,
    )
    head = next(t for t in doc if t.dep_ == "nsubj")
    phrase = source_phrase(head, text=doc.text)
    assert phrase is not None and phrase.kind == "person"
    assert phrase.name == "Pavlo Kyrylenko"


def test_a_quoted_name_inside_the_phrase_does_not_end_it(nlp: Language) -> None:
    text = 'The leader of the so-called "Darvo People\'s Republic" Ivan Petrenko reported this.'
    found = _phrase(nlp, text, "leader")
    assert found is not None and found.name == "Ivan Petrenko"


@pytest.mark.parametrize(
    ("text", "head", "name"),
    [
        ("The Telegram channel Baza reported that two people were hurt.", "channel", "Baza"),
        ("Another news outlet Al Arabiya has cited sources.", "outlet", "Al Arabiya"),
    ],
)
def test_a_name_right_after_its_kind_is_part_of_the_phrase(
    nlp: Language, text: str, head: str, name: str
) -> None:
    found = _phrase(nlp, text, head)
    assert found is not None and found.text.endswith(name)
    assert not found.text.lower().startswith("another")


def test_a_spaced_hyphen_ends_a_phrase_like_a_dash(nlp: Language) -> None:
    found = _phrase(nlp, "Kharkiv, Ukraine - Oleh Syniehubov said 12 people died.", "Syniehubov")
    assert found is not None and found.name == "Oleh Syniehubov"
    assert "Ukraine" not in found.text


@pytest.mark.parametrize(
    ("text", "head", "name", "role"),
    [
        (
            "President of Ukraine Volodymyr Zelenskyy said nine died.",
            "Zelenskyy",
            "Volodymyr Zelenskyy",
            "President of Ukraine",
        ),
        ("Mayor of Kyiv Vitali Klitschko said nine died.", "Klitschko", "Vitali Klitschko", None),
    ],
)
def test_the_place_of_a_role_is_the_roles_not_the_persons_name(
    nlp: Language, text: str, head: str, name: str, role: str | None
) -> None:
    found = _phrase(nlp, text, head)
    assert found is not None and found.kind == "person" and found.name == name
    assert role is None or found.role == role


def test_a_person_noun_before_a_name_makes_a_person_whatever_the_tagger_says(
    nlp: Language,
) -> None:
    text = "According to a local activist Oleksandr Ostapa, 57 bodies have been buried."
    found = _phrase(nlp, text, "activist")
    assert found is not None and found.kind == "person" and "Ostapa" in found.text


def test_an_abbreviation_in_brackets_stays_inside_the_name(nlp: Language) -> None:
    text = "Nine people died in the raid, the World Food Programme (WFP) chief said."
    phrase = _phrase(nlp, text, "chief")
    assert phrase is not None and phrase.text == "World Food Programme (WFP) chief"
