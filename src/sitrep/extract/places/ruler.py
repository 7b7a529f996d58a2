"""The gazetteer ruler: finds the places the small spaCy model misses or mislabels.

The statistical NER of a small model calls "Kharkiv" a PERSON in "central Kharkiv" and misses
many towns. :func:`add_gazetteer_ruler` adds a component after ``ner`` that matches capitalized
token runs against the gazetteer and adds (or relabels as) GPE the matches the words around
them say are places: a locative preposition or direction word before ("in", "near",
"central"), a place noun after ("region", "County"), a state or country after a comma.
The vocabulary here is shared with :mod:`sitrep.extract.places.resolve`.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sitrep.extract.places import gazetteer as gz
from sitrep.extract.places.gazetteer import normalize
from sitrep.extract.places.lexicon import (
    CALENDAR,
    CONNECTORS,
    CUE_AFTER,
    CUE_BEFORE,
    DIRECTIONS,
    GENERIC_HEADS,
    LIST_WORDS,
    PROVINCE_ABBREVIATIONS,
    REGION_WORDS,
    SETTLEMENT_NOUNS,
    TITLES,
    WEAK_CUE_BEFORE,
)
from sitrep.extract.places.war_gazetteer import COUNTRIES as WAR_COUNTRIES

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


COMPONENT = "sitrep_gazetteer"

# What follows a wire dateline: "BEIRUT —", "TORRINGTON, Conn.", "HAMILTON (AP)".
_DASHES = frozenset({"—", "–", "-", "--"})
_DATELINE_AFTER = _DASHES | {",", "(", ":"}


def strip_mention(text: str) -> tuple[str, bool]:
    """The lookup key of a mention and whether it names a region around the place.

    "the Donetsk region" -> ("donetsk", True); "central Kharkiv" -> ("kharkiv", False);
    "the southern port of Kherson" -> ("kherson", False).
    """
    gaz = gz.load()
    key = normalize(text)
    if key.endswith("'s"):
        key = key[:-2].rstrip()
    words = key.split()
    region = False
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    if " ".join(words) in gaz:
        return " ".join(words), False
    if len(words) > 1 and words[-1] in REGION_WORDS:
        words, region = words[:-1], True
    while len(words) > 1 and words[-1] in GENERIC_HEADS and " ".join(words) not in gaz:
        words = words[:-1]
    while (
        len(words) > 1
        and " ".join(words) not in gaz
        and (words[0] in DIRECTIONS or words[0] in GENERIC_HEADS or words[0] in ("of", "port"))
    ):
        words = words[1:]
    return " ".join(words), region


def _cue_before(doc: Doc, i: int) -> int:
    """2 for a locative preposition, direction word or place noun just before token ``i``,
    1 for a weak cue ("from", "to", "shelling of"), else 0."""
    j = i - 1
    while (
        j >= 0
        and i - j < 4
        and (doc[j].lower_ in DIRECTIONS or doc[j].lower_ in ("the", "a", "an"))
    ):
        if doc[j].lower_ in DIRECTIONS:
            return 2
        j -= 1
    if j < 0:
        return 0
    if doc[j].text in LIST_WORDS and j > 0 and doc[j - 1].ent_type_ in PLACE_LABELS:
        return 2
    w = doc[j].lower_
    if w in CUE_BEFORE:
        return 2
    if w == "of" and j > 0 and doc[j - 1].lower_ in CUE_BEFORE:  # "the city of X"
        return 2
    return 1 if w in WEAK_CUE_BEFORE else 0


def cue(doc: Doc, start: int, end: int) -> int:
    """How strongly the words around a span say it is a place (0, 1 or 2)."""
    return max(_cue_before(doc, start), 2 if _cue_after(doc, end) else 0)


def _cue_after(doc: Doc, end: int) -> bool:
    if end >= len(doc):
        return False
    w = doc[end].lower_
    if w in CUE_AFTER:
        return True
    if w in LIST_WORDS and end + 1 < len(doc) and doc[end + 1].ent_type_ == "GPE":
        return True  # "Nitra, Prešov and Košice"
    # "Odessa, Ukraine" / "Austin, Texas"
    if w == "," and end + 1 < len(doc):
        nxt = normalize(doc[end + 1].text)
        return gz.load().salience(nxt)[1] in ("country", "region")
    return False


def _capitalized(tok: Token) -> bool:
    return (tok.text[:1].isupper() and tok.is_alpha) or tok.text in ("D.C.", "St.", "U.S.", "U.K.")


def _abbreviation(doc: Doc | Span, i: int) -> tuple[int, int, str] | None:
    """A state's newspaper abbreviation at token ``i`` ("S.C.", "W. Va.", "Sen. Smith,
    D-S.C."), as a candidate keyed by the state's name."""
    text = doc[i].text
    bare = text in PROVINCE_ABBREVIATIONS and not (i and doc[i - 1].like_num)  # not 300 BC
    if ("." not in text and not bare) or not text[:1].isupper():
        return None
    end = i + 1
    if end < len(doc) and len(text) == 2 and doc[end].text.endswith("."):  # "W." "Va."
        two = gz.expand_abbreviation(text + doc[end].text)
        if two:
            return (i, end + 1, normalize(two))
    party = text[2:] if len(text) > 3 and text[1] == "-" and text[0] in "DRI" else text
    name = gz.expand_abbreviation(party)
    return (i, end, normalize(name)) if name else None


