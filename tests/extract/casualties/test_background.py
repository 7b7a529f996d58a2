"""An earlier event a story is set after: its figures are background, flagged historical."""

from __future__ import annotations

import pytest

import sitrep
from sitrep import nlp
from sitrep.extract.casualties.background import earlier_event

pytestmark = pytest.mark.slow


def _flags(text: str) -> dict[int | None, tuple[str, ...]]:
    record = sitrep.extract(text, published="2025-08-25")
    return {c.count: c.flags for c in record.casualties}


@pytest.mark.parametrize(
    "text",
    [
        "Today's attack on the hospital came a day after Israeli forces killed at least 64 "
        "Palestinians, mostly in the north.",
        "The incident comes a week after a bomb blast near a school in the district killed "
        "seven people.",
        "The attack follows a strike last week that killed 12 people in the same village.",
    ],
)
def test_the_earlier_event_a_story_is_set_after_is_background(text: str) -> None:
    (flags,) = _flags(text).values()
    assert "historical" in flags


@pytest.mark.parametrize(
    "text",
    [
        # the toll's own rise, told with "after"
        "The death toll came to 20 after rescuers pulled two more bodies from the rubble.",
        "The toll rose to 24 after one of the victims died in hospital overnight.",
        # the subject of "came" is no event: the strike is the story's
        "Rescuers came after the strike killed 5 people.",
    ],
)
def test_a_toll_rising_after_more_deaths_is_the_storys_own(text: str) -> None:
    assert all("historical" not in flags for flags in _flags(text).values())


def test_the_clause_is_read_from_the_parse() -> None:
    doc = nlp.parse("The incident comes a week after a blast killed seven people.")
    killed = next(t for t in doc if t.lower_ == "killed")
    assert earlier_event(killed)
    doc = nlp.parse("A blast killed seven people a week after the incident came.")
    assert not earlier_event(next(t for t in doc if t.lower_ == "killed"))
