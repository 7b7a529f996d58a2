"""Named entity mentions from the spaCy parse (after the gazetteer ruler)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from sitrep.model import Entity

KEEP = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW"})

# Heads that turn "<Ukrainian|Russian|Syrian> ... <head>" into an organisation the small model
# tags only as a nationality: "the Ukrainian emergency service", "the Russian defence ministry".
INSTITUTION_HEADS = frozenset(
    [
        "service",
        "services",
        "ministry",
        "army",
        "military",
        "navy",
        "police",
        "government",
        "authorities",
        "agency",
        "committee",
        "council",
        "parliament",
        "guard",
        "guards",
        "forces",
        "command",
        "commission",
        "office",
        "court",
        "prosecutor",
        "prosecutors",
        "administration",
        "embassy",
        "delegation",
        "red",
    ]
)


def _institution(ent: Span) -> Span | None:
    """Extend a NORP/GPE mention over a following institution noun phrase ("... emergency service")."""
    doc = ent.doc
    end = ent.end
    limit = min(len(doc), ent.end + 6)
    last_head = None
    while end < limit:
        tok = doc[end]
        if tok.lower_ in {"'s", "\u2019s"} and (last_head is not None or end == ent.end):
            end += 1  # "the Ukrainian prosecutor general's office"
            continue
        is_word = tok.is_lower and tok.is_alpha
        if not is_word or (tok.pos_ not in {"NOUN", "ADJ"} and tok.lower_ not in INSTITUTION_HEADS):
            break  # the noun phrase ends ("Russian forces shelled ...")
        if tok.lower_ in INSTITUTION_HEADS:
            last_head = end
        end += 1
    if last_head is None:
        return None
    return doc[ent.start : last_head + 1]


def entities(doc: Doc) -> list[Entity]:
    """Every named entity of a kept label, with its character span.

    Nationality adjectives heading an institution ("Ukrainian emergency service") are given as
    the organisation (ORG) in addition to the nationality (NORP).
    """
    out: list[Entity] = []
    for ent in doc.ents:
        if ent.label_ not in KEEP:
            continue
        if len(ent) > 1 and ent[0].lower_ == "the":
            ent = Span(doc, ent.start + 1, ent.end, label=ent.label)
        text = ent.text.strip()
        if not text:
            continue
        out.append(
            Entity(
                label=ent.label_, text=text, start=ent.start_char, end=ent.start_char + len(text)
            )
        )
        if ent.label_ in ("NORP", "GPE"):
            org = _institution(ent)
            if org is not None:
                out.append(
                    Entity(label="ORG", text=org.text, start=org.start_char, end=org.end_char)
                )
    # an organisation inside a longer one ("defence ministry" in "Ukraine's defence ministry")
    orgs = [(e.start, e.end) for e in out if e.label == "ORG"]
    return [
        e
        for e in out
        if e.label != "ORG"
        or not any(s <= e.start and e.end <= t and (s, t) != (e.start, e.end) for s, t in orgs)
    ]
