"""Attributed statements and the stance of their source (stub)."""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.model import Article, CasualtyClaim, Claim


def claims(doc: Doc, *, article: Article, casualties: list[CasualtyClaim]) -> list[Claim]:
    """Every attributed statement (reports, claims, denies ...) in the document."""
    return []
