"""Cue words and the kinds they report (sentences written for these tests)."""

from __future__ import annotations

from sitrep import nlp
from sitrep.extract.casualties.found import cue_kind, cue_word, is_cue


def test_a_cue_of_two_words_is_one_key() -> None:
    doc = nlp.parse("It passed away")
    assert cue_word(doc[1]) == "passed away"
    assert cue_word(doc[2]) == "away"
    assert is_cue(doc[1]) and not is_cue(doc[2])


def test_dead_and_wounded_together_are_casualties() -> None:
    doc = nlp.parse("The blast left 400 dead and wounded.")
    dead = next(t for t in doc if t.text == "dead")
    assert cue_kind(doc, dead, len(doc)) == "casualties"


def test_two_verbs_sharing_a_figure_are_dead_and_wounded_together() -> None:
    # "killed and wounded 30 people": one figure of both kinds, as "30 dead and wounded"
    for text, cue in (
        ("The strike killed and wounded 30 people.", "wounded"),
        ("Strike on Darvo kills and injures dozens", "injures"),
    ):
        doc = nlp.parse(text)
        tok = next(t for t in doc if t.text == cue)
        assert cue_kind(doc, tok, len(doc)) == "casualties", text
    doc = nlp.parse("The attack killed 5 and wounded 12.")
    tok = next(t for t in doc if t.text == "wounded")
    assert cue_kind(doc, tok, len(doc)) == "injured"
