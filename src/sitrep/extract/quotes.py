"""Direct quotations with their speakers (stub)."""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.model import Article, Quote, TimeRef


def quotes(doc: Doc, *, article: Article, times: list[TimeRef]) -> list[Quote]:
    """Every direct or mixed quotation in the document."""
    return []
