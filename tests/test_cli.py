"""Every CLI command has help text and is documented in README.md."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_has_help_and_docs(name: str) -> None:
    cmd = main.commands[name]
    assert cmd.help and len(cmd.help.strip()) > 20, f"`sitrep {name}` has no help text"
    res = CliRunner().invoke(main, [name, "--help"])
    assert res.exit_code == 0
    assert f"sitrep {name}" in README, f"`sitrep {name}` is not documented in README.md"


def test_version() -> None:
    res = CliRunner().invoke(main, ["--version"])
    assert res.exit_code == 0 and "sitrep" in res.output


def test_extract_missing_file_is_clear(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert res.exit_code != 0
    assert "nope.txt" in res.output


def test_extract_bad_date() -> None:
    res = CliRunner().invoke(main, ["extract", "-", "--published", "yesterday"], input="text")
    assert res.exit_code == 2
    assert "YYYY-MM-DD" in res.output
