"""The load test's report shows warm and cold reads (no server: rendering only)."""

from __future__ import annotations

from sitrep.api.loadtest import COLD_FROM, render


def test_render_shows_warm_and_cold_reads() -> None:
    reads = {"clients": 2, "seconds": 1.0, "articles": 3, "req_per_s": 10.0, "p50_ms": 1.0,
             "p99_ms": 2.0, "max_ms": 3.0, "requests": 10, "errors": 0}  # fmt: skip
    report = {"base_articles": 3, "writes": {}, "reads": {**reads, "cache": "warm"},
              "reads_cold": {**reads, "cache": "cold", "req_per_s": 5.0}}  # fmt: skip
    text = render(report, "python -m sitrep.api.loadtest --cold")
    assert "| warm | 10.0 |" in text and "| cold | 5.0 |" in text
    assert "| cold |" not in render({**report, "reads_cold": None}, "x")
    assert COLD_FROM.year < 1900  # cold filters keep every row of any real database
