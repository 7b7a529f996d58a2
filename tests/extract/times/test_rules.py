"""The time patterns scanned in lower-cased text find what the case-insensitive scan finds."""

from __future__ import annotations

import pytest

from sitrep.extract.times import rules as R

TEXTS = [
    "On Tuesday, 1 March 2022, at 10:30 GMT, five people were killed; two days ago, in May.",
    "THE ATTACK CAME LAST WEEK, ON 24 FEBRUARY, AND THREE YEARS AGO IN THE 1990S.",
    "He may return next month. The 2023-10-07T06:30 timestamp; the first quarter of 2024.",
    "Kharkiv, 2 March — Christmas Eve; the past 24 hours; since early 2014.",
    "Istanbul: İstanbul and the 4 K Kelvin sign on 5 May 2021; ſome text.",
]


def _spans(ms: list[object]) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in ms]  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", TEXTS)
def test_finditer_equals_the_case_insensitive_scan(text: str) -> None:
    low = R.lowered(text)
    for kind, pattern in R.PATTERNS.items():
        assert _spans(R.finditer(kind, text, low)) == _spans(list(pattern.finditer(text))), kind


def test_matches_keep_the_case_of_the_text() -> None:
    text = "It may rain in May."
    got = R.finditer("month", text, R.lowered(text))
    assert [m["mon"] for m in got] == ["may", "May"]
    assert all(m.string is text for m in got)


def test_odd_case_folds_are_scanned_as_written() -> None:
    assert R.lowered("a \u212a sign") is None
    assert R.lowered("İstanbul") is None
    assert R.lowered("Kyiv, 2 March") == "kyiv, 2 march"


def test_patterns_that_spell_upper_case_keep_ignorecase() -> None:
    text = "at 14:00 GMT"
    assert R.finditer("clock", text, R.lowered(text))[0]["h24"] == "14"  # needs "GMT" after it
