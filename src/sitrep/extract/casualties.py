"""Casualty figures as attributed claims (stub)."""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.model import Article, CasualtyClaim, Place, TimeRef


def casualties(
    doc: Doc, *, article: Article, places: list[Place], times: list[TimeRef]
) -> list[CasualtyClaim]:
    """Every casualty claim in the document."""
    return []
