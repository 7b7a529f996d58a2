"""``sitrep eval casualties``: casualty counts against the MUC-3/4 answer keys.

Gold, per story: the set of (kind, number) with kind ``killed`` for DEATH and ``injured`` for
INJURY, from the HUM TGT fillers whose slot-21 NUMBER is an integer; slot 21 and slot 23
(EFFECT OF INCIDENT) are paired through their cross-reference string (the k-th filler of a
string with the k-th effect of that string). PLURAL, ranges ("6-"), approximations ("~100"),
"-" and "*" are skipped; alternatives ("10 / 10- / PLURAL") keep their integer forms. A filler
is optional when its template is OPTIONAL or the filler or its effect has a "?": an optional
item is a true positive when found and no false negative when missed.

Systems: sitrep (the claims :func:`muc_countable` keeps) and the classic regex peer (a number
within a few words of killed/dead/died/wounded/injured). The texts are upper case and hard-wrapped;
sitrep parses a copy with the lines joined and the case guessed (:mod:`sitrep.extract.casualties.truecase`)
in which sentences without a casualty cue are blanked (same length, so the offsets hold) to
keep a full run to about a minute on one core.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from sitrep import nlp as nlp_mod
from sitrep.eval.base import PRF, Progress, Report, require_gold
from sitrep.extract.casualties.accept import accepted, shipped_model
from sitrep.extract.casualties.claims import BLOCKING_FLAGS
from sitrep.extract.casualties.claims import casualties as extract_casualties
from sitrep.extract.casualties.lexicon import CUES, PHRASE_CUES
from sitrep.extract.casualties.numbers import words_to_int
from sitrep.extract.casualties.parts import more_casualties
from sitrep.extract.casualties.truecase import truecase
from sitrep.extract.casualties.victims import victim_class
from sitrep.model import Article, CasualtyClaim

REFERENCE = (
    "Zhong et al., EACL 2023 (casualty counts from news): exact match 0.44-0.81 across three "
    "news sets; regex baselines 0.06-0.26"
)
_STORY_HEAD = re.compile(r"^((?:DEV|TST\d+)-MUC\d-\d{4})\b.*$", re.M)
_DATELINE = re.compile(r"^\s*[^\n]{0,80}?,\s*(\d{1,2})\s+([A-Z]{3})\s+(\d{2})\b")
_TAGS = re.compile(r"\[(?:TEXT|REPORT|EXCERPT|EXCERPTS|CONTINUED|COMMENTARY|INTERVIEW)[^\]]*\]")
_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
_EFFECT_KIND = {"DEATH": "killed", "INJURY": "injured"}

Item = tuple[str, str, int]  # (story, kind, number)


@dataclass(frozen=True, slots=True)
class GoldItem:
    """One gold (kind, number) of a story; ``numbers`` holds the acceptable alternatives."""

    story: str
    kind: str
    numbers: frozenset[int]
    optional: bool


@dataclass(frozen=True, slots=True)
class Story:
    """One MUC message: its id, text and dateline date."""

    id: str
    text: str
    date: dt.date | None


def read_stories(path: Path) -> Iterator[Story]:
    """The stories of one MUC text file."""
    raw = path.read_text(encoding="latin-1")
    heads = list(_STORY_HEAD.finditer(raw))
    for k, m in enumerate(heads):
        end = heads[k + 1].start() if k + 1 < len(heads) else len(raw)
        body = raw[m.end() : end].strip("\n")
        date: dt.date | None = None
        d = _DATELINE.match(body)
        if d and d.group(2) in _MONTHS:
            try:
                date = dt.date(
                    1900 + int(d.group(3)), _MONTHS.index(d.group(2)) + 1, int(d.group(1))
                )
            except ValueError:
                date = None
        body = body.split("--", 1)[1] if "--" in body[:200] else body
        yield Story(m.group(1), _TAGS.sub("", body).strip(), date)


# The slot names of a MUC-3/4 template (task definition, appendix A), matched by name so that a
# key is read by its format: values may start at any column, after spaces or tabs.
SLOT_NAMES: dict[int, str] = {
    0: "MESSAGE: ID",
    1: "MESSAGE: TEMPLATE",
    2: "INCIDENT: DATE",
    3: "INCIDENT: LOCATION",
    4: "INCIDENT: TYPE",
    5: "INCIDENT: STAGE OF EXECUTION",
    6: "INCIDENT: INSTRUMENT ID",
    7: "INCIDENT: INSTRUMENT TYPE",
    8: "PERP: INCIDENT CATEGORY",
    9: "PERP: INDIVIDUAL ID",
    10: "PERP: ORGANIZATION ID",
    11: "PERP: ORGANIZATION CONFIDENCE",
    12: "PHYS TGT: ID",
    13: "PHYS TGT: TYPE",
    14: "PHYS TGT: NUMBER",
    15: "PHYS TGT: FOREIGN NATION",
    16: "PHYS TGT: EFFECT OF INCIDENT",
    17: "PHYS TGT: TOTAL NUMBER",
    18: "HUM TGT: NAME",
    19: "HUM TGT: DESCRIPTION",
    20: "HUM TGT: TYPE",
    21: "HUM TGT: NUMBER",
    22: "HUM TGT: FOREIGN NATION",
    23: "HUM TGT: EFFECT OF INCIDENT",
    24: "HUM TGT: TOTAL NUMBER",
}
_SLOT_BY_NAME = {name: number for number, name in SLOT_NAMES.items()}
_SLOT_LINE = re.compile(r"^[ \t]*(\d+)\.[ \t]+(\S.*?)[ \t]*$")
# "GROUP: NAME" in capitals, then the value after two or more blanks or a tab (or nothing)
_SLOT_LABEL = re.compile(
    r"^(?P<label>[A-Z][A-Z ]*?:[ \t]*[A-Z][A-Z ]*?)(?:[ \t]{2,}|\t|[ \t]*$)(?P<value>.*)$"
)
_KNOWN_LABEL = re.compile(
    "^(?P<label>"
    + "|".join(
        r"[ \t]+".join(re.escape(w) for w in name.replace(":", " : ").split()).replace(
            r"[ \t]+:", r"[ \t]*:"
        )
        for name in sorted(SLOT_NAMES.values(), key=len, reverse=True)
    )
    + r")(?=[ \t]|$)[ \t]*(?P<value>.*)$",
    re.I,
)
_TEMPLATE_START = re.compile(r"\n(?=[ \t]*0\.[ \t]+MESSAGE:[ \t]*ID\b)", re.I)


def _label(rest: str) -> tuple[str | None, str]:
    """(slot name in canonical spacing or None, value) of a slot line after its number."""
    m = _KNOWN_LABEL.match(rest)
    if m is None:
        m = _SLOT_LABEL.match(rest)
    if m is None:
        return None, rest.strip()
    name = " ".join(m.group("label").replace(":", " : ").split()).replace(" :", ":").upper()
    return name, m.group("value").strip()


def _slots(template: str) -> dict[int, list[str]]:
    """Slot number -> its filler lines, from one key template.

    Read by format, not by column: a slot line is its number, a dot, the slot's name and the
    value; every other non-blank line continues the slot above. The slot's name decides its
    number when it is a MUC slot name (a key renumbered or re-indented reads the same).
    """
    slots: dict[int, list[str]] = {}
    current: int | None = None
    for line in template.splitlines():
        if line.lstrip().startswith(";"):
            continue
        m = _SLOT_LINE.match(line)
        if m:
            name, value = _label(m.group(2))
            current = _SLOT_BY_NAME.get(name or "", int(m.group(1)))
            slots.setdefault(current, []).append(value)
        elif current is not None and line.strip():
            slots[current].append(line.strip())
    return slots


def _refs(value: str) -> tuple[str, ...]:
    return tuple(re.findall(r'"([^"]*)"', value))


def read_key(path: Path) -> list[GoldItem]:
    """The gold items of one answer-key file."""
    items: list[GoldItem] = []
    for template in _TEMPLATE_START.split(path.read_text(encoding="latin-1")):
        slots = _slots(template)
        if 0 not in slots or slots.get(1, ["*"])[0].startswith("*"):
            continue
        story = slots[0][0].split()[0]
        optional_template = "OPTIONAL" in slots.get(1, [""])[0]
        effects: dict[str, list[tuple[str, bool]]] = {}
        for value in slots.get(23, []):
            head = value.split(":", 1)[0]
            opt = head.strip().startswith("?")
            names = [a.strip(" ?") for a in head.split("/")]
            kind = next((_EFFECT_KIND[n] for n in names if n in _EFFECT_KIND), "")
            for ref in _refs(value):
                effects.setdefault(ref, []).append((kind, opt))
        seen: dict[str, int] = {}
        for value in slots.get(21, []):
            if ":" not in value:
                continue
            head = value.split(":", 1)[0].strip()
            opt = head.startswith("?")
            numbers = frozenset(
                int(a.strip(" ?")) for a in head.split("/") if a.strip(" ?").isdigit()
            )
            refs = _refs(value)
            if not numbers or not refs:
                continue
            k = seen.get(refs[0], 0)
            seen[refs[0]] = k + 1
            paired = effects.get(refs[0], [])
            if not paired:
                continue
            kind, eopt = paired[min(k, len(paired) - 1)]
            if kind:
                items.append(GoldItem(story, kind, numbers, optional_template or opt or eopt))
    return items


def keyed_stories(path: Path) -> set[str]:
    """The stories of one answer-key file that have at least one template (a relevant incident)."""
    out: set[str] = set()
    for template in _TEMPLATE_START.split(path.read_text(encoding="latin-1")):
        slots = _slots(template)
        if 0 in slots and not slots.get(1, ["*"])[0].startswith("*"):
            out.add(slots[0][0].split()[0])
    return out


def score(gold: Iterable[GoldItem], pred: Iterable[Item]) -> PRF:
    """P/R/F1 of predicted (story, kind, number) against gold items with optional ones.

    Args:
        gold: the gold items; an optional one is a hit when found, never a miss.
        pred: the predicted items (a set: duplicates count once).

    Returns:
        The counts as a :class:`~sitrep.eval.base.PRF`.
    """
    # a required item wins over an optional one with the same numbers
    by_key: dict[tuple[str, str, frozenset[int]], bool] = {}
    for g in gold:
        key = (g.story, g.kind, g.numbers)
        by_key[key] = by_key.get(key, True) and g.optional
    remaining = set(pred)
    tp = fn = 0
    for (story, kind, numbers), optional in sorted(by_key.items(), key=lambda kv: kv[1]):
        hit = next(
            (p for p in remaining if p[0] == story and p[1] == kind and p[2] in numbers), None
        )
        if hit is not None:
            remaining.discard(hit)
            tp += 1
        elif not optional:
            fn += 1
    return PRF(tp=tp, fp=len(remaining), fn=fn)


_NUM_WORD = (
    r"\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred"
)
_CASUALTY_WORD = r"killed|dead|died|wounded|injured"
_REGEX_PEER = [
    re.compile(rf"\b({_NUM_WORD})\s+(?:[a-z]+\s+){{0,3}}?({_CASUALTY_WORD})\b"),
    re.compile(rf"\b({_CASUALTY_WORD})\s+(?:[a-z]+\s+){{0,2}}?({_NUM_WORD})\b"),
]


def regex_peer(text: str) -> set[tuple[str, int]]:
    """The classic baseline: a number within a few words of a casualty word."""
    out: set[tuple[str, int]] = set()
    low = text.lower()
    for k, pat in enumerate(_REGEX_PEER):
        for m in pat.finditer(low):
            num, word = (m.group(1), m.group(2)) if k == 0 else (m.group(2), m.group(1))
            value = words_to_int([num.replace(",", "")]) if num != "hundred" else 100
            if value is None:
                continue
            kind = "injured" if word in {"wounded", "injured"} else "killed"
            out.add((kind, value))
    return out


_SENT = re.compile(r"[^.!?]+(?:[.!?]+|$)")


_WRAP = re.compile(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)")


_PHRASE_CUE_KEYS = tuple(f"{first} {second}" for first, (second, _) in PHRASE_CUES.items())


def candidate_text(text: str) -> str:
    """``text`` in guessed case (:func:`~sitrep.extract.casualties.truecase.truecase`), hard line wraps
    joined, with every sentence blanked that has no casualty cue (and does not follow one), so
    that only the sentences that matter are parsed; offsets are kept."""
    low = _WRAP.sub(lambda m: " " * len(m.group()), text).lower()
    out = list(low)
    keep_next = False
    for m in _SENT.finditer(low):
        words = set(re.findall(r"[a-z]+", m.group()))
        # "he passed away": a cue of two words
        has_cue = bool(words & CUES.keys()) or any(cue in m.group() for cue in _PHRASE_CUE_KEYS)
        if not has_cue and not keep_next:
            for i in range(m.start(), m.end()):
                if out[i] != "\n":
                    out[i] = " "
        keep_next = has_cue
    return truecase("".join(out))


# Sentences about fighting between armed forces, and about accidents: not terrorist acts.
_COMBAT = re.compile(
    r"\b(?:clash(?:es|ed)?|combat|skirmish(?:es)?|firefight|shootout|confrontations?|"
    r"sustained|suffered|inflicted|ranks|battle|fighting)\b"
)
_CLASH = re.compile(
    r"\b(?:clash(?:es|ed)?|combat|skirmish(?:es)?|firefight|shootout|exchange of (?:gun)?fire)\b"
)
_ACCIDENT = re.compile(
    r"\b(?:accident(?:s|al|ally)?|crash(?:ed|es)?|emergency landing|earthquake|floods?|"
    r"landslides?|drowned|traffic)\b"
)


# A figure in the hundreds is an incident's only beside the incident: "350 were wounded in the
# blast"; "432 persons have died and 477 have been wounded" tallies a war or an offensive.
_TALLY_FLOOR = 150
_INCIDENT = re.compile(
    r"\b(?:attacks?|blast|explosions?|bombs?|bombings?|massacre|ambush|raid|takeover|fire|siege)\b"
)


def _flat(c: CasualtyClaim) -> str:
    """A claim's sentence in lower case on one line ("emergency\\nlanding" is one phrase)."""
    return " ".join(c.evidence.text.lower().split())