def candidates(doc: Doc | Span) -> list[tuple[int, int, str]]:
    """Longest gazetteer matches over capitalized token runs: (start, end, key)."""
    gaz = gz.load()
    toks = list(doc)  # each token's Python object made once, not once per test
    texts = [t.text for t in toks]
    caps = [_capitalized(t) for t in toks]
    found: list[tuple[int, int, str]] = []
    n = len(toks)
    i = 0
    while i < n:
        text = texts[i]
        abbr = _abbreviation(doc, i) if "." in text or text in PROVINCE_ABBREVIATIONS else None
        if abbr:
            found.append(abbr)
            i = abbr[1]
            continue
        if not caps[i]:
            i += 1
            continue
        j = i + 1
        while (
            j < n
            and j - i < 5
            and (
                caps[j]
                or (toks[j].lower_ in CONNECTORS and j + 1 < n and caps[j + 1])
                or (texts[j] in ("-", ".") and not toks[j].whitespace_)
            )
        ):
            j += 1
        match = None
        for end in range(j, i, -1):
            if not caps[end - 1]:
                continue
            key = normalize(doc[i:end].text)
            if key in gaz:
                match = (i, end, key)
                break
        if match:
            found.append(match)
            i = match[1]
        else:
            i += 1
    return found


def _person_words(doc: Doc) -> set[str]:
    """Words of multi-word person names in the document ("Jordan" of "Michael Jordan")."""
    out: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            out.update(t.lower_ for t in ent)
    return out


def _home(doc: Doc) -> frozenset[str]:
    """The war-zone countries the document's place names lie in ("Ukraine", "Donetsk")."""
    gaz = gz.load()
    out = set()
    for ent in doc.ents:
        if ent.label_ == "GPE":
            found = gaz.lookup_key(normalize(ent.text).removeprefix("the "))
            if found and found[0].country in WAR_COUNTRIES:
                out.add(found[0].country)
    return frozenset(out)


def _at_home(key: str, home: frozenset[str]) -> bool:
    """Whether the biggest town a name may be lies in a war-zone country the article names:
    a name the model calls a person or product there ("Kramatorsk was one of the easternmost
    stations") needs a quarter of the people."""
    if not home:
        return False
    found = gz.load().lookup_key(key)
    return bool(found) and found[0].kind == "city" and found[0].country in home


