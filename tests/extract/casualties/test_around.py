"""Tests for sitrep.extract.casualties.around: victims named beside a figure (sentences
written for these tests)."""

from __future__ import annotations

import pytest

import sitrep

pytestmark = pytest.mark.slow


def _victims(text: str) -> set[tuple[str, int | None, str | None]]:
    record = sitrep.extract(text, published="2023-10-06")
    return {(c.kind, c.count, c.victims) for c in record.casualties}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The strikes claimed at least 32 civilian lives in the town.",
            ("killed", 32, "civilians"),
        ),
        (
            "The war has resulted in 3,699 documented Veltrian fatalities.",
            ("killed", 3699, "Veltrians"),
        ),
        ("The Palestinian death toll in the camp rose to 40.", ("killed", 40, "Palestinians")),
        ("At least 18 killed and 78 injured among civilians.", ("killed", 18, "civilians")),
        ("At least 18 killed and 78 injured among civilians.", ("injured", 78, "civilians")),
        ("Sixty-four of the dead were children, the ministry said.", ("killed", 64, "children")),
        ("Of the dead, 12 were soldiers and 7 were women.", ("killed", 7, "women")),
    ],
)
def test_victims_named_beside_the_figure(text: str, expected: tuple[str, int, str]) -> None:
    assert expected in _victims(text)


def test_an_adjective_on_another_noun_names_no_victims() -> None:
    assert _victims("Russian strikes killed 21 people in the city.") == {("killed", 21, "people")}
    assert _victims("Three of the dead were identified.") == {("killed", 3, "people")}


def test_remains_count_whose_remains_they_are_or_people() -> None:
    assert _victims("The mayor said 403 bodies of civilians had been found in the city.") == {
        ("killed", 403, "civilians")
    }
    assert _victims("So far 85 bodies have been buried.") == {("killed", 85, "people")}


def test_victims_keep_the_organisation_they_belong_to() -> None:
    assert ("killed", 2, "leaders of Hamas") in _victims(
        "The army said it killed two leaders of Hamas."
    )
    assert _victims("Three members of the family were killed.") == {("killed", 3, "members")}
