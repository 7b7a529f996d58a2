"""Places: gazetteer index, place ruler, mention finders and resolution to GeoNames.

``gazetteer`` builds and caches the GeoNames index; ``lexicon`` holds every place word and
per-phrase rule; ``ruler`` is the spaCy component that finds gazetteer names the model missed (and the pass
over the joined article, ``article_places``);
``mentions`` finds mentions beyond the model's entities; ``scoring`` weighs readings against the
article's context; ``resolve`` turns mentions into :class:`~sitrep.model.Place` records;
``event_place`` picks where a reported thing happened (never an actor or a dateline).
"""

from __future__ import annotations

from sitrep.extract.places import gazetteer
from sitrep.extract.places.event_place import event_place, incident_place
from sitrep.extract.places.resolve import (
    DEMONYM_EXTRACTOR,
    EMBEDDED_EXTRACTOR,
    EXTRACTOR,
    FALLBACK_EXTRACTOR,
    place_ref,
    places,
    resolve_name,
    resolve_spans,
)
from sitrep.extract.places.ruler import (
    COMPONENT,
    add_gazetteer_ruler,
    article_places,
    strip_mention,
)

__all__ = [
    "COMPONENT",
    "DEMONYM_EXTRACTOR",
    "EMBEDDED_EXTRACTOR",
    "EXTRACTOR",
    "FALLBACK_EXTRACTOR",
    "add_gazetteer_ruler",
    "article_places",
    "event_place",
    "gazetteer",
    "incident_place",
    "place_ref",
    "places",
    "resolve_name",
    "resolve_spans",
    "strip_mention",
]
