"""Tests for sitrep.extract.attribution.speakers: a speaker mention's name, role and person
(sentences written for these tests)."""

from __future__ import annotations

from sitrep.extract.attribution.speakers import is_cue, make_speaker, noun_phrase, split_role
from sitrep.nlp import parse


def test_a_title_before_a_name_is_the_role() -> None:
    doc = parse("US President Joe Biden said the talks would go on.")
    subject = next(t for t in doc if t.dep_ == "nsubj")
    assert split_role(noun_phrase(subject)[0]) == ("Joe Biden", "US President", True)


def test_a_phrase_without_a_personal_name_comes_back_whole() -> None:
    doc = parse("One Ukrainian volunteer said the road was closed.")
    subject = next(t for t in doc if t.dep_ == "nsubj")
    assert split_role(noun_phrase(subject)[0]) == ("One Ukrainian volunteer", None, False)


def test_an_appositive_names_the_person_of_a_role() -> None:
    doc = parse("The city mayor, Ihor Terekhov, said the strike hit a school.")
    subject = next(t for t in doc if t.dep_ == "nsubj")
    speaker = make_speaker(*noun_phrase(subject))
    assert speaker is not None
    assert (speaker.name, speaker.role, speaker.person) == ("Ihor Terekhov", "The city mayor", True)
    assert is_cue(next(t for t in doc if t.text == "said"))