def _tally(c: CasualtyClaim) -> bool:
    """Whether a claim's figure is a war or campaign tally rather than one incident's."""
    return (c.count or 0) >= _TALLY_FLOOR and not _INCIDENT.search(_flat(c))


def _combat(c: CasualtyClaim) -> bool:
    """Whether a claim counts losses of armed forces or groups: by its victims, or by its
    sentence when the victims do not say ("the army sustained 9 dead", "15 others")."""
    cls = victim_class(c.victims)
    if cls is not None:
        return cls == "combatant"
    if c.victims and c.count == 1:
        # a single person described or named is an individual target, unless killed in a clash
        return bool(_CLASH.search(_flat(c)))
    return bool(_COMBAT.search(_flat(c)))


def muc_countable(claims: list[CasualtyClaim]) -> list[CasualtyClaim]:
    """The claims that MUC keys count: exact, unflagged, incident-level deaths and injuries.

    A MUC number is per incident and per human target of a terrorist act (task definition
    1.0 and 7.22): hedged figures ("at least 6", "about 10") are keyed as ranges or
    approximations, cumulative tallies ("so far this year", or a figure in the hundreds with no
    incident in its sentence) are not incidents, accidents are
    not acts, and losses among soldiers or guerrillas (or unnamed victims of a clash) are
    combat, not terrorism, unless the same sentence also counts civilian victims (a guerrilla
    attack that also hits civilians).
    """
    base = [
        c
        for c in claims
        if c.count is not None
        and c.kind in {"killed", "injured"}
        and c.hedge is None
        and c.scope == "incident"
        and not set(c.flags) & BLOCKING_FLAGS
        and "sum" not in c.flags  # a total of victims named one by one: keyed one by one
        and not _ACCIDENT.search(_flat(c))
        and not _tally(c)
    ]
    combat = {id(c) for c in base if _combat(c)}
    mixed = {c.evidence.start for c in base if victim_class(c.victims) == "civilian"}
    return [c for c in base if id(c) not in combat or c.evidence.start in mixed]


