"""Time expressions normalized against the publication date (stub)."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from sitrep.model import TimeRef


def times(doc: Doc, *, anchor: dt.date | None) -> list[TimeRef]:
    """Every time expression in the document with its normalized value."""
    return []