def _accept(
    doc: Doc,
    start: int,
    end: int,
    key: str,
    persons: set[str],
    home: bool = False,
    settled: bool = False,
) -> bool:
    """Whether a gazetteer match is a place mention here (``home``: a town of a war-zone
    country the article names; ``settled``: the words around it call it a settlement)."""
    pop, kind = gz.load().salience(key)
    span = doc[start:end]
    first = doc[start]
    if start > 0 and doc[start - 1].lower_.rstrip(".") in TITLES:
        return False
    if key in persons:
        return False
    if len(span) == 1 and first.lower_ in STOP_WORDS and not first.text.isupper():
        return False
    # Part of a longer proper name ("Washington Post", "Paris Hilton").
    if end < len(doc) and _capitalized(doc[end]) and doc[end].lower_ not in CUE_AFTER:
        return False
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and _capitalized(prev) and not prev.is_sent_start:  # "John Paris"
        return prev.lower_ in DIRECTIONS
    strength = cue(doc, start, end)
    big_kind = kind in ("country", "continent") or (kind == "region" and pop >= 1_000_000)
    propn = any(t.pos_ == "PROPN" for t in span)
    if _dateline(doc, start, end):
        return pop >= 1000 or kind != "city"
    if _county_after_town(doc, start, kind):
        return True
    if strength == 2:
        return propn or big_kind or pop >= 100_000
    if strength == 1 and propn and pop >= 15_000:
        return True
    if not propn and not big_kind:
        return False
    if settled:
        return True
    if first.is_sent_start and not big_kind and pop < (HOME_TOWN if home else 1_000_000):
        return False
    return big_kind or pop >= 100_000


def _county_after_town(doc: Doc, start: int, kind: str | None) -> bool:
    """A division after a name and a comma: "Oulton Park, Cheshire", "Croft, Yorkshire"."""
    after_name = start > 1 and doc[start - 1].text == "," and _capitalized(doc[start - 2])
    return kind == "region" and after_name


def _settlement(doc: Doc, start: int, end: int) -> bool:
    """A name the words around it call a settlement: "the village of X", "X (Kupiansk
    raion, Kharkiv)", "Y" in "X (Y)" (a town or division in brackets after a name), or a
    name before a division word ("X district")."""
    if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in SETTLEMENT_NOUNS:
        return True
    if end < len(doc) and doc[end].lower_ in REGION_WORDS:
        return True
    if end + 2 < len(doc) and doc[end].text == "," and _capitalized(doc[end + 1]):
        return doc[end + 2].lower_ in REGION_WORDS  # "Kramatorsk, Donetsk region"
    if end + 1 < len(doc) and doc[end].text == "(" and _capitalized(doc[end + 1]):
        return gz.load().salience(normalize(doc[end + 1].text))[1] is not None
    return start > 1 and doc[start - 1].text == "(" and _capitalized(doc[start - 2])


def _dateline(doc: Doc, start: int, end: int) -> bool:
    """A wire dateline: a capitalized name opening a paragraph, before a dash or comma."""
    span = doc[start:end]
    if not span.text.isupper() or len(span.text) < 3 or end >= len(doc):
        return False
    after = doc[end].text
    if after in _DASHES:  # "MANSFIELD -- Mansfield Mayor..."
        return True
    prev = doc[start - 1] if start else None
    opens = (
        prev is None
        or "\n" in prev.text_with_ws
        or prev.text == "."
        or bool(doc[start].is_sent_start)
    )
    return opens and after in _DATELINE_AFTER


# People a place the model labelled otherwise needs, by the strength of the cue before it
# (2: "the village of", 1: "in", 0: none).
NEEDED_BY_CUE = {2: 5_000, 1: 50_000, 0: 200_000}
# People in a war-zone town of a country the article names that a sentence may open with.
HOME_TOWN = 100_000
# Labels the small model puts on place names it does not know ("Tunis" as NORP).
_RELABEL = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "DATE"})


