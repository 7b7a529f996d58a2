"""Issue 17: with `sitrep serve` running, other commands on its database still work.

A real server in a subprocess on 127.0.0.1 (a free port) holds the database; `stats`,
`report`, `export` and `tally` read its snapshot, `ingest` and `watch` send documents to it,
and `/api/changes` tells a poller what is new. Before the fix every one of them failed with
E300 (the DuckDB lock).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

records = sys.modules["sitrep_test_records"]
SITREP = [sys.executable, "-m", "sitrep.cli"]
TOKEN = "live-test-token"
DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE = DATA / "gbnews-2022-03-02-kharkiv.txt"

pytestmark = pytest.mark.slow


def _env() -> dict[str, str]:
    env = dict(os.environ, SITREP_TOKEN=TOKEN)
    src = str(Path(__file__).resolve().parents[2] / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _run(*args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*SITREP, *args], capture_output=True, text=True, env=_env(), timeout=timeout, check=False
    )


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as resp:
        return json.loads(resp.read())


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    db = records.build_db(tmp_path_factory.mktemp("live") / "live.duckdb")
    proc = subprocess.Popen(
        [*SITREP, "serve", "--db", str(db), "--port", "0", "--host", "127.0.0.1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=_env(),
    )
    announce = Path(f"{db}.server.json")
    deadline = time.monotonic() + 90
    while not announce.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()  # before reading: a running server's output has no end
            out = proc.stdout.read() if proc.stdout else ""
            pytest.fail(f"the server did not announce itself: {out[-2000:]}")
        time.sleep(0.2)
    url = json.loads(announce.read_text())["url"]
    assert url.startswith("http://127.0.0.1:")
    try:
        yield db, url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert not announce.exists(), "the server withdraws its announcement when it stops"


def _wait_for(cond: Any, timeout: float = 60.0) -> Any:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        got = cond()
        if got:
            return got
        time.sleep(0.3)
    return cond()


def test_reads_work_while_the_server_holds_the_database(served: tuple[Path, str]) -> None:
    db, _ = served
    stats = _run("stats", "--db", str(db), "--format", "json")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["articles"] == 3
    assert "snapshot" in stats.stderr
    report = _run("report", "--db", str(db))
    assert report.returncode == 0, report.stderr
    assert "Situation report" in report.stdout
    export = _run("export", "--db", str(db), "--format", "jsonl")
    assert export.returncode == 0, export.stderr
    assert len(export.stdout.splitlines()) >= 3
    tally = _run("tally", "--db", str(db), "--format", "json")
    assert tally.returncode == 0, tally.stderr


def test_the_server_keeps_its_lock_after_writing_a_snapshot(served: tuple[Path, str]) -> None:
    db, _ = served
    probe = subprocess.run(
        [sys.executable, "-c", f"import duckdb; duckdb.connect({str(db)!r})"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert probe.returncode != 0 and "lock" in probe.stderr.lower()


def test_ingest_and_watch_send_documents_to_the_server(
    served: tuple[Path, str], tmp_path: Path
) -> None:
    db, url = served
    before = _get(f"{url}/api/changes")["version"]
    done = _run("ingest", str(SAMPLE), "--db", str(db), "--published", "2022-03-02", "-q")
    assert done.returncode == 0, done.stderr
    assert "1 new articles" in done.stderr and url in done.stderr
    assert _get(f"{url}/api/")["counts"]["articles"] == 4
    changes = _get(f"{url}/api/changes?since={before}")
    assert changes["changed"] and len(changes["articles"]) == 1

    folder = tmp_path / "inbox"
    folder.mkdir()
    text = SAMPLE.read_text().replace("Kharkiv", "Kharkiv city", 1)
    (folder / "one.txt").write_text(text)
    watched = _run(
        "watch", str(folder), "--db", str(db), "--interval", "0.5", "--passes", "2",
        "--published", "2022-03-02",
    )  # fmt: skip
    assert watched.returncode == 0, watched.stderr
    assert "pass 1: 1 read, 1 new articles" in watched.stderr
    assert "pass 2: 1 read, 0 new articles, 1 known" in watched.stderr
    assert _get(f"{url}/api/")["counts"]["articles"] == 5
    # the snapshot catches up, so that read commands see the new articles
    counts = _wait_for(
        lambda: (
            (r := _run("stats", "--db", str(db), "--format", "json")).returncode == 0
            and json.loads(r.stdout)["articles"] == 5
        )
    )
    assert counts


def test_watch_owns_a_free_database_between_passes(tmp_path: Path) -> None:
    db = records.build_db(tmp_path / "free.duckdb")
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "sample.txt")
    watched = _run(
        "watch", str(folder), "--db", str(db), "--interval", "0.2", "--passes", "2",
        "--published", "2022-03-02",
    )  # fmt: skip
    assert watched.returncode == 0, watched.stderr
    assert "pass 1: 1 read, 1 new articles" in watched.stderr
    assert "(reconciled)" in watched.stderr
    assert "pass 2: 1 read, 0 new articles" in watched.stderr
    stats = _run("stats", "--db", str(db), "--format", "json")
    assert json.loads(stats.stdout)["articles"] == 4
