"""Deaths at the scene are a part of an article's larger toll, and the toll when alone."""

from __future__ import annotations

import pytest

import sitrep

pytestmark = pytest.mark.slow


def _flags(text: str) -> dict[int | None, tuple[str, ...]]:
    record = sitrep.extract(text, published="2024-11-10")
    return {c.count: c.flags for c in record.casualties}


def test_deaths_at_the_scene_below_the_articles_toll_are_a_part_of_it() -> None:
    flags = _flags(
        "At least 26 people were killed in a suicide bombing at the station on Saturday, "
        "police said. Fifteen people died at the scene, with many more injured. Later, 11 "
        "critically injured victims succumbed to wounds."
    )
    assert "part" not in flags[26]
    assert "part" in flags[15] and "part" in flags[11]  # the dead of wounds add to it too


def test_deaths_at_the_scene_told_alone_are_the_toll() -> None:
    assert _flags("Fifteen people died at the scene of the blast, police said.") == {15: ()}
    # a larger figure of another kind is no toll they are part of
    flags = _flags("Five people died on the spot and 40 were injured, police said.")
    assert "part" not in flags[5]
