"""Tests for sitrep.extract.casualties.named: victims a group figure names one by one."""

from __future__ import annotations

import pytest

import sitrep

pytestmark = pytest.mark.slow


def _named(text: str) -> set[tuple[str, str | None]]:
    record = sitrep.extract(text, published="2024-05-27")
    return {
        (c.kind, c.victims)
        for c in record.casualties
        if c.count == 1 and "part" in c.flags and c.extractor == "named-members"
    }


def test_names_in_apposition_to_a_counted_group_are_its_members() -> None:
    text = "Soldiers killed two reporters, Roberto Navas and Mauricio Pineda, late last night."
    assert _named(text) == {("killed", "Roberto Navas"), ("killed", "Mauricio Pineda")}


def test_the_victims_identified_in_the_next_sentence_take_the_group_s_kind() -> None:
    text = (
        "Three farm workers were wounded in the attack on Monday. "
        "The victims were identified as Ana Ruiz, Pedro Gomez and Luis Ortega."
    )
    assert _named(text) == {
        ("injured", "Ana Ruiz"),
        ("injured", "Pedro Gomez"),
        ("injured", "Luis Ortega"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A bomb exploded at the union office, killing nine people, including union leader "
            "Elizabeth Velazquez.",
            ("killed", "Elizabeth Velazquez"),
        ),
        (
            "Three people were killed, and five people, including a mayor, were wounded.",
            ("injured", "mayors"),
        ),
        (
            "Six priests were murdered by gunmen. Among the priests murdered was Father Ignacio "
            "Ellacuria, the rector of the university.",
            ("killed", "Father Ignacio Ellacuria"),
        ),
        (
            "Ignacio Ellacuria, one of the six priests murdered on Thursday, had warned of the "
            "danger.",
            ("killed", "Ignacio Ellacuria"),
        ),
        (
            "Gunmen killed five farmers in the area. Their bodies were found on Monday. "
            "The victims were identified as Ana Ruiz and Pedro Gomez.",
            ("killed", "Pedro Gomez"),
        ),
    ],
)
def test_one_person_a_group_includes_or_holds_is_a_member(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in _named(text)


def test_a_member_never_adds_to_the_group_s_tally() -> None:
    record = sitrep.extract(
        "Two journalists, Ana Ruiz and Pedro Gomez, were killed in the strike.",
        published="2024-05-27",
    )
    members = [c for c in record.casualties if c.extractor == "named-members"]
    assert len(members) == 2
    assert all("part" in c.flags for c in members)
    assert ("killed", 2) in {(c.kind, c.count) for c in record.casualties}


@pytest.mark.parametrize(
    "text",
    [
        # the names are who said it, not who died
        "Two officials, Ana Ruiz and Pedro Gomez, said 40 people were killed in the strike.",
        # more names than the figure: not the group's members
        "Two reporters were killed. The victims were identified as Ana Ruiz, Pedro Gomez and "
        "Luis Ortega.",
        # a place in apposition is no person
        "Two people were killed in the village, Kharkiv.",
        # a place the group's attacks included is no person
        "Five people were killed in strikes on several cities, including Kharkiv.",
        # a thing is no person
        "Four people were killed, including a driver's assistant's car.",
    ],
)
def test_no_members_without_a_named_list_of_the_group(text: str) -> None:
    assert not _named(text)
