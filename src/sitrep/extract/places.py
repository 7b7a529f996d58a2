"""Place mentions resolved to GeoNames (stub: replaced by the gazetteer work)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.model import Article, Place


def add_gazetteer_ruler(nlp: Language) -> None:
    """Add the gazetteer-backed entity ruler to ``nlp``."""


def places(doc: Doc, *, article: Article) -> list[Place]:
    """Every place mention in the document, resolved where possible."""
    return []
