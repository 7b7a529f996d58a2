"""Tests for sitrep.extract.casualties.referents: who a figure is about when the parse hides it."""

from __future__ import annotations

from sitrep import nlp
from sitrep.extract.casualties.referents import actors, died_later, pronoun_victim


def test_pronoun_victim_is_the_person_named_before_and_not_who_acted() -> None:
    doc = nlp.parse("The captain shot a boy, killing him instantly.")
    sent = next(iter(doc.sents))
    cue = next(t for t in doc if t.lower_ == "killing")
    him = next(t for t in doc if t.lower_ == "him")
    found = pronoun_victim(doc, sent, him, cue)
    assert found is not None and found.text == "boy"
    doc = nlp.parse("The captain and a cook disarmed the guard and killed him.")
    sent = next(iter(doc.sents))
    cue = next(t for t in doc if t.lower_ == "killed")
    assert {doc[i].text for i in actors(cue)} >= {"captain", "cook"}


def test_died_later_reads_the_injured_who_died() -> None:
    doc = nlp.parse("Two of the injured later died in hospital.")
    injured = next(t for t in doc if t.lower_ == "injured")
    verb = died_later(doc, 1, injured)
    assert verb is not None and verb.lower_ == "died"
    doc = nlp.parse("Two of the injured were children.")
    injured = next(t for t in doc if t.lower_ == "injured")
    assert died_later(doc, 1, injured) is None
