"""The evaluation gate: fixed subsets of the dev sets, floors pinned a little under the scores
measured when they were set. A regression below a floor fails the build; raise a floor when a
real improvement lands (docs/benchmarks.md has the full-set numbers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.eval import run_task

pytestmark = [pytest.mark.evalgate, pytest.mark.slow]

# (task, data under ../shared/eval, limit, {system: {metric: floor}}, [(better, worse, metric)])
GATES: list[
    tuple[str, str, int | None, dict[str, dict[str, float]], list[tuple[str, str, str]]]
] = [
    (
        "boilerplate",
        "boilerplate/scrapinghub",
        60,
        {"sitrep": {"f1": 0.93}},
        [("sitrep", "justext", "f1")],
    ),
    (
        "quotes",
        "quotes/polnear/dev",
        30,
        {"sitrep": {"content_f1": 0.76, "speaker_f1": 0.60}},
        [("sitrep", "textacy", "content_f1")],
    ),
    (
        "times",
        "times/TBAQ-cleaned",
        80,
        {"sitrep": {"value_f1": 0.75, "span_f1": 0.91}},
        [("sitrep", "dateparser", "value_f1")],
    ),
    (
        "places-gwn",
        "places/GWN.xml",
        60,
        {"sitrep": {"acc161_e2e": 0.74, "f1": 0.81}},
        [("sitrep", "gazetteer", "acc161_e2e"), ("sitrep", "geotext", "acc161_e2e")],
    ),
    (
        "places-lgl",
        "places/lgl.xml",
        80,
        {"sitrep": {"acc161_e2e": 0.75, "f1": 0.78}},
        [("sitrep", "gazetteer", "acc161_e2e")],
    ),
    ("casualties", "casualties/dev", 200, {"sitrep": {"f1": 0.63}}, [("sitrep", "regex", "f1")]),
    (
        "events",
        "events/gold_standard_records",
        None,
        {"sitrep": {"accuracy": 0.51}},
        [("sitrep", "keyword", "accuracy")],
    ),
]


def test_gate_acled(data_dir: Path) -> None:
    report = run_task("acled", data_dir / "acled_sample.csv")
    assert report.systems["sitrep"]["fatalities_exact"] >= 0.90
    assert (
        report.systems["sitrep"]["fatalities_exact"] > report.systems["regex"]["fatalities_exact"]
    )


@pytest.mark.parametrize(
    ("task", "data", "limit", "floors", "orders"), GATES, ids=[g[0] for g in GATES]
)
def test_gate(
    shared_eval: Path,
    task: str,
    data: str,
    limit: int | None,
    floors: dict[str, dict[str, float]],
    orders: list[tuple[str, str, str]],
) -> None:
    report = run_task(task.split("-")[0], shared_eval / data, limit=limit)
    assert report.n > 0
    for system, metrics in floors.items():
        for metric, floor in metrics.items():
            got = report.systems[system][metric]
            assert got >= floor, f"{task}: {system} {metric} {got:.3f} fell below the floor {floor}"
    for better, worse, metric in orders:
        assert report.systems[better][metric] > report.systems[worse][metric]
