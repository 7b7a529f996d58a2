from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.ingest.job import KILL_AFTER_ENV

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


# -- resumable, multi-format ingest ------------------------------------------------------------

STORIES = [
    "Militants attacked a checkpoint near the town of Gao on Monday, killing two soldiers, the army said.",
    "Floods in the north of the country have forced 3,000 families from their homes, officials said on Friday.",
    "Shelling in Kharkiv killed at least 21 people on Tuesday, the regional governor said.",
    "The mayor of Kyiv announced a 35-hour curfew after missile strikes hit residential buildings.",
    "Police in Lagos arrested 14 people after clashes between rival groups left three dead, a spokesman said.",
    "An airstrike on a market in the province killed 11 civilians on Sunday, according to local officials.",
]


def write_mixed_inputs(root: Path) -> Path:
    """A tiny corpus in every format, with a bad record in each multi-record file."""
    d = root / "mixed"
    d.mkdir()
    (d / "a.txt").write_text(STORIES[0] + "\n", encoding="utf-8")
    (d / "b.txt").write_text(STORIES[1] + "\n", encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    lines = [
        json.dumps({"text": STORIES[2], "published": "2022-03-01", "outlet": "Wire"}),
        "{not json",
        json.dumps({"text": STORIES[3], "url": "https://x.example/kyiv"}),
        json.dumps({"text": STORIES[0]}),  # the same article again: stored once
    ]
    (d / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = "".join(
        f"<item><title>t{i}</title><link>https://feed.example/{i}</link>"
        f"<pubDate>Mon, 06 Mar 2023 08:30:00 +0000</pubDate><description>{s}</description></item>"
        for i, s in enumerate(STORIES[4:])
    )
    (d / "feed.rss").write_text(
        f"<rss><channel><title>Feed</title>{items}<item><title>no body</title></item></channel></rss>",
        encoding="utf-8",
    )
    return d


def table_rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, sorted, without the columns that record when a row was written."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SHOW TABLES").fetchall()]
        out: dict[str, list[tuple[object, ...]]] = {}
        for t in tables:
            cols = [
                r[0]
                for r in con.execute(f"DESCRIBE {t}").fetchall()
                if not str(r[1]).startswith("TIMESTAMP")  # when, not what
            ]
            collist = ", ".join(f'"{c}"' for c in cols)
            rows = con.execute(f"SELECT {collist} FROM {t}").fetchall()
            out[t] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def _cli(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitrep.cli", "ingest", *args, "-q"],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def test_every_format_ingested_with_bad_records_recorded(tmp_path: Path) -> None:
    d = write_mixed_inputs(tmp_path)
    db = tmp_path / "t.duckdb"
    res = CliRunner().invoke(main, ["ingest", str(d), "--db", str(db), "--batch-size", "2", "-q"])
    assert res.exit_code == 0, res.output
    rows = table_rows(db)
    assert len(rows["articles"]) == 6
    failed = {r[0] for r in rows["failures"]}
    assert failed == {
        f"{d}/empty.txt",
        f"{d}/dump.jsonl:2",
        f"{d}/feed.rss#entry3",
    }
    sources = {r[1] for r in rows["ingest_docs"]}
    assert f"{d}/dump.jsonl:4" in sources  # the duplicate is settled, not parsed again
    again = CliRunner().invoke(main, ["ingest", str(d), "--db", str(db), "--batch-size", "2", "-q"])
    assert "0 new articles" in again.output
    assert table_rows(db) == rows


def test_resume_after_kill_equals_uninterrupted_run(tmp_path: Path) -> None:
    d = write_mixed_inputs(tmp_path)
    whole, resumed = tmp_path / "whole.duckdb", tmp_path / "resumed.duckdb"
    ok = _cli([str(d), "--db", str(whole), "--batch-size", "2"])
    assert ok.returncode == 0, ok.stderr
    killed = _cli([str(d), "--db", str(resumed), "--batch-size", "2"], env={KILL_AFTER_ENV: "2"})
    assert killed.returncode == -signal.SIGKILL
    partial = table_rows(resumed)
    assert 0 < len(partial["articles"]) < len(table_rows(whole)["articles"])
    again = _cli([str(d), "--db", str(resumed), "--batch-size", "2"])
    assert again.returncode == 0, again.stderr
    # the documents of the committed batches are skipped before cleaning or parsing
    skipped = int(again.stderr.split(" already stored")[0].rsplit(" ", 1)[1])
    assert skipped >= 4
    assert table_rows(resumed) == table_rows(whole)
