"""Scoring of ``sitrep eval casualties`` on tiny hand-made MUC-style keys."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from sitrep.eval.casualties import (
    GoldItem,
    candidate_text,
    keyed_stories,
    muc_countable,
    read_key,
    read_stories,
    regex_peer,
    score,
)
from sitrep.extract.casualties.victims import victim_class
from sitrep.model import CasualtyClaim, Evidence

KEY = """\
0.  MESSAGE: ID                     TST9-MUC4-0001
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  02 MAY 91
18. HUM TGT: NAME                   -
19. HUM TGT: DESCRIPTION            "VILLAGERS"
                                    "SOLDIERS"
                                    "NURSE"
21. HUM TGT: NUMBER                 7: "VILLAGERS"
                                    PLURAL: "SOLDIERS"
                                    1: "NURSE"
23. HUM TGT: EFFECT OF INCIDENT     DEATH: "VILLAGERS"
                                    INJURY: "SOLDIERS"
                                    INJURY: "NURSE"

0.  MESSAGE: ID                     TST9-MUC4-0001
1.  MESSAGE: TEMPLATE               2 (OPTIONAL)
19. HUM TGT: DESCRIPTION            "GUARDS"
21. HUM TGT: NUMBER                 3 / 3- : "GUARDS"
23. HUM TGT: EFFECT OF INCIDENT     DEATH: "GUARDS"

0.  MESSAGE: ID                     TST9-MUC4-0002
1.  MESSAGE: TEMPLATE               *
21. HUM TGT: NUMBER                 *
"""

STORIES = """\
TST9-MUC4-0001 (TEST)

   LIMA, 3 MAY 91 -- [TEXT] SEVEN VILLAGERS WERE KILLED AND A NURSE WAS INJURED.

TST9-MUC4-0002 (TEST)

   LIMA, 3 MAY 91 -- [TEXT] NOTHING HAPPENED.