@dataclass(slots=True)
class Predictions:
    """sitrep's (kind, number) per story: learned, by the rules, and every figure extracted."""

    learned: dict[str, set[tuple[str, int]]]
    rules: dict[str, set[tuple[str, int]]]
    extracted: dict[str, set[tuple[str, int]]]


def story_claims(doc: Doc, story: Story) -> list[CasualtyClaim]:
    """Every casualty claim sitrep finds in one parsed story, as the pipeline finds them: the
    sentence claims, then their sub-counts, far tolls and named members
    (:func:`~sitrep.extract.casualties.parts.more_casualties`); no places or times (the MUC
    figures do not need them)."""
    art = Article(id=story.id, text=story.text, published=story.date)
    claims = extract_casualties(doc, article=art, places=[], times=[])
    return more_casualties(doc, claims, article=art, places=[])


def sitrep_predict(stories: list[Story], progress: Progress) -> Predictions:
    """sitrep's figures per story: those the learned model accepts (:mod:`sitrep.extract.
    casualty_accept`), those :func:`muc_countable` keeps, and every figure extracted."""
    texts = [candidate_text(s.text) for s in stories]
    docs = nlp_mod.parse_many(texts, batch_size=32)
    preds = Predictions({}, {}, {})
    for story, doc in progress.track(zip(stories, docs, strict=True), len(stories), "casualties"):
        claims = story_claims(doc, story)
        kept = accepted(claims, text_length=len(story.text), text=story.text)
        preds.learned[story.id] = {(c.kind, c.count) for c in kept if c.count is not None}
        preds.rules[story.id] = {
            (c.kind, c.count) for c in muc_countable(claims) if c.count is not None
        }
        preds.extracted[story.id] = {(c.kind, c.count) for c in claims if c.count is not None}
    return preds


