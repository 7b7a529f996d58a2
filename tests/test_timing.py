"""The paired bench runner: jobs take turns over the same chunks, each in its own process."""

from __future__ import annotations

import pytest

from sitrep.bench import _spacy_setup
from sitrep.timing import Measure, Paired, run_paired

TEXTS = [
    "Five people were killed in Kharkiv on Tuesday, officials said.",
    "The market reopened on Monday.",
    "Rescuers searched the rubble overnight.",
    "Two more were injured.",
]


def test_run_paired_times_every_job_on_every_chunk() -> None:
    paired = run_paired({"a": _spacy_setup, "b": _spacy_setup}, TEXTS, chunks=3)
    assert set(paired.measures) == {"a", "b"}
    for name in ("a", "b"):
        m = paired.measures[name]
        assert m.docs == len(TEXTS) and m.words == sum(len(t.split()) for t in TEXTS)
        assert len(paired.chunk_seconds[name]) == 3
        assert m.seconds == pytest.approx(sum(paired.chunk_seconds[name]))
        assert m.peak_mb > 50  # the worker's own peak, with the model loaded
    assert paired.ratio("a", "b") > 0
    assert len(paired.chunk_ratios("a", "b")) == 3


def test_more_chunks_than_texts_gives_one_text_a_chunk() -> None:
    paired = run_paired({"a": _spacy_setup}, TEXTS[:2], chunks=8)
    assert len(paired.chunk_seconds["a"]) == 2


def test_ratio_is_throughput_over_baseline() -> None:
    fast = Measure("fast", 10, 100, 1.0, 1.0)
    slow = Measure("slow", 10, 100, 2.0, 1.0)
    paired = Paired({"fast": fast, "slow": slow}, {"fast": [0.5, 0.5], "slow": [1.5, 0.5]})
    assert paired.ratio("slow", "fast") == pytest.approx(0.5)
    assert paired.chunk_ratios("slow", "fast") == pytest.approx([1 / 3, 1.0])
