"""Regression (issue 16): every ``sitrep eval`` task refuses data with no gold items, loudly."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.errors import EvalDataError, SitrepError
from sitrep.eval import TASKS, run_task


def _no_gold(task: str, root: Path) -> Path:
    """A folder in the task's format that holds no gold item."""
    if task == "casualties":
        (root / "dev").mkdir()
        (root / "dev" / "dev-muc3-0001-0100").write_text(
            "DEV-MUC3-0001 (TEST)\n\n   LIMA, 3 MAY 91 -- [TEXT] NOTHING HAPPENED.\n"
        )
        (root / "dev" / "key-dev-0001.muc4").write_text(
            "0.  MESSAGE: ID                     DEV-MUC3-0001\n"
            "1.  MESSAGE: TEMPLATE               *\n"
        )
    elif task == "boilerplate":
        (root / "ground-truth.json").write_text("{}")
    elif task == "quotes":
        (root / "text").mkdir()
        (root / "attributions").mkdir()
    elif task == "acled":
        (root / "events.csv").write_text("event_id_cnty,notes,fatalities\n")
    elif task == "events":
        (root / "PLOVER_GSR_CAMEO.txt").write_text("[]")
    elif task == "places":
        (root / "lgl.xml").write_text("<articles><gaztag/></articles>")
    return root


@pytest.mark.parametrize("task", sorted(TASKS))
def test_every_task_refuses_data_without_gold(task: str, tmp_path: Path) -> None:
    with pytest.raises(SitrepError):
        run_task(task, _no_gold(task, tmp_path))


@pytest.mark.parametrize("task", ["casualties", "times", "quotes", "boilerplate", "events"])
def test_empty_folder_is_an_eval_data_error(task: str, tmp_path: Path) -> None:
    with pytest.raises(EvalDataError, match=r"no .* found|no ground-truth|no PLOVER"):
        run_task(task, tmp_path)


def test_cli_exits_non_zero_with_the_reason(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["eval", "casualties", "--data", str(_no_gold("casualties", tmp_path))]
    )
    assert result.exit_code != 0
    assert "E500" in result.output or "E500" in (result.stderr or "")
