"""Scoring of ``sitrep eval acled`` on a tiny hand-made CSV."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.eval.acled import clean_note, fatalities_of, fatality_scores, haversine_km, read_rows
from sitrep.model import CasualtyClaim, Evidence

CSV = """event_date,event_type,sub_event_type,actor1,actor2,location,latitude,longitude,notes,fatalities,source
2022-05-01,Battles,Armed clash,A,B,Town,10.0,20.0,"On 1 May 2022, two soldiers were killed. [size=no report]",2,X
2022-05-02,Battles,Armed clash,A,B,Town,10.0,20.0,"On 2 May 2022, fighting. [6 fatalities split across 3 events]",2,X
"""


def test_read_rows(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(CSV)
    rows = read_rows(tmp_path / "a.csv")
    assert rows[0].text == "On 1 May 2022, two soldiers were killed."
    assert rows[0].fatalities == 2 and not rows[0].split
    assert rows[1].split


def test_clean_note() -> None:
    assert clean_note("Five killed. [size=no report] [coded later]") == "Five killed."


def _claim(
    count: int | None,
    *,
    kind: str = "killed",
    flags: tuple[str, ...] = (),
    hedge: str | None = None,
    low: int | None = None,
) -> CasualtyClaim:
    return CasualtyClaim(
        id="x",
        kind=kind,
        count=count,
        low=low if low is not None else count,
        high=count,
        hedge=hedge,
        evidence=Evidence(0, 1, "x"),
        flags=flags,
    )  # type: ignore[arg-type]


def test_fatalities_of() -> None:
    assert fatalities_of([]) == 0
    assert (
        fatalities_of(
            [_claim(3), _claim(2), _claim(5, kind="injured"), _claim(9, flags=("hypothetical",))]
        )
        == 5
    )
    assert fatalities_of([_claim(None, hedge="dozens", low=24)]) == 12


def test_fatality_scores() -> None:
    assert fatality_scores([(2, 2), (0, 0)]) == {"fatalities_exact": 1.0, "fatalities_mae": 0.0}
    assert fatality_scores([(2, 0), (5, 0)]) == {"fatalities_exact": 0.0, "fatalities_mae": 3.5}
    assert fatality_scores([(2, 2), (4, 1)]) == {"fatalities_exact": 0.5, "fatalities_mae": 1.5}


def test_haversine() -> None:
    assert haversine_km(50.0, 36.0, 50.0, 36.0) == 0.0
    assert haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.2, abs=0.2)


@pytest.mark.slow
def test_sample_csv_runs(data_dir: Path) -> None:
    from sitrep.eval.acled import run
    from sitrep.eval.base import Progress

    report = run(data_dir / "acled_sample.csv", limit=None, progress=Progress.silent())
    assert report.n == 20
    assert (
        report.systems["sitrep"]["fatalities_exact"] >= report.systems["regex"]["fatalities_exact"]
    )


def test_keyword_peer_types() -> None:
    from sitrep.eval.acled import keyword_event_type

    assert keyword_event_type("Militants clashed with soldiers near Gao.") == (
        "Battles",
        "Armed clash",
    )
    assert keyword_event_type("A drone struck a fuel depot overnight.") == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert keyword_event_type("Teachers held a sit-in outside the ministry.") == (
        "Protests",
        "Peaceful protest",
    )
    assert keyword_event_type("The council met to discuss the budget.") is None
