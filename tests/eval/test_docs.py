from __future__ import annotations

import json
from pathlib import Path

from sitrep.eval import docs
from sitrep.eval.base import Report

M = {
    "processes": 1,
    "docs": 10,
    "words": 100,
    "seconds": 2.0,
    "peak_mb": 50.0,
    "docs_per_s": 5.0,
    "words_per_s": 50.0,
}


def test_render_tables_from_results() -> None:
    results = {
        "times": {
            "task": "times",
            "n": 3,
            "systems": {"sitrep": {"value_f1": 0.8}, "dateparser": {"value_f1": 0.2}},
            "reference": "HeidelTime ~0.78",
            "notes": ["a note"],
            "command": "sitrep eval times --data x",
            "date": "2026-01-01",
            "commit": "abc",
            "source": "TimeBank",
        },
        "bench": {
            "corpus": "bbc",
            "documents": 10,
            "spacy": M,
            "sitrep": M,
            "ratio_sitrep_vs_spacy": 1.0,
            "ingest_growth": {"growth": [{"factor": 1, **M}], "growth_peak_ratio": 1.0},
            "command": "sitrep benchmarks --bench",
            "date": "2026-01-01",
            "commit": "abc",
        },
    }
    md = docs.render(results)
    assert "| **sitrep** | 0.800 |" in md
    assert "| dateparser | 0.200 |" in md
    assert "HeidelTime ~0.78" in md and "sitrep eval times --data x" in md
    assert "ratio_sitrep_vs_spacy: 1.0" in md
    assert "growth_peak_ratio: 1.0" in md


def test_update_merges_runs(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "benchmarks.md"
    out.with_suffix(".json").write_text(
        json.dumps(
            {
                "times": {
                    "task": "times",
                    "n": 1,
                    "systems": {},
                    "command": "c",
                    "date": "d",
                    "commit": "e",
                }
            }
        )
    )
    monkeypatch.setattr(
        docs,
        "run_task",
        lambda task, path, **kw: Report(task=task, n=2, systems={"sitrep": {"f1": 1.0}}),
    )
    (tmp_path / "casualties").mkdir()
    docs.update(out, eval_root=tmp_path, only={"casualties"})
    stored = json.loads(out.with_suffix(".json").read_text())
    assert set(stored) == {"times", "casualties"}
    assert stored["casualties"]["systems"] == {"sitrep": {"f1": 1.0}}
    assert "## casualties" in out.read_text()
