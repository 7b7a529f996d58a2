"""Casualties: numbers, casualty words, and casualty figures as claims with their sources.

``numbers`` reads quantities ("more than 2,000", "dozens"); ``lexicon`` and ``words`` hold the
casualty cues, victim classes and hedges; ``truecase`` guesses the case of all-caps wire copy;
``found``, ``singles`` and ``finding`` tie figures and single victims to their cues; ``around``
reads victims the sentence names beside a figure ("64 of the dead were children"); ``claims``
makes :class:`~sitrep.model.CasualtyClaim` records; ``parts`` adds sub-counts and figures
without a cue of their own, ``stated`` tells which figures a sentence's claims state, and
``scene`` marks deaths at the scene below an article's larger toll as a part of it.
"""

from __future__ import annotations

from sitrep.extract.casualties.claims import BLOCKING_FLAGS, casualties
from sitrep.extract.casualties.lexicon import CUES
from sitrep.extract.casualties.numbers import find_quantities, parse_quantity, words_to_int
from sitrep.extract.casualties.truecase import truecase
from sitrep.extract.casualties.victims import victim_class

__all__ = [
    "BLOCKING_FLAGS",
    "CUES",
    "casualties",
    "find_quantities",
    "parse_quantity",
    "truecase",
    "victim_class",
    "words_to_int",
]
