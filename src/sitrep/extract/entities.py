"""Named entity mentions from the spaCy parse (after the gazetteer ruler)."""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.model import Entity

KEEP = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW"})


def entities(doc: Doc) -> list[Entity]:
    """Every named entity of a kept label, with its character span."""
    out: list[Entity] = []
    for ent in doc.ents:
        if ent.label_ not in KEEP:
            continue
        text = ent.text.strip()
        if not text:
            continue
        out.append(Entity(label=ent.label_, text=text, start=ent.start_char, end=ent.start_char + len(text)))
    return out