def error_classes(
    gold: list[GoldItem],
    predicted: set[tuple[str, str, int]],
    extracted: set[tuple[str, str, int]],
) -> str:
    """Where the errors are: false positives in stories with and without gold figures, and
    misses that were extracted but not counted (hedged, cumulative, flagged, combat) or never.

    Counted as :func:`score` counts: gold items are (story, kind, numbers) keys, a required key
    wins over an optional one, and each prediction matches one key at most.
    """
    required: dict[tuple[str, str, frozenset[int]], bool] = {}
    for g in gold:
        key = (g.story, g.kind, g.numbers)
        required[key] = required.get(key, False) or not g.optional
    remaining = set(predicted)
    misses: list[tuple[str, str, frozenset[int]]] = []
    for key, req in sorted(required.items(), key=lambda kv: not kv[1]):
        story, kind, numbers = key
        hit = next(
            (p for p in remaining if p[0] == story and p[1] == kind and p[2] in numbers), None
        )
        if hit is not None:
            remaining.discard(hit)
        elif req:
            misses.append(key)
    with_gold = {g.story for g in gold}
    fp_no_gold = sum(1 for p in remaining if p[0] not in with_gold)
    filtered = sum(
        1 for story, kind, numbers in misses if any((story, kind, n) in extracted for n in numbers)
    )
    return (
        f"error classes: {len(remaining)} false positives ({fp_no_gold} in stories whose key has "
        f"no figure, {len(remaining) - fp_no_gold} in stories with figures); {len(misses)} "
        f"required gold figures missed ({filtered} extracted but not counted for MUC, "
        f"{len(misses) - filtered} never extracted)"
    )


