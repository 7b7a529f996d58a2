"""Tests for sitrep.extract.casualties.victims (sentences written for these tests)."""

from __future__ import annotations

import pytest

import sitrep
from sitrep.extract.casualties.victims import (
    IMPLIED_VICTIMS,
    as_group,
    is_single_person,
    plural,
    victim_class,
)


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


def test_one_victim_is_counted_in_its_group() -> None:
    record = sitrep.extract(
        "A child was killed and a woman was wounded in the strike. One person died in Sumy. "
        "Two children were injured.",
        published="2024-03-01",
    )
    assert {(c.kind, c.count, c.victims) for c in record.casualties} == {
        ("killed", 1, "children"),
        ("injured", 1, "women"),
        ("killed", 1, "people"),
        ("injured", 2, "children"),
    }


def test_plural_of_people_nouns() -> None:
    assert [
        plural(w) for w in ("child", "person", "gunman", "sentry", "nurse", "attorney", "human")
    ] == [
        "children",
        "people",
        "gunmen",
        "sentries",
        "nurses",
        "attorneys",
        "humans",
    ]


def test_as_group_keeps_names_plurals_and_modifiers() -> None:
    assert as_group("11-year-old child") == "11-year-old children"
    assert as_group("police officer") == "police officers"
    assert as_group("Issam Abdallah") == "Issam Abdallah"
    assert as_group("soldiers") == "soldiers"
    assert as_group("others") == "others"


def test_a_single_officer_of_rank_stays_a_combatant() -> None:
    assert victim_class(as_group("army colonel")) == "combatant"


def test_someones_own_victim_stays_one_person() -> None:
    assert as_group("her mother") == "her mother"
    assert as_group("Yukos' founder") == "Yukos' founder"
    assert as_group("the hospital’s director") == "the hospital’s director"


@pytest.mark.parametrize(
    ("written", "group"),
    [
        ("Ukrainian POWs", "Ukrainian prisoners of war"),  # abbreviations spelled out
        ("IDPs", "internally displaced people"),
        ("powers", "powers"),
        ("11-year-old boy", "children"),  # a group's other names take its own
        ("Palestinian kids", "Palestinian children"),
        ("Ukrainian servicemen", "Ukrainian soldiers"),
        ("Troops", "soldiers"),
        ("individuals", "people"),
        ("her son", "her son"),
        ("young men", "young men"),
    ],
)
def test_a_group_goes_by_one_name(written: str, group: str) -> None:
    assert as_group(written) == group


def test_the_class_of_victims_named_with_their_organisation_is_the_head_s() -> None:
    assert victim_class("fighters of the Rapid Support Forces") == "combatant"
    assert victim_class("prisoners of war") == victim_class("prisoners")
