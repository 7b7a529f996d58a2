"""Tests for sitrep.extract.places.datelines: where the reporter filed from."""

from __future__ import annotations

import pytest

from sitrep.extract.places.datelines import dateline_at


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("KYIV: Russia launched drones overnight.", "KYIV"),
        (" date 2022-08-25 KYIV (Reuters) \u2014 Russia launched drones.", "KYIV"),
        ("10-8-2024 (JERUSALEM) In a turn of events, the agency said.", "JERUSALEM"),
        ("(ODESA) Rescuers searched the rubble.", "ODESA"),
    ],
)
def test_a_name_opening_its_line_as_a_dateline(text: str, name: str) -> None:
    at = text.index(name)
    assert dateline_at(text, at, at + len(name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The strike (in Kyiv) killed two.", "Kyiv"),
        ("(Odesa) is a port city.", "Odesa"),  # a name in brackets but not a capitalised one
        ("Kyiv was hit overnight.", "Kyiv"),
    ],
)
def test_a_name_in_the_story_is_no_dateline(text: str, name: str) -> None:
    at = text.index(name)
    assert not dateline_at(text, at, at + len(name))
