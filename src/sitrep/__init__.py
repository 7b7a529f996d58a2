"""sitrep: a source-attributed, geolocated, dated record of what news reports say happened."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sitrep.model import Record


def extract(text_or_html: str, **kwargs: Any) -> Record:
    """Extract every fact from one article; see :func:`sitrep.pipeline.extract`."""
    from sitrep.pipeline import extract as _extract

    return _extract(text_or_html, **kwargs)


__all__ = ["__version__", "extract"]
