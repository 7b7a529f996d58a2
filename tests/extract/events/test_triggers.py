"""Event triggers: which words name an event, and how one sentence's triggers merge."""

from __future__ import annotations

from spacy.language import Language

from sitrep.extract.events.syntax import subject_of
from sitrep.extract.events.triggers import find_triggers, merge_triggers
from sitrep.nlp import parse


def _triggers(nlp: Language, text: str) -> list[tuple[str, str]]:
    sent = next(iter(parse(text, nlp=nlp).sents))
    return [(tok.text, et.plover) for tok, et in find_triggers(sent)]


def test_verb_and_noun_triggers(nlp: Language) -> None:
    found = _triggers(nlp, "Russian forces shelled Kharkiv after talks in Belarus.")
    assert ("shelled", "ASSAULT") in found
    assert ("talks", "CONSULT") in found


def test_denial_leaves_the_event_to_the_denied_act(nlp: Language) -> None:
    found = _triggers(nlp, "Moscow denies targeting civilians.")
    assert [w for w, _ in found] == ["targeting"]


def test_one_trigger_per_type(nlp: Language) -> None:
    sent = next(iter(parse("Missiles struck and shelled the city.", nlp=nlp).sents))
    merged = merge_triggers(find_triggers(sent))
    assert [t.etype.plover for t in merged] == ["ASSAULT"]
    assert merged[0].token.text == "Missiles"  # the most specific: a missile attack
    assert {t.text for t in merged[0].others} == {"struck", "shelled"}


def test_subject_climbs_through_control(nlp: Language) -> None:
    doc = parse("Rebels tried to seize the airport.", nlp=nlp)
    seize = next(t for t in doc if t.lemma_ == "seize")
    subj = subject_of(seize)
    assert subj is not None and subj.text == "Rebels"
