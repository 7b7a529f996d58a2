"""Figures of another, earlier event that a story is set after.

A report often places its event after an earlier one: "Today's attack on the hospital came a
day after Israeli forces killed at least 64 Palestinians", "The incident comes a week after a
bomb blast in Mastung district killed seven people", "It follows a strike last week that killed
12". The earlier event's figures are the story's background, not its toll: they keep their
claim but carry the ``historical`` flag, so no tally of the story's incident counts them.

The clause is read from the parse: the figure's cue lies in a clause set after a verb of
:data:`~sitrep.extract.casualties.lexicon.AFTER_VERBS` ("come ... after", "follow") whose
subject is the story's event (:data:`~sitrep.extract.casualties.lexicon.EVENT_SUBJECTS`: "the
attack", "the incident", "it"). A toll that "came to 20 after rescuers found two more bodies"
is no such clause: its figure is the subject's own.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.extract.casualties.lexicon import AFTER_VERBS, EVENT_SUBJECTS


def earlier_event(cue: Token) -> bool:
    """Whether the figure of this cue is an earlier event's that the story is set after."""
    prev = cue
    for verb in cue.ancestors:
        if verb.lemma_.lower() in AFTER_VERBS:
            return _set_after(verb, prev)
        prev = verb
    return False


def _set_after(verb: Token, clause: Token) -> bool:
    """Whether ``clause`` (a child of ``verb``) is the earlier event ``verb`` sets its
    subject after: "came ... after X killed", "follows a strike that killed"."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects or not any(s.lemma_.lower() in EVENT_SUBJECTS for s in subjects):
        return False
    if verb.lemma_.lower() == "follow":
        return clause.dep_ in {"dobj", "ccomp", "advcl", "xcomp"}
    if clause.dep_ == "prep":
        return clause.lower_ == "after"
    return clause.dep_ == "advcl" and any(
        c.lower_ == "after" and c.dep_ in {"mark", "prep", "advmod"} for c in clause.children
    )


__all__ = ["earlier_event"]
