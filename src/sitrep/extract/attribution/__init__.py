"""Attribution: who said it. Cues and sources, stance claims, and quotes with their speakers.

``lexicon`` holds every cue verb and source word; ``cues`` finds the source of a statement and
its stance; ``quotes`` makes :class:`~sitrep.model.Quote` records; ``claims`` makes stance
:class:`~sitrep.model.Claim` records (reports, claims, denies) and finds contradictions.
"""

from __future__ import annotations

from sitrep.extract.attribution.claims import claims, contradicted, side
from sitrep.extract.attribution.cues import Attribution, attribute
from sitrep.extract.attribution.lexicon import CUE_STANCE
from sitrep.extract.attribution.quotes import quote_spans, quotes

__all__ = [
    "CUE_STANCE",
    "Attribution",
    "attribute",
    "claims",
    "contradicted",
    "quote_spans",
    "quotes",
    "side",
]
