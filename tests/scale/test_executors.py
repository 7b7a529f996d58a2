from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.ingest.job import ingest
from sitrep.scale import InlineExecutor, ProcessExecutor, make_executor
from sitrep.scale.executors import ordered_window
from sitrep.store import Store

STORIES = [
    "Militants attacked a checkpoint near the town of Gao on Monday, killing two soldiers, the army said.",
    "Floods in the north of the country have forced 3,000 families from their homes, officials said on Friday.",
    "Shelling in Kharkiv killed at least 21 people on Tuesday, the regional governor said.",
    "The mayor of Kyiv announced a 35-hour curfew after missile strikes hit residential buildings.",
    "Police in Lagos arrested 14 people after clashes between rival groups left three dead.",
]


def _inputs(root: Path) -> Path:
    path = root / "dump.jsonl"
    lines = [json.dumps({"text": s, "outlet": "Wire"}) for s in STORIES]
    lines.insert(2, "{broken")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store(db) as store:
        out = {}
        for t in [r[0] for r in store.con.execute("SHOW TABLES").fetchall()]:
            cols = [
                r[0]
                for r in store.con.execute(f"DESCRIBE {t}").fetchall()
                if not str(r[1]).startswith("TIMESTAMP")  # when, not what
            ]
            collist = ", ".join(f'"{c}"' for c in cols)
            out[t] = sorted(store.con.execute(f"SELECT {collist} FROM {t}").fetchall(), key=repr)
        return out


def _run(inputs: Path, db: Path, executor: object) -> dict[str, list[tuple[object, ...]]]:
    with Store(db) as store:
        result = ingest([inputs], store=store, batch_size=2, executor=executor)  # type: ignore[arg-type]
    assert result.written == len(STORIES) and result.failed == 1
    return _rows(db)


def test_ordered_window_keeps_order_and_bounds_work_in_flight() -> None:
    pulled = 0

    def tasks() -> object:
        nonlocal pulled
        for i in range(10):
            pulled += 1
            yield i

    out = []
    for r in ordered_window(lambda i: i * 2, lambda r: r, tasks(), window=3):  # type: ignore[arg-type]
        out.append(r)
        assert pulled - len(out) <= 3  # never more than the window ahead of the consumer
    assert out == [i * 2 for i in range(10)]


def test_inline_executor_maps_in_order() -> None:
    assert list(InlineExecutor().map(str, [1, 2, 3])) == ["1", "2", "3"]


def test_unknown_engine() -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        make_executor("spark")


@pytest.mark.slow
def test_dask_equals_local(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from sitrep.scale.cluster import DaskExecutor

    inputs = _inputs(tmp_path)
    local = _run(inputs, tmp_path / "local.duckdb", InlineExecutor())
    with DaskExecutor(n_workers=1, processes=False) as dask_ex:
        on_dask = _run(inputs, tmp_path / "dask.duckdb", dask_ex)
    assert on_dask == local
    assert len(local["articles"]) == len(STORIES)


@pytest.mark.slow
def test_two_processes_equal_local(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    local = _run(inputs, tmp_path / "local.duckdb", InlineExecutor())
    with ProcessExecutor(2) as procs:
        multi = _run(inputs, tmp_path / "multi.duckdb", procs)
    assert multi == local


@pytest.mark.slow
def test_cli_dask_engine_on_a_local_cluster(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from click.testing import CliRunner

    from sitrep.cli import main

    inputs = _inputs(tmp_path)
    local = _run(inputs, tmp_path / "local.duckdb", InlineExecutor())
    db = tmp_path / "dask.duckdb"
    res = CliRunner().invoke(
        main,
        [
            "ingest",
            str(inputs),
            "--db",
            str(db),
            "--engine",
            "dask",
            "--workers",
            "1",
            "--batch-size",
            "2",
            "-q",
        ],
    )
    assert res.exit_code == 0, res.output
    assert _rows(db) == local
