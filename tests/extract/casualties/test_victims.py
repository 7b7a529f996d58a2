"""Tests for sitrep.extract.casualties.victims (sentences written for these tests)."""

from __future__ import annotations

import sitrep
from sitrep.extract.casualties.victims import IMPLIED_VICTIMS, is_single_person, victim_class


def test_a_figure_without_victims_counts_people() -> None:
    record = sitrep.extract(
        "The shelling killed 14 and wounded 30, officials said.", published="2024-03-01"
    )
    assert {(c.count, c.victims) for c in record.casualties} == {
        (14, IMPLIED_VICTIMS),
        (30, IMPLIED_VICTIMS),
    }


def test_named_victims_are_kept() -> None:
    record = sitrep.extract("The shelling killed 14 soldiers.", published="2024-03-01")
    assert [c.victims for c in record.casualties] == ["soldiers"]


def test_victim_class() -> None:
    assert victim_class("three soldiers") == "combatant"
    assert victim_class("civilians") == "civilian"
    assert victim_class(None) is None


def test_single_person_nouns() -> None:
    assert is_single_person("soldier") and is_single_person("vendor") and is_single_person("baker")
    assert not is_single_person("agreement") and not is_single_person("attack")
    assert not is_single_person("hour")


def test_comrades_are_fellow_fighters() -> None:
    # "two of our comrades were killed", in a rebel communique: losses of an armed group
    assert victim_class("comrades") == "combatant"