def collect(data: Path) -> tuple[list[Path], list[Path]]:
    """The story files and key files under ``data`` (a set folder or the casualties folder)."""
    files = sorted(p for p in data.rglob("*") if p.is_file() and "taskdoc" not in p.parts)
    keys = [p for p in files if p.name.startswith("key-")]
    texts = [p for p in files if re.match(r"^(dev|tst\d+)-muc\d", p.name)]
    return texts, keys


def run(data: Path, *, limit: int | None = None, progress: Progress) -> Report:
    """Score sitrep and the regex peer on the MUC-3/4 stories under ``data``.

    Args:
        data: the casualties folder (all sets) or one set folder such as ``dev/``.
        limit: score only the first ``limit`` stories.
        progress: progress reporting.

    Returns:
        The report: precision/recall/F1 per system, ``n`` = stories scored.
    """
    texts, keys = collect(data)
    stories = [s for p in texts for s in read_stories(p)]
    if limit is not None:
        stories = stories[:limit]
    ids = {s.id for s in stories}
    require_gold(len(stories), task="casualties", data=data, what="MUC stories")
    gold = [g for k in keys for g in read_key(k) if g.story in ids]
    require_gold(len(gold), task="casualties", data=data, what="answer-key casualty figures")
    preds = sitrep_predict(stories, progress)
    sitrep_items = {(sid, k, n) for sid, ps in preds.learned.items() for k, n in ps}
    rules_items = {(sid, k, n) for sid, ps in preds.rules.items() for k, n in ps}
    extracted_items = {(sid, k, n) for sid, ps in preds.extracted.items() for k, n in ps}
    regex_items = {(s.id, k, n) for s in stories for k, n in regex_peer(s.text)}
    report = Report(task="casualties", n=len(stories), reference=REFERENCE)
    systems = (("sitrep", sitrep_items), ("sitrep-rules", rules_items), ("regex", regex_items))
    for name, items in systems:
        prf = score(gold, items)
        report.systems[name] = {**prf.as_dict(), "tp": prf.tp, "fp": prf.fp, "fn": prf.fn}
    report.notes.append(
        f"{len(gold)} gold items ({sum(not g.optional for g in gold)} required) in "
        f"{len({g.story for g in gold})} stories; sets: {', '.join(sorted({p.parent.name for p in texts}))}"
    )
    meta = shipped_model().meta or {}
    report.notes.append(
        "sitrep: the learned candidate model (logistic regression over claim features, trained "
        f"on MUC-4 {meta.get('data', '?')} with {meta.get('candidates', '?')} candidates; scores "
        "on that set are in-sample, tst1/tst2 are held out); sitrep-rules: muc_countable, exact "
        "killed/injured figures of incident scope, unflagged, not accidents, combat losses only "
        "beside civilian victims"
    )
    report.notes.append(error_classes(gold, sitrep_items, extracted_items))
    return report
