from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main

pytestmark = pytest.mark.slow

ARTICLES = {
    "a.txt": "Militants attacked a checkpoint near the town of Gao on Monday, killing two soldiers, the army said.\n",
    "b.txt": "Floods in the north of the country have forced 3,000 families from their homes, the interior ministry said on Friday.\n",
    "c.html": (
        "<html><head><title>Blast in port</title></head><body><article><h1>Blast in port</h1>"
        "<p>An explosion at a fuel depot in the port city injured at least 12 workers on Tuesday, "
        "the fire service said, adding that the blaze had been brought under control by the evening.</p>"
        "</article></body></html>"
    ),
}


def _write_inputs(root: Path) -> Path:
    d = root / "in"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    return d


def test_ingest_directory_twice_is_idempotent_and_bad_files_recorded(tmp_path: Path) -> None:
    d = _write_inputs(tmp_path)
    db = str(tmp_path / "t.duckdb")
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(d), "--db", db, "-q"])
    assert first.exit_code == 0, first.output
    assert "empty.txt" in first.output and "image.txt" in first.output
    stats1 = json.loads(runner.invoke(main, ["stats", "--db", db, "--format", "json"]).output)
    assert stats1["articles"] == 3
    assert stats1["failures"] == 2
    second = runner.invoke(main, ["ingest", str(d), "--db", db, "-q"])
    assert second.exit_code == 0
    stats2 = json.loads(runner.invoke(main, ["stats", "--db", db, "--format", "json"]).output)
    assert stats2 == stats1


def test_ingest_single_file_and_glob(tmp_path: Path) -> None:
    d = _write_inputs(tmp_path)
    db = str(tmp_path / "t.duckdb")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(d / "a.txt"), "--db", db, "-q"]).exit_code == 0
    assert runner.invoke(main, ["ingest", str(d / "*.html"), "--db", db, "-q"]).exit_code == 0
    stats = json.loads(runner.invoke(main, ["stats", "--db", db, "--format", "json"]).output)
    assert stats["articles"] == 2


def test_all_inputs_bad_exits_nonzero(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    res = CliRunner().invoke(main, ["ingest", str(bad), "--db", str(tmp_path / "t.duckdb"), "-q"])
    assert res.exit_code == 1
    assert "bad.txt" in res.output
