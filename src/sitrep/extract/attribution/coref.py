"""Who "he", "they" or "the ministry" is: the last compatible named speaker before it.

A small, deterministic resolver shared by claims, casualty sources and quotes. The article's
named sources and speakers are added in text order (:meth:`Antecedents.add`); a pronoun or a
definite description is resolved against the latest compatible one before it
(:meth:`Antecedents.resolve`):

- "he", "she" -> the last person;
- "they", "it" -> the last organisation (or, for "they", group of officials);
- "the ministry", "the governor", "the agency" -> the last source whose name or role holds that
  word ("Gaza's Health Ministry", "Oleksandr Starukh, the governor");
- "the statement", "the report", "Quote:" -> the last source of any kind.

:func:`introduced_people` gives the people an article introduces with a role or an age ("Anna
Berg, a government adviser,", "Jwan Willy, 14,"), whom a later "he said" may mean.

It refuses (returns None) when nothing compatible came before, or when the antecedent is more
than ``window`` characters back: an old name is a guess, not a reading.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from sitrep.extract.attribution.lexicon import GENERIC_BODIES, GENERIC_OFFICIALS, ISSUED_DOCUMENTS
from sitrep.extract.attribution.phrase import SourceKind, SourcePhrase
from sitrep.extract.places.lexicon import PLACE_NOUNS

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
_THING_PRONOUNS = frozenset({"it", "its"})
_DETERMINERS = frozenset({"the", "this", "that"})
_DEFINITE = re.compile(r"^(?:the|this|that)\s+(?P<head>[a-z][a-z-]*)$", re.I)


@dataclass(frozen=True, slots=True)
class Antecedent:
    """A named source or speaker seen in the article."""

    name: str
    role: str | None
    kind: SourceKind
    start: int
    relay: bool = False

    @property
    def words(self) -> frozenset[str]:
        """The lower-case words of the name and role ("health", "ministry", "governor")."""
        return frozenset(re.findall(r"[a-z]+", f"{self.name} {self.role or ''}".lower()))


@dataclass(slots=True)
class Antecedents:
    """The named sources of one article, in text order, and the resolver over them.

    Attributes:
        window: how many characters back an antecedent may be.
    """

    window: int = 2500
    sentence_starts: list[int] = field(default_factory=list)
    _seen: list[Antecedent] = field(default_factory=list)

    def add(
        self,
        name: str,
        start: int,
        kind: SourceKind,
        role: str | None = None,
        *,
        relay: bool = False,
    ) -> None:
        """Record a named source or speaker at character ``start`` (pronouns are not added).

        ``relay`` marks an outlet that passes on someone else's words ("as cited by X", "Y said
        this, according to X"): a later "the statement" is not its own.
        """
        if kind == "pronoun" or not name or name.lower() in _PERSON_PRONOUNS | _PLURAL_PRONOUNS:
            return
        self._seen.append(Antecedent(name, role, kind, start, relay))
        self._seen.sort(key=lambda a: a.start)

    def add_phrase(self, phrase: SourcePhrase, *, relay: bool = False) -> None:
        """Record a :class:`~sitrep.extract.attribution.phrase.SourcePhrase`."""
        self.add(phrase.name, phrase.start, phrase.kind, phrase.role, relay=relay)

    def _before(self, at: int) -> list[Antecedent]:
        return [a for a in reversed(self._seen) if a.start < at and at - a.start <= self.window]

    def resolve(self, mention: str, at: int) -> Antecedent | None:
        """The antecedent of ``mention`` (a pronoun or "the <noun>") at character ``at``.

        Args:
            mention: the phrase as written ("he", "They", "the ministry", "the statement").
            at: its character offset; only antecedents before it count.

        Returns:
            The latest compatible :class:`Antecedent`, or None.
        """
        low = " ".join(mention.lower().split())
        before = self._before(at)
        if low in _PERSON_PRONOUNS:
            return next((a for a in before if a.kind == "person"), None)
        if low in _PLURAL_PRONOUNS:
            return next((a for a in before if a.kind in {"organisation", "group"}), None)
        if low in _THING_PRONOUNS:
            return next((a for a in before if a.kind == "organisation"), None)
        m = _DEFINITE.match(low)
        head = m.group("head") if m else (low if low in ISSUED_DOCUMENTS else None)
        if head is None:
            return None
        if head in ISSUED_DOCUMENTS:
            return self._issuer([a for a in before if not a.relay] or before)
        stem = head[:-1] if head.endswith("s") and len(head) > 4 else head
        # a plural ("residents") is no single person or group member named once ("a
        # resident"); an organisation's name may hold the singular ("the forces", "Force")
        named = next(
            (
                a
                for a in before
                if head in a.words
                or (stem in a.words and (stem == head or a.kind == "organisation"))
            ),
            None,
        )
        if named is None and head in GENERIC_BODIES:
            # "the group" after "JNIM claimed ...": the last organisation, whatever its name
            return next((a for a in before if a.kind == "organisation"), None)
        if named is None and head in GENERIC_OFFICIALS:
            # "the official" after "the head of the RMA Oleksandr Starukh": the last person
            # named with an office
            return next((a for a in before if a.kind == "person" and a.role), None)
        return named

    def holder(self, office: str, at: int) -> Antecedent | None:
        """The person holding ``office`` ("president") for a description at ``at``: the last
        one named with it before, else the first named with it after (a lead that says "the
        country's president" and names him further down), within ``window``."""

        def holds(a: Antecedent) -> bool:
            return a.kind == "person" and office in re.findall(r"[a-z]+", (a.role or "").lower())

        before = next((a for a in self._before(at) if holds(a)), None)
        after = (a for a in self._seen if at < a.start <= at + self.window and holds(a))
        return before or next(after, None)

    def fuller(self, short: str, at: int) -> Antecedent | None:
        """The organisation a short form of its name stands for: "the City Council" after "the
        Mariupol City Council", "the Emergency Service" after "the State Emergency Service of
        Ukraine", "hospital officials" after "officials from Awda Hospital". ``short`` is a
        description (it opens with "the" or is in lower case: "World Central Kitchen" is a
        name of its own); the latest organisation before ``at`` whose name holds every word of
        it (two or more, "the" aside) and more; None if there is none."""
        if short.split()[:1] not in (["the"], ["The"]) and short != short.lower():
            return None
        words = set(re.findall(r"[a-z]+", short.lower())) - _DETERMINERS
        if len(words) < 2:
            return None
        for a in self._before(at):
            own = re.findall(r"[a-z]+", a.name.lower())
            if a.kind == "organisation" and words < set(own) - _DETERMINERS:
                return a
        return None

    def _issuer(self, before: list[Antecedent]) -> Antecedent | None:
        """Who issued "the statement": the first source of the latest sentence naming one.

        A sentence names its source first and a relay after it ("The council said in a post,
        according to Ukrinform"; "reported by the service, as cited by Ukrinform").
        """
        if not before:
            return None
        k = bisect.bisect_right(self.sentence_starts, before[0].start) - 1
        lo = self.sentence_starts[k] if k >= 0 else before[0].start
        same = [a for a in before if a.start >= lo]
        return same[-1]

    def between(self, lo: int, hi: int) -> list[Antecedent]:
        """The antecedents that start in [lo, hi), in text order."""
        return [a for a in self._seen if lo <= a.start < hi]

    def last(self, at: int) -> Antecedent | None:
        """The latest antecedent of any kind before ``at`` (for cue-less quotes: "Quote:")."""
        return self._author(self._before(at))

    @staticmethod
    def _author(before: list[Antecedent]) -> Antecedent | None:
        """The latest antecedent that speaks for itself, else the latest relay."""
        return next((a for a in before if not a.relay), next(iter(before), None))


def introduced_people(doc: Doc) -> list[Span]:
    """People the article introduces with a role ("Anna Berg, a government adviser, ..."): a
    later "he said" may refer to them though no cue verb governs them (the parse may give the
    name no verb at all). Quote speakers and claim sources resolve against the same people."""
    return [
        ent
        for ent in doc.ents
        if ent.label_ == "PERSON"
        and ent.root.dep_ != "appos"
        and any(_introduces(c) for c in ent.root.rights)
    ]


def _introduces(c: Token) -> bool:
    """Whether an apposition introduces a person: a role ("a government adviser") or an age
    ("Jwan Willy, 14,"); never a kind of place ("Majdal Shams, a Druse Arab village")."""
    if c.dep_ != "appos":
        return False
    if c.pos_ == "NUM":
        return c.like_num and c.text.isdigit() and 0 < int(c.text) < 120
    return c.pos_ == "NOUN" and c.lemma_.lower() not in PLACE_NOUNS