@Language.component(COMPONENT, requires=["doc.ents", "token.pos"], assigns=["doc.ents"])
def _gazetteer_component(doc: Doc) -> Doc:
    """Add or relabel GPE entities for gazetteer places the statistical NER missed."""
    cands = candidates(doc)
    if not cands:
        return doc
    persons = _person_words(doc)
    ents = list(doc.ents)
    owner: dict[int, int] = {}
    for k, ent in enumerate(ents):
        for t in range(ent.start, ent.end):
            owner[t] = k
    replace: dict[int, Span] = {}
    added: list[Span] = []
    for start, end, key in cands:
        if key in gz.LANDMARK_KEYS:  # "the Kremlin" stays what the model says it is
            continue
        hit = {owner[t] for t in range(start, end) if t in owner}
        if not hit:
            if _accept(doc, start, end, key, persons):
                added.append(Span(doc, start, end, label="GPE"))
            continue
        if len(hit) != 1:
            continue
        k = hit.pop()
        ent = ents[k]
        if ent.label_ in PLACE_LABELS and start <= ent.start and ent.end <= end:
            if (ent.start, ent.end) != (start, end):
                # the longest name the gazetteer knows holds the model's place: "the Gulf of
                # Aden" (no port city), "Gaza City", not the shorter name inside it
                replace[k] = Span(doc, start, end, label=ent.label_)
            continue
        if ent.label_ not in _RELABEL or (ent.start, ent.end) != (start, end):
            continue
        if ent.label_ == "DATE" and (len(ent) > 1 or ent[0].lower_ in CALENDAR):
            continue  # "in Manbij" read as a date, but not "in March"
        pop, kind = gz.load().salience(key)
        strength = cue(doc, start, end)
        big = kind in ("country", "continent") or (kind == "region" and pop >= 1_000_000)
        # The model's own label counts against a small place: "a pass from Henry".
        pinned = _dateline(doc, start, end) or _county_after_town(doc, start, kind)
        needed = 1_000 if pinned else NEEDED_BY_CUE[strength]
        settled = _settlement(doc, start, end)
        if settled:  # "the village of X", "X (Y raion, Z)"
            needed = 0
        acronym = ent.text.isupper() and len(ent.text) <= 4
        if ent.label_ == "ORG" and acronym and strength < 2:  # "the EU said": the organisation
            continue
        if (big or pop >= needed) and _accept(doc, start, end, key, persons, settled=settled):
            replace[k] = Span(doc, start, end, label="GPE")
    if not replace and not added:
        return doc
    new = [replace.get(k, e) for k, e in enumerate(ents)] + added
    doc.ents = sorted(new, key=lambda s: s.start)
    return doc


# Labels a place name elsewhere in the article overrides; an organisation keeps its label
# ("Ukraine" as ORG is the team or the government, a use of the place's name, not the place).
_ONE_SENSE = frozenset({"PERSON", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


def article_places(doc: Doc) -> Doc:
    """What holds across the paragraphs the component saw one at a time, over the joined
    article, for the towns of a war-zone country the article names places in: such a name
    taken for a place once is that place wherever the model called it a person or a product
    ("Kramatorsk: 50 people died" above "Kramatorsk, Donetsk region"), and it needs a quarter
    of the people it needs elsewhere ("Ukraine" in the lead, "Kramatorsk was one of the
    easternmost stations" below)."""
    ents = list(doc.ents)
    if not ents:
        return doc
    gaz = gz.load()
    placed = {normalize(e.text) for e in ents if e.label_ in PLACE_LABELS}
    home = _home(doc)
    persons: set[str] | None = None
    changed = False
    for k, ent in enumerate(ents):
        if ent.label_ not in _RELABEL or ent.label_ == "DATE":
            continue
        key = normalize(ent.text)
        if not _at_home(key, home):
            continue
        if key in placed and ent.label_ in _ONE_SENSE:
            ents[k] = Span(doc, ent.start, ent.end, label="GPE")
            changed = True
            continue
        persons = _person_words(doc) if persons is None else persons
        pop = gaz.salience(key)[0]
        needed = NEEDED_BY_CUE[cue(doc, ent.start, ent.end)] // 4
        if pop >= needed and _accept(doc, ent.start, ent.end, key, persons, home=True):
            ents[k] = Span(doc, ent.start, ent.end, label="GPE")
            changed = True
    if changed:
        doc.ents = ents
    return doc


def add_gazetteer_ruler(nlp: Language) -> None:
    """Add the gazetteer-backed place finder to ``nlp`` (after its ``ner``).

    Args:
        nlp: a spaCy pipeline with a parser/tagger and ``ner``.
    """
    if COMPONENT in nlp.pipe_names:
        return
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="ner")
    else:
        nlp.add_pipe(COMPONENT, last=True)


__all__ = [
    "COMPONENT",
    "PLACE_LABELS",
    "add_gazetteer_ruler",
    "article_places",
    "candidates",
    "strip_mention",
]