"""


@pytest.fixture()
def gold(tmp_path: Path) -> list[GoldItem]:
    (tmp_path / "key-tst9").write_text(KEY)
    return read_key(tmp_path / "key-tst9")


def test_read_key(gold: list[GoldItem]) -> None:
    assert {(g.story, g.kind, tuple(sorted(g.numbers)), g.optional) for g in gold} == {
        ("TST9-MUC4-0001", "killed", (7,), False),
        ("TST9-MUC4-0001", "injured", (1,), False),
        ("TST9-MUC4-0001", "killed", (3,), True),
    }


def test_keyed_stories_are_those_with_a_template(tmp_path: Path) -> None:
    (tmp_path / "key-tst9").write_text(KEY)
    assert keyed_stories(tmp_path / "key-tst9") == {"TST9-MUC4-0001"}


def test_read_stories(tmp_path: Path) -> None:
    (tmp_path / "tst9-muc4").write_text(STORIES)
    stories = list(read_stories(tmp_path / "tst9-muc4"))
    assert [s.id for s in stories] == ["TST9-MUC4-0001", "TST9-MUC4-0002"]
    assert stories[0].date is not None and stories[0].date.isoformat() == "1991-05-03"
    assert stories[0].text.startswith("SEVEN VILLAGERS")


def test_perfect(gold: list[GoldItem]) -> None:
    prf = score(gold, {("TST9-MUC4-0001", "killed", 7), ("TST9-MUC4-0001", "injured", 1)})
    assert prf.f1 == 1.0


def test_optional_found_is_a_hit(gold: list[GoldItem]) -> None:
    pred = {
        ("TST9-MUC4-0001", "killed", 7),
        ("TST9-MUC4-0001", "injured", 1),
        ("TST9-MUC4-0001", "killed", 3),
    }
    prf = score(gold, pred)
    assert (prf.tp, prf.fp, prf.fn) == (3, 0, 0)


def test_empty(gold: list[GoldItem]) -> None:
    assert score(gold, set()).f1 == 0.0


def test_partial(gold: list[GoldItem]) -> None:
    prf = score(gold, {("TST9-MUC4-0001", "killed", 7), ("TST9-MUC4-0001", "killed", 9)})
    assert (prf.tp, prf.fp, prf.fn) == (1, 1, 1)
    assert prf.f1 == pytest.approx(0.5)


def test_regex_peer() -> None:
    found = regex_peer("SEVEN VILLAGERS WERE KILLED AND 3 WOUNDED")
    assert {("killed", 7), ("injured", 3)} <= found
    assert ("killed", 3) in found  # the baseline's classic mistake: any nearby number


def _claim(kind: str, count: int | None, sentence: str, **kw: object) -> CasualtyClaim:
    start = kw.pop("start", 0)
    assert isinstance(start, int)
    return CasualtyClaim(
        id=f"{kind}{count}{start}",
        kind=kind,  # type: ignore[arg-type]
        count=count,
        low=count,
        high=count,
        hedge=None,
        evidence=Evidence(start, start + len(sentence), sentence),
        **kw,  # type: ignore[arg-type]
    )


def test_muc_countable_keeps_incident_figures_of_terrorist_acts() -> None:
    s1 = "Guerrillas killed 4 peasants and 2 soldiers."
    s2 = "Three soldiers were killed in a clash."
    s3 = "The army sustained 9 dead and 12 wounded."
    s4 = "Two people died when the bus crashed."
    claims = [
        _claim("killed", 4, s1, victims="peasants"),
        _claim("killed", 2, s1, victims="soldiers"),  # kept: the same act hit civilians
        _claim("killed", 3, s2, victims="soldiers", start=100),  # combat
        _claim("killed", 9, s3, start=200),  # combat, by its sentence
        _claim("injured", 12, s3, start=200),
        _claim("killed", 2, s4, victims="people", start=300),  # an accident
        _claim("killed", 50, "So far 50 died.", scope="cumulative", start=400),
        _claim("killed", 7, "Seven more died.", flags=("hypothetical",), start=500),
        _claim(
            "killed", 1, "Colonel Ruiz was shot dead at home.", victims="colonel ruiz", start=600
        ),  # a named officer is an individual target (killed in a clash, he is a combat loss)
        _claim("injured", None, "Dozens were hurt.", start=700),
    ]
    kept = {(c.kind, c.count) for c in muc_countable(claims)}
    assert kept == {("killed", 4), ("killed", 2), ("killed", 1)}


def test_muc_countable_leaves_out_war_tallies_but_not_big_incidents() -> None:
    tally = _claim("killed", 512, "The report adds that 512 persons have died since March.")
    blast = _claim("injured", 240, "Some 240 people were injured in the blast.", start=60)
    kept = {(c.kind, c.count) for c in muc_countable([tally, blast])}
    assert kept == {("injured", 240)}


def test_muc_countable_leaves_out_a_named_person_killed_in_a_clash() -> None:
    clash = _claim("killed", 1, "Rebel chief Tomas Ibarra died in a clash with troops.")
    clash = replace(clash, victims="rebel chief tomas ibarra")
    target = _claim("killed", 1, "Judge Ana Ortiz was shot dead outside her home.", start=60)
    target = replace(target, victims="judge ana ortiz")
    assert [c.count for c in muc_countable([clash, target])] == [1]
    assert muc_countable([clash]) == []


def test_muc_countable_reads_accidents_across_line_wraps() -> None:
    crash = _claim("killed", 2, "TWO CREWMEN DIED AFTER AN EMERGENCY\nLANDING NEAR THE BASE.")
    assert muc_countable([crash]) == []


def test_muc_countable_leaves_out_hedged_figures() -> None:
    hedged = replace(_claim("killed", 6, "At least 6 died."), hedge="at least", high=None)
    assert muc_countable([hedged]) == []


@pytest.mark.parametrize(
    ("victims", "expected"),
    [
        ("three soldiers", "combatant"),
        ("army officers", "combatant"),
        ("a corporal", "combatant"),
        ("civil defense members", "combatant"),
        ("retired army colonel", None),
        ("officer", "combatant"),
        ("a subsergeant", "combatant"),
        ("noncommissioned officer", "combatant"),
        ("enemy officer", "combatant"),
        ("guerrilla commander", "combatant"),
        ("police officer", None),
        ("union members", None),
        ("colonel ramon ruiz", None),
        ("peasants", "civilian"),
        (None, None),
    ],
)
def test_victim_class(victims: str | None, expected: str | None) -> None:
    assert victim_class(victims) == expected


def test_candidate_text_joins_wire_lines_and_keeps_offsets() -> None:
    text = "THE BOMB KILLED HECTOR\nOQUELI IN ZACAPA.\n\nTHE TOWN WAS CALM. TALKS WENT ON."
    out = candidate_text(text)
    assert len(out) == len(text)
    assert out.startswith("The bomb killed Hector Oqueli in Zacapa.\n\nThe town was calm.")
    assert out.strip().endswith("calm.")  # a sentence neither with nor after a cue is blanked


def test_candidate_text_keeps_a_sentence_with_a_cue_of_two_words() -> None:
    text = "THE VICTIM WAS TAKEN TO HOSPITAL. HE PASSED AWAY AT NOON. TALKS WENT ON."
    out = candidate_text(text)
    assert "passed away" in out.lower()


def test_error_classes_split_the_errors() -> None:
    from sitrep.eval.casualties import GoldItem, error_classes

    gold = [
        GoldItem("s1", "killed", frozenset({3}), False),
        GoldItem("s1", "injured", frozenset({5}), False),
        GoldItem("s2", "killed", frozenset({1}), False),
    ]
    predicted = {("s1", "killed", 3), ("s1", "killed", 9), ("s3", "killed", 2)}
    extracted = predicted | {("s1", "injured", 5)}
    text = error_classes(gold, predicted, extracted)
    assert (
        "2 false positives (1 in stories whose key has no figure, 1 in stories with figures)"
        in text
    )
    assert (
        "2 required gold figures missed (1 extracted but not counted for MUC, 1 never extracted)"
        in text
    )


def _reindent(key: str, column: int, sep: str = " ") -> str:
    """``key`` with every value moved to ``column`` (slot lines and continuation lines)."""
    out = []
    for line in key.splitlines():
        m = re.match(r"^(\d+\.\s+[A-Z][A-Z ]*?:\s[A-Z][A-Z ]*?)\s{2,}(.*)$", line)
        if m:
            head = m.group(1)
            out.append(head + sep + " " * max(1, column - len(head) - len(sep)) + m.group(2))
        elif line.startswith(" "):
            out.append(" " * column + line.strip())
        else:
            out.append(line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize(("column", "sep"), [(30, ""), (44, ""), (36, "\t"), (52, "\t")])
def test_read_key_by_format_not_column(
    tmp_path: Path, gold: list[GoldItem], column: int, sep: str
) -> None:
    """Regression (issue 16): values that start at another column give the same gold."""
    moved = _reindent(KEY, column, sep)
    assert moved != KEY
    (tmp_path / "key-moved").write_text(moved)
    assert read_key(tmp_path / "key-moved") == gold


def test_read_key_tabs_and_narrow_numbers(tmp_path: Path, gold: list[GoldItem]) -> None:
    """A slot number without its padding and a tab before the value read the same."""
    squeezed = re.sub(r"^(\d+)\.\s+", r"\1.\t", KEY, flags=re.M)
    (tmp_path / "key-tabs").write_text(squeezed)
    assert read_key(tmp_path / "key-tabs") == gold


def test_read_key_with_shifted_dev_key_matches(tmp_path: Path) -> None:
    """Every answer key of the development set reads the same re-indented (when present)."""
    keys = sorted(Path("../shared/eval/casualties/dev").glob("key-*"))[:2]
    if not keys:
        pytest.skip("../shared/eval/casualties not present")
    for key in keys:
        text = key.read_text(encoding="latin-1")
        moved = tmp_path / key.name
        moved.write_text(_reindent(text, 44, "\t"), encoding="latin-1")
        assert read_key(moved) == read_key(key)
        assert read_key(key)
