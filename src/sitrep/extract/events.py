"""Events: who did what to whom, where and when (stub until the events issue)."""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.model import Article, CasualtyClaim, Event, Place, TimeRef


def events(
    doc: Doc,
    *,
    article: Article,
    places: list[Place],
    times: list[TimeRef],
    casualties: list[CasualtyClaim],
) -> list[Event]:
    """Every event in the document."""
    return []
