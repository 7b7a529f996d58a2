"""Golden test: the events of the seed article, as its expected.json lists them.

The expected events must be found unflagged with their type, place, date or period,
fatalities, target, actors and historical flag; whatever else is found must be flagged (a
denial, a toll over a week, air strikes "in cities") and no unflagged event may sit in
Moscow, which the article names only as an actor ("Moscow's bogged-down forces", "Moscow
denies", "left Moscow isolated").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import sitrep

pytestmark = pytest.mark.slow

DATA = Path(__file__).parents[2] / "data"
EXPECTED = json.loads((DATA / "gbnews-2022-03-02-kharkiv.expected.json").read_text())

# expected.json's events, as the fields sitrep fills
WANTED: list[dict[str, Any]] = [
    {"plover": "CONSULT", "actors": {"Russia", "Ukraine"}, "place": "Belarus",
     "date": "2022-03-02"},
    {"plover": "FIGHT", "actors": {"Russia", "Ukraine"}, "place": "Kherson"},
    {"plover": "ASSAULT", "sub": "Air/drone strike", "actors": {"Russia"}, "place": "Kharkiv",
     "date": "2022-03-02", "target": "police building"},
    {"plover": "ASSAULT", "sub": "Shelling/artillery/missile attack", "place": "Kharkiv",
     "fatalities": 21, "period": "2022-03-01/2022-03-02"},
    {"plover": "SANCTION", "actors": {"Apple", "Exxon", "Boeing"}, "target": "Russia"},
    {"plover": "FIGHT", "actors": {"Vladimir Putin"}, "date": "2022-02-24",
     "flags": {"historical"}},
]  # fmt: skip


@pytest.fixture(scope="module")
def found() -> list[dict[str, Any]]:
    text = (DATA / "gbnews-2022-03-02-kharkiv.txt").read_text(encoding="utf-8")
    events = sitrep.extract(text, published=EXPECTED["published"]).to_dict()["events"]
    assert isinstance(events, list)
    return events


def _actors(e: dict[str, Any]) -> set[str]:
    names = f"{e['actor1'] or ''}, {e['actor2'] or ''}"
    return {n.strip() for n in names.split(",") if n.strip()}


def _matches(e: dict[str, Any], want: dict[str, Any]) -> bool:
    place = (e["place"] or {}).get("name")
    return (
        e["plover"] == want["plover"]
        and ("sub" not in want or e["sub_event_type"] == want["sub"])
        and want.get("actors", set()) <= _actors(e)
        and ("place" not in want or place == want["place"])
        and ("date" not in want or e["date"] == want["date"])
        and ("period" not in want or e["period"] == want["period"])
        and ("fatalities" not in want or e["fatalities"] == want["fatalities"])
        and ("target" not in want or (e["target"] or "").lower() == want["target"].lower())
        and set(e["flags"]) == want.get("flags", set())
    )


def test_expected_block_is_what_this_test_checks() -> None:
    assert len(EXPECTED["events"]) == len(WANTED)


@pytest.mark.parametrize("want", WANTED, ids=[str(i) for i in range(len(WANTED))])
def test_sample_events(found: list[dict[str, Any]], want: dict[str, Any]) -> None:
    assert any(_matches(e, want) for e in found), [
        (e["plover"], e["sub_event_type"], _actors(e), e["place"], e["date"], e["flags"])
        for e in found
        if e["plover"] == want["plover"]
    ]


def test_nothing_else_unflagged_and_nothing_in_moscow(found: list[dict[str, Any]]) -> None:
    unflagged = [e for e in found if not e["flags"]]
    assert len(unflagged) == 5  # the historical invasion is the sixth
    assert not [e for e in unflagged if (e["place"] or {}).get("name") == "Moscow"]
    assert all(e["place"] is None or e["place"]["name"] != "Moscow" for e in found)


def test_denial_is_a_flagged_statement(found: list[dict[str, Any]]) -> None:
    (denied,) = [e for e in found if "denied" in e["flags"]]
    assert denied["plover"] == "ASSAULT" and denied["target"] == "civilians"
    assert denied["confidence"] <= 0.5
