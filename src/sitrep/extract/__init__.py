"""Extractors: small typed functions over a parsed spaCy ``Doc`` and the :class:`Article`.

The package is also sitrep's top-level API: ``sitrep.extract(text_or_html, published=...)``
calls :func:`sitrep.pipeline.extract`. (``sitrep.extract`` is this package, made callable, so
that importing an extractor module never shadows the API function.)

The extractors live one room per field: :mod:`~sitrep.extract.places`,
:mod:`~sitrep.extract.times`, :mod:`~sitrep.extract.events`, :mod:`~sitrep.extract.casualties`
and :mod:`~sitrep.extract.attribution`; :mod:`~sitrep.extract.entities` is shared. Importing this
package registers the gazetteer place ruler with :func:`sitrep.nlp.load` (every ``import
sitrep`` does, so every pipeline :mod:`sitrep.nlp` builds has it), without importing spaCy yet.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

from sitrep import nlp as nlp_mod

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from sitrep.model import Record


class _CallablePackage(types.ModuleType):
    def __call__(self, text_or_html: str, **kwargs: Any) -> Record:
        from sitrep.pipeline import extract

        return extract(text_or_html, **kwargs)


def _add_place_ruler(nlp: Language) -> None:
    from sitrep.extract.places import add_gazetteer_ruler

    add_gazetteer_ruler(nlp)


def _place_ruler_article(doc: Doc) -> Doc:
    from sitrep.extract.places import article_places

    return article_places(doc)


nlp_mod.register_component("sitrep_gazetteer", _add_place_ruler, _place_ruler_article)

sys.modules[__name__].__class__ = _CallablePackage
