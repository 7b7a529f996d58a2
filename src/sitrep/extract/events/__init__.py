"""Events: triggers, their syntax and participants, context, types, and the article's events.

``types`` holds the PLOVER/ACLED event types; ``triggers`` finds event words; ``syntax`` and
``participants`` read who did what to whom; ``context`` attaches places, times and figures;
``article`` settles one article's events; ``detect`` makes :class:`~sitrep.model.Event` records.
"""

from __future__ import annotations

from sitrep.extract.events.detect import (
    EXTRACTOR,
    dominant_place,
    events,
    find_triggers,
    main_event,
)
from sitrep.extract.events.types import acled_for, actor_kind, normalize_plover

__all__ = [
    "EXTRACTOR",
    "acled_for",
    "actor_kind",
    "dominant_place",
    "events",
    "find_triggers",
    "main_event",
    "normalize_plover",
]
