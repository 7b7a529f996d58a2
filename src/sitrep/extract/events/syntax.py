"""Reading the parse for events: clauses, noun phrases, subjects and governing verbs.

Small helpers over spaCy tokens shared by the trigger, participant and context passes of
:mod:`sitrep.extract.events.detect`: a verb's subject through control and relative clauses, a
compact name for a noun phrase, the verb a noun trigger is an argument of, and the chain of
clauses a trigger belongs to.
"""

from __future__ import annotations

from spacy.tokens import Token

ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
TIME_LABELS = frozenset({"DATE", "TIME"})
QUANTITY_HEADS = frozenset(
    [
        "thousands",
        "hundreds",
        "dozens",
        "scores",
        "tens",
        "millions",
        "some",
        "many",
        "group",
        "groups",
        "number",
        "crowd",
        "crowds",
        "members",
    ]
)
_TITLES = frozenset(
    [
        "president",
        "prime",
        "minister",
        "chancellor",
        "general",
        "gen.",
        "mr",
        "mr.",
        "mrs",
        "ms",
        "dr.",
        "king",
        "secretary",
        "foreign",
        "defence",
        "defense",
        "spokesman",
        "spokeswoman",
    ]
)


def dep_child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    """The first child of ``tok`` with one of the dependency labels ``deps``."""
    return next((c for c in tok.children if c.dep_ in deps), None)


def subject_of(tok: Token) -> Token | None:
    """The subject of a verb, climbing through xcomp, conj and relative clauses."""
    cur = tok
    for _ in range(4):
        subj = dep_child(cur, ("nsubj", "csubj"))
        if subj is None and cur is tok and dep_child(cur, ("nsubjpass",)) is None:
            subj = next(  # "a crowd set fire" misparsed as an adverbial noun: the subject
                (
                    c
                    for c in cur.children
                    if c.dep_ == "npadvmod"
                    and c.i < cur.i
                    and c.pos_ in ("NOUN", "PROPN")
                    and c.ent_type_ not in TIME_LABELS
                ),
                None,
            )
        if subj is not None:
            if subj.pos_ == "PRON" and cur.head.i != cur.i:
                higher = subject_of(cur.head) if cur.dep_ in ("ccomp", "advcl") else None
                if higher is not None and higher.pos_ != "PRON":
                    return higher
            if subj.lower_ in ("which", "that", "who") and cur.dep_ == "relcl":
                return cur.head
            return subj
        if cur.dep_ in ("xcomp", "conj", "advcl", "relcl") and cur.head.i != cur.i:
            if cur.dep_ == "relcl":
                return None
            cur = cur.head
            continue
        return None
    return None


def phrase_name(tok: Token) -> str:
    """A compact name for the noun phrase headed by ``tok`` (no determiners or clauses)."""
    keep = {tok.i}
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "flat", "nummod") and c.i < tok.i:
            keep.update(t.i for t in c.subtree if t.dep_ not in ("case", "punct", "det"))
    if tok.lower_ in QUANTITY_HEADS:  # "thousands of demonstrators" -> "demonstrators"
        inner = prep_object(tok, ("of",))
        if inner is not None:
            return phrase_name(inner)
    words = [tok.doc[i] for i in sorted(keep)]
    if tok.ent_type_ == "PERSON":  # "US President Joe Biden" -> "Joe Biden"
        words = [w for w in words if w.ent_type_ == "PERSON"] or words
    while len(words) > 1 and words[0].lower_ in _TITLES:
        words = words[1:]
    return " ".join(w.text for w in words if w.dep_ != "case" and w.text != "'s")


def prep_object(tok: Token, preps: tuple[str, ...]) -> Token | None:
    """The object of a preposition ``preps`` under ``tok`` ("attack on Kyiv"), not a time."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            obj = dep_child(c, ("pobj",))
            if obj is not None and obj.ent_type_ not in TIME_LABELS:
                return obj
    return None


_ARG_DEPS = ("dobj", "pobj", "prep", "attr", "conj", "compound", "nsubj", "nsubjpass")


def governing_verb(trig: Token) -> Token | None:
    """The verb a noun trigger is an argument of ("launched an attack", "talks will resume",
    "travelling to a meeting point for talks"); not through "after", "since" and the like."""
    cur = trig
    for _ in range(5):
        if cur.dep_ not in _ARG_DEPS:
            return None
        if cur.dep_ == "prep" and cur.lower_ not in ("for", "in", "into", "to", "at", "of"):
            return None
        head = cur.head
        if head.i == cur.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        cur = head
    return None


def governors(tok: Token, n: int = 4) -> list[Token]:
    """Up to ``n`` heads above ``tok``, nearest first."""
    out: list[Token] = []
    cur = tok
    for _ in range(n):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        out.append(cur)
    return out


def clause_head(tok: Token) -> Token:
    """The verb of the clause a token is in (itself when it is one)."""
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def clause_chain(trig: Token) -> set[int]:
    """The trigger's clause and the clauses it is part of (a reported or complement clause
    climbs to its reporting verb), but not past a coordinated clause or an adverbial clause
    with its own conjunction ("while", "since"): those tell of something else."""
    out: set[int] = set()
    head = clause_head(trig)
    for _ in range(8):
        out.add(head.i)
        if head.head.i == head.i or head.dep_ in ("conj", "parataxis"):
            break
        if head.dep_ == "advcl" and any(c.dep_ == "mark" for c in head.children):
            break
        head = clause_head(head.head)
    return out


def tree_depth(tok: Token) -> int:
    """How far below the root of its parse a token sits."""
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d
