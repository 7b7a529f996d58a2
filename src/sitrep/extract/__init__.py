"""Extractors: small typed functions over a parsed spaCy ``Doc`` and the :class:`Article`.

The package is also sitrep's top-level API: ``sitrep.extract(text_or_html, published=...)``
calls :func:`sitrep.pipeline.extract`. (``sitrep.extract`` is this package, made callable, so
that importing an extractor module never shadows the API function.)
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitrep.model import Record


class _CallablePackage(types.ModuleType):
    def __call__(self, text_or_html: str, **kwargs: Any) -> Record:
        from sitrep.pipeline import extract

        return extract(text_or_html, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
