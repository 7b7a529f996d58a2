"""Scoring of the events task on tiny hand-made PLOVER gold files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.eval import events as ev
from sitrep.eval.base import Progress

RECORDS = [
    {"id": "doc", "event": "DOCUMENT", "eventText": "internal documentation"},
    {
        "id": "g1",
        "event": "PROTEST",
        "mode": "demo",
        "text": "Thousands of students marched through the capital to protest against fees.",
    },
    {
        "id": "g2",
        "event": "COERCE",
        "mode": "arrest",
        "text": "Police arrested twenty opposition activists outside the parliament.",
    },
    {"id": "g3", "event": "ACCUSE", "text": "The minister accused the rebels of war crimes."},
    {"id": "g4", "event": "REQUEST", "text": "Aid agencies called for a pause in the fighting."},
]


def _write(tmp_path: Path) -> Path:
    folder = tmp_path / "gold_standard_records"
    folder.mkdir()
    text = json.dumps(RECORDS, indent=1)
    text = text.replace('"demo"\n', '"demo",\n')  # the real file has trailing commas
    (folder / ev.GSR_FILE).write_text(text, encoding="utf-8")
    return tmp_path


def test_load_gold_tolerates_trailing_commas_and_skips_documentation(tmp_path: Path) -> None:
    gold = ev.load_gold(_write(tmp_path))
    assert [g.id for g in gold] == ["g1", "g2", "g3", "g4"]
    assert [g.event for g in gold] == ["PROTEST", "COERCE", "DISAPPROVE", "DEMAND"]
    assert gold[0].mode == "demo" and gold[2].mode is None
    assert ev.load_gold(tmp_path / "gold_standard_records" / ev.GSR_FILE) == gold


def test_perfect_prediction_scores_one(tmp_path: Path) -> None:
    gold = ev.load_gold(_write(tmp_path))
    pred = [(g.event, g.mode) for g in gold]
    assert ev.score(gold, pred, modes=True) == {
        "accuracy": 1.0,
        "accuracy_predicted": 1.0,
        "coverage": 1.0,
        "mode_accuracy": 1.0,
    }


def test_empty_prediction_scores_zero(tmp_path: Path) -> None:
    gold = ev.load_gold(_write(tmp_path))
    pred: list[tuple[str | None, str | None]] = [(None, None)] * len(gold)
    s = ev.score(gold, pred, modes=True)
    assert s == {"accuracy": 0.0, "accuracy_predicted": 0.0, "coverage": 0.0, "mode_accuracy": 0.0}


def test_partial_prediction_exact_value(tmp_path: Path) -> None:
    gold = ev.load_gold(_write(tmp_path))
    # right, right type with the wrong mode, wrong, nothing
    pred = [("PROTEST", "demo"), ("COERCE", "detain"), ("REJECT", None), (None, None)]
    s = ev.score(gold, pred, modes=True)
    assert s["accuracy"] == 0.5
    assert s["accuracy_predicted"] == pytest.approx(0.6667, abs=1e-4)
    assert s["coverage"] == 0.75
    assert s["mode_accuracy"] == 0.5
    assert "mode_accuracy" not in ev.score(gold, pred, modes=False)


def test_keyword_baseline() -> None:
    assert ev.keyword_type("Rebels shelled the town overnight.") == "FIGHT"
    assert ev.keyword_type("The two leaders met in Paris.") == "CONSULT"
    assert ev.keyword_type("The weather was fine.") is None


@pytest.mark.slow
def test_run_on_a_tiny_file(tmp_path: Path) -> None:
    report = ev.run(_write(tmp_path), limit=3, progress=Progress.silent())
    assert report.task == "events" and report.n == 3
    assert set(report.systems) == {"sitrep", "keyword"}
    assert report.systems["sitrep"]["accuracy"] == 1.0
    assert "mode_accuracy" in report.systems["sitrep"]
