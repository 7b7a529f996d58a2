"""sitrep: a source-attributed, geolocated, dated record of what news reports say happened.

``sitrep.extract(text_or_html, *, published=None, outlet=None, url=None)`` returns a
:class:`~sitrep.model.Record` whose ``.to_dict()`` is the ``sitrep extract`` JSON.
"""

from __future__ import annotations

from sitrep import extract

__version__ = "0.1.0"

__all__ = ["__version__", "extract"]
