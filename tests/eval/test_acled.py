"""Scoring of ``sitrep eval acled`` on a tiny hand-made CSV."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.eval.acled import clean_note, fatalities_of, fatality_scores, read_rows
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
    assert fatality_scores([]) == {"fatalities_exact": None, "fatalities_mae": None}


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


EXPORT = """event_id_cnty,event_date,year,event_type,sub_event_type,actor1,actor2,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,notes,fatalities
UKR1,14/08/2020 00:00:00,2020,Battles,Armed clash,A,B,Ukraine,Donetsk,Bakhmutskyi,,Bakhmut,48.5956,37.9999,1,X,"On 14 August 2020, shelling. [2 fatalities split across 2 events]",1
UKR2,2020-08-15,2020,Battles,Armed clash,A,B,Ukraine,Donetsk,,,Bakhmut,48.5956,37.9999,2,X,"On 15 August 2020, fighting.",0
UKR3,03/04/2022,2022,Battles,Armed clash,A,B,Ukraine,Donetsk,,,Bakhmut,,,3,X,"On 3 April 2022, fighting.",0
"""


def test_reads_acled_exports_as_published(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(EXPORT)
    rows = read_rows(tmp_path / "export.csv")
    assert [r.event_date.isoformat() if r.event_date else None for r in rows] == [
        "2020-08-14",
        "2020-08-15",
        "2022-04-03",  # day first, as in ACLED's exports
    ]
    assert rows[0].split and not rows[1].split
    assert rows[0].text == "On 14 August 2020, shelling."
    assert (rows[0].country, rows[0].admin1, rows[0].admin2) == (
        "Ukraine",
        "Donetsk",
        "Bakhmutskyi",
    )
    assert [r.geo_precision for r in rows] == [1, 2, 3]
    assert rows[2].lat is None


def test_rate_is_none_when_nothing_is_scored() -> None:
    from sitrep.eval.acled import LocationTally, rate

    assert rate(0, 0) is None
    assert rate(0, 4) == 0.0
    scores = LocationTally().scores()
    assert scores["location_acc_25km"] is None and scores["admin1_accuracy"] is None


def test_location_scores_by_distance_precision_and_unit(tmp_path: Path) -> None:
    from sitrep.eval.acled import LocationTally
    from sitrep.model import Place

    (tmp_path / "export.csv").write_text(EXPORT)
    rows = read_rows(tmp_path / "export.csv")

    def place(lat: float, lon: float) -> Place:
        return Place(text="x", start=0, end=1, lat=lat, lon=lon, precision="city", resolved=True)

    tally = LocationTally()
    tally.add(rows[0], place(48.60, 38.00))  # Bakhmut itself: within 5 km
    tally.add(rows[1], place(48.72, 37.56))  # Kramatorsk: 35 km off, still Donetsk oblast
    tally.add(rows[2], place(48.60, 38.00))  # no gold point: not scored
    scores = tally.scores()
    assert scores["location_acc_5km"] == 0.5 and scores["location_acc_25km"] == 0.5
    assert scores["location_acc_25km_geo1"] == 1.0
    assert scores["location_acc_25km_geo2"] == 0.0
    assert scores["location_acc_25km_geo3"] is None
    assert scores["admin1_accuracy"] == 1.0


def test_report_prints_na_not_zero() -> None:
    from io import StringIO

    from rich.console import Console

    from sitrep.eval.base import Report
    from sitrep.render import print_report

    report = Report(task="acled", n=1, systems={"sitrep": {"a": 0.5, "b": None}})
    out = StringIO()
    print_report(report, Console(file=out, width=200))
    assert "n/a" in out.getvalue() and "0.000" not in out.getvalue()


@pytest.mark.slow
def test_war_dev_set_is_scored_on_every_metric(data_dir: Path) -> None:
    from sitrep.eval.acled import run
    from sitrep.eval.base import Progress

    report = run(data_dir / "acled_war_dev.csv", limit=None, progress=Progress.silent())
    assert report.n >= 120
    scores = report.systems["sitrep"]
    for metric in ("location_acc_5km", "location_acc_25km", "admin1_accuracy"):
        assert scores[metric] is not None, metric
    assert scores["location_acc_5km"] <= scores["location_acc_25km"]
