"""The toll of one attack is an incident figure, however the extractor read "toll"."""

from __future__ import annotations

import pytest

from sitrep.reconcile.groups import extent


@pytest.mark.parametrize(
    "text",
    [
        "The death toll from the drone strike on the market has risen to 14.",
        "The toll of Tuesday's explosion at the depot climbed to 9 overnight.",
        "Officials said the death toll in the attack on the convoy reached 31.",
        "The number of victims of the missile attack on the hypermarket has risen to 19.",
        "The number of those killed in the strike on the station grew to 25.",
    ],
)
def test_the_toll_of_one_attack_is_an_incident(text: str) -> None:
    assert extent("cumulative", None, text) == "incident"


@pytest.mark.parametrize(
    ("text", "period", "want"),
    [
        ("The death toll from strikes on the region has risen to 4,000.", None, "cumulative"),
        ("The death toll from the shelling of the town rose to 80.", None, "cumulative"),
        ("The death toll in the province rose to 200.", None, "cumulative"),
        ("The number of victims of the shelling has risen to 50.", None, "cumulative"),
        ("The toll from the attack has risen to 90 this month.", "P1M/2024-05-31", "cumulative"),
        (
            "The death toll from the air strike is the highest since the start of the war.",
            None,
            "war-wide",
        ),
    ],
)
def test_campaigns_and_places_stay_cumulative(text: str, period: str | None, want: str) -> None:
    assert extent("cumulative", period, text) == want
